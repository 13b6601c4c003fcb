"""Errata: the only way to correct minutes once they are approved.

An erratum is a new meeting record in the fixed layout, filed next to the original under the
next free suffix: ``meetings/<committee>/<YYYY-MM-DD>-N.yaml`` (id ``<committee>/<date>-N``). It
starts as a full copy of the original record (so it can be corrected in place and read on its
own), with draft minutes that say what they amend and why::

    minutes:
      status: draft
      amends: steering/2024-11-26
      reason: {ar: …}

It is then approved and sealed like any minutes (``protsoc approve``). The original file is never
rewritten: its seal keeps proving what the members approved.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protsoc.governance import seal
from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.layout import display_path, split_meeting_stem
from protsoc.registry.loaded import Registry
from protsoc.registry.records import is_erratum as registry_is_erratum


@dataclass
class Erratum:
    id: str
    path: Path
    data: dict[str, Any]
    commit: str | None = None  # the commit made with --commit
    branch: str | None = None  # the branch created with --branch


def amend(
    root: Path,
    meeting_id: str,
    reason: dict[str, str],
    source: str | None = None,
    today: dt.date | None = None,
    commit: bool = False,
    branch: str | None = None,
) -> Erratum:
    """Create the erratum record of ``meeting_id`` (whose minutes must be approved).

    Written like every clerk change (``protsoc.clerk.transaction.execute``): the whole
    resulting registry is validated first, the file is written atomically under the registry
    lock, and with ``commit`` (and ``branch``) only that file is committed.
    """
    from protsoc.clerk.transaction import execute

    outcome = execute(
        root,
        lambda desk: plan(desk, meeting_id, reason),
        commit=commit,
        branch=branch,
        source=source,
        today=today,
    )
    change = outcome.plan.changes[0]
    return Erratum(_id_of(change.path), change.path, change.data, outcome.commit, outcome.branch)


def plan(desk: Any, meeting_id: str, reason: dict[str, str]) -> Any:
    """The clerk plan (``protsoc.clerk.desk.Plan``) that adds the erratum of ``meeting_id``."""
    from protsoc.clerk.desk import meeting_stem, Change, Plan

    erratum = build(desk.registry, meeting_id, reason, desk.source("amend"))
    committee, stem = erratum.id.split("/", 1)
    original_stem = meeting_stem(meeting_id)
    return Plan(
        [Change("meeting", erratum.path, erratum.data)],
        f"erratum({committee}): amend {original_stem} as {stem}",
        [f"amends {meeting_id}"],
    )


def _id_of(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def build(
    registry: Registry, meeting_id: str, reason: dict[str, str], source: dict[str, Any]
) -> Erratum:
    """The erratum's id, path and data; refuses what cannot be amended."""
    root = registry.root
    if not reason.get("ar", "").strip():
        raise UsageError(
            "the erratum needs a reason in Arabic (--reason)",
            'say what the erratum corrects, e.g. --reason "تصحيح تاريخ القرار الثاني"',
        )
    meetings = registry.by_id("meeting")
    original = meetings.get(meeting_id)
    if original is None or original.data is None:
        known = ", ".join(sorted(meetings)[-5:]) or "none"
        raise UsageError(
            f"no meeting {meeting_id!r} in the registry at {display_path(root)}",
            f"give a meeting id as <committee>/<YYYY-MM-DD>[-N] (recent ones: {known})",
        )
    data: dict[str, Any] = original.data
    minutes = data.get("minutes")
    minutes = minutes if isinstance(minutes, dict) else {}
    if minutes.get("status") != "approved":
        raise UsageError(
            _("the minutes of {id} are not approved yet").format(id=meeting_id),
            _(
                "draft minutes are corrected by command (protsoc set decision|agenda-item|"
                "attendance|guest, protsoc remove …, protsoc move meeting {id} --date …); "
                "an erratum is only for approved minutes"
            ).format(id=meeting_id),
        )
    if seal.is_intact(data) is False:
        raise InvalidRecord(
            f"the minutes of {meeting_id} no longer match their seal",
            f"restore the approved content of {original.path} first (`protsoc history "
            f"{meeting_id}`); the erratum must start from what the members approved",
        )
    erratum_id = next_free_id(meeting_id, meetings)
    committee, stem = erratum_id.split("/", 1)
    path = root / "meetings" / committee / f"{stem}.yaml"
    return Erratum(erratum_id, path, _erratum_record(data, erratum_id, meeting_id, reason, source))


def next_free_id(meeting_id: str, meetings: dict[str, Any]) -> str:
    """``steering/2024-11-26`` -> ``steering/2024-11-26-2`` (or -3… when taken)."""
    committee, stem = meeting_id.split("/", 1)
    parsed = split_meeting_stem(stem)
    day = parsed[0] if parsed else stem
    number = 2
    while f"{committee}/{day}-{number}" in meetings:
        number += 1
    return f"{committee}/{day}-{number}"


def _erratum_record(
    original: dict[str, Any],
    erratum_id: str,
    amends: str,
    reason: dict[str, str],
    source: dict[str, Any],
) -> dict[str, Any]:
    record = {key: copy.deepcopy(value) for key, value in original.items() if key != "minutes"}
    record["id"] = erratum_id
    # The erratum is a record of its own, approved separately: draft minutes, no approvals.
    record["minutes"] = {
        "status": "draft",
        "amends": amends,
        "reason": {k: v for k, v in reason.items() if v},
    }
    record["sources"] = [*(record.get("sources") or []), source]
    return record


def is_erratum(meeting: Any) -> bool:
    """True for an erratum record: it corrects another meeting, it is not another meeting.

    Whatever counts or lists meetings and their decisions (cadence, status, follow-up) should skip
    errata, or read the corrected content through ``corrections``.
    """
    return registry_is_erratum(meeting)


def corrections(registry: Registry) -> dict[str, str]:
    """Original meeting id -> id of its latest *approved* erratum (errata of errata followed)."""
    latest: dict[str, str] = {}
    for meeting_id, record in sorted(registry.by_id("meeting").items()):
        data = record.data or {}
        minutes = data.get("minutes")
        if is_erratum(data) and isinstance(minutes, dict) and minutes.get("status") == "approved":
            latest[minutes["amends"]] = meeting_id  # sorted: -3 after -2 (same day, same committee)
    resolved: dict[str, str] = {}
    for original in latest:
        current, seen = original, {original}
        while current in latest and latest[current] not in seen:
            current = latest[current]
            seen.add(current)
        resolved[original] = current
    return resolved
