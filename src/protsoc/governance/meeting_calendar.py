"""The meeting calendar: committees' meetings and cadence due dates as RFC 5545 (iCalendar) events.

What makes a re-export *update* events in Outlook, Thunderbird or Google instead of duplicating
them:

- stable UIDs: a meeting's ``uid`` field (``meeting_uid``), stored when the meeting is created
  and kept when ``protsoc move meeting`` gives it another date, else ``protsoc:meeting:<id>``
  (what every meeting had before the field existed, so subscribers see no change);
  ``protsoc:due:<committee-id>`` for the all-day reminder of a committee's next due date;
- ``SEQUENCE`` bumped when a meeting's date, time, end time, place or status changes (or a
  reminder's date), found by comparing with the previous export (the file being overwritten,
  or ``previous``): each event carries ``X-PROTSOC-FINGERPRINT``, a digest of those fields;
  unchanged events keep their ``SEQUENCE`` and ``DTSTAMP``, so an unchanged registry gives a
  byte-identical file;
- an event of the previous export whose record is gone (a meeting removed, or moved by hand
  without its ``uid``) is sent once with ``STATUS:CANCELLED`` and a bumped ``SEQUENCE``; the
  export after that no longer carries it (calendars have removed it already).

Times are local to Morocco: ``DTSTART;TZID=Africa/Casablanca`` with a VTIMEZONE generated from the
tz database (Morocco's offset drops from +01:00 to +00:00 during Ramadan, so a fixed offset would
be wrong for part of every year). Meetings without a time are all-day events. A timed meeting
ends at its ``end_time``, else ``DEFAULT_DURATION`` (two hours, the usual length of a
committee meeting) after it starts: without DTEND a calendar shows it as a point in time.

Cancelled meetings are exported with ``STATUS:CANCELLED`` (so calendars remove them); planned and
held meetings are ``STATUS:CONFIRMED``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from protsoc.governance import cadence
from protsoc.kernel import dates
from protsoc.kernel.errors import UsageError

PRODID = "-//protsoc//meeting calendar//AR"
UID_MEETING = "protsoc:meeting:"
UID_DUE = "protsoc:due:"
FINGERPRINT = "X-PROTSOC-FINGERPRINT"
DEFAULT_DURATION = dt.timedelta(hours=2)


def meeting_uid(meeting_id: str, meeting: dict[str, Any]) -> str:
    """The calendar identity of a meeting: its stored ``uid``, else one derived from its id."""
    uid = meeting.get("uid")
    return uid if isinstance(uid, str) and uid else UID_MEETING + meeting_id


@dataclass
class CalendarExport:
    """The file's bytes, and what changed since the previous export (event UIDs)."""

    data: bytes
    meetings: int
    reminders: int
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)


@dataclass
class _Previous:
    sequence: int
    fingerprint: str | None
    stamp: dt.datetime | None
    component: Any


def export(
    registry: Any,
    as_of: dt.date,
    previous: bytes | None = None,
    committees: Sequence[str] | None = None,
    now: dt.datetime | None = None,
) -> CalendarExport:
    """The iCalendar file of the registry's meetings and due-date reminders."""
    from icalendar import Calendar

    now = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    old = _read_previous(previous)
    report = cadence.evaluate(registry, as_of, committees=committees)
    records = registry.by_id("committee")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = (registry.manifest.get("title") or {}).get("ar")
    if title:
        calendar.add("name", title)
        calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", dates.TIMEZONE)
    result = CalendarExport(b"", 0, 0)
    events = []
    timed: list[dt.date] = []
    for committee in report.committees:
        data = records[committee.id].data or {}
        short = _short_name(data, committee.id)
        for record in registry.meetings_of(committee.id, errata=False):
            meeting = record.data or {}
            day = dates.parse(meeting.get("date"))
            if day is None:
                continue
            events.append(_meeting_event(record.id, meeting, day, short))
            result.meetings += 1
            if _time(meeting.get("time")):
                timed.append(day)
        if committee.next_due is not None:
            events.append(_reminder_event(committee, short))
            result.reminders += 1
    current = {str(event["uid"]) for event, _ in events}
    for event, fingerprint in events:
        _stamp(event, fingerprint, old.get(str(event["uid"])), now, result)
        calendar.add_component(event)
    chosen = {c.id for c in report.committees}
    for uid, gone in old.items():
        if gone.fingerprint == "withdrawn":
            continue  # sent once already: calendars have removed it
        if uid not in current and _committee_of(uid) in chosen:
            calendar.add_component(_withdrawn(gone, now))
            result.withdrawn.append(uid)
    if timed:
        calendar.subcomponents.insert(0, vtimezone(min(timed), max(timed)))
    result.data = to_ical(calendar)
    return result


