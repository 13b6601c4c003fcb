"""The cache cannot lie to its owner (issue 13, item 3).

Whoever can write the cache decides what `validate` answers: a forged checks entry made a
tampered approved meeting pass. So the cache is used only in folders that are the user's own and
writable by nobody else, there is no fallback into a shared temp folder, and an entry of any
other shape than the one protsoc writes is ignored, never a crash.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from test_seal import MEETING_FILE, approved_tree

from protsoc.registry import cache


def tamper(tree: Any) -> Path:
    path = tree.path(MEETING_FILE)
    path.write_text(path.read_text(encoding="utf-8").replace("تعميم", "تعميمم"), encoding="utf-8")
    return path


def forge_clean_verdict(folder: Path, tampered: Path) -> None:
    """What an attacker who can write the cache does: the tampered file's digest, no findings.

    The registry-wide rules' key is emptied so that they run again; the per-file rule that
    reports the broken seal is the one the forged entry silences."""
    checks = folder / "checks.marshal"
    stored = marshal.loads(checks.read_bytes())
    rel = "meetings/steering/2024-11-26.yaml"
    _, _, projection_digest, _ = stored["entries"][rel]
    stored["entries"][rel] = (
        cache.content_digest(tampered.read_bytes()),
        [],
        projection_digest,
        None,
    )
    checks.write_bytes(marshal.dumps(stored))


def use_cache(monkeypatch: pytest.MonkeyPatch, base: Path) -> dict[str, str]:
    """The cache folder of this test, for protsoc's processes and for the test itself."""
    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(base))
    return {"PROTSOC_CACHE_DIR": str(base)}


def registry_cache(root: Path) -> Path:
    folder = cache.directory(root)
    assert folder is not None
    return folder


