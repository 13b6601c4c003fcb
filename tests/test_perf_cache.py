"""The validation cache (``protsoc.cache``): used when nothing changed, never trusted when stale.

No timings here: these tests pin down what the cache must never do (report an old result for new
bytes, new schemas or another protsoc), and that ``--no-cache`` / ``PROTSOC_NO_CACHE=1`` really
switch it off. The figures are in benchmarks/README.md.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MEETING, SCHEMAS

MEETING_FILE = "meetings/steering/2024-11-26.yaml"

# Every test twice: in one process, and on a pool of two worker processes (conftest's
# ``pool_workers`` checks that the pool really ran).
pytestmark = pytest.mark.usefixtures("pool_workers")


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, and no in-memory state left by another test."""
    from protsoc.registry import cache

    folder = tmp_path / "cache"
    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(folder))
    monkeypatch.delenv("PROTSOC_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_stores", {})
    monkeypatch.setattr(cache, "_disabled", False)
    return folder


def _report(outcome) -> dict:  # type: ignore[no-untyped-def]
    assert "Traceback" not in outcome.output
    return json.loads(outcome.stdout)


def _forget_process_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process would start with: no in-memory stores."""
    from protsoc.registry import cache

    monkeypatch.setattr(cache, "_stores", {})


def test_warm_run_gives_the_same_report_and_the_cache_stays_outside_the_repository(
    make_registry, run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_registry()
    tree.patch(MEETING_FILE, {"kind": "ordinaire", "place": {"ar": "الرباط\u202e"}})
    tree.commit("two problems")
    first = _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo))
    assert {e["rule"] for e in first["errors"]} >= {"schema-enum", "text-bidi-control"}
    assert (fresh_cache).is_dir() and any(fresh_cache.rglob("*.marshal"))
    _forget_process_state(monkeypatch)
    second = _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo))
    assert second == first
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=tree.repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status == "", "the cache must not write into the repository"


def test_changed_bytes_are_never_served_from_the_cache_even_with_the_same_size_and_mtime(
    make_registry, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_registry()
    path = tree.path(MEETING_FILE)
    before = _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo))
    assert before["valid"] is True
    stat = path.stat()
    raw = path.read_bytes()
    broken = raw.replace(b"status: held", b"status: hold")  # same length
    assert len(broken) == len(raw) and broken != raw
    path.write_bytes(broken)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # what a clone or a fast edit can do
    _forget_process_state(monkeypatch)
    after = _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo))
    assert after["valid"] is False
    assert [(e["rule"], e["file"]) for e in after["errors"]] == [
        ("schema-enum", f"registry/{MEETING_FILE}")
    ]
    # and back: the old bytes give the old (valid) result again
    path.write_bytes(raw)
    _forget_process_state(monkeypatch)
    assert _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)) == before


def test_one_changed_file_among_cached_ones_gives_the_full_run_result(
    make_registry, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_registry()
    second = dict(MEETING, id="steering/2024-12-10", date="2024-12-10")
    tree.write("meetings/steering/2024-12-10.yaml", second)
    run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    tree.patch(
        "meetings/steering/2024-12-10.yaml",
        {"attendance": [{"member": "nobody", "status": "present"}]},
    )
    _forget_process_state(monkeypatch)
    cached = _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo))
    uncached = _report(
        run(["protsoc", "validate", "--format", "json", "--no-cache"], cwd=tree.repo)
    )
    assert cached == uncached
    assert [e["rule"] for e in cached["errors"]] == ["ref-member"]


def test_no_cache_option_and_variable_neither_read_nor_write(
    make_registry, run, fresh_cache: Path
) -> None:
    tree = make_registry()
    outcome = run(["protsoc", "validate", "--no-cache"], cwd=tree.repo)
    assert outcome.exit_code == 0
    assert not fresh_cache.exists()
    outcome = run(["protsoc", "validate"], cwd=tree.repo, env={"PROTSOC_NO_CACHE": "1"})
    assert outcome.exit_code == 0
    assert not fresh_cache.exists()
    assert run(["protsoc", "validate"], cwd=tree.repo).exit_code == 0
    assert fresh_cache.exists()


def _poison(folder: Path) -> None:
    """Rewrite the cached findings of the meeting with one its file does not have, keeping its
    digest."""
    [checks] = folder.rglob("checks.marshal")
    stored = marshal.loads(checks.read_bytes())
    digest, _, projection_digest, blob = stored["entries"][MEETING_FILE]
    stored["entries"][MEETING_FILE] = (
        digest,
        [("poisoned", "served from the cache", "error", 1, 1, (), None, None)],
        projection_digest,
        blob,
    )
    checks.write_bytes(marshal.dumps(stored))


def test_the_cache_is_used_but_not_across_protsoc_versions(
    make_registry, run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import protsoc

    tree = make_registry()
    run(["protsoc", "validate"], cwd=tree.repo)
    _poison(fresh_cache)
    _forget_process_state(monkeypatch)
    served = _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo))
    assert [e["rule"] for e in served["errors"]] == ["poisoned"]  # proof that the cache is read
    assert (
        _report(run(["protsoc", "validate", "--format", "json", "--no-cache"], cwd=tree.repo))[
            "valid"
        ]
        is True
    )
    monkeypatch.setattr(protsoc, "__version__", protsoc.__version__ + ".post1")
    _forget_process_state(monkeypatch)
    fresh = _report(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo))
    assert fresh["valid"] is True and fresh["errors"] == []


def test_the_date_is_part_of_the_key(make_registry, monkeypatch: pytest.MonkeyPatch) -> None:
    """A held meeting dated tomorrow is an error today and fine the day after: not a cached
    verdict."""
    import datetime as dt

    from protsoc.validate.pipeline import validate

    tree = make_registry()
    tree.patch(MEETING_FILE, {"minutes": None})
    tree.write(
        "meetings/steering/2030-01-02.yaml",
        dict(MEETING, id="steering/2030-01-02", date="2030-01-02", minutes={"status": "draft"}),
    )
    early = validate(tree.root, today=dt.date(2030, 1, 1))
    late = validate(tree.root, today=dt.date(2030, 1, 3))
    assert "meeting-held-in-future" in {f.rule for f in early.findings}
    assert "meeting-held-in-future" not in {f.rule for f in late.findings}


def test_a_schema_change_invalidates_the_cached_results(
    make_registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from protsoc.kernel import resources
    from protsoc.registry import cache, schema_files
    from protsoc.validate import fastpath, schemas
    from protsoc.validate.pipeline import validate

    copied = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, copied)
    monkeypatch.setattr(resources, "schema_dir", lambda: copied)
    monkeypatch.setattr(schema_files, "schema_dir", lambda: copied)

    def new_process() -> None:
        for cached in (
            schema_files.load_schemas,
            schemas._validators,
            fastpath._validators,
            cache._code_digest,
        ):
            cached.cache_clear()
        monkeypatch.setattr(cache, "_stores", {})

    new_process()
    tree = make_registry()
    assert validate(tree.root).findings == []
    meeting = json.loads((copied / "meeting.schema.json").read_text(encoding="utf-8"))
    meeting["required"].append("time")  # the minimal meeting has no start time
    (copied / "meeting.schema.json").write_text(json.dumps(meeting), encoding="utf-8")
    new_process()
    found = validate(tree.root).findings
    new_process()
    assert [(f.rule, f.message) for f in found] == [
        ("schema-required", "the record lacks the required field `time`")
    ]


def test_a_corrupt_cache_file_is_ignored(
    make_registry, run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_registry()
    run(["protsoc", "validate"], cwd=tree.repo)
    for path in fresh_cache.rglob("*.marshal"):
        path.write_bytes(path.read_bytes()[:7])
    _forget_process_state(monkeypatch)
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert outcome.exit_code == 0 and _report(outcome)["valid"] is True


def test_real_processes_warm_and_no_cache_agree(
    make_registry, run_process, fresh_cache: Path
) -> None:
    tree = make_registry()
    tree.patch(MEETING_FILE, {"kind": "ordinaire"})
    outcomes = [
        run_process(["protsoc", "validate", "--format", "json", *extra], cwd=tree.repo)
        for extra in ([], [], ["--no-cache"])
    ]
    assert [o.exit_code for o in outcomes] == [1, 1, 1]
    assert outcomes[0].stdout == outcomes[1].stdout == outcomes[2].stdout
    assert any(fresh_cache.rglob("checks.marshal"))


def test_in_one_process_a_later_load_reads_the_files_again(make_registry) -> None:
    """Bytes read to compute a result's key are not kept for a later, unrelated load."""
    from protsoc.registry.loaded import Registry
    from protsoc.validate.pipeline import validate

    tree = make_registry()
    validate(tree.root)
    assert validate(tree.root).findings == []  # served whole from the cache
    tree.patch(MEETING_FILE, {"status": "cancelled"})
    meeting = Registry.load(tree.root).by_id("meeting")["steering/2024-11-26"]
    assert meeting.data is not None and meeting.data["status"] == "cancelled"


def test_display_names_are_those_of_display_path(
    make_registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names resolved once per folder are the names ``display_path`` gives, symlinks included."""
    from protsoc.registry.layout import display_path
    from protsoc.registry.loaded import Registry

    tree = make_registry()
    (tree.root / "meetings" / "steering" / "2024-12-10.yaml").symlink_to(tree.path(MEETING_FILE))
    for cwd in (tree.repo, tree.root / "meetings", tree.repo.parent.parent):
        monkeypatch.chdir(cwd)
        for record in Registry.load(tree.root).records:
            assert record.path == display_path(record.file.path)


def test_an_unwritable_cache_folder_only_costs_speed(make_registry, run, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    tree = make_registry()
    outcome = run(
        ["protsoc", "validate", "--format", "json"],
        cwd=tree.repo,
        env={"PROTSOC_CACHE_DIR": str(blocker / "cache")},
    )
    assert outcome.exit_code == 0 and _report(outcome)["valid"] is True
