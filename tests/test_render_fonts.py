"""No PDF of empty boxes, no crash: a PDF needs a font covering Arabic (issue 15, finding 12).

Each case runs the real command with fontconfig pointed at a configuration of our own: Latin
fonts only, or no font at all. Both must exit 2 with the install command, before WeasyPrint runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("weasyprint", reason="PDF output is the documents extra")
pytestmark = pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig tools absent")
REPO = Path(__file__).resolve().parents[1]
LATIN = Path("/usr/share/fonts/truetype/liberation")


def _render_pdf_with_fonts(tmp_path: Path, font_dir: Path) -> subprocess.CompletedProcess:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{font_dir}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    environment = {**os.environ, "FONTCONFIG_FILE": str(config)}
    command = [str(Path(sys.executable).parent / "protsoc"), "render", "minutes"]
    command += ["steering/2024-11-26", "--registry", str(REPO / "registry"), "--format", "pdf"]
    command += ["-o", str(tmp_path / "minutes.pdf")]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300)


@pytest.mark.skipif(not LATIN.is_dir(), reason="needs a Latin-only font folder")
def test_latin_fonts_only_is_an_environment_error_not_a_pdf_of_boxes(tmp_path: Path) -> None:
    result = _render_pdf_with_fonts(tmp_path, LATIN)
    assert result.returncode == 2, result.stderr
    assert "fonts-hosny-amiri" in result.stderr
    assert not (tmp_path / "minutes.pdf").exists()


def test_no_font_at_all_is_an_environment_error_not_a_crash(tmp_path: Path) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    result = _render_pdf_with_fonts(tmp_path, empty)
    assert result.returncode == 2, result.stderr
    assert "covers Arabic" in result.stderr
