"""protsoc approve: approvals counted under the committee's rule; minutes approved and sealed
when reached."""

from __future__ import annotations

import copy

import pytest
from conftest import STEERING

from protsoc.governance import approval, seal

ENV = {"PROTSOC_LANG": "en"}
MEETING = "steering/2024-11-26"
FILE = "meetings/steering/2024-11-26.yaml"


def approve(run, tree, member, day="2024-12-02"):  # type: ignore[no-untyped-def]
    return run(
        ["protsoc", "approve", MEETING, "--by", member, "--date", day], cwd=tree.repo, env=ENV
    )


def with_rule(rule):  # type: ignore[no-untyped-def]
    committee = copy.deepcopy(STEERING)
    committee["approval_rule"] = rule
    return {"committees/steering.yaml": committee}


def test_default_rule_is_a_majority_of_attendees_then_approved_and_sealed(
    registry_tree, run
) -> None:  # type: ignore[no-untyped-def]
    first = approve(run, registry_tree, "interior")
    assert first.exit_code == 0, first.output
    assert "approvals 1/2: the minutes stay draft" in first.stdout
    minutes = registry_tree.read(FILE)["minutes"]
    assert minutes == {
        "status": "draft",
        "approvals": [{"member": "interior", "date": "2024-12-02"}],
    }
    second = approve(run, registry_tree, "head-of-government", "2024-12-03")
    assert second.exit_code == 0, second.output
    assert "approvals 2/2: the minutes are approved and sealed" in second.stdout
    meeting = registry_tree.read(FILE)
    assert meeting["minutes"]["status"] == "approved"
    assert meeting["minutes"]["approved_on"] == "2024-12-03"
    assert meeting["minutes"]["seal"]["algorithm"] == "sha256"
    assert seal.is_intact(meeting) is True
    assert run(["protsoc", "validate"], cwd=registry_tree.repo, env=ENV).exit_code == 0


@pytest.mark.parametrize(
    "member, day, message",
    [
        ("health", "2024-12-02", "health did not attend steering/2024-11-26"),
        ("finance", "2024-12-02", "'finance' is not a member post of steering"),
        ("interior", "2024-11-25", "the approval date 2024-11-25 is before the meeting"),
        ("interior", "2199-01-01", "the approval date 2199-01-01 is in the future"),
        ("interior", "2024-02-30", "'2024-02-30' is not a real date"),
    ],
)
def test_refused_approvals(registry_tree, run, member, day, message) -> None:  # type: ignore[no-untyped-def]
    before = registry_tree.path(FILE).read_bytes()
    result = approve(run, registry_tree, member, day)
    assert result.exit_code == 2
    assert message in result.stderr
    assert registry_tree.path(FILE).read_bytes() == before


def test_a_member_approves_once_and_approved_minutes_are_closed(registry_tree, run) -> None:  # type: ignore[no-untyped-def]
    assert approve(run, registry_tree, "interior").exit_code == 0
    twice = approve(run, registry_tree, "interior")
    assert twice.exit_code == 2 and "interior has already approved the minutes" in twice.stderr
    assert approve(run, registry_tree, "head-of-government").exit_code == 0
    closed = run(["protsoc", "add", "agenda-item", MEETING, "بند"], cwd=registry_tree.repo, env=ENV)
    assert closed.exit_code == 2 and "approved and sealed" in closed.stderr


def test_a_planned_meeting_cannot_be_approved(make_registry, run) -> None:  # type: ignore[no-untyped-def]
    from conftest import MEETING as MEETING_DATA

    planned = copy.deepcopy(MEETING_DATA)
    planned["status"] = "planned"
    tree = make_registry({FILE: planned})
    result = approve(run, tree, "interior")
    assert result.exit_code == 2
    assert "is not marked held" in result.stderr and "--status held" in result.stderr


def test_majority_of_members_lets_an_absent_member_approve(make_registry, run) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(with_rule({"kind": "majority-of-members"}))
    assert "approvals 1/2" in approve(run, tree, "health").stdout
    assert "approved and sealed" in approve(run, tree, "interior").stdout


def test_all_attendees_and_count_rules(make_registry, run) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(with_rule({"kind": "count", "count": 1}), name="count")
    assert (
        "approvals 1/1: the minutes are approved and sealed"
        in approve(run, tree, "interior").stdout
    )
    tree = make_registry(with_rule({"kind": "all-attendees"}), name="all")
    assert "approvals 1/2: the minutes stay draft" in approve(run, tree, "interior").stdout


def test_tally_counts_represented_members_as_attendees() -> None:
    committee = {"members": [{"id": m} for m in ("a", "b", "c", "d", "e")]}
    meeting = {
        "date": "2025-01-01",
        "attendance": [
            {"member": "a", "status": "present"},
            {"member": "b", "status": "represented", "represented_by": {"ar": "س"}},
            {"member": "c", "status": "excused"},
            {"member": "guest-1", "status": "present"},
        ],
        "minutes": {"status": "draft", "approvals": [{"member": "a", "date": "2025-01-02"}]},
    }
    tally = approval.tally(meeting, committee)
    assert (tally.rule, tally.voters, tally.needed, tally.approvals, tally.reached) == (
        "majority-of-attendees",
        ["a", "b"],
        2,
        1,
        False,
    )


def test_approving_a_hand_written_meeting_keeps_its_comments_and_the_seal_holds(
    registry_tree, run
) -> None:  # type: ignore[no-untyped-def]
    path = registry_tree.path(FILE)
    text = path.read_text(encoding="utf-8").replace(
        "status: held\n", "status: held  # confirmed by the chair's office\n"
    )
    path.write_text(
        "# Typed by the secretariat from the signed attendance sheet.\n" + text, encoding="utf-8"
    )
    assert approve(run, registry_tree, "interior").exit_code == 0
    assert approve(run, registry_tree, "head-of-government").exit_code == 0
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# Typed by the secretariat from the signed attendance sheet.\n")
    assert "status: held  # confirmed by the chair's office" in written
    meeting = registry_tree.read(FILE)
    assert meeting["minutes"]["status"] == "approved" and seal.is_intact(meeting) is True
