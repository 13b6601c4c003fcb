"""The clerk's workflow: adding and updating records without hand-editing YAML.

Every command is an *operation*: a function that takes the loaded registry (a ``Desk``) and
returns a ``Plan`` (the files to write, with their new data, and a commit message). ``execute``
then does, under the registry's lock:

1. load the registry, build the plan (refusing bad ids, unknown references, duplicates);
2. validate the resulting registry **in memory** (see ``check``): the changed records are
   parsed back from the exact text that would be written, schema- and hygiene-checked, and the
   cross-record rules run on the whole registry with them in place. Unchanged files are not
   schema-checked again (their bytes do not change, so neither do their findings), which keeps
   a write on a large registry to one load plus one rules pass. Any error the change would
   introduce refuses the write: nothing is written and the findings are returned;
3. with ``--commit``, check the git repository (see ``gitrepo``) *before* writing;
4. write each file atomically (``yamlio.write_atomic``); if anything fails midway, the files
   already written are put back as they were;
5. with ``--commit``, stage exactly those files and commit them with the plan's message.

Sources: every record cites where its facts come from. A clerk's entry cites ``--source TEXT``
when given (e.g. the minutes' reference), else ``protsoc <command> by <git user.name or login>
on <date>`` so that the history says who typed it and when.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import getpass
import math
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protsoc.clerk import writer
from protsoc.governance import approval, seal
from protsoc.kernel import dates
from protsoc.kernel.errors import EnvironmentProblem, InvalidRecord, UsageError
from protsoc.kernel.findings import Finding
from protsoc.kernel.i18n import _
from protsoc.registry import yamlio
from protsoc.registry.layout import MANIFEST, classify, is_slug, split_meeting_stem
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record
from protsoc.validate import hygiene, rulebook, schemas
from protsoc.validate.positions import resolve_positions

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_MEETING_ID = re.compile(r"^([a-z0-9][a-z0-9-]*)/(\d{4}-\d{2}-\d{2}(?:-[1-9]\d*)?)$")
_DECISION_REF = re.compile(r"^([a-z0-9][a-z0-9-]*/\d{4}-\d{2}-\d{2}(?:-[1-9]\d*)?)/(d[1-9]\d*)$")
_POST_REF = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*$")

LOCK_TIMEOUT_VAR = "PROTSOC_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 10.0

MEETING_STATUSES = ("planned", "held", "cancelled")
MEETING_KINDS = ("ordinary", "extraordinary")
ATTENDANCE_STATUSES = ("present", "represented", "excused", "absent")
DECISION_KINDS = ("decision", "recommendation")
ACTION_STATUSES = ("not-started", "in-progress", "done", "blocked", "dropped")
COMMITTEE_KINDS = ("ministerial", "technical", "thematic", "working-group")
MEMBER_ROLES = ("chair", "member", "secretariat", "rapporteur")
MEASURES = ("count", "percentage", "amount", "ratio")
QUALIFIERS = ("exact", "about", "more-than", "less-than", "at-least")
PERIODS = ("P1Y", "P6M", "P3M", "P1M")
EVALUATION_KINDS = ("evaluation", "study", "audit")
EVALUATOR_KINDS = ("inspectorate", "consultancy", "other")
EVALUATION_STATUSES = ("planned", "ongoing", "report-submitted", "closed")


class RefusedChange(InvalidRecord):
    """The change would make the registry invalid; ``findings`` say why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(
            _("the change would make the registry invalid; nothing was written"),
            _("fix the values given (see the findings above) and run the command again"),
        )
        self.findings = findings


# --- checking what users type ----------------------------------------------------------------


def slug(value: str | None, what: str) -> str:
    """An id typed by a user: a slug, never a path (``../x``, ``/etc``, NUL are refused)."""
    if value is None or value == "":
        raise UsageError(
            _("{what} is required").format(what=what),
            _("give it as an option, or run on a terminal to be asked"),
        )
    if not is_slug(value) or len(value) > 80:
        raise UsageError(
            _("{what} {value!r} is not a valid id").format(what=what, value=value),
            _(
                "ids are lowercase ASCII letters, digits and hyphens (e.g. sg-interior); they name files, "
                "so '/', '..', spaces and other characters are refused"
            ),
        )
    return value


