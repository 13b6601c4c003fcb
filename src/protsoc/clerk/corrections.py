"""Correcting a mistake by command: ``protsoc set …`` of an entry, ``protsoc remove …``.

Every correction returns a ``Plan`` that ``clerk.transaction.execute`` checks against the whole
registry and writes, like ``add``. Three rules hold for all of them:

- **Approved minutes are never edited.** A correction of a meeting whose minutes are approved is
  refused with the way to correct them: an erratum (``protsoc amend``).
- **A ``set`` that changes nothing is a no-op**, even on approved minutes: every value given
  already equals the stored one, so there is nothing to refuse (exit 0, nothing written).
- **Nothing still referenced is removed, and nothing is renumbered.** Removing a decision that
  an action carries out, or an agenda item a decision cites, is refused naming those records;
  removing ``d2`` leaves ``d3`` as ``d3`` (the numbering rule accepts the gap), because ids are
  quoted in letters, actions and minutes and must keep meaning the same decision.

Each plan's ``said`` is the one sentence the clerk reads: what changed, in their language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from protsoc.clerk import inputs
from protsoc.clerk.desk import Change, Desk, Plan, meeting_stem
from protsoc.clerk.inputs import InvalidInput
from protsoc.governance.vocabulary import ATTENDANCE_STATUSES, DECISION_KINDS, DIRECTIONS, PERIODS
from protsoc.kernel.errors import UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.records import Record


def approved_refusal(meeting_id: str) -> UsageError:
    """Approved minutes are sealed: the refusal says how they are corrected instead."""
    return UsageError(
        _("the minutes of {id} are approved and sealed").format(id=meeting_id),
        _(
            "approved minutes are not edited; correct them with an erratum: "
            'protsoc amend {id} --reason "…"'
        ).format(id=meeting_id),
    )


def is_approved(record: Record) -> bool:
    minutes = (record.data or {}).get("minutes")
    return isinstance(minutes, dict) and minutes.get("status") == "approved"


def nothing_to_change(sentence: str) -> Plan:
    """The plan of a ``set`` whose values are already stored: no file, no commit."""
    return Plan([], "", said=sentence)


def _entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [entry for entry in data.get(key) or [] if isinstance(entry, dict)]


def _missing(key: str) -> str:
    """The refusal of an entry the meeting does not have, one sentence per kind of entry (a
    "{what}" inside a sentence cannot agree in gender and number in Arabic or French)."""
    return {
        "agenda": _("{id} has no agenda item {value}"),
        "attendance": _("no attendance of {value} is recorded at {id}"),
        "guests": _("{id} has no guest {value}"),
        "decisions": _("{id} has no decision {value}"),
    }[key]


def _find(record: Record, key: str, id_key: str, wanted: str | None, field: str) -> dict[str, Any]:
    """The entry of ``record`` (a meeting) whose ``id_key`` is ``wanted``, else a refusal naming
    the ones there are."""
    wanted = inputs.slug(wanted, field)
    entries = _entries(record.data or {}, key)
    for entry in entries:
        if entry.get(id_key) == wanted:
            return entry
    known = ", ".join(str(e.get(id_key)) for e in entries) or _("none yet")
    raise UsageError(
        _missing(key).format(id=record.id, value=wanted),
        _("those it has: {known}").format(known=known),
    )


def status_words() -> dict[str, str]:
    """Attendance statuses as a sentence says them in the clerk's language."""
    return {
        "present": _("present"),
        "represented": _("represented"),
        "excused": _("excused"),
        "absent": _("absent"),
    }


def _differences(entry: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in given.items() if entry.get(key) != value}


def _shown(value: Any) -> str:
    if isinstance(value, dict) and "ar" in value:
        return str(value["ar"])
    if isinstance(value, dict) and "value" in value:
        return f"{value['value']} ({value.get('date')})"
    return str(value)


def _listed(changes: dict[str, Any]) -> str:
    return ", ".join(f"{key} → {_shown(value)}" for key, value in changes.items())


def _editable_meeting(desk: Desk, record: Record) -> tuple[Change, dict[str, Any]]:
    if is_approved(record):
        raise approved_refusal(record.id)
    return desk.edit(record)


def _nothing_given(options: str) -> UsageError:
    return UsageError(
        _("nothing to change"), _("give at least one of {options}").format(options=options)
    )


