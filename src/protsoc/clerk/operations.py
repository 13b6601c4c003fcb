"""The clerk's operations: adding and updating records without hand-editing YAML.

Each operation takes the loaded registry (a ``clerk.desk.Desk``) and the values the clerk
typed, checks those values (``clerk.inputs``, allowed values from ``governance.vocabulary``)
and returns a ``Plan``: the files to write, with their new data, and a commit message. Nothing
is written here; ``clerk.transaction.execute`` validates the plan against the whole registry
and writes it.

Sources: every record cites where its facts come from. A clerk's entry cites ``--source TEXT``
when given (e.g. the minutes' reference), else ``protsoc <command> by <git user.name or login>
on <date>`` so that the history says who typed it and when.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from protsoc.clerk import corrections, inputs, writer
from protsoc.clerk.desk import Change, Desk, Plan, meeting_stem, next_id
from protsoc.clerk.inputs import InvalidInput
from protsoc.governance import approval, meeting_calendar, seal
from protsoc.governance.vocabulary import (
    ACTION_STATUSES,
    ATTENDANCE_STATUSES,
    CADENCE_MODES,
    COMMITTEE_KINDS,
    DECISION_KINDS,
    DIRECTIONS,
    EVALUATION_KINDS,
    EVALUATION_STATUSES,
    EVALUATOR_KINDS,
    MEASURES,
    MEETING_KINDS,
    MEETING_STATUSES,
    MEMBER_ROLES,
    PERIODS,
    QUALIFIERS,
)
from protsoc.kernel.errors import UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.records import Record


def _put(mapping: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Set only the values that were given (None means: leave absent)."""
    for key, value in values.items():
        if value is not None:
            mapping[key] = value
    return mapping


# --- operations: committees and members --------------------------------------------------------


def add_committee(
    desk: Desk,
    committee_id: str | None,
    name: str | None,
    kind: str | None,
    cadence: str | None,
    short_name: str | None = None,
    parent: str | None = None,
    lead_ministry: str | None = None,
    created: str | None = None,
    legal_basis: str | None = None,
) -> Plan:
    committee_id = inputs.slug(committee_id, "committee.id")
    desk.ensure_new("committee", committee_id)
    if parent is not None:
        parent = desk.committee(parent).id
    source = desk.source("add committee")
    data: dict[str, Any] = {"id": committee_id, "name": inputs.text(name, "committee.name")}
    _put(
        data,
        short_name=inputs.text(short_name, "short_name", False),
        kind=inputs.choice(kind, "kind", COMMITTEE_KINDS),
        parent=parent,
        lead_ministry=inputs.text(lead_ministry, "lead_ministry", False),
        created=inputs.date(created, "created"),
    )
    data["legal_basis"] = {"document": legal_basis} if legal_basis else dict(source)
    data["cadence"] = parse_cadence(cadence, source)
    data["members"] = []
    data["sources"] = [source]
    return Plan([desk.new("committee", committee_id, data)], f"committee({committee_id}): add")


def parse_cadence(value: str | None, source: dict[str, Any]) -> dict[str, Any]:
    """``none`` (no rule), or ``N/PERIOD[/calendar|rolling]``, e.g. ``1/P6M/rolling``."""
    if value is None or value == "":
        raise InvalidInput(
            "cadence",
            # Still names the option: its translations would change with a {what} template.
            _("--cadence is required"),
            _("give `none`, or N/PERIOD[/MODE] such as 1/P6M/rolling"),
        )
    if value == "none":
        return {"none": True, "source": source}
    parts = value.split("/")
    if (
        len(parts) not in (2, 3)
        or not parts[0].isdigit()
        or int(parts[0]) < 1
        or parts[1] not in PERIODS
        or (len(parts) == 3 and parts[2] not in CADENCE_MODES)
    ):
        raise InvalidInput(
            "cadence",
            _("{what} {value!r} is not a cadence rule").replace("{value!r}", inputs.quoted(value)),
            _(
                "give `none`, or N/PERIOD[/MODE]: N ≥ 1, PERIOD one of {periods}, "
                "MODE calendar or rolling "
                "(e.g. 1/P6M/rolling)"
            ).format(periods=", ".join(PERIODS)),
        )
    return {
        "min_meetings": int(parts[0]),
        "per": parts[1],
        "mode": parts[2] if len(parts) == 3 else "rolling",
        "source": source,
    }


