"""--commit and --branch: exactly the touched files, one commit, and clear refusals instead of surprises."""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

import pytest

ENV = {"PROTSOC_LANG": "en"}
ADD_MEETING = ["protsoc", "add", "meeting", "steering", "--date", "2025-01-15", "--commit"]
NEW_FILE = "registry/meetings/steering/2025-01-15.yaml"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


def commits(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def test_commit_holds_only_the_touched_file_and_leaves_other_work_alone(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    (repo / "notes.txt").write_text("the clerk's own notes\n")
    registry_tree.patch(
        "committees/steering.yaml", {"note": {"ar": "ملاحظة"}}
    )  # unrelated unstaged edit
    result = run(ADD_MEETING, cwd=repo, env=ENV)
    assert result.exit_code == 0, result.output
    assert "committed" in result.stdout and "meeting(steering): add 2025-01-15" in result.stdout
    assert git(repo, "log", "-1", "--format=%s").strip() == "meeting(steering): add 2025-01-15"
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [NEW_FILE]
    status = git(repo, "status", "--porcelain").splitlines()
    assert sorted(status) == [" M registry/committees/steering.yaml", "?? notes.txt"]


@pytest.mark.parametrize(
    "setup, message",
    [
        (
            lambda repo: (repo / "other.txt").write_text("x") and git(repo, "add", "other.txt"),
            "other changes are already staged: other.txt",
        ),
        (lambda repo: git(repo, "checkout", "-q", "--detach"), "HEAD is detached"),
    ],
    ids=["staged-unrelated-file", "detached-head"],
)
def test_unsafe_repository_states_are_refused_before_writing(
    registry_tree, run, setup, message
) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    setup(repo)
    before = git(repo, "status", "--porcelain")
    result = run(ADD_MEETING, cwd=repo, env=ENV)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "hint:" in result.stderr
    assert not (repo / NEW_FILE).exists()
    assert git(repo, "status", "--porcelain") == before
    assert commits(repo) == 1


def test_a_touched_file_with_uncommitted_changes_is_refused(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    meeting = registry_tree.path("meetings/steering/2024-11-26.yaml")
    meeting.write_text(
        meeting.read_text(encoding="utf-8") + "note:\n  ar: تعديل يدوي\n", encoding="utf-8"
    )
    before = meeting.read_bytes()
    result = run(
        ["protsoc", "add", "agenda-item", "steering/2024-11-26", "بند", "--commit"],
        cwd=repo,
        env=ENV,
    )
    assert result.exit_code == 2
    assert "uncommitted changes: registry/meetings/steering/2024-11-26.yaml" in result.stderr
    assert meeting.read_bytes() == before


def test_missing_identity_is_a_clear_message(registry_tree, run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    git(repo, "config", "--unset", "user.name")
    git(repo, "config", "--unset", "user.email")
    home = tmp_path / "empty-home"
    home.mkdir()
    env = {**ENV, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": str(home)}
    result = run(ADD_MEETING, cwd=repo, env=env)
    assert result.exit_code == 2
    assert "git does not know who you are" in result.stderr
    assert 'git config --global user.name "Your Name"' in result.stderr
    assert not (repo / NEW_FILE).exists()


def test_commit_outside_a_repository_is_refused(tmp_path, run) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from conftest import SHIPPED_REGISTRY

    shutil.copytree(SHIPPED_REGISTRY, tmp_path / "plain" / "registry")
    result = run(
        ["protsoc", "add", "meeting", "technical", "--date", "2025-01-15", "--commit"],
        cwd=tmp_path / "plain",
        env={**ENV, "GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr
    assert not (tmp_path / "plain/registry/meetings/technical").exists()


def test_branch_is_created_first_for_a_pull_request(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    result = run([*ADD_MEETING, "--branch", "clerk/steering-2025-01-15"], cwd=repo, env=ENV)
    assert result.exit_code == 0, result.output
    assert git(repo, "branch", "--show-current").strip() == "clerk/steering-2025-01-15"
    assert git(repo, "log", "--format=%s", "-1").strip() == "meeting(steering): add 2025-01-15"
    assert git(repo, "log", "--format=%s", "main").strip() == "minimal registry"
    again = run(
        [
            "protsoc",
            "add",
            "agenda-item",
            "steering/2025-01-15",
            "بند",
            "--commit",
            "--branch",
            "clerk/steering-2025-01-15",
        ],
        cwd=repo,
        env=ENV,
    )
    assert (
        again.exit_code == 2
        and "the branch clerk/steering-2025-01-15 already exists" in again.stderr
    )


def test_a_failing_commit_puts_everything_back(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
    hook.chmod(0o755)
    meeting = registry_tree.path("meetings/steering/2024-11-26.yaml")
    before = meeting.read_bytes()
    result = run(
        [
            "protsoc",
            "add",
            "agenda-item",
            "steering/2024-11-26",
            "بند",
            "--commit",
            "--branch",
            "try",
        ],
        cwd=repo,
        env=ENV,
    )
    assert result.exit_code == 2
    assert "git commit failed" in result.stderr and "hook says no" in result.stderr
    assert meeting.read_bytes() == before
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "branch", "--show-current").strip() == "main"
    assert "try" not in git(repo, "branch", "--list")


def test_a_second_writer_waits_then_fails_clearly(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    handle = os.open(registry_tree.root, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        result = run(
            ["protsoc", "add", "meeting", "steering", "--date", "2025-01-15"],
            cwd=registry_tree.repo,
            env={**ENV, "PROTSOC_LOCK_TIMEOUT": "0.2"},
        )
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)
    assert result.exit_code == 2
    assert "another protsoc command is writing to this registry" in result.stderr
    assert not (registry_tree.repo / NEW_FILE).exists()


def test_two_processes_at_once_are_serialised(registry_tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two real processes adding agenda items to the same meeting: both items land, none is lost."""
    env = {**os.environ, **ENV, "PROTSOC_REGISTRY": str(registry_tree.root)}
    processes = [
        subprocess.Popen(
            ["protsoc", "add", "agenda-item", "steering/2024-11-26", text],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for text in ("البند الأول", "البند الثاني")
    ]
    for process in processes:
        process.communicate(timeout=120)
        assert process.returncode == 0
    agenda = registry_tree.read("meetings/steering/2024-11-26.yaml")["agenda"]
    assert sorted(item["title"]["ar"] for item in agenda) == ["البند الأول", "البند الثاني"]
    assert sorted(item["id"] for item in agenda) == ["item-1", "item-2"]


def test_a_merge_in_progress_is_refused(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    git(repo, "switch", "-q", "-c", "other")
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "أ"}})
    git(repo, "commit", "-q", "-am", "other")
    git(repo, "switch", "-q", "main")
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "ب"}})
    git(repo, "commit", "-q", "-am", "main")
    subprocess.run(["git", "merge", "-q", "other"], cwd=repo, capture_output=True, check=False)
    before = git(repo, "status", "--porcelain")
    result = run(ADD_MEETING, cwd=repo, env=ENV)
    assert result.exit_code == 2
    assert "the repository is in the middle of a merge" in result.stderr
    assert git(repo, "status", "--porcelain") == before
    assert not (repo / NEW_FILE).exists()


def test_a_detached_head_is_fine_with_a_new_branch(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    git(repo, "checkout", "-q", "--detach")
    result = run([*ADD_MEETING, "--branch", "clerk/new"], cwd=repo, env=ENV)
    assert result.exit_code == 0, result.output
    assert git(repo, "branch", "--show-current").strip() == "clerk/new"
