"""Meeting-cadence rules of the committees, and whether each committee keeps its rule.

A rule reads "at least N held meetings per period" (circular, «أولا»: the Steering Committee meets
once a year, the Technical Committee at least once every six months; thematic committees follow
the schedule their lead ministry records, if any). Two modes:

- ``calendar``: every calendar period (year; half-year Jan-Jun / Jul-Dec; quarter; month) since the
  rule's start must hold N held meetings;
- ``rolling``: no gap longer than the period between the rule's start and the first held meeting,
  between held meetings, and between the last held meeting and the as-of date (with N > 1: every
  event must be followed by N held meetings within one period, i.e. every rolling window holds N).

Decisions this module makes (tests pin each one):

- Only ``held`` meetings count, extraordinary ones included; ``planned`` and ``cancelled`` do not.
  Meetings after the as-of date are not counted (``--as-of`` in the past replays the past).
- A rule starts at its own ``start`` if it has one, else at the committee's creation, and never
  before the registry's ``tracking_start`` (history before the registry was kept is not a breach).
  ``since`` replaces that start, but never goes before the committee's creation or the rule's
  explicit ``start``.
- A calendar period cut by the start (a rule starting mid-period) is *partial*: its meetings are
  shown and count, but it is not required; the first required period is the first full one. A
  rolling rule gives one full period from its start instead.
- A period or gap still running on the as-of date (its last day included) is *due*, not a breach.
  A committee is in ``breach`` when any period or gap of the evaluated window was breached: a
  late meeting does not erase the breach before it.
- ``due-soon``: no breach, and the next due date is at most ``due_soon_days`` days away
  (default 30).
- Month arithmetic is calendar-correct (31 Aug + 6 months = 28/29 Feb), see ``dates.add_months``.

The functions are pure: they take the loaded registry (or plain values) and return dataclasses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from protsoc.governance.vocabulary import CADENCE_MODES
from protsoc.kernel import dates
from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.registry.records import is_erratum

_PERIOD_EN = {
    "P1Y": ("year", "12 months"),
    "P6M": ("half-year", "6 months"),
    "P3M": ("quarter", "3 months"),
    "P1M": ("month", "1 month"),
}
_PERIOD_AR = {
    "P1Y": ("سنة ميلادية", "اثني عشر شهرا"),
    "P6M": ("نصف سنة ميلادية", "ستة أشهر"),
    "P3M": ("ربع سنة ميلادية", "ثلاثة أشهر"),
    "P1M": ("شهر ميلادي", "شهر"),
}

DEFAULT_DUE_SOON_DAYS = 30
MAX_DUE_SOON_DAYS = 3660
MODES = CADENCE_MODES

COMPLIANT, DUE_SOON, BREACH, NO_RULE = "compliant", "due-soon", "breach", "no-rule"
# States of one period or gap.
MET, BREACHED, DUE, PARTIAL = "met", "breach", "due", "partial"

_ONE_DAY = dt.timedelta(days=1)


def describe(rule: Any) -> dict[str, str]:
    """The rule in words, in English and Arabic."""
    if not isinstance(rule, dict) or rule.get("none"):
        return {"en": "no rule", "ar": "دون دورية محددة"}
    count, per, mode = (
        rule.get("min_meetings", 1),
        rule.get("per", "P1Y"),
        rule.get("mode", "calendar"),
    )
    calendar_en, rolling_en = _PERIOD_EN.get(per, (per, per))
    calendar_ar, rolling_ar = _PERIOD_AR.get(per, (per, per))
    meetings_en = "1 meeting" if count == 1 else f"{count} meetings"
    meetings_ar = (
        "اجتماع واحد" if count == 1 else ("اجتماعان" if count == 2 else f"{count} اجتماعات")
    )
    if mode == "rolling":
        return {
            "en": f"at least {meetings_en} every {rolling_en} (rolling)",
            "ar": f"{meetings_ar} على الأقل كل {rolling_ar}",
        }
    return {
        "en": f"at least {meetings_en} per calendar {calendar_en}",
        "ar": f"{meetings_ar} على الأقل في كل {calendar_ar}",
    }


# --------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class HeldMeeting:
    id: str
    date: dt.date


@dataclass
class Period:
    """One calendar period (calendar mode)."""

    start: dt.date
    end: dt.date
    meeting_ids: list[str]
    state: str  # met / breach / due (still running) / partial (cut by the start, not required)
    partial: bool = False

    @property
    def ok(self) -> bool:
        return self.state != BREACHED


@dataclass
class Gap:
    """The time between an event (the rule's start or a held meeting) and the N-th held meeting
    after it (rolling mode); an open gap runs to the as-of date."""

    start: dt.date
    end: dt.date
    days: int
    deadline: dt.date  # the latest date the closing meeting could be held
    state: str  # met / breach / due (open, deadline not passed)
    from_meeting: str | None  # None: the gap starts at the rule's start
    to_meeting: str | None  # None: the gap is open (runs to the as-of date)

    @property
    def ok(self) -> bool:
        return self.state != BREACHED

    @property
    def open(self) -> bool:
        return self.to_meeting is None


@dataclass
class Breach:
    """A breached period or gap, with its dates."""

    kind: str  # "period" or "gap"
    start: dt.date
    end: dt.date
    held: int  # held meetings in the period (calendar) or in the gap's window (rolling)
    required: int
    deadline: dt.date  # calendar: the period's last day; rolling: the gap's deadline
    days_late: int  # rolling: days past the deadline (so far, when ongoing); calendar: 0
    ongoing: bool  # the gap is still open on the as-of date


@dataclass
class CommitteeCadence:
    id: str
    name: dict[str, str]
    rule: dict[str, Any] | None  # None: no rule
    words: dict[str, str]
    status: str
    start: dt.date | None  # the evaluated window's first day
    last_held: HeldMeeting | None
    next_due: dt.date | None
    days_left: int | None
    days_late: int | None
    periods: list[Period] | None = None  # calendar mode
    gaps: list[Gap] | None = None  # rolling mode
    breaches: list[Breach] = field(default_factory=list)
    dissolved: dt.date | None = None
    source: dict[str, Any] | None = None  # where the rule (or the absence of one) comes from


@dataclass
class CadenceReport:
    as_of: dt.date
    since: dt.date | None
    due_soon_days: int
    committees: list[CommitteeCadence]

    @property
    def in_breach(self) -> list[CommitteeCadence]:
        return [c for c in self.committees if c.status == BREACH]


# --------------------------------------------------------------------------------------------
# Evaluation


def evaluate(
    registry: Any,
    as_of: dt.date,
    since: dt.date | None = None,
    committees: Sequence[str] | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> CadenceReport:
    """Evaluate every committee's cadence rule (or the ``committees`` given) on ``as_of``."""
    if since is not None and since > as_of:
        raise UsageError(
            f"--since {since} is after --as-of {as_of}", "give a --since date on or before --as-of"
        )
    if due_soon_days < 0:
        raise UsageError("--due-soon-days must be 0 or more", "e.g. --due-soon-days 30")
    if (
        due_soon_days > MAX_DUE_SOON_DAYS
    ):  # a due date that far ahead is past any year protsoc computes
        raise UsageError(
            f"--due-soon-days must be at most {MAX_DUE_SOON_DAYS} (ten years)",
            "e.g. --due-soon-days 30",
        )
    _refuse_unreadable(registry)
    records = registry.by_id("committee")
    wanted = list(dict.fromkeys(committees or []))
    unknown = [c for c in wanted if c not in records]
    if unknown:
        known = ", ".join(sorted(records)) or "none"
        raise UsageError(
            f"no committee {', '.join(map(repr, unknown))} in the registry",
            f"known committees: {known}",
        )
    tracking_start = dates.parse(registry.manifest.get("tracking_start"))
    chosen = (
        [records[c] for c in wanted] if wanted else sorted(records.values(), key=_committee_order)
    )
    results = []
    for record in chosen:
        held = held_meetings(m.data for m in registry.meetings_of(record.id))
        results.append(
            evaluate_committee(
                record.id,
                record.data or {},
                held,
                as_of,
                tracking_start,
                since,
                due_soon_days,
                path=record.path,
            )
        )
    return CadenceReport(as_of=as_of, since=since, due_soon_days=due_soon_days, committees=results)


def by_committee(
    registry: Any, as_of: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> dict[str, CommitteeCadence | None]:
    """Every committee's evaluation for overviews (``protsoc status``): never raises on bad data;
    a committee whose rule cannot be judged maps to None (``protsoc validate`` reports why)."""
    tracking_start = dates.parse(registry.manifest.get("tracking_start"))
    found: dict[str, CommitteeCadence | None] = {}
    for record in registry.of_kind("committee"):
        held = held_meetings(m.data for m in registry.meetings_of(record.id))
        try:
            found[record.id] = evaluate_committee(
                record.id,
                record.data or {},
                held,
                as_of,
                tracking_start,
                None,
                due_soon_days,
                path=record.path,
            )
        except InvalidRecord:
            found[record.id] = None
    return found


def held_meetings(meetings: Iterable[Any]) -> list[HeldMeeting]:
    """The meetings that count: status ``held`` (ordinary or extraordinary) with a valid date."""
    found = []
    for data in meetings:
        # An erratum corrects a meeting's minutes; it is not a meeting of its own.
        if not isinstance(data, dict) or data.get("status") != "held" or is_erratum(data):
            continue
        day = dates.parse(data.get("date"))
        if day is not None:
            found.append(HeldMeeting(str(data.get("id", "")), day))
    return sorted(found, key=lambda m: (m.date, m.id))


def evaluate_committee(
    committee_id: str,
    committee: dict[str, Any],
    held: Sequence[HeldMeeting],
    as_of: dt.date,
    tracking_start: dt.date | None = None,
    since: dt.date | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    path: str | None = None,
) -> CommitteeCadence:
    """One committee's compliance on ``as_of``, from its record and its held meetings."""
    rule = committee.get("cadence")
    raw_name = committee.get("name")
    name: dict[str, str] = raw_name if isinstance(raw_name, dict) else {"ar": committee_id}
    counted = sorted((m for m in held if m.date <= as_of), key=lambda m: (m.date, m.id))
    last_held = counted[-1] if counted else None
    words = describe(rule)
    source = (
        rule.get("source")
        if isinstance(rule, dict) and isinstance(rule.get("source"), dict)
        else None
    )
    if not isinstance(rule, dict) or rule.get("none"):
        return CommitteeCadence(
            committee_id,
            name,
            None,
            words,
            NO_RULE,
            None,
            last_held,
            None,
            None,
            None,
            source=source,
        )
    count, months, mode = _checked_rule(committee_id, rule, path)
    created = dates.parse(committee.get("created"))
    ended = dates.parse(committee.get("ended"))
    start = rule_start(rule, created, tracking_start, since)
    if start is None:  # neither a creation date nor a tracking start: judge from the first meeting
        start = counted[0].date if counted else as_of
    end = min(as_of, ended) if ended else as_of
    window = [m for m in counted if start <= m.date <= end]
    result = CommitteeCadence(
        committee_id,
        name,
        dict(rule),
        words,
        COMPLIANT,
        start,
        last_held,
        None,
        None,
        None,
        dissolved=ended if ended and ended <= as_of else None,
        source=source,
    )
    if mode == "calendar":
        result.periods, result.next_due = _calendar(
            window, count, months, start, end, result.dissolved is not None
        )
        result.breaches = [
            Breach("period", p.start, p.end, len(p.meeting_ids), count, p.end, 0, False)
            for p in result.periods
            if p.state == BREACHED
        ]
    else:
        result.gaps, result.next_due = _rolling(
            window, count, months, start, end, result.dissolved is not None
        )
        result.breaches = [
            Breach(
                "gap",
                g.start,
                g.end,
                _held_between(window, g),
                count,
                g.deadline,
                (g.end - g.deadline).days,
                g.open,
            )
            for g in result.gaps
            if g.state == BREACHED
        ]
    if result.next_due is not None:
        delta = (result.next_due - as_of).days
        result.days_left, result.days_late = (delta, None) if delta >= 0 else (None, -delta)
    if result.breaches:
        result.status = BREACH
    elif result.days_left is not None and result.days_left <= due_soon_days:
        result.status = DUE_SOON
    return result


def rule_start(
    rule: dict[str, Any],
    created: dt.date | None,
    tracking_start: dt.date | None,
    since: dt.date | None = None,
) -> dt.date | None:
    """The first day a rule is judged on (see the module docstring)."""
    explicit = dates.parse(rule.get("start"))
    floor = [d for d in (explicit, created) if d is not None]
    if since is not None:
        return max([since, *floor])
    candidates = [d for d in (explicit or created, tracking_start) if d is not None]
    return max(candidates) if candidates else None


def period_start(day: dt.date, months: int) -> dt.date:
    """The first day of the calendar period (of ``months`` months) holding ``day``."""
    return dt.date(day.year, (day.month - 1) // months * months + 1, 1)


def period_end(start: dt.date, months: int) -> dt.date:
    return dates.add_months(start, months) - _ONE_DAY


def _calendar(
    window: list[HeldMeeting],
    count: int,
    months: int,
    start: dt.date,
    end: dt.date,
    dissolved: bool,
) -> tuple[list[Period], dt.date | None]:
    periods: list[Period] = []
    first = period_start(start, months)
    current = first
    while current <= end and start <= end:  # nothing is judged before the rule starts
        last = period_end(current, months)
        ids = [m.id for m in window if max(current, start) <= m.date <= last]
        running = end <= last  # the as-of date (or the dissolution) falls inside the period
        cut_short = running and dissolved  # the committee was dissolved during the period
        partial = start > current or cut_short
        if len(ids) >= count:
            state = MET
        elif partial:
            state = PARTIAL
        elif running:
            state = DUE
        else:
            state = BREACHED
        periods.append(Period(max(current, start), end if cut_short else last, ids, state, partial))
        current = dates.add_months(current, months)
    if dissolved:
        return periods, None
    if periods and periods[-1].state == DUE:
        return periods, periods[-1].end
    # the running period is met or not required, or the rule has not started: the next full one
    upcoming = (
        current if periods else (first if first >= start else dates.add_months(first, months))
    )
    return periods, period_end(upcoming, months)


def _rolling(
    window: list[HeldMeeting],
    count: int,
    months: int,
    start: dt.date,
    end: dt.date,
    dissolved: bool,
) -> tuple[list[Gap], dt.date | None]:
    # events[0] is the rule's start; each event must be followed by `count` held meetings within
    # one period (with count = 1: no gap between consecutive events longer than the period).
    events: list[tuple[dt.date, str | None]] = [(start, None)] + [(m.date, m.id) for m in window]
    gaps: list[Gap] = []
    for index in range(len(events) - count):
        (day, opened_by), (closed_on, closed_by) = events[index], events[index + count]
        deadline = dates.add_months(day, months)
        state = MET if closed_on <= deadline else BREACHED
        gaps.append(
            Gap(day, closed_on, (closed_on - day).days, deadline, state, opened_by, closed_by)
        )
    day, opened_by = events[max(0, len(events) - count)]
    deadline = dates.add_months(day, months)
    if end < start:  # the rule has not started yet
        return gaps, deadline
    if end <= deadline:
        state = MET if dissolved else DUE
    else:
        state = BREACHED
    gaps.append(Gap(day, end, (end - day).days, deadline, state, opened_by, None))
    return gaps, None if dissolved else deadline


def _held_between(window: list[HeldMeeting], gap: Gap) -> int:
    """Held meetings after a gap's opening event and by its deadline (fewer than required)."""
    return sum(1 for m in window if gap.start < m.date <= min(gap.deadline, gap.end))


def _checked_rule(
    committee_id: str, rule: dict[str, Any], path: str | None
) -> tuple[int, int, str]:
    where = path or f"committee {committee_id}"
    count, per, mode = rule.get("min_meetings", 1), rule.get("per"), rule.get("mode", "calendar")
    if per not in dates.PERIOD_MONTHS:
        raise InvalidRecord(
            f"{where}: cadence.per {per!r} is not one of {', '.join(dates.PERIOD_MONTHS)}",
            "fix the record; `protsoc validate` lists every problem",
        )
    if mode not in MODES:
        raise InvalidRecord(
            f"{where}: cadence.mode {mode!r} is not calendar or rolling",
            "fix the record; `protsoc validate` lists every problem",
        )
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise InvalidRecord(
            f"{where}: cadence.min_meetings {count!r} is not a whole number of at least 1",
            "fix the record; `protsoc validate` lists every problem",
        )
    return count, dates.PERIOD_MONTHS[per], mode


def _refuse_unreadable(registry: Any) -> None:
    """A meeting file that cannot be read would turn into a false breach: refuse to guess."""
    broken = [
        r.path
        for r in registry.records
        if r.data is None and r.kind in ("registry", "committee", "meeting")
    ]
    if broken:
        raise InvalidRecord(
            f"cannot judge the cadence: {len(broken)} record(s) could not be read: "
            f"{', '.join(broken)}",
            "run `protsoc validate` and fix them first",
        )


_KIND_ORDER = {"ministerial": 0, "technical": 1, "thematic": 2, "working-group": 3}


def _committee_order(record: Any) -> tuple:
    return (_KIND_ORDER.get(str((record.data or {}).get("kind")), 9), record.id)


# --------------------------------------------------------------------------------------------
# JSON shape (the contract of `protsoc cadence --format json`)


def to_json(report: CadenceReport) -> dict[str, Any]:
    return {
        "as_of": report.as_of.isoformat(),
        "since": _iso(report.since),
        "due_soon_days": report.due_soon_days,
        "breach": bool(report.in_breach),
        "committees": [_committee_json(c) for c in report.committees],
    }


def _committee_json(c: CommitteeCadence) -> dict[str, Any]:
    rule: dict[str, Any] | None = None
    if c.rule is not None:
        rule = {key: c.rule[key] for key in ("min_meetings", "per", "mode") if key in c.rule}
        rule.update(start=_iso(c.start), words=c.words, source=c.source)
    elif c.source is not None:  # an explicit `none: true`, with its citation
        rule = {"none": True, "words": c.words, "source": c.source}
    out: dict[str, Any] = {
        "id": c.id,
        "name": c.name,
        "rule": rule,
        "status": c.status,
        "last_held": {"id": c.last_held.id, "date": c.last_held.date.isoformat()}
        if c.last_held
        else None,
        "next_due": _iso(c.next_due),
        "days_left": c.days_left,
        "days_late": c.days_late,
    }
    if c.dissolved:
        out["dissolved"] = c.dissolved.isoformat()
    if c.periods is not None:
        out["periods"] = [
            {
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "meeting_ids": p.meeting_ids,
                "ok": p.ok,
                "state": p.state,
                "partial": p.partial,
            }
            for p in c.periods
        ]
    if c.gaps is not None:
        out["gaps"] = [
            {
                "from": g.start.isoformat(),
                "to": g.end.isoformat(),
                "days": g.days,
                "ok": g.ok,
                "state": g.state,
                "deadline": g.deadline.isoformat(),
                "from_meeting": g.from_meeting,
                "to_meeting": g.to_meeting,
                "open": g.open,
            }
            for g in c.gaps
        ]
    out["breaches"] = [
        {
            "kind": b.kind,
            "from": b.start.isoformat(),
            "to": b.end.isoformat(),
            "held": b.held,
            "required": b.required,
            "deadline": b.deadline.isoformat(),
            "days_late": b.days_late,
            "ongoing": b.ongoing,
        }
        for b in c.breaches
    ]
    return out


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
