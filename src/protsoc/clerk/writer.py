"""Turning record data into file text: one stable, reviewable form, and edits that keep comments.

A record file is written as::

    # optional comment lines (a header a person wrote, or the schema modeline for new files)
    <yamlio.dumps(data) with keys in the schema's order>

``render`` writes a new file; ``update`` rewrites an existing one. When the existing body is
exactly what protsoc would write (the shipped records are), the header is kept and the body is
dumped again, so an unchanged record gives back the very same bytes. When a person wrote
comments or their own layout inside the body, the change is applied with ruamel.yaml's
round-trip mode so those comments survive.

Every text produced here is parsed again with the strict loader and compared with the data it
was made from: a writer bug can never put something else on disk than what was validated.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, cast

from protsoc.kernel.errors import ProtsocError
from protsoc.registry import yamlio

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class WriterError(ProtsocError):
    """The text protsoc would write does not read back as the intended data (a bug)."""


def modeline(kind: str, path: Path, root: Path) -> str:
    """``# yaml-language-server: $schema=…`` pointing to the repository's schemas/ folder.

    The path is relative to the file, for a registry kept next to ``schemas/`` (the layout of
    this project and of the repositories ``protsoc init`` creates). Without that folder the
    modeline would resolve to nothing: none is written.
    """
    repository = root.parent
    if not (repository / "schemas").is_dir():
        return ""
    depth = len(path.resolve().relative_to(repository.resolve()).parts) - 1
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json\n"


def ordered(kind: str, data: Any) -> Any:
    """The data with every mapping's keys in the order its schema lists them (unknown keys last)."""
    from protsoc.registry.schema_files import load_schemas

    schemas = load_schemas()
    return _order(data, schemas.get(kind, {}), schemas)


