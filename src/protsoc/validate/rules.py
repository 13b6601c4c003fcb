"""Cross-record rules: what JSON Schema cannot see because it looks at one file at a time.

Each rule has a stable id (used in findings, docs and tests) and is one function taking the
loaded registry. They all run in one pass and every finding is reported together.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterator

from protsoc.kernel import dates
from protsoc.kernel.findings import Finding, Severity, path_from_links
from protsoc.registry.layout import split_meeting_stem
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record

RuleFunction = Callable[["Context"], Iterator[Finding]]
RULES: dict[str, RuleFunction] = {}
# Rules that read nothing but the record they report on (and its file's name), never today's date:
# their findings are a function of the file's path and bytes, so ``protsoc validate`` caches them
# with the file. The other rules run on every validation, on ``project``ions of the records.
FILE_RULES: set[str] = set()


def rule(function: RuleFunction | None = None, *, per_file: bool = False) -> Any:
    """Register a rule (``@rule``); ``@rule(per_file=True)`` for a rule that reads one record
    alone."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES[function.__name__] = function
        if per_file:
            FILE_RULES.add(function.__name__)
        return function

    return register(function) if function is not None else register


class Context:
    """The registry indexed for the rules."""

    def __init__(self, registry: Registry, today: dt.date) -> None:
        self.registry = registry
        self.today = today
        self.committees = registry.by_id("committee")
        self.meetings = registry.by_id("meeting")
        self.actions = registry.by_id("action")
        self.indicators = registry.by_id("indicator")
        self.evaluations = registry.by_id("evaluation")
        self.roadmap = registry.roadmap
        # Records that could not be read: references into them are not reported as missing, the
        # file's own finding says what to fix (one cause, one finding).
        self.unreadable: dict[str, set[str]] = {}
        for record in registry.records:
            if record.data is None:
                self.unreadable.setdefault(record.kind, set()).add(record.id)
        self.members: dict[str, dict[str, dict[str, Any]]] = {
            committee_id: {
                m["id"]: m
                for m in _list(record.data, "members")
                if isinstance(m, dict) and isinstance(m.get("id"), str)
            }
            for committee_id, record in self.committees.items()
        }
        self.decisions: set[str] = {
            f"{meeting_id}/{d['id']}"
            for meeting_id, record in self.meetings.items()
            for d in _list(record.data, "decisions")
            if isinstance(d, dict) and "id" in d
        }

    def committee_missing(self, committee_id: Any) -> bool:
        return (
            isinstance(committee_id, str)
            and committee_id not in self.committees
            and committee_id not in self.unreadable.get("committee", set())
        )

    def post_exists(self, ref: Any, committee_id: str | None) -> bool:
        if not isinstance(ref, str):
            return True  # the schema reports a wrong type
        if "/" in ref:
            committee, member = ref.split("/", 1)
            return member in self.members.get(committee, {}) or committee in self.unreadable.get(
                "committee", set()
            )
        if isinstance(committee_id, str) and committee_id in self.unreadable.get(
            "committee", set()
        ):
            return True
        # a committee id of the wrong type (a list) is the schema's finding, not a crash
        return isinstance(committee_id, str) and ref in self.members.get(committee_id, {})


def _did_you_mean(value: str, known: list[Any]) -> str | None:
    import difflib

    close = difflib.get_close_matches(value, [k for k in known if isinstance(k, str)], n=1)
    return f"did you mean `{close[0]}`?" if close else None


