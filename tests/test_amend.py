"""`protsoc amend`: the erratum flow; the approved original is never rewritten."""

from __future__ import annotations

import json
from typing import Any

from conftest import RegistryTree
from test_diff import approve

MEETING_FILE = "meetings/steering/2024-11-26.yaml"
ERRATUM_FILE = "meetings/steering/2024-11-26-2.yaml"


def approved(make_registry: Any) -> RegistryTree:
    tree = make_registry()
    approve(tree, MEETING_FILE, ["head-of-government", "interior"])
    tree.commit("approve the minutes")
    return tree


def test_erratum_flow(make_registry: Any, run: Any) -> None:
    tree = approved(make_registry)
    original = tree.path(MEETING_FILE).read_bytes()

    outcome = run(
        [
            "protsoc",
            "amend",
            "steering/2024-11-26",
            "--reason",
            "تصحيح مكان الاجتماع",
            "--reason-en",
            "corrects the place",
        ],
        cwd=tree.repo,
    )

    assert outcome.exit_code == 0, outcome.output
    assert "wrote registry/meetings/steering/2024-11-26-2.yaml" in outcome.stdout
    assert "erratum steering/2024-11-26-2 amends steering/2024-11-26" in outcome.stdout
    assert tree.path(MEETING_FILE).read_bytes() == original  # the original is never rewritten
    erratum = tree.read(ERRATUM_FILE)
    assert erratum["id"] == "steering/2024-11-26-2"
    assert (
        erratum["date"] == "2024-11-26"
        and erratum["attendance"] == tree.read(MEETING_FILE)["attendance"]
    )
    assert erratum["minutes"] == {
        "status": "draft",
        "amends": "steering/2024-11-26",
        "reason": {"ar": "تصحيح مكان الاجتماع", "en": "corrects the place"},
    }
    assert (
        erratum["sources"][-1]["document"]
        == "protsoc amend by protsoc tests on " + erratum["sources"][-1]["date"]
    )
    assert erratum["sources"][:-1] == tree.read(MEETING_FILE)["sources"]
    assert run(["protsoc", "validate"], cwd=tree.repo).exit_code == 0

    # the clerk corrects the erratum, which is approved and sealed on its own
    tree.patch(ERRATUM_FILE, {"place": {"ar": "الرباط - مقر رئاسة الحكومة"}})
    approve(tree, ERRATUM_FILE, ["head-of-government", "interior"], day="2025-01-15")
    diff = json.loads(run(["protsoc", "diff", "HEAD", "--format", "json"], cwd=tree.repo).stdout)
    said = [s["text"] for record in diff["records"] for s in record["sentences"]]
    assert said == [
        "erratum steering/2024-11-26-2 added: corrects the minutes of steering/2024-11-26 "
        "(reason: «تصحيح مكان الاجتماع», approved)"
    ]
    checked = run(["protsoc", "validate", "--changed-since", "HEAD"], cwd=tree.repo)
    assert checked.exit_code == 0, checked.stdout
    tree.commit("erratum approved")

    # a second correction gets the next free suffix
    again = run(["protsoc", "amend", "steering/2024-11-26", "--reason", "تصحيح ثان"], cwd=tree.repo)
    assert again.exit_code == 0
    assert (
        tree.read("meetings/steering/2024-11-26-3.yaml")["minutes"]["amends"]
        == "steering/2024-11-26"
    )


def test_draft_minutes_are_edited_not_amended(registry_tree: RegistryTree, run: Any) -> None:
    outcome = run(
        ["protsoc", "amend", "steering/2024-11-26", "--reason", "سبب"], cwd=registry_tree.repo
    )

    assert outcome.exit_code == 2
    assert "the minutes of steering/2024-11-26 are not approved yet" in outcome.stderr
    assert "corrected by command (protsoc set decision" in " ".join(outcome.stderr.split())
    assert not registry_tree.path(ERRATUM_FILE).exists()


def test_unknown_meeting(registry_tree: RegistryTree, run: Any) -> None:
    outcome = run(
        ["protsoc", "amend", "steering/2030-01-01", "--reason", "سبب"], cwd=registry_tree.repo
    )

    assert outcome.exit_code == 2
    assert "no meeting 'steering/2030-01-01'" in outcome.stderr


def test_broken_seal_must_be_restored_first(make_registry: Any, run: Any) -> None:
    tree = approved(make_registry)
    tree.patch(MEETING_FILE, {"number": 9})

    outcome = run(["protsoc", "amend", "steering/2024-11-26", "--reason", "سبب"], cwd=tree.repo)

    assert outcome.exit_code == 1
    assert "no longer match their seal" in outcome.stderr
    assert not tree.path(ERRATUM_FILE).exists()


