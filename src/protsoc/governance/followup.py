"""Follow-up of the Steering Committee's decisions through action plans.

The circular (seed 001, ثانيا - I) gives the Technical Committee the job of «التتبع العملي لقرارات
و توصيات لجنة القيادة من خلال تنزيلها في شكل مخططات عمل»: every decision or recommendation
becomes one or more action plans (``registry/roadmap/actions/<id>.yaml``) whose progress is
reported. This module answers, on a given date: which decisions have a plan, how far each plan
is, and what is late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from protsoc.kernel import dates
from protsoc.registry.loaded import Registry
from protsoc.registry.records import is_erratum

DECISION_STATES = ("open", "late", "done")
# The action statuses (vocabulary.ACTION_STATUSES) that close an action plan.
CLOSED = ("done", "dropped")


@dataclass
class ActionRow:
    """One action plan as it stood on the as-of date."""

    id: str
    title: str
    owner: str | None
    decisions: list[str]
    axis: str | None
    milestone: str | None
    start: str | None
    due: str | None
    completed_on: str | None
    status: str
    progress: int
    late: bool
    days_late: int | None
    path: str


@dataclass
class DecisionRow:
    """A decision or recommendation, with its action plans."""

    ref: str
    meeting: str
    committee: str
    date: str | None
    kind: str
    text: str
    owner: str | None
    due: str | None
    actions: list[ActionRow]
    no_plan: bool
    late: bool
    state: str  # open, late or done
    progress: int | None  # mean progress of the plans that are not dropped; None without plans


@dataclass
class FollowUp:
    as_of: str
    decisions: list[DecisionRow]
    unlinked_actions: list[ActionRow] = field(default_factory=list)
    meetings_without_decisions: list[str] = field(default_factory=list)

    @property
    def late(self) -> list[DecisionRow]:
        return [d for d in self.decisions if d.late]

    @property
    def without_plan(self) -> list[DecisionRow]:
        return [d for d in self.decisions if d.no_plan]

    def counts(self) -> dict[str, int]:
        return {
            "decisions": len(self.decisions),
            "late": len(self.late),
            "without_plan": len(self.without_plan),
            "done": sum(1 for d in self.decisions if d.state == "done"),
            "late_actions": sum(1 for a in self.all_actions() if a.late),
        }

    def all_actions(self) -> list[ActionRow]:
        seen: dict[str, ActionRow] = {}
        for decision in self.decisions:
            for action in decision.actions:
                seen.setdefault(action.id, action)
        for action in self.unlinked_actions:
            seen.setdefault(action.id, action)
        return list(seen.values())


def action_on(record_id: str, data: dict[str, Any], path: str, as_of: dt.date) -> ActionRow:
    """An action as it stood on ``as_of``.

    The record's status and progress are today's. When progress reports (``updates``) exist
    after the as-of date, the latest report on or before it is what stood then; an action
    completed after the as-of date was not done yet on that date.
    """
    status = str(data.get("status", "not-started"))
    progress = _int(data.get("progress"))
    updates = [
        u for u in _list(data.get("updates")) if isinstance(u, dict) and dates.parse(u.get("date"))
    ]
    if any(dates.parse(u["date"]) > as_of for u in updates):  # type: ignore[operator]
        status, progress = "not-started", 0
        for update in sorted(updates, key=lambda u: u["date"]):
            if dates.parse(update["date"]) > as_of:  # type: ignore[operator]
                break
            status = str(update.get("status", status))
            progress = _int(update.get("progress", progress))
    completed = dates.parse(data.get("completed_on"))
    if status == "done" and completed and completed > as_of:
        status = "in-progress"
    due = dates.parse(data.get("due"))
    late = status not in CLOSED and due is not None and due < as_of
    return ActionRow(
        id=record_id,
        title=_ar(data.get("title"), record_id),
        owner=data.get("owner") if isinstance(data.get("owner"), str) else None,
        decisions=[d for d in _list(data.get("decisions")) if isinstance(d, str)],
        axis=data.get("axis") if isinstance(data.get("axis"), str) else None,
        milestone=data.get("milestone") if isinstance(data.get("milestone"), str) else None,
        start=_str(data.get("start")),
        due=_str(data.get("due")),
        completed_on=_str(data.get("completed_on")),
        status=status,
        progress=progress,
        late=late,
        days_late=(as_of - due).days if late and due else None,
        path=path,
    )


def actions_on(registry: Registry, as_of: dt.date) -> list[ActionRow]:
    return [
        action_on(r.id, r.data or {}, r.path, as_of)
        for r in sorted(registry.of_kind("action"), key=lambda r: r.id)
    ]


def follow_up(
    registry: Registry, as_of: dt.date | None = None, committee: str | None = None
) -> FollowUp:
    """Every decision of the registry's meetings held by ``as_of``, with its action plans."""
    as_of = as_of or dates.today()
    actions = actions_on(registry, as_of)
    by_decision: dict[str, list[ActionRow]] = {}
    for action in actions:
        for ref in action.decisions:
            by_decision.setdefault(ref, []).append(action)
    rows: list[DecisionRow] = []
    known: set[str] = set()
    silent: list[str] = []
    for meeting in sorted(
        registry.of_kind("meeting"), key=lambda m: (str((m.data or {}).get("date", "")), m.id)
    ):
        data = meeting.data or {}
        meeting_committee = str(data.get("committee", meeting.id.split("/", 1)[0]))
        decisions = [
            d
            for d in _list(data.get("decisions"))
            if isinstance(d, dict) and isinstance(d.get("id"), str)
        ]
        for decision in decisions:
            known.add(f"{meeting.id}/{decision['id']}")
        if is_erratum(data):  # its decisions are the original meeting's, listed there
            continue
        day = dates.parse(data.get("date"))
        if committee and meeting_committee != committee:
            continue
        if day is not None and day > as_of:
            continue  # not yet taken on the as-of date
        if not decisions:
            if data.get("status") == "held":
                silent.append(meeting.id)
            continue
        for decision in decisions:
            ref = f"{meeting.id}/{decision['id']}"
            rows.append(
                _decision_row(
                    ref,
                    meeting.id,
                    meeting_committee,
                    data,
                    decision,
                    by_decision.get(ref, []),
                    as_of,
                )
            )
    unlinked = [a for a in actions if not any(ref in known for ref in a.decisions)]
    return FollowUp(as_of.isoformat(), rows, [] if committee else unlinked, silent)


