"""`protsoc status`: the overview users see first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, RegistryTree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validate_properties import _DATA, _KEYS


def _status_json(run, tree: RegistryTree, *extra: str) -> dict:
    outcome = run(["protsoc", "status", "--format", "json", *extra], cwd=tree.repo)
    assert outcome.exit_code == 0, outcome.stderr
    return json.loads(outcome.stdout)


@pytest.fixture
def full(make_registry) -> RegistryTree:
    """The minimal registry plus the positive examples (a technical committee, decisions, an
    action)."""
    tree = make_registry()
    for path in (EXAMPLES / "valid").rglob("*.yaml"):
        tree.write(path.relative_to(EXAMPLES / "valid").as_posix(), path.read_bytes())
    return tree


def test_status_table_lists_each_committee(full: RegistryTree, run) -> None:
    outcome = run(["protsoc", "status"], cwd=full.repo)
    assert outcome.exit_code == 0
    assert outcome.stderr == ""
    rows = {
        line.split("│")[1].strip(): line
        for line in outcome.stdout.splitlines()
        if line.startswith("│") and line.split("│")[1].strip()
    }
    assert {"steering", "technical"} <= set(rows)
    assert " 3 " in rows["steering"]  # members
    assert "2024-11-26" in rows["steering"]  # last held
    assert "at least 1 meeting per" in outcome.stdout
    assert "رئيس الحكومة" in outcome.stdout  # the chair's title, in Arabic
    assert "لجنة القيادة" in outcome.stdout
    assert "records" in outcome.stdout and "2018-04-03" in outcome.stdout


def test_status_json_overview(full: RegistryTree, run) -> None:
    overview = _status_json(run, full, "--as-of", "2025-06-01")
    assert overview["title"] == "سجل حكامة منظومة الحماية الاجتماعية"
    assert overview["tracking_start"] == "2018-04-03"
    assert overview["records"] == 10  # the positive examples include a programme
    committees = {c["id"]: c for c in overview["committees"]}
    assert [c["id"] for c in overview["committees"]] == [
        "steering",
        "technical",
    ]  # ministerial first
    steering = committees["steering"]
    assert steering["chair"] == "رئيس الحكومة"
    assert steering["members"] == 3
    assert steering["kind"] == "ministerial"
    assert steering["short_name"] == "لجنة القيادة"
    assert steering["cadence_en"] == "at least 1 meeting per calendar year"
    assert steering["last_meeting"] == "2024-11-26"
    assert steering["meetings_held"] == 1
    assert steering["open_decisions"] == 2  # d1 has an action in progress, d2 none
    assert steering["open_actions"] == 1
    technical = committees["technical"]
    assert technical["chair"] is None
    assert technical["cadence_en"] == "at least 1 meeting every 6 months (rolling)"
    assert technical["last_meeting"] is None  # its only meeting was cancelled
    assert technical["meetings_held"] == 0


def test_done_actions_close_their_decision(full: RegistryTree, run) -> None:
    full.patch("roadmap/actions/health-coverage-plan.yaml", {"status": "done", "progress": 100})
    steering = _status_json(run, full)["committees"][0]
    assert (steering["open_decisions"], steering["open_actions"]) == (1, 0)


def test_status_empty_registry_of_committees(make_registry, run) -> None:
    tree = make_registry(
        {"committees/steering.yaml": None, "meetings/steering/2024-11-26.yaml": None}
    )
    assert _status_json(run, tree)["committees"] == []


def test_status_as_of_must_be_a_date(registry_tree: RegistryTree, run) -> None:
    outcome = run(["protsoc", "status", "--as-of", "26/11/2024"], cwd=registry_tree.repo)
    assert outcome.exit_code == 2
    assert "--as-of" in outcome.stderr and "YYYY-MM-DD" in outcome.stderr


def test_status_unknown_format(registry_tree: RegistryTree, run) -> None:
    outcome = run(["protsoc", "status", "--format", "yaml"], cwd=registry_tree.repo)
    assert outcome.exit_code == 2
    assert "unknown --format" in outcome.stderr


def test_status_without_registry(tmp_path: Path, run) -> None:
    outcome = run(["protsoc", "status"], cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "no registry found" in outcome.stderr


def test_status_in_a_real_process_is_plain_text(full: RegistryTree, run_process) -> None:
    outcome = run_process(["protsoc", "status"], cwd=full.repo)
    assert outcome.exit_code == 0
    assert "\x1b[" not in outcome.stdout
    assert "steering" in outcome.stdout and "technical" in outcome.stdout
    assert max(len(line) for line in outcome.stdout.splitlines()) <= 200


def test_status_on_an_invalid_registry_does_not_crash(make_registry, run) -> None:
    """status is not validate: broken records are skipped or shown as they are, never a
    traceback."""
    tree = make_registry()
    tree.write(
        "committees/technical.yaml", "id: technical\nname: not a mapping\nmembers: 3\ncadence: []\n"
    )
    tree.write("meetings/steering/2024-12-01.yaml", "- not\n- a record\n")
    outcome = run(["protsoc", "status", "--format", "json"], cwd=tree.repo)
    assert "internal error" not in outcome.stderr
    if outcome.exit_code != 0:
        assert outcome.exit_code == 1
        assert "registry/committees/technical.yaml" in outcome.stderr
        assert "protsoc validate" in outcome.stderr


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    committee=st.dictionaries(_KEYS, _DATA, max_size=6),
    meeting=st.dictionaries(_KEYS, _DATA, max_size=6),
)
def test_status_on_random_records_is_an_overview_or_a_clear_error(
    make_registry, run, committee, meeting
) -> None:
    tree = make_registry(commit=False, name="random")
    tree.write("committees/technical.yaml", {"id": "technical", **committee})
    tree.write("meetings/technical/2024-12-01.yaml", {"committee": "technical", **meeting})
    outcome = run(["protsoc", "status", "--format", "json"], cwd=tree.repo)
    assert outcome.exit_code in (0, 1), outcome.stderr
    if outcome.exit_code == 1:
        assert "protsoc validate" in outcome.stderr