def test_a_forged_entry_in_a_folder_others_can_write_is_not_believed(
    make_registry: Any, run_process: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "shared-cache"
    env = use_cache(monkeypatch, base)
    tree = approved_tree(make_registry)
    assert run_process(["protsoc", "validate"], cwd=tree.repo, env=env).exit_code == 0
    tampered = tamper(tree)
    forge_clean_verdict(registry_cache(tree.root), tampered)
    os.chmod(base, 0o777)  # a folder another user could have written the forged entry into

    outcome = run_process(["protsoc", "validate"], cwd=tree.repo, env=env)

    assert outcome.exit_code == 1, outcome.output
    assert "seal-broken" in outcome.stdout
    assert outcome.stderr.count("not using the cache in") == 1
    assert "other users can write into it" in outcome.stderr


def test_the_owners_private_cache_is_trusted_like_the_home_directory(
    make_registry: Any, run_process: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The boundary, stated as a test: a forged entry in a private folder of the user's own is
    believed, as a forged ~/.bashrc would be; the user alone can write it."""
    base = tmp_path / "private-cache"
    env = use_cache(monkeypatch, base)
    tree = approved_tree(make_registry)
    assert run_process(["protsoc", "validate"], cwd=tree.repo, env=env).exit_code == 0
    assert oct(os.stat(base).st_mode & 0o777) == "0o700"  # created private
    forge_clean_verdict(registry_cache(tree.root), tamper(tree))

    outcome = run_process(["protsoc", "validate"], cwd=tree.repo, env=env)

    assert outcome.exit_code == 0
    assert outcome.stderr == ""


def test_a_group_writable_registry_folder_inside_the_cache_is_refused_too(
    make_registry: Any, run_process: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = use_cache(monkeypatch, tmp_path / "cache")
    tree = approved_tree(make_registry)
    run_process(["protsoc", "validate"], cwd=tree.repo, env=env)
    folder = registry_cache(tree.root)
    forge_clean_verdict(folder, tamper(tree))
    os.chmod(folder, 0o770)

    outcome = run_process(["protsoc", "validate"], cwd=tree.repo, env=env)

    assert outcome.exit_code == 1
    assert f"not using the cache in {folder}" in outcome.stderr


@pytest.mark.skipif(os.getuid() != 0, reason="giving a folder to another user needs root")
def test_a_cache_folder_of_another_user_is_refused(
    make_registry: Any, run_process: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "theirs"
    base.mkdir(mode=0o700)
    os.chown(base, 4242, 4242)
    tree = approved_tree(make_registry)

    outcome = run_process(
        ["protsoc", "validate"], cwd=tree.repo, env={"PROTSOC_CACHE_DIR": str(base)}
    )

    assert outcome.exit_code == 0
    assert "belongs to user id 4242" in outcome.stderr


def test_without_a_home_directory_there_is_no_cache_and_no_shared_temp_folder(
    make_registry: Any, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python raises RuntimeError from Path.home() when neither HOME nor the password database
    names a home (a CI container's unknown user id): that is the situation reproduced here."""

    def no_home(cls: type) -> Path:
        raise RuntimeError("Could not determine home directory.")

    tree = approved_tree(make_registry)
    for name in ("PROTSOC_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", classmethod(no_home))
    before = set(Path(tempfile.gettempdir()).glob("protsoc-cache-*"))

    outcome = run(["protsoc", "validate"], cwd=tree.repo)

    assert outcome.exit_code == 0
    assert cache.base_directory() is None
    assert cache.take_warnings() == [
        (
            "protsoc: no cache (no home directory, and neither PROTSOC_CACHE_DIR nor "
            "XDG_CACHE_HOME is set)"
        )
    ]
    assert set(Path(tempfile.gettempdir()).glob("protsoc-cache-*")) == before


MALFORMED_CHECK_ENTRIES = {
    "not a tuple": "x",
    "findings not a list": (b"d", 5, b"p", None),
    "a finding of the wrong length": (b"d", [("rule",)], b"p", None),
    "a finding with an unknown severity": (
        b"d",
        [("r", "m", "fatal", None, None, (), None, None)],
        b"p",
        None,
    ),
    "a finding whose path is a number": (
        b"d",
        [("r", "m", "error", 1, 1, ("a",), None, 3)],
        b"p",
        None,
    ),
    "a projection digest that is text": (b"d", [], "p", None),
}


@pytest.mark.parametrize("shape", list(MALFORMED_CHECK_ENTRIES))
def test_a_malformed_entry_is_ignored_never_a_crash(
    make_registry: Any,
    run_process: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shape: str,
) -> None:
    env = use_cache(monkeypatch, tmp_path / "cache")
    tree = approved_tree(make_registry)
    run_process(["protsoc", "validate"], cwd=tree.repo, env=env)
    tampered = tamper(tree)
    checks = registry_cache(tree.root) / "checks.marshal"
    stored = marshal.loads(checks.read_bytes())
    entry = MALFORMED_CHECK_ENTRIES[shape]
    if isinstance(entry, tuple):  # the digest of the file as it is now, so the entry would be used
        entry = (cache.content_digest(tampered.read_bytes()), *entry[1:])
    stored["entries"]["meetings/steering/2024-11-26.yaml"] = entry
    stored["rules"] = ("", [("r", "m", "error", None, None, (), None, 5)])
    checks.write_bytes(marshal.dumps(stored))
    projections = registry_cache(tree.root) / "projections.marshal"
    stored = marshal.loads(projections.read_bytes())
    stored["entries"] = {rel: ("not", "a", "pair") for rel in stored["entries"]}
    projections.write_bytes(marshal.dumps(stored))

    outcome = run_process(["protsoc", "validate"], cwd=tree.repo, env=env)

    assert outcome.exit_code == 1, outcome.output
    assert "seal-broken" in outcome.stdout


def test_a_malformed_records_entry_is_parsed_again(
    make_registry: Any, run_process: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = use_cache(monkeypatch, tmp_path / "cache")
    tree = approved_tree(make_registry)
    assert (
        run_process(["protsoc", "show", "steering/2024-11-26"], cwd=tree.repo, env=env).exit_code
        == 0
    )
    records = registry_cache(tree.root) / "records.marshal"
    stored = marshal.loads(records.read_bytes())
    for rel, (digest, _) in list(stored["entries"].items()):
        stored["entries"][rel] = [digest, marshal.dumps(("a string, not a record", [], [], []))]
    stored["entries"]["committees/steering.yaml"] = "garbage"
    records.write_bytes(marshal.dumps(stored))

    outcome = run_process(["protsoc", "show", "steering/2024-11-26"], cwd=tree.repo, env=env)

    assert outcome.exit_code == 0, outcome.output
    assert "تعميم التغطية الصحية" in outcome.stdout
