"""Seals anchored in history (issue 13, item 4): every attack in a real git repository with real
commits.

The attack that passed everything: a pull request of two commits, (1) delete the seal block,
(2) edit a decision. Each commit validated, `--changed-since HEAD~1` passed at each, and
`protsoc diff` called commit 1 "re-formatted only"."""

from __future__ import annotations

import copy
import json
import subprocess
from typing import Any

import pytest
from conftest import MEETING, RegistryTree
from test_diff import approve, sentences

from protsoc.governance import seal

MEETING_FILE = "meetings/steering/2024-11-26.yaml"


def git(tree: RegistryTree, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=tree.repo, check=True, capture_output=True, text=True
    ).stdout


def sealed_on_main(make_registry: Any) -> RegistryTree:
    meeting = copy.deepcopy(MEETING)
    meeting["decisions"] = [
        {"id": "d1", "kind": "decision", "text": {"ar": "تعميم التغطية الصحية"}}
    ]
    tree = make_registry({MEETING_FILE: meeting})
    approve(tree, MEETING_FILE, ["head-of-government", "interior"])
    tree.commit("approve the minutes")
    git(tree, "checkout", "-q", "-b", "pull-request")
    return tree


def remove_seal(data: dict[str, Any]) -> None:
    del data["minutes"]["seal"]


def edit_decision(data: dict[str, Any]) -> None:
    data["decisions"][0]["text"] = {"ar": "إلغاء التغطية الصحية"}


def reseal(data: dict[str, Any]) -> None:
    edit_decision(data)
    data["minutes"]["seal"] = seal.seal(data)


def verify(run: Any, tree: RegistryTree, *args: str) -> tuple[int, list[dict[str, Any]]]:
    outcome = run(["protsoc", "verify-seals", "--format", "json", *args], cwd=tree.repo)
    assert outcome.exit_code in (0, 1), outcome.output
    return outcome.exit_code, json.loads(outcome.stdout)["errors"]


def test_the_two_commit_rewrite_is_caught_at_every_step(make_registry: Any, run: Any) -> None:
    tree = sealed_on_main(make_registry)
    tree.patch(MEETING_FILE, remove_seal)
    tree.commit("(1) delete the seal block")

    # commit 1: the seal is gone, the content is the same
    validated = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert validated.exit_code == 1
    assert [f["rule"] for f in json.loads(validated.stdout)["errors"]] == ["seal-missing"]
    assert any("their seal removed" in text for text in sentences(run, tree, "HEAD~1", "HEAD"))
    assert not any("re-formatted only" in text for text in sentences(run, tree, "HEAD~1", "HEAD"))

    tree.patch(MEETING_FILE, edit_decision)
    tree.commit("(2) edit a decision")

    code, found = verify(run, tree)
    assert code == 1
    assert [f["rule"] for f in found] == ["seal-history"]
    second = git(tree, "rev-parse", "--short=10", "HEAD").strip()
    assert f"were changed by commit {second}; its seal is removed" in found[0]["message"]
    # the branch name covers the whole pull request, not only its last commit
    code, found = verify(run, tree, "--changed-since", "main")
    assert code == 1
    changed = run(["protsoc", "validate", "--changed-since", "main"], cwd=tree.repo)
    assert changed.exit_code == 1
    assert "seal-changed" in changed.stdout


def test_a_recomputed_digest_does_not_hide_the_edit(make_registry: Any, run: Any) -> None:
    tree = sealed_on_main(make_registry)
    tree.patch(MEETING_FILE, reseal)
    tree.commit("edit a decision and recompute the seal")

    assert run(["protsoc", "validate"], cwd=tree.repo).exit_code == 0  # the seal matches
    code, found = verify(run, tree)

    assert code == 1
    assert "its seal was recomputed to match" in found[0]["message"]


def test_many_small_commits_do_not_hide_the_edit(make_registry: Any, run: Any) -> None:
    tree = sealed_on_main(make_registry)
    tree.patch(MEETING_FILE, remove_seal)
    tree.commit("remove the seal")
    tree.patch(MEETING_FILE, {"place": {"ar": "الدار البيضاء"}})
    tree.commit("move the meeting")
    tree.patch(MEETING_FILE, reseal)
    tree.commit("edit and seal again")

    code, found = verify(run, tree, "--changed-since", "main")

    assert code == 1
    assert len(found) == 1
    assert "its seal was recomputed to match" in found[0]["message"]


def test_an_uncommitted_edit_is_caught(make_registry: Any, run: Any) -> None:
    tree = sealed_on_main(make_registry)
    tree.patch(MEETING_FILE, reseal)

    code, found = verify(run, tree)

    assert code == 1
    assert "in the working tree" in found[0]["message"]


def test_re_formatting_and_a_reverted_edit_are_not_changes(make_registry: Any, run: Any) -> None:
    tree = sealed_on_main(make_registry)
    path = tree.path(MEETING_FILE)
    original = path.read_bytes()
    tree.patch(MEETING_FILE, reseal)
    tree.commit("edit")
    path.write_bytes(original.replace(b"\n", b"\n\n", 1))  # back to the approved content
    tree.commit("revert, re-formatted")

    assert verify(run, tree) == (0, [])


def test_changes_before_the_merge_base_are_not_this_pull_requests(
    make_registry: Any, run: Any
) -> None:
    tree = sealed_on_main(make_registry)
    git(tree, "checkout", "-q", "main")
    tree.patch(MEETING_FILE, reseal)
    tree.commit("an old rewrite on main")
    git(tree, "checkout", "-q", "-b", "another-pull-request")
    tree.write("committees/new.yaml", "x: 1\n")  # an unrelated change
    tree.commit("unrelated")

    assert verify(run, tree, "--changed-since", "main")[0] == 0
    assert verify(run, tree)[0] == 1  # the whole history still shows it


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_the_other_formats(make_registry: Any, run: Any, output_format: str) -> None:
    tree = sealed_on_main(make_registry)
    tree.patch(MEETING_FILE, reseal)
    tree.commit("rewrite")

    outcome = run(["protsoc", "verify-seals", "--format", output_format], cwd=tree.repo)

    assert outcome.exit_code == 1
    expected = "::error " if output_format == "github" else "error [seal-history]"
    assert expected in outcome.stdout


def test_the_shipped_registry_has_nothing_sealed_to_break(run: Any) -> None:
    outcome = run(["protsoc", "verify-seals"])

    assert outcome.exit_code == 0, outcome.output