# --- references -------------------------------------------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def referencing(desk: Desk, reference: str, skip: Record | None = None) -> list[str]:
    """The ids of the records that quote ``reference`` (a decision ``<meeting>/dN``) anywhere.

    The whole record is searched, not only the fields known today, so that a record kind added
    later (a programme, a budget line citing a decision) still holds its reference.
    """
    found = []
    for record in desk.registry.records:
        if record is skip or record.data is None:
            continue
        if any(text == reference for text in _strings(record.data)):
            found.append(f"{record.kind} {record.id}")
    return sorted(found)


def _still_referenced(what: str, by: list[str], hint: str) -> UsageError:
    return UsageError(
        _("{what} cannot be removed: {records} still refer to it").format(
            what=what, records="; ".join(by)
        ),
        hint,
    )


# --- set: entries of a meeting ------------------------------------------------------------------


def set_agenda_item(
    desk: Desk,
    meeting: str | None,
    item_id: str | None,
    title: str | None = None,
    priority: int | None = None,
    proceedings: str | None = None,
) -> Plan:
    record = desk.meeting(meeting)
    item = _find(record, "agenda", "id", item_id, "agenda_item")
    if priority is not None and priority < 1:
        raise UsageError(
            _("--priority must be 1 or more"), _("1 is the first question by priority")
        )
    given = {
        key: value
        for key, value in (
            ("title", inputs.text(title, "agenda_item.title", False)),
            ("priority", priority),
            ("proceedings", inputs.text(proceedings, "proceedings", False)),
        )
        if value is not None
    }
    if not given:
        raise _nothing_given("--title, --priority, --proceedings")
    changes = _differences(item, given)
    if not changes:
        return nothing_to_change(
            _("nothing to change: agenda item {item} of {id} already says so").format(
                item=item["id"], id=record.id
            )
        )
    change, data = _editable_meeting(desk, record)
    entry = next(e for e in _entries(data, "agenda") if e.get("id") == item["id"])
    entry.update(changes)
    change.data = data
    return Plan(
        [change],
        f"meeting({data['committee']}): set agenda {item['id']} of {meeting_stem(record.id)} "
        f"({', '.join(changes)})",
        said=_("agenda item {item} of {id} changed: {changes}").format(
            item=item["id"], id=record.id, changes=_listed(changes)
        ),
    )


def set_attendance(
    desk: Desk,
    meeting: str | None,
    member_id: str | None,
    status: str | None = None,
    represented_by: str | None = None,
) -> Plan:
    """Correct an attendance line: the way out of "absent by mistake cannot approve"."""
    record = desk.meeting(meeting)
    line = _find(record, "attendance", "member", member_id, "member")
    status = inputs.choice(status, "status", ATTENDANCE_STATUSES, False)
    by = inputs.text(represented_by, "by", False)
    if status is None and by is None:
        raise _nothing_given("--status, --by")
    final_status = status or line.get("status")
    if final_status == "represented" and by is None and not line.get("represented_by"):
        raise UsageError(
            _("--by is required with --status represented"), _("give who represented the member")
        )
    if by is not None and final_status != "represented":
        raise UsageError(_("--by is only for --status represented"), None)
    given = {key: value for key, value in (("status", status), ("represented_by", by)) if value}
    changes = _differences(line, given)
    dropped = final_status != "represented" and "represented_by" in line
    if not changes and not dropped:
        return nothing_to_change(
            _("nothing to change: the attendance of {member} at {id} is already {status}").format(
                member=line["member"],
                id=record.id,
                status=status_words().get(str(final_status), str(final_status)),
            )
        )
    change, data = _editable_meeting(desk, record)
    entry = next(e for e in _entries(data, "attendance") if e.get("member") == line["member"])
    entry.update(changes)
    if dropped:
        entry.pop("represented_by", None)  # represented by someone no longer applies
    change.data = data
    return Plan(
        [change],
        f"meeting({data['committee']}): set attendance of {line['member']} at "
        f"{meeting_stem(record.id)} ({final_status})",
        said=_("the attendance of {member} at {id} is now {status}").format(
            member=line["member"],
            id=record.id,
            status=status_words().get(str(final_status), str(final_status)),
        ),
    )


