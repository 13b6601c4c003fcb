"""The desk: the registry as loaded for one clerk command, and the plan of changes it makes.

An operation (``clerk.operations``) looks records up on the ``Desk`` (refusing unknown ids with
the known ones in the hint), and returns a ``Plan``: the files to create or rewrite, each a
``Change`` with its new data, and the commit message. ``clerk.transaction`` then checks and
writes the plan.
"""

from __future__ import annotations

import copy
import datetime as dt
import getpass
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protsoc.clerk import inputs
from protsoc.clerk.inputs import InvalidInput
from protsoc.governance import approval
from protsoc.kernel import dates
from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record


@dataclass
class Change:
    kind: str
    path: Path
    data: dict[str, Any]
    old_text: str | None = None
    old_data: dict[str, Any] | None = None
    text: str = ""
    # The file is deleted (``protsoc remove action``); ``old_text`` puts it back on failure.
    removed: bool = False
    # A new file written like an existing one (a moved meeting keeps its comments and order):
    # the old file's text and data.
    template: tuple[str, dict[str, Any]] | None = None
    # ``text`` as the strict loader reads it back (``transaction.render`` sets both).
    document: Any = None


@dataclass
class Plan:
    changes: list[Change]
    message: str
    notes: list[str] = field(default_factory=list)
    # One plain sentence in the clerk's language saying what changed (corrections say it).
    said: str = ""


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
        committee_id = inputs.slug(committee_id, "committee")
        found = self.record("committee", committee_id)
        if found is None:
            known = ", ".join(sorted(self.registry.by_id("committee"))) or _("none yet")
            raise UsageError(
                _("unknown committee {id!r}").format(id=committee_id),
                _("known committees: {known}").format(known=known),
            )
        return found

    def meetings_on(self, committee_id: str, day: str) -> list[str]:
        """The ids of the committee's meetings on ``day`` (``2024-11-26`` and ``2024-11-26-2``)."""
        meetings = self.registry.meetings_of(committee_id)
        return [m.id for m in meetings if meeting_stem(m.id).startswith(day)]

    def meeting(self, value: str | None) -> Record:
        identifier = inputs.meeting_id(value)
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
                    "add it with `protsoc add meeting {committee} --date …`; "
                    "recent meetings: {known}"
                ).format(committee=committee_id, known=known),
            )
        return found

    def member(
        self, committee: Record, member_id: str | None, on: str | None = None
    ) -> dict[str, Any]:
        member_id = inputs.slug(member_id, "member")
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

    def post(self, value: str | None, committee_id: str | None, field: str) -> str | None:
        """A post reference (member id, or committee/member) that must exist."""
        if value is None or value == "":
            return None
        if not inputs.POST_REF.match(value):
            raise InvalidInput(
                field,
                _("{what} {value!r} is not a post").replace("{value!r}", inputs.quoted(value)),
                _("give <member-id> or <committee-id>/<member-id>"),
            )
        if "/" in value:
            committee_part, member_part = value.split("/", 1)
            self.member(self.committee(committee_part), member_part)
        else:
            if committee_id is None:
                raise InvalidInput(
                    field,
                    _("{what} {value!r} must name its committee").replace(
                        "{value!r}", inputs.quoted(value)
                    ),
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


def meeting_stem(meeting_id: str) -> str:
    """``steering/2024-11-26-2`` -> ``2024-11-26-2``: the file name, as commit subjects say it."""
    return meeting_id.split("/", 1)[1]


def next_id(items: list[Any], prefix: str, key: str = "id") -> str:
    """The first ``<prefix><N>`` (N = 1, 2, …) that no entry of ``items`` holds under ``key``."""
    taken = {item.get(key) for item in items if isinstance(item, dict)}
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


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
