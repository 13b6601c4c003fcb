"""The projections (``rules._PROJECTIONS``) hold every field the registry-wide rules read.

``protsoc validate`` runs the registry-wide rules on projections of the records: the few fields
they read. tests/test_rule_scopes.py compares their findings on projections and on whole records,
which catches a missing field only when some record of the corpus makes a rule find something
different without it (3 of 6 deleted fields were caught that way). Here the rules run on whole
records whose mappings note every key read, present in the record or not, and each key read of a
projected kind must be in the projection: deleting any field fails, whatever the data.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from test_perf_fastpath import _generator
from test_rule_scopes import TODAY, _break_references, _full_registry
from test_validate_examples import CASES

EVERY_KEY = "*"  # a read of the whole mapping: its items, keys, values, a copy, a comparison


class ReadRecorder(dict):
    """A record's mapping (nested mappings too, lists of them included) that notes in ``reads``
    the path of every key read: (kind, key, key, ...), list indexes left out."""

    def __init__(self, data: dict, path: tuple, reads: set[tuple]) -> None:
        super().__init__(
            (key, _recording(value, (*path, key), reads)) for key, value in data.items()
        )
        self.path = path
        self.reads = reads

    def _read(self, key: Any) -> None:
        self.reads.add((*self.path, key))

    def __getitem__(self, key: Any) -> Any:
        self._read(key)
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        self._read(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._read(key)
        return super().__contains__(key)

    def __iter__(self) -> Any:
        self._read(EVERY_KEY)
        return super().__iter__()

    def keys(self) -> Any:
        self._read(EVERY_KEY)
        return super().keys()

    def values(self) -> Any:
        self._read(EVERY_KEY)
        return super().values()

    def items(self) -> Any:
        self._read(EVERY_KEY)
        return super().items()

    def copy(self) -> dict:
        self._read(EVERY_KEY)
        return dict(super().items())

    def __eq__(self, other: object) -> bool:
        self._read(EVERY_KEY)
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def _recording(value: Any, path: tuple, reads: set[tuple]) -> Any:
    if isinstance(value, dict):
        return ReadRecorder(value, path, reads)
    if isinstance(value, list):
        return [_recording(item, path, reads) for item in value]
    return value


def keys_read_by_registry_wide_rules(root: Path) -> set[tuple]:
    """(kind, key, ...) of every key the registry-wide rules read of the registry at ``root``."""
    from protsoc.registry.loaded import Registry
    from protsoc.registry.records import Record
    from protsoc.validate import rulebook

    reads: set[tuple] = set()
    recorded = Registry(
        root,
        [
            Record(r.file, None if r.data is None else _recording(r.data, (r.kind,), reads), None)
            for r in _full_registry(root).records
        ],
    )
    rulebook.run(recorded, TODAY, scope="registry")
    return reads


def unprojected(reads: set[tuple], projections: dict[str, dict[str, Any]]) -> list[tuple]:
    """The keys read that the projections leave out (kinds not listed are kept whole)."""
    missing = []
    for kind, *keys in sorted(reads, key=repr):
        spec: Any = projections.get(kind)
        for key in keys:
            if spec is None:  # kept whole from here down
                break
            if key == EVERY_KEY or key not in spec:
                missing.append((kind, *keys))
                break
            spec = spec[key]
    return missing


def projected_fields(spec: dict[str, Any], path: tuple = ()) -> list[tuple]:
    """Every field of a projection, nested ones too: ("meeting", "minutes", "approvals", ...)."""
    fields = []
    for key, inner in spec.items():
        fields.append((*path, key))
        if inner is not None:
            fields += projected_fields(inner, (*path, key))
    return fields


def _without(projections: dict[str, dict[str, Any]], field: tuple) -> dict[str, dict[str, Any]]:
    pruned = copy.deepcopy(projections)
    spec = pruned
    for key in field[:-1]:
        spec = spec[key]
    del spec[field[-1]]
    return pruned


@pytest.fixture(scope="module")
def rule_reads(tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    """The keys read on a corpus: the shipped registry, the minimal registry with each broken
    example of tests/examples/invalid/ and with the valid examples, and generated registries
    with references broken at random (as in the test above)."""
    from conftest import MINIMAL_FILES, SHIPPED_REGISTRY, RegistryTree

    reads = keys_read_by_registry_wide_rules(SHIPPED_REGISTRY)
    valid = Path(__file__).resolve().parent / "examples" / "valid"
    funded_action = {  # money on an action: the finance rules read its budgets and ledger
        "id": "funded",
        "title": {"ar": "إجراء ممول"},
        "owner": "steering/head-of-government",
        "budgets": [
            {
                "id": "b1",
                "fiscal_year": 2025,
                "type": "original",
                "amount": "10.00",
                "date": "2025-01-01",
                "funding_source": "undeclared",
            }
        ],
        "transactions": [
            {
                "id": "t1",
                "type": "payment",
                "date": "2025-02-01",
                "amount": "5.00",
                "funding_source": "undeclared",
                "reported_by": "steering/nobody",
            }
        ],
    }
    extras = [
        {},
        {p.relative_to(valid).as_posix(): p.read_bytes() for p in valid.rglob("*.yaml")},
        {"roadmap/actions/funded.yaml": funded_action},
    ]
    for number, files in enumerate(extras + [case.values[0].files for case in CASES]):
        folder = tmp_path_factory.mktemp(f"corpus{number}")
        tree = RegistryTree(repo=folder, root=folder / "registry")
        for rel, data in {**MINIMAL_FILES, **files}.items():
            tree.write(rel, data)
        reads |= keys_read_by_registry_wide_rules(tree.root)
    generate = _generator()
    for seed in (1, 2, 3, 4):
        files = generate.Generator(meetings=40, seed=seed, committees=6).run()
        rng = random.Random(seed)
        for rel in sorted(files):
            if rng.random() < 0.3:
                _break_references(files[rel], rng)
        root = tmp_path_factory.mktemp(f"generated{seed}") / "registry"
        generate.write(files, root)
        reads |= keys_read_by_registry_wide_rules(root)
    return reads


def test_registry_wide_rules_read_only_projected_fields(rule_reads: set[tuple]) -> None:
    from protsoc.validate import rules

    assert {read[0] for read in rule_reads} >= set(rules._PROJECTIONS)
    assert unprojected(rule_reads, rules._PROJECTIONS) == [], (
        "registry-wide rules read fields that rules._PROJECTIONS leaves out"
    )


def _every_projected_field() -> list[tuple]:
    """Every field of the projections but the records' own ids: the rules take a record's id from
    its file name (``record.id``) and never read it, but it stays in the projection so that a
    projection is empty only when its record is (the registry's index skips empty records)."""
    from protsoc.validate import rules

    return [
        (kind, *field)
        for kind, spec in rules._PROJECTIONS.items()
        for field in projected_fields(spec)
        if field != ("id",)
    ]


@pytest.mark.parametrize("field", _every_projected_field(), ids="/".join)
def test_deleting_any_projected_field_is_caught(field: tuple, rule_reads: set[tuple]) -> None:
    """The guard above proves itself: without any one field (a nested one, or a whole branch),
    some key the rules read is reported. A field no rule reads on the corpus fails here: drop it
    from the projection, or add a corpus case where a rule reads it."""
    from protsoc.validate import rules

    assert unprojected(rule_reads, _without(rules._PROJECTIONS, field))