def date(value: str | None, what: str, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise UsageError(_("{what} is required").format(what=what), _("write it as YYYY-MM-DD"))
        return None
    if not _DATE.match(value) or dates.parse(value) is None:
        if _DATE.match(value) and not dates.FIRST_YEAR <= int(value[:4]) <= dates.LAST_YEAR:
            raise UsageError(
                _("{what} {value!r} is outside the years protsoc computes with").format(
                    what=what, value=value
                ),
                _("give a date from {first}-01-01 to {last}-12-31").format(
                    first=dates.FIRST_YEAR, last=dates.LAST_YEAR
                ),
            )
        raise UsageError(
            _("{what} {value!r} is not a real date").format(what=what, value=value),
            _("write an existing date as YYYY-MM-DD, e.g. 2025-02-28"),
        )
    return value


def clock(value: str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    if not _TIME.match(value):
        raise UsageError(
            _("{what} {value!r} is not a time").format(what=what, value=value),
            _("write it as HH:MM on the 24-hour clock, e.g. 10:30"),
        )
    return value


def choice(
    value: str | None, what: str, allowed: tuple[str, ...], required: bool = True
) -> str | None:
    if value is None or value == "":
        if required:
            raise UsageError(
                _("{what} is required").format(what=what),
                _("use one of: {choices}").format(choices=", ".join(allowed)),
            )
        return None
    if value not in allowed:
        raise UsageError(
            _("{what} {value!r} is not one of the allowed values").format(what=what, value=value),
            _("use one of: {choices}").format(choices=", ".join(allowed)),
        )
    return value


def text(value: str | None, what: str, required: bool = True) -> dict[str, str] | None:
    """Free text as typed (record content is never translated), as the registry's {ar: …}."""
    if value is None or not value.strip():
        if required:
            raise UsageError(
                _("{what} is required").format(what=what),
                _("give it as an option, or run on a terminal to be asked"),
            )
        return None
    if "\x00" in value:
        raise UsageError(_("{what} holds a NUL character").format(what=what), _("retype the text"))
    return {"ar": value.strip()}


def meeting_id(value: str | None) -> str:
    if not value:
        raise UsageError(
            _("the meeting is required"),
            _("give it as <committee>/<YYYY-MM-DD>, e.g. technical/2025-03-10"),
        )
    match = _MEETING_ID.match(value)
    if not match:
        raise UsageError(
            _("{value!r} is not a meeting id").format(value=value),
            _("give it as <committee>/<YYYY-MM-DD>, e.g. technical/2025-03-10"),
        )
    return value


# --- the desk: the registry as loaded for one command ------------------------------------------


@dataclass
class Change:
    kind: str
    path: Path
    data: dict[str, Any]
    old_text: str | None = None
    old_data: dict[str, Any] | None = None
    text: str = ""


@dataclass
class Plan:
    changes: list[Change]
    message: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    plan: Plan
    paths: list[Path]
    commit: str | None = None
    branch: str | None = None


class Desk:
    """The loaded registry plus what every operation needs: today, the clerk's source."""

    def __init__(
        self,
        root: Path,
        today: dt.date | None = None,
        source: str | None = None,
        who: str | None = None,
    ) -> None:
        self.root = root
        self.registry = Registry.load(root)
        self.today = (today or dates.today()).isoformat()
        self.source_text = source
        self.who = who or clerk_name(root)

    # sources -----------------------------------------------------------------------------------

    def source(self, command: str) -> dict[str, Any]:
        if self.source_text:
            return {"document": self.source_text}
        return {"document": f"protsoc {command} by {self.who} on {self.today}", "date": self.today}

    def item_source(self) -> dict[str, Any] | None:
        """Items inside a record cite --source when given; else the record's sources cover them."""
        return {"document": self.source_text} if self.source_text else None

    # lookups -----------------------------------------------------------------------------------

    def record(self, kind: str, record_id: str) -> Record | None:
        return self.registry.by_id(kind).get(record_id)

    def committee(self, committee_id: str | None) -> Record:
        committee_id = slug(committee_id, _("the committee"))
        found = self.record("committee", committee_id)
        if found is None:
            known = ", ".join(sorted(self.registry.by_id("committee"))) or _("none yet")
            raise UsageError(
                _("unknown committee {id!r}").format(id=committee_id),
                _("known committees: {known}").format(known=known),
            )
        return found

    def meeting(self, value: str | None) -> Record:
        identifier = meeting_id(value)
        found = self.record("meeting", identifier)
        if found is None:
            committee_id = identifier.split("/")[0]
            self.committee(committee_id)
            known = ", ".join(m.id for m in self.registry.meetings_of(committee_id)[-5:]) or _(
                "none yet"
            )
            raise UsageError(
                _("no meeting {id}").format(id=identifier),
                _(
                    "add it with `protsoc add meeting {committee} --date …`; recent meetings: {known}"
                ).format(committee=committee_id, known=known),
            )
        return found

    def member(
        self, committee: Record, member_id: str | None, on: str | None = None
    ) -> dict[str, Any]:
        member_id = slug(member_id, _("the member"))
        data = committee.data or {}
        for member in data.get("members") or []:
            if isinstance(member, dict) and member.get("id") == member_id:
                if on is not None and not approval.in_office(member, on):
                    raise UsageError(
                        _("the post {member} of {committee} was not in office on {date}").format(
                            member=member_id, committee=committee.id, date=on
                        ),
                        _("check the post's since/until dates (protsoc show {committee})").format(
                            committee=committee.id
                        ),
                    )
                return member
        posts = ", ".join(
            m.get("id", "?") for m in data.get("members") or [] if isinstance(m, dict)
        ) or _("none yet")
        raise UsageError(
            _("{member!r} is not a member post of {committee}").format(
                member=member_id, committee=committee.id
            ),
            _("member posts of {committee}: {posts}").format(committee=committee.id, posts=posts),
        )

    def post(self, value: str | None, committee_id: str | None, what: str) -> str | None:
        """A post reference (member id, or committee/member) that must exist."""
        if value is None or value == "":
            return None
        if not _POST_REF.match(value):
            raise UsageError(
                _("{what} {value!r} is not a post").format(what=what, value=value),
                _("give <member-id> or <committee-id>/<member-id>"),
            )
        if "/" in value:
            committee_part, member_part = value.split("/", 1)
            self.member(self.committee(committee_part), member_part)
        else:
            if committee_id is None:
                raise UsageError(
                    _("{what} {value!r} must name its committee").format(what=what, value=value),
                    _("give <committee-id>/<member-id>"),
                )
            self.member(self.committee(committee_id), value)
        return value

    def path_of(self, kind: str, record_id: str) -> Path:
        folders = {
            "committee": "committees",
            "action": "roadmap/actions",
            "indicator": "roadmap/indicators",
            "evaluation": "roadmap/evaluations",
        }
        if kind == "meeting":
            committee_id, stem = record_id.split("/", 1)
            path = self.root / "meetings" / committee_id / f"{stem}.yaml"
        else:
            path = self.root / folders[kind] / f"{record_id}.yaml"
        resolved = path.resolve()
        if self.root.resolve() not in resolved.parents:  # belt and braces: ids are slugs already
            raise UsageError(
                _("{id!r} would be written outside the registry").format(id=record_id), None
            )
        return path

    # changes -------------------------------------------------------------------------------------

    def ensure_new(self, kind: str, record_id: str) -> Path:
        path = self.path_of(kind, record_id)
        if path.exists() or self.record(kind, record_id) is not None:
            raise UsageError(
                _("{kind} {id} already exists").format(kind=_(kind), id=record_id),
                _("nothing is overwritten: use `protsoc set …` to change it, or choose another id"),
            )
        return path

    def new(self, kind: str, record_id: str, data: dict[str, Any]) -> Change:
        return Change(kind, self.ensure_new(kind, record_id), data)

    def edit(self, record: Record) -> tuple[Change, dict[str, Any]]:
        """A change of an existing record, and a deep copy of its data to modify."""
        if (
            record.document is None or record.data is None
        ):  # pragma: no cover - unreadable files are not records
            raise InvalidRecord(
                _("{path} cannot be read").format(path=record.path), _("run protsoc validate")
            )
        data = copy.deepcopy(record.data)
        return Change(record.kind, record.file.path, data, record.document.text, record.data), data


def clerk_name(root: Path) -> str:
    from protsoc.registry import gitrepo

    top = gitrepo.work_tree(root)
    if top is not None:
        name = gitrepo.run(top, "config", "user.name", check=False).stdout.strip()
        if name:
            return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no login name at all
        return "clerk"


def _stem(meeting: str) -> str:
    return meeting.split("/", 1)[1]


def _next_id(items: list[Any], key: str, prefix: str) -> str:
    taken = {item.get(key) for item in items if isinstance(item, dict)}
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


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
    committee_id = slug(committee_id, _("the committee id"))
    desk.ensure_new("committee", committee_id)
    if parent is not None:
        parent = desk.committee(parent).id
    source = desk.source("add committee")
    data: dict[str, Any] = {"id": committee_id, "name": text(name, _("the name (--name)"))}
    _put(
        data,
        short_name=text(short_name, "--short-name", False),
        kind=choice(kind, "--kind", COMMITTEE_KINDS),
        parent=parent,
        lead_ministry=text(lead_ministry, "--lead-ministry", False),
        created=date(created, "--created"),
    )
    data["legal_basis"] = {"document": legal_basis} if legal_basis else dict(source)
    data["cadence"] = parse_cadence(cadence, source)
    data["members"] = []
    data["sources"] = [source]
    return Plan([desk.new("committee", committee_id, data)], f"committee({committee_id}): add")


def parse_cadence(value: str | None, source: dict[str, Any]) -> dict[str, Any]:
    """``none`` (no rule), or ``N/PERIOD[/calendar|rolling]``, e.g. ``1/P6M/rolling``."""
    if value is None or value == "":
        raise UsageError(
            _("--cadence is required"), _("give `none`, or N/PERIOD[/MODE] such as 1/P6M/rolling")
        )
    if value == "none":
        return {"none": True, "source": source}
    parts = value.split("/")
    if (
        len(parts) not in (2, 3)
        or not parts[0].isdigit()
        or int(parts[0]) < 1
        or parts[1] not in PERIODS
        or (len(parts) == 3 and parts[2] not in ("calendar", "rolling"))
    ):
        raise UsageError(
            _("--cadence {value!r} is not a cadence rule").format(value=value),
            _(
                "give `none`, or N/PERIOD[/MODE]: N ≥ 1, PERIOD one of {periods}, MODE calendar or rolling "
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
    member_id = slug(member_id, _("the member id"))
    change, data = desk.edit(committee)
    members = data.setdefault("members", [])
    if any(isinstance(m, dict) and m.get("id") == member_id for m in members):
        raise UsageError(
            _("{committee} already has a member post {member}").format(
                committee=committee.id, member=member_id
            ),
            _(
                "posts are never reused: use `protsoc set member` to change it, or choose another id"
            ),
        )
    since = date(since, "--since")
    item_source = desk.item_source()
    title_entry = _put(
        {"title": text(title, _("the title (--title)"))}, since=since, source=item_source
    )
    member: dict[str, Any] = {
        "id": member_id,
        "role": choice(role or "member", "--role", MEMBER_ROLES),
    }
    _put(member, institution=text(institution, "--institution", False))
    member["titles"] = [title_entry]
    if holder:
        member["holders"] = [
            _put({"name": text(holder, "--holder")}, since=since, source=item_source)
        ]
    _put(
        member,
        on_behalf_of=desk.post(on_behalf_of, committee.id, "--on-behalf-of"),
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
    member_id = slug(member_id, _("the member"))
    desk.member(committee, member_id)
    if title is None and holder is None and until is None:
        raise UsageError(
            _("nothing to change"), _("give --title and --since, --holder and --since, or --until")
        )
    since = date(since, "--since")
    until = date(until, "--until")
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
                field_name: text(value, f"--{'title' if key == 'titles' else 'holder'}"),
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
    day = date(day, "--date", required=True)
    assert day is not None
    if status is None:
        status = "planned" if day > desk.today else "held"
    status = choice(status, "--status", MEETING_STATUSES)
    if status == "held" and day > desk.today:
        raise UsageError(
            _("a meeting on {date} cannot be held yet (today is {today})").format(
                date=day, today=desk.today
            ),
            _("add it with --status planned, and `protsoc set meeting … --status held` afterwards"),
        )
    existing = [
        m.id for m in desk.registry.meetings_of(committee.id) if _stem(m.id).startswith(day)
    ]
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
    data: dict[str, Any] = {"id": identifier, "committee": committee.id, "date": day}
    _put(
        data,
        time=clock(time_, "--time"),
        place=text(place, "--place", False),
        kind=choice(kind, "--kind", MEETING_KINDS, False),
    )
    data["status"] = status
    _put(data, number=number)
    if chaired_by:
        data["chaired_by"] = {"post": desk.post(chaired_by, committee.id, "--chaired-by")}
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
) -> Plan:
    record = desk.meeting(meeting)
    change, data = desk.edit(record)
    given = _put(
        {},
        status=choice(status, "--status", MEETING_STATUSES, False),
        time=clock(time_, "--time"),
        end_time=clock(end_time, "--end-time"),
        place=text(place, "--place", False),
        kind=choice(kind, "--kind", MEETING_KINDS, False),
        number=number,
    )
    if not given:
        raise UsageError(
            _("nothing to change"),
            _("give at least one of --status, --time, --end-time, --place, --kind, --number"),
        )
    minutes = data.get("minutes")
    if isinstance(minutes, dict) and minutes.get("status") == "approved":
        raise UsageError(
            _("the minutes of {id} are approved and sealed").format(id=record.id),
            _("approved minutes are not edited; corrections go through an erratum"),
        )
    if given.get("status") == "held" and str(data.get("date")) > desk.today:
        raise UsageError(
            _("a meeting on {date} cannot be held yet (today is {today})").format(
                date=data.get("date"), today=desk.today
            ),
            _("set it held on or after the meeting's date"),
        )
    data.update(given)
    change.data = data
    fields = ", ".join(
        f"{key} {value['ar'] if isinstance(value, dict) else value}" for key, value in given.items()
    )
    return Plan([change], f"meeting({data['committee']}): set {_stem(record.id)} {fields}")


def _meeting_edit(desk: Desk, meeting: str | None) -> tuple[Record, Change, dict[str, Any]]:
    record = desk.meeting(meeting)
    minutes = (record.data or {}).get("minutes")
    if isinstance(minutes, dict) and minutes.get("status") == "approved":
        raise UsageError(
            _("the minutes of {id} are approved and sealed").format(id=record.id),
            _("approved minutes are not edited; corrections go through an erratum"),
        )
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
    item_id = _next_id(agenda, "id", "item-")
    if priority is not None and priority < 1:
        raise UsageError(
            _("--priority must be 1 or more"), _("1 is the first question by priority")
        )
    agenda.append(
        _put(
            {"id": item_id, "title": text(title, _("the agenda item's text"))},
            priority=priority,
            proceedings=text(proceedings, "--proceedings", False),
            source=desk.item_source(),
        )
    )
    change.data = data
    return Plan(
        [change], f"meeting({data['committee']}): add agenda {item_id} to {_stem(record.id)}"
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
    status = choice(status, "--status", ATTENDANCE_STATUSES)
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
                represented_by=text(represented_by, "--by", False),
                name=text(name, "--name", False),
                source=desk.item_source(),
            )
        )
    change.data = data
    return Plan(
        [change],
        f"meeting({data['committee']}): attendance of {', '.join(members)} at {_stem(record.id)} ({status})",
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
    guest_id = slug(guest_id, "--id") if guest_id else _next_id(guests, "id", "guest-")
    if any(isinstance(g, dict) and g.get("id") == guest_id for g in guests):
        raise UsageError(
            _("{id} already has a guest {guest}").format(id=record.id, guest=guest_id),
            _("choose another --id"),
        )
    guests.append(
        _put(
            {"id": guest_id, "name": text(name, _("the guest's name"))},
            capacity=text(capacity, "--capacity", False),
            source=desk.item_source(),
        )
    )
    change.data = data
    return Plan(
        [change], f"meeting({data['committee']}): add guest {guest_id} to {_stem(record.id)}"
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
    decision_id = f"d{len(decisions) + 1}"
    if agenda_item is not None:
        agenda_item = slug(agenda_item, "--agenda-item")
        if agenda_item not in {
            a.get("id") for a in data.get("agenda") or [] if isinstance(a, dict)
        }:
            raise UsageError(
                _("{id} has no agenda item {item}").format(id=record.id, item=agenda_item),
                _("add it first with `protsoc add agenda-item {id} TEXT`").format(id=record.id),
            )
    entry = {
        "id": decision_id,
        "kind": choice(kind or "decision", "--kind", DECISION_KINDS),
        "text": text(decision_text, _("the decision's text")),
    }
    _put(
        entry,
        agenda_item=agenda_item,
        owner=desk.post(owner, data.get("committee"), "--owner"),
        due=date(due, "--due"),
        source=desk.item_source(),
    )
    decisions.append(entry)
    change.data = data
    plan = Plan(
        [change], f"meeting({data['committee']}): add decision {decision_id} to {_stem(record.id)}"
    )
    plan.notes.append(f"{record.id}/{decision_id}")
    return plan


def approve(desk: Desk, meeting: str | None, member_id: str | None, day: str | None = None) -> Plan:
    """Record one member's approval; when the committee's rule is reached, approve and seal."""
    record = desk.meeting(meeting)
    data0 = record.data or {}
    committee = desk.committee(data0.get("committee"))
    member_id = slug(member_id, "--by")
    guests = {g.get("id") for g in data0.get("guests") or [] if isinstance(g, dict)}
    if member_id in guests:
        raise UsageError(
            _("{member} is a guest of {id}, not a member of {committee}").format(
                member=member_id, id=record.id, committee=committee.id
            ),
            _("only the committee's members approve its minutes"),
        )
    desk.member(committee, member_id)
    day = date(day, "--date") or desk.today
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
                    "record attendance first with `protsoc add attendance`"
                ).format(rule=rule["kind"], who=", ".join(allowed) or _("nobody yet")),
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
    stem = _stem(record.id)
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
    match = _DECISION_REF.match(value)
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
    action_id = slug(action_id or f"{committee_id}-{stem}-{number}", "--id")
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
    status = choice(status or "not-started", "--status", ACTION_STATUSES)
    if progress is None:
        progress = 100 if status == "done" else 0
    _progress(progress)
    data: dict[str, Any] = {
        "id": action_id,
        "title": text(title, _("the action's title (--title)")),
        "decisions": [reference],
    }
    _put(
        data,
        owner=desk.post(owner, None, "--owner"),
        start=date(start, "--start"),
        due=date(due, "--due"),
    )
    data["status"] = status
    data["progress"] = progress
    data["sources"] = [desk.source("add action")]
    return Plan(
        [desk.new("action", action_id, data)],
        f"action({committee_id}): add {action_id} for {reference}",
    )


def _progress(value: int | None) -> None:
    if value is not None and not 0 <= value <= 100:
        raise UsageError(
            _("--progress {value} is not a percentage").format(value=value),
            _("give a whole number from 0 to 100"),
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
    action_id = slug(action_id, _("the action"))
    record = desk.record("action", action_id)
    if record is None:
        raise UsageError(
            _("no action {id}").format(id=action_id), _("list them with `protsoc list actions`")
        )
    status = choice(status, "--status", ACTION_STATUSES, False)
    _progress(progress)
    if status is None and progress is None:
        raise UsageError(_("nothing to change"), _("give --status and/or --progress"))
    day = date(day, "--date") or desk.today
    change, data = desk.edit(record)
    _put(data, status=status, progress=progress)
    if status == "done" and progress is None:
        data["progress"] = 100
    completed = date(completed_on, "--completed-on") or (day if status == "done" else None)
    _put(data, completed_on=completed)
    update_entry = _put(
        {"date": day},
        progress=progress,
        status=status,
        note=text(note, "--note", False),
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
    indicator_id = slug(indicator_id, _("the indicator id"))
    desk.ensure_new("indicator", indicator_id)
    data: dict[str, Any] = {"id": indicator_id, "name": text(name, "--name")}
    _put(data, definition=text(definition, "--definition", False))
    data["measure"] = choice(measure, "--measure", MEASURES)
    data["unit"] = text(unit, "--unit")
    data["owner"] = desk.committee(owner or "technical").id
    _put(
        data,
        producer=text(producer, "--producer", False),
        frequency=choice(frequency, "--frequency", PERIODS, False),
        direction=choice(direction, "--direction", ("higher", "lower"), False),
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
    indicator_id = slug(indicator_id, _("the indicator"))
    record = desk.record("indicator", indicator_id)
    if record is None:
        raise UsageError(
            _("no indicator {id}").format(id=indicator_id),
            _("list them with `protsoc list indicators`"),
        )
    day = date(day, "--date", required=True)
    if not source:
        raise UsageError(
            _("--source is required for an observation"),
            _("cite the document the figure comes from"),
        )
    number = _number(value)
    change, data = desk.edit(record)
    observations = data.setdefault("observations", [])
    if any(isinstance(o, dict) and o.get("date") == day for o in observations):
        raise UsageError(
            _("{id} already has an observation on {date}").format(id=indicator_id, date=day),
            _("nothing is overwritten; one value per date"),
        )
    entry = _put(
        {"date": day, "value": number},
        qualifier=choice(qualifier, "--qualifier", QUALIFIERS, False),
        as_reported=text(as_reported, "--as-reported", False),
    )
    entry["source"] = {"document": source}
    observations.append(entry)
    observations.sort(key=lambda o: str(o.get("date", "")) if isinstance(o, dict) else "")
    change.data = data
    return Plan([change], f"indicator({indicator_id}): add observation {day}")


def _number(value: str | None) -> int | float:
    if value is None or value == "":
        raise UsageError(
            _("--value is required"), _("give the figure in the indicator's unit (e.g. 11100000)")
        )
    try:
        number = float(value)
    except ValueError:
        raise UsageError(
            _("--value {value!r} is not a number").format(value=value),
            _(
                "write the number with Western digits and a dot, in units (11100000, not 11.1 million)"
            ),
        ) from None
    if not math.isfinite(number) or len(value) > yamlio.MAX_NUMBER_TEXT:
        raise UsageError(_("--value {value!r} is not a number").format(value=value[:40]), None)
    if abs(number) > yamlio.MAX_NUMBER:
        raise UsageError(
            _("--value {value!r} is beyond what protsoc computes").format(value=value[:40]),
            _("registry numbers are at most {digits} digits").format(
                digits=yamlio.MAX_NUMBER_DIGITS
            ),
        )
    return (
        int(number)
        if number.is_integer() and "." not in value and "e" not in value.lower()
        else number
    )


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
    evaluation_id = slug(evaluation_id, _("the evaluation id"))
    desk.ensure_new("evaluation", evaluation_id)
    data: dict[str, Any] = {
        "id": evaluation_id,
        "title": text(title, "--title"),
        "kind": choice(kind, "--kind", EVALUATION_KINDS),
    }
    if commissioned_by:
        data["commissioned_by"] = decision_ref(desk, commissioned_by)[0]
    data["evaluator"] = {
        "id": slug(evaluator_id, "--evaluator-id"),
        "name": text(evaluator_name, "--evaluator-name"),
        "kind": choice(evaluator_kind, "--evaluator-kind", EVALUATOR_KINDS),
    }
    data["scope"] = {"title": text(scope, "--scope")}
    data["status"] = choice(status or "planned", "--status", EVALUATION_STATUSES)
    _put(data, start=date(start, "--start"))
    data["sources"] = [desk.source("add evaluation")]
    return Plan([desk.new("evaluation", evaluation_id, data)], f"evaluation({evaluation_id}): add")


# --- validation, writing, committing -----------------------------------------------------------


def render(desk: Desk, plan: Plan) -> None:
    for change in plan.changes:
        if change.old_text is None:
            change.text = writer.new_file(change.kind, change.data, change.path, desk.root)
        else:
            assert change.old_data is not None
            change.text = writer.update(change.kind, change.old_text, change.old_data, change.data)


def check(desk: Desk, plan: Plan) -> list[Finding]:
    """The errors the change would introduce into the registry (empty: the change is safe)."""
    registry = desk.registry
    today = dt.date.fromisoformat(desk.today)
    changed: dict[Path, Change] = {change.path.resolve(): change for change in plan.changes}
    new_records: list[Record] = []
    findings: list[Finding] = []
    for change in plan.changes:
        record_file = classify(registry.root, change.path)
        assert record_file is not None and record_file.kind == change.kind
        document = yamlio.loads(change.text.encode("utf-8"))
        record = Record(record_file, document.data, document)
        new_records.append(record)
        findings.extend(schemas.check(record.kind, record.data, record.path, document.implicit))
        findings.extend(hygiene.check(record.data, record.path))
    kept = [r for r in registry.records if r.file.path.resolve() not in changed]
    after = Registry(registry.root, kept + new_records, [])
    before_keys = {_key(f) for f in rulebook.run(registry, today) if f.is_error}
    for record in registry.records:
        if (
            record.file.path.resolve() in changed
            and record.data is not None
            and record.document is not None
        ):
            before_keys |= {
                _key(f)
                for f in schemas.check(
                    record.kind, record.data, record.path, record.document.implicit
                )
            }
    findings.extend(rulebook.run(after, today))
    introduced = [f for f in findings if f.is_error and _key(f) not in before_keys]
    resolve_positions(
        introduced, {r.path: r.document.text for r in new_records if r.document is not None}
    )
    return sorted(introduced, key=Finding.sort_key)


def _key(finding: Finding) -> tuple:
    return (finding.rule, finding.path, finding.message)


def lock_timeout() -> float:
    """``$PROTSOC_LOCK_TIMEOUT`` in seconds; a value that is not one is a usage error (exit 2)."""
    given = os.environ.get(LOCK_TIMEOUT_VAR, "").strip()
    if not given:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(given)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or not 0 <= seconds <= 86400:
        raise EnvironmentProblem(
            _("{variable}={value!r} is not a number of seconds").format(
                variable=LOCK_TIMEOUT_VAR, value=given
            ),
            _("set it to a number of seconds between 0 and 86400, e.g. 10, or unset it"),
        )
    return seconds


@contextlib.contextmanager
def locked(root: Path, timeout: float | None = None) -> Iterator[None]:
    """Serialise writers of one registry: an exclusive lock on the registry folder itself.

    Locking the folder (not a lock file) leaves nothing behind in the work tree. The loser waits
    up to ``$PROTSOC_LOCK_TIMEOUT`` seconds (default 10), then fails with a clear message.
    """
    if timeout is None:
        timeout = lock_timeout()
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks on folders
        yield
        return
    handle = os.open(root, os.O_RDONLY)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise EnvironmentProblem(
                        _("another protsoc command is writing to this registry"),
                        _("wait for it to finish, then run the command again"),
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def execute(
    root: Path,
    operation: Callable[[Desk], Plan],
    *,
    commit: bool = False,
    branch: str | None = None,
    source: str | None = None,
    today: dt.date | None = None,
) -> Outcome:
    """Run one clerk operation safely (see the module docstring)."""
    from protsoc.registry import gitrepo

    if (root / MANIFEST).is_file() is False:  # pragma: no cover - find_registry guarantees it
        raise EnvironmentProblem(_("{root} is not a registry").format(root=root), None)
    with locked(root):
        writer.remove_dead_writers_files(root)
        repo = gitrepo.Repo.find(root) if commit or branch else None
        if repo is not None:
            repo.check_repository(new_branch=bool(branch))
            if branch:
                repo.check_new_branch(branch)
        desk = Desk(root, today=today, source=source)
        plan = operation(desk)
        render(desk, plan)
        problems = check(desk, plan)
        if problems:
            raise RefusedChange(problems)
        paths = [change.path for change in plan.changes]
        previous_branch: str | None = None
        if repo is not None:
            repo.check_paths(paths)
            if branch:
                previous_branch = repo.create_branch(branch)
        written: list[Change] = []
        try:
            for change in plan.changes:
                yamlio.write_atomic(change.path, change.text)
                written.append(change)
            sha = repo.commit(paths, plan.message) if repo is not None and commit else None
        except BaseException:
            for change in written:
                if change.old_text is None:
                    change.path.unlink(missing_ok=True)
                else:
                    yamlio.write_atomic(change.path, change.old_text)
            if repo is not None and branch and previous_branch is not None:
                repo.drop_branch(branch, previous_branch)
            raise
        return Outcome(plan, paths, sha, branch)


__all__ = ["Change", "Desk", "Outcome", "Plan", "RefusedChange", "execute", "split_meeting_stem"]
