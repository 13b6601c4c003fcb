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

from . import schemas, seal, yamlio
from .errors import InvalidRecord, UsageError
from .registry import Registry, display_path, split_meeting_stem


@dataclass
class Erratum:
    id: str
    path: Path
    data: dict[str, Any]


def amend(root: Path, meeting_id: str, reason: dict[str, str], source: str | None = None,
          today: dt.date | None = None) -> Erratum:
    """Create the erratum record of ``meeting_id`` (whose minutes must be approved)."""
    from . import dates

    today = today or dates.today()
    if not reason.get("ar", "").strip():
        raise UsageError("the erratum needs a reason in Arabic (--reason)",
                         "say what the erratum corrects, e.g. --reason \"تصحيح تاريخ القرار الثاني\"")
    registry = Registry.load(root)
    meetings = registry.by_id("meeting")
    original = meetings.get(meeting_id)
    if original is None or original.data is None:
        known = ", ".join(sorted(meetings)[-5:]) or "none"
        raise UsageError(f"no meeting {meeting_id!r} in the registry at {display_path(root)}",
                         f"give a meeting id as <committee>/<YYYY-MM-DD>[-N] (recent ones: {known})")
    data: dict[str, Any] = original.data
    minutes = data.get("minutes")
    minutes = minutes if isinstance(minutes, dict) else {}
    if minutes.get("status") != "approved":
        raise UsageError(f"the minutes of {meeting_id} are not approved yet",
                         f"draft minutes are corrected by editing {original.path} directly; an erratum "
                         "is only for approved minutes")
    if seal.is_intact(data) is False:
        raise InvalidRecord(f"the minutes of {meeting_id} no longer match their seal",
                            f"restore the approved content of {original.path} first (`protsoc history "
                            f"{meeting_id}`); the erratum must start from what the members approved")
    erratum_id = next_free_id(meeting_id, meetings)
    committee, stem = erratum_id.split("/", 1)
    path = root / "meetings" / committee / f"{stem}.yaml"
    record = _erratum_record(data, erratum_id, meeting_id, reason, source, today)
    problems = [f for f in schemas.check("meeting", record, display_path(path), {}) if f.is_error]
    if problems:
        raise InvalidRecord(f"the erratum would not be a valid meeting record: {problems[0].message}",
                            problems[0].hint or "check the reason's wording")
    if path.exists():  # pragma: no cover - next_free_id looked at the loaded registry
        raise UsageError(f"{display_path(path)} exists already", "run the command again")
    yamlio.write_atomic(path, yamlio.dumps(record))
    return Erratum(erratum_id, path, record)


def next_free_id(meeting_id: str, meetings: dict[str, Any]) -> str:
    """``steering/2024-11-26`` -> ``steering/2024-11-26-2`` (or -3… when taken)."""
    committee, stem = meeting_id.split("/", 1)
    parsed = split_meeting_stem(stem)
    day = parsed[0] if parsed else stem
    number = 2
    while f"{committee}/{day}-{number}" in meetings:
        number += 1
    return f"{committee}/{day}-{number}"


def _erratum_record(original: dict[str, Any], erratum_id: str, amends: str, reason: dict[str, str],
                    source: str | None, today: dt.date) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in original.items():
        if key == "minutes":
            continue
        record[key] = copy.deepcopy(value)
    record["id"] = erratum_id
    # The erratum is a record of its own, approved separately: draft minutes, no approvals.
    record["minutes"] = {"status": "draft", "amends": amends,
                         "reason": {k: v for k, v in reason.items() if v}}
    sources = list(record.get("sources") or [])
    sources.append({"document": source or f"erratum of {amends} recorded with protsoc amend",
                    "date": today.isoformat()})
    record["sources"] = sources
    # keep "sources" last, as in every record
    record["sources"] = record.pop("sources")
    return record


def is_erratum(meeting: Any) -> bool:
    """True for an erratum record: it corrects another meeting, it is not another meeting.

    Whatever counts or lists meetings and their decisions (cadence, status, follow-up) should skip
    errata, or read the corrected content through ``corrections``.
    """
    minutes = meeting.get("minutes") if isinstance(meeting, dict) else None
    return isinstance(minutes, dict) and isinstance(minutes.get("amends"), str)


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
