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
        meeting = place[len("meetings/"):-len(".yaml")]
        for fmt in ("md", "html"):
            result = run(["protsoc", "render", "minutes", meeting, "-f", fmt, "--registry", str(tree.root)])
            assert result.exit_code in (0, 1, 2), result.output
    report_format = "html" if place.startswith("roadmap/indicators/") else "md"  # html draws the charts
    result = run(["protsoc", "report", "--as-of", "2026-11-22", "-f", report_format, "--registry", str(tree.root)])
    assert result.exit_code in (0, 1, 2), result.output
