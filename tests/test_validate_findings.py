"""Findings a clerk acts on: misread values that hide nothing else, no cascades, helpful hints."""

import copy
import os
import subprocess
import sys

from conftest import MEETING


def test_an_unquoted_time_and_an_unknown_attendee_are_both_reported(make_registry, run) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["attendance"].append({"member": "stranger", "status": "present"})
    tree = make_registry({"meetings/steering/2024-11-26.yaml": meeting})
    path = tree.root / "meetings/steering/2024-11-26.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "time: 10:30\n", encoding="utf-8")

    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)

    import json

    rules = {finding["rule"] for finding in json.loads(outcome.stdout)["errors"]}
    assert outcome.exit_code == 1
    assert {"yaml-implicit-type", "ref-member"} <= rules
    assert "schema-type" not in rules  # the time is kept as the text typed, not as 630


def test_a_misspelt_attendee_gets_the_member_id_it_resembles(make_registry, run) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["attendance"][1]["member"] = "interiour"
    tree = make_registry({"meetings/steering/2024-11-26.yaml": meeting})

    outcome = run(["protsoc", "validate"], cwd=tree.repo)

    assert outcome.exit_code == 1
    assert "[ref-member]" in outcome.stdout and "did you mean `interior`?" in outcome.stdout


def test_an_unreadable_meeting_or_committee_is_one_finding_not_a_cascade(
    make_registry, run
) -> None:
    action = {
        "id": "plan",
        "title": {"ar": "مخطط عمل"},
        "decisions": ["steering/2024-11-26/d1"],
        "owner": "steering/interior",
        "status": "not-started",
        "progress": 0,
    }
    tree = make_registry({"roadmap/actions/plan.yaml": action})
    meeting = tree.root / "meetings/steering/2024-11-26.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "status: planned\n", encoding="utf-8")
    committee = tree.root / "committees/steering.yaml"
    committee.write_text(
        committee.read_text(encoding="utf-8") + "kind: technical\n", encoding="utf-8"
    )

    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)

    import json

    findings = json.loads(outcome.stdout)["errors"]
    assert outcome.exit_code == 1
    assert sorted((f["rule"], f["file"].rsplit("/", 1)[-1]) for f in findings) == [
        ("yaml-duplicate-key", "2024-11-26.yaml"),
        ("yaml-duplicate-key", "steering.yaml"),
    ]


def test_a_list_where_the_committee_id_belongs_is_a_finding_not_a_crash(make_registry, run) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["committee"] = []
    tree = make_registry({"meetings/steering/2024-11-26.yaml": meeting})

    outcome = run(["protsoc", "validate"], cwd=tree.repo)

    assert outcome.exit_code == 1
    assert "[schema-type]" in outcome.stdout


def test_registry_can_be_given_before_the_command_too(registry_tree, run, tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    found = run(["protsoc", "--registry", str(registry_tree.root), "validate"], cwd=elsewhere)
    missing = run(["protsoc", "--registry", str(tmp_path / "nothing"), "status"], cwd=elsewhere)
    # The command's own option wins over the group's.
    both = run(
        ["protsoc", "--registry", str(tmp_path / "nothing"), "validate"]
        + ["--registry", str(registry_tree.root)],
        cwd=elsewhere,
    )

    assert found.exit_code == 0 and "valid" in found.stdout
    assert missing.exit_code == 2 and "--registry points to" in missing.stderr
    assert "holds no protsoc.yaml" in missing.stderr
    assert both.exit_code == 0 and "valid" in both.stdout


def test_the_group_option_reaches_the_command_without_the_environment(
    registry_tree, tmp_path
) -> None:
    """Handed over in Click's context: the process (the library, git, validation's workers) never
    sees a PROTSOC_REGISTRY the user did not set."""
    code = (
        "import os, sys\n"
        "from protsoc.cli.main import app\n"
        "app(['--registry', sys.argv[1], 'validate'], prog_name='protsoc', standalone_mode=False)\n"
        "print('after:', os.environ.get('PROTSOC_REGISTRY'))\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "PROTSOC_REGISTRY"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(registry_tree.root)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "NO_COLOR": "1", "TERM": "dumb"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout
    assert "after: None" in done.stdout
