"""The follow-up commands on records of the wrong shape: findings or a report, never an internal
error.

`validate` reports such records; `decisions`, `dashboard`, `roadmap` and `evaluations` must still
run (exit 0/1/2) on a registry that is being edited, so every field is replaced in turn with values
of the wrong type.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import MEETING, SEED_MEETING


def src() -> dict[str, str]:
    return {"document": SEED_MEETING}


def records() -> dict[str, dict[str, Any]]:
    meeting = copy.deepcopy(MEETING)
    meeting["decisions"] = [
        {"id": "d1", "kind": "decision", "text": {"ar": "قرار"}, "due": "2025-01-01"}
    ]
    return {
        "meetings/steering/2024-11-26.yaml": meeting,
        "roadmap/roadmap.yaml": {
            "title": {"ar": "خارطة"},
            "owner": "steering",
            "axes": [{"id": "a1", "title": {"ar": "محور"}, "mission": "steering#m"}],
            "milestones": [
                {"id": "m1", "title": {"ar": "مرحلة"}, "axis": "a1", "planned": "2025-01-01"}
            ],
            "resources": [
                {
                    "id": "r1",
                    "title": {"ar": "موارد"},
                    "amount": 10,
                    "currency": "MAD",
                    "axis": "a1",
                }
            ],
            "principles": [{"id": "p1", "text": {"ar": "مبدأ"}}],
            "sources": [src()],
        },
        "roadmap/actions/plan.yaml": {
            "id": "plan",
            "title": {"ar": "إجراء"},
            "decisions": ["steering/2024-11-26/d1"],
            "owner": "steering/interior",
            "axis": "a1",
            "milestone": "m1",
            "due": "2025-01-01",
            "completed_on": "2025-01-01",
            "status": "done",
            "progress": 100,
            "updates": [{"date": "2024-12-01", "progress": 50, "status": "in-progress"}],
            "sources": [src()],
        },
        "roadmap/indicators/ind.yaml": {
            "id": "ind",
            "name": {"ar": "مؤشر"},
            "measure": "percentage",
            "unit": {"ar": "%"},
            "axis": "a1",
            "owner": "steering",
            "frequency": "P1Y",
            "direction": "higher",
            "valid_from": "2020-01-01",
            "baseline": {"value": 1, "date": "2020-01-01", "source": src()},
            "target": {"value": 50, "date": "2030-01-01", "source": src()},
            "observations": [
                {
                    "date": "2024-01-01",
                    "value": 10,
                    "qualifier": "about",
                    "as_reported": {"ar": "10"},
                    "source": src(),
                }
            ],
            "sources": [src()],
        },
        "roadmap/evaluations/ev.yaml": {
            "id": "ev",
            "title": {"ar": "تقييم"},
            "kind": "evaluation",
            "commissioned_by": "steering/2024-11-26/d1",
            "evaluator": {
                "id": "igf",
                "name": {"ar": "المفتشية"},
                "kind": "inspectorate",
                "part_of": ["finance"],
            },
            "scope": {"title": {"ar": "نطاق"}, "managing_bodies": ["cnss"], "axes": ["a1"]},
            "status": "ongoing",
            "report": {"title": {"ar": "تقرير"}, "reference": "R-1", "date": "2025-01-01"},
            "recommendations": [
                {"id": "r1", "text": {"ar": "توصية"}, "decision": "steering/2024-11-26/d1"}
            ],
            "sources": [src()],
        },
    }


def wrong_values(original: Any) -> list[Any]:
    """Two values of other shapes than the field's own (a list gets items of the wrong type)."""
    if isinstance(original, list):
        return [["x", 3, {"a": "b"}], "text"]
    if isinstance(original, dict):
        return ["text", ["x", 3]]
    if isinstance(original, str):
        return [7, {"a": "b"}]
    return ["text", [1]]


def cases() -> list:
    found = []
    for rel, data in records().items():
        for key in data:
            if key in ("id", "committee", "date"):
                continue  # identity fields: a wrong one makes another record, not a malformed one
            found.append(pytest.param(rel, key, id=f"{rel.split('/')[-1]}:{key}"))
    return found


@pytest.mark.parametrize("rel, key", cases())
def test_wrong_types_never_crash_the_follow_up_commands(
    run, make_registry, rel: str, key: str
) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry(records(), commit=False)
    for number, value in enumerate(wrong_values(records()[rel][key])):
        tree.patch(rel, lambda data: data.__setitem__(key, copy.deepcopy(value)))
        commands = [
            ["decisions", "--as-of", "2025-06-01"],
            ["dashboard", "--format", "csv"],
            ["roadmap"],
            ["evaluations"],
        ]
        if number == 0:  # validate is the slow one: once per field
            commands.append(["validate", "--format", "json"])
        for command in commands:
            outcome = run(["protsoc", *command, "--registry", str(tree.root)])
            assert outcome.exit_code in (0, 1, 2), (command, key, value, outcome.output)
