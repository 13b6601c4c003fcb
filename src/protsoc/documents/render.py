"""Official Arabic documents rendered from the registry: minutes, convocations, the follow-up
report.

This module builds each document's template context (plain data: dicts, lists, dates) from the
loaded registry, renders it through ``templating`` and, for PDF, WeasyPrint (imported only when a
PDF is asked for, so Markdown and HTML work without Pango). It never prints; the CLI writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protsoc.documents import DOCUMENTS_INSTALL, arabic, templating
from protsoc.governance.status import current_title
from protsoc.governance.vocabulary import HONORIFICS
from protsoc.kernel import dates, resources
from protsoc.kernel.errors import EnvironmentProblem, InvalidRecord, UsageError
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record

FORMATS = ("md", "html", "pdf")
DOCUMENTS = ("minutes", "convocation")
PDF_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-hosny-amiri"

ATTENDANCE_ORDER = ("present", "represented", "excused", "absent")
KIND_AR = {"decision": "قرار", "recommendation": "توصية"}
MEETING_KIND_AR = {"ordinary": "عادي", "extraordinary": "استثنائي"}
ACTION_STATUS_AR = {
    "not-started": "لم يشرع فيه",
    "in-progress": "في طور الإنجاز",
    "done": "منجز",
    "blocked": "متعثر",
    "dropped": "متخلى عنه",
}
EVALUATION_STATUS_AR = {
    "planned": "مبرمج",
    "ongoing": "جار",
    "report-submitted": "قدم التقرير",
    "closed": "انتهى",
}
QUALIFIER_AR = {
    "exact": "",
    "about": "حوالي",
    "more-than": "أكثر من",
    "less-than": "أقل من",
    "at-least": "على الأقل",
}


@dataclass
class Rendered:
    """A rendered document: text for md/html, bytes for pdf."""

    format: str
    content: str | bytes
    suggested_name: str


# ---------------------------------------------------------------- looking things up


def find_meeting(registry: Registry, meeting_id: str) -> Record:
    """The meeting record, or a usage error listing the ids that look like it."""
    meetings = registry.by_id("meeting")
    if meeting_id in meetings:
        return meetings[meeting_id]
    known = sorted(meetings)
    similar = difflib.get_close_matches(meeting_id, known, n=5, cutoff=0.5)
    if not similar:
        similar = [m for m in known if m.split("/")[0] == meeting_id.split("/")[0]][-5:] or known[
            -5:
        ]
    hint = (
        ("did you mean " + ", ".join(similar) + "?")
        if similar
        else "the registry has no meeting yet"
    )
    raise UsageError(
        f"no meeting {meeting_id!r} in the registry (ids are <committee>/<YYYY-MM-DD>)", hint
    )


def _left_before(member: dict[str, Any], day: dt.date) -> bool:
    """Whether the member's post ended (``until``) before ``day``."""
    until = dates.parse(member.get("until"))
    return bool(until and until < day)


def _members(committee: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in committee.get("members", []) if isinstance(m, dict) and "id" in m}


def post_title(
    registry: Registry,
    committee_id: str,
    ref: Any,
    on: dt.date,
    committees: Mapping[str, Record] | None = None,
) -> str:
    """The title a post bore on a date: ``member`` within the committee or ``committee/member``.
    A caller naming many posts passes ``committees`` (``registry.by_id("committee")``) once:
    looking them up again per post scans every record each time (quadratic in a report)."""
    if not isinstance(ref, str):
        return ""
    committee_id, member_id = ref.split("/", 1) if "/" in ref else (committee_id, ref)
    committee = (registry.by_id("committee") if committees is None else committees).get(
        committee_id
    )
    member = _members(committee.data or {}).get(member_id) if committee else None
    return current_title(member, on) if member else ref


def _list(data: Any, key: str) -> list[dict[str, Any]]:
    """The mappings of a list field; a field of the wrong shape renders as empty
    (`protsoc validate` reports it)."""
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _dict(data: Any, key: str) -> dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _priority(item: dict[str, Any]) -> int:
    """An agenda item's rank; unranked items (or a rank of the wrong type) come last, in file
    order."""
    value = item.get("priority")
    return value if isinstance(value, int) and not isinstance(value, bool) else 10**6


def _text(value: Any) -> str:
    return templating.text_of(value)


def _decision_number(decision: dict[str, Any]) -> int:
    try:
        return int(str(decision.get("id", "d0"))[1:])
    except ValueError:
        return 0


