"""The allowed values the clerk offers and checks are the schemas' own lists."""

from __future__ import annotations

import json

import pytest

from protsoc.governance import vocabulary
from protsoc.kernel.resources import schema_dir


def _enum_in_file(schema: str, pointer: str) -> list[str]:
    """The enum read straight from the shipped file, without protsoc's schema loader."""
    node = json.loads((schema_dir() / f"{schema}.schema.json").read_text(encoding="utf-8"))
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node["enum"]


@pytest.mark.parametrize("name", sorted(vocabulary.LOCATIONS))
def test_each_vocabulary_is_the_schemas_enum(name: str) -> None:
    schema, pointer = vocabulary.LOCATIONS[name]
    assert list(getattr(vocabulary, name)) == _enum_in_file(schema, pointer)


def test_every_enum_of_the_schemas_has_a_vocabulary() -> None:
    """A new closed field in a schema gets its list here, so no module writes its own copy."""
    located = set(vocabulary.LOCATIONS.values())
    found = set()

    def walk(node: object, schema: str, pointer: str) -> None:
        if isinstance(node, dict):
            if "enum" in node:
                found.add((schema, pointer))
            for key, value in node.items():
                walk(value, schema, f"{pointer}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, schema, f"{pointer}/{index}")

    for path in schema_dir().glob("*.schema.json"):
        schema = path.name[: -len(".schema.json")]
        walk(json.loads(path.read_text(encoding="utf-8")), schema, "")
    # The same list under an action's updates is the action's status again.
    found.discard(("action", "/properties/updates/items/properties/status"))
    assert found == located
