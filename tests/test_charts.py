"""The indicator charts of the follow-up report: what a reader of the HTML or the PDF relies on.

Every label is outlines (WeasyPrint would draw live Arabic ``<text>`` unshaped), shaped: joined
and right-to-left; the target is a dashed line; dates stay few and readable; the SVG is
self-contained and the same input always gives the same bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_render_support import copy_shipped

from protsoc.documents import arabic
from protsoc.documents.charts import TARGET_COLOUR, indicator_chart_data_uri, indicator_chart_svg

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"

MONTHLY = [
    {"date": f"{2021 + m // 12}-{m % 12 + 1:02d}-01", "value": 1000 + 37 * m} for m in range(40)
]


def parse(svg: str) -> ET.Element:
    assert svg.startswith("<?xml")
    return ET.fromstring(svg.encode("utf-8"))


def labels(svg: str) -> list[str]:
    """The text of every outlined label, from the comment the chart keeps next to its glyphs."""
    return re.findall(r"<!-- (.*?) -->", svg)


def glyph_run(svg: str, ident: str) -> list[tuple[float, str]]:
    """(x, glyph) of a label group's glyphs, in file order."""
    group = next(g for g in parse(svg).iter(f"{SVG}g") if g.get("id") == ident)
    run = []
    for use in group.iter(f"{SVG}use"):
        x = float(re.match(r"translate\(([-\d.]+)", use.get("transform", "")).group(1))  # type: ignore[union-attr]
        run.append((x, use.get(XLINK, "")))
    return run


def test_labels_are_outlines_that_resolve_to_glyphs_in_the_file() -> None:
    svg = indicator_chart_svg(
        "عدد المستفيدين من نظام أمو-تضامن", "مستفيد", MONTHLY, {"value": 3000, "date": "2026-12-31"}
    )
    root = parse(svg)
    assert "<text" not in svg  # WeasyPrint would draw live Arabic text unshaped
    defined = {path.get("id") for path in root.iter(f"{SVG}path") if path.get("id")}
    used = {use.get(XLINK) for use in root.iter(f"{SVG}use")}
    assert used and {href.lstrip("#") for href in used if href} <= defined
    assert not re.search(r"(href|src)=\"https?:|url\(https?:", svg)  # nothing to fetch
    shown = labels(svg)
    assert "عدد المستفيدين من نظام أمو-تضامن" in shown and "مستفيد" in shown
    assert (
        arabic.month_year("2021-01-01") in shown and arabic.month_year("2024-04-01") in shown
    )  # first, last


def test_arabic_is_joined_and_right_to_left() -> None:
    # «باب»: the first ب takes its initial (joining) form, the last one its isolated form, the
    # one «ب» alone has; right-to-left puts the last letter leftmost.
    alone = glyph_run(indicator_chart_svg("ب", "", MONTHLY[:2]), "title")
    word = glyph_run(indicator_chart_svg("باب", "", MONTHLY[:2]), "title")
    assert len(alone) == 1 and len(word) == 3
    isolated = alone[0][1]
    by_x = [glyph for _, glyph in sorted(word)]
    assert by_x[0] == isolated  # the last letter is on the left
    assert by_x[-1] != isolated  # the first letter is joined to the alif


def test_the_target_is_a_dashed_line_with_its_value_and_date() -> None:
    svg = indicator_chart_svg(
        "نسبة التغطية", "%", MONTHLY[:3], {"value": 2500, "date": "2026-12-31"}
    )
    dashed = [p for p in parse(svg).iter(f"{SVG}path") if p.get("stroke-dasharray")]
    assert len(dashed) == 1 and dashed[0].get("stroke") == TARGET_COLOUR
    assert f"الهدف: 2500 ({arabic.month_year('2026-12-31')})" in labels(svg)


def test_no_target_no_dashed_line() -> None:
    svg = indicator_chart_svg("نسبة التغطية", "%", MONTHLY[:3])
    assert "stroke-dasharray" not in svg and TARGET_COLOUR not in svg
    assert not any(label.startswith("الهدف") for label in labels(svg))


