"""`protsoc validate --changed-since REV`: the changed files, what they break elsewhere, and
seals."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from conftest import MEETING, RegistryTree
from test_diff import approve, git

MEETING_FILE = "meetings/steering/2024-11-26.yaml"

# Every test twice: in one process, and on a pool of two worker processes (conftest's
# ``pool_workers`` checks that the pool really ran).
pytestmark = pytest.mark.usefixtures("pool_workers")


def findings(
    run: Any, tree: RegistryTree, *args: str
) -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
    outcome = run(["protsoc", "validate", *args, "--format", "json"], cwd=tree.repo)
    document = json.loads(outcome.stdout)
    return outcome.exit_code, document["errors"], document


def test_deleted_member_breaks_an_unchanged_meeting(registry_tree: RegistryTree, run: Any) -> None:
    # the meeting (unchanged) lists `interior` as present; the change deletes that member post
    registry_tree.patch(
        "committees/steering.yaml",
        lambda data: data.update(members=[m for m in data["members"] if m["id"] != "interior"]),
    )

    code, found, document = findings(run, registry_tree, "--changed-since", "HEAD")

    assert code == 1
    assert [(f["rule"], f["file"], f["json_path"]) for f in found] == [
        ("ref-member", "registry/meetings/steering/2024-11-26.yaml", "$.attendance[1].member")
    ]
    assert document["files_checked"] == 1  # only the committee file was schema-checked


def test_only_changed_files_are_schema_checked(make_registry: Any, run: Any) -> None:
    broken = copy.deepcopy(MEETING)
    broken.update(id="steering/2023-05-02", date="2023-05-02", status="finished")  # not in the enum
    tree = make_registry({"meetings/steering/2023-05-02.yaml": broken})
    tree.patch(MEETING_FILE, {"number": 2})

    code, found, _ = findings(run, tree, "--changed-since", "HEAD")
    full_code, full, _ = findings(run, tree)

    assert code == 0 and found == []  # the old problem is not this change's
    assert full_code == 1 and {f["file"] for f in full} == {
        "registry/meetings/steering/2023-05-02.yaml"
    }


def test_a_problem_in_a_changed_file_is_reported(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch(MEETING_FILE, {"status": "finished"})

    code, found, _ = findings(run, registry_tree, "--changed-since", "HEAD")

    assert code == 1
    assert [f["file"] for f in found] == ["registry/meetings/steering/2024-11-26.yaml"]
    assert found[0]["json_path"] == "$.status"


def test_new_untracked_file_is_checked(registry_tree: RegistryTree, run: Any) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting.update(id="steering/2025-02-03", date="2025-02-03", committee="no-such-committee")
    registry_tree.write("meetings/steering/2025-02-03.yaml", meeting)

    code, found, _ = findings(run, registry_tree, "--changed-since", "HEAD")

    assert code == 1
    assert {f["rule"] for f in found} == {"ref-committee", "meeting-committee-mismatch"}


def test_resealed_minutes_are_caught_against_rev(make_registry: Any, run: Any) -> None:
    from protsoc.governance import seal

    tree = make_registry()
    approve(tree, MEETING_FILE, ["head-of-government", "interior"])
    tree.commit("approved")

    def tamper(data: dict[str, Any]) -> None:
        data["place"] = {"ar": "الدار البيضاء"}
        data["minutes"]["seal"] = seal.seal(data)  # sealed again: the plain check passes

    tree.patch(MEETING_FILE, tamper)

    assert run(["protsoc", "validate"], cwd=tree.repo).exit_code == 0
    code, found, _ = findings(run, tree, "--changed-since", "HEAD")
    assert code == 1
    assert [f["rule"] for f in found] == ["seal-changed"]
    assert (
        "were approved and sealed at HEAD; this change edits the approved content and replaces "
        "their seal" in found[0]["message"]
    )


def test_removed_seal_and_deleted_minutes_are_caught(make_registry: Any, run: Any) -> None:
    second = copy.deepcopy(MEETING)
    second.update(id="steering/2023-05-02", date="2023-05-02")
    tree = make_registry({"meetings/steering/2023-05-02.yaml": second})
    approve(tree, MEETING_FILE, ["head-of-government", "interior"])
    approve(tree, "meetings/steering/2023-05-02.yaml", ["interior"])
    tree.commit("approved both")
    tree.patch(MEETING_FILE, lambda data: data.update(minutes={"status": "draft"}))
    tree.delete("meetings/steering/2023-05-02.yaml")

    code, found, _ = findings(run, tree, "--changed-since", "HEAD")

    assert code == 1
    messages = {f["file"]: f["message"] for f in found if f["rule"] == "seal-changed"}
    assert "are deleted by this change" in messages["registry/meetings/steering/2023-05-02.yaml"]
    assert "removes their seal" in messages["registry/meetings/steering/2024-11-26.yaml"]


def test_one_character_edit_is_reported_once(make_registry: Any, run: Any) -> None:
    tree = make_registry()
    approve(tree, MEETING_FILE, ["head-of-government", "interior"])
    tree.commit("approved")
    path = tree.path(MEETING_FILE)
    path.write_text(path.read_text(encoding="utf-8").replace("الرباط", "الرباطt"), encoding="utf-8")

    code, found, _ = findings(run, tree, "--changed-since", "HEAD")

    assert code == 1
    assert [f["rule"] for f in found] == ["seal-broken"]


def test_reformatted_approved_minutes_pass(make_registry: Any, run: Any) -> None:
    tree = make_registry()
    approve(tree, MEETING_FILE, ["head-of-government", "interior"])
    tree.commit("approved")
    path = tree.path(MEETING_FILE)
    path.write_text(
        "# kept as approved\n"
        + path.read_text(encoding="utf-8").replace("status: held", 'status: "held"'),
        encoding="utf-8",
    )

    code, found, _ = findings(run, tree, "--changed-since", "HEAD")

    assert (code, found) == (0, [])


def test_committed_range_on_a_branch(registry_tree: RegistryTree, run: Any) -> None:
    git(registry_tree.repo, "checkout", "-q", "-b", "change")
    registry_tree.patch(
        "committees/steering.yaml",
        lambda data: data.update(members=[m for m in data["members"] if m["id"] != "interior"]),
    )
    registry_tree.commit("drop interior")

    code, found, _ = findings(run, registry_tree, "--changed-since", "main")

    assert code == 1 and [f["rule"] for f in found] == ["ref-member"]


def test_github_annotations(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch(MEETING_FILE, {"status": "finished"})

    outcome = run(
        ["protsoc", "validate", "--changed-since", "HEAD", "--format", "github"],
        cwd=registry_tree.repo,
    )

    assert outcome.exit_code == 1
    assert outcome.stdout.startswith(
        "::error file=registry/meetings/steering/2024-11-26.yaml,line="
    )


def test_usage_errors(registry_tree: RegistryTree, run: Any) -> None:
    unknown = run(["protsoc", "validate", "--changed-since", "nope"], cwd=registry_tree.repo)
    both = run(
        ["protsoc", "validate", "registry/committees", "--changed-since", "HEAD"],
        cwd=registry_tree.repo,
    )

    assert unknown.exit_code == 2 and "unknown revision 'nope'" in unknown.stderr
    assert both.exit_code == 2 and "not both" in both.stderr


def test_real_process(registry_tree: RegistryTree, run_process: Any) -> None:
    registry_tree.patch(
        "committees/steering.yaml",
        lambda data: data.update(members=[m for m in data["members"] if m["id"] != "interior"]),
    )

    outcome = run_process(
        ["protsoc", "validate", "--changed-since", "HEAD"], cwd=registry_tree.repo
    )

    assert outcome.exit_code == 1
    assert "registry/meetings/steering/2024-11-26.yaml" in outcome.stdout
    assert "invalid: 1 file checked, 1 error" in outcome.stdout


def test_files_git_reports_unchanged_are_not_read_and_agree_with_a_full_read(
    registry_tree: RegistryTree, monkeypatch: Any, tmp_path: Any
) -> None:
    """CI on a large registry: unchanged files' cached checks are found by their git blob id."""
    from protsoc.registry import cache
    from protsoc.validate import pipeline as validation
    from protsoc.validate.changed_since import validate_changed_since

    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_disabled", False)
    validation.validate(
        registry_tree.root
    )  # a first run fills the cache (as CI's restored cache would)
    registry_tree.patch(
        "committees/steering.yaml",
        lambda data: data.update(members=[m for m in data["members"] if m["id"] != "interior"]),
    )
    read: list[str] = []
    real_digest = cache.file_digest
    monkeypatch.setattr(
        cache, "file_digest", lambda path: read.append(str(path)) or real_digest(path)
    )

    vouched = validate_changed_since(registry_tree.root, "HEAD")

    assert read == [str(registry_tree.root / "committees" / "steering.yaml")]
    monkeypatch.setattr(cache, "_disabled", True)
    plain = validate_changed_since(registry_tree.root, "HEAD")
    assert [f.as_dict() for f in vouched.findings] == [f.as_dict() for f in plain.findings]
    assert [f.rule for f in vouched.findings] == ["ref-member"]
