"""`protsoc evaluations` and the independence rule (seed 001, ثالثا - II)."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import MEETING, SEED_MEETING, SHIPPED_REGISTRY, RegistryTree


def src() -> dict[str, str]:
    return {"document": SEED_MEETING}


def meeting() -> dict[str, Any]:
    data = copy.deepcopy(MEETING)
    data["decisions"] = [
        {"id": "d1", "kind": "decision", "text": {"ar": "إطلاق تقييم نظام التأمين"}},
        {"id": "d2", "kind": "recommendation", "text": {"ar": "مراجعة مساطر الاستهداف"}},
    ]
    return data


def evaluation(evaluator_id: str, managing: list[str], **fields: Any) -> dict[str, Any]:
    record = {
        "id": "amo-evaluation",
        "title": {"ar": "تقييم نظام التأمين الإجباري الأساسي عن المرض"},
        "kind": "evaluation",
        "commissioned_by": "steering/2024-11-26/d1",
        "evaluator": {"id": evaluator_id, "name": {"ar": "هيئة التقييم"}, "kind": "inspectorate"},
        "scope": {
            "title": {"ar": "نظام التأمين الإجباري الأساسي عن المرض"},
            "managing_bodies": managing,
        },
        "status": "ongoing",
        "sources": [src()],
    }
    record.update(fields)
    return record


def rules_found(run, tree: RegistryTree) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "validate", "--format", "json", "--registry", str(tree.root)])
    return {f["rule"]: f for f in json.loads(outcome.stdout)["errors"]}


def test_cnss_cannot_evaluate_a_cnss_managed_scheme(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting(),
            "roadmap/evaluations/amo-evaluation.yaml": evaluation("cnss", ["cnss", "cnops"]),
        }
    )
    outcome = run(["protsoc", "validate", "--registry", str(tree.root)])
    assert outcome.exit_code == 1
    found = rules_found(run, tree)["evaluation-independence"]
    assert found["severity"] == "error"
    assert "`cnss`" in found["message"] and "independent" in found["message"]
    assert found["json_path"] == "$.evaluator.id"
    assert "General Inspectorate of Finance" in found["hint"]


def test_an_inspectorate_of_the_managing_ministry_is_not_independent(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    record = evaluation("health-inspectorate", ["ministry-health"])
    record["evaluator"]["part_of"] = ["ministry-health"]
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting(),
            "roadmap/evaluations/amo-evaluation.yaml": record,
        }
    )
    found = rules_found(run, tree)
    assert "evaluation-independence" in found
    assert "belongs to `ministry-health`" in found["evaluation-independence"]["message"]


def test_the_general_inspectorate_of_finance_is_independent(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting(),
            "roadmap/evaluations/amo-evaluation.yaml": evaluation("igf", ["cnss", "cnops"]),
        }
    )
    outcome = run(["protsoc", "validate", "--registry", str(tree.root)])
    assert outcome.exit_code == 0, outcome.stdout
    assert "evaluation-independence" not in rules_found(run, tree)


def test_evaluations_listing(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    record = evaluation(
        "igf",
        ["cnss"],
        report={"title": {"ar": "تقرير التقييم"}, "reference": "IGF-2025-01"},
        recommendations=[
            {
                "id": "r1",
                "text": {"ar": "مراجعة مساطر الاستهداف"},
                "decision": "steering/2024-11-26/d2",
            },
            {"id": "r2", "text": {"ar": "توصية لم تعتمد بعد"}},
        ],
    )
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting(),
            "roadmap/evaluations/amo-evaluation.yaml": record,
        }
    )
    text = run(["protsoc", "evaluations", "--registry", str(tree.root)])
    assert text.exit_code == 0
    assert "amo-evaluation" in text.stdout and "IGF-2025-01" in text.stdout
    assert "2 (1 decided)" in text.stdout
    assert "r1: مراجعة مساطر الاستهداف -> steering/2024-11-26/d2" in text.stdout
    payload = json.loads(
        run(["protsoc", "evaluations", "--format", "json", "--registry", str(tree.root)]).stdout
    )
    row = payload["evaluations"][0]
    assert row["commissioning_decision"] == "إطلاق تقييم نظام التأمين"
    assert row["independent"] is True and row["conflicts"] == []
    assert [(r["id"], r["decision_exists"]) for r in row["recommendations"]] == [
        ("r1", True),
        ("r2", False),
    ]
    assert set(row) >= {
        "id",
        "title",
        "kind",
        "status",
        "commissioned_by",
        "evaluator",
        "evaluator_kind",
        "scope",
        "managing_bodies",
        "report_reference",
        "recommendations",
        "independent",
    }


def test_listing_marks_a_dependent_evaluator(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting(),
            "roadmap/evaluations/amo-evaluation.yaml": evaluation("cnss", ["cnss"]),
        }
    )
    outcome = run(["protsoc", "evaluations", "--registry", str(tree.root)])
    assert outcome.exit_code == 0
    assert "no (cnss)" in outcome.stdout


def test_recommendation_citing_a_missing_decision(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    record = evaluation(
        "igf",
        ["cnss"],
        recommendations=[
            {"id": "r1", "text": {"ar": "توصية"}, "decision": "steering/2024-11-26/d7"}
        ],
    )
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting(),
            "roadmap/evaluations/amo-evaluation.yaml": record,
        }
    )
    found = rules_found(run, tree)
    assert found["ref-decision"]["json_path"] == "$.recommendations[0].decision"


def test_an_evaluation_launched_by_another_committee_is_warned(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    from conftest import STEERING

    technical = copy.deepcopy(STEERING)
    technical.update({"id": "technical", "kind": "technical"})
    technical_meeting = {**meeting(), "id": "technical/2024-11-26", "committee": "technical"}
    record = evaluation("igf", ["cnss"], commissioned_by="technical/2024-11-26/d1")
    tree = make_registry(
        {
            "committees/technical.yaml": technical,
            "meetings/technical/2024-11-26.yaml": technical_meeting,
            "meetings/steering/2024-11-26.yaml": meeting(),
            "roadmap/evaluations/amo-evaluation.yaml": record,
        }
    )
    found = rules_found(run, tree)
    assert found["evaluation-not-steering"]["severity"] == "warning"


def test_no_evaluations_is_not_an_error(run_process, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, root)
    outcome = run_process(["protsoc", "evaluations", "--registry", str(root)])
    assert outcome.exit_code == 0, outcome.output
    assert "no evaluations recorded" in outcome.stdout
    payload = run_process(["protsoc", "evaluations", "--format", "json", "--registry", str(root)])
    assert json.loads(payload.stdout) == {"format_version": 2, "evaluations": []}


@pytest.mark.parametrize("fmt", ["xml", "csv"])
def test_unknown_format(run, make_registry, fmt: str) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry()
    outcome = run(["protsoc", "evaluations", "--format", fmt, "--registry", str(tree.root)])
    assert outcome.exit_code == 2 and "unknown --format" in outcome.stderr