# What `protsoc add …` writes as the source of a clerk's entry (clerk/desk.py): a command line,
# which an official document must not print (issue 15).
_CLERK_ENTRY = re.compile(r"^protsoc [a-z-]+(?: [a-z-]+)? by .+ on (\d{4}-\d{2}-\d{2})$")
_FILE_PATH = re.compile(r"(^|/)[^/\s]+\.(txt|pdf|ya?ml|docx?|html?|md)$|/")


def named(honorific: Any, name: str) -> str:
    """A person as a letter names them: «السيدة …» when the record gives the honorific (or the
    clerk typed it in the name), the bare name otherwise: never «السيد(ة)», never a guess."""
    if not name or name.split(" ", 1)[0] in HONORIFICS:
        return name
    return f"{honorific} {name}" if honorific in HONORIFICS else name


def provenance_wording(source: dict[str, Any]) -> str:
    """A source as an official document names it, in Arabic words: a clerk's entry as «إدخال
    كتابة اللجنة بتاريخ …», a document by its title (and date), never a file path or a command
    line. A document known only by its file gets a visible blank for its title («……»)."""
    document = str(source.get("document", ""))
    date = source.get("date")
    clerk = _CLERK_ENTRY.match(document)
    if clerk:
        try:
            return f"إدخال كتابة اللجنة بتاريخ {arabic.date_long(clerk.group(1))}"
        except ValueError:
            return "إدخال كتابة اللجنة بتاريخ ……"
    try:
        dated = f"، بتاريخ {arabic.date_long(date)}" if date else ""
    except (TypeError, ValueError):
        dated = "، بتاريخ ……"
    if source.get("title"):
        return f"{_text(source['title'])}{dated}"
    if _FILE_PATH.search(document):
        return f"وثيقة مصدر عنوانها ……{dated}"
    return f"{document}{dated}"


def _reported(data: dict[str, Any]) -> list[dict[str, str]]:
    """The proceedings an outside source reports, each with that source named in words (its
    title and date taken from the meeting's own list of sources when the entry names only the
    document)."""
    described = {
        str(source.get("document")): source
        for source in _list(data, "sources")
        if isinstance(source.get("document"), str)
    }
    reported = []
    for entry in _list(data, "reported"):
        given = entry.get("source")
        source: dict[str, Any] = given if isinstance(given, dict) else {}
        full = {**described.get(str(source.get("document")), {}), **source}
        reported.append({"quote": str(entry.get("quote", "")), "by": provenance_wording(full)})
    return reported


