"""protsoc's JSON documents for scripts: one version number, one way of writing them.

Every ``--format json`` document is an object whose first key is ``format_version``; its shape is
published as a JSON Schema under ``schemas/output/`` (tests/test_json_outputs.py checks every
command's output against it). The version is raised when a key changes meaning or goes away;
new keys may appear within a version.

2: ``format_version`` itself; ``validate``/``verify-seals`` split ``findings.errors`` and
``findings.warnings`` (their mixed ``errors`` list is deprecated, kept for this version only);
``dashboard`` gives each indicator's dated ``observations``; ``list`` wraps its rows in
``records``.
"""

from __future__ import annotations

import json
from typing import Any

FORMAT_VERSION = 2


def document(payload: dict[str, Any]) -> str:
    """The JSON text of ``payload`` with ``format_version`` first (Arabic kept as is)."""
    return json.dumps({"format_version": FORMAT_VERSION, **payload}, ensure_ascii=False, indent=2)
