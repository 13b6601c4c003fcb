"""Evaluations of the reform as a public policy.

The circular (seed 001, ثالثا - II): evaluations are launched at the Steering Committee's
initiative, which makes sure they are independent of the administrations and bodies that manage
the programmes («استقلالية هذه العمليات تجاه الإدارات والهيئات المكلفة بالتدبير»); they may be
entrusted to the General Inspectorate of Finance, other ministries' inspectorates, or specialised
consultancies. Their recommendations can become decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from protsoc.registry.loaded import Registry


@dataclass
class RecommendationRow:
    id: str
    text: str
    decision: str | None
    decision_exists: bool


@dataclass
class EvaluationRow:
    id: str
    title: str
    kind: str
    status: str
    commissioned_by: str | None
    commissioning_decision: str | None  # the decision's Arabic text, when it is recorded
    evaluator_id: str | None
    evaluator: str
    evaluator_kind: str | None
    scope: str
    managing_bodies: list[str]
    axes: list[str]
    start: str | None
    end: str | None
    report_title: str | None
    report_reference: str | None
    report_date: str | None
    recommendations: list[RecommendationRow] = field(default_factory=list)
    independent: bool = True
    conflicts: list[str] = field(
        default_factory=list
    )  # managing bodies the evaluator is or belongs to
    path: str = ""


def conflicts(data: dict[str, Any], programme_bodies: list[str] | None = None) -> list[str]:
    """The evaluated programme's managing bodies that the evaluator is, or is part of.

    An evaluator is not independent when its id, or one of the bodies it belongs to
    (``evaluator.part_of``: an inspectorate's ministry), manages the evaluated programme: the
    bodies named in ``scope.managing_bodies``, and those of the programme record it names
    (``programme_bodies``, read from ``registry/programmes/<id>.yaml``).
    """
    evaluator = _mapping(data, "evaluator")
    scope = _mapping(data, "scope")
    managing = [b for b in _items(scope.get("managing_bodies")) if isinstance(b, str)]
    managing += [b for b in programme_bodies or [] if b not in managing]
    own = {evaluator.get("id")} | {
        b for b in _items(evaluator.get("part_of")) if isinstance(b, str)
    }
    return [body for body in managing if body in own]


def programme_managing_bodies(programme: Any) -> list[str]:
    """The ids of the bodies a programme record says manage it."""
    bodies = programme.get("managing_bodies") if isinstance(programme, dict) else None
    return [
        body["id"]
        for body in _items(bodies)
        if isinstance(body, dict) and isinstance(body.get("id"), str)
    ]


def decisions_index(registry: Registry) -> dict[str, str]:
    """Every recorded decision ref -> its Arabic text."""
    index = {}
    for meeting in registry.of_kind("meeting"):
        for decision in _items((meeting.data or {}).get("decisions")):
            if isinstance(decision, dict) and isinstance(decision.get("id"), str):
                text = decision.get("text")
                index[f"{meeting.id}/{decision['id']}"] = (
                    text.get("ar", "") if isinstance(text, dict) else ""
                )
    return index


def evaluations(registry: Registry) -> list[EvaluationRow]:
    decisions = decisions_index(registry)
    programmes = registry.by_id("programme")
    rows = []
    for record in sorted(registry.of_kind("evaluation"), key=lambda r: r.id):
        data = record.data or {}
        evaluator = _mapping(data, "evaluator")
        scope = _mapping(data, "scope")
        report = _mapping(data, "report")
        commissioned = (
            data.get("commissioned_by") if isinstance(data.get("commissioned_by"), str) else None
        )
        programme = (
            programmes.get(data["programme"]) if isinstance(data.get("programme"), str) else None
        )
        bodies = programme_managing_bodies(programme.data if programme else None)
        found = conflicts(data, bodies)
        rows.append(
            EvaluationRow(
                id=record.id,
                title=_ar(data.get("title")) or record.id,
                kind=str(data.get("kind", "")),
                status=str(data.get("status", "")),
                commissioned_by=commissioned,
                commissioning_decision=decisions.get(commissioned) if commissioned else None,
                evaluator_id=evaluator.get("id"),
                evaluator=_ar(evaluator.get("name")) or str(evaluator.get("id", "")),
                evaluator_kind=evaluator.get("kind"),
                scope=_ar(scope.get("title")),
                managing_bodies=[
                    b for b in _items(scope.get("managing_bodies")) if isinstance(b, str)
                ]
                + [b for b in bodies if b not in _items(scope.get("managing_bodies"))],
                axes=[a for a in _items(scope.get("axes")) if isinstance(a, str)],
                start=data.get("start"),
                end=data.get("end"),
                report_title=_ar(report.get("title")) or None,
                report_reference=report.get("reference"),
                report_date=report.get("date"),
                recommendations=[
                    RecommendationRow(
                        id=str(r.get("id")),
                        text=_ar(r.get("text")),
                        decision=r.get("decision") if isinstance(r.get("decision"), str) else None,
                        decision_exists=isinstance(r.get("decision"), str)
                        and r["decision"] in decisions,
                    )
                    for r in _items(data.get("recommendations"))
                    if isinstance(r, dict)
                ],
                independent=not found,
                conflicts=found,
                path=record.path,
            )
        )
    return rows


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _ar(text: Any) -> str:
    return text["ar"] if isinstance(text, dict) and isinstance(text.get("ar"), str) else ""