def add_member(
    desk: Desk,
    committee_id: str | None,
    member_id: str | None,
    title: str | None,
    role: str | None = "member",
    institution: str | None = None,
    since: str | None = None,
    holder: str | None = None,
    order: int | None = None,
    on_behalf_of: str | None = None,
) -> Plan:
    committee = desk.committee(committee_id)
    member_id = inputs.slug(member_id, "member.id")
    change, data = desk.edit(committee)
    members = data.setdefault("members", [])
    if any(isinstance(m, dict) and m.get("id") == member_id for m in members):
        raise UsageError(
            _("{committee} already has a member post {member}").format(
                committee=committee.id, member=member_id
            ),
            _(
                "posts are never reused: use `protsoc set member` to change it, "
                "or choose another id"
            ),
        )
    since = inputs.date(since, "since")
    item_source = desk.item_source()
    title_entry = _put(
        {"title": inputs.text(title, "member.title")}, since=since, source=item_source
    )
    member: dict[str, Any] = {
        "id": member_id,
        "role": inputs.choice(role or "member", "role", MEMBER_ROLES),
    }
    _put(member, institution=inputs.text(institution, "institution", False))
    member["titles"] = [title_entry]
    if holder:
        member["holders"] = [
            _put({"name": inputs.text(holder, "holder")}, since=since, source=item_source)
        ]
    _put(
        member,
        on_behalf_of=desk.post(on_behalf_of, committee.id, "on_behalf_of"),
        order=order,
        since=since,
    )
    member["sources"] = [desk.source("add member")]
    members.append(member)
    change.data = data
    return Plan([change], f"committee({committee.id}): add member {member_id}")


