"""Cross-record rules: what JSON Schema cannot see because it looks at one file at a time.

Each rule has a stable id (used in findings, docs and tests) and is one function taking the
loaded registry. They all run in one pass and every finding is reported together.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterator

from protsoc.kernel import dates
from protsoc.kernel.findings import Finding, Severity, path_from_links
from protsoc.kernel.i18n import _
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
    return _("did you mean `{value}`?").format(value=close[0]) if close else None


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
        "references": None,
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
                _("the record's id `{id}` does not match its file path (`{path_id}`)").format(
                    id=data.get("id"), path_id=record.id
                ),
                ("id",),
                _(
                    "write `{path_id}` as the record's id, or rename the file to match its id"
                ).format(path_id=record.id),
            )
        if record.kind == "meeting":
            committee_part, stem = record.id.split("/", 1)
            parsed = split_meeting_stem(stem)
            if parsed is None or dates.parse(parsed[0]) is None:
                yield _error(
                    record,
                    "meeting-file-name",
                    _("`{name}` is not a meeting file name with a real date").format(
                        name=f"{stem}.yaml"
                    ),
                    ("id",),
                    _(
                        "name meeting files YYYY-MM-DD.yaml (or YYYY-MM-DD-2.yaml for a second "
                        "meeting that day) with an existing date"
                    ),
                )
            elif data.get("date") is not None and data.get("date") != parsed[0]:
                yield _error(
                    record,
                    "meeting-date-mismatch",
                    _("the meeting's date {date} differs from its file name ({file_date})").format(
                        date=data.get("date"), file_date=parsed[0]
                    ),
                    ("date",),
                    # No command fixes this one: `protsoc move meeting` starts from the record's
                    # date, which is what disagrees with the file here.
                    _(
                        "the file's name is the meeting's date: write {file_date} as the date in "
                        "the record or, if {date} is right, rename the file {name}"
                    ).format(
                        file_date=parsed[0], date=data.get("date"), name=f"{data.get('date')}.yaml"
                    ),
                )
            if data.get("committee") is not None and data.get("committee") != committee_part:
                yield _error(
                    record,
                    "meeting-committee-mismatch",
                    _(
                        "the meeting is filed under {folder} but names committee `{committee}`"
                    ).format(folder=f"meetings/{committee_part}/", committee=data.get("committee")),
                    ("committee",),
                    _(
                        "move the file to {folder}, or correct the committee named in the record"
                    ).format(folder=f"meetings/{data.get('committee')}/"),
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
                        _("`{list}` lists `{key}: {value}` more than once").format(
                            list=list_key, key=id_key, value=value
                        ),
                        (list_key, index, id_key),
                        _(
                            "give each entry its own id, or merge the two entries (`protsoc "
                            "remove …` removes an entry of a meeting)"
                        ),
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
                _("parent committee `{committee}` does not exist").format(committee=parent),
                ("parent",),
                _(
                    "create the committee with `protsoc add committee`, or correct its parent "
                    "committee"
                ),
            )
        chair = data.get("chair")
        if isinstance(chair, str):
            member = ctx.members.get(committee_id, {}).get(chair)
            if member is None:
                yield _error(
                    record,
                    "ref-member",
                    _("the chair `{chair}` is not one of the committee's member posts").format(
                        chair=chair
                    ),
                    ("chair",),
                    _("name as chair the member post whose role is chair"),
                )
            elif member.get("role") != "chair":
                yield _error(
                    record,
                    "ref-member",
                    _("the chair `{chair}` has role `{role}`, not chair").format(
                        chair=chair, role=member.get("role")
                    ),
                    ("chair",),
                    _("give that member post the role of chair"),
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
                    _("`{field}: {value}` names no existing post").format(
                        field="on_behalf_of", value=member["on_behalf_of"]
                    ),
                    ("members", index, "on_behalf_of"),
                    _("use <committee-id>/<member-id> of an existing post"),
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
                        _("committees are their own parents: {chain}").format(chain=chain),
                        ("parent",),
                        _("a committee's chain of parents must end at a committee with no parent"),
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
                _("committee `{committee}` does not exist").format(committee=committee_id),
                ("committee",),
                _(
                    "`protsoc list committee` shows the committees; create this one with "
                    "`protsoc add committee`"
                ),
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
                    _(
                        "attendance names `{member}`, who is neither a member post of "
                        "`{committee}` nor a listed guest"
                    ).format(member=member, committee=committee_id),
                    ("attendance", index, "member"),
                    _did_you_mean(member, [*members, *guests])
                    or _(
                        "use a member post of the committee (`protsoc show {committee}`), or "
                        "record the person as a guest with `protsoc add guest {meeting}`"
                    ).format(committee=committee_id, meeting=meeting_id),
                )
            if (
                isinstance(entry, dict)
                and entry.get("status") == "represented"
                and not entry.get("represented_by")
            ):
                yield _error(
                    record,
                    "attendance-represented",
                    _("`{member}` is marked represented but not by whom").format(member=member),
                    ("attendance", index),
                    _(
                        "say who represented them: `protsoc set attendance {meeting} {member} "
                        "--by NAME`"
                    ).format(meeting=meeting_id, member=member),
                )
        for key in ("convened_by",):
            if key in data and not ctx.post_exists(data[key], committee_id):
                yield _error(
                    record,
                    "ref-post",
                    _("`{field}: {value}` names no existing post").format(
                        field=key, value=data[key]
                    ),
                    (key,),
                    _("use a member id of the committee (or <committee-id>/<member-id>)"),
                )
        chaired = data.get("chaired_by")
        if isinstance(chaired, dict) and not ctx.post_exists(chaired.get("post"), committee_id):
            yield _error(
                record,
                "ref-post",
                _("`{field}: {value}` names no existing post").format(
                    field="chaired_by.post", value=chaired.get("post")
                ),
                ("chaired_by", "post"),
                _("use a member id of the committee"),
            )
        agenda_ids = _ids(_list(data, "agenda"))
        for index, decision in enumerate(_list(data, "decisions")):
            if not isinstance(decision, dict):
                continue
            if "owner" in decision and not ctx.post_exists(decision["owner"], committee_id):
                yield _error(
                    record,
                    "ref-post",
                    _("decision {decision}: owner `{owner}` names no existing post").format(
                        decision=decision.get("id"), owner=decision["owner"]
                    ),
                    ("decisions", index, "owner"),
                    _(
                        "name an existing post: `protsoc set decision {id} --owner POST` (a "
                        "member id of this committee or <committee-id>/<member-id>)"
                    ).format(id=f"{meeting_id}/{decision.get('id')}"),
                )
            item = decision.get("agenda_item")
            if isinstance(item, str) and item not in agenda_ids:
                yield _error(
                    record,
                    "ref-agenda-item",
                    _("decision {decision}: agenda item `{item}` is not on the agenda").format(
                        decision=decision.get("id"), item=item
                    ),
                    ("decisions", index, "agenda_item"),
                    _(
                        "name one of this meeting's agenda items: `protsoc set decision {id} "
                        "--agenda-item item-N`"
                    ).format(id=f"{meeting_id}/{decision.get('id')}"),
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
                    _(
                        "the minutes are approved by `{member}`, who is not a member post of "
                        "`{committee}`"
                    ).format(member=member, committee=committee_id),
                    ("minutes", "approvals", index, "member"),
                    _("only the committee's members approve its minutes"),
                )
        amends = minutes.get("amends")
        if isinstance(amends, str) and amends not in ctx.meetings:
            yield _error(
                record,
                "ref-meeting",
                _("the erratum amends `{meeting}`, which does not exist").format(meeting=amends),
                ("minutes", "amends"),
                _("give the id of the meeting whose minutes are corrected"),
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
                    _("decision `{decision}` does not exist").format(decision=decision),
                    ("decisions", index),
                    _(
                        "give <meeting-id>/d<N> of a recorded decision (`protsoc decisions` "
                        "lists them)"
                    ),
                )
        if "owner" in data and not ctx.post_exists(data["owner"], None):
            yield _error(
                record,
                "ref-post",
                _("owner `{owner}` names no existing post").format(owner=data["owner"]),
                ("owner",),
                _("give the accountable post as <committee-id>/<member-id>"),
            )
        if isinstance(data.get("axis"), str) and data["axis"] not in axes:
            yield _error(
                record,
                "ref-axis",
                _("roadmap axis `{axis}` does not exist").format(axis=data["axis"]),
                ("axis",),
                _("use an axis id of the roadmap (`protsoc roadmap` lists them)"),
            )
        if isinstance(data.get("milestone"), str) and data["milestone"] not in milestones:
            yield _error(
                record,
                "ref-milestone",
                _("roadmap milestone `{milestone}` does not exist").format(
                    milestone=data["milestone"]
                ),
                ("milestone",),
                _("use a milestone id of the roadmap (`protsoc roadmap` lists them)"),
            )
    for record in ctx.indicators.values():
        data = record.data or {}
        if ctx.committee_missing(data.get("owner")):
            yield _error(
                record,
                "ref-committee",
                _("owner committee `{committee}` does not exist").format(committee=data["owner"]),
                ("owner",),
                _("use a committee id (the Technical Committee keeps the national dashboard)"),
            )
        if isinstance(data.get("axis"), str) and data["axis"] not in axes:
            yield _error(
                record,
                "ref-axis",
                _("roadmap axis `{axis}` does not exist").format(axis=data["axis"]),
                ("axis",),
                _("use an axis id of the roadmap (`protsoc roadmap` lists them)"),
            )
        target = data.get("target")
        if not isinstance(target, dict):
            target = {}
        if decision_missing(target.get("set_by")):
            yield _error(
                record,
                "ref-decision",
                _("decision `{decision}` does not exist").format(decision=target["set_by"]),
                ("target", "set_by"),
                _("give <meeting-id>/d<N> of a recorded decision"),
            )
    for record in ctx.evaluations.values():
        data = record.data or {}
        if decision_missing(data.get("commissioned_by")):
            yield _error(
                record,
                "ref-decision",
                _("decision `{decision}` does not exist").format(decision=data["commissioned_by"]),
                ("commissioned_by",),
                _("give <meeting-id>/d<N> of the Steering Committee decision that launched it"),
            )
    roadmap_records = ctx.registry.of_kind("roadmap")
    if roadmap_records:
        record = roadmap_records[0]
        data = record.data or {}
        if ctx.committee_missing(data.get("owner")):
            yield _error(
                record,
                "ref-committee",
                _("owner committee `{committee}` does not exist").format(committee=data["owner"]),
                ("owner",),
            )
        if decision_missing(data.get("adopted_by")):
            yield _error(
                record,
                "ref-decision",
                _("decision `{decision}` does not exist").format(decision=data["adopted_by"]),
                ("adopted_by",),
            )
        for index, axis in enumerate(_list(data, "axes")):
            if isinstance(axis, dict) and ctx.committee_missing(axis.get("committee")):
                yield _error(
                    record,
                    "ref-committee",
                    _("committee `{committee}` does not exist").format(committee=axis["committee"]),
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
    ("opened_at", "closed_at"),
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
                        _(
                            "`{second}` ({second_date}) comes before `{first}` ({first_date})"
                        ).format(second=second, second_date=b, first=first, first_date=a),
                        path_from_links(link) + (second,),
                        _("`{second}` must be on or after `{first}`").format(
                            second=second, first=first
                        ),
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
                _("the meeting is marked held but its date {date} is after today ({today})").format(
                    date=day, today=ctx.today
                ),
                ("status",),
                _(
                    "keep it planned until it has taken place: `protsoc set meeting {id} "
                    "--status planned`"
                ).format(id=record.id),
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
                _("minutes are approved for a meeting that is not marked held"),
                ("minutes", "status"),
                _("mark the meeting held first: `protsoc set meeting {id} --status held`").format(
                    id=record.id
                ),
            )


@rule
def references_used_once(ctx: Context) -> Iterator[Finding]:
    """A reference number of a committee's letters is used once: the outgoing register gives
    each letter its own (`protsoc set meeting … --convocation-ref next` never draws one twice;
    this catches a number typed twice by hand)."""
    used: dict[tuple[str, str], str] = {}
    for meeting_id, record in sorted(ctx.meetings.items()):
        data = record.data or {}
        references = data.get("references")
        if not isinstance(references, dict):
            continue
        for letter in ("convocation", "minutes"):
            value = references.get(letter)
            if not isinstance(value, str):
                continue
            key = (str(data.get("committee")), value.strip())
            first = used.setdefault(key, f"{meeting_id} ({letter})")
            if first != f"{meeting_id} ({letter})":
                yield _error(
                    record,
                    "reference-reused",
                    f"reference {value} is already the number of {first}",
                    ("references", letter),
                    "give this letter its own number from the register, or draw one with "
                    f"`protsoc set meeting {meeting_id} --{letter}-ref next`",
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
                    _(
                        "decision number {number} has id `{id}`; decisions are numbered d1, d2… "
                        "in order"
                    ).format(number=index + 1, id=decision.get("id")),
                    ("decisions", index, "id"),
                    _("number it `{expected}` (before any action cites it)").format(
                        expected=f"d{expected}"
                    ),
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
