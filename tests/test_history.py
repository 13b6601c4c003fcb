"""`protsoc history ID`: who changed a record, when, in which commit, across renames."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from conftest import RegistryTree
from test_diff import INDICATOR, git


def commit_as(tree: RegistryTree, author: str, message: str) -> None:
    git(tree.repo, "add", "-A")
    subprocess.run(
        [
            "git",
            "-c",
            f"user.name={author}",
            "-c",
            f"user.email={author.split()[0].lower()}@gov.invalid",
            "commit",
            "-q",
            "-m",
            message,
        ],
        cwd=tree.repo,
        check=True,
    )


def renamed_indicator(make_registry: Any) -> RegistryTree:
    tree = make_registry(
        {"roadmap/indicators/amo-tadamon.yaml": {**INDICATOR, "id": "amo-tadamon"}}, commit=False
    )
    commit_as(tree, "Amina Clerk", "indicator: add amo-tadamon")
    tree.patch(
        "roadmap/indicators/amo-tadamon.yaml",
        lambda data: data["observations"].append(
            {"date": "2025-06-30", "value": 11400000, "source": {"document": "report"}}
        ),
    )
    commit_as(tree, "Youssef Analyst", "indicator: June figure")
    git(
        tree.repo,
        "mv",
        "registry/roadmap/indicators/amo-tadamon.yaml",
        "registry/roadmap/indicators/amo-tadamon-beneficiaries.yaml",
    )
    tree.patch(
        "roadmap/indicators/amo-tadamon-beneficiaries.yaml", {"id": "amo-tadamon-beneficiaries"}
    )
    commit_as(tree, "Amina Clerk", "indicator: clearer id")
    return tree


def test_history_follows_a_rename(make_registry: Any, run: Any) -> None:
    tree = renamed_indicator(make_registry)

    outcome = run(
        ["protsoc", "history", "amo-tadamon-beneficiaries", "--format", "json"], cwd=tree.repo
    )

    assert outcome.exit_code == 0, outcome.output
    commits = json.loads(outcome.stdout)["commits"]
    assert [(c["author"], c["subject"]) for c in commits] == [
        ("Amina Clerk", "indicator: clearer id"),
        ("Youssef Analyst", "indicator: June figure"),
        ("Amina Clerk", "indicator: add amo-tadamon"),
    ]
    assert commits[0]["old_path"] == "registry/roadmap/indicators/amo-tadamon.yaml"
    assert commits[0]["path"] == "registry/roadmap/indicators/amo-tadamon-beneficiaries.yaml"
    assert commits[1]["changes"] == [
        "indicator amo-tadamon: new observation 2025-06-30 = 11.4 million (+2.7% since 2024-11-26)"
    ]
    assert commits[2]["changes"] == [
        "indicator amo-tadamon added (1 observation, latest 2024-11-26 = more than 11.1 million)"
    ]
    assert all(len(c["commit"]) == 40 and c["date"][:4].isdigit() for c in commits)


def test_history_text_in_a_real_process(make_registry: Any, run_process: Any) -> None:
    tree = renamed_indicator(make_registry)

    outcome = run_process(
        ["protsoc", "history", "indicator:amo-tadamon-beneficiaries"], cwd=tree.repo
    )

    assert outcome.exit_code == 0, outcome.stderr
    lines = outcome.stdout.splitlines()
    assert lines[0] == (
        "history of indicator:amo-tadamon-beneficiaries "
        "(registry/roadmap/indicators/amo-tadamon-beneficiaries.yaml), newest first:"
    )
    assert (
        "    renamed: registry/roadmap/indicators/amo-tadamon.yaml -> "
        "registry/roadmap/indicators/amo-tadamon-beneficiaries.yaml" in lines
    )
    assert sum("Amina Clerk <amina@gov.invalid>" in line for line in lines) == 2


def test_meeting_and_decision_ids(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch("meetings/steering/2024-11-26.yaml", {"status": "cancelled"})
    commit_as(registry_tree, "Amina Clerk", "meeting(steering): cancelled")

    meeting = run(["protsoc", "history", "steering/2024-11-26"], cwd=registry_tree.repo)
    decision = run(["protsoc", "history", "steering/2024-11-26/d1"], cwd=registry_tree.repo)

    assert meeting.exit_code == 0
    assert (
        "    - meeting steering/2024-11-26: status changed from held to cancelled" in meeting.stdout
    )
    assert decision.stdout.split("\n", 1)[1] == meeting.stdout.split("\n", 1)[1]


def test_deleted_record_history(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.delete("meetings/steering/2024-11-26.yaml")
    commit_as(registry_tree, "Amina Clerk", "meeting: remove")

    outcome = run(["protsoc", "history", "steering/2024-11-26"], cwd=registry_tree.repo)

    assert outcome.exit_code == 0
    assert "    - meeting steering/2024-11-26 removed" in outcome.stdout


def test_ambiguous_and_unknown_ids(make_registry: Any, run: Any) -> None:
    tree = make_registry({"roadmap/indicators/steering.yaml": {**INDICATOR, "id": "steering"}})

    ambiguous = run(["protsoc", "history", "steering"], cwd=tree.repo)
    chosen = run(["protsoc", "history", "committee:steering"], cwd=tree.repo)
    unknown = run(["protsoc", "history", "nothing-here"], cwd=tree.repo)

    assert ambiguous.exit_code == 2 and "KIND:ID" in ambiguous.stderr
    assert chosen.exit_code == 0 and "registry/committees/steering.yaml" in chosen.stdout
    assert unknown.exit_code == 2 and "no record 'nothing-here'" in unknown.stderr


def test_member_post_history(registry_tree: RegistryTree, run: Any) -> None:
    def rename(data: dict[str, Any]) -> None:
        data["members"][1]["titles"].append(
            {"title": {"ar": "وزير الداخلية والجماعات الترابية"}, "since": "2025-01-01"}
        )

    registry_tree.patch("committees/steering.yaml", rename)
    commit_as(registry_tree, "Amina Clerk", "member(steering): interior renamed")
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "ملاحظة"}})
    commit_as(registry_tree, "Youssef Analyst", "committee(steering): note")

    outcome = run(
        ["protsoc", "history", "steering/interior", "--format", "json"], cwd=registry_tree.repo
    )

    assert outcome.exit_code == 0, outcome.output
    commits = json.loads(outcome.stdout)["commits"]
    assert [c["subject"] for c in commits] == [
        "member(steering): interior renamed",
        "minimal registry",
    ]
    assert commits[0]["changes"] == [
        "member steering/interior: title changed since 2025-01-01 to "
        "«وزير الداخلية والجماعات الترابية»"
    ]