def set_guest(
    desk: Desk,
    meeting: str | None,
    guest_id: str | None,
    name: str | None = None,
    capacity: str | None = None,
) -> Plan:
    record = desk.meeting(meeting)
    guest = _find(record, "guests", "id", guest_id, "guest")
    given = {
        key: value
        for key, value in (
            ("name", inputs.text(name, "guest.name", False)),
            ("capacity", inputs.text(capacity, "capacity", False)),
        )
        if value is not None
    }
    if not given:
        raise _nothing_given("--name, --capacity")
    changes = _differences(guest, given)
    if not changes:
        return nothing_to_change(
            _("nothing to change: guest {guest} of {id} already says so").format(
                guest=guest["id"], id=record.id
            )
        )
    change, data = _editable_meeting(desk, record)
    entry = next(e for e in _entries(data, "guests") if e.get("id") == guest["id"])
    entry.update(changes)
    change.data = data
    return Plan(
        [change],
        f"meeting({data['committee']}): set guest {guest['id']} of {meeting_stem(record.id)} "
        f"({', '.join(changes)})",
        said=_("guest {guest} of {id} changed: {changes}").format(
            guest=guest["id"], id=record.id, changes=_listed(changes)
        ),
    )


def _decision(desk: Desk, reference: str | None) -> tuple[Record, dict[str, Any], str]:
    if not reference or not inputs.DECISION_REF.match(reference):
        raise UsageError(
            _("{value!r} is not a decision reference").format(value=reference or ""),
            _("give it as <meeting-id>/d<N>, e.g. technical/2025-03-10/d1"),
        )
    match = inputs.DECISION_REF.match(reference)
    assert match is not None
    record = desk.meeting(match.group(1))
    decision = _find(record, "decisions", "id", match.group(2), "decision")
    return record, decision, reference


def set_decision(
    desk: Desk,
    reference: str | None,
    text: str | None = None,
    kind: str | None = None,
    owner: str | None = None,
    due: str | None = None,
    agenda_item: str | None = None,
) -> Plan:
    record, decision, reference = _decision(desk, reference)
    committee_id = (record.data or {}).get("committee")
    if agenda_item is not None:
        agenda_item = _find(record, "agenda", "id", agenda_item, "agenda_item")["id"]
    given = {
        key: value
        for key, value in (
            ("text", inputs.text(text, "decision.text", False)),
            ("kind", inputs.choice(kind, "kind", DECISION_KINDS, False)),
            ("owner", desk.post(owner, committee_id, "owner")),
            ("due", inputs.date(due, "due")),
            ("agenda_item", agenda_item),
        )
        if value is not None
    }
    if not given:
        raise _nothing_given("--text, --kind, --owner, --due, --agenda-item")
    changes = _differences(decision, given)
    if not changes:
        return nothing_to_change(
            _("nothing to change: decision {ref} already says so").format(ref=reference)
        )
    change, data = _editable_meeting(desk, record)
    entry = next(e for e in _entries(data, "decisions") if e.get("id") == decision["id"])
    entry.update(changes)
    change.data = data
    return Plan(
        [change],
        f"meeting({data['committee']}): set decision {decision['id']} of {meeting_stem(record.id)} "
        f"({', '.join(changes)})",
        said=_("decision {ref} changed: {changes}").format(ref=reference, changes=_listed(changes)),
    )


# --- set: indicators ----------------------------------------------------------------------------


def set_indicator(
    desk: Desk,
    indicator_id: str | None,
    target: str | None = None,
    target_date: str | None = None,
    baseline: str | None = None,
    baseline_date: str | None = None,
    frequency: str | None = None,
    direction: str | None = None,
) -> Plan:
    """Target and baseline are a value at a date, citing a source (``--source``, else who typed
    it and when), as the dashboard shows them."""
    record = _indicator(desk, indicator_id)
    stored = record.data or {}
    given: dict[str, Any] = {}
    for key, value, day, option in (
        ("target", target, target_date, "--target-date"),
        ("baseline", baseline, baseline_date, "--baseline-date"),
    ):
        if value is None and day is None:
            continue
        found = stored.get(key)
        previous: dict[str, Any] = found if isinstance(found, dict) else {}
        number = inputs.number(value, key) if value is not None else previous.get("value")
        when = inputs.date(day, key + "_date") or previous.get("date")
        if number is None or when is None:
            raise UsageError(
                (
                    _("the target needs a value and a date")
                    if key == "target"
                    else _("the baseline needs a value and a date")
                ),
                _("give --{what} VALUE and {option} YYYY-MM-DD").format(what=key, option=option),
            )
        if previous.get("value") == number and previous.get("date") == when:
            continue
        entry = {key: previous[key] for key in previous if key not in ("value", "date", "source")}
        given[key] = {"value": number, "date": when, **entry}
    for key, value in (
        ("frequency", inputs.choice(frequency, "frequency", PERIODS, False)),
        ("direction", inputs.choice(direction, "direction", DIRECTIONS, False)),
    ):
        if value is not None and stored.get(key) != value:
            given[key] = value
    if all(v is None for v in (target, target_date, baseline, baseline_date, frequency, direction)):
        raise _nothing_given(
            "--target/--target-date, --baseline/--baseline-date, --frequency, --direction"
        )
    if not given:
        return nothing_to_change(
            _("nothing to change: indicator {id} already says so").format(id=record.id)
        )
    change, data = desk.edit(record)
    for key, value in given.items():
        if isinstance(value, dict):
            value["source"] = desk.item_source() or desk.source("set indicator")
        data[key] = value
    change.data = data
    return Plan(
        [change],
        f"indicator({record.id}): set {', '.join(given)}",
        said=_("indicator {id} changed: {changes}").format(id=record.id, changes=_listed(given)),
    )