def _resolve(schema: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    ref = schema.get("$ref")
    while isinstance(ref, str):
        file, _, pointer = ref.partition("#")
        target: Any = schemas.get(file[: -len(".schema.json")], {}) if file else schema
        for part in pointer.strip("/").split("/") if pointer else []:
            target = target.get(part, {}) if isinstance(target, dict) else {}
        schema = target
        ref = schema.get("$ref")
    return schema


def _order(value: Any, schema: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> Any:
    if not isinstance(value, (dict, list)):  # most values: no schema to look up
        return value
    schema = _resolve(schema, schemas)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        keys = [key for key in properties if key in value] + [
            key for key in value if key not in properties
        ]
        return {key: _order(value[key], properties.get(key, {}), schemas) for key in keys}
    if isinstance(value, list):
        items = schema.get("items", {})
        return [_order(item, items, schemas) for item in value]
    return value


def ordered_like(kind: str, new: Any, old: Any) -> Any:
    """``new`` with the key order of ``old`` where keys exist in both; new keys go to their
    schema place.

    A file a person ordered their own way keeps its order: only what changes moves.
    """
    from protsoc.registry.schema_files import load_schemas

    schemas = load_schemas()
    return _order_like(new, old, schemas.get(kind, {}), schemas)


def _order_like(
    new: Any, old: Any, schema: dict[str, Any], schemas: dict[str, dict[str, Any]]
) -> Any:
    if not isinstance(new, (dict, list)):  # most values: no schema to look up
        return new
    schema = _resolve(schema, schemas)
    if isinstance(new, dict):
        properties = schema.get("properties", {})
        if not isinstance(old, dict):
            return _order(new, schema, schemas)
        keys = [key for key in old if key in new]
        rank = {key: index for index, key in enumerate(properties)}
        for key in [key for key in properties if key in new and key not in old] + [
            key for key in new if key not in old and key not in properties
        ]:
            position = 0
            for index, existing in enumerate(keys):
                if rank.get(existing, len(rank)) <= rank.get(key, len(rank)):
                    position = index + 1
            keys.insert(position, key)
        return {
            key: _order_like(new[key], old.get(key), properties.get(key, {}), schemas)
            for key in keys
        }
    if isinstance(new, list):
        items = schema.get("items", {})
        previous = old if isinstance(old, list) else []
        return [
            _order_like(item, previous[index] if index < len(previous) else None, items, schemas)
            for index, item in enumerate(new)
        ]
    return new


def split_header(text: str) -> tuple[str, str]:
    """The leading comment (and blank) lines of a file, and the rest."""
    position = 0
    for line in text.splitlines(keepends=True):
        if line.startswith("#") or not line.strip():
            position += len(line)
        else:
            break
    return text[:position], text[position:]


def render(kind: str, data: dict[str, Any], header: str = "") -> str:
    return _rendered(kind, data, header)[0]


def _rendered(kind: str, data: dict[str, Any], header: str = "") -> tuple[str, yamlio.Document]:
    text = header + yamlio.dumps(ordered(kind, data))
    return text, _check(text, data)


def new_file(kind: str, data: dict[str, Any], path: Path, root: Path) -> str:
    return new_file_read_back(kind, data, path, root)[0]


def new_file_read_back(
    kind: str, data: dict[str, Any], path: Path, root: Path
) -> tuple[str, yamlio.Document]:
    """``new_file``, with the text as the strict loader reads it back (the write's check parses
    it anyway; the transaction validates that parse instead of making another)."""
    return _rendered(kind, data, modeline(kind, path, root))


def update(kind: str, old_text: str, old_data: dict[str, Any], new_data: dict[str, Any]) -> str:
    """The new text of an existing file, keeping its header and any comments inside it."""
    return update_read_back(kind, old_text, old_data, new_data)[0]


def update_read_back(
    kind: str, old_text: str, old_data: dict[str, Any], new_data: dict[str, Any]
) -> tuple[str, yamlio.Document]:
    """``update``, with the new text as the strict loader reads it back."""
    header, body = split_header(old_text)
    if body == yamlio.dumps(old_data):
        text = header + yamlio.dumps(ordered_like(kind, new_data, old_data))
        return text, _check(text, new_data)
    text = _round_trip(old_text, ordered_like(kind, new_data, old_data))
    return text, _check(text, new_data)


def _check(text: str, data: dict[str, Any]) -> yamlio.Document:
    """The text read back by the strict loader; a ``WriterError`` unless it reads as ``data``."""
    try:
        document = yamlio.loads(text.encode("utf-8"))
        again = document.data
    except yamlio.YamlError as exc:  # pragma: no cover - a bug in the writer
        raise WriterError(
            f"protsoc produced YAML it cannot read back: {exc.problem.message}",
            "nothing was written; please report this bug",
        ) from None
    if again != data:  # pragma: no cover - a bug in the writer
        raise WriterError(
            "protsoc produced YAML that does not read back as the intended record",
            "nothing was written; please report this bug",
        )
    return document


# --- comment-preserving edits ---------------------------------------------------------------


def _round_trip(old_text: str, new_data: dict[str, Any]) -> str:
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, block_seq_indent = load_yaml_guess_indent(old_text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    yaml.width = 100
    mapping_indent = indent or 2
    offset = block_seq_indent or 0
    yaml.indent(mapping=mapping_indent, sequence=max(mapping_indent, offset + 2), offset=offset)
    tree = yaml.load(old_text)
    _apply(tree, new_data)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def _plain(value: Any) -> Any:
    """A ruamel value as the strict loader would read it (dates stay strings)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def _fresh(value: Any) -> Any:
    """New data to insert in a ruamel tree: dates as quoted strings, as yamlio.dumps writes them."""
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    if isinstance(value, str) and _DATE.match(value):
        return SingleQuotedScalarString(value)
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fresh(item) for item in value]
    return value


def _apply(tree: Any, new: Any) -> None:
    """Change the ruamel tree in place so that it reads as ``new``, touching only what differs."""
    if isinstance(tree, dict) and isinstance(new, dict):
        for key in [key for key in tree if key not in new]:
            del tree[key]
        for position, (key, value) in enumerate(new.items()):
            if key in tree:
                if _plain(tree[key]) == value:
                    continue
                if isinstance(tree[key], (dict, list)) and type(value) is type(_plain(tree[key])):
                    _apply(tree[key], value)
                else:
                    tree[key] = _fresh(value)
            else:
                cast(Any, tree).insert(min(position, len(tree)), key, _fresh(value))
        return
    if isinstance(tree, list) and isinstance(new, list):
        common = min(len(tree), len(new))
        for index in range(common):
            if _plain(tree[index]) == new[index]:
                continue
            if isinstance(tree[index], (dict, list)) and type(new[index]) is type(
                _plain(tree[index])
            ):
                _apply(tree[index], new[index])
            else:
                tree[index] = _fresh(new[index])
        del tree[common:]
        for item in new[common:]:
            tree.append(_fresh(item))
        return
    raise TypeError("the tree and the new data differ in shape")  # pragma: no cover


# ``yamlio.write_atomic``'s temporary files: ``.<name>.yaml.<8 random characters>.tmp``.
_LEFT_BY_A_WRITER = re.compile(r"^\..+\.ya?ml\.[a-z0-9_]{8}\.tmp$")


def remove_dead_writers_files(root: Path) -> list[Path]:
    """Remove the temporary files a writer killed mid-write left in the registry (``kill -9``,
    a power cut): call it holding the registry's lock, when no other writer can be running.

    They are hidden, so nobody would ever see them, and they stayed forever. Symbolic links are
    neither followed nor removed: only files whose name ``write_atomic`` would have chosen.
    """
    import os

    removed = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            if _LEFT_BY_A_WRITER.match(name):
                path = Path(folder) / name
                try:
                    if path.is_symlink() or not path.is_file():
                        continue
                    path.unlink()
                except OSError:
                    continue  # a file we cannot remove is only clutter: the write goes on
                removed.append(path)
    return removed
