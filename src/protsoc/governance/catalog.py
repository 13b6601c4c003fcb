"""`protsoc list` and `protsoc show`: records as rows and as one record, for people and scripts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protsoc.governance import approval
from protsoc.kernel.errors import UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record

KINDS = {
    "committees": "committee",
    "committee": "committee",
    "members": "member",
    "member": "member",
    "meetings": "meeting",
    "meeting": "meeting",
    "decisions": "decision",
    "decision": "decision",
    "actions": "action",
    "action": "action",
    "indicators": "indicator",
    "indicator": "indicator",
    "evaluations": "evaluation",
    "evaluation": "evaluation",
}

COLUMNS = {
    "committee": ("id", "name", "kind", "parent", "members"),
    "member": ("committee", "id", "role", "title", "holder", "until"),
    "meeting": ("id", "date", "status", "place", "minutes", "approvals"),
    "decision": ("id", "kind", "text", "owner", "due"),
    "action": ("id", "status", "progress", "owner", "due", "title"),
    "indicator": ("id", "owner", "measure", "latest", "as_of", "name"),
    "evaluation": ("id", "kind", "status", "evaluator", "title"),
}


def ar(value: Any) -> str:
    return value.get("ar", "") if isinstance(value, dict) else ("" if value is None else str(value))


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def current(entries: Any) -> dict[str, Any]:
    """The entry of a dated list (titles, holders) that still applies: the last one without
    `until`."""
    items = [e for e in entries or [] if isinstance(e, dict)]
    open_ = [e for e in items if "until" not in e]
    return (open_ or items or [{}])[-1]


def rows(
    registry: Registry, kind_word: str, committee: str | None = None
) -> tuple[str, list[dict[str, Any]]]:
    kind = KINDS.get(kind_word)
    if kind is None:
        raise UsageError(
            _("cannot list {kind!r}").format(kind=kind_word),
            _(
                "list one of: committees, members, meetings, decisions, actions, indicators, "
                "evaluations"
            ),
        )
    committees = registry.by_id("committee")
    if committee is not None and committee not in committees:
        raise UsageError(
            _("unknown committee {id!r}").format(id=committee),
            _("known committees: {known}").format(known=", ".join(sorted(committees))),
        )
    result: list[dict[str, Any]] = []
    if kind == "committee":
        for record in committees.values():
            data = record.data or {}
            if committee and record.id != committee:
                continue
            result.append(
                {
                    "id": record.id,
                    "name": ar(data.get("short_name") or data.get("name")),
                    "kind": data.get("kind"),
                    "parent": data.get("parent"),
                    "members": len(data.get("members") or []),
                }
            )
    elif kind == "member":
        for record in committees.values():
            if committee and record.id != committee:
                continue
            for member in (record.data or {}).get("members") or []:
                if isinstance(member, dict):
                    result.append(
                        {
                            "committee": record.id,
                            "id": member.get("id"),
                            "role": member.get("role"),
                            "title": ar(current(member.get("titles")).get("title")),
                            "holder": ar(current(member.get("holders")).get("name")) or None,
                            "until": member.get("until"),
                        }
                    )
    elif kind in ("meeting", "decision"):
        meetings = [
            m
            for m in registry.of_kind("meeting")
            if not committee or (m.data or {}).get("committee") == committee
        ]
        for record in sorted(meetings, key=lambda m: (str((m.data or {}).get("date")), m.id)):
            data = record.data or {}
            if kind == "meeting":
                minutes = _dict(data.get("minutes"))
                result.append(
                    {
                        "id": record.id,
                        "date": data.get("date"),
                        "status": data.get("status"),
                        "place": ar(data.get("place")) or None,
                        "minutes": minutes.get("status"),
                        "approvals": len(minutes.get("approvals") or []),
                    }
                )
            else:
                for decision in data.get("decisions") or []:
                    if isinstance(decision, dict):
                        result.append(
                            {
                                "id": f"{record.id}/{decision.get('id')}",
                                "kind": decision.get("kind"),
                                "text": ar(decision.get("text")),
                                "owner": decision.get("owner"),
                                "due": decision.get("due"),
                            }
                        )
    elif kind == "action":
        for record in registry.of_kind("action"):
            data = record.data or {}
            if committee and not str(data.get("owner", "")).startswith(f"{committee}/"):
                continue
            result.append(
                {
                    "id": record.id,
                    "status": data.get("status"),
                    "progress": data.get("progress"),
                    "owner": data.get("owner"),
                    "due": data.get("due"),
                    "title": ar(data.get("title")),
                }
            )
    elif kind == "indicator":
        for record in registry.of_kind("indicator"):
            data = record.data or {}
            if committee and data.get("owner") != committee:
                continue
            observations = [o for o in data.get("observations") or [] if isinstance(o, dict)]
            latest = max(observations, key=lambda o: str(o.get("date")), default={})
            result.append(
                {
                    "id": record.id,
                    "owner": data.get("owner"),
                    "measure": data.get("measure"),
                    "latest": latest.get("value"),
                    "as_of": latest.get("date"),
                    "name": ar(data.get("name")),
                }
            )
    else:
        for record in registry.of_kind("evaluation"):
            data = record.data or {}
            evaluator = _dict(data.get("evaluator"))
            result.append(
                {
                    "id": record.id,
                    "kind": data.get("kind"),
                    "status": data.get("status"),
                    "evaluator": evaluator.get("id"),
                    "title": ar(data.get("title")),
                }
            )
    if kind not in ("meeting", "decision"):  # those are already in date order
        result.sort(key=lambda row: [str(row.get(column) or "") for column in COLUMNS[kind][:2]])
    return kind, result


@dataclass
class Shown:
    kind: str
    id: str
    path: str
    data: dict[str, Any]
    text: str
    summary: dict[str, Any]


def show(registry: Registry, identifier: str, kind: str | None = None) -> Shown:
    """One record by id: a committee, meeting, action, indicator or evaluation (or a decision)."""
    parts = identifier.split("/")
    if len(parts) == 3 and kind in (None, "decision"):
        meeting = registry.by_id("meeting").get("/".join(parts[:2]))
        decision = (
            next(
                (
                    d
                    for d in ((meeting.data or {}).get("decisions") or [])
                    if isinstance(d, dict) and d.get("id") == parts[2]
                ),
                None,
            )
            if meeting
            else None
        )
        if meeting is None or decision is None:
            raise UsageError(
                _("no decision {id}").format(id=identifier),
                _("list them with `protsoc list decisions`"),
            )
        actions = [
            a.id
            for a in registry.of_kind("action")
            if identifier in ((a.data or {}).get("decisions") or [])
        ]
        from protsoc.registry import yamlio

        return Shown(
            "decision",
            identifier,
            meeting.path,
            decision,
            yamlio.dumps(decision),
            {"actions": actions},
        )
    candidates: list[Record] = []
    for candidate_kind in (
        "committee",
        "meeting",
        "action",
        "indicator",
        "evaluation",
        "programme",
    ):
        if kind not in (None, candidate_kind):
            continue
        found = registry.by_id(candidate_kind).get(identifier)
        if found is not None:
            candidates.append(found)
    if not candidates:
        raise UsageError(
            _("no record with id {id!r}").format(id=identifier),
            _(
                "meetings are <committee>/<YYYY-MM-DD>, decisions <meeting>/d<N>; see `protsoc "
                "list KIND`"
            ),
        )
    if len(candidates) > 1:
        raise UsageError(
            _("{id!r} names several records: {kinds}").format(
                id=identifier, kinds=", ".join(c.kind for c in candidates)
            ),
            _("add --kind KIND"),
        )
    record = candidates[0]
    data = record.data or {}
    summary: dict[str, Any] = {}
    if record.kind == "meeting":
        committee = registry.by_id("committee").get(str(data.get("committee")))
        if committee is not None and committee.data is not None:
            tally = approval.tally(data, committee.data)
            minutes = _dict(data.get("minutes"))
            summary = {
                "minutes": minutes.get("status", "none"),
                "approvals": tally.approvals,
                "needed": tally.needed,
                "rule": tally.rule,
                "may_approve": tally.voters,
            }
    text = record.document.text if record.document is not None else ""
    return Shown(record.kind, record.id, record.path, data, text, summary)
