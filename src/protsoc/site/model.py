"""What the site publishes, computed once from the registry and shared by every language.

The values here are data (ids, ISO dates, numbers, record texts as ``{ar:, fr:, en:}``), never
wording: pages.py words them per language, data.py writes them as JSON and CSV. Every rule comes
from governance/ (cadence, follow-up, indicators, roadmap, evaluations), so the site says what
``protsoc cadence|decisions|dashboard|roadmap|evaluations`` say.

Only approved minutes are published: a meeting whose minutes are a draft shows its date and
committee, never its proceedings, and its decisions stay out of the follow-up pages until the
minutes are approved (a draft's decision may still be reworded).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protsoc.governance import cadence, evaluation, followup, indicator, programme, roadmap
from protsoc.governance.status import current_holder, current_title
from protsoc.kernel import dates
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record

_KIND_ORDER = {"ministerial": 0, "technical": 1, "thematic": 2, "working-group": 3}


@dataclass
class Site:
    """Everything the pages and the data files show, as of one date."""

    as_of: dt.date
    title: dict[str, str]
    committees: list[dict[str, Any]]
    meetings: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    indicators: list[dict[str, Any]]
    roadmap: dict[str, Any]
    evaluations: list[dict[str, Any]]
    follow_up_counts: dict[str, int] = field(default_factory=dict)
    programmes: list[dict[str, Any]] = field(default_factory=list)
    finance_recorded: bool = False  # False: no budget and no ledger event in the whole registry


def texts(value: Any) -> dict[str, str]:
    """A record text as ``{lang: wording}``; a plain string is Arabic (the registry's language)."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if isinstance(v, (str, int, float))}
    if value is None or value == "":
        return {}
    return {"ar": str(value)}


def approved(meeting: dict[str, Any]) -> bool:
    minutes = meeting.get("minutes")
    return isinstance(minutes, dict) and minutes.get("status") == "approved"


class _Unchanging(Registry):
    """The registry as the site reads it. Nothing changes it while the site is computed, so each
    kind's id table is made once and shared: ``Registry.by_id`` copies it on every call (so a
    caller cannot corrupt the index), which made the minutes of 10,000 meetings copy a
    10,000-entry table each (``documents.render.find_meeting``): seconds, for nothing."""

    def __init__(self, registry: Registry) -> None:
        super().__init__(registry.root, registry.records, registry.load_findings)
        self._tables: dict[str, dict[str, Record]] = {}

    def by_id(self, kind: str) -> dict[str, Record]:
        if kind not in self._tables:
            self._tables[kind] = super().by_id(kind)
        return self._tables[kind]


def build(registry: Registry, as_of: dt.date, last_updated: dict[Path, str]) -> Site:
    """The site's content as of ``as_of``; ``last_updated`` maps record files to commit days."""
    registry = _Unchanging(registry)
    committees_by_id = registry.by_id("committee")
    ordered = sorted(
        committees_by_id.values(),
        key=lambda r: (_KIND_ORDER.get(str((r.data or {}).get("kind")), 9), r.id),
    )
    compliance = cadence.by_committee(registry, as_of)
    meetings = _meetings(registry, as_of, last_updated)
    published = {m["id"] for m in meetings if m["approved"]}
    committees = [_committee(r, compliance.get(r.id), meetings, as_of) for r in ordered]

    follow = followup.follow_up(registry, as_of)
    decisions = [
        _decision(d, committees_by_id, registry, as_of)
        for d in follow.decisions
        if d.meeting in published
    ]
    counts = {
        state: sum(1 for d in decisions if d["state"] == state)
        for state in ("open", "late", "done")
    }

    indicator_records = registry.by_id("indicator")
    board = indicator.dashboard(registry, as_of)
    indicators = [
        _indicator(row, indicator_records[row.id], as_of, last_updated, committees_by_id)
        for row in board.rows
    ]
    view = roadmap.view(registry, as_of)
    programmes, finance_recorded = _programmes(registry, as_of)
    return Site(
        as_of=as_of,
        title=texts(registry.manifest.get("title")),
        committees=committees,
        meetings=meetings,
        decisions=decisions,
        indicators=indicators,
        roadmap=_roadmap(view),
        evaluations=[_evaluation(e) for e in evaluation.evaluations(registry)],
        follow_up_counts=counts,
        programmes=programmes,
        finance_recorded=finance_recorded,
    )


def _day(record: Record, last_updated: dict[Path, str]) -> str | None:
    return last_updated.get(record.file.path.resolve())


def _committee(
    record: Record, result: Any, meetings: list[dict[str, Any]], as_of: dt.date
) -> dict[str, Any]:
    data = record.data or {}
    members = []
    for member in data.get("members") or []:
        if not isinstance(member, dict) or "id" not in member:
            continue
        until = dates.parse(member.get("until"))
        if until is not None and until < as_of:
            continue  # a post that no longer exists on the as-of date
        members.append(
            {
                "id": str(member["id"]),
                "role": str(member.get("role", "member")),
                "title": current_title(member, as_of),
                "holder": current_holder(member, as_of) or "",
            }
        )
    own = [m for m in meetings if m["committee"] == record.id]
    status = "unknown" if result is None else result.status
    return {
        "id": record.id,
        "name": texts(data.get("name")),
        "short_name": texts(data.get("short_name") or data.get("name")),
        "kind": str(data.get("kind", "")),
        "rule": data.get("cadence"),
        "rule_ar": cadence.describe(data.get("cadence"))["ar"]
        if result is None
        else result.words["ar"],
        "status": status,
        "last_held": result.last_held.date.isoformat() if result and result.last_held else None,
        "next_due": result.next_due.isoformat() if result and result.next_due else None,
        "days_late": result.days_late if result else None,
        "members": members,
        "meetings": [m["id"] for m in own],
        "held": sum(1 for m in own if m["status"] == "held"),
    }


def _meetings(
    registry: Registry, as_of: dt.date, last_updated: dict[Path, str]
) -> list[dict[str, Any]]:
    from protsoc.documents.render import meeting_context

    found = []
    for record in registry.of_kind("meeting"):
        data = record.data or {}
        day = dates.parse(data.get("date"))
        if day is None or day > as_of:
            continue
        is_approved = approved(data)
        entry: dict[str, Any] = {
            "id": record.id,
            "committee": str(data.get("committee", record.id.split("/", 1)[0])),
            "date": day.isoformat(),
            "status": str(data.get("status", "")),
            "approved": is_approved,
            "approved_on": str((data.get("minutes") or {}).get("approved_on") or "")
            if is_approved
            else "",
            "place": texts(data.get("place")),
            "last_updated": _day(record, last_updated),
            "minutes": None,
            "pdf": None,  # site/build.py: the minutes' PDF, with --pdf
        }
        if is_approved:  # drafts are never published: not even their agenda or attendance
            entry["minutes"] = meeting_context(registry, record.id)
        found.append(entry)
    found.sort(key=lambda m: (m["date"], m["id"]), reverse=True)
    return found


def _decision(
    row: Any, committees: dict[str, Record], registry: Registry, as_of: dt.date
) -> dict[str, Any]:
    from protsoc.documents.render import post_title

    def title(ref: str | None) -> str:
        return post_title(registry, row.committee, ref, as_of, committees) if ref else ""

    return {
        "ref": row.ref,
        "meeting": row.meeting,
        "committee": row.committee,
        "date": row.date,
        "kind": row.kind,
        "text": row.text,
        "owner": title(row.owner),
        "due": row.due,
        "state": row.state,
        "progress": row.progress,
        "actions": [
            {
                "id": a.id,
                "title": a.title,
                "owner": title(a.owner),
                "status": a.status,
                "progress": a.progress,
                "due": a.due,
                "late": a.late,
                "days_late": a.days_late,
            }
            for a in row.actions
        ],
    }


def _indicator(
    row: Any,
    record: Record,
    as_of: dt.date,
    last_updated: dict[Path, str],
    committees: dict[str, Record],
) -> dict[str, Any]:
    data = record.data or {}
    observations = indicator.observations_on(data, as_of)
    owner = committees.get(row.owner or "")
    sources = []
    for source in data.get("sources") or []:
        if isinstance(source, dict) and isinstance(source.get("document"), str):
            sources.append(
                {
                    "document": source["document"],
                    "date": str(source.get("date", "")),
                    "quote": str(source.get("quote", "")),
                }
            )
    return {
        "id": row.id,
        "name": texts(data.get("name")) or {"ar": row.id},
        "unit": texts(data.get("unit")),
        "measure": row.measure,
        "axis": row.axis,
        "owner": row.owner,
        "owner_name": texts((owner.data or {}).get("short_name") or (owner.data or {}).get("name"))
        if owner
        else {},
        "direction": row.direction,
        "frequency": row.frequency,
        "note": texts(data.get("note")),
        "latest": _value(row.latest),
        "previous": _value(row.previous),
        "change": row.change,
        "change_approximate": row.change_approximate,
        "trend": row.trend,
        "target": row.target,
        "target_met": row.target_met,
        "freshness": row.freshness,
        "next_update_due": row.next_update_due,
        "observations": [_value(v) for v in observations],
        "sources": sources,
        "last_updated": _day(record, last_updated),
    }


def _value(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "date": value.date,
        "value": value.value,
        "qualifier": value.qualifier,
        "as_reported": value.as_reported,
        "source": value.source,
    }


def _roadmap(view: Any) -> dict[str, Any]:
    return {
        "title": view.title,
        "axes": [
            {
                "id": a.id,
                "title": a.title,
                "committee": a.committee,
                "indicators": list(a.indicators),
                "actions": [
                    {
                        "id": x.id,
                        "title": x.title,
                        "status": x.status,
                        "progress": x.progress,
                        "due": x.due,
                        "late": x.late,
                    }
                    for x in a.actions
                ],
            }
            for a in view.axes
        ],
        "milestones": [
            {
                "id": m.id,
                "title": m.title,
                "axis": m.axis,
                "planned": m.planned,
                "actual": m.actual,
                "state": m.state,
            }
            for m in view.milestones
        ],
        "resources": [
            {
                "id": r.id,
                "title": r.title,
                "amount": r.amount,
                "currency": r.currency,
                "axis": r.axis,
            }
            for r in view.resources
        ],
    }


def _programmes(registry: Registry, as_of: dt.date) -> tuple[list[dict[str, Any]], bool]:
    """Each programme with the figures governance/programme.py and finance.py compute (amounts
    in MAD and rates as decimal strings, never recomputed here); ``finance`` is None when the
    programme and its actions record no budget and no ledger event: pages then say that no
    figure is recorded rather than show zeros."""
    report = programme.finance_report(registry, as_of)
    years = {row.id: row.by_period for row in report.rows if row.group == "programme"}
    records = registry.by_id("programme")
    found = []
    for row in programme.programmes(registry, as_of):
        data = records[row.id].data or {} if row.id in records else {}
        found.append(
            {
                "id": row.id,
                "name": texts(data.get("name")) or {"ar": row.id},
                "short_name": texts(data.get("short_name")),
                "note": texts(data.get("note")),
                "managing_bodies": row.managing_bodies,
                "legal_basis": row.legal_basis,
                "start": row.start,
                "axis": row.axis,
                "committee": row.committee,
                "indicators": row.indicators,
                "actions": row.actions,
                "evaluations": row.evaluations,
                "finance": row.finance,
                "by_year": [dict(year) for year in years.get(row.id, [])] if row.finance else [],
                "sources": row.sources,
            }
        )
    return found, report.recorded


def _evaluation(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "status": row.status,
        "evaluator": row.evaluator,
        "independent": row.independent,
        "scope": row.scope,
        "start": row.start,
        "end": row.end,
        "report_title": row.report_title,
        "report_date": row.report_date,
    }