def _indicator(desk: Desk, indicator_id: str | None) -> Record:
    indicator_id = inputs.slug(indicator_id, "indicator")
    record = desk.record("indicator", indicator_id)
    if record is None:
        raise UsageError(
            _("no indicator {id}").format(id=indicator_id),
            _("list them with `protsoc list indicators`"),
        )
    return record


# --- remove -------------------------------------------------------------------------------------


def _without(
    desk: Desk, record: Record, key: str, id_key: str, wanted: Any
) -> tuple[Change, dict[str, Any]]:
    change, data = _editable_meeting(desk, record)
    data[key] = [
        e for e in data.get(key) or [] if not (isinstance(e, dict) and e.get(id_key) == wanted)
    ]
    if not data[key]:
        del data[key]
    change.data = data
    return change, data


def remove_agenda_item(desk: Desk, meeting: str | None, item_id: str | None) -> Plan:
    record = desk.meeting(meeting)
    item = _find(record, "agenda", "id", item_id, "agenda_item")
    citing = [
        f"{record.id}/{d.get('id')}"
        for d in _entries(record.data or {}, "decisions")
        if d.get("agenda_item") == item["id"]
    ]
    if citing:
        raise _still_referenced(
            _("agenda item {item} of {id}").format(item=item["id"], id=record.id),
            citing,
            _(
                "attach those decisions to another item first: protsoc set decision {ref} "
                "--agenda-item ITEM"
            ).format(ref=citing[0]),
        )
    change, data = _without(desk, record, "agenda", "id", item["id"])
    return Plan(
        [change],
        f"meeting({data['committee']}): remove agenda {item['id']} from {meeting_stem(record.id)}",
        said=_("agenda item {item} removed from {id}; the other items keep their ids").format(
            item=item["id"], id=record.id
        ),
    )


def remove_attendance(desk: Desk, meeting: str | None, member_id: str | None) -> Plan:
    record = desk.meeting(meeting)
    line = _find(record, "attendance", "member", member_id, "member")
    minutes = (record.data or {}).get("minutes")
    approvals = minutes.get("approvals") if isinstance(minutes, dict) else None
    if any(isinstance(a, dict) and a.get("member") == line["member"] for a in approvals or []):
        raise _still_referenced(
            _("the attendance of {member} at {id}").format(member=line["member"], id=record.id),
            [_("the approval of the minutes by {member}").format(member=line["member"])],
            _(
                "an approval stands on the attendance it was given with; correct the status "
                "instead: protsoc set attendance {id} {member} --status …"
            ).format(id=record.id, member=line["member"]),
        )
    change, data = _without(desk, record, "attendance", "member", line["member"])
    return Plan(
        [change],
        f"meeting({data['committee']}): remove attendance of {line['member']} at "
        f"{meeting_stem(record.id)}",
        said=_("the attendance of {member} at {id} is removed").format(
            member=line["member"], id=record.id
        ),
    )


def remove_guest(desk: Desk, meeting: str | None, guest_id: str | None) -> Plan:
    record = desk.meeting(meeting)
    guest = _find(record, "guests", "id", guest_id, "guest")
    if any(e.get("member") == guest["id"] for e in _entries(record.data or {}, "attendance")):
        raise _still_referenced(
            _("guest {guest} of {id}").format(guest=guest["id"], id=record.id),
            [_("the attendance of {id}").format(id=record.id)],
            _("remove the guest's attendance first: protsoc remove attendance {id} {guest}").format(
                id=record.id, guest=guest["id"]
            ),
        )
    change, data = _without(desk, record, "guests", "id", guest["id"])
    return Plan(
        [change],
        f"meeting({data['committee']}): remove guest {guest['id']} from {meeting_stem(record.id)}",
        said=_("guest {guest} removed from {id}").format(guest=guest["id"], id=record.id),
    )


