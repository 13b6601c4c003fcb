"""What incremental validation rests on, checked on every broken example and on generated
registries.

``protsoc validate`` caches each file's own findings by its bytes and runs the registry-wide rules
on projections of the records (``rules.project``), and again only when a projection changed. That
is right only if:
- a per-file rule (``rules.FILE_RULES``) finds on a record alone what it finds on the whole
  registry, without reading today's date;
- the registry-wide rules find on projections what they find on whole records;
- so validation, cold or warm, after an edit or an addition, reports exactly what the plain
  pipeline reports (load the registry, check every record, run every rule).
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from test_perf_fastpath import _generator
from test_validate_examples import CASES, _place

TODAY = dt.date(2026, 11, 22)

# Every test twice: in one process, and on a pool of two worker processes (conftest's
# ``pool_workers`` checks that the pool really ran).
pytestmark = pytest.mark.usefixtures("pool_workers")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from protsoc.registry import cache

    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PROTSOC_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_stores", {})
    monkeypatch.setattr(cache, "_disabled", False)


def _key(finding: Any) -> tuple:
    return (
        finding.path,
        finding.rule,
        finding.message,
        tuple(finding.json_path),
        finding.line,
        finding.column,
    )


def _full_registry(root: Path) -> Any:
    from protsoc.registry import cache
    from protsoc.registry.loaded import Registry

    with cache.switched_off():
        return Registry.load(root)


def plain_findings(root: Path) -> list[tuple]:
    """The obvious pipeline: whole records, every check, every rule, no cache."""
    from protsoc.validate import hygiene, rulebook, schemas
    from protsoc.validate.positions import resolve_positions

    registry = _full_registry(root)
    findings = list(registry.load_findings)
    for record in registry.records:
        if record.data is not None and record.document is not None:
            findings += schemas.check(
                record.kind, record.data, record.path, record.document.implicit
            )
            findings += hygiene.check(record.data, record.path, record.document.text)
    findings += rulebook.run(registry, TODAY)
    resolve_positions(
        findings, {r.path: r.document.text for r in registry.records if r.document is not None}
    )
    return sorted(_key(f) for f in findings)


def validated(root: Path, monkeypatch: pytest.MonkeyPatch, cached: bool = True) -> list[tuple]:
    from protsoc.registry import cache
    from protsoc.validate.pipeline import validate

    monkeypatch.setenv("PROTSOC_NO_CACHE", "" if cached else "1")
    monkeypatch.setattr(cache, "_stores", {})
    return sorted(_key(f) for f in validate(root, today=TODAY).findings)


def _scopes_hold(root: Path) -> None:
    from protsoc.registry.loaded import Registry
    from protsoc.registry.records import Record
    from protsoc.validate import rulebook, rules

    registry = _full_registry(root)
    readable = [r for r in registry.records if r.data is not None]
    whole = {_key(f) for f in rulebook.run(registry, TODAY, scope="file")}
    alone = {
        _key(f)
        for record in readable
        for f in rulebook.run(Registry(root, [record]), None, scope="file")
    }  # type: ignore[arg-type]
    assert alone == whole
    projected = Registry(
        root,
        [
            Record(r.file, rules.project(r.kind, r.data) if r.data is not None else None, None)
            for r in registry.records
        ],
    )
    assert {_key(f) for f in rulebook.run(projected, TODAY, scope="registry")} == {
        _key(f) for f in rulebook.run(registry, TODAY, scope="registry")
    }


@pytest.mark.parametrize("case", CASES)
def test_each_broken_example_is_found_alike_by_every_path(
    case,
    make_registry,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tree = make_registry()
    _place(tree, case)
    _scopes_hold(tree.root)
    plain = plain_findings(tree.root)
    assert case.rule in {key[1] for key in plain}
    assert validated(tree.root, monkeypatch, cached=False) == plain
    assert validated(tree.root, monkeypatch) == plain  # cold cache
    assert validated(tree.root, monkeypatch) == plain  # warm


def _break_references(data: dict, rng: random.Random) -> None:
    """Edits that change what other records can refer to, or what a record refers to."""
    choices = []
    for key in ("members", "decisions", "agenda", "attendance", "guests", "observations"):
        if isinstance(data.get(key), list) and data[key]:
            choices.append(lambda key=key: data[key].pop(rng.randrange(len(data[key]))))
            choices.append(lambda key=key: data[key].append(copy.deepcopy(data[key][0])))
    for key, value in (
        ("committee", "no-such-committee"),
        ("owner", "steering/nobody"),
        ("axis", "no-axis"),
        ("parent", "steering"),
        ("status", "held"),
        ("date", "2030-01-01"),
        ("progress", 100),
        ("completed_on", "2031-05-05"),
    ):
        if key in data:
            choices.append(lambda key=key, value=value: data.__setitem__(key, value))
    if isinstance(data.get("minutes"), dict):
        choices.append(lambda: data["minutes"].__setitem__("amends", "steering/1999-01-01"))
        choices.append(lambda: data["minutes"].__setitem__("status", "approved"))
    if choices:
        rng.choice(choices)()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_generated_registries_edited_and_extended_are_found_alike(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate = _generator()
    files = generate.Generator(meetings=40, seed=seed, committees=6).run()
    rng = random.Random(seed)
    for rel in sorted(files):
        if rng.random() < 0.3:
            data = copy.deepcopy(files[rel])
            _break_references(data, rng)
            files[rel] = data
    root = tmp_path / "registry"
    generate.write(files, root)
    _scopes_hold(root)
    assert validated(root, monkeypatch) == plain_findings(root)  # cold
    # Edits between runs: a wording change (no projection changes), a reference broken in a
    # committee that unchanged meetings depend on, a meeting added, a meeting deleted.
    meetings = sorted(root.glob("meetings/*/*.yaml"))
    committee = sorted(root.glob("committees/*.yaml"))[1]
    edits = [
        lambda: meetings[0].write_text(
            meetings[0].read_text(encoding="utf-8").replace("synthetic", "edited"), encoding="utf-8"
        ),
        lambda: committee.write_text(
            committee.read_text(encoding="utf-8").replace("id: m01", "id: m01x", 1),
            encoding="utf-8",
        ),
        lambda: (meetings[1].parent / "2031-01-01.yaml").write_text(
            meetings[1].read_text(encoding="utf-8"), encoding="utf-8"
        ),
        lambda: meetings[2].unlink(),
    ]
    for edit in edits:
        edit()
        assert validated(root, monkeypatch) == plain_findings(root)
        assert validated(root, monkeypatch) == plain_findings(root)  # warm after the edit


def test_a_per_file_rule_may_not_read_the_date(make_registry) -> None:
    """The guard ``filecheck`` relies on: per-file rules run with no date; one that needs it
    fails loudly."""
    from protsoc.validate import rulebook

    tree = make_registry()
    registry = _full_registry(tree.root)
    rulebook.run(registry, None, scope="file")  # type: ignore[arg-type]  # no per-file rule reads the date
    with pytest.raises(TypeError):
        rulebook.run(registry, None, scope="registry")  # type: ignore[arg-type]  # some of these do
