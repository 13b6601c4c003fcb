"""The repository's schemas/ copy cannot drift silently from the schemas protsoc validates with."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, run_process) -> Path:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Clerk\n\temail = clerk@example.invalid\n[init]\n\tdefaultBranch = main\n"
    )
    env = {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "PROTSOC_LANG": "en"}
    result = run_process(["protsoc", "init", "r"], cwd=tmp_path, env=env)
    assert result.exit_code == 0, result.output
    return tmp_path / "r"


def test_an_edited_copy_is_a_warning_naming_the_file_and_sync_repairs_it_in_one_commit(
    repo: Path, run
) -> None:  # type: ignore[no-untyped-def]
    copy = repo / "schemas/meeting.schema.json"
    copy.write_text(copy.read_text().replace('"planned"', '"planned", "postponed"', 1))
    git(repo, "commit", "-qam", "meeting status: postponed (in the copy only)")
    checked = run(["validate", "--format", "json"], cwd=repo)
    assert checked.exit_code == 0  # a warning: the records are still what protsoc checks
    report = json.loads(checked.stdout)
    [warning] = [f for f in report["findings"]["warnings"] if f["rule"] == "schema-copy-differs"]
    assert warning["file"] == "schemas/meeting.schema.json"
    assert "protsoc schemas sync" in warning["hint"]
    assert run(["validate", "--strict"], cwd=repo).exit_code == 1

    synced = run(["schemas", "sync", "--commit"], cwd=repo)
    assert synced.exit_code == 0, synced.output
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [
        "schemas/meeting.schema.json"
    ]
    assert git(repo, "status", "--porcelain") == ""
    again = json.loads(run(["validate", "--format", "json"], cwd=repo).stdout)
    assert not [f for f in again["findings"]["warnings"] if f["rule"] == "schema-copy-differs"]
    assert "in sync" in run(["schemas", "sync"], cwd=repo).stdout


def test_without_a_schemas_folder_new_files_get_no_modeline(repo: Path, run) -> None:  # type: ignore[no-untyped-def]
    with_schemas = run(
        ["add", "meeting", "technical", "--date", "2025-03-10", "--commit"], cwd=repo
    )
    assert with_schemas.exit_code == 0, with_schemas.output
    [written] = (repo / "registry/meetings/technical").glob("*.yaml")
    modeline = re.match(r"# yaml-language-server: \$schema=(\S+)\n", written.read_text())
    assert modeline and (written.parent / modeline.group(1)).resolve().is_file()

    shutil.rmtree(repo / "schemas")
    git(repo, "commit", "-qam", "no schema copy")
    without = run(["add", "meeting", "steering", "--date", "2025-03-11", "--commit"], cwd=repo)
    assert without.exit_code == 0, without.output
    [bare] = (repo / "registry/meetings/steering").glob("*.yaml")
    assert "yaml-language-server" not in bare.read_text()