def test_reason_is_required(make_registry: Any, run_process: Any) -> None:
    tree = approved(make_registry)

    missing = run_process(["protsoc", "amend", "steering/2024-11-26"], cwd=tree.repo)
    blank = run_process(
        ["protsoc", "amend", "steering/2024-11-26", "--reason", "  "], cwd=tree.repo
    )

    assert missing.exit_code == 2 and "--reason" in missing.stderr
    assert blank.exit_code == 2 and "needs a reason" in blank.stderr
    assert "Traceback" not in missing.stderr + blank.stderr


def test_erratum_flow_with_the_real_approve_command(
    registry_tree: RegistryTree, run: Any, run_process: Any
) -> None:
    repo = registry_tree.repo
    for member in ("head-of-government", "interior"):
        approved_now = run(
            ["protsoc", "approve", "steering/2024-11-26", "--by", member, "--date", "2024-12-10"],
            cwd=repo,
        )
        assert approved_now.exit_code == 0, approved_now.output
    assert registry_tree.read(MEETING_FILE)["minutes"]["status"] == "approved"
    registry_tree.commit("minutes approved")
    original = registry_tree.path(MEETING_FILE).read_bytes()

    assert (
        run(
            ["protsoc", "amend", "steering/2024-11-26", "--reason", "تصحيح مكان الاجتماع"], cwd=repo
        ).exit_code
        == 0
    )
    registry_tree.patch(ERRATUM_FILE, {"place": {"ar": "الرباط - مقر رئاسة الحكومة"}})
    for member in ("head-of-government", "interior"):
        assert (
            run(
                [
                    "protsoc",
                    "approve",
                    "steering/2024-11-26-2",
                    "--by",
                    member,
                    "--date",
                    "2025-01-15",
                ],
                cwd=repo,
            ).exit_code
            == 0
        )

    erratum = registry_tree.read(ERRATUM_FILE)
    assert (
        erratum["minutes"]["status"] == "approved"
        and erratum["minutes"]["amends"] == "steering/2024-11-26"
    )
    assert registry_tree.path(MEETING_FILE).read_bytes() == original
    checked = run_process(["protsoc", "validate", "--changed-since", "HEAD"], cwd=repo)
    assert checked.exit_code == 0, checked.stdout
    said = run_process(["protsoc", "diff", "HEAD"], cwd=repo).stdout
    assert (
        "- erratum steering/2024-11-26-2 added: corrects the minutes of steering/2024-11-26 "
        "(reason: «تصحيح مكان الاجتماع», approved)"
    ) in said


def test_corrections_map_originals_to_their_latest_approved_erratum(
    make_registry: Any, run: Any
) -> None:
    from protsoc.clerk import errata
    from protsoc.registry.loaded import Registry

    tree = approved(make_registry)
    run(["protsoc", "amend", "steering/2024-11-26", "--reason", "أول"], cwd=tree.repo)
    assert (
        errata.corrections(Registry.load(tree.root)) == {}
    )  # a draft erratum corrects nothing yet
    approve(tree, ERRATUM_FILE, ["head-of-government", "interior"])
    run(["protsoc", "amend", "steering/2024-11-26-2", "--reason", "ثان"], cwd=tree.repo)
    approve(tree, "meetings/steering/2024-11-26-3.yaml", ["head-of-government", "interior"])

    registry = Registry.load(tree.root)

    assert errata.corrections(registry) == {
        "steering/2024-11-26": "steering/2024-11-26-3",
        "steering/2024-11-26-2": "steering/2024-11-26-3",
    }
    assert errata.is_erratum(tree.read(ERRATUM_FILE)) and not errata.is_erratum(
        tree.read(MEETING_FILE)
    )


def test_commit_on_a_new_branch(make_registry: Any, run: Any) -> None:
    from test_diff import git

    tree = approved(make_registry)

    outcome = run(
        [
            "protsoc",
            "amend",
            "steering/2024-11-26",
            "--reason",
            "تصحيح",
            "--source",
            "رسالة الكتابة العامة",
            "--commit",
            "--branch",
            "clerk/erratum",
        ],
        cwd=tree.repo,
    )

    assert outcome.exit_code == 0, outcome.output
    assert (
        git(tree.repo, "log", "-1", "--format=%s").strip()
        == "erratum(steering): amend 2024-11-26 as 2024-11-26-2"
    )
    assert git(tree.repo, "branch", "--show-current").strip() == "clerk/erratum"
    assert git(tree.repo, "show", "--name-only", "--format=", "HEAD").split() == [
        "registry/meetings/steering/2024-11-26-2.yaml"
    ]
    assert tree.read(ERRATUM_FILE)["sources"][-1] == {"document": "رسالة الكتابة العامة"}
