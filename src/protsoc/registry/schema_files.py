"""The JSON Schemas of the record kinds, as shipped with protsoc (``schemas/*.schema.json``)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from protsoc.kernel.resources import schema_dir

RECORD_KINDS = (
    "registry",
    "committee",
    "meeting",
    "roadmap",
    "action",
    "indicator",
    "evaluation",
    "programme",
)


@lru_cache(maxsize=None)
def load_schemas() -> dict[str, dict[str, Any]]:
    folder = schema_dir()
    return {
        path.name[: -len(".schema.json")]: json.loads(path.read_text(encoding="utf-8"))
        for path in folder.glob("*.schema.json")
    }
