"""The meeting calendar (issue 4): `protsoc calendar` writes RFC 5545 that calendars update, not
duplicate.

Every test parses the file back (icalendar for the events, dateutil's independent VTIMEZONE
parser for the time zone) instead of comparing text.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from protsoc.governance.meeting_calendar import export, vtimezone
from protsoc.registry.loaded import Registry

SEED = "seeds/001_966c0b29bf8d288b.txt"
AS_OF = dt.date(2026, 11, 22)
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.timezone.utc)
LATER = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def _meeting(committee: str, day: str, status: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"{committee}/{day}",
        "committee": committee,
        "date": day,
        "status": status,
        "sources": [{"document": SEED}],
        **extra,
    }


RAMADAN_MEETING = "meetings/steering/2027-02-16.yaml"  # Morocco is on +00:00 that day


@pytest.fixture
def tree(make_registry):  # type: ignore[no-untyped-def]
    from conftest import MANIFEST

    return make_registry(
        {
            "protsoc.yaml": {**MANIFEST, "tracking_start": "2024-11-26"},
            RAMADAN_MEETING: _meeting(
                "steering",
                "2027-02-16",
                "planned",
                time="10:00",
                end_time="12:30",
                place={"ar": "الرباط"},
            ),
            "meetings/steering/2027-06-15.yaml": _meeting(
                "steering", "2027-06-15", "planned", time="10:00"
            ),
            "meetings/steering/2026-12-01.yaml": _meeting(
                "steering", "2026-12-01", "cancelled", time="15:00", kind="extraordinary"
            ),
            "committees/technical.yaml": {
                "id": "technical",
                "name": {"ar": "اللجنة التقنية بين-وزارية"},
                "kind": "technical",
                "created": "2018-04-03",
                "legal_basis": {"document": SEED},
                "members": [],
                "cadence": {
                    "min_meetings": 1,
                    "per": "P6M",
                    "mode": "rolling",
                    "source": {"document": SEED},
                },
                "sources": [{"document": SEED}],
            },
        }
    )


def _events(data: bytes) -> dict[str, Any]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)), "duplicate UIDs collapse or duplicate events in clients"
    return {uid: event for uid, event in zip(uids, events)}


def _export(tree, previous: bytes | None = None, now: dt.datetime = NOW, **kwargs: Any) -> Any:  # type: ignore[no-untyped-def]
    return export(Registry.load(tree.root), AS_OF, previous, now=now, **kwargs)


def test_meetings_and_reminders_parse_back(tree) -> None:  # type: ignore[no-untyped-def]
    result = _export(tree)
    assert (
        result.data.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\nEND:VCALENDAR\r\n" in result.data
    )
    events = _events(result.data)
    assert set(events) == {
        "protsoc:meeting:steering/2024-11-26",
        "protsoc:meeting:steering/2026-12-01",
        "protsoc:meeting:steering/2027-02-16",
        "protsoc:meeting:steering/2027-06-15",
        "protsoc:due:steering",
        "protsoc:due:technical",
    }
    assert _events(result.data)["protsoc:due:technical"]["dtstart"].dt == dt.date(
        2025, 5, 26
    )  # overdue
    ramadan = events["protsoc:meeting:steering/2027-02-16"]
    assert ramadan["dtstart"].params["TZID"] == "Africa/Casablanca"
    assert ramadan["dtstart"].dt.replace(tzinfo=None) == dt.datetime(2027, 2, 16, 10, 0)
    assert ramadan["dtend"].dt.replace(tzinfo=None) == dt.datetime(2027, 2, 16, 12, 30)
    assert str(ramadan["location"]) == "الرباط"
    assert str(ramadan["status"]) == "CONFIRMED"
    assert str(ramadan["summary"]) == "اجتماع لجنة القيادة"
    held = events["protsoc:meeting:steering/2024-11-26"]
    assert held["dtstart"].dt == dt.date(2024, 11, 26)  # no time recorded: an all-day event
    cancelled = events["protsoc:meeting:steering/2026-12-01"]
    assert str(cancelled["status"]) == "CANCELLED"
    assert "استثنائي" in str(cancelled["summary"])
    reminder = events["protsoc:due:steering"]
    assert reminder["dtstart"].dt == dt.date(2026, 12, 31)  # the running calendar year's end
    assert reminder["dtend"].dt == dt.date(2027, 1, 1)
    assert reminder.walk("VALARM")
    for event in events.values():
        assert int(event["sequence"]) == 0 and event["dtstamp"].dt == NOW


def test_times_use_a_vtimezone_from_tzdata_not_a_fixed_offset(tree) -> None:  # type: ignore[no-untyped-def]
    from dateutil import tz as dateutil_tz
    from icalendar import Calendar

    data = _export(tree).data
    text = data.decode("utf-8")
    assert "DTSTART;TZID=Africa/Casablanca:20270216T100000" in text
    assert "+01:00" not in text
    (component,) = Calendar.from_ical(data).walk("VTIMEZONE")
    # An independent parser builds the zone from our VTIMEZONE alone.
    zone = dateutil_tz.tzical(io.StringIO(component.to_ical().decode("utf-8"))).get(
        "Africa/Casablanca"
    )
    assert zone.utcoffset(dt.datetime(2027, 2, 16, 10, 0)) == dt.timedelta(0)  # Ramadan: +00:00
    assert zone.utcoffset(dt.datetime(2027, 6, 15, 10, 0)) == dt.timedelta(hours=1)
    assert zone.utcoffset(dt.datetime(2026, 12, 1, 15, 0)) == dt.timedelta(hours=1)


def test_vtimezone_matches_tzdata_every_day() -> None:
    from zoneinfo import ZoneInfo

    from dateutil import tz as dateutil_tz

    text = vtimezone(dt.date(2024, 1, 1), dt.date(2028, 12, 31)).to_ical().decode("utf-8")
    ours = dateutil_tz.tzical(io.StringIO(text)).get("Africa/Casablanca")
    truth = ZoneInfo("Africa/Casablanca")
    day = dt.datetime(2024, 1, 1, 12, 0)
    while day < dt.datetime(2029, 1, 1):
        assert ours.utcoffset(day) == truth.utcoffset(day), day
        day += dt.timedelta(days=1)
    assert text.count("TZOFFSETTO:+0000") >= 5  # one Ramadan change per year


def test_unchanged_registry_reexports_identical_bytes(tree) -> None:  # type: ignore[no-untyped-def]
    first = _export(tree)
    second = _export(tree, first.data, now=LATER)
    assert second.data == first.data
    assert (second.new, second.updated, second.withdrawn) == ([], [], [])


@pytest.mark.parametrize(
    ("change", "bumped"),
    [
        ({"time": "11:00"}, True),
        ({"place": {"ar": "الدار البيضاء"}}, True),
        ({"status": "cancelled"}, True),
        ({"end_time": "13:00"}, True),
        ({"agenda": [{"id": "item-1", "title": {"ar": "نقطة"}}]}, False),
    ],
)
def test_sequence_grows_when_time_place_or_status_change(tree, change: dict, bumped: bool) -> None:  # type: ignore[no-untyped-def]
    uid = "protsoc:meeting:steering/2027-02-16"
    first = _export(tree)
    tree.patch(RAMADAN_MEETING, change)
    second = _export(tree, first.data, now=LATER)
    event = _events(second.data)[uid]
    assert int(event["sequence"]) == (1 if bumped else 0)
    assert event["dtstamp"].dt == (LATER if bumped else NOW)
    assert second.updated == ([uid] if bumped else [])
    third = _export(tree, second.data, now=LATER + dt.timedelta(days=1))
    assert third.data == second.data  # no further bump without a further change


def test_a_removed_meeting_is_withdrawn_as_cancelled_once(tree) -> None:  # type: ignore[no-untyped-def]
    uid = "protsoc:meeting:steering/2027-06-15"
    first = _export(tree)
    tree.delete("meetings/steering/2027-06-15.yaml")  # e.g. typed by mistake and removed
    second = _export(tree, first.data, now=LATER)
    event = _events(second.data)[uid]
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert second.withdrawn == [uid]
    third = _export(tree, second.data, now=LATER + dt.timedelta(days=1))
    assert uid not in _events(third.data)  # sent once: calendars have removed it already
    assert third.withdrawn == []


def test_reminder_moves_when_a_meeting_is_held(tree) -> None:  # type: ignore[no-untyped-def]
    first = _export(tree)
    tree.write("meetings/steering/2026-11-20.yaml", _meeting("steering", "2026-11-20", "held"))
    second = _export(tree, first.data, now=LATER)
    reminder = _events(second.data)["protsoc:due:steering"]
    assert reminder["dtstart"].dt == dt.date(2027, 12, 31)  # 2026 is met: the next year's end
    assert int(reminder["sequence"]) == 1


def test_committee_filter_exports_one_committee_and_withdraws_nothing_else(tree) -> None:  # type: ignore[no-untyped-def]
    everything = _export(tree)
    result = _export(tree, everything.data, committees=["steering"])
    assert set(_events(result.data)) == {
        uid for uid in _events(everything.data) if ":steering" in uid
    }
    assert result.withdrawn == []


# --------------------------------------------------------------------------------------------
# The command


def test_cli_writes_then_updates_the_file(tree, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "meetings.ics"
    args = [
        "protsoc",
        "calendar",
        "-o",
        str(target),
        "--as-of",
        "2026-11-22",
        "--registry",
        str(tree.root),
    ]
    out = run(args)
    assert out.exit_code == 0, out.output
    assert "4 meetings and 2 due-date reminders (6 new, 0 updated, 0 withdrawn)" in out.stderr
    before = target.read_bytes()
    tree.patch(RAMADAN_MEETING, {"time": "09:30"})
    out = run(args)
    assert "(0 new, 1 updated, 0 withdrawn)" in out.stderr
    events = _events(target.read_bytes())
    assert int(events["protsoc:meeting:steering/2027-02-16"]["sequence"]) == 1
    assert before != target.read_bytes()


def test_cli_to_stdout_in_a_subprocess(tree, run_process) -> None:  # type: ignore[no-untyped-def]
    out = run_process(
        ["protsoc", "calendar", "--as-of", "2026-11-22", "--registry", str(tree.root)]
    )
    assert out.exit_code == 0, out.stderr
    assert out.stdout.startswith("BEGIN:VCALENDAR")
    assert "protsoc:due:steering" in out.stdout


def test_cli_refuses_to_overwrite_a_foreign_file(tree, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "notes.ics"
    target.write_text("my own notes\n", encoding="utf-8")
    out = run(["calendar", "-o", str(target), "--registry", str(tree.root)])
    assert out.exit_code == 2
    assert "not an iCalendar file" in out.stderr and "Traceback" not in out.output
    assert target.read_text(encoding="utf-8") == "my own notes\n"


def test_cli_bad_as_of_is_a_usage_error(tree, run) -> None:  # type: ignore[no-untyped-def]
    out = run(["calendar", "--as-of", "tomorrow", "--registry", str(tree.root)])
    assert out.exit_code == 2 and "--as-of 'tomorrow' is not a date" in out.stderr
