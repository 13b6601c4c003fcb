"""Snapshot tests: the synthetic meeting's minutes and convocation, byte for byte.

The files under tests/golden/ were reviewed by eye (and their PDFs looked at). After an intended
template change, regenerate them with ``PROTSOC_UPDATE_GOLDEN=1 python -m pytest
tests/test_render_golden.py`` and review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_render_support import build_registry

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize(
    "document, fmt",
    [("minutes", "md"), ("minutes", "html"), ("convocation", "md"), ("convocation", "html")],
)
def test_snapshot(run, tmp_path: Path, document: str, fmt: str) -> None:
    registry = build_registry(tmp_path / "repo")
    result = run(
        [
            "protsoc",
            "render",
            document,
            "steering/2025-03-04",
            "-f",
            fmt,
            "--registry",
            str(registry),
        ]
    )
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{document}-synthetic.{fmt}"
    if os.environ.get("PROTSOC_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; see the module docstring"
    )
