"""`protsoc roadmap`, its reference rules, and the shipped roadmap data's fidelity to the seeds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO_ROOT, SEED_MEETING, SHIPPED_REGISTRY, RegistryTree

SEEDS = next(
    (p for p in (REPO_ROOT / "seeds", REPO_ROOT.parent / "shared" / "seeds") if p.is_dir()), None
)


def src() -> dict[str, str]:
    return {"document": SEED_MEETING}


def roadmap(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": {"ar": "خارطة طريق"},
        "owner": "steering",
        "axes": [
            {
                "id": "health-coverage",
                "title": {"ar": "التغطية الصحية الأساسية"},
                "committee": "steering",
            }
        ],
        "milestones": [
            {
                "id": "m-late",
                "title": {"ar": "مرحلة متأخرة"},
                "axis": "health-coverage",
                "planned": "2025-06-30",
            },
            {
                "id": "m-reached",
                "title": {"ar": "مرحلة منجزة"},
                "axis": "health-coverage",
                "planned": "2025-01-31",
                "actual": "2025-03-02",
            },
            {
                "id": "m-ahead",
                "title": {"ar": "مرحلة مقبلة"},
                "axis": "health-coverage",
                "planned": "2027-01-01",
            },
        ],
        "resources": [
            {
                "id": "credits",
                "title": {"ar": "اعتمادات"},
                "amount": 1000000,
                "currency": "MAD",
                "axis": "health-coverage",
            }
        ],
        "sources": [src()],
    }
    data.update(fields)
    return data


def action(action_id: str, **fields: Any) -> dict[str, Any]:
    record = {
        "id": action_id,
        "title": {"ar": "إجراء"},
        "decisions": [],
        "owner": "steering/health",
        "axis": "health-coverage",
        "milestone": "m-late",
        "due": "2025-06-30",
        "status": "in-progress",
        "progress": 10,
        "sources": [src()],
    }
    record.update(fields)
    return record


@pytest.fixture
def roadmap_tree(make_registry) -> RegistryTree:  # type: ignore[no-untyped-def]
    return make_registry(
        {
            "roadmap/roadmap.yaml": roadmap(),
            "roadmap/actions/late-action.yaml": action("late-action"),
            "roadmap/actions/finished.yaml": action(
                "finished", status="done", progress=100, completed_on="2025-05-01"
            ),
        }
    )


def test_roadmap_json_says_what_is_late(run, roadmap_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    outcome = run(
        [
            "protsoc",
            "roadmap",
            "--format",
            "json",
            "--as-of",
            "2025-07-01",
            "--registry",
            str(roadmap_tree.root),
        ]
    )
    assert outcome.exit_code == 0, outcome.output
    payload = json.loads(outcome.stdout)
    states = {m["id"]: (m["state"], m["days_late"]) for m in payload["milestones"]}
    assert states == {
        "m-late": ("late", 1),
        "m-reached": ("reached-late", 30),
        "m-ahead": ("planned", None),
    }
    assert payload["late"] == {"milestones": ["m-late"], "actions": ["late-action"]}
    axis = payload["axes"][0]
    assert sorted(a["id"] for a in axis["actions"]) == ["finished", "late-action"]
    assert axis["milestones"] == ["m-late", "m-reached", "m-ahead"] and axis["resources"] == [
        "credits"
    ]
    assert payload["missing"] == ["principles"]
    assert {m["id"]: m["actions"] for m in payload["milestones"]}["m-late"] == [
        "finished",
        "late-action",
    ]


def test_a_milestone_reached_after_the_as_of_date_was_not_reached_then(
    run, roadmap_tree: RegistryTree
) -> None:  # type: ignore[no-untyped-def]
    payload = json.loads(
        run(
            [
                "protsoc",
                "roadmap",
                "--format",
                "json",
                "--as-of",
                "2025-02-15",
                "--registry",
                str(roadmap_tree.root),
            ]
        ).stdout
    )
    reached = next(m for m in payload["milestones"] if m["id"] == "m-reached")
    assert (reached["state"], reached["actual"]) == ("late", None)


def test_roadmap_text(run, roadmap_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    outcome = run(
        ["protsoc", "roadmap", "--as-of", "2025-07-01", "--registry", str(roadmap_tree.root)]
    )
    assert outcome.exit_code == 0
    assert "late: 1 milestone (m-late), 1 action (late-action)" in outcome.stdout
    assert "credits (health-coverage): اعتمادات — 1\u202f000\u202f000 MAD" in outcome.stdout
    assert "not recorded: principles" in outcome.stdout


def test_a_registry_without_roadmap_is_a_usage_error(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "roadmap", "--registry", str(make_registry().root)])
    assert outcome.exit_code == 2
    assert "no roadmap/roadmap.yaml" in outcome.stderr


@pytest.mark.parametrize(
    "change, rule, json_path",
    [
        (
            {
                "axes": [
                    {
                        "id": "health-coverage",
                        "title": {"ar": "محور"},
                        "mission": "steering#no-such-mission",
                    }
                ]
            },
            "ref-mission",
            "$.axes[0].mission",
        ),
        (
            {"milestones": [{"id": "m1", "title": {"ar": "مرحلة"}, "axis": "nowhere"}]},
            "ref-axis",
            "$.milestones[0].axis",
        ),
        (
            {"resources": [{"id": "r1", "title": {"ar": "موارد"}, "axis": "nowhere"}]},
            "ref-axis",
            "$.resources[0].axis",
        ),
    ],
)
def test_roadmap_reference_rules(
    run, make_registry, change: dict[str, Any], rule: str, json_path: str
) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry({"roadmap/roadmap.yaml": roadmap(**change)})
    outcome = run(["protsoc", "validate", "--format", "json", "--registry", str(tree.root)])
    found = [f for f in json.loads(outcome.stdout)["errors"] if f["rule"] == rule]
    assert [f["json_path"] for f in found] == [json_path]
    assert outcome.exit_code == 1


def test_an_existing_mission_is_accepted(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    from conftest import STEERING

    committee = {
        **STEERING,
        "missions": [{"id": "health-coverage", "text": {"ar": "توسيع التغطية الصحية"}}],
    }
    tree = make_registry(
        {
            "committees/steering.yaml": committee,
            "roadmap/roadmap.yaml": roadmap(
                axes=[
                    {
                        "id": "health-coverage",
                        "title": {"ar": "محور"},
                        "mission": "steering#health-coverage",
                    }
                ]
            ),
        }
    )
    outcome = run(["protsoc", "validate", "--registry", str(tree.root)])
    assert outcome.exit_code == 0, outcome.stdout


# --- the shipped roadmap ----------------------------------------------------------------------


def shipped_files() -> list[Path]:
    return sorted((SHIPPED_REGISTRY / "roadmap").rglob("*.yaml"))


def load(path: Path) -> dict[str, Any]:
    from protsoc.registry import yamlio

    return yamlio.load_file(path).data


def test_shipped_registry_is_valid_and_roadmap_runs(run_process, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, root)
    validated = run_process(["protsoc", "validate", "--strict", "--registry", str(root)])
    assert validated.exit_code == 0, validated.stdout
    outcome = run_process(["protsoc", "roadmap", "--format", "json", "--registry", str(root)])
    assert outcome.exit_code == 0, outcome.output
    payload = json.loads(outcome.stdout)
    assert payload["owner"] == "steering"
    # the seeds give no principles, resources or milestones: they stay absent, and are named missing
    assert payload["missing"] == ["principles", "resources", "milestones"]
    committees = {a["id"]: a["committee"] for a in payload["axes"]}
    assert committees == {
        "governance-convergence": "thematic-governance",
        "health-coverage": "thematic-health-coverage",
        "social-assistance": "thematic-social-assistance",
        "targeting": "thematic-targeting",
        "local-social-services": None,
        "institutional-communication": None,
    }


def test_shipped_indicators_invent_nothing() -> None:
    indicators = [load(p) for p in shipped_files() if p.parent.name == "indicators"]
    assert len(indicators) == 15
    for data in indicators:
        assert not {"baseline", "target", "frequency", "producer"} & set(data), data["id"]
        assert data["owner"] == "technical"
        for observation in data["observations"]:
            assert observation["source"]["document"] in (
                "seeds/003_9cdc69b4e8531b10.txt",
                "seeds/004_736f315ecc4f7e21.txt",
            )
            expected_date = (
                "2024-11-26" if "004_" in observation["source"]["document"] else "2025-05-27"
            )
            assert observation["date"] == expected_date
            assert float(observation["value"]).is_integer()  # stored in units, not millions
    assert not list((SHIPPED_REGISTRY / "roadmap" / "actions").glob("*.yaml"))
    assert not list((SHIPPED_REGISTRY / "roadmap" / "evaluations").glob("*.yaml"))


@pytest.mark.skipif(SEEDS is None, reason="the seeds folder is not next to the checkout")
def test_every_quote_of_the_shipped_roadmap_is_in_its_seed() -> None:
    def normalised(text: str) -> str:
        return re.sub(r"\s+", " ", text)

    def sources(value: Any) -> list[dict[str, Any]]:
        if isinstance(value, dict):
            found = [value] if "document" in value and "quote" in value else []
            return found + [s for item in value.values() for s in sources(item)]
        if isinstance(value, list):
            return [s for item in value for s in sources(item)]
        return []

    checked = 0
    for path in shipped_files():
        for source in sources(load(path)):
            seed = normalised((SEEDS / Path(source["document"]).name).read_text(encoding="utf-8"))  # type: ignore[operator]
            assert normalised(source["quote"]) in seed, f"{path.name}: {source['quote']}"
            checked += 1
    assert checked > 30


@pytest.mark.skipif(SEEDS is None, reason="the seeds folder is not next to the checkout")
def test_shipped_as_reported_words_and_qualifiers_follow_the_seeds() -> None:
    words = {"more-than": ("أكثر من", "أزيد من", "تجاوز"), "about": ("حوالي",)}
    for path in shipped_files():
        if path.parent.name != "indicators":
            continue
        for observation in load(path)["observations"]:
            reported, qualifier = observation["as_reported"]["ar"], observation.get("qualifier")
            quote = observation["source"]["quote"]
            if qualifier in words:
                assert any(w in quote for w in words[qualifier]), path.name
            # as_reported is the seed's wording (spaces aside)
            assert reported.replace(" ", "") in quote.replace(" ", ""), path.name
