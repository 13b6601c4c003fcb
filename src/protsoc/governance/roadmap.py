"""The reform's roadmap («خارطة طريق») as the Steering Committee draws it.

The circular (seed 001, ثالثا - I): the roadmap sets the guiding principles, the mobilised
resources, the actions to carry out and the overall trajectory of the reform. This module gathers
``roadmap/roadmap.yaml`` with the action plans and indicators linked to each axis and milestone,
and says what is late on an as-of date. Parts the sources do not give stay empty: a missing
part is reported as missing, never filled in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from protsoc.governance.followup import ActionRow, actions_on
from protsoc.kernel import dates
from protsoc.registry.loaded import Registry


@dataclass
class MilestoneRow:
    id: str
    title: str
    axis: str | None
    planned: str | None
    actual: str | None
    state: str  # reached, reached-late, late, planned, undated
    days_late: int | None
    actions: list[str] = field(default_factory=list)


@dataclass
class AxisRow:
    id: str
    title: str
    title_en: str | None
    committee: str | None
    mission: str | None
    actions: list[ActionRow]
    milestones: list[str]
    indicators: list[str]
    resources: list[str]


@dataclass
class ResourceRow:
    id: str
    title: str
    amount: float | None
    currency: str | None
    axis: str | None


@dataclass
class RoadmapView:
    as_of: str
    title: str
    owner: str | None
    adopted_by: str | None
    principles: list[str]
    axes: list[AxisRow]
    milestones: list[MilestoneRow]
    resources: list[ResourceRow]
    unplaced_actions: list[ActionRow]
    note: str | None
    note_en: str | None
    missing: list[
        str
    ]  # parts of a roadmap the registry does not hold (principles, resources, milestones)

    @property
    def late_milestones(self) -> list[MilestoneRow]:
        return [m for m in self.milestones if m.state == "late"]

    @property
    def late_actions(self) -> list[ActionRow]:
        seen: dict[str, ActionRow] = {}
        for axis in self.axes:
            for action in axis.actions:
                if action.late:
                    seen.setdefault(action.id, action)
        for action in self.unplaced_actions:
            if action.late:
                seen.setdefault(action.id, action)
        return list(seen.values())


def view(registry: Registry, as_of: dt.date | None = None) -> RoadmapView:
    as_of = as_of or dates.today()
    data = registry.roadmap
    actions = actions_on(registry, as_of)
    indicators = registry.of_kind("indicator")
    milestones = [_milestone(m, actions, as_of) for m in _list(data, "milestones")]
    resources = [
        ResourceRow(
            id=str(r.get("id")),
            title=_ar(r.get("title")),
            amount=r["amount"]
            if isinstance(r.get("amount"), (int, float)) and not isinstance(r.get("amount"), bool)
            else None,
            currency=r.get("currency") if isinstance(r.get("currency"), str) else None,
            axis=r.get("axis") if isinstance(r.get("axis"), str) else None,
        )
        for r in _list(data, "resources")
    ]
    axes = []
    for axis in _list(data, "axes"):
        axis_id = str(axis.get("id"))
        axes.append(
            AxisRow(
                id=axis_id,
                title=_ar(axis.get("title")) or axis_id,
                title_en=(axis.get("title") or {}).get("en")
                if isinstance(axis.get("title"), dict)
                else None,
                committee=axis.get("committee"),
                mission=axis.get("mission"),
                actions=[a for a in actions if a.axis == axis_id],
                milestones=[m.id for m in milestones if m.axis == axis_id],
                indicators=sorted(
                    r.id for r in indicators if (r.data or {}).get("axis") == axis_id
                ),
                resources=[r.id for r in resources if r.axis == axis_id],
            )
        )
    axis_ids = {a.id for a in axes}
    note_value = data.get("note")
    note: dict[str, Any] = note_value if isinstance(note_value, dict) else {}
    return RoadmapView(
        as_of=as_of.isoformat(),
        title=_ar(data.get("title")),
        owner=data.get("owner"),
        adopted_by=data.get("adopted_by"),
        principles=[_ar(p.get("text")) for p in _list(data, "principles")],
        axes=axes,
        milestones=milestones,
        resources=resources,
        unplaced_actions=[a for a in actions if a.axis not in axis_ids],
        note=note.get("ar"),
        note_en=note.get("en"),
        missing=[
            part for part in ("principles", "resources", "milestones") if not _list(data, part)
        ],
    )


def _milestone(data: dict[str, Any], actions: list[ActionRow], as_of: dt.date) -> MilestoneRow:
    planned, actual = dates.parse(data.get("planned")), dates.parse(data.get("actual"))
    if actual is not None and actual <= as_of:
        state = "reached-late" if planned and actual > planned else "reached"
        days_late = (actual - planned).days if planned and actual > planned else None
    elif planned is None:
        state, days_late = "undated", None
    elif planned < as_of:
        state, days_late = "late", (as_of - planned).days
    else:
        state, days_late = "planned", None
    milestone_id = str(data.get("id"))
    return MilestoneRow(
        id=milestone_id,
        title=_ar(data.get("title")) or milestone_id,
        axis=data.get("axis"),
        planned=data.get("planned"),
        actual=data.get("actual") if actual is not None and actual <= as_of else None,
        state=state,
        days_late=days_late,
        actions=[a.id for a in actions if a.milestone == milestone_id],
    )


def _list(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _ar(text: Any) -> str:
    return text["ar"] if isinstance(text, dict) and isinstance(text.get("ar"), str) else ""
