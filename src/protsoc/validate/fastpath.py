"""The fast path of schema validation, which reports exactly what the slow path reports.

Schema validation: python-jsonschema takes about 0.7 ms per record and 120 ms to import;
jsonschema-rs (Rust) takes about 10 us. jsonschema-rs only answers "valid or not" here; for a
record it finds invalid (or cannot judge: a number out of its range, any error) python-jsonschema
runs as before and produces the findings with their messages and hints. So a valid record costs
10 us and an invalid one costs what it always did, and the findings are the same: the fast path
can only skip python-jsonschema on a record that it judges valid. It is validated with formats on,
like python-jsonschema's ``FormatChecker``. (Where the two could disagree the safe way round,
e.g. Python's ``$`` matching before a trailing newline, the slow path decides.)

(Text hygiene has its own fast path: ``hygiene.may_find``.)

``PROTSOC_NO_FASTPATH=1`` turns it off (used by the tests that prove the equivalence); without
jsonschema-rs installed everything takes the slow path.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

from protsoc.registry.schema_files import load_schemas

ENV_DISABLE = "PROTSOC_NO_FASTPATH"
_DEFS_REF = '"defs.schema.json#'


def enabled() -> bool:
    return os.environ.get(ENV_DISABLE, "") in ("", "0")


@cache
def _validators() -> dict[str, Any] | None:
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schemas = load_schemas()
    defs = schemas.get("defs")
    if defs is None:
        return None
    # The records' `$ref: defs.schema.json#...` is relative to a `urn:` id, which has no
    # relative resolution; point the refs at the shared schema's own `$id` instead.
    target = '"' + defs["$id"] + "#"

    def absolute(schema: dict[str, Any]) -> Any:
        return json.loads(json.dumps(schema).replace(_DEFS_REF, target))

    try:
        registry = jsonschema_rs.Registry([(defs["$id"], absolute(defs))])
        return {
            kind: jsonschema_rs.validator_for(
                absolute(schema), registry=registry, validate_formats=True
            )
            for kind, schema in schemas.items()
            if kind != "defs"
        }
    except Exception:  # noqa: BLE001 - a schema jsonschema-rs cannot compile: python-jsonschema decides alone
        return None


def schema_valid(kind: str, data: Any) -> bool:
    """True only when jsonschema-rs finds ``data`` valid against the schema of ``kind``."""
    if not enabled():
        return False
    validators = _validators()
    validator = validators.get(kind) if validators else None
    if validator is None:
        return False
    try:
        return bool(validator.is_valid(data))
    except Exception:  # noqa: BLE001 - e.g. an integer beyond 64 bits: let python-jsonschema judge
        return False
