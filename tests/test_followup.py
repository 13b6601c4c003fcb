"""`protsoc decisions` and the action-plan rules: lateness on an as-of date, decisions with no
plan."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from conftest import MEETING, SEED_MEETING, RegistryTree


def meeting_with_decisions(*decisions: dict[str, Any], date: str = "2024-11-26") -> dict[str, Any]:
    meeting = copy.deepcopy(MEETING)
    meeting["id"] = f"steering/{date}"
    meeting["date"] = date
    meeting["decisions"] = [
        {
            "id": f"d{index + 1}",
            "kind": "decision",
            "text": {"ar": f"قرار تجريبي {index + 1}"},
            **extra,
        }
        for index, extra in enumerate(decisions)
    ]
    return meeting


def action(action_id: str, decisions: list[str], **fields: Any) -> dict[str, Any]:
    record = {
        "id": action_id,
        "title": {"ar": "مخطط عمل تجريبي"},
        "decisions": decisions,
        "owner": "steering/health",
        "status": "in-progress",
        "progress": 40,
        "sources": [{"document": SEED_MEETING}],
    }
    record.update(fields)
    return record


@pytest.fixture
def followed(make_registry) -> RegistryTree:  # type: ignore[no-untyped-def]
    """d1: one plan due 2025-01-31, in progress; d2: no plan at all; d3: a plan that is done;
    d4: due 2025-03-31, no plan."""
    return make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting_with_decisions(
                {"owner": "interior"}, {}, {}, {"due": "2025-03-31"}
            ),
            "roadmap/actions/register-plan.yaml": action(
                "register-plan", ["steering/2024-11-26/d1"], due="2025-01-31"
            ),
            "roadmap/actions/done-plan.yaml": action(
                "done-plan",
                ["steering/2024-11-26/d3"],
                due="2025-01-31",
                status="done",
                progress=100,
                completed_on="2025-01-20",
            ),
        }
    )


def decisions_json(run, tree: RegistryTree, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "decisions", "--format", "json", "--registry", str(tree.root), *args])
    assert outcome.exit_code == 0, outcome.output
    return json.loads(outcome.stdout)


def by_ref(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["ref"]: d for d in payload["decisions"]}


def test_an_action_is_late_the_day_after_its_due_date(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    on_due_day = by_ref(decisions_json(run, followed, "--as-of", "2025-01-31"))
    assert on_due_day["steering/2024-11-26/d1"]["late"] is False
    assert on_due_day["steering/2024-11-26/d1"]["actions"][0]["late"] is False

    day_after = by_ref(decisions_json(run, followed, "--as-of", "2025-02-01"))
    d1 = day_after["steering/2024-11-26/d1"]
    assert d1["late"] is True and d1["state"] == "late"
    assert d1["actions"][0]["days_late"] == 1
    assert d1["owner"] == "interior" and d1["progress"] == 40


def test_done_actions_are_never_late_but_were_open_before_completion(
    run, followed: RegistryTree
) -> None:  # type: ignore[no-untyped-def]
    later = by_ref(decisions_json(run, followed, "--as-of", "2026-01-01"))
    assert later["steering/2024-11-26/d3"]["state"] == "done"
    assert later["steering/2024-11-26/d3"]["late"] is False
    before = by_ref(decisions_json(run, followed, "--as-of", "2025-01-10"))
    assert before["steering/2024-11-26/d3"]["state"] == "open"  # completed on 2025-01-20 only


def test_decisions_without_action_plan_are_flagged(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    payload = decisions_json(run, followed, "--as-of", "2025-02-01")
    rows = by_ref(payload)
    assert rows["steering/2024-11-26/d2"]["no_plan"] is True
    assert rows["steering/2024-11-26/d2"]["actions"] == []
    assert rows["steering/2024-11-26/d1"]["no_plan"] is False
    assert payload["counts"]["without_plan"] == 2
    text = run(["protsoc", "decisions", "--as-of", "2025-02-01", "--registry", str(followed.root)])
    assert "2 without action plan" in text.stdout
    assert "Technical Committee" in text.stdout


def test_a_decision_past_its_own_due_date_without_plan_is_late(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    assert (
        by_ref(decisions_json(run, followed, "--as-of", "2025-03-31"))["steering/2024-11-26/d4"][
            "late"
        ]
        is False
    )
    assert (
        by_ref(decisions_json(run, followed, "--as-of", "2025-04-01"))["steering/2024-11-26/d4"][
            "late"
        ]
        is True
    )


def test_status_filter(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    def refs(status: str) -> set[str]:
        return set(
            by_ref(decisions_json(run, followed, "--as-of", "2025-02-01", "--status", status))
        )

    assert refs("late") == {"steering/2024-11-26/d1"}
    assert refs("done") == {"steering/2024-11-26/d3"}
    assert refs("open") == {
        "steering/2024-11-26/d1",
        "steering/2024-11-26/d2",
        "steering/2024-11-26/d4",
    }


def test_fail_on_late_exits_1_only_when_something_is_late(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    base = ["protsoc", "decisions", "--registry", str(followed.root), "--fail-on", "late"]
    assert run([*base, "--as-of", "2025-01-31"]).exit_code == 0
    late = run([*base, "--as-of", "2025-02-01"])
    assert late.exit_code == 1
    assert "1 late" in late.stdout
    assert (
        run(
            [
                "protsoc",
                "decisions",
                "--registry",
                str(followed.root),
                "--fail-on",
                "no-plan",
                "--as-of",
                "2025-01-01",
            ]
        ).exit_code
        == 1
    )


def test_fail_on_late_in_a_real_process(run_process, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    outcome = run_process(
        ["protsoc", "decisions", "--as-of", "2025-02-01", "--fail-on", "late"], cwd=followed.repo
    )
    assert outcome.exit_code == 1, outcome.output
    assert "steering/2024-11-26/d1" in outcome.stdout
    assert outcome.stderr == ""


def test_decisions_of_later_meetings_are_not_counted_before_they_are_taken(
    run, make_registry
) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(
        {
            "meetings/steering/2025-06-10.yaml": {
                **meeting_with_decisions({}, date="2025-06-10"),
                "status": "planned",
            }
        }
    )
    assert decisions_json(run, tree, "--as-of", "2025-01-01")["decisions"] == []
    assert len(decisions_json(run, tree, "--as-of", "2025-07-01")["decisions"]) == 1


def test_progress_reports_give_the_state_on_a_past_date(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting_with_decisions({}),
            "roadmap/actions/plan.yaml": action(
                "plan",
                ["steering/2024-11-26/d1"],
                status="done",
                progress=100,
                completed_on="2025-05-01",
                due="2025-06-30",
                updates=[
                    {"date": "2025-02-01", "status": "in-progress", "progress": 30},
                    {"date": "2025-05-01", "status": "done", "progress": 100},
                ],
            ),
        }
    )
    then = decisions_json(run, tree, "--as-of", "2025-03-01")["decisions"][0]["actions"][0]
    assert (then["status"], then["progress"]) == ("in-progress", 30)
    now = decisions_json(run, tree, "--as-of", "2025-07-01")["decisions"][0]["actions"][0]
    assert (now["status"], now["progress"], now["late"]) == ("done", 100, False)


def test_committee_filter_and_unknown_committee(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    assert (
        len(
            decisions_json(run, followed, "--committee", "steering", "--as-of", "2025-02-01")[
                "decisions"
            ]
        )
        == 4
    )
    outcome = run(["protsoc", "decisions", "--committee", "nope", "--registry", str(followed.root)])
    assert outcome.exit_code == 2
    assert "no committee `nope`" in outcome.stderr and "steering" in outcome.stderr
    assert outcome.stdout == ""


@pytest.mark.parametrize(
    "args, words",
    [
        (["--status", "stuck"], "unknown --status"),
        (["--fail-on", "everything"], "unknown --fail-on"),
        (["--as-of", "26/11/2024"], "is not a date"),
        (["--format", "xml"], "unknown --format"),
    ],
)
def test_usage_errors_exit_2(run, followed: RegistryTree, args: list[str], words: str) -> None:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "decisions", "--registry", str(followed.root), *args])
    assert outcome.exit_code == 2
    assert words in outcome.stderr


def test_json_shape(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    payload = decisions_json(run, followed, "--as-of", "2025-02-01")
    assert set(payload) == {
        "format_version",
        "as_of",
        "counts",
        "decisions",
        "unlinked_actions",
        "meetings_without_decisions",
    }
    assert payload["as_of"] == "2025-02-01"
    assert set(payload["counts"]) == {"decisions", "late", "without_plan", "done", "late_actions"}
    decision = payload["decisions"][0]
    assert set(decision) >= {
        "ref",
        "meeting",
        "committee",
        "date",
        "kind",
        "text",
        "owner",
        "due",
        "actions",
        "no_plan",
        "late",
        "state",
        "progress",
    }
    assert set(decision["actions"][0]) >= {
        "id",
        "title",
        "owner",
        "due",
        "status",
        "progress",
        "late",
        "days_late",
    }


def test_an_action_citing_no_recorded_decision_is_listed(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(
        {"roadmap/actions/orphan.yaml": action("orphan", ["steering/2024-11-26/d9"])}
    )
    payload = decisions_json(run, tree, "--as-of", "2025-01-01")
    assert [a["id"] for a in payload["unlinked_actions"]] == ["orphan"]


# --- rules ------------------------------------------------------------------------------------


def findings(run, tree: RegistryTree) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "validate", "--format", "json", "--registry", str(tree.root)])
    return json.loads(outcome.stdout)["errors"]


def rules_of(found: list[dict[str, Any]]) -> set[str]:
    return {f["rule"] for f in found}


@pytest.mark.parametrize(
    "fields, rule",
    [
        ({"status": "in-progress", "progress": 100}, "action-progress-not-done"),
        (
            {"status": "done", "progress": 90, "completed_on": "2025-01-01"},
            "action-done-not-complete",
        ),
        (
            {"status": "in-progress", "progress": 50, "completed_on": "2025-01-01"},
            "action-completed-not-done",
        ),
        (
            {
                "status": "in-progress",
                "progress": 50,
                "updates": [{"date": "2025-01-01", "status": "blocked", "progress": 100}],
            },
            "action-progress-not-done",
        ),
    ],
)
def test_progress_and_status_must_agree(
    run, make_registry, fields: dict[str, Any], rule: str
) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting_with_decisions({}),
            "roadmap/actions/plan.yaml": action("plan", ["steering/2024-11-26/d1"], **fields),
        }
    )
    found = [f for f in findings(run, tree) if f["rule"] == rule]
    assert found, findings(run, tree)
    assert found[0]["file"].endswith("roadmap/actions/plan.yaml")
    assert found[0]["hint"]


def test_consistent_actions_raise_no_follow_up_finding(run, followed: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    assert not {r for r in rules_of(findings(run, followed)) if r.startswith("action-")}


def test_completion_in_the_future_is_refused(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    tomorrow = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting_with_decisions({}),
            "roadmap/actions/plan.yaml": action(
                "plan",
                ["steering/2024-11-26/d1"],
                status="done",
                progress=100,
                completed_on=tomorrow,
            ),
        }
    )
    assert "action-completed-in-future" in rules_of(findings(run, tree))


def test_shipped_registry_decisions(run, run_process, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from conftest import SHIPPED_REGISTRY

    copy_root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, copy_root)
    outcome = run_process(
        [
            "protsoc",
            "decisions",
            "--as-of",
            "2026-01-01",
            "--fail-on",
            "late",
            "--registry",
            str(copy_root),
        ]
    )
    assert outcome.exit_code == 0, outcome.output
    # The seeds report the 2024-11-26 meeting's agenda but no decision: none is invented.
    assert "held meetings with no decision recorded: steering/2024-11-26" in outcome.stdout
