"""--commit and --branch: exactly the touched files, one commit, and clear refusals instead of
surprises."""

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


def tree_snapshot(repo: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) of the work tree, .git aside."""
    return {
        path.relative_to(repo).as_posix(): (path.read_bytes() if path.is_file() else None)
        for path in sorted(repo.rglob("*"))
        if ".git" not in path.relative_to(repo).parts
    }


def refusing_hook(repo: Path) -> None:
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
    hook.chmod(0o755)


def test_a_refused_commit_puts_back_the_exact_bytes_bom_and_crlf(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    """A real pre-commit hook refuses: the file comes back byte for byte (its BOM and CRLF line
    ends included), git sees nothing modified and nothing staged."""
    repo = registry_tree.repo
    meeting = registry_tree.path("meetings/steering/2024-11-26.yaml")
    text = meeting.read_text(encoding="utf-8")
    meeting.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    git(repo, "commit", "-q", "-am", "the clerk's editor writes a BOM and CRLF")
    refusing_hook(repo)
    before = tree_snapshot(repo)
    head = git(repo, "rev-parse", "HEAD")
    result = run(
        ["protsoc", "add", "agenda-item", "steering/2024-11-26", "بند", "--commit"],
        cwd=repo,
        env=ENV,
    )
    assert result.exit_code == 2, result.output
    assert "hook says no" in result.stderr
    assert tree_snapshot(repo) == before
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(repo, "rev-parse", "HEAD") == head


def test_a_refused_commit_removes_the_new_file_and_its_new_folder(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    repo = registry_tree.repo
    committee = registry_tree.read("committees/steering.yaml")
    registry_tree.write("committees/other.yaml", {**committee, "id": "other"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a committee without meetings yet")
    refusing_hook(repo)
    assert not registry_tree.path("meetings/other").exists()
    before = tree_snapshot(repo)
    result = run(
        ["protsoc", "add", "meeting", "other", "--date", "2025-01-15", "--commit"],
        cwd=repo,
        env=ENV,
    )
    assert result.exit_code == 2, result.output
    assert "hook says no" in result.stderr
    assert tree_snapshot(repo) == before
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""


def _conflicting_commit(repo: Path, registry_tree) -> str:  # type: ignore[no-untyped-def]
    """A commit on branch `other` that conflicts with main's last commit; returns its id."""
    git(repo, "switch", "-q", "-c", "other")
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "أ"}})
    git(repo, "commit", "-q", "-am", "other")
    other = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "switch", "-q", "main")
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "ب"}})
    git(repo, "commit", "-q", "-am", "main")
    return other


def _revert_no_commit(repo: Path, registry_tree) -> None:  # type: ignore[no-untyped-def]
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "ج"}})
    git(repo, "commit", "-q", "-am", "a note")
    git(repo, "revert", "--no-commit", "HEAD")


def _cherry_pick_conflict(repo: Path, registry_tree) -> None:  # type: ignore[no-untyped-def]
    other = _conflicting_commit(repo, registry_tree)
    subprocess.run(["git", "cherry-pick", other], cwd=repo, capture_output=True, check=False)


def _am_conflict(repo: Path, registry_tree) -> None:  # type: ignore[no-untyped-def]
    _conflicting_commit(repo, registry_tree)
    patch = git(repo, "format-patch", "-1", "--stdout", "other")
    subprocess.run(["git", "am"], cwd=repo, input=patch, text=True, capture_output=True)


def _rebase_conflict(repo: Path, registry_tree) -> None:  # type: ignore[no-untyped-def]
    _conflicting_commit(repo, registry_tree)
    subprocess.run(["git", "rebase", "other"], cwd=repo, capture_output=True, check=False)


def _bisect(repo: Path, registry_tree) -> None:  # type: ignore[no-untyped-def]
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "ج"}})
    git(repo, "commit", "-q", "-am", "a note")
    git(repo, "bisect", "start")
    git(repo, "bisect", "bad")


@pytest.mark.parametrize(
    "setup, operation, finish, abort",
    [
        (_revert_no_commit, "a revert", "git revert --continue", "git revert --abort"),
        (_cherry_pick_conflict, "a cherry-pick", "git cherry-pick --continue", "--abort"),
        (_am_conflict, "a git am", "git am --continue", "git am --abort"),
        (_rebase_conflict, "a rebase", "git rebase --continue", "git rebase --abort"),
        (_bisect, "a bisect", "git bisect reset", "git bisect reset"),
    ],
    ids=["revert", "cherry-pick", "am", "rebase", "bisect"],
)
def test_an_operation_in_progress_is_named_with_the_commands_that_end_it(
    registry_tree, run, setup, operation, finish, abort
) -> None:  # type: ignore[no-untyped-def]
    """Real git operations left half-way: --commit refuses (exit 2) before writing, naming the
    operation and how to finish or abort it, and the tree and index stay as they were."""
    repo = registry_tree.repo
    setup(repo, registry_tree)
    before = tree_snapshot(repo)
    status = git(repo, "status", "--porcelain")
    result = run(ADD_MEETING, cwd=repo, env=ENV)
    assert result.exit_code == 2, result.output
    assert f"the repository is in the middle of {operation}" in result.stderr
    assert finish in result.stderr and abort in result.stderr
    assert tree_snapshot(repo) == before
    assert git(repo, "status", "--porcelain") == status


def test_a_stale_index_lock_is_reported_with_the_command_that_clears_it(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    """What a git process killed with -9 leaves behind: --commit names the lock and the exact
    command, writes nothing, and works once the command is run."""
    repo = registry_tree.repo
    lock = repo / ".git" / "index.lock"
    lock.write_bytes(b"")
    before = tree_snapshot(repo)
    result = run(ADD_MEETING, cwd=repo, env=ENV)
    assert result.exit_code == 2, result.output
    assert f"rm -f '{lock.resolve()}'" in result.stderr
    assert tree_snapshot(repo) == before
    subprocess.run(["sh", "-c", f"rm -f '{lock.resolve()}'"], check=True)
    again = run(ADD_MEETING, cwd=repo, env=ENV)
    assert again.exit_code == 0, again.output
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [NEW_FILE]