def to_ical(calendar: Any) -> bytes:
    """``calendar.to_ical()``, its lines folded by ``fold`` (icalendar's folding, computed on
    the UTF-8 bytes instead of character by character: that was half of a 10,000-meeting
    export's writing time). Falls back to ``to_ical()`` when icalendar's content lines are not
    folded the way ``fold`` reproduces."""
    try:
        from icalendar.parser.content_line import Contentline, Contentlines
    except ImportError:
        return bytes(calendar.to_ical())
    if Contentline.to_ical.__code__.co_names != (
        "_foldline",
        "encode",
        "DEFAULT_ENCODING",
    ) or Contentlines.to_ical.__code__.co_names != ("join",):
        return bytes(calendar.to_ical())  # not the folding this function reproduces
    return b"\r\n".join(fold(line) for line in calendar.content_lines() if line) + b"\r\n"


def fold(line: str) -> bytes:
    """What icalendar's ``Contentline(line).to_ical()`` gives: the UTF-8 line cut into pieces
    of at most 74 bytes, each as long as possible without splitting a character, and never
    ending with a backslash or caret after other characters (that one starts the next piece),
    joined by CRLF and a space. Tested against icalendar's own folding
    (tests/test_perf_commands.py)."""
    data = line.encode("utf-8")
    size = len(data)
    if size < 75:
        return data
    pieces = []
    start = 0
    while size - start >= 75:
        end = start + 74
        while data[end] & 0xC0 == 0x80:  # inside a character: cut before it
            end -= 1
        if end - 1 > start and data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def _meeting_event(
    meeting_id: str, meeting: dict[str, Any], day: dt.date, short: str
) -> tuple[Any, str]:
    from zoneinfo import ZoneInfo

    from icalendar import Event

    event = Event()
    event.add("uid", meeting_uid(meeting_id, meeting))
    start, end = _time(meeting.get("time")), _time(meeting.get("end_time"))
    if start:
        zone = ZoneInfo(dates.TIMEZONE)
        begins = dt.datetime.combine(day, start, tzinfo=zone)
        event.add("dtstart", begins)
        if end and end > start:
            event.add("dtend", dt.datetime.combine(day, end, tzinfo=zone))
        else:
            event.add("dtend", begins + DEFAULT_DURATION)
    else:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    extraordinary = " (اجتماع استثنائي)" if meeting.get("kind") == "extraordinary" else ""
    event.add("summary", f"اجتماع {short}{extraordinary}")
    place = (meeting.get("place") or {}).get("ar")
    if place:
        event.add("location", place)
    agenda = [
        (item.get("title") or {}).get("ar")
        for item in meeting.get("agenda") or []
        if isinstance(item, dict)
    ]
    lines = [f"- {title}" for title in agenda if title] + [f"protsoc: {meeting_id}"]
    event.add("description", "\n".join(lines))
    status = str(meeting.get("status", "planned"))
    event.add("status", "CANCELLED" if status == "cancelled" else "CONFIRMED")
    event.add("x-protsoc-status", status)
    fingerprint = _digest(
        {key: meeting.get(key) for key in ("date", "time", "end_time", "place", "status")}
    )
    return event, fingerprint


def _reminder_event(committee: cadence.CommitteeCadence, short: str) -> tuple[Any, str]:
    from icalendar import Alarm, Event

    assert committee.next_due is not None
    event = Event()
    event.add("uid", UID_DUE + committee.id)
    event.add("dtstart", committee.next_due)
    event.add("dtend", committee.next_due + dt.timedelta(days=1))
    event.add("summary", f"آخر أجل لاجتماع {short}")
    event.add(
        "description",
        f"{committee.words['ar']}\n{committee.id}: next meeting due by "
        f"{committee.next_due} ({committee.words['en']})",
    )
    event.add("transp", "TRANSPARENT")
    event.add("status", "CONFIRMED")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"آخر أجل لاجتماع {short}: {committee.next_due}")
    alarm.add("trigger", dt.timedelta(days=-14))
    event.add_component(alarm)
    return event, _digest({"due": committee.next_due.isoformat(), "rule": committee.words["en"]})


def _stamp(
    event: Any, fingerprint: str, before: _Previous | None, now: dt.datetime, result: CalendarExport
) -> None:
    uid = str(event["uid"])
    if before is None:
        sequence, stamp = 0, now
        result.new.append(uid)
    elif before.fingerprint == fingerprint and before.stamp is not None:
        sequence, stamp = before.sequence, before.stamp
    else:
        sequence, stamp = before.sequence + 1, now
        result.updated.append(uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp)
    event.add(FINGERPRINT, fingerprint)