def remove_decision(desk: Desk, reference: str | None) -> Plan:
    record, decision, reference = _decision(desk, reference)
    citing = referencing(desk, reference)
    if citing:
        raise _still_referenced(
            _("decision {ref}").format(ref=reference),
            citing,
            _("remove or correct those records first (an action: protsoc remove action ID)"),
        )
    change, data = _without(desk, record, "decisions", "id", decision["id"])
    return Plan(
        [change],
        f"meeting({data['committee']}): remove decision {decision['id']} from "
        f"{meeting_stem(record.id)}",
        said=_("decision {ref} removed; the other decisions keep their numbers").format(
            ref=reference
        ),
    )


def remove_action(desk: Desk, action_id: str | None) -> Plan:
    action_id = inputs.slug(action_id, "action")
    record = desk.record("action", action_id)
    if record is None:
        raise UsageError(
            _("no action {id}").format(id=action_id), _("list them with `protsoc list actions`")
        )
    assert record.document is not None and record.data is not None
    removal = Change(
        "action", record.file.path, {}, record.document.text, record.data, removed=True
    )
    return Plan(
        [removal],
        f"action({action_id}): remove",
        said=_("action {id} removed (its file {path} is deleted)").format(
            id=action_id, path=record.file.path.name
        ),
    )


def remove_observation(desk: Desk, indicator_id: str | None, day: str | None) -> Plan:
    record = _indicator(desk, indicator_id)
    day = inputs.date(day, "date", required=True)
    dates = [o.get("date") for o in _entries(record.data or {}, "observations")]
    if day not in dates:
        raise UsageError(
            _("{id} has no observation on {date}").format(id=record.id, date=day),
            _("those it has: {known}").format(known=", ".join(map(str, dates)) or _("none yet")),
        )
    change, data = desk.edit(record)
    data["observations"] = [
        o for o in data["observations"] if not (isinstance(o, dict) and o.get("date") == day)
    ]
    change.data = data
    return Plan(
        [change],
        f"indicator({record.id}): remove observation {day}",
        said=_("the observation of {id} on {date} is removed").format(id=record.id, date=day),
    )


# --- move a meeting to another date --------------------------------------------------------------