def _sources(*records: dict[str, Any]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for record in records:
        for source in _list(record, "sources"):
            if isinstance(source.get("document"), str) and source["document"] not in seen:
                seen[source["document"]] = {
                    "document": str(source["document"]),
                    "wording": provenance_wording(source),
                    "section": str(source.get("section", "")),
                    "date": str(source.get("date", "")),
                }
    return list(seen.values())


def _authority(registry: Registry, committee: dict[str, Any], on: dt.date) -> str:
    """The authority in the letterhead: supervising body, lead ministry, or the chair's title."""
    for key in ("supervised_by", "lead_ministry"):
        if committee.get(key):
            return _text(committee[key])
    if committee.get("chair"):
        return post_title(registry, str(committee.get("id")), committee["chair"], on)
    return ""


# ---------------------------------------------------------------- minutes and convocation


def meeting_context(registry: Registry, meeting_id: str) -> dict[str, Any]:
    """Everything the minutes and convocation templates show, from one meeting record."""
    record = find_meeting(registry, meeting_id)
    data = record.data or {}
    committee_id = str(data.get("committee", ""))
    committee_record = registry.by_id("committee").get(committee_id)
    committee = (
        committee_record.data
        if committee_record and committee_record.data
        else {"id": committee_id}
    )
    day = dates.parse(data.get("date"))
    if day is None:
        raise InvalidRecord(
            f"meeting {record.id} has no valid date ({record.path})",
            "give it `date: YYYY-MM-DD`; `protsoc validate` lists every problem",
        )

    def title(ref: Any) -> str:
        return post_title(registry, committee_id, ref, day)

    indexed = list(enumerate(_list(data, "agenda")))
    agenda = [
        {
            "id": str(item.get("id", "")),
            "title": _text(item.get("title")),
            "priority": _priority(item),
            "proceedings": _text(item.get("proceedings")),
        }
        for _, item in sorted(indexed, key=lambda pair: (_priority(pair[1]), pair[0]))
    ]
    agenda_titles = {item["id"]: item["title"] for item in agenda}
    attendance: dict[str, list[dict[str, str]]] = {status: [] for status in ATTENDANCE_ORDER}
    for entry in _list(data, "attendance"):
        if isinstance(entry.get("status"), str) and entry["status"] in attendance:
            attendance[entry["status"]].append(
                {
                    "title": title(entry.get("member")),
                    "name": _text(entry.get("name")),
                    "named": named(entry.get("honorific"), _text(entry.get("name"))),
                    "represented_by": _text(entry.get("represented_by")),
                }
            )
    decisions = []
    for decision in sorted(_list(data, "decisions"), key=_decision_number):
        decisions.append(
            {
                "id": decision.get("id", ""),
                "number": _decision_number(decision),
                "kind": KIND_AR.get(str(decision.get("kind")), ""),
                "text": _text(decision.get("text")),
                "agenda_item": agenda_titles.get(str(decision.get("agenda_item")), ""),
                "owner": title(decision.get("owner")) if decision.get("owner") else "",
                "due": decision.get("due") or "",
            }
        )
    minutes = _dict(data, "minutes")
    approvals = [
        {"title": title(a.get("member")), "date": a.get("date", "")}
        for a in _list(minutes, "approvals")
    ]
    chaired = _dict(data, "chaired_by")
    attended = len(attendance["present"]) + len(attendance["represented"])
    return {
        "meeting": {
            "id": record.id,
            "date": day,
            "time": data.get("time", ""),
            "end_time": data.get("end_time", ""),
            "place": _text(data.get("place")),
            "kind": MEETING_KIND_AR.get(str(data.get("kind")), ""),
            "status": data.get("status", ""),
            "number": data.get("number") or "",
            "convened_by": title(data.get("convened_by")) if data.get("convened_by") else "",
            "chair_title": title(chaired.get("post")) if chaired.get("post") else "",
            "chair_name": _text(chaired.get("name")),
            "chair_named": named(chaired.get("honorific"), _text(chaired.get("name"))),
            "note": _text(data.get("note")),
        },
        "committee": {
            "id": committee_id,
            "name": _text(committee.get("name")) or committee_id,
            "short_name": _text(committee.get("short_name") or committee.get("name"))
            or committee_id,
            "authority": _authority(registry, committee, day),
            # who signs the committee's letters: the post that convenes this meeting, else the
            # committee's chair on the day (رئيس الحكومة for the Steering Committee), else the
            # body the committee record says convenes it (رئاسة الحكومة for the Technical
            # Committee, which has no chair); never «رئيس اللجنة» for a committee without one
            "signatory": (title(data.get("convened_by")) if data.get("convened_by") else "")
            or (
                post_title(registry, committee_id, committee["chair"], day)
                if committee.get("chair")
                else ""
            )
            or _text(committee.get("convened_by")),
        },
        "agenda": agenda,
        "members": [
            current_title(m, day)
            for m in sorted(
                (
                    m
                    for m in _members(committee).values()
                    if m.get("role") == "member" and not _left_before(m, day)
                ),
                key=lambda m: (m.get("role") != "chair", m.get("order") or 10**6),
            )
        ],
        "attendance": attendance,
        "attendance_complete": data.get("attendance_complete", True) is not False,
        "attended_count": attended,
        "guests": [
            {
                "id": str(g.get("id", "")),
                "name": _text(g.get("name")),
                "named": named(g.get("honorific"), _text(g.get("name"))),
                "capacity": _text(g.get("capacity")),
            }
            for g in _list(data, "guests")
        ],
        "reported": _reported(data),
        "decisions": decisions,
        "decisions_summary": arabic.join(
            arabic.document_count(n, noun)
            for n, noun in (
                (sum(1 for d in decisions if d["kind"] == KIND_AR["decision"]), "decision"),
                (
                    sum(1 for d in decisions if d["kind"] == KIND_AR["recommendation"]),
                    "recommendation",
                ),
            )
            if n
        ),
        "draft": minutes.get("status") != "approved",
        "minutes": {
            "status": minutes.get("status", "draft"),
            "recorded": bool(minutes),
            "draft": minutes.get("status") != "approved",
            "approvals": approvals,
            "approved_on": minutes.get("approved_on", ""),
        },
        "sources": _sources(data),
        "legal_basis": legal_basis(registry.manifest),
        "formal": _formal_parts(registry, committee_id, committee, data, day, attended),
    }


def legal_basis(manifest: Mapping[str, Any]) -> dict[str, str]:
    """The circular every document cites, from the manifest's ``legal_basis``: «المرجع: منشور
    السيد رئيس الحكومة بتاريخ 3 أبريل 2018» and the «بناء على» line of the preamble. A part the
    manifest does not give is a blank «……», never a guess."""
    basis = _dict(manifest, "legal_basis")
    if not basis:
        return {"reference": "", "preamble": ""}
    kind = _text(basis.get("kind")) or "……"
    issuer = _text(basis.get("issuer"))
    # «منشور السيد رئيس الحكومة»: the circular is named after the office that issued it
    by = f" السيد {issuer}" if issuer else ""
    try:
        dated = f" بتاريخ {arabic.date_long(basis['date'])}" if basis.get("date") else ""
    except (TypeError, ValueError):
        dated = " بتاريخ ……"
    number = f" رقم {basis['number']}" if basis.get("number") else ""
    title = _text(basis.get("title"))
    named_as = f"{kind}{by}{number}{dated}"
    return {
        "reference": named_as,
        "preamble": f"{named_as}{' في شأن ' + title if title else ''}",
    }


def _formal_parts(
    registry: Registry,
    committee_id: str,
    committee: dict[str, Any],
    data: dict[str, Any],
    day: dt.date,
    attended: int,
) -> dict[str, Any]:
    """The formal parts of the meeting's letters, all from the record or the committee: reference
    numbers, opening and closing times, rapporteur, «نسخة إلى», annexes, the quorum statement
    and the distribution list. Missing data stays missing (the templates print «……»)."""
    references = _dict(data, "references")
    rapporteur = _dict(data, "rapporteur")
    minutes = _dict(data, "minutes")
    # the meeting's own «نسخة إلى», else the committee's
    own, usual = data.get("copy_to"), committee.get("copy_to")
    copy_to: list[Any] = own if isinstance(own, list) else usual if isinstance(usual, list) else []
    posts = [
        m
        for m in _members(committee).values()
        if m.get("role") in ("chair", "member") and not _left_before(m, day)
    ]
    distribution = [
        current_title(m, day)
        for m in sorted(posts, key=lambda m: (m.get("role") != "chair", m.get("order") or 10**6))
    ]
    try:
        written_on = dates.parse(minutes.get("written_on"))
    except (TypeError, ValueError):
        written_on = None
    return {
        "convocation_ref": str(references.get("convocation") or ""),
        "minutes_ref": str(references.get("minutes") or ""),
        "opened_at": str(data.get("opened_at") or ""),
        "closed_at": str(data.get("closed_at") or ""),
        "rapporteur": named(rapporteur.get("honorific"), _text(rapporteur.get("name"))),
        "rapporteur_capacity": _text(rapporteur.get("capacity")),
        "copy_to": [_text(entry) for entry in copy_to if _text(entry)],
        "annexes": [_text(d.get("title")) for d in _list(data, "documents") if d.get("title")],
        "quorum": quorum_statement(
            attended, len(posts), data.get("attendance_complete", True) is not False
        ),
        "distribution": distribution,
        "written_at": _text(minutes.get("written_at")),
        "written_on": written_on,
    }


def quorum_statement(attended: int, posts: int, complete: bool = True) -> str:
    """Attendance against the committee's member posts, in words: «حضر الاجتماع أو مثل فيه 9
    أعضاء من أصل 12 عضوا، أي أكثر من نصف الأعضاء». The circular sets no quorum, so the statement
    says how many, not whether the meeting could deliberate."""
    if posts <= 0:
        return ""
    # after «من أصل» one and two take the genitive («عضو واحد», «عضوين»), counts their usual form
    total = {1: "عضو واحد", 2: "عضوين"}.get(posts) or arabic.document_count(posts, "member")
    if not complete:  # the sources name some of those present: a floor, never a share
        present = arabic.document_count(attended, "member") if attended else "لا أحد"
        return (
            f"حضر الاجتماع أو مثل فيه، حسب المصادر المتوفرة، {present} على الأقل من أصل "
            f"{total}، واللائحة غير كاملة."
        )
    share = (
        "أي جميع الأعضاء"
        if attended >= posts
        else "أي أكثر من نصف الأعضاء"
        if 2 * attended > posts
        else "أي نصف الأعضاء"
        if 2 * attended == posts
        else "أي أقل من نصف الأعضاء"
    )
    present = arabic.document_count(attended, "member") if attended else "لا أحد من الأعضاء"
    return f"حضر الاجتماع أو مثل فيه {present} من أصل {total}، {share}."


# ---------------------------------------------------------------- the follow-up report
#
# The report only words and lays out what the follow-up library computes: cadence compliance
# (protsoc.cadence), decisions and their action plans (protsoc.followup), the roadmap
# (protsoc.roadmap), evaluations (protsoc.evaluation) and the dashboard (protsoc.indicator).
# No rule is re-computed here, so the report and `protsoc cadence|decisions|roadmap|dashboard`
# can never disagree.

CADENCE_STATUS_AR = {
    "compliant": "مطابقة",
    "due-soon": "اجتماع مرتقب قريبا",
    "breach": "غير مطابقة",
    "no-rule": "دون دورية محددة",
}
MILESTONE_STATE_AR = {
    "reached": "محققة",
    "reached-late": "محققة بتأخر",
    "late": "متأخرة",
    "planned": "مبرمجة",
    "undated": "غير مؤرخة",
}
TREND_AR = {"better": "في تحسن", "worse": "في تراجع", "unchanged": "مستقر"}
FRESHNESS_AR = {
    "fresh": "محينة",
    "stale": "تحتاج إلى تحيين",
    "no-frequency": "",
    "no-data": "لا معطيات",
}


def report_context(
    registry: Registry,
    as_of: dt.date | None = None,
    committee: str | None = None,
    with_charts: bool = True,
) -> dict[str, Any]:
    """The follow-up report («تقرير التتبع») as of a date, for all committees or one."""
    from protsoc.documents.finance_section import finance_context
    from protsoc.governance import cadence, evaluation, followup, indicator, roadmap

    as_of = as_of or dates.today()
    committees = registry.by_id("committee")
    if committee is not None and committee not in committees:
        similar = difflib.get_close_matches(
            committee, sorted(committees), n=5, cutoff=0.4
        ) or sorted(committees)
        raise UsageError(
            f"no committee {committee!r} in the registry",
            ("known committees: " + ", ".join(similar))
            if similar
            else "the registry has no committee yet",
        )
    chosen = (
        [committees[committee]] if committee else sorted(committees.values(), key=_committee_order)
    )
    compliance = cadence.by_committee(registry, as_of)
    follow = followup.follow_up(registry, as_of, committee)
    decisions_of: dict[
        str, list[Any]
    ] = {}  # grouped once: filtering all decisions per committee is quadratic
    for decision in follow.decisions:
        decisions_of.setdefault(decision.committee, []).append(decision)
    committee_rows = []
    for record in chosen:
        data = record.data or {}
        committee_rows.append(
            {
                "id": record.id,
                "name": _text(data.get("name")),
                "short_name": _text(data.get("short_name") or data.get("name")),
                "cadence": _cadence_row(
                    compliance.get(record.id),
                    data,
                    sum(
                        1
                        for m in cadence.held_meetings(
                            m.data for m in registry.meetings_of(record.id)
                        )
                        if m.date <= as_of
                    ),
                ),
                "decisions": [
                    _decision_row(registry, d, as_of, committees)
                    for d in decisions_of.get(record.id, [])
                ],
            }
        )
    board = indicator.dashboard(registry, as_of)
    indicator_data = registry.by_id("indicator")
    indicators = [
        _indicator_row(row, indicator_data[row.id].data or {}, as_of, with_charts)
        for row in board.rows
        if committee is None or row.owner == committee
    ]
    evaluations = [
        _evaluation_row(e)
        for e in evaluation.evaluations(registry)
        if committee is None or str(e.commissioned_by or "").split("/")[0] == committee
    ]
    view = roadmap.view(registry, as_of)
    manifest = registry.manifest
    return {
        "draft": False,
        "title": _text(manifest.get("title")),
        "issuer": _text(manifest.get("issuer")),
        "legal_basis": legal_basis(manifest),
        "reference": next(
            (
                str(r.get("reference"))
                for r in _list(manifest, "reports")
                if str(r.get("as_of")) == as_of.isoformat() and r.get("committee") == committee
            ),
            "",
        ),
        "as_of": as_of,
        "committee_filter": _text((committees[committee].data or {}).get("name"))
        if committee
        else "",
        "committees": committee_rows,
        "roadmap": {
            "title": view.title,
            "axes": [
                {
                    "title": a.title,
                    "actions": len(a.actions),
                    "late": sum(1 for action in a.actions if action.late),
                }
                for a in view.axes
            ],
            "milestones": [
                {
                    "id": m.id,
                    "title": m.title,
                    "planned": dates.parse(m.planned),
                    "actual": dates.parse(m.actual) if m.state.startswith("reached") else None,
                    "status": MILESTONE_STATE_AR.get(m.state, m.state),
                    "late": m.state == "late",
                }
                for m in view.milestones
            ],
        },
        "evaluations": evaluations,
        "indicators": indicators,
        "late_count": sum(1 for a in follow.all_actions() if a.late),
        "finance": finance_context(registry, as_of, with_charts),
        "findings": _findings(committee_rows, indicators, follow),
    }


def _findings(committee_rows: list[dict[str, Any]], indicators: list[dict[str, Any]], follow: Any):
    """The report's «خلاصات», in words, before any table: how many committees meet their cadence,
    how many do not, how many actions are late, how many indicators need updating."""
    compliant = [c for c in committee_rows if c["cadence"].get("compliant") is True]
    breach = [c for c in committee_rows if c["cadence"].get("compliant") is False]
    late_actions = sum(1 for a in follow.all_actions() if a.late)
    stale = [i for i in indicators if i.get("freshness") == FRESHNESS_AR["stale"]]
    judged = len(compliant) + len(breach)
    lines = [
        f"اللجن الملتزمة بدورية اجتماعاتها: {len(compliant)} من أصل {judged} لها دورية محددة."
        if judged
        else "لا توجد لجنة لها دورية محددة.",
    ]
    if breach:
        names = arabic.join(c["short_name"] for c in breach)
        lines.append(f"اللجن غير الملتزمة بدورية اجتماعاتها حسب الاجتماعات المسجلة: {names}.")
    lines.append(
        "الإجراءات المتأخرة عن أجلها: "
        + (arabic.document_count(late_actions, "action") if late_actions else "لا شيء")
        + "."
    )
    lines.append(
        "المؤشرات التي تحتاج إلى تحيين: "
        + (arabic.document_count(len(stale), "indicator") if stale else "لا شيء")
        + "."
    )
    return [line.replace(arabic.NBSP, " ") for line in lines]


_KIND_ORDER = {"ministerial": 0, "technical": 1, "thematic": 2, "working-group": 3}


def _committee_order(record: Record) -> tuple:
    return (_KIND_ORDER.get(str((record.data or {}).get("kind")), 9), record.id)


def _cadence_row(result: Any, committee: dict[str, Any], held: int) -> dict[str, Any]:
    from protsoc.governance import cadence

    if result is None:  # the rule cannot be judged; `protsoc validate` says why
        return {
            "rule": cadence.describe(committee.get("cadence"))["ar"],
            "held": held,
            "last": None,
            "compliant": None,
            "status": "—",
            "detail": "تعذر تقييم القاعدة",
        }
    detail = ""
    if result.breaches:
        latest = result.breaches[-1]
        detail = (
            f"آخر إخلال: من {arabic.date_long(latest.start)} إلى {arabic.date_long(latest.end)}"
        )
    elif result.next_due:
        detail = f"الاجتماع المقبل قبل {arabic.date_long(result.next_due)}"
    return {
        "rule": result.words["ar"],
        "held": held,
        "last": result.last_held.date if result.last_held else None,
        "compliant": None if result.status == "no-rule" else result.status != "breach",
        "status": CADENCE_STATUS_AR.get(result.status, result.status),
        "detail": detail,
    }


def _decision_row(
    registry: Registry, decision: Any, as_of: dt.date, committees: Mapping[str, Record]
) -> dict[str, Any]:
    committee_id = decision.committee
    return {
        "ref": decision.ref,
        "meeting_date": dates.parse(decision.date),
        "number": int(decision.ref.rsplit("/d", 1)[1]) if "/d" in decision.ref else 0,
        "kind": KIND_AR.get(decision.kind, ""),
        "text": decision.text,
        "owner": post_title(registry, committee_id, decision.owner, as_of, committees)
        if decision.owner
        else "",
        "due": dates.parse(decision.due),
        "late": decision.late,
        # the word agrees with the noun: a توصية is متأخرة, a قرار or a إجراء متأخر
        "late_word": "متأخرة" if decision.kind == "recommendation" else "متأخر",
        "closed": decision.state == "done",
        "progress": decision.progress,
        "actions": [
            {
                "id": a.id,
                "title": a.title,
                "owner": post_title(registry, committee_id, a.owner, as_of, committees)
                if a.owner
                else "",
                "status": ACTION_STATUS_AR.get(a.status, a.status),
                "progress": a.progress,
                "due": dates.parse(a.due),
                "late": a.late,
            }
            for a in decision.actions
        ],
    }


def _indicator_row(
    row: Any, data: dict[str, Any], as_of: dt.date, with_charts: bool
) -> dict[str, Any]:
    from protsoc.governance import indicator

    def value(number: Any) -> str:
        if row.measure == "percentage":
            return arabic.document_percent(number)
        return arabic.document_number(number)

    def quantity(number: Any) -> str:
        """«28 مرسوما», «11.1 مليون مستفيد»: the value with its unit, in agreement."""
        if row.measure == "percentage" or not row.unit:
            return value(number)
        return arabic.document_count(number, str(row.unit))

    target = row.target
    result = {
        "id": row.id,
        "name": row.name,
        "unit": row.unit,
        "measure": row.measure,
        "latest": {
            "value": value(row.latest.value),
            "quantity": quantity(row.latest.value),
            "qualifier": QUALIFIER_AR.get(str(row.latest.qualifier or ""), ""),
            "date": dates.parse(row.latest.date),
            "source": row.latest.source or "",
        }
        if row.latest
        else None,
        "target": {
            "value": value(target["value"]),
            "quantity": quantity(target["value"]),
            "date": dates.parse(target.get("date")),
        }
        if target
        else None,
        "target_met": row.target_met,
        "trend": TREND_AR.get(row.trend or "", ""),
        "freshness": FRESHNESS_AR.get(row.freshness, ""),
        "chart": "",
    }
    observations = indicator.observations_on(data, as_of)
    # where the figures come from, in words (never a file path), for the caption or the card
    cited = {}
    for entry in _list(data, "observations"):
        source = entry.get("source")
        if isinstance(source, dict) and entry.get("date"):
            cited[str(entry["date"])] = provenance_wording(source)
    result["source"] = cited.get(observations[-1].date, "") if observations else ""
    result["sources"] = arabic.join(
        dict.fromkeys(cited[o.date] for o in observations if o.date in cited)
    )
    # a single value is a figure, not a series: a card gives it with its date, qualifier and
    # source; a chart of one dot per indicator filled five pages (issue 15, finding 9)
    if with_charts and len(observations) >= 2:
        from protsoc.documents import charts

        result["chart"] = charts.indicator_chart_data_uri(
            row.name,
            row.unit,
            [
                {
                    "date": o.date,
                    "value": o.value,
                    "qualifier_ar": QUALIFIER_AR.get(str(o.qualifier or ""), ""),
                }
                for o in observations
            ],
            target,
        )
    return result


def _evaluation_row(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "evaluator": row.evaluator,
        "status": EVALUATION_STATUS_AR.get(row.status, row.status),
        "independent": row.independent,
    }


# ---------------------------------------------------------------- rendering


def render(
    registry: Registry,
    document: str,
    fmt: str,
    meeting_id: str | None = None,
    as_of: dt.date | None = None,
    committee: str | None = None,
    templates: Sequence[Path] = (),
    guest: str | None = None,
) -> Rendered:
    """Render ``minutes``/``convocation`` (of ``meeting_id``) or ``report`` in md, html or pdf;
    ``guest`` (a guest's id) makes the convocation that guest's own letter."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", "use md, html or pdf")
    if document in DOCUMENTS:
        if meeting_id is None:
            raise UsageError(f"{document} needs a meeting id", "e.g. steering/2024-11-26")
        context = meeting_context(registry, meeting_id)
        # The minutes are dated the day of the meeting; a convocation's sending date is not in
        # the record, so the letterhead leaves it blank for the secretariat to fill in.
        is_minutes = document == "minutes"
        context["letter_date"] = context["meeting"]["date"] if is_minutes else None
        context["letter_place"] = context["meeting"]["place"] if is_minutes else ""
        context["draft"] = context["minutes"]["draft"] if is_minutes else False
        formal = context["formal"]
        context["letter_ref"] = formal["minutes_ref"] if is_minutes else formal["convocation_ref"]
        context["guest"] = None
        name = f"{document}-{meeting_id.replace('/', '-')}.{fmt}"
        if guest is not None:
            if is_minutes:
                raise UsageError(
                    "--guest is for a convocation", "render the minutes without --guest"
                )
            context["guest"] = _guest(context, meeting_id, guest)
            name = f"{document}-{meeting_id.replace('/', '-')}-{guest}.{fmt}"
    elif guest is not None:
        raise UsageError("--guest is for a convocation", "render the report without --guest")
    elif document == "report":
        context = report_context(registry, as_of, committee, with_charts=fmt != "md")
        name = f"report-{context['as_of'].isoformat()}.{fmt}"
    else:
        raise UsageError(f"unknown document {document!r}", "use minutes, convocation or report")
    folders = templating.search_path(registry.root, templates)
    starts = arabic.month_starts(registry.manifest)
    template_format = "md" if fmt == "md" else "html"
    text = templating.render(f"{document}.{template_format}.j2", context, folders, starts)
    if fmt != "pdf":
        return Rendered(fmt, text, name)
    record = None
    if document == "minutes" and not context["minutes"]["draft"]:
        record = find_meeting(registry, str(meeting_id))
    return Rendered(fmt, html_to_pdf(text, folders, archived_record=record), name)


def _guest(context: dict[str, Any], meeting_id: str, guest_id: str) -> dict[str, str]:
    """The invited guest a convocation is addressed to, or a usage error naming the guests."""
    for guest in context["guests"]:
        if guest["id"] == guest_id:
            return dict(guest)
    known = ", ".join(g["id"] for g in context["guests"] if g["id"])
    raise UsageError(
        f"meeting {meeting_id} has no guest {guest_id!r}",
        f"its guests: {known}" if known else "add one: protsoc add guest MEETING",
    )


ARABIC_FONT_INSTALL = "apt-get install -y --no-install-recommends fonts-hosny-amiri"


def check_arabic_font() -> None:
    """Refuse to write a PDF that fontconfig cannot set in Arabic (issue 15): with Latin fonts
    only, WeasyPrint drew every letter as an empty box and exited 0; with no font at all, Pango
    crashed the process (exit 139). ``fc-list :lang=ar`` lists the fonts covering Arabic (Amiri,
    which the templates ask for first, or any other: Pango falls back per character). Without
    ``fc-list`` (fontconfig's tools not installed) the check cannot run and is skipped."""
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return
    try:
        found = subprocess.run(
            [fc_list, ":lang=ar", "family"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return
    if found.returncode == 0 and found.stdout.strip():
        return
    raise EnvironmentProblem(
        "no installed font covers Arabic, so the PDF would show empty boxes",
        f"install one: {ARABIC_FONT_INSTALL} (or use --format html)",
    )


def html_to_pdf(html: str, folders: Sequence[Path] = (), archived_record: Any = None) -> bytes:
    """A4 PDF from our HTML through WeasyPrint; a missing system library is one clear error.

    WeasyPrint fetches only what ``fetching.Guard`` allows (protsoc's own files, ``data:``
    URLs); any other reference is an error naming the template in ``folders`` that wrote it."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        raise EnvironmentProblem(
            f"PDF output needs WeasyPrint, which is not installed: {DOCUMENTS_INSTALL}",
            "or use --format html or --format md, which the core install renders",
        ) from None
    except OSError as error:  # cffi cannot load Pango/GObject
        raise EnvironmentProblem(
            f"PDF output needs the Pango libraries, which are missing ({error})",
            f"install them: apt-get install -y --no-install-recommends {PDF_PACKAGES} "
            "(or use --format html)",
        ) from None
    check_arabic_font()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from protsoc.documents.fetching import Guard

    guard = Guard(resources.template_dir())
    document = weasyprint.HTML(
        string=html, base_url=guard.base_url, url_fetcher=guard.url_fetcher()
    )
    try:
        with _interrupts_kept():
            pdf = bytes(document.write_pdf(**_pdf_options(weasyprint, archived_record)))
    except BaseException:  # WeasyPrint stops a refused fetch with an error of its own
        if guard.refused:
            raise guard.error(html, folders) from None
        raise
    if guard.refused:  # older WeasyPrint warns and goes on without the resource: still refused
        raise guard.error(html, folders)
    return pdf


def _pdf_options(weasyprint: Any, archived_record: Any) -> dict[str, Any]:
    """Every PDF is tagged (structure, reading order, ``lang`` from the HTML root) so search, copy
    and screen readers work: PDF/UA-1. Approved minutes are PDF/A-3b instead, still tagged, with
    the meeting's YAML record (which holds the seal of what was approved) embedded, so an
    archivist can check the printed minutes against the sealed record (issue 15, finding 11)."""
    if archived_record is None:
        return {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
    import io

    path = archived_record.file.path
    attachment = weasyprint.Attachment(
        file_obj=io.BytesIO(Path(path).read_bytes()),
        name=Path(path).name,
        description="سجل الاجتماع كما صودق عليه، مع ختمه (minutes.seal)",
        relationship="Source",
    )
    return {"pdf_variant": "pdf/a-3b", "pdf_tags": True, "attachments": [attachment]}


@contextlib.contextmanager
def _interrupts_kept() -> Iterator[None]:
    """Ctrl-C during WeasyPrint is never lost: Pango and HarfBuzz call back into Python through
    cffi, which prints and drops an exception raised in a callback, so a KeyboardInterrupt met
    there vanished and the PDF was written anyway. The interrupt is noted when it arrives and
    raised again once WeasyPrint returns."""
    import signal
    import threading

    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or not callable(previous):
        yield  # SIGINT ignored by whoever started protsoc, or handled by a host program
        return
    noted: list[int] = []

    def note(number: int, frame: Any) -> None:
        noted.append(number)
        previous(number, frame)  # raises KeyboardInterrupt (Python's default handler)

    signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if noted:
        raise KeyboardInterrupt


def write_output(path: Path, content: str | bytes) -> None:
    """Write a rendered document (``-o FILE``) with the one atomic writer of protsoc."""
    from protsoc.registry.yamlio import write_atomic

    write_atomic(path, content)
