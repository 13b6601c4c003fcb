"""The ``ltr`` filter against the Unicode bidi algorithm, in a real browser (issue 15).

Each line of a corpus of mixed Arabic, Latin and number strings is drawn by headless Chromium
twice: with protsoc's markup (the ``ltr`` filter) and as plain text in a ``dir="rtl"`` block,
which Chromium lays out by UAX #9 (bracket pairs included). The two pictures must be the same,
pixel for pixel, except for the lines listed in ``BETTER_THAN_PLAIN``, where plain UAX #9 misplaces
a sign or a slash that the markup keeps with its number or address. The markup page is also kept
as a golden picture, looked at by a person: tests/golden/bidi/markup.png (regenerate with
PROTSOC_UPDATE_GOLDEN=1 after looking at the new one).
"""

from __future__ import annotations

import html
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from protsoc.documents.templating import ltr

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)
PIL = pytest.importorskip("PIL.Image", reason="Pillow comes with the documents extra")
GOLDEN = Path(__file__).parent / "golden" / "bidi"
LINE_HEIGHT = 40
WIDTH = 900

CORPUS = [
    "(زيادة 3.6%)",
    "زيادة (3.6%)",
    "بلغت النسبة 3.6% سنة 2024.",
    "المرسوم رقم 2.23.1066 الصادر في 26 نونبر 2024",
    "(المرسوم رقم 2.23.1066)",
    "نظام AMO-Tadamon",
    "(AMO-Tadamon) لفائدة الأسر",
    "استفاد 11.1 مليون شخص من AMO",
    "السجل الاجتماعي الموحد (RSU).",
    "(RSU) السجل الاجتماعي الموحد",
    "الموقع https://www.cg.gov.ma/ar للاطلاع",
    "للاطلاع: https://www.cnss.ma/fr/ أو الهاتف",
    "الهاتف +212 5 37 00 00 00",
    "الهاتف: 0537-00-00-00",
    "على الساعة 10:30 صباحا",
    "بتاريخ 2024-11-26",
    "بتاريخ 26/11/2024",
    "من 2021 إلى 2025",
    "الفترة 2021-2025",
    "[ملحق 2]",
    "الملحق [Annexe 2]",
    "(انظر الجدول 3)",
    "نسبة -2.5% مقارنة بسنة 2023",
    "4 000 000 مستفيد",
    "4\u00a0000\u00a0000 مستفيد",
    "القانون الإطار 09.21 المتعلق بالحماية الاجتماعية",
    "القانون رقم 65.00 بمثابة مدونة التغطية الصحية الأساسية",
    "برنامج «Tayssir» للدعم",
    "CNSS و CNOPS",
    "(CNSS و CNOPS)",
    "المنصة (www.asd.ma) متاحة",
    "البريد contact@cg.gov.ma للتواصل",
    "ASD (Aide Sociale Directe)",
    "الدعم الاجتماعي المباشر (ASD) بمبلغ 500 درهم",
    "ما بين 500 و1200 درهم",
    "(1) تعميم التغطية الصحية",
    "1. تعميم التغطية",
    "النقطة 3.6.2 من جدول الأعمال",
    "AMO TNS (2023)",
    "(2023) AMO TNS",
    "المادة 5 (الفقرة 2)",
    "توصية R-2024-07 (متأخرة)",
    "(متأخرة) 12%",
    "صادق المجلس على الاتفاقية رقم 12/2024.",
    "المعيار ISO 9001:2015",
    "أرشيف PDF/A-3b",
]

# Lines where plain UAX #9 is wrong and the markup right (looked at in markup.png / plain.png):
# a leading sign is a neutral, so plain text puts it after the number («212+», «2.5%-»), a
# trailing slash goes to the other end of its address, and digits grouped by spaces are three
# numbers in right-to-left order («000 000 4»).
BETTER_THAN_PLAIN = {
    "للاطلاع: https://www.cnss.ma/fr/ أو الهاتف",
    "الهاتف +212 5 37 00 00 00",
    "نسبة -2.5% مقارنة بسنة 2023",
    "4 000 000 مستفيد",
}

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
body {{ margin: 0; font-family: "Amiri"; font-size: 22px; background: #fff; color: #000; }}
div {{ height: {height}px; line-height: {height}px; white-space: nowrap; padding: 0 8px; }}
</style></head><body>{lines}</body></html>"""


def _page(lines: list[str]) -> str:
    return PAGE.format(height=LINE_HEIGHT, lines="".join(f"<div>{line}</div>" for line in lines))


def _screenshot(page: str, folder: Path, name: str) -> Path:
    source = folder / f"{name}.html"
    source.write_text(page, encoding="utf-8")
    picture = folder / f"{name}.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={WIDTH},{LINE_HEIGHT * len(CORPUS)}",
        f"--screenshot={picture}",
        source.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and picture.is_file(), result.stderr[-2000:]
    return picture


def _line(picture, index: int) -> bytes:
    box = (0, index * LINE_HEIGHT, WIDTH, (index + 1) * LINE_HEIGHT)
    return picture.crop(box).convert("RGB").tobytes()


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("bidi")
    marked = _page([str(ltr(text)) for text in CORPUS])
    plain = _page([html.escape(text) for text in CORPUS])
    return (
        PIL.open(_screenshot(marked, folder, "markup")),
        PIL.open(_screenshot(plain, folder, "plain")),
        folder,
    )


def test_the_corpus_is_large_and_mixed() -> None:
    assert len(CORPUS) >= 40
    assert any(text.startswith("(") for text in CORPUS)
    assert any(text.endswith(")") for text in CORPUS)


@pytest.mark.parametrize("index", range(len(CORPUS)), ids=[str(i) for i in range(len(CORPUS))])
def test_markup_draws_each_line_as_the_bidi_algorithm_does(pictures, index: int) -> None:
    marked, plain, _ = pictures
    text = CORPUS[index]
    if text in BETTER_THAN_PLAIN:
        assert _line(marked, index) != _line(plain, index), f"{text!r} needs no markup any more"
    else:
        assert _line(marked, index) == _line(plain, index), f"{text!r} is drawn differently"


def test_markup_page_matches_the_golden_picture_looked_at(pictures) -> None:
    marked, plain, folder = pictures
    golden = GOLDEN / "markup.png"
    if os.environ.get("PROTSOC_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        shutil.copy(folder / "markup.png", golden)
        shutil.copy(folder / "plain.png", GOLDEN / "plain.png")
    if not golden.is_file():
        pytest.skip("no golden picture yet")
    expected = PIL.open(io.BytesIO(golden.read_bytes()))
    if expected.size != marked.size:
        pytest.skip("another Chromium or screen size than the golden picture's")
    different = sum(_line(marked, index) != _line(expected, index) for index in range(len(CORPUS)))
    if different == len(CORPUS):
        pytest.skip("every line differs: another Chromium or font than the golden picture's")
    assert different == 0, "the markup renders differently from the golden picture looked at"