def _withdrawn(gone: _Previous, now: dt.datetime) -> Any:
    event = gone.component
    if str(event.get("status", "")).upper() != "CANCELLED" or gone.fingerprint != "withdrawn":
        for key in ("sequence", "dtstamp", "status", FINGERPRINT):
            event.pop(key, None)
        event.add("sequence", gone.sequence + 1)
        event.add("dtstamp", now)
        event.add("status", "CANCELLED")
        event.add(FINGERPRINT, "withdrawn")
    return event


def _read_previous(previous: bytes | None) -> dict[str, _Previous]:
    if not previous:
        return {}
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(previous)
    except ValueError as error:  # what icalendar raises on content that is not iCalendar
        raise UsageError(
            f"the previous export is not an iCalendar file ({error})",
            "give -o a new .ics file (protsoc never overwrites other content), or delete it",
        ) from None
    if str(calendar.get("prodid", "")) != PRODID:
        raise UsageError(
            "the previous export was not written by protsoc calendar",
            "give -o a new .ics file (protsoc never overwrites other calendars)",
        )
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("uid", ""))
        if not uid.startswith((UID_MEETING, UID_DUE)):
            continue
        stamp = event.get("dtstamp")
        found[uid] = _Previous(
            _sequence(event.get("sequence", 0), uid),
            str(event.get(FINGERPRINT, "")) or None,
            stamp.dt if stamp is not None else None,
            event,
        )
    return found


# RFC 5545 SEQUENCE is a signed 32-bit integer; protsoc adds one to the previous value.
_MAX_SEQUENCE = 2**31 - 2


def _sequence(value: Any, uid: str) -> int:
    """The previous export's SEQUENCE of ``uid``: one that protsoc cannot bump within RFC 5545's
    range (the file was edited by hand) is a usage error, not a crash when writing the new one."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= _MAX_SEQUENCE:
        raise UsageError(
            f"the previous export gives {uid} the SEQUENCE {str(value)[:20]}, outside 0 to "
            f"{_MAX_SEQUENCE} (RFC 5545)",
            "give -o a new .ics file, or restore the previous export as protsoc wrote it",
        )
    return number


def vtimezone(first: dt.date, last: dt.date) -> Any:
    """A VTIMEZONE for Africa/Casablanca from the tz database, covering ``first`` to ``last``.

    One observance per offset change (Morocco's Ramadan changes follow the lunar calendar, so
    no RRULE can describe them), plus the offset in force at the start of the range.
    """
    from zoneinfo import ZoneInfo

    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = ZoneInfo(dates.TIMEZONE)
    begin = dt.datetime(first.year - 1, 1, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(last.year + 2, 1, 1, tzinfo=dt.timezone.utc)
    component = Timezone()
    component.add("tzid", dates.TIMEZONE)
    offset = begin.astimezone(zone).utcoffset()
    changes = [(begin, offset, offset)] + _transitions(zone, begin, end)
    for moment, before, after in changes:
        local = moment.astimezone(dt.timezone(before)).replace(
            tzinfo=None
        )  # RFC 5545: old local time
        observance = TimezoneDaylight() if moment.astimezone(zone).dst() else TimezoneStandard()
        observance.add("dtstart", local)
        observance.add("tzoffsetfrom", before)
        observance.add("tzoffsetto", after)
        observance.add("tzname", moment.astimezone(zone).tzname())
        component.add_component(observance)
    return component


def _transitions(
    zone: Any, begin: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, Any, Any]]:
    """Every instant the zone's UTC offset changes, found by day and narrowed to the minute."""
    found = []
    step = dt.timedelta(days=1)
    moment, offset = begin, begin.astimezone(zone).utcoffset()
    while moment < end:
        following = moment + step
        new = following.astimezone(zone).utcoffset()
        if new != offset:
            low, high = moment, following  # offset(low) == offset, offset(high) == new
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            found.append((high.replace(second=0, microsecond=0), offset, new))
            offset = new
        moment = following
    return found


def _time(value: Any) -> dt.time | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


def _short_name(committee: dict[str, Any], fallback: str) -> str:
    name = committee.get("short_name") or committee.get("name") or {}
    return str(name.get("ar") or fallback)


def _committee_of(uid: str) -> str:
    rest = uid.split(":", 2)[-1]
    return rest.split("/", 1)[0]


def _digest(values: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(values, ensure_ascii=False, sort_keys=True).encode("utf-8")
    ).hexdigest()[:16]