def _decision_row(
    ref: str,
    meeting_id: str,
    committee: str,
    meeting: dict[str, Any],
    decision: dict[str, Any],
    plans: list[ActionRow],
    as_of: dt.date,
) -> DecisionRow:
    due = dates.parse(decision.get("due"))
    closed = bool(plans) and all(a.status in CLOSED for a in plans)
    # A decision is late when one of its plans is late, or when its own due date has passed
    # before its plans are all closed (a decision with no plan at all included).
    late = not closed and (any(a.late for a in plans) or (due is not None and due < as_of))
    live = [a.progress for a in plans if a.status != "dropped"]
    return DecisionRow(
        ref=ref,
        meeting=meeting_id,
        committee=committee,
        date=_str(meeting.get("date")),
        kind=str(decision.get("kind", "decision")),
        text=_ar(decision.get("text"), ref),
        owner=decision.get("owner") if isinstance(decision.get("owner"), str) else None,
        due=_str(decision.get("due")),
        actions=plans,
        no_plan=not plans,
        late=late,
        state="done" if closed else ("late" if late else "open"),
        progress=round(sum(live) / len(live)) if live else None,
    )


def select(result: FollowUp, status: str | None) -> FollowUp:
    """Keep the decisions in a state: ``open`` (not done, late ones included), ``late`` or
    ``done``."""
    if status is None:
        return result
    keep = {
        "open": lambda d: d.state != "done",
        "late": lambda d: d.late,
        "done": lambda d: d.state == "done",
    }[status]
    return FollowUp(
        result.as_of,
        [d for d in result.decisions if keep(d)],
        result.unlinked_actions,
        result.meetings_without_decisions,
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _ar(text: Any, fallback: str) -> str:
    if isinstance(text, dict) and isinstance(text.get("ar"), str):
        return text["ar"]
    return fallback


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
