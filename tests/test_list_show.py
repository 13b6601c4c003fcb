"""protsoc list and protsoc show: tables for people, JSON for scripts."""

from __future__ import annotations

import json

ENV = {"PROTSOC_LANG": "en"}


def test_list_meetings_and_members_as_json_and_table(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    meetings = run(
        ["protsoc", "list", "meetings", "--format", "json"], cwd=registry_tree.repo, env=ENV
    )
    assert meetings.exit_code == 0
    listed = json.loads(meetings.stdout)
    assert listed["format_version"] == 2 and listed["kind"] == "meeting"
    assert listed["records"] == [
        {
            "id": "steering/2024-11-26",
            "date": "2024-11-26",
            "status": "held",
            "place": "الرباط",
            "minutes": None,
            "approvals": 0,
        }
    ]
    members = json.loads(
        run(
            ["protsoc", "list", "members", "--committee", "steering", "--format", "json"],
            cwd=registry_tree.repo,
            env=ENV,
        ).stdout
    )["records"]
    health = next(m for m in members if m["id"] == "health")
    assert (
        health["title"] == "وزير الصحة والحماية الاجتماعية"
    )  # the title in force, not the 2018 one
    table = run(["protsoc", "list", "committees"], cwd=registry_tree.repo, env=ENV)
    assert table.exit_code == 0 and "steering" in table.stdout and "لجنة القيادة" in table.stdout


def test_list_refuses_unknown_kinds_and_committees(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    bad_kind = run(["protsoc", "list", "people"], cwd=registry_tree.repo, env=ENV)
    assert bad_kind.exit_code == 2 and "cannot list 'people'" in bad_kind.stderr
    bad_committee = run(
        ["protsoc", "list", "meetings", "--committee", "nope"], cwd=registry_tree.repo, env=ENV
    )
    assert bad_committee.exit_code == 2 and "unknown committee 'nope'" in bad_committee.stderr


def test_show_a_meeting_with_its_approval_state(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    assert (
        run(
            [
                "protsoc",
                "approve",
                "steering/2024-11-26",
                "--by",
                "interior",
                "--date",
                "2024-12-01",
            ],
            cwd=registry_tree.repo,
            env=ENV,
        ).exit_code
        == 0
    )
    shown = run(["protsoc", "show", "steering/2024-11-26"], cwd=registry_tree.repo, env=ENV)
    assert shown.exit_code == 0
    assert (
        "meeting steering/2024-11-26" in shown.stdout and "id: steering/2024-11-26" in shown.stdout
    )
    assert "minutes: draft; approvals 1/2 (majority-of-attendees)" in shown.stdout
    data = json.loads(
        run(
            ["protsoc", "show", "steering/2024-11-26", "--format", "json"],
            cwd=registry_tree.repo,
            env=ENV,
        ).stdout
    )
    assert data["summary"] == {
        "minutes": "draft",
        "approvals": 1,
        "needed": 2,
        "rule": "majority-of-attendees",
        "may_approve": ["head-of-government", "interior"],
    }


def test_show_a_committee_a_decision_and_an_unknown_id(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    committee = run(
        ["protsoc", "show", "steering", "--format", "json"], cwd=registry_tree.repo, env=ENV
    )
    assert json.loads(committee.stdout)["kind"] == "committee"
    run(
        ["protsoc", "add", "decision", "steering/2024-11-26", "قرار"],
        cwd=registry_tree.repo,
        env=ENV,
    )
    decision = run(["protsoc", "show", "steering/2024-11-26/d1"], cwd=registry_tree.repo, env=ENV)
    assert (
        decision.exit_code == 0 and "text:" in decision.stdout and "actions: -" in decision.stdout
    )
    unknown = run(["protsoc", "show", "nothing"], cwd=registry_tree.repo, env=ENV)
    assert unknown.exit_code == 2 and "no record with id 'nothing'" in unknown.stderr
