"""Rendering never crashes on the invalid-example corpus: a broken record gives exit 0, 1 or 2
(a document, an invalid-record error or a usage error), never the internal-error exit 3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

INVALID = Path(__file__).resolve().parent / "examples" / "invalid"
CASES = sorted(INVALID.glob("*/*.yaml"))


def _place(path: Path) -> str | None:
    match = re.search(rb"^# place: (\S+)", path.read_bytes(), re.MULTILINE)
    return match.group(1).decode() if match else None


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_broken_record_never_crashes_rendering(case: Path, make_registry, run) -> None:
    place = _place(case)
    if place is None:
        pytest.skip("no # place: header")
    tree = make_registry(commit=False)
    tree.write(place, case.read_bytes())
    if place.startswith("meetings/") and place.endswith(".yaml"):
        meeting = place[len("meetings/") : -len(".yaml")]
        for fmt in ("md", "html"):
            result = run(
                ["protsoc", "render", "minutes", meeting, "-f", fmt, "--registry", str(tree.root)]
            )
            assert result.exit_code in (0, 1, 2), result.output
    report_format = (
        "html" if place.startswith("roadmap/indicators/") else "md"
    )  # html draws the charts
    result = run(
        [
            "protsoc",
            "report",
            "--as-of",
            "2026-11-22",
            "-f",
            report_format,
            "--registry",
            str(tree.root),
        ]
    )
    assert result.exit_code in (0, 1, 2), result.output


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, path + (index,))
    return found


def _replace(data: object, path: tuple, new: object) -> None:
    for step in path[:-1]:
        data = data[step]  # type: ignore[index]
    data[path[-1]] = new  # type: ignore[index]


def test_every_meeting_field_of_the_wrong_type_never_crashes(tmp_path: Path, run) -> None:
    import copy

    from test_render_support import MEETING, build_registry, write

    registry = build_registry(tmp_path / "repo")
    target = registry / "meetings" / "steering" / "2025-03-04.yaml"
    for path in _paths(MEETING):
        if path == ("id",):
            continue
        for wrong in (7, ["x"]):
            meeting = copy.deepcopy(MEETING)
            _replace(meeting, path, wrong)
            write(target, meeting)
            result = run(
                [
                    "protsoc",
                    "render",
                    "minutes",
                    "steering/2025-03-04",
                    "-f",
                    "html",
                    "--registry",
                    str(registry),
                ]
            )
            assert result.exit_code in (0, 1, 2), (path, wrong, result.output)


@pytest.mark.parametrize("kind", ["indicator", "action"])
def test_every_followup_field_of_the_wrong_type_never_crashes_the_report(
    tmp_path: Path, run, kind: str
) -> None:
    import copy

    import test_render_support as support

    registry = support.build_registry(tmp_path / "repo")
    record = support.INDICATOR if kind == "indicator" else support.ACTION
    folder = "indicators" if kind == "indicator" else "actions"
    target = registry / "roadmap" / folder / f"{record['id']}.yaml"
    for path in _paths(record):
        if path == ("id",):
            continue
        for wrong in ("x", ["x"]):
            data = copy.deepcopy(record)
            _replace(data, path, wrong)
            support.write(target, data)
            result = run(
                [
                    "protsoc",
                    "report",
                    "--as-of",
                    "2025-08-01",
                    "-f",
                    "html" if kind == "indicator" else "md",
                    "--registry",
                    str(registry),
                ]
            )
            assert result.exit_code in (0, 1, 2), (path, wrong, result.output)