def test_one_observation_is_one_dot_with_its_date_in_the_middle() -> None:
    svg = indicator_chart_svg("المناصب الجديدة", "منصب", [{"date": "2025-05-31", "value": 1650}])
    root = parse(svg)
    dots = list(root.iter(f"{SVG}circle"))
    assert len(dots) == 1
    assert len(re.findall(r'id="xtick_\d+"', svg)) == 1 and arabic.month_year(
        "2025-05-31"
    ) in labels(svg)
    x = float(dots[0].get("cx", "0"))
    assert 150 < x < 350  # the lone point gets room on both sides of a 460 pt wide chart


def test_at_most_six_dates_and_a_few_values_are_labelled() -> None:
    five_years = [
        {"date": f"{2021 + m // 12}-{m % 12 + 1:02d}-01", "value": m * m} for m in range(60)
    ]
    svg = indicator_chart_svg("عدد المستفيدين", "مستفيد", five_years)
    assert len(re.findall(r'id="xtick_\d+"', svg)) == 6
    assert 2 <= len(re.findall(r'id="ytick_\d+"', svg)) <= 6
    assert len(list(parse(svg).iter(f"{SVG}circle"))) == 60


def test_observations_out_of_order_are_drawn_in_date_order() -> None:
    shuffled = [MONTHLY[2], MONTHLY[0], MONTHLY[1]]
    xs = [
        float(c.get("cx", "0"))
        for c in parse(indicator_chart_svg("x", "", shuffled)).iter(f"{SVG}circle")
    ]
    assert xs == sorted(xs)


@pytest.mark.parametrize("values", [[-3.5, 2.25, 0.5], [0, 0, 0], [7, 7], [1e9, 2e9]])
def test_negative_flat_and_large_series_draw(values: list[float]) -> None:
    observations = [{"date": f"2025-0{month + 1}-28", "value": v} for month, v in enumerate(values)]
    svg = indicator_chart_svg("مؤشر", "درهم", observations, {"value": 5})
    assert len(list(parse(svg).iter(f"{SVG}circle"))) == len(values)


def test_several_observations_on_one_date_draw() -> None:
    same_day = [{"date": "2025-05-31", "value": 1}, {"date": "2025-05-31", "value": 2}]
    svg = indicator_chart_svg("مؤشر", "", same_day)
    assert len(re.findall(r'id="xtick_\d+"', svg)) == 1


def test_the_same_input_gives_the_same_bytes() -> None:
    # Reports are committed and diffed: a chart must not change when its data did not.
    first = indicator_chart_data_uri("نسبة التغطية", "%", MONTHLY, {"value": 3000})
    indicator_chart_svg(
        "عنوان آخر يضيف حروفا أخرى", "وحدة", MONTHLY[:5]
    )  # other labels shaped in between
    assert indicator_chart_data_uri("نسبة التغطية", "%", MONTHLY, {"value": 3000}) == first
    assert first.startswith("data:image/svg+xml;base64,")


def _give_one_indicator_a_series(registry: Path) -> None:
    """Charts are drawn for series of two or more values (a single value is a figure in the
    report's table, issue 15); the shipped indicators have one value each: add a second."""
    import copy

    import yaml

    path = registry / "roadmap" / "indicators" / "amo-tns-beneficiaries.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    later = {**copy.deepcopy(data["observations"][0]), "date": "2025-06-30", "value": 4000000}
    data["observations"].append(later)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_report_html_from_the_installed_command_has_one_outlined_chart_per_charted_indicator(
    run_process, tmp_path: Path
) -> None:
    from protsoc.governance import indicator
    from protsoc.registry.loaded import Registry

    registry = copy_shipped(tmp_path / "shipped")
    _give_one_indicator_a_series(registry)
    out = tmp_path / "report.html"
    result = run_process(
        [
            "protsoc",
            "report",
            "--as-of",
            "2026-11-22",
            "-f",
            "html",
            "-o",
            str(out),
            "--registry",
            str(registry),
        ]
    )
    assert result.exit_code == 0, result.stderr
    loaded = Registry.load(registry)
    charted = [
        r
        for r in loaded.of_kind("indicator")
        if len(indicator.observations_on(r.data, dt.date(2026, 11, 22))) >= 2
    ]
    charts = re.findall(
        r'src="data:image/svg\+xml;base64,([^"]+)"', out.read_text(encoding="utf-8")
    )
    assert len(charts) == len(charted) > 0
    for chart in charts:
        svg = base64.b64decode(chart).decode("utf-8")
        parse(svg)
        assert "<text" not in svg


