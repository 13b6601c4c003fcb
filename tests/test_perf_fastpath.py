"""The fast paths report exactly what the slow paths report.

- jsonschema-rs may only skip python-jsonschema on records it finds valid: on every broken file
  of tests/examples/invalid/ and on generated registries with mutated records, validation with
  the fast path (and with the cache, cold and warm) gives the same findings as without both;
- the process pool (``protsoc.parallel``) loads the same records and findings as one process.
"""

from __future__ import annotations

import copy
import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO_ROOT
from test_validate_examples import CASES, _place


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from protsoc.registry import cache

    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_stores", {})
    monkeypatch.setattr(cache, "_disabled", False)


def _findings(root: Path, monkeypatch: pytest.MonkeyPatch, fast: bool, cached: bool) -> list[dict]:
    import datetime as dt

    from protsoc.registry import cache
    from protsoc.validate.pipeline import validate

    monkeypatch.setenv("PROTSOC_NO_FASTPATH", "" if fast else "1")
    monkeypatch.setenv("PROTSOC_NO_CACHE", "" if cached else "1")
    monkeypatch.setattr(cache, "_stores", {})  # as in a new process
    result = validate(root, today=dt.date(2026, 11, 22))
    return [f.as_dict() for f in result.findings]


def _all_ways_agree(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    slow = _findings(root, monkeypatch, fast=False, cached=False)
    assert _findings(root, monkeypatch, fast=True, cached=False) == slow
    assert _findings(root, monkeypatch, fast=True, cached=True) == slow  # cold: fills the cache
    assert _findings(root, monkeypatch, fast=True, cached=True) == slow  # warm: whole result
    return slow


def test_jsonschema_rs_is_installed_and_used() -> None:
    from protsoc.validate import fastpath

    assert fastpath._validators() is not None, (
        "jsonschema-rs is missing: everything takes the slow path"
    )
    assert fastpath.schema_valid("meeting", {}) is False


@pytest.mark.parametrize("case", CASES)
def test_fast_and_cached_validation_match_the_slow_path_on_the_broken_files(
    case, make_registry, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry()
    _place(tree, case)
    slow = _all_ways_agree(tree.root, monkeypatch)
    assert case.rule in {f["rule"] for f in slow}


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "protsoc_bench_generate", REPO_ROOT / "benchmarks" / "generate.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mutations(rng: random.Random) -> list:
    """Edits a clerk could make by mistake, each of which a schema may (or may not) reject."""

    def at(path: tuple, value: Any):  # type: ignore[no-untyped-def]
        def change(data: dict) -> None:
            target = data
            for part in path[:-1]:
                if (
                    isinstance(target, dict)
                    and part in target
                    or isinstance(target, list)
                    and isinstance(part, int)
                    and part < len(target)
                ):
                    target = target[part]
                else:
                    return
            if isinstance(target, dict) or (
                isinstance(target, list) and isinstance(path[-1], int) and path[-1] < len(target)
            ):
                target[path[-1]] = value

        return change

    def drop(key: str):  # type: ignore[no-untyped-def]
        return lambda data: data.pop(key, None)

    return [
        at(("date",), "2024-02-30"),
        at(("date",), "2024-2-3"),
        at(("date",), 20240203),
        at(("committee",), "Steering"),
        at(("committee",), "steering\n"),
        at(("time",), 630),
        at(("time",), "24:00"),
        at(("number",), 0),
        at(("number",), 1.0),
        at(("number",), 2.5),
        at(("number",), True),
        at(("number",), 2**70),
        at(("number",), float("inf")),
        at(("status",), "done"),
        at(("place",), {"ar": ""}),
        at(("place",), {"fr": "Rabat"}),
        at(("place",), "الرباط"),
        at(("extra_field",), 1),
        at(("attendance", 0, "status"), None),
        at(("decisions", 0, "id"), "d0"),
        at(("minutes", "seal", "algorithm"), "md5"),
        at(("observations", 0, "value"), "كثير"),
        at(("observations", 0, "date"), "2021-13-01"),
        at(("progress",), 101),
        at(("progress",), -1),
        at(("members", 0, "titles"), []),
        at(("cadence",), {"none": True}),
        at(("cadence",), {"none": False, "source": {"document": "x"}}),
        at(("title",), {"ar": "عنوان", "de": "Titel"}),
        at(("sources", 0), {"document": ""}),
        drop("id"),
        drop("sources"),
        drop("status"),
        drop("name"),
        at(("chaired_by",), {"post": "m01", "name": {"ar": "اسم"}, "extra": 1}),
        at(
            ("attendance",), [{"member": "m01", "status": "present", "represented_by": {"ar": "x"}}]
        ),
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_registries_with_mutations_agree(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate = _generator()
    files = generate.Generator(meetings=30, seed=seed, committees=6).run()
    rng = random.Random(seed)
    mutations = _mutations(rng)
    for rel in sorted(files):
        if rng.random() < 0.5:
            data = copy.deepcopy(files[rel])
            rng.choice(mutations)(data)
            files[rel] = data
    root = tmp_path / "registry"
    generate.write(files, root)
    slow = _all_ways_agree(root, monkeypatch)
    assert any(f["rule"].startswith("schema-") for f in slow)


def test_every_mutation_alone_agrees_record_by_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The property the fast path rests on: jsonschema-rs valid => python-jsonschema finds
    nothing."""
    from protsoc.validate import fastpath, schemas

    generate = _generator()
    files = generate.Generator(meetings=12, seed=5, committees=6).run()
    kinds = {"protsoc.yaml": "registry", "roadmap/roadmap.yaml": "roadmap"}
    for rel, data in files.items():
        kind = (
            kinds.get(rel)
            or {"committees": "committee", "meetings": "meeting"}.get(rel.split("/")[0])
            or {"actions": "action", "indicators": "indicator"}[rel.split("/")[1]]
        )
        for mutate in _mutations(random.Random(0)):
            mutated = copy.deepcopy(data)
            mutate(mutated)
            monkeypatch.setenv("PROTSOC_NO_FASTPATH", "1")
            slow = schemas.check(kind, mutated, rel, {})
            monkeypatch.delenv("PROTSOC_NO_FASTPATH")
            if fastpath.schema_valid(kind, mutated):
                assert slow == [], (
                    f"{rel}: jsonschema-rs accepted what python-jsonschema rejects: {slow}"
                )
            assert [(f.rule, f.message) for f in schemas.check(kind, mutated, rel, {})] == [
                (f.rule, f.message) for f in slow
            ]


def test_the_process_pool_loads_what_one_process_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from protsoc.registry import pool as parallel
    from protsoc.registry.layout import record_files

    generate = _generator()
    files = generate.Generator(meetings=40, seed=9, committees=6).run()
    files["meetings/steering/2026-06-30.yaml"] = "id: [unclosed\n"
    root = tmp_path / "registry"
    generate.write({k: v for k, v in files.items() if not isinstance(v, str)}, root)
    (root / "meetings/steering/2026-06-30.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    record_list, _ = record_files(root)
    monkeypatch.setenv(parallel.ENV_WORKERS, "1")
    alone = parallel.load_all(record_list)
    monkeypatch.setenv(parallel.ENV_WORKERS, "2")
    pooled = parallel.load_all(record_list)
    assert [(r.path, r.data, [f.as_dict() for f in found]) for r, found in pooled] == [
        (r.path, r.data, [f.as_dict() for f in found]) for r, found in alone
    ]
    assert any(found for _, found in pooled)  # the broken file's syntax error came back too


def test_the_hygiene_pre_check_never_hides_a_finding() -> None:
    """Every character of the blocks where look-alikes and invisible controls live, in prose and in
    machine fields, written raw and as YAML escapes: whenever ``hygiene.check`` finds something,
    the pre-check must let it run (a new hygiene rule on a new character would fail here)."""
    from protsoc.registry import yamlio
    from protsoc.validate import hygiene

    blocks = [
        range(0x0600, 0x0700),
        range(0x0750, 0x0780),
        range(0x2000, 0x2070),
        range(0xFB50, 0xFE00),
        range(0xFE70, 0xFF00),
        range(0x00A0, 0x0100),
        range(0x180E, 0x180F),
        range(0x3000, 0x3001),
    ]
    for block in blocks:
        for code in block:
            char = chr(code)
            data = {
                "id": f"x{char}1",
                "date": f"2024-0{char}-01",
                "title": {"ar": f"لجنة {char}القيادة"},
            }
            found = list(hygiene.check(data, "f.yaml"))
            raw = yamlio.dumps(data)
            escaped = raw.replace(char, f"\\u{code:04x}") if char.isprintable() else raw
            for text in (raw, escaped):
                if found:
                    assert hygiene.may_find(text), f"U+{code:04X}: {[f.rule for f in found]} hidden"
