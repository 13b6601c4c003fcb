"""Seals of approved minutes: a digest of the meeting record's canonical form.

The canonical form is the record as data (not as text): JSON with sorted keys and no
insignificant white space, so re-formatting the YAML (key order, quoting, indentation) keeps the
seal, while changing one character of any value breaks it. The seal itself is left out of what
it seals.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

ALGORITHM = "sha256"


def canonical(meeting: dict[str, Any]) -> bytes:
    # Shallow copies suffice: only the seal is left out, nothing nested is changed (a deep copy
    # of every approved meeting cost a quarter of a large registry's validation).
    content = dict(meeting)
    minutes = content.get("minutes")
    if isinstance(minutes, dict):
        content["minutes"] = {key: value for key, value in minutes.items() if key != "seal"}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def digest(meeting: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(meeting)).hexdigest()


def seal(meeting: dict[str, Any]) -> dict[str, str]:
    """The value to store under ``minutes.seal`` when the minutes become approved."""
    return {"algorithm": ALGORITHM, "digest": digest(meeting)}


def is_intact(meeting: dict[str, Any]) -> bool | None:
    """True/False for a sealed meeting, None when the meeting carries no seal."""
    minutes = meeting.get("minutes")
    stored = minutes.get("seal") if isinstance(minutes, dict) else None
    if not isinstance(stored, dict):
        return None
    return stored.get("digest") == digest(meeting)