def test_without_matplotlib_html_says_what_to_install_and_md_still_works(
    python: str, tmp_path: Path
) -> None:
    import subprocess

    registry = copy_shipped(tmp_path / "shipped")
    _give_one_indicator_a_series(registry)
    hide = (
        "import sys; sys.modules['matplotlib'] = None; "
        "from protsoc.cli.main import main; sys.argv[0] = 'protsoc'; main()"
    )
    for fmt, code in (("html", 2), ("md", 0)):
        done = subprocess.run(
            [
                python,
                "-c",
                hide,
                "report",
                "--as-of",
                "2026-11-22",
                "-f",
                fmt,
                "-o",
                str(tmp_path / f"report.{fmt}"),
                "--registry",
                str(registry),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert done.returncode == code, done.stderr
        assert "Traceback" not in done.stderr
        if code:
            assert "matplotlib" in done.stderr and "--format md" in done.stderr


def _tick_values(svg: str) -> list[float]:
    """The y tick labels as numbers (groups of thousands joined by narrow no-break spaces)."""
    found = re.findall(r'id="ytick_\d+"[^>]*><!-- ([^ ]+) -->', svg)
    return [float(value.replace("\u202f", "")) for value in found]


@pytest.mark.parametrize(
    "values, target",
    [([12, 28], None), ([3_000_000, 4_000_000], None), ([3_500_000, 3_800_000], 4_500_000)],
)
def test_the_top_tick_is_at_or_above_every_value_and_the_target(
    values: list[float], target: float | None
) -> None:
    """Issue 15, finding 9: 28 was drawn above ticks 0/8/16/24, 4 million above 3,000,000."""
    observations = [{"date": f"202{i}-06-30", "value": v} for i, v in enumerate(values)]
    svg = indicator_chart_svg(
        "مؤشر", "مرسوم", observations, {"value": target, "date": "2026-12-31"} if target else None
    )
    ticks = _tick_values(svg)
    assert ticks and max(ticks) >= max(values + ([target] if target else []))


def test_each_point_is_labelled_with_its_value_and_qualifier() -> None:
    observations = [
        {"date": "2024-06-30", "value": 1200, "qualifier_ar": ""},
        {"date": "2025-05-31", "value": 1660, "qualifier_ar": "أكثر من"},
    ]
    svg = indicator_chart_svg("المناصب الجديدة", "منصب", observations)
    values = re.findall(r'id="value_\d+"[^>]*><!-- ([^>]+) -->', svg)
    assert values == ["1200", "أكثر من 1660"]
    # every value label lies inside the figure
    for match in re.finditer(r'id="value_\d+" transform="translate\(([0-9.]+) ', svg):
        assert 0 < float(match.group(1)) < 460


def test_a_french_chart_words_the_qualifier_in_french() -> None:
    import dataclasses

    from protsoc.documents import charts

    french = dataclasses.replace(
        charts.ARABIC_WORDS,
        rtl=False,
        qualifier=lambda o: {"more-than": "plus de"}.get(str(o.get("qualifier")), ""),
    )
    observations = [
        {"date": "2024-06-30", "value": 1200, "qualifier": "exact"},
        {"date": "2025-05-31", "value": 12500, "qualifier": "more-than"},
    ]
    svg = indicator_chart_svg("Postes", "poste", observations, None, french)
    values = re.findall(r'id="value_\d+"[^>]*><!-- ([^>]+) -->', svg)
    assert values == ["1200", "plus de 12\u202f500"]