def _list(data: Any, key: str) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _ids(items: list) -> set[str]:
    """The text ids of a list of entries (a wrong type is the schema's finding, not a crash)."""
    return {
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def _error(
    record: Record,
    rule_id: str,
    message: str,
    path: tuple,
    hint: str | None = None,
    severity: Severity = Severity.ERROR,
) -> Finding:
    return Finding(rule_id, message, record.path, severity, json_path=path, hint=hint)


# What the registry-wide rules read of the records that are many (a field listed with None is
# read whole; a nested spec applies to a mapping, or to each mapping of a list). Kinds not listed
# are kept whole: committees, the manifest, the roadmap and evaluations are few. A registry-wide
# rule that reads a field of these kinds must have it listed here: tests/test_rule_projections.py
# records every key the rules read and fails on one left out, and tests/test_rule_scopes.py
# checks that the rules find the same on projections as on whole records. The records' own ids
# are read by no rule (they come from the file names) but keep a projection from being empty
# when its record is not.
_PROJECTIONS: dict[str, dict[str, Any]] = {
    "meeting": {
        "id": None,
        "committee": None,
        "date": None,
        "status": None,
        "convened_by": None,
        "chaired_by": {"post": None},
        "attendance": {"member": None, "status": None, "represented_by": None},
        "guests": {"id": None},
        "agenda": {"id": None},
        "decisions": {"id": None, "owner": None, "agenda_item": None},
        "minutes": {"status": None, "amends": None, "approvals": {"member": None}},
    },
    "action": {
        "id": None,
        "decisions": None,
        "owner": None,
        "axis": None,
        "milestone": None,
        "status": None,
        "progress": None,
        "completed_on": None,
        "updates": {"status": None, "progress": None},
        "programme": None,
        "budgets": {"year": None, "funding_source": None, "reported_by": None},
        "transactions": {"date": None, "funding_source": None, "reported_by": None},
    },
    "indicator": {
        "id": None,
        "owner": None,
        "axis": None,
        "valid_from": None,
        "valid_until": None,
        "target": {"set_by": None},
        "observations": {"date": None},
        "programme": None,
    },
}


def project(kind: str, data: Any) -> Any:
    """What the registry-wide rules read of a record (see ``_PROJECTIONS``)."""
    spec = _PROJECTIONS.get(kind)
    return data if spec is None else _project(data, spec)


def _project(value: Any, spec: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {
            key: value[key] if inner is None else _project(value[key], inner)
            for key, inner in spec.items()
            if key in value
        }
    if isinstance(value, list):
        return [_project(item, spec) for item in value]
    return value


# --- identity ------------------------------------------------------------------------------


@rule(per_file=True)
def id_matches_path(ctx: Context) -> Iterator[Finding]:
    for record in ctx.registry.records:
        data = record.data
        if data is None or record.kind in ("registry", "roadmap"):
            continue
        if data.get("id") != record.id:
            yield _error(
                record,
                "id-mismatch",
                f"the record's id `{data.get('id')}` does not match its file path (`{record.id}`)",
                ("id",),
                f"set `id: {record.id}` or rename the file to match the id",
            )
        if record.kind == "meeting":
            committee_part, stem = record.id.split("/", 1)
            parsed = split_meeting_stem(stem)
            if parsed is None or dates.parse(parsed[0]) is None:
                yield _error(
                    record,
                    "meeting-file-name",
                    f"`{stem}.yaml` is not a meeting file name with a real date",
                    ("id",),
                    "name meeting files YYYY-MM-DD.yaml (or YYYY-MM-DD-2.yaml for a second "
                    "meeting that day) with an existing date",
                )
            elif data.get("date") is not None and data.get("date") != parsed[0]:
                yield _error(
                    record,
                    "meeting-date-mismatch",
                    f"the meeting's date {data.get('date')} differs from its file name "
                    f"({parsed[0]})",
                    ("date",),
                    "rename the file after the meeting's date, or fix the date",
                )
            if data.get("committee") is not None and data.get("committee") != committee_part:
                yield _error(
                    record,
                    "meeting-committee-mismatch",
                    f"the meeting is filed under meetings/{committee_part}/ but names committee "
                    f"`{data.get('committee')}`",
                    ("committee",),
                    f"move the file to meetings/{data.get('committee')}/ or fix `committee`",
                )


@rule(per_file=True)
def unique_ids(ctx: Context) -> Iterator[Finding]:
    checks = {
        "committee": [("members", "id")],
        "meeting": [
            ("agenda", "id"),
            ("decisions", "id"),
            ("attendance", "member"),
            ("guests", "id"),
        ],
        "roadmap": [
            ("axes", "id"),
            ("principles", "id"),
            ("milestones", "id"),
            ("resources", "id"),
        ],
        "evaluation": [("recommendations", "id")],
        "indicator": [("observations", "date")],
        "programme": [("managing_bodies", "id"), ("budgets", "id"), ("transactions", "id")],
        "action": [("budgets", "id"), ("transactions", "id")],
    }
    for record in ctx.registry.records:
        for list_key, id_key in checks.get(record.kind, []):
            seen: set = set()
            for index, item in enumerate(_list(record.data, list_key)):
                value = item.get(id_key) if isinstance(item, dict) else None
                if value is None or not isinstance(value, (str, int)):
                    continue
                if value in seen:
                    yield _error(
                        record,
                        "duplicate-id",
                        f"`{list_key}` lists `{id_key}: {value}` more than once",
                        (list_key, index, id_key),
                        "give each entry its own id, or merge the two entries",
                    )
                seen.add(value)


# --- references ------------------------------------------------------------------------------


@rule
def committee_references(ctx: Context) -> Iterator[Finding]:
    for committee_id, record in ctx.committees.items():
        data = record.data or {}
        parent = data.get("parent")
        if isinstance(parent, str) and ctx.committee_missing(parent):
            yield _error(
                record,
                "ref-committee",
                f"parent committee `{parent}` does not exist",
                ("parent",),
                f"create registry/committees/{parent}.yaml or fix `parent`",
            )
        chair = data.get("chair")
        if isinstance(chair, str):
            member = ctx.members.get(committee_id, {}).get(chair)
            if member is None:
                yield _error(
                    record,
                    "ref-member",
                    f"the chair `{chair}` is not one of the committee's member posts",
                    ("chair",),
                    "use the id of the member post whose role is chair",
                )
            elif member.get("role") != "chair":
                yield _error(
                    record,
                    "ref-member",
                    f"the chair `{chair}` has role `{member.get('role')}`, not chair",
                    ("chair",),
                    "set that member's role to chair",
                )
        for index, member in enumerate(_list(data, "members")):
            if (
                isinstance(member, dict)
                and "on_behalf_of" in member
                and not ctx.post_exists(member["on_behalf_of"], committee_id)
            ):
                yield _error(
                    record,
                    "ref-post",
                    f"`on_behalf_of: {member['on_behalf_of']}` names no existing post",
                    ("members", index, "on_behalf_of"),
                    "use <committee-id>/<member-id> of an existing post",
                )


@rule
def committee_cycles(ctx: Context) -> Iterator[Finding]:
    for committee_id, record in ctx.committees.items():
        seen = [committee_id]
        current = (record.data or {}).get("parent")
        while isinstance(current, str) and current in ctx.committees:
            if current in seen:
                chain = " -> ".join(seen + [current])
                if current == committee_id:
                    yield _error(
                        record,
                        "committee-cycle",
                        f"committees are their own parents: {chain}",
                        ("parent",),
                        "a committee's chain of parents must end at a committee with no parent",
                    )
                break
            seen.append(current)
            current = (ctx.committees[current].data or {}).get("parent")


@rule
def meeting_references(ctx: Context) -> Iterator[Finding]:
    for meeting_id, record in ctx.meetings.items():
        data = record.data or {}
        committee_id = data.get("committee")
        if ctx.committee_missing(committee_id):
            yield _error(
                record,
                "ref-committee",
                f"committee `{committee_id}` does not exist",
                ("committee",),
                "list the committees in registry/committees/, or create this one",
            )
            continue
        if isinstance(committee_id, str) and committee_id in ctx.unreadable.get("committee", set()):
            continue  # its members are unknown until its file can be read
        members = ctx.members.get(committee_id, {}) if isinstance(committee_id, str) else {}
        guests = _ids(_list(data, "guests"))
        for index, entry in enumerate(_list(data, "attendance")):
            member = entry.get("member") if isinstance(entry, dict) else None
            if isinstance(member, str) and member not in members and member not in guests:
                yield _error(
                    record,
                    "ref-member",
                    f"attendance names `{member}`, who is neither a member post of "
                    f"`{committee_id}` nor a listed guest",
                    ("attendance", index, "member"),
                    _did_you_mean(member, [*members, *guests])
                    or "use a member id from the committee's file, or add the person under "
                    "`guests`",
                )
            if (
                isinstance(entry, dict)
                and entry.get("status") == "represented"
                and not entry.get("represented_by")
            ):
                yield _error(
                    record,
                    "attendance-represented",
                    f"`{member}` is marked represented but not by whom",
                    ("attendance", index),
                    "add `represented_by:` with the representative's name or title",
                )
        for key in ("convened_by",):
            if key in data and not ctx.post_exists(data[key], committee_id):
                yield _error(
                    record,
                    "ref-post",
                    f"`{key}: {data[key]}` names no existing post",
                    (key,),
                    "use a member id of the committee (or <committee-id>/<member-id>)",
                )
        chaired = data.get("chaired_by")
        if isinstance(chaired, dict) and not ctx.post_exists(chaired.get("post"), committee_id):
            yield _error(
                record,
                "ref-post",
                f"`chaired_by.post: {chaired.get('post')}` names no existing post",
                ("chaired_by", "post"),
                "use a member id of the committee",
            )
        agenda_ids = _ids(_list(data, "agenda"))
        for index, decision in enumerate(_list(data, "decisions")):
            if not isinstance(decision, dict):
                continue
            if "owner" in decision and not ctx.post_exists(decision["owner"], committee_id):
                yield _error(
                    record,
                    "ref-post",
                    f"decision {decision.get('id')}: owner `{decision['owner']}` names no existing "
                    "post",
                    ("decisions", index, "owner"),
                    "use a member id of this committee or <committee-id>/<member-id>",
                )
            item = decision.get("agenda_item")
            if isinstance(item, str) and item not in agenda_ids:
                yield _error(
                    record,
                    "ref-agenda-item",
                    f"decision {decision.get('id')}: agenda item `{item}` is not on the agenda",
                    ("decisions", index, "agenda_item"),
                    "use the id of one of this meeting's agenda items",
                )
        minutes = data.get("minutes")
        if not isinstance(minutes, dict):
            minutes = {}
        for index, approval in enumerate(_list(minutes, "approvals")):
            member = approval.get("member") if isinstance(approval, dict) else None
            if isinstance(member, str) and member not in members:
                yield _error(
                    record,
                    "ref-member",
                    f"the minutes are approved by `{member}`, who is not a member post of "
                    f"`{committee_id}`",
                    ("minutes", "approvals", index, "member"),
                    "only the committee's members approve its minutes",
                )
        amends = minutes.get("amends")
        if isinstance(amends, str) and amends not in ctx.meetings:
            yield _error(
                record,
                "ref-meeting",
                f"the erratum amends `{amends}`, which does not exist",
                ("minutes", "amends"),
                "give the id of the meeting whose minutes are corrected",
            )


@rule
def follow_up_references(ctx: Context) -> Iterator[Finding]:
    axes = _ids(_list(ctx.roadmap, "axes"))
    milestones = _ids(_list(ctx.roadmap, "milestones"))

    def decision_missing(value: Any) -> bool:
        return (
            isinstance(value, str)
            and value not in ctx.decisions
            and value.rsplit("/", 1)[0] not in ctx.unreadable.get("meeting", set())
        )

    for record in ctx.actions.values():
        data = record.data or {}
        for index, decision in enumerate(_list(data, "decisions")):
            if decision_missing(decision):
                yield _error(
                    record,
                    "ref-decision",
                    f"decision `{decision}` does not exist",
                    ("decisions", index),
                    "give <meeting-id>/d<N> of a decision recorded in a meeting file",
                )
        if "owner" in data and not ctx.post_exists(data["owner"], None):
            yield _error(
                record,
                "ref-post",
                f"owner `{data['owner']}` names no existing post",
                ("owner",),
                "give the accountable post as <committee-id>/<member-id>",
            )
        if isinstance(data.get("axis"), str) and data["axis"] not in axes:
            yield _error(
                record,
                "ref-axis",
                f"roadmap axis `{data['axis']}` does not exist",
                ("axis",),
                "use an axis id of registry/roadmap/roadmap.yaml",
            )
        if isinstance(data.get("milestone"), str) and data["milestone"] not in milestones:
            yield _error(
                record,
                "ref-milestone",
                f"roadmap milestone `{data['milestone']}` does not exist",
                ("milestone",),
                "use a milestone id of registry/roadmap/roadmap.yaml",
            )
    for record in ctx.indicators.values():
        data = record.data or {}
        if ctx.committee_missing(data.get("owner")):
            yield _error(
                record,
                "ref-committee",
                f"owner committee `{data['owner']}` does not exist",
                ("owner",),
                "use a committee id (the Technical Committee keeps the national dashboard)",
            )
        if isinstance(data.get("axis"), str) and data["axis"] not in axes:
            yield _error(
                record,
                "ref-axis",
                f"roadmap axis `{data['axis']}` does not exist",
                ("axis",),
                "use an axis id of registry/roadmap/roadmap.yaml",
            )
        target = data.get("target")
        if not isinstance(target, dict):
            target = {}
        if decision_missing(target.get("set_by")):
            yield _error(
                record,
                "ref-decision",
                f"decision `{target['set_by']}` does not exist",
                ("target", "set_by"),
                "give <meeting-id>/d<N> of a recorded decision",
            )
    for record in ctx.evaluations.values():
        data = record.data or {}
        if decision_missing(data.get("commissioned_by")):
            yield _error(
                record,
                "ref-decision",
                f"decision `{data['commissioned_by']}` does not exist",
                ("commissioned_by",),
                "give <meeting-id>/d<N> of the Steering Committee decision that launched it",
            )
    roadmap_records = ctx.registry.of_kind("roadmap")
    if roadmap_records:
        record = roadmap_records[0]
        data = record.data or {}
        if ctx.committee_missing(data.get("owner")):
            yield _error(
                record,
                "ref-committee",
                f"owner committee `{data['owner']}` does not exist",
                ("owner",),
            )
        if decision_missing(data.get("adopted_by")):
            yield _error(
                record,
                "ref-decision",
                f"decision `{data['adopted_by']}` does not exist",
                ("adopted_by",),
            )
        for index, axis in enumerate(_list(data, "axes")):
            if isinstance(axis, dict) and ctx.committee_missing(axis.get("committee")):
                yield _error(
                    record,
                    "ref-committee",
                    f"committee `{axis['committee']}` does not exist",
                    ("axes", index, "committee"),
                )


# --- dates ------------------------------------------------------------------------------------

_DATE_PAIRS = [
    ("since", "until"),
    ("created", "ended"),
    ("start", "due"),
    ("start", "end"),
    ("valid_from", "valid_until"),
    ("time", "end_time"),
]


_SECOND_DATES = {second for _, second in _DATE_PAIRS}


@rule(per_file=True)
def date_order(ctx: Context) -> Iterator[Finding]:
    for record in ctx.registry.records:
        if record.data is None:
            continue
        for link, mapping in _mappings(record.data):
            for first, second in _DATE_PAIRS:
                a, b = mapping.get(first), mapping.get(second)
                if isinstance(a, str) and isinstance(b, str) and b < a:
                    yield _error(
                        record,
                        "date-order",
                        f"`{second}` ({b}) comes before `{first}` ({a})",
                        path_from_links(link) + (second,),
                        f"`{second}` must be on or after `{first}`",
                    )


@rule
def held_meetings_in_the_past(ctx: Context) -> Iterator[Finding]:
    for record in ctx.meetings.values():
        data = record.data or {}
        day = dates.parse(data.get("date"))
        if day and data.get("status") == "held" and day > ctx.today:
            yield _error(
                record,
                "meeting-held-in-future",
                f"the meeting is marked held but its date {day} is after today ({ctx.today})",
                ("status",),
                "keep it `planned` until it has taken place",
            )
        minutes = data.get("minutes")
        if (
            isinstance(minutes, dict)
            and minutes.get("status") == "approved"
            and data.get("status") != "held"
        ):
            yield _error(
                record,
                "minutes-not-held",
                "minutes are approved for a meeting that is not marked held",
                ("minutes", "status"),
                "set the meeting's status to held first",
            )


@rule(per_file=True)
def decision_numbering(ctx: Context) -> Iterator[Finding]:
    for record in ctx.meetings.values():
        # d1, d2… in order; a gap is accepted (a removed decision is never renumbered over).
        previous = 0
        for index, decision in enumerate(_list(record.data, "decisions")):
            if not isinstance(decision, dict):
                continue
            number = _decision_number(decision.get("id"))
            if number is None or number <= previous:
                expected = previous + 1
                yield _error(
                    record,
                    "decision-numbering",
                    f"decision number {index + 1} has id `{decision.get('id')}`; decisions are "
                    "numbered d1, d2… in order",
                    ("decisions", index, "id"),
                    f"renumber it `d{expected}` (before any action cites it)",
                    Severity.WARNING,
                )
                break
            previous = number


def _decision_number(value: Any) -> int | None:
    if isinstance(value, str) and value[:1] == "d" and value[1:].isdigit():
        number = int(value[1:])
        return number if value == f"d{number}" and number > 0 else None
    return None


def _mappings(value: Any) -> Iterator[tuple[tuple | None, dict]]:
    """Every mapping inside ``value`` that holds the second date of a pair, with its path as a
    (parent link, key) chain (``findings.path_from_links``). A stack, not recursion, and no path
    tuples: this runs on every record, and only containers are visited."""
    stack: list[tuple[tuple | None, Any]] = [(None, value)]
    pop, push, seconds = stack.pop, stack.append, _SECOND_DATES
    while stack:
        link, value = pop()
        if isinstance(value, dict):
            if not seconds.isdisjoint(value):
                yield link, value
            for key, item in value.items():
                if isinstance(item, (dict, list)):
                    push(((link, key), item))
        else:
            for index, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    push(((link, index), item))