def _rewritten(value: Any, old: str, new: str) -> Any:
    """``value`` with every reference to meeting ``old`` (the id, or ``old/dN``) pointing to
    ``new``; other text is left alone (a source's wording may quote the old date on purpose)."""
    if isinstance(value, str):
        if value == old:
            return new
        if value.startswith(old + "/") and inputs.DECISION_REF.match(value):
            return new + value[len(old) :]
        return value
    if isinstance(value, dict):
        return {key: _rewritten(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [_rewritten(item, old, new) for item in value]
    return value


def move_meeting(desk: Desk, meeting: str | None, day: str | None) -> Plan:
    """The meeting gets another date: its file is renamed (the id is the committee and date) and
    every record quoting it, or one of its decisions, is rewritten, all in one commit.

    Its calendar ``uid`` is kept (stored now if the file had none), so the calendar shows the
    same event rescheduled, with a higher SEQUENCE, not a cancellation and a new event.
    """
    from protsoc.governance.meeting_calendar import meeting_uid
    from protsoc.registry.records import is_erratum

    record = desk.meeting(meeting)
    day = inputs.date(day, "date", required=True)
    assert day is not None
    data0 = record.data or {}
    if is_approved(record):
        raise approved_refusal(record.id)
    if is_erratum(data0):
        raise UsageError(
            _("{id} is an erratum: it is filed next to the meeting it amends").format(id=record.id),
            _("an erratum keeps the date of its original; correct its content instead"),
        )
    if data0.get("date") == day:
        return nothing_to_change(
            _("nothing to change: {id} is already on {date}").format(id=record.id, date=day)
        )
    committee_id = str(data0.get("committee"))
    taken = desk.meetings_on(committee_id, day)
    if taken:
        raise UsageError(
            _("{committee} already has a meeting on {date}: {ids}").format(
                committee=committee_id, date=day, ids=", ".join(taken)
            ),
            _("nothing is overwritten; move that meeting first, or choose another date"),
        )
    new_id = f"{committee_id}/{day}"
    if data0.get("status") == "held" and day > desk.today:
        raise UsageError(
            _("a meeting on {date} cannot be held yet (today is {today})").format(
                date=day, today=desk.today
            ),
            _("set it planned first: protsoc set meeting {id} --status planned").format(
                id=record.id
            ),
        )
    new_path = desk.ensure_new("meeting", new_id)
    assert record.document is not None
    moved = _rewritten(data0, record.id, new_id)
    moved["id"], moved["date"] = new_id, day
    moved.setdefault("uid", meeting_uid(record.id, data0))
    changes = [
        Change("meeting", new_path, moved, template=(record.document.text, data0)),
        Change("meeting", record.file.path, {}, record.document.text, data0, removed=True),
    ]
    quoting = []
    for other in desk.registry.records:
        if other is record or other.data is None:
            continue
        rewritten = _rewritten(other.data, record.id, new_id)
        if rewritten != other.data:
            change, _data = desk.edit(other)
            change.data = rewritten
            changes.append(change)
            quoting.append(f"{other.kind} {other.id}")
    if quoting:
        said = _("{id} moved to {date} (now {new_id}); references rewritten in: {records}").format(
            id=record.id, date=day, new_id=new_id, records=", ".join(quoting)
        )
    else:
        said = _("{id} moved to {date} (now {new_id})").format(
            id=record.id, date=day, new_id=new_id
        )
    return Plan(
        changes,
        f"meeting({committee_id}): move {meeting_stem(record.id)} to {day}",
        said=said,
    )


# --- the official start of a Hijri month -------------------------------------------------------


def set_hijri_month(
    desk: Desk, year_month: str | None, starts: str | None, source: str | None
) -> Plan:
    """Record the official Moroccan start of a Hijri month (``hijri_month_starts``).

    Morocco starts each month on the sighting of the crescent, announced by the Ministry of
    Habous and Islamic Affairs; the computed (Umm al-Qura) calendar can be a day early. The
    announcement is the source, and is required. A start more than two days away from the
    computed one is refused: it is a typing mistake (a wrong month or year), not a sighting.
    """
    import datetime as dt

    from hijridate import Hijri

    match = re.fullmatch(r"(\d{4})-(\d{1,2})", (year_month or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1400 <= int(match.group(1)) <= 1600:
        raise InvalidInput(
            "year_month",
            _("{what} {value!r} is not a Hijri month").replace(
                "{value!r}", inputs.quoted(year_month or "")
            ),
            _("give the Hijri year and month, e.g. 1446-09 for Ramadan 1446"),
        )
    year, month = int(match.group(1)), int(match.group(2))
    day = inputs.date(starts, "starts", required=True)
    assert day is not None
    if not source or not source.strip():
        raise UsageError(
            _("--source is required: cite the announcement of the month's start"),
            _(
                "the Ministry of Habous and Islamic Affairs announces the sighting; "
                'e.g. --source "بلاغ وزارة الأوقاف والشؤون الإسلامية"'
            ),
        )
    computed = Hijri(year, month, 1).to_gregorian()
    computed_day = dt.date(computed.year, computed.month, computed.day)
    if abs((dt.date.fromisoformat(day) - computed_day).days) > 2:
        raise UsageError(
            _(
                "{date} is not the start of Hijri month {year}-{month:02d} (computed: {computed})"
            ).format(date=day, year=year, month=month, computed=computed_day.isoformat()),
            _("check the year and month: an official start is a day or two from the computed one"),
        )
    manifest = desk.registry.of_kind("registry")[0]
    stored = [
        e for e in (manifest.data or {}).get("hijri_month_starts") or [] if isinstance(e, dict)
    ]
    current = next((e for e in stored if (e.get("year"), e.get("month")) == (year, month)), None)
    if current is not None and current.get("starts") == day:
        return nothing_to_change(
            _("nothing to change: Hijri month {year}-{month:02d} already starts on {date}").format(
                year=year, month=month, date=day
            )
        )
    change, data = desk.edit(manifest)
    entries = [
        e
        for e in data.get("hijri_month_starts") or []
        if not (isinstance(e, dict) and (e.get("year"), e.get("month")) == (year, month))
    ]
    entries.append({"year": year, "month": month, "starts": day, "source": {"document": source}})
    entries.sort(
        key=lambda e: (e.get("year", 0), e.get("month", 0)) if isinstance(e, dict) else (0, 0)
    )
    data["hijri_month_starts"] = entries
    change.data = data
    return Plan(
        [change],
        f"registry: hijri month {year}-{month:02d} starts {day}",
        said=_("Hijri month {year}-{month:02d} starts officially on {date}").format(
            year=year, month=month, date=day
        ),
    )
