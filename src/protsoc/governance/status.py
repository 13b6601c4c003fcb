"""`protsoc status`: an overview of the registry, one row per committee."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from protsoc.governance import cadence
from protsoc.kernel import dates
from protsoc.registry.loaded import Registry

_CLOSED_ACTION = {"done", "dropped"}


@dataclass
class CommitteeStatus:
    id: str
    name: str
    short_name: str
    kind: str
    chair: str | None
    chair_holder: str | None
    members: int
    cadence_en: str
    cadence_ar: str
    last_meeting: str | None
    meetings_held: int
    compliance: (
        str | None
    )  # the cadence status: compliant / due-soon / breach / no-rule; None: not judged
    next_due: str | None
    open_decisions: int
    open_actions: int


@dataclass
class Overview:
    title: str
    tracking_start: str | None
    committees: list[CommitteeStatus]
    records: int


def _in_force(entries: Any, on: dt.date) -> dict[str, Any] | None:
    """The latest dated entry (title, holder) that applies on a date: started by then (its
    ``since``, else the date a source ``attested`` it) and not ended before it."""
    found = None
    for entry in entries or []:
        if not isinstance(entry, dict):
            continue
        start = dates.parse(entry.get("since")) or dates.parse(entry.get("attested"))
        end = dates.parse(entry.get("until"))
        if (start and start > on) or (end and end < on):
            continue
        found = entry
    return found


def current_title(member: dict[str, Any], on: dt.date) -> str:
    """The title a post bears on a date; the last title listed when none applies yet."""
    titles = [t for t in member.get("titles", []) or [] if isinstance(t, dict)]
    chosen = _in_force(titles, on) or (titles[-1] if titles else {})
    return (chosen.get("title") or {}).get("ar", member.get("id", ""))


def current_holder(member: dict[str, Any], on: dt.date) -> str | None:
    """The name of the post's latest known holder on a date, when the sources name one."""
    holder = _in_force(member.get("holders"), on)
    return (holder.get("name") or {}).get("ar") if holder else None


def overview(registry: Registry, today: dt.date | None = None) -> Overview:
    today = today or dates.today()
    actions = registry.of_kind("action")
    links = _ActionLinks(actions)
    compliance = cadence.by_committee(registry, today)
    rows = []
    for record in sorted(registry.of_kind("committee"), key=_committee_order):
        data = record.data or {}
        members = [m for m in data.get("members", []) if isinstance(m, dict)]
        chair = next((m for m in members if m.get("id") == data.get("chair")), None)
        meetings = registry.meetings_of(record.id, errata=False)
        held = [m for m in meetings if m.data and m.data.get("status") == "held"]
        decisions = [
            f"{m.id}/{d.get('id')}"
            for m in meetings
            for d in (m.data or {}).get("decisions", [])
            if isinstance(d, dict)
        ]
        own_actions = links.citing(decisions)
        open_decisions = sum(1 for ref in decisions if not links.closed(ref))
        words = cadence.describe(data.get("cadence"))
        judged = compliance.get(record.id)
        rows.append(
            CommitteeStatus(
                id=record.id,
                name=(data.get("name") or {}).get("ar", record.id),
                short_name=(data.get("short_name") or data.get("name") or {}).get("ar", record.id),
                kind=str(data.get("kind", "")),
                chair=current_title(chair, today) if chair else None,
                chair_holder=current_holder(chair, today) if chair else None,
                members=len(members),
                cadence_en=words["en"],
                cadence_ar=words["ar"],
                last_meeting=held[-1].data.get("date") if held and held[-1].data else None,
                meetings_held=len(held),
                compliance=judged.status if judged else None,
                next_due=_iso(judged.next_due) if judged else None,
                open_decisions=open_decisions,
                open_actions=sum(
                    1 for a in own_actions if (a.data or {}).get("status") not in _CLOSED_ACTION
                ),
            )
        )
    manifest = registry.manifest
    return Overview(
        title=(manifest.get("title") or {}).get("ar", ""),
        tracking_start=manifest.get("tracking_start"),
        committees=rows,
        records=len(registry.records),
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _decision_closed(ref: str, actions: list) -> bool:
    """A decision is closed once it has action plans and all of them are done or dropped."""
    linked = [a for a in actions if ref in (a.data or {}).get("decisions", [])]
    return bool(linked) and all((a.data or {}).get("status") in _CLOSED_ACTION for a in linked)


class _ActionLinks:
    """Which actions cite which decision, computed once: asking every action again for each of
    a committee's decisions was quadratic (10,000 meetings: 15,000 decisions x 2,000 actions).

    Answers exactly as ``_decision_closed`` and the set intersection it replaces; an action whose
    ``decisions`` is not a list of strings (an invalid record) is asked the old way."""

    def __init__(self, actions: list) -> None:
        self._actions = actions
        self._by_ref: dict[str, list[int]] = {}
        self._odd: list[int] = []  # positions of actions with a malformed ``decisions``
        for position, action in enumerate(actions):
            cited = (action.data or {}).get("decisions", [])
            if not isinstance(cited, list) or not all(isinstance(ref, str) for ref in cited):
                self._odd.append(position)
                continue
            for ref in dict.fromkeys(cited):
                self._by_ref.setdefault(ref, []).append(position)

    def closed(self, ref: str) -> bool:
        if self._odd:
            return _decision_closed(ref, self._actions)
        linked = self._by_ref.get(ref, [])
        return bool(linked) and all(
            (self._actions[i].data or {}).get("status") in _CLOSED_ACTION for i in linked
        )

    def citing(self, refs: list[str]) -> list:
        """The actions citing any of ``refs``, in registry order."""
        wanted = set(refs)
        positions = {i for ref in wanted for i in self._by_ref.get(ref, [])}
        positions.update(
            i for i in self._odd if set((self._actions[i].data or {}).get("decisions", [])) & wanted
        )
        return [self._actions[i] for i in sorted(positions)]


_KIND_ORDER: dict[Any, int] = {  # looked up with whatever `kind` a record holds
    "ministerial": 0,
    "technical": 1,
    "thematic": 2,
    "working-group": 3,
}


def _committee_order(record: Any) -> tuple:
    return (_KIND_ORDER.get((record.data or {}).get("kind"), 9), record.id)