def set_member(
    desk: Desk,
    committee_id: str | None,
    member_id: str | None,
    title: str | None = None,
    holder: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Plan:
    """Posts change over time and the past is never deleted.

    ``--title T --since D``: the post was renamed on D; the current title ends the day before.
    ``--holder N --since D``: a new holder from D; the previous holder ends the day before.
    ``--until D``: the post ends on D (its titles and holders keep their dates).
    """
    committee = desk.committee(committee_id)
    member_id = inputs.slug(member_id, "member")
    desk.member(committee, member_id)
    if title is None and holder is None and until is None:
        raise UsageError(
            _("nothing to change"), _("give --title and --since, --holder and --since, or --until")
        )
    since = inputs.date(since, "since")
    until = inputs.date(until, "until")
    if (title is not None or holder is not None) and since is None:
        raise UsageError(
            _("--since is required with --title or --holder"),
            _("give the first day of the new title or holder"),
        )
    change, data = desk.edit(committee)
    member = next(m for m in data["members"] if isinstance(m, dict) and m.get("id") == member_id)
    item_source = desk.item_source() or desk.source("set member")
    done = []
    for key, value, field_name in (("titles", title, "title"), ("holders", holder, "name")):
        if value is None:
            continue
        entries = member.setdefault(key, [])
        day_before = (dt.date.fromisoformat(since) - dt.timedelta(days=1)).isoformat()  # type: ignore[arg-type]
        for entry in entries:
            if isinstance(entry, dict) and "until" not in entry:
                start = entry.get("since") or entry.get("attested")
                if isinstance(start, str) and start > day_before:
                    raise UsageError(
                        _("the current {what} starts on {start}, after {since}").format(
                            what=field_name, start=start, since=since
                        ),
                        _("give a --since after the current one's start"),
                    )
                entry["until"] = day_before
        entries.append(
            {
                field_name: inputs.text(value, "title" if key == "titles" else "holder"),
                "since": since,
                "source": item_source,
            }
        )
        done.append(f"{field_name} since {since}")
    if until is not None:
        if "until" in member:
            raise UsageError(
                _("the post {member} already ended on {until}").format(
                    member=member_id, until=member["until"]
                ),
                _("the past is never rewritten; add a new post instead"),
            )
        member["until"] = until
        for key in ("titles", "holders"):
            for entry in member.get(key) or []:
                if isinstance(entry, dict) and "until" not in entry:
                    entry["until"] = until
        done.append(f"ended {until}")
    change.data = data
    return Plan([change], f"committee({committee.id}): set member {member_id} ({', '.join(done)})")


# --- operations: meetings ----------------------------------------------------------------------


def add_meeting(
    desk: Desk,
    committee_id: str | None,
    day: str | None,
    time_: str | None = None,
    place: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    number: int | None = None,
    chaired_by: str | None = None,
    same_day: bool = False,
) -> Plan:
    committee = desk.committee(committee_id)
    day = inputs.date(day, "date", required=True)
    assert day is not None
    if status is None:
        status = "planned" if day > desk.today else "held"
    status = inputs.choice(status, "status", MEETING_STATUSES)
    if status == "held" and day > desk.today:
        raise UsageError(
            _("a meeting on {date} cannot be held yet (today is {today})").format(
                date=day, today=desk.today
            ),
            _("add it with --status planned, and `protsoc set meeting … --status held` afterwards"),
        )
    existing = desk.meetings_on(committee.id, day)
    stem = day
    if existing:
        if not same_day:
            raise UsageError(
                _("{committee} already has a meeting on {date}: {ids}").format(
                    committee=committee.id, date=day, ids=", ".join(existing)
                ),
                _("nothing is overwritten; for a second meeting that day, add --same-day"),
            )
        number_of_day = 2
        while f"{committee.id}/{day}-{number_of_day}" in existing:
            number_of_day += 1
        stem = f"{day}-{number_of_day}"
    identifier = f"{committee.id}/{stem}"
    # The calendar identity is fixed now: a meeting moved to another date stays one event in
    # every subscriber's calendar (protsoc move meeting keeps it).
    data: dict[str, Any] = {
        "id": identifier,
        "uid": meeting_calendar.meeting_uid(identifier, {}),
        "committee": committee.id,
        "date": day,
    }
    _put(
        data,
        time=inputs.clock(time_, "time"),
        place=inputs.text(place, "place", False),
        kind=inputs.choice(kind, "kind", MEETING_KINDS, False),
    )
    data["status"] = status
    _put(data, number=number)
    if chaired_by:
        data["chaired_by"] = {"post": desk.post(chaired_by, committee.id, "chaired_by")}
    data["sources"] = [desk.source("add meeting")]
    return Plan([desk.new("meeting", identifier, data)], f"meeting({committee.id}): add {stem}")


def set_meeting(
    desk: Desk,
    meeting: str | None,
    status: str | None = None,
    time_: str | None = None,
    end_time: str | None = None,
    place: str | None = None,
    kind: str | None = None,
    number: int | None = None,
    opened_at: str | None = None,
    closed_at: str | None = None,
    rapporteur: str | None = None,
    convocation_ref: str | None = None,
    minutes_ref: str | None = None,
    written_at: str | None = None,
    written_on: str | None = None,
    copy_to: list[str] | None = None,
    annexes: list[str] | None = None,
) -> Plan:
    record = desk.meeting(meeting)
    change, data = desk.edit(record)
    given = _put(
        {},
        status=inputs.choice(status, "status", MEETING_STATUSES, False),
        time=inputs.clock(time_, "time"),
        end_time=inputs.clock(end_time, "end_time"),
        place=inputs.text(place, "place", False),
        kind=inputs.choice(kind, "kind", MEETING_KINDS, False),
        number=number,
        opened_at=inputs.clock(opened_at, "opened_at"),
        closed_at=inputs.clock(closed_at, "closed_at"),
    )
    name = inputs.text(rapporteur, "rapporteur", False)
    if name is not None:
        given["rapporteur"] = {**_dict_of(data.get("rapporteur")), "name": name}
    written = _put(
        {},
        written_at=inputs.text(written_at, "written_at", False),
        written_on=inputs.date(written_on, "written_on"),
    )
    if written:
        given["minutes"] = {**_dict_of(data.get("minutes")), **written}
    if copy_to:  # «نسخة إلى»: the list given replaces the meeting's
        given["copy_to"] = [inputs.text(entry, "copy_to") for entry in copy_to]
    if annexes:  # the meeting's documents: each one given is added
        documents = [d for d in data.get("documents") or [] if isinstance(d, dict)]
        given["documents"] = documents + [
            {"title": inputs.text(title, "annex")} for title in annexes
        ]
    changes = [change]
    wanted = {"convocation": convocation_ref, "minutes": minutes_ref}
    if any(value is not None for value in wanted.values()):
        references, committee_change = _references(desk, data, wanted)
        given["references"] = references
        if committee_change is not None:
            changes.append(committee_change)
    if not given:
        raise UsageError(
            _("nothing to change"),
            _("give at least one of {options}").format(
                options="--status, --time, --end-time, --place, --kind, --number, --opened-at, "
                "--closed-at, --rapporteur, --convocation-ref, --minutes-ref, --written-at, "
                "--written-on, --copy-to, --annex"
            ),
        )
    if all(data.get(key) == value for key, value in given.items()):
        return corrections.nothing_to_change(
            _("nothing to change: {id} already says so").format(id=record.id)
        )
    if corrections.is_approved(record):
        raise corrections.approved_refusal(record.id)
    if given.get("status") == "held" and str(data.get("date")) > desk.today:
        raise UsageError(
            _("a meeting on {date} cannot be held yet (today is {today})").format(
                date=data.get("date"), today=desk.today
            ),
            _("set it held on or after the meeting's date"),
        )
    data.update(given)
    change.data = data
    fields = ", ".join(f"{key} {_shown(value)}" for key, value in given.items())
    return Plan(changes, f"meeting({data['committee']}): set {meeting_stem(record.id)} {fields}")


def _dict_of(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _shown(value: Any) -> str:
    """A set value as the commit message names it: the Arabic of a text, the entries of a
    mapping (``convocation 12/2024``)."""
    if isinstance(value, dict) and "ar" in value:
        return str(value["ar"])
    if isinstance(value, dict):
        return " ".join(f"{key} {_shown(item)}" for key, item in value.items())
    return str(value)


# An outgoing reference as the secretariat's register writes it (schemas/meeting.schema.json).
_REFERENCE = re.compile("^[0-9A-Za-z\u0621-\u064a./ -]{1,40}$")


def _references(
    desk: Desk, data: dict[str, Any], wanted: dict[str, str | None]
) -> tuple[dict[str, str], Change | None]:
    """The meeting's references with the given ones set: a number typed by the clerk as it is,
    ``next`` drawn from the committee's stored sequence (``last_reference``), which is raised in
    the same commit, so that no number is ever drawn twice (convocation first, then minutes)."""
    references = {str(k): str(v) for k, v in _dict_of(data.get("references")).items()}
    committee_change: Change | None = None
    committee_data: dict[str, Any] = {}
    year = str(data.get("date", ""))[:4]
    for letter, value in wanted.items():
        if value is None:
            continue
        value = value.strip()
        if value == "next":
            if committee_change is None:
                committee = desk.committee(str(data.get("committee", "")))
                committee_change, committee_data = desk.edit(committee)
            last = committee_data.get("last_reference", 0)
            drawn = (last if isinstance(last, int) and not isinstance(last, bool) else 0) + 1
            committee_data["last_reference"] = drawn
            committee_change.data = committee_data
            references[letter] = f"{drawn}/{year}"
        elif _REFERENCE.match(value):
            references[letter] = value
        else:
            raise InvalidInput(
                f"{letter}_ref",
                _("{what} is not a reference number"),
                _("give it as the register writes it (e.g. 12/2024), or next to draw one"),
            )
    return references, committee_change


def set_report_reference(
    desk: Desk, as_of: str | None, reference: str | None, committee: str | None = None
) -> Plan:
    """The transmission reference of the follow-up report as of a date (and of one committee,
    for a one-committee report), typed as the register writes it or ``next`` from the stored
    sequence of the manifest (``last_report_reference``), raised in the same commit."""
    day = inputs.date(as_of, "as_of", required=True)
    if committee is not None:
        committee = desk.committee(committee).id
    if reference is None or not reference.strip():
        raise InvalidInput(
            "reference", _("{what} is required"), _("give a number (e.g. 3/2026) or next")
        )
    manifest = desk.registry.of_kind("registry")[0]
    change, data = desk.edit(manifest)
    reference = reference.strip()
    if reference == "next":
        last = data.get("last_report_reference", 0)
        drawn = (last if isinstance(last, int) and not isinstance(last, bool) else 0) + 1
        data["last_report_reference"] = drawn
        reference = f"{drawn}/{str(day)[:4]}"
    elif not _REFERENCE.match(reference):
        raise InvalidInput(
            "reference",
            _("{what} is not a reference number"),
            _("give it as the register writes it (e.g. 12/2024), or next to draw one"),
        )
    entry = _put({"as_of": day}, committee=committee)
    entry["reference"] = reference
    reports = [
        r
        for r in data.get("reports") or []
        if not (isinstance(r, dict) and r.get("as_of") == day and r.get("committee") == committee)
    ]
    reports.append(entry)
    data["reports"] = reports
    change.data = data
    scope = f" {committee}" if committee else ""
    return Plan([change], f"registry: report of {day}{scope} reference {reference}")


def _meeting_edit(desk: Desk, meeting: str | None) -> tuple[Record, Change, dict[str, Any]]:
    record = desk.meeting(meeting)
    if corrections.is_approved(record):
        raise corrections.approved_refusal(record.id)
    change, data = desk.edit(record)
    return record, change, data


def add_agenda_item(
    desk: Desk,
    meeting: str | None,
    title: str | None,
    priority: int | None = None,
    proceedings: str | None = None,
) -> Plan:
    record, change, data = _meeting_edit(desk, meeting)
    agenda = data.setdefault("agenda", [])
    item_id = next_id(agenda, "item-")
    if priority is not None and priority < 1:
        raise UsageError(
            _("--priority must be 1 or more"), _("1 is the first question by priority")
        )
    agenda.append(
        _put(
            {"id": item_id, "title": inputs.text(title, "agenda_item.title")},
            priority=priority,
            proceedings=inputs.text(proceedings, "proceedings", False),
            source=desk.item_source(),
        )
    )
    change.data = data
    return Plan(
        [change], f"meeting({data['committee']}): add agenda {item_id} to {meeting_stem(record.id)}"
    )


def add_attendance(
    desk: Desk,
    meeting: str | None,
    members: list[str],
    status: str | None,
    represented_by: str | None = None,
    name: str | None = None,
) -> Plan:
    record, change, data = _meeting_edit(desk, meeting)
    committee = desk.committee(data.get("committee"))
    status = inputs.choice(status, "status", ATTENDANCE_STATUSES)
    if not members:
        raise UsageError(_("give at least one member post"), None)
    if status == "represented" and not represented_by:
        raise UsageError(
            _("--by is required with --status represented"), _("give who represented the member")
        )
    if represented_by and status != "represented":
        raise UsageError(_("--by is only for --status represented"), None)
    if name and len(members) > 1:
        raise UsageError(_("--name names one person: give one member post with it"), None)
    attendance = data.setdefault("attendance", [])
    already = {entry.get("member") for entry in attendance if isinstance(entry, dict)}
    for member_id in members:
        desk.member(committee, member_id, on=str(data.get("date")))
        if member_id in already:
            raise UsageError(
                _("{member}'s attendance at {id} is already recorded").format(
                    member=member_id, id=record.id
                ),
                _("nothing is overwritten; see it with `protsoc show {id}`").format(id=record.id),
            )
        already.add(member_id)
        attendance.append(
            _put(
                {"member": member_id, "status": status},
                represented_by=inputs.text(represented_by, "by", False),
                name=inputs.text(name, "name", False),
                source=desk.item_source(),
            )
        )
    change.data = data
    return Plan(
        [change],
        f"meeting({data['committee']}): attendance of {', '.join(members)} "
        f"at {meeting_stem(record.id)} ({status})",
    )


def add_guest(
    desk: Desk,
    meeting: str | None,
    name: str | None,
    capacity: str | None = None,
    guest_id: str | None = None,
) -> Plan:
    record, change, data = _meeting_edit(desk, meeting)
    guests = data.setdefault("guests", [])
    guest_id = inputs.slug(guest_id, "id") if guest_id else next_id(guests, "guest-")
    if any(isinstance(g, dict) and g.get("id") == guest_id for g in guests):
        raise UsageError(
            _("{id} already has a guest {guest}").format(id=record.id, guest=guest_id),
            _("choose another --id"),
        )
    guests.append(
        _put(
            {"id": guest_id, "name": inputs.text(name, "guest.name")},
            capacity=inputs.text(capacity, "capacity", False),
            source=desk.item_source(),
        )
    )
    change.data = data
    return Plan(
        [change], f"meeting({data['committee']}): add guest {guest_id} to {meeting_stem(record.id)}"
    )


def add_decision(
    desk: Desk,
    meeting: str | None,
    decision_text: str | None,
    kind: str | None = "decision",
    owner: str | None = None,
    due: str | None = None,
    agenda_item: str | None = None,
) -> Plan:
    record, change, data = _meeting_edit(desk, meeting)
    decisions = data.setdefault("decisions", [])
    # After the last one, never in a gap left by a removed decision: an id always means one
    # decision, even in letters that quoted the removed one.
    numbers = [
        int(d["id"][1:])
        for d in decisions
        if isinstance(d, dict) and isinstance(d.get("id"), str) and d["id"][1:].isdigit()
    ]
    decision_id = f"d{max(numbers, default=len(decisions)) + 1}"
    if agenda_item is not None:
        agenda_item = inputs.slug(agenda_item, "agenda_item")
        if agenda_item not in {
            a.get("id") for a in data.get("agenda") or [] if isinstance(a, dict)
        }:
            raise UsageError(
                _("{id} has no agenda item {item}").format(id=record.id, item=agenda_item),
                _("add it first with `protsoc add agenda-item {id} TEXT`").format(id=record.id),
            )
    entry = {
        "id": decision_id,
        "kind": inputs.choice(kind or "decision", "kind", DECISION_KINDS),
        "text": inputs.text(decision_text, "decision.text"),
    }
    _put(
        entry,
        agenda_item=agenda_item,
        owner=desk.post(owner, data.get("committee"), "owner"),
        due=inputs.date(due, "due"),
        source=desk.item_source(),
    )
    decisions.append(entry)
    change.data = data
    plan = Plan(
        [change],
        f"meeting({data['committee']}): add decision {decision_id} to {meeting_stem(record.id)}",
    )
    plan.notes.append(f"{record.id}/{decision_id}")
    return plan


def approve(desk: Desk, meeting: str | None, member_id: str | None, day: str | None = None) -> Plan:
    """Record one member's approval; when the committee's rule is reached, approve and seal."""
    record = desk.meeting(meeting)
    data0 = record.data or {}
    committee = desk.committee(data0.get("committee"))
    member_id = inputs.slug(member_id, "by")
    guests = {g.get("id") for g in data0.get("guests") or [] if isinstance(g, dict)}
    if member_id in guests:
        raise UsageError(
            _("{member} is a guest of {id}, not a member of {committee}").format(
                member=member_id, id=record.id, committee=committee.id
            ),
            _("only the committee's members approve its minutes"),
        )
    desk.member(committee, member_id)
    day = inputs.date(day, "date") or desk.today
    assert day is not None
    if data0.get("status") != "held":
        raise UsageError(
            _("{id} is not marked held (status: {status})").format(
                id=record.id, status=data0.get("status")
            ),
            _("set it held first: protsoc set meeting {id} --status held").format(id=record.id),
        )
    if day < str(data0.get("date")):
        raise UsageError(
            _("the approval date {date} is before the meeting ({meeting})").format(
                date=day, meeting=data0.get("date")
            ),
            _("give the date the member approved the minutes"),
        )
    if day > desk.today:
        raise UsageError(
            _("the approval date {date} is in the future").format(date=day),
            _("give a date up to today"),
        )
    record, change, data = _meeting_edit(desk, meeting)
    rule = approval.rule_of(committee.data or {})
    allowed = approval.voters(data, committee.data or {})
    if member_id not in allowed:
        if rule["kind"] in ("majority-of-attendees", "all-attendees"):
            raise UsageError(
                _("{member} did not attend {id}, so cannot approve its minutes").format(
                    member=member_id, id=record.id
                ),
                _(
                    "under the rule {rule}, only members who attended approve (attended: {who}); "
                    "record the attendance with `protsoc add attendance`, or correct it with "
                    "`protsoc set attendance {id} {member} --status present`"
                ).format(
                    rule=rule["kind"],
                    who=", ".join(allowed) or _("nobody yet"),
                    id=record.id,
                    member=member_id,
                ),
            )
        raise UsageError(
            _("{member} was not in office on {date}").format(
                member=member_id, date=data.get("date")
            ),
            None,
        )
    minutes = data.setdefault("minutes", {"status": "draft"})
    approvals = minutes.setdefault("approvals", [])
    if any(isinstance(a, dict) and a.get("member") == member_id for a in approvals):
        raise UsageError(
            _("{member} has already approved the minutes of {id}").format(
                member=member_id, id=record.id
            ),
            _("each member approves once"),
        )
    approvals.append(_put({"member": member_id, "date": day}, source=desk.item_source()))
    result = approval.tally(data, committee.data or {})
    stem = meeting_stem(record.id)
    message = f"minutes({committee.id}): {member_id} approves {stem}"
    notes = [f"{result.approvals}/{result.needed}"]
    if result.reached:
        minutes["status"] = "approved"
        minutes["approved_on"] = day
        minutes.pop("seal", None)
        ordered = writer.ordered("meeting", data)
        data.clear()
        data.update(ordered)
        data["minutes"]["seal"] = seal.seal(data)
        message += f"; minutes approved ({result.approvals}/{result.needed}, {result.rule})"
        notes.append("approved")
    change.data = data
    return Plan([change], message, notes)


# --- operations: follow-up (actions, indicators, evaluations) ---------------------------------


def decision_ref(desk: Desk, value: str | None) -> tuple[str, dict[str, Any]]:
    if not value:
        raise UsageError(
            _("the decision is required"),
            _("give it as <meeting-id>/d<N>, e.g. technical/2025-03-10/d1"),
        )
    match = inputs.DECISION_REF.match(value)
    if not match:
        raise UsageError(
            _("{value!r} is not a decision reference").format(value=value),
            _("give it as <meeting-id>/d<N>, e.g. technical/2025-03-10/d1"),
        )
    meeting = desk.meeting(match.group(1))
    for decision in (meeting.data or {}).get("decisions") or []:
        if isinstance(decision, dict) and decision.get("id") == match.group(2):
            return value, decision
    raise UsageError(
        _("{meeting} has no decision {decision}").format(
            meeting=meeting.id, decision=match.group(2)
        ),
        _("see its decisions with `protsoc show {id}`").format(id=meeting.id),
    )


def add_action(
    desk: Desk,
    decision: str | None,
    title: str | None,
    action_id: str | None = None,
    owner: str | None = None,
    start: str | None = None,
    due: str | None = None,
    status: str | None = "not-started",
    progress: int | None = None,
) -> Plan:
    reference, decided = decision_ref(desk, decision)
    committee_id, stem, number = reference.split("/")
    action_id = inputs.slug(action_id or f"{committee_id}-{stem}-{number}", "id")
    desk.ensure_new("action", action_id)
    due = due or (decided.get("due") if isinstance(decided.get("due"), str) else None)
    if owner is None and isinstance(decided.get("owner"), str):
        owner = (
            decided["owner"] if "/" in decided["owner"] else f"{committee_id}/{decided['owner']}"
        )
    if owner is None:
        raise UsageError(
            _("--owner is required (the decision names no owner)"),
            _("give the accountable post as <committee-id>/<member-id>"),
        )
    if "/" not in owner:
        owner = f"{committee_id}/{owner}"
    status = inputs.choice(status or "not-started", "status", ACTION_STATUSES)
    if progress is None:
        progress = 100 if status == "done" else 0
    inputs.percentage(progress, "progress")
    data: dict[str, Any] = {
        "id": action_id,
        "title": inputs.text(title, "action.title"),
        "decisions": [reference],
    }
    _put(
        data,
        owner=desk.post(owner, None, "owner"),
        start=inputs.date(start, "start"),
        due=inputs.date(due, "due"),
    )
    data["status"] = status
    data["progress"] = progress
    data["sources"] = [desk.source("add action")]
    return Plan(
        [desk.new("action", action_id, data)],
        f"action({committee_id}): add {action_id} for {reference}",
    )


def set_action(
    desk: Desk,
    action_id: str | None,
    status: str | None = None,
    progress: int | None = None,
    day: str | None = None,
    note: str | None = None,
    completed_on: str | None = None,
) -> Plan:
    action_id = inputs.slug(action_id, "action")
    record = desk.record("action", action_id)
    if record is None:
        raise UsageError(
            _("no action {id}").format(id=action_id), _("list them with `protsoc list actions`")
        )
    status = inputs.choice(status, "status", ACTION_STATUSES, False)
    inputs.percentage(progress, "progress")
    if status is None and progress is None:
        raise UsageError(_("nothing to change"), _("give --status and/or --progress"))
    day = inputs.date(day, "date") or desk.today
    change, data = desk.edit(record)
    _put(data, status=status, progress=progress)
    if status == "done" and progress is None:
        data["progress"] = 100
    completed = inputs.date(completed_on, "completed_on") or (day if status == "done" else None)
    _put(data, completed_on=completed)
    update_entry = _put(
        {"date": day},
        progress=progress,
        status=status,
        note=inputs.text(note, "note", False),
        source=desk.item_source(),
    )
    data.setdefault("updates", []).append(update_entry)
    change.data = writer.ordered("action", data)
    words = ", ".join(
        part
        for part in (
            f"status {status}" if status else "",
            f"progress {progress}%" if progress is not None else "",
        )
        if part
    )
    return Plan([change], f"action({action_id}): set {words}")


def add_indicator(
    desk: Desk,
    indicator_id: str | None,
    name: str | None,
    measure: str | None,
    unit: str | None,
    owner: str | None = "technical",
    producer: str | None = None,
    frequency: str | None = None,
    direction: str | None = None,
    definition: str | None = None,
) -> Plan:
    indicator_id = inputs.slug(indicator_id, "indicator.id")
    desk.ensure_new("indicator", indicator_id)
    data: dict[str, Any] = {"id": indicator_id, "name": inputs.text(name, "name")}
    _put(data, definition=inputs.text(definition, "definition", False))
    data["measure"] = inputs.choice(measure, "measure", MEASURES)
    data["unit"] = inputs.text(unit, "unit")
    data["owner"] = desk.committee(owner or "technical").id
    _put(
        data,
        producer=inputs.text(producer, "producer", False),
        frequency=inputs.choice(frequency, "frequency", PERIODS, False),
        direction=inputs.choice(direction, "direction", DIRECTIONS, False),
    )
    data["observations"] = []
    data["sources"] = [desk.source("add indicator")]
    return Plan([desk.new("indicator", indicator_id, data)], f"indicator({indicator_id}): add")


def add_observation(
    desk: Desk,
    indicator_id: str | None,
    value: str | None,
    day: str | None,
    source: str | None,
    qualifier: str | None = None,
    as_reported: str | None = None,
) -> Plan:
    indicator_id = inputs.slug(indicator_id, "indicator")
    record = desk.record("indicator", indicator_id)
    if record is None:
        raise UsageError(
            _("no indicator {id}").format(id=indicator_id),
            _("list them with `protsoc list indicators`"),
        )
    day = inputs.date(day, "date", required=True)
    if not source:
        raise UsageError(
            _("--source is required for an observation"),
            _("cite the document the figure comes from"),
        )
    number = inputs.number(value, "value")
    change, data = desk.edit(record)
    observations = data.setdefault("observations", [])
    if any(isinstance(o, dict) and o.get("date") == day for o in observations):
        raise UsageError(
            _("{id} already has an observation on {date}").format(id=indicator_id, date=day),
            _("nothing is overwritten; one value per date"),
        )
    entry = _put(
        {"date": day, "value": number},
        qualifier=inputs.choice(qualifier, "qualifier", QUALIFIERS, False),
        as_reported=inputs.text(as_reported, "as_reported", False),
    )
    entry["source"] = {"document": source}
    observations.append(entry)
    observations.sort(key=lambda o: str(o.get("date", "")) if isinstance(o, dict) else "")
    change.data = data
    return Plan([change], f"indicator({indicator_id}): add observation {day}")


def add_evaluation(
    desk: Desk,
    evaluation_id: str | None,
    title: str | None,
    kind: str | None,
    evaluator_id: str | None,
    evaluator_name: str | None,
    evaluator_kind: str | None,
    scope: str | None,
    status: str | None = "planned",
    commissioned_by: str | None = None,
    start: str | None = None,
) -> Plan:
    evaluation_id = inputs.slug(evaluation_id, "evaluation.id")
    desk.ensure_new("evaluation", evaluation_id)
    data: dict[str, Any] = {
        "id": evaluation_id,
        "title": inputs.text(title, "title"),
        "kind": inputs.choice(kind, "kind", EVALUATION_KINDS),
    }
    if commissioned_by:
        data["commissioned_by"] = decision_ref(desk, commissioned_by)[0]
    data["evaluator"] = {
        "id": inputs.slug(evaluator_id, "evaluator_id"),
        "name": inputs.text(evaluator_name, "evaluator_name"),
        "kind": inputs.choice(evaluator_kind, "evaluator_kind", EVALUATOR_KINDS),
    }
    data["scope"] = {"title": inputs.text(scope, "scope")}
    data["status"] = inputs.choice(status or "planned", "status", EVALUATION_STATUSES)
    _put(data, start=inputs.date(start, "start"))
    data["sources"] = [desk.source("add evaluation")]
    return Plan([desk.new("evaluation", evaluation_id, data)], f"evaluation({evaluation_id}): add")
