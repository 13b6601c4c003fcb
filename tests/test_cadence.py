"""Meeting-cadence compliance (issue 4): the evaluation library and `protsoc cadence`.

The library cases are tables: each row is a committee's rule, its meetings, the as-of date, and
what the secretariat must see (status, next due date, the state of every period or gap, the
breaches). Add a case = add a row.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from protsoc.governance import cadence
from protsoc.kernel import dates
from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.registry.loaded import Registry

SEED = "seeds/001_966c0b29bf8d288b.txt"
SHIPPED = Path(__file__).resolve().parent.parent / "registry"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def rule(per: str, mode: str, count: int = 1, **extra: Any) -> dict[str, Any]:
    return {"min_meetings": count, "per": per, "mode": mode, "source": {"document": SEED}, **extra}


def meeting(
    day: str, status: str = "held", kind: str | None = None, committee: str = "c"
) -> dict[str, Any]:
    data = {"id": f"{committee}/{day}", "committee": committee, "date": day, "status": status}
    if kind:
        data["kind"] = kind
    return data


@dataclass
class Case:
    name: str
    rule: dict[str, Any] | None
    meetings: list[dict[str, Any]]
    as_of: str
    status: str
    next_due: str | None
    # calendar: (start, end, state) per period; rolling: (from, to, state) per gap
    spans: list[tuple[str, str, str]] = field(default_factory=list)
    breaches: list[tuple[str, str]] = field(default_factory=list)
    created: str | None = "2020-01-01"
    tracking_start: str | None = "2020-01-01"
    since: str | None = None
    days_left: int | None = None
    days_late: int | None = None
    ended: str | None = None


Y, H, Q, M = "P1Y", "P6M", "P3M", "P1M"

CALENDAR_CASES = [
    Case(
        "no meetings at all: every ended period is a breach, the running one is due",
        rule(Y, "calendar"),
        [],
        "2022-06-15",
        "breach",
        "2022-12-31",
        [
            ("2020-01-01", "2020-12-31", "breach"),
            ("2021-01-01", "2021-12-31", "breach"),
            ("2022-01-01", "2022-12-31", "due"),
        ],
        [("2020-01-01", "2020-12-31"), ("2021-01-01", "2021-12-31")],
        days_left=199,
    ),
    Case(
        "no meetings yet, first period still running: compliant",
        rule(Y, "calendar"),
        [],
        "2020-06-15",
        "compliant",
        "2020-12-31",
        [("2020-01-01", "2020-12-31", "due")],
        days_left=199,
    ),
    Case(
        "meetings exactly on the half-year boundaries (30 Jun, 1 Jul)",
        rule(H, "calendar"),
        [meeting("2021-06-30"), meeting("2021-07-01")],
        "2021-12-31",
        "compliant",
        "2022-06-30",
        [("2021-01-01", "2021-06-30", "met"), ("2021-07-01", "2021-12-31", "met")],
        created="2021-01-01",
        tracking_start="2021-01-01",
    ),
    Case(
        "1 January belongs to the new year, not the one before",
        rule(Y, "calendar"),
        [meeting("2022-01-01")],
        "2022-03-01",
        "breach",
        "2023-12-31",
        [("2021-01-01", "2021-12-31", "breach"), ("2022-01-01", "2022-12-31", "met")],
        [("2021-01-01", "2021-12-31")],
        created="2021-01-01",
        tracking_start="2021-01-01",
    ),
    Case(
        "31 December belongs to the year ending",
        rule(Y, "calendar"),
        [meeting("2021-12-31")],
        "2022-03-01",
        "compliant",
        "2022-12-31",
        [("2021-01-01", "2021-12-31", "met"), ("2022-01-01", "2022-12-31", "due")],
        created="2021-01-01",
        tracking_start="2021-01-01",
    ),
    Case(
        "two meetings in one quarter and none in the next",
        rule(Q, "calendar"),
        [meeting("2023-01-10"), meeting("2023-03-20")],
        "2023-08-01",
        "breach",
        "2023-09-30",
        [
            ("2023-01-01", "2023-03-31", "met"),
            ("2023-04-01", "2023-06-30", "breach"),
            ("2023-07-01", "2023-09-30", "due"),
        ],
        [("2023-04-01", "2023-06-30")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
    Case(
        "leap year: February 2024 ends on the 29th, a meeting that day counts",
        rule(M, "calendar"),
        [meeting("2024-02-29")],
        "2024-03-15",
        "due-soon",
        "2024-03-31",
        [("2024-02-01", "2024-02-29", "met"), ("2024-03-01", "2024-03-31", "due")],
        created="2024-02-01",
        tracking_start="2024-02-01",
        days_left=16,
    ),
    Case(
        "non-leap year: February 2023 ends on the 28th",
        rule(M, "calendar"),
        [meeting("2023-03-01")],
        "2023-03-15",
        "breach",
        "2023-04-30",
        [("2023-02-01", "2023-02-28", "breach"), ("2023-03-01", "2023-03-31", "met")],
        [("2023-02-01", "2023-02-28")],
        created="2023-02-01",
        tracking_start="2023-02-01",
    ),
    Case(
        "planned and cancelled meetings are ignored",
        rule(Y, "calendar"),
        [meeting("2023-05-01", "planned"), meeting("2023-06-01", "cancelled")],
        "2024-02-01",
        "breach",
        "2024-12-31",
        [("2023-01-01", "2023-12-31", "breach"), ("2024-01-01", "2024-12-31", "due")],
        [("2023-01-01", "2023-12-31")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
    Case(
        "an extraordinary meeting counts",
        rule(Y, "calendar"),
        [meeting("2023-05-01", kind="extraordinary")],
        "2024-02-01",
        "compliant",
        "2024-12-31",
        [("2023-01-01", "2023-12-31", "met"), ("2024-01-01", "2024-12-31", "due")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
    Case(
        "rule starting mid-period: the cut first year is not required",
        rule(Y, "calendar"),
        [],
        "2024-03-01",
        "compliant",
        "2024-12-31",
        [("2023-09-15", "2023-12-31", "partial"), ("2024-01-01", "2024-12-31", "due")],
        created="2023-09-15",
        tracking_start="2018-04-03",
    ),
    Case(
        "rule starting mid-period: a meeting in the cut period still shows and counts",
        rule(Y, "calendar"),
        [meeting("2023-10-01")],
        "2024-03-01",
        "compliant",
        "2024-12-31",
        [("2023-09-15", "2023-12-31", "met"), ("2024-01-01", "2024-12-31", "due")],
        created="2023-09-15",
        tracking_start="2018-04-03",
    ),
    Case(
        "as-of inside the cut first period: next due is the end of the first full period",
        rule(Y, "calendar"),
        [],
        "2023-10-01",
        "compliant",
        "2024-12-31",
        [("2023-09-15", "2023-12-31", "partial")],
        created="2023-09-15",
        tracking_start="2018-04-03",
    ),
    Case(
        "as-of inside a running period that already holds its meeting: next due is the next period",
        rule(H, "calendar"),
        [meeting("2023-08-01")],
        "2023-09-10",
        "compliant",
        "2024-06-30",
        [("2023-07-01", "2023-12-31", "met")],
        created="2023-07-01",
        tracking_start="2023-07-01",
        days_left=294,
    ),
    Case(
        "as-of on the running period's last day: still due, not a breach",
        rule(H, "calendar"),
        [meeting("2023-03-01")],
        "2023-12-31",
        "due-soon",
        "2023-12-31",
        [("2023-01-01", "2023-06-30", "met"), ("2023-07-01", "2023-12-31", "due")],
        created="2023-01-01",
        tracking_start="2023-01-01",
        days_left=0,
    ),
    Case(
        "the day after the running period ends, it is a breach",
        rule(H, "calendar"),
        [meeting("2023-03-01")],
        "2024-01-01",
        "breach",
        "2024-06-30",
        [
            ("2023-01-01", "2023-06-30", "met"),
            ("2023-07-01", "2023-12-31", "breach"),
            ("2024-01-01", "2024-06-30", "due"),
        ],
        [("2023-07-01", "2023-12-31")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
    Case(
        "a late meeting does not erase the breach before it",
        rule(Y, "calendar"),
        [meeting("2023-02-01")],
        "2023-03-01",
        "breach",
        "2024-12-31",
        [
            ("2021-01-01", "2021-12-31", "breach"),
            ("2022-01-01", "2022-12-31", "breach"),
            ("2023-01-01", "2023-12-31", "met"),
        ],
        [("2021-01-01", "2021-12-31"), ("2022-01-01", "2022-12-31")],
        created="2021-01-01",
        tracking_start="2021-01-01",
    ),
    Case(
        "tracking start later than creation: earlier history is not a breach",
        rule(Y, "calendar"),
        [meeting("2024-11-26")],
        "2025-06-01",
        "compliant",
        "2025-12-31",
        [("2024-11-26", "2024-12-31", "met"), ("2025-01-01", "2025-12-31", "due")],
        created="2018-04-03",
        tracking_start="2024-11-26",
    ),
    Case(
        "--since earlier than the tracking start reports the years before it",
        rule(Y, "calendar"),
        [meeting("2024-11-26")],
        "2025-06-01",
        "breach",
        "2025-12-31",
        [
            ("2022-01-01", "2022-12-31", "breach"),
            ("2023-01-01", "2023-12-31", "breach"),
            ("2024-01-01", "2024-12-31", "met"),
            ("2025-01-01", "2025-12-31", "due"),
        ],
        [("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31")],
        created="2018-04-03",
        tracking_start="2024-11-26",
        since="2022-01-01",
    ),
    Case(
        "--since never goes before the committee's creation",
        rule(Y, "calendar"),
        [meeting("2018-06-01")],
        "2018-09-01",
        "compliant",
        "2019-12-31",
        [("2018-04-03", "2018-12-31", "met")],
        created="2018-04-03",
        tracking_start="2024-11-26",
        since="2010-01-01",
    ),
    Case(
        "--since later than the start evaluates only from there",
        rule(Y, "calendar"),
        [],
        "2025-06-01",
        "compliant",
        "2025-12-31",
        [("2025-01-01", "2025-12-31", "due")],
        created="2021-01-01",
        tracking_start="2021-01-01",
        since="2025-01-01",
    ),
    Case(
        "an explicit rule start wins over the committee's creation",
        rule(Q, "calendar", start="2023-04-01"),
        [meeting("2023-05-05")],
        "2023-08-01",
        "compliant",
        "2023-09-30",
        [("2023-04-01", "2023-06-30", "met"), ("2023-07-01", "2023-09-30", "due")],
        created="2018-04-03",
        tracking_start="2018-04-03",
        days_left=60,
    ),
    Case(
        "two meetings required: one is not enough",
        rule(Y, "calendar", 2),
        [meeting("2023-03-01")],
        "2024-01-15",
        "breach",
        "2024-12-31",
        [("2023-01-01", "2023-12-31", "breach"), ("2024-01-01", "2024-12-31", "due")],
        [("2023-01-01", "2023-12-31")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
    Case(
        "a meeting after the as-of date is not counted",
        rule(Y, "calendar"),
        [meeting("2023-05-01")],
        "2023-04-01",
        "compliant",
        "2023-12-31",
        [("2023-01-01", "2023-12-31", "due")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
    Case(
        "as-of before the rule starts: nothing judged, the first full period is next",
        rule(Y, "calendar"),
        [],
        "2024-01-01",
        "compliant",
        "2025-12-31",
        [],
        created="2018-04-03",
        tracking_start="2024-11-26",
    ),
    Case(
        "a dissolved committee is judged until its end, with nothing due after",
        rule(Y, "calendar"),
        [meeting("2021-05-01")],
        "2024-01-01",
        "compliant",
        None,
        [("2021-01-01", "2021-12-31", "met"), ("2022-01-01", "2022-03-31", "partial")],
        created="2021-01-01",
        tracking_start="2021-01-01",
        ended="2022-03-31",
    ),
]

ROLLING_CASES = [
    Case(
        "no meetings at all, deadline passed: one open gap in breach (the shipped technical "
        "committee)",
        rule(H, "rolling"),
        [],
        "2026-11-22",
        "breach",
        "2025-05-26",
        [("2024-11-26", "2026-11-22", "breach")],
        [("2024-11-26", "2026-11-22")],
        created="2018-04-03",
        tracking_start="2024-11-26",
        days_late=545,
    ),
    Case(
        "no meetings yet, within six months of the start: due",
        rule(H, "rolling"),
        [],
        "2025-03-01",
        "compliant",
        "2025-05-26",
        [("2024-11-26", "2025-03-01", "due")],
        created="2018-04-03",
        tracking_start="2024-11-26",
        days_left=86,
    ),
    Case(
        "on the deadline itself: due today, not late",
        rule(H, "rolling"),
        [],
        "2025-05-26",
        "due-soon",
        "2025-05-26",
        [("2024-11-26", "2025-05-26", "due")],
        created="2018-04-03",
        tracking_start="2024-11-26",
        days_left=0,
    ),
    Case(
        "the day after the deadline: one day late",
        rule(H, "rolling"),
        [],
        "2025-05-27",
        "breach",
        "2025-05-26",
        [("2024-11-26", "2025-05-27", "breach")],
        [("2024-11-26", "2025-05-27")],
        created="2018-04-03",
        tracking_start="2024-11-26",
        days_late=1,
    ),
    Case(
        "month end: 31 Aug + 6 months = 28 Feb, a meeting that day is on time",
        rule(H, "rolling"),
        [meeting("2025-02-28")],
        "2025-04-01",
        "compliant",
        "2025-08-28",
        [("2024-08-31", "2025-02-28", "met"), ("2025-02-28", "2025-04-01", "due")],
        created="2024-08-31",
        tracking_start="2024-08-31",
    ),
    Case(
        "month end: 1 March after a 31 August start is a day late",
        rule(H, "rolling"),
        [meeting("2025-03-01")],
        "2025-04-01",
        "breach",
        "2025-09-01",
        [("2024-08-31", "2025-03-01", "breach"), ("2025-03-01", "2025-04-01", "due")],
        [("2024-08-31", "2025-03-01")],
        created="2024-08-31",
        tracking_start="2024-08-31",
    ),
    Case(
        "leap year: 31 Aug 2023 + 6 months = 29 Feb 2024",
        rule(H, "rolling"),
        [meeting("2024-02-29")],
        "2024-04-01",
        "compliant",
        "2024-08-29",
        [("2023-08-31", "2024-02-29", "met"), ("2024-02-29", "2024-04-01", "due")],
        created="2023-08-31",
        tracking_start="2023-08-31",
    ),
    Case(
        "leap year: 1 March 2024 is late after a 31 Aug 2023 start",
        rule(H, "rolling"),
        [meeting("2024-03-01")],
        "2024-04-01",
        "breach",
        "2024-09-01",
        [("2023-08-31", "2024-03-01", "breach"), ("2024-03-01", "2024-04-01", "due")],
        [("2023-08-31", "2024-03-01")],
        created="2023-08-31",
        tracking_start="2023-08-31",
    ),
    Case(
        "two meetings close together, then none: the open gap is the breach",
        rule(H, "rolling"),
        [meeting("2023-02-01"), meeting("2023-03-01")],
        "2023-12-01",
        "breach",
        "2023-09-01",
        [
            ("2023-01-01", "2023-02-01", "met"),
            ("2023-02-01", "2023-03-01", "met"),
            ("2023-03-01", "2023-12-01", "breach"),
        ],
        [("2023-03-01", "2023-12-01")],
        created="2023-01-01",
        tracking_start="2023-01-01",
        days_late=91,
    ),
    Case(
        "a late meeting does not erase the breach before it",
        rule(H, "rolling"),
        [meeting("2023-09-01")],
        "2023-10-01",
        "breach",
        "2024-03-01",
        [("2023-01-01", "2023-09-01", "breach"), ("2023-09-01", "2023-10-01", "due")],
        [("2023-01-01", "2023-09-01")],
        created="2023-01-01",
        tracking_start="2023-01-01",
        days_left=152,
    ),
    Case(
        "planned and cancelled meetings are ignored",
        rule(H, "rolling"),
        [meeting("2023-03-01", "planned"), meeting("2023-04-01", "cancelled")],
        "2023-08-01",
        "breach",
        "2023-07-01",
        [("2023-01-01", "2023-08-01", "breach")],
        [("2023-01-01", "2023-08-01")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
    Case(
        "an extraordinary meeting counts",
        rule(H, "rolling"),
        [meeting("2023-03-01", kind="extraordinary")],
        "2023-08-01",
        "compliant",
        "2023-09-01",
        [("2023-01-01", "2023-03-01", "met"), ("2023-03-01", "2023-08-01", "due")],
        created="2023-01-01",
        tracking_start="2023-01-01",
        days_left=31,
    ),
    Case(
        "rule starting mid-month: one full period from the start",
        rule(H, "rolling"),
        [],
        "2023-11-17",
        "due-soon",
        "2023-11-17",
        [("2023-05-17", "2023-11-17", "due")],
        created="2023-05-17",
        tracking_start="2018-04-03",
    ),
    Case(
        "meetings before the rule's start are not counted",
        rule(H, "rolling"),
        [meeting("2024-10-01")],
        "2025-06-01",
        "breach",
        "2025-05-26",
        [("2024-11-26", "2025-06-01", "breach")],
        [("2024-11-26", "2025-06-01")],
        created="2018-04-03",
        tracking_start="2024-11-26",
    ),
    Case(
        "as-of before the rule starts: the first deadline is one period after the start",
        rule(H, "rolling"),
        [],
        "2024-01-01",
        "compliant",
        "2025-05-26",
        [],
        created="2018-04-03",
        tracking_start="2024-11-26",
    ),
    Case(
        "--since replaces the start",
        rule(H, "rolling"),
        [meeting("2025-07-01")],
        "2025-09-01",
        "compliant",
        "2026-01-01",
        [("2025-03-01", "2025-07-01", "met"), ("2025-07-01", "2025-09-01", "due")],
        created="2018-04-03",
        tracking_start="2024-11-26",
        since="2025-03-01",
    ),
    Case(
        "two meetings every six months: each event needs two held meetings within six months",
        rule(H, "rolling", 2),
        [meeting("2023-02-01"), meeting("2023-05-01"), meeting("2023-10-01")],
        "2023-10-15",
        "breach",
        "2023-11-01",
        [
            ("2023-01-01", "2023-05-01", "met"),
            ("2023-02-01", "2023-10-01", "breach"),
            ("2023-05-01", "2023-10-15", "due"),
        ],
        [("2023-02-01", "2023-10-01")],
        created="2023-01-01",
        tracking_start="2023-01-01",
    ),
]

NO_RULE_CASES = [
    Case(
        "none: true is no rule",
        {"none": True, "source": {"document": SEED}},
        [meeting("2023-01-01")],
        "2024-01-01",
        "no-rule",
        None,
    ),
    Case("a missing cadence is no rule", None, [], "2024-01-01", "no-rule", None),
]


def _evaluate(case: Case) -> cadence.CommitteeCadence:
    committee: dict[str, Any] = {"id": "c", "name": {"ar": "لجنة"}}
    if case.rule is not None:
        committee["cadence"] = case.rule
    for key in ("created", "ended"):
        if getattr(case, key):
            committee[key] = getattr(case, key)
    return cadence.evaluate_committee(
        "c",
        committee,
        cadence.held_meetings(case.meetings),
        d(case.as_of),
        tracking_start=d(case.tracking_start) if case.tracking_start else None,
        since=d(case.since) if case.since else None,
    )


def _check(case: Case, result: cadence.CommitteeCadence, spans: list | None) -> None:
    assert result.status == case.status
    assert str(result.next_due) == str(case.next_due) if case.next_due else result.next_due is None
    if case.days_left is not None:
        assert result.days_left == case.days_left and result.days_late is None
    if case.days_late is not None:
        assert result.days_late == case.days_late and result.days_left is None
    assert [(str(a), str(b), state) for a, b, state in (spans or [])] == case.spans
    assert [(str(b.start), str(b.end)) for b in result.breaches] == case.breaches


@pytest.mark.parametrize("case", CALENDAR_CASES, ids=lambda c: c.name)
def test_calendar_mode(case: Case) -> None:
    result = _evaluate(case)
    assert result.gaps is None
    _check(case, result, [(p.start, p.end, p.state) for p in result.periods or []])
    for p in result.periods or []:
        assert p.ok == (p.state != "breach")


@pytest.mark.parametrize("case", ROLLING_CASES, ids=lambda c: c.name)
def test_rolling_mode(case: Case) -> None:
    result = _evaluate(case)
    assert result.periods is None
    _check(case, result, [(g.start, g.end, g.state) for g in result.gaps or []])
    for g in result.gaps or []:
        assert g.days == (g.end - g.start).days


@pytest.mark.parametrize("case", NO_RULE_CASES, ids=lambda c: c.name)
def test_no_rule(case: Case) -> None:
    result = _evaluate(case)
    assert result.status == "no-rule"
    assert result.next_due is None and result.periods is None and result.gaps is None
    assert result.words["en"] == "no rule"


def test_calendar_periods_list_the_meetings_they_hold() -> None:
    result = _evaluate(CALENDAR_CASES[5])  # two meetings in one quarter
    assert result.periods is not None
    assert result.periods[0].meeting_ids == ["c/2023-01-10", "c/2023-03-20"]
    assert result.breaches[0].held == 0 and result.breaches[0].required == 1


def test_last_held_ignores_planned_and_future_meetings() -> None:
    result = _evaluate(
        Case(
            "",
            rule(Y, "calendar"),
            [meeting("2023-02-01"), meeting("2023-06-01", "planned"), meeting("2023-09-01")],
            "2023-08-01",
            "compliant",
            None,
        )
    )
    assert result.last_held == cadence.HeldMeeting("c/2023-02-01", d("2023-02-01"))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2024-08-31", 6, "2025-02-28"),
        ("2023-08-31", 6, "2024-02-29"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-03-31", 3, "2024-06-30"),
        ("2024-11-26", 6, "2025-05-26"),
        ("2024-12-31", 1, "2025-01-31"),
    ],
)
def test_month_arithmetic_is_calendar_correct(day: str, months: int, expected: str) -> None:
    assert dates.add_months(d(day), months) == d(expected)


@pytest.mark.parametrize(
    ("day", "months", "start", "end"),
    [
        ("2024-02-29", 1, "2024-02-01", "2024-02-29"),
        ("2023-02-10", 1, "2023-02-01", "2023-02-28"),
        ("2024-06-30", 6, "2024-01-01", "2024-06-30"),
        ("2024-07-01", 6, "2024-07-01", "2024-12-31"),
        ("2024-11-26", 3, "2024-10-01", "2024-12-31"),
        ("2024-11-26", 12, "2024-01-01", "2024-12-31"),
    ],
)
def test_calendar_periods(day: str, months: int, start: str, end: str) -> None:
    first = cadence.period_start(d(day), months)
    assert (first, cadence.period_end(first, months)) == (d(start), d(end))


def test_describe_keeps_its_shape() -> None:
    assert cadence.describe(rule(Y, "calendar")) == {
        "en": "at least 1 meeting per calendar year",
        "ar": "اجتماع واحد على الأقل في كل سنة ميلادية",
    }
    assert cadence.describe(rule(H, "rolling", 2))["ar"] == "اجتماعان على الأقل كل ستة أشهر"
    assert cadence.describe({"none": True}) == {"en": "no rule", "ar": "دون دورية محددة"}


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ({"per": "P2W"}, "cadence.per"),
        ({"mode": "weekly"}, "cadence.mode"),
        ({"min_meetings": 0}, "min_meetings"),
    ],
)
def test_a_malformed_rule_is_an_invalid_record(bad: dict[str, Any], words: str) -> None:
    broken = {**rule(Y, "calendar"), **bad}
    with pytest.raises(InvalidRecord, match=words) as caught:
        cadence.evaluate_committee("c", {"cadence": broken}, [], d("2024-01-01"))
    assert "protsoc validate" in (caught.value.hint or "")


# --------------------------------------------------------------------------------------------
# Over a registry on disk


def _committee(
    committee_id: str, kind: str, cadence_rule: dict[str, Any], created: str = "2018-04-03"
) -> dict[str, Any]:
    return {
        "id": committee_id,
        "name": {"ar": "لجنة " + committee_id},
        "kind": kind,
        "created": created,
        "legal_basis": {"document": SEED},
        "cadence": cadence_rule,
        "members": [],
        "sources": [{"document": SEED}],
    }


def _meeting_file(
    committee_id: str, day: str, status: str = "held", **extra: Any
) -> dict[str, Any]:
    return {
        "id": f"{committee_id}/{day}",
        "committee": committee_id,
        "date": day,
        "status": status,
        "sources": [{"document": SEED}],
        **extra,
    }


@pytest.fixture
def two_committees(make_registry):  # type: ignore[no-untyped-def]
    """Steering (1/calendar year, met 2024-11-26) and technical (1 per 6 months rolling)."""
    from conftest import MANIFEST

    return make_registry(
        {
            "protsoc.yaml": {**MANIFEST, "tracking_start": "2024-11-26"},
            "committees/technical.yaml": _committee("technical", "technical", rule(H, "rolling")),
            "meetings/technical/2025-03-10.yaml": _meeting_file(
                "technical", "2025-03-10", kind="extraordinary"
            ),
            "meetings/technical/2025-06-01.yaml": _meeting_file(
                "technical", "2025-06-01", "planned"
            ),
        }
    )


def test_evaluate_a_registry(two_committees) -> None:  # type: ignore[no-untyped-def]
    report = cadence.evaluate(Registry.load(two_committees.root), d("2025-06-15"))
    by_id = {c.id: c for c in report.committees}
    assert [c.id for c in report.committees] == ["steering", "technical"]
    assert (
        by_id["steering"].status == "compliant" and str(by_id["steering"].next_due) == "2025-12-31"
    )
    assert by_id["technical"].status == "compliant"
    assert (
        by_id["technical"].last_held and by_id["technical"].last_held.id == "technical/2025-03-10"
    )
    assert str(by_id["technical"].next_due) == "2025-09-10"
    assert not report.in_breach


def test_committee_filter_and_unknown_committee(two_committees) -> None:  # type: ignore[no-untyped-def]
    registry = Registry.load(two_committees.root)
    assert [
        c.id
        for c in cadence.evaluate(registry, d("2025-06-15"), committees=["technical"]).committees
    ] == ["technical"]
    with pytest.raises(UsageError, match="nope") as caught:
        cadence.evaluate(registry, d("2025-06-15"), committees=["nope"])
    assert "steering, technical" in (caught.value.hint or "")


def test_by_committee_for_status_never_raises(two_committees) -> None:  # type: ignore[no-untyped-def]
    two_committees.patch(
        "committees/technical.yaml", {"cadence": {**rule(H, "rolling"), "per": "P2W"}}
    )
    found = cadence.by_committee(Registry.load(two_committees.root), d("2026-01-15"))
    assert found["technical"] is None
    steering = found["steering"]
    assert (
        steering is not None
        and steering.status == "breach"
        and str(steering.next_due) == "2026-12-31"
    )


def test_since_after_as_of_is_a_usage_error(two_committees) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="--since"):
        cadence.evaluate(Registry.load(two_committees.root), d("2025-06-15"), since=d("2025-07-01"))


def test_an_unreadable_meeting_refuses_to_guess(two_committees) -> None:  # type: ignore[no-untyped-def]
    two_committees.write("meetings/technical/2025-04-01.yaml", "id: [unclosed\n")
    with pytest.raises(InvalidRecord, match="2025-04-01"):
        cadence.evaluate(Registry.load(two_committees.root), d("2025-06-15"))


# --------------------------------------------------------------------------------------------
# The command


def test_cli_text_and_exit_code_on_breach(two_committees, run) -> None:  # type: ignore[no-untyped-def]
    out = run(
        ["protsoc", "cadence", "--as-of", "2026-01-15", "--registry", str(two_committees.root)]
    )
    assert out.exit_code == 1, out.output
    assert out.stderr == ""
    assert "Meeting cadence as of 2026-01-15" in out.stdout
    assert "at least 1 meeting every 6 months (rolling)" in out.stdout
    assert "اجتماع واحد على الأقل كل ستة أشهر" in out.stdout  # the rule in Arabic too
    assert "breach: period 2025-01-01 to 2025-12-31: 0 of 1 required held meeting" in out.stdout
    assert (
        "no held meeting since 2025-03-10: due by 2025-09-10, 127 days late on 2026-01-15"
        in out.stdout
    )


def test_cli_exit_zero_when_compliant(two_committees, run) -> None:  # type: ignore[no-untyped-def]
    out = run(
        ["protsoc", "cadence", "--as-of", "2025-06-15", "--registry", str(two_committees.root)]
    )
    assert out.exit_code == 0, out.output
    assert "compliant" in out.stdout


def test_cli_due_soon_days(two_committees, run) -> None:  # type: ignore[no-untyped-def]
    args = [
        "cadence",
        "--as-of",
        "2025-08-20",
        "--committee",
        "technical",
        "--format",
        "json",
        "--registry",
        str(two_committees.root),
    ]
    assert json.loads(run(args).stdout)["committees"][0]["status"] == "due-soon"  # due 2025-09-10
    soon = json.loads(run([*args, "--due-soon-days", "7"]).stdout)
    assert soon["committees"][0]["status"] == "compliant"
    assert soon["due_soon_days"] == 7


def test_cli_json_document(two_committees, run) -> None:  # type: ignore[no-untyped-def]
    out = run(
        [
            "cadence",
            "--as-of",
            "2026-01-15",
            "--format",
            "json",
            "--registry",
            str(two_committees.root),
        ]
    )
    assert out.exit_code == 1
    doc = json.loads(out.stdout)
    assert doc["as_of"] == "2026-01-15" and doc["breach"] is True
    steering, technical = doc["committees"]
    for committee in (steering, technical):
        assert {"id", "rule", "status", "last_held", "next_due", "breaches"} <= set(committee)
    assert steering["rule"]["per"] == "P1Y" and steering["rule"]["mode"] == "calendar"
    assert steering["rule"]["start"] == "2024-11-26"
    assert steering["periods"][0] == {
        "start": "2024-11-26",
        "end": "2024-12-31",
        "meeting_ids": ["steering/2024-11-26"],
        "ok": True,
        "state": "met",
        "partial": True,
    }
    assert "gaps" not in steering and "periods" not in technical
    gap = technical["gaps"][0]
    assert (gap["from"], gap["to"], gap["days"], gap["ok"]) == (
        "2024-11-26",
        "2025-03-10",
        104,
        True,
    )
    assert technical["gaps"][-1]["ok"] is False and technical["gaps"][-1]["open"] is True
    assert technical["breaches"] == [
        {
            "kind": "gap",
            "from": "2025-03-10",
            "to": "2026-01-15",
            "held": 0,
            "required": 1,
            "deadline": "2025-09-10",
            "days_late": 127,
            "ongoing": True,
        }
    ]
    assert technical["last_held"] == {"id": "technical/2025-03-10", "date": "2025-03-10"}
    assert technical["days_late"] == 127 and technical["days_left"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "22/11/2026"], "--as-of '22/11/2026' is not a date"),
        (["--since", "2026-13-01"], "--since '2026-13-01' is not a date"),
        (["--committee", "nope"], "no committee 'nope'"),
        (["--format", "xml"], "unknown --format 'xml'"),
        (["--as-of", "2025-01-01", "--since", "2025-02-01"], "is after --as-of"),
    ],
)
def test_cli_usage_errors_exit_2(two_committees, run, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    out = run(["cadence", *args, "--registry", str(two_committees.root)])
    assert out.exit_code == 2
    assert message in out.stderr
    assert "Traceback" not in out.output and out.stdout == ""


def test_cli_as_of_defaults_to_today_in_morocco(two_committees, run) -> None:  # type: ignore[no-untyped-def]
    before = dates.today()
    out = run(["cadence", "--format", "json", "--registry", str(two_committees.root)])
    after = dates.today()
    assert json.loads(out.stdout)["as_of"] in {before.isoformat(), after.isoformat()}


def test_cli_subprocess_on_the_shipped_registry(tmp_path: Path, run_process) -> None:  # type: ignore[no-untyped-def]
    """The closing note's command, on a copy of the shipped registry."""
    copy = tmp_path / "registry"
    shutil.copytree(SHIPPED, copy)
    out = run_process(["protsoc", "cadence", "--as-of", "2026-11-22", "--registry", str(copy)])
    assert out.exit_code == 1, out.output
    assert "breach: period 2025-01-01 to 2025-12-31: 0 of 1 required held meeting" in out.stdout
    doc = json.loads(
        run_process(
            [
                "protsoc",
                "cadence",
                "--as-of",
                "2026-11-22",
                "--format",
                "json",
                "--registry",
                str(copy),
            ]
        ).stdout
    )
    by_id = {c["id"]: c for c in doc["committees"]}
    assert by_id["steering"]["status"] == "breach"
    assert by_id["steering"]["periods"][0]["meeting_ids"] == ["steering/2024-11-26"]
    assert by_id["steering"]["next_due"] == "2026-12-31"
    assert by_id["technical"]["rule"]["mode"] == "rolling"
    thematic = [c for c in doc["committees"] if c["id"].startswith("thematic")]
    assert {c["status"] for c in thematic} == {"no-rule"}
    assert all(c["rule"]["none"] is True and c["rule"]["source"]["document"] for c in thematic)


def test_importing_the_commands_loads_no_heavy_library(python: str) -> None:
    import subprocess

    code = (
        "import sys, protsoc.cli.cadence, protsoc.cli.calendar, protsoc.governance.cadence, "
        "protsoc.governance.meeting_calendar; "
        "print(sorted(m for m in ('icalendar', 'rich', 'jinja2', 'jsonschema', 'git') if m in "
        "sys.modules))"
    )
    assert (
        subprocess.run(
            [python, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        == "[]"
    )
