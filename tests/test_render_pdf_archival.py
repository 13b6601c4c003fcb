"""PDFs that search, copy, screen readers and archivists can use (issue 15, finding 11).

Every PDF is tagged, in Arabic, with a title and an author; ``pdftotext`` gives whole words;
approved minutes are PDF/A-3b with the meeting's sealed YAML record embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_render_support import MEETING, build_registry, write

pytest.importorskip("weasyprint", reason="PDF output is the documents extra")
pytestmark = pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="poppler-utils not installed"
)
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _tool(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _pdf_objects(pdf: Path) -> bytes:
    """The PDF's objects, its compressed object streams inflated (the catalog is in one)."""
    import zlib

    data = pdf.read_bytes()
    pieces = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            pieces.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(pieces)


def _render_pdf(run, registry: Path, out: Path, *what: str) -> Path:
    result = run(
        ["protsoc", "render", *what, "--format", "pdf", "-o", str(out)]
        + ["--registry", str(registry)]
    )
    assert result.exit_code == 0, result.stderr
    return out


def test_draft_minutes_pdf_is_tagged_arabic_titled_and_searchable(run, tmp_path: Path) -> None:
    registry = build_registry(tmp_path / "repo")
    pdf = _render_pdf(run, registry, tmp_path / "m.pdf", "minutes", "steering/2025-03-04")
    info = _tool("pdfinfo", str(pdf))
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(r"^Title:\s+محضر اجتماع", info, re.M)
    assert re.search(r"^Author:\s+اللجنة الوزارية", info, re.M)
    assert b"/Lang (ar)" in _pdf_objects(pdf)
    words = BIDI.sub("", _tool("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    # whole words: Amiri's optional ligatures used to come out as «المم لكة», «الوزار ية»
    assert "المملكة المغربية" in words
    assert "اللجنة الوزارية لقيادة إصلاح وحكامة منظومة الحماية الاجتماعية" in words
    assert _tool("pdfdetach", "-list", str(pdf)).startswith("0 embedded files")


def test_approved_minutes_pdf_is_archival_with_the_sealed_record_inside(
    run, tmp_path: Path
) -> None:
    import copy

    registry = build_registry(tmp_path / "repo")
    meeting = copy.deepcopy(MEETING)
    meeting["minutes"] = {"status": "approved", "approved_on": "2025-03-20"}
    record = registry / "meetings" / "steering" / "2025-03-04.yaml"
    write(record, meeting)
    pdf = _render_pdf(run, registry, tmp_path / "m.pdf", "minutes", "steering/2025-03-04")
    metadata = _tool("pdfinfo", "-meta", str(pdf))
    assert 'pdfaid:part="3"' in metadata and 'pdfaid:conformance="B"' in metadata
    assert re.search(r"^Tagged:\s+yes", _tool("pdfinfo", str(pdf)), re.M)
    assert "2025-03-04.yaml" in _tool("pdfdetach", "-list", str(pdf))
    _tool("pdfdetach", "-save", "1", "-o", str(tmp_path / "attached.yaml"), str(pdf))
    assert (tmp_path / "attached.yaml").read_bytes() == record.read_bytes()
