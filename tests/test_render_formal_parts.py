"""The formal parts of the secretariat's documents (issue 15, findings 3, 4, 9, 10): reference
numbers from a stored sequence, the circular as «المرجع» and «بناء على», opening and closing
formulas, the quorum statement, signatures, annexes, «نسخة إلى», «لائحة التوزيع», a convocation
per guest, the report's numbered tables and figures with their sources. Each is read back from the
PDF through pdftotext (whole words), and where the record is silent a blank «……» is printed.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from test_render import needs_pdftotext, pdf_text, squeeze
from test_render_support import MEETING, RICH_MEETING, build_registry

from protsoc.documents.render import legal_basis, quorum_statement


RICH = "steering/2025-05-20"
PLAIN = "steering/2025-03-04"


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    return build_registry(tmp_path / "repo", MEETING, (RICH_MEETING,))


def render_pdf(run, registry: Path, tmp_path: Path, *args: str) -> tuple[str, list[str]]:
    """The PDF's text (squeezed) and the text of each page (squeezed)."""
    out = tmp_path / "out.pdf"
    result = run(
        ["protsoc", "render", *args, "-f", "pdf", "-o", str(out), "--registry", str(registry)]
    )
    assert result.exit_code == 0, result.stderr
    pages = pdf_text(out).split("\f")
    return squeeze("".join(pages)), [squeeze(p) for p in pages if p.strip()]


# ---------------------------------------------------------------- pure wording


def test_quorum_statement_counts_present_and_represented_against_posts() -> None:
    assert quorum_statement(4, 6) == (
        "حضر الاجتماع أو مثل فيه 4\u00a0أعضاء من أصل 6\u00a0أعضاء، أي أكثر من نصف الأعضاء."
    )
    assert quorum_statement(6, 6).endswith("أي جميع الأعضاء.")
    assert quorum_statement(1, 2) == (
        "حضر الاجتماع أو مثل فيه عضو واحد من أصل عضوين، أي نصف الأعضاء."
    )
    assert "من أصل 12\u00a0عضوا" in quorum_statement(3, 12)
    assert quorum_statement(3, 12).endswith("أي أقل من نصف الأعضاء.")
    assert quorum_statement(0, 5).startswith("حضر الاجتماع أو مثل فيه لا أحد من الأعضاء")
    assert quorum_statement(3, 0) == ""  # a committee without member posts: no statement


def test_legal_basis_from_the_manifest_and_blanks_where_it_is_silent() -> None:
    manifest = {
        "legal_basis": {
            "kind": {"ar": "منشور"},
            "issuer": {"ar": "رئيس الحكومة"},
            "date": "2018-04-03",
            "title": {"ar": "إصلاح وحكامة منظومة الحماية الاجتماعية"},
        }
    }
    assert legal_basis(manifest) == {
        "reference": "منشور السيد رئيس الحكومة بتاريخ 3 أبريل 2018",
        "preamble": "منشور السيد رئيس الحكومة بتاريخ 3 أبريل 2018 في شأن إصلاح وحكامة منظومة "
        "الحماية الاجتماعية",
    }
    assert legal_basis({"legal_basis": {"date": "2018-04-03"}})["reference"] == (
        "…… بتاريخ 3 أبريل 2018"
    )
    assert legal_basis({}) == {"reference": "", "preamble": ""}


# ---------------------------------------------------------------- minutes


@needs_pdftotext
def test_draft_minutes_formal_parts_read_back_whole(run, rich: Path, tmp_path: Path) -> None:
    text, pages = render_pdf(run, rich, tmp_path, "minutes", RICH)
    assert len(pages) >= 2
    for page in pages:  # the reference on every page: letterhead, then the running header
        assert squeeze("15/2025") in page
    for part in (
        "المرجع:منشورالسيدرئيسالحكومةبتاريخ3أبريل",
        "بناءعلىمنشورالسيدرئيسالحكومةبتاريخ3أبريل2018فيشأن",
        "افتتحرئيسالحكومةرئيستجريبي",
        "الاجتماععلىالساعة",
        "حضرالاجتماعأومثلفيه4أعضاءمنأصل6أعضاء",
        "رفعتالجلسةعلىالساعة",
        "وحررهذاالمحضربالرباطفي21ماي",
        "السيدةمقررةتجريبية",
        "كتابةاللجنة",
        "الملاحق",
        squeeze("مذكرة تقديمية حول تعميم نظام"),
        "لائحةالتوزيع",
        squeeze("المدير العام للصندوق الوطني للضمان الاجتماعي"),
        "الإمضاء",
    ):
        assert part in text, part
    assert "10:40" in text and "13:05" in text
    # the distribution list comes after the signatures, the annexes before it
    assert text.index("الإمضاء") < text.index("الملاحق") < text.index("لائحةالتوزيع")


@needs_pdftotext
def test_minutes_without_the_data_print_blanks_never_guesses(
    run, rich: Path, tmp_path: Path
) -> None:
    text, _ = render_pdf(run, rich, tmp_path, "minutes", PLAIN)
    assert re.search("رقم:?……", text)
    assert "الاجتماععلىالساعة……" in text  # not the 10:30 the convocation announced
    assert "رفعتالجلسةعلىالساعة……" in text
    assert "وحررهذاالمحضرب……في……" in text
    assert "المقرر" in text and re.search("الاسم:?……", text)


def test_approved_minutes_keep_the_formal_parts(run, tmp_path: Path) -> None:
    approved = {**RICH_MEETING, "minutes": {**RICH_MEETING["minutes"], "status": "approved"}}
    registry = build_registry(tmp_path / "repo", MEETING, (approved,))
    result = run(["protsoc", "render", "minutes", RICH, "-f", "html", "--registry", str(registry)])
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert "مشروع محضر" not in html
    assert 'ورفعت الجلسة على الساعة <span dir="ltr">13:05</span>' in html or (
        "ورفعت الجلسة على الساعة 13:05" in html
    )
    assert 'class="reference">رقم: 15/2025' in html


# ---------------------------------------------------------------- convocations


@needs_pdftotext
def test_convocation_copy_to_annexes_and_its_reference(run, rich: Path, tmp_path: Path) -> None:
    text, pages = render_pdf(run, rich, tmp_path, "convocation", RICH)
    assert re.search("رقم:?14/2025", text)
    assert "نسخةإلى" in text
    assert squeeze("السيد الأمين العام للحكومة") in text
    assert "المرفقات" in text
    assert squeeze("تقرير مرحلي عن الدعم الاجتماعي المباشر") in text
    assert "المرجع:منشورالسيدرئيسالحكومة" in text
    assert "سلامتامبوجودمولاناالإمام" in text
    assert "إلىالسيداتوالسادةأعضاء" in text  # the members' letter lists the posts


@needs_pdftotext
def test_a_guest_gets_a_letter_of_their_own(run, rich: Path, tmp_path: Path) -> None:
    text, pages = render_pdf(run, rich, tmp_path, "convocation", RICH, "--guest", "expert")
    assert len(pages) == 1
    assert squeeze("إلى السيدة خبيرة تجريبية") in text
    assert squeeze("خبيرة في أنظمة الاستهداف") in text
    assert "للمشاركةفيأشغالاجتماع" in text
    assert "إلىالسيداتوالسادةأعضاء" not in text  # not the members' letter
    assert squeeze("وزير الداخلية") not in text
    assert re.search("رقم:?14/2025", text)


def test_guest_errors_are_usage_errors(run, rich: Path) -> None:
    unknown = run(
        ["protsoc", "render", "convocation", RICH, "--guest", "nobody", "--registry", str(rich)]
    )
    assert unknown.exit_code == 2
    assert "no guest 'nobody'" in unknown.stderr and "igf, expert" in unknown.stderr
    minutes = run(["protsoc", "render", "minutes", RICH, "--guest", "igf", "--registry", str(rich)])
    assert minutes.exit_code == 2
    assert "--guest is for a convocation" in minutes.stderr
    assert "Traceback" not in unknown.stderr + minutes.stderr


def test_guest_convocation_file_is_named_after_the_guest(run, rich: Path, tmp_path: Path) -> None:
    result = run(
        [
            "protsoc",
            "render",
            "convocation",
            RICH,
            "--guest",
            "igf",
            "-f",
            "html",
            "--registry",
            str(rich),
        ],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    assert "<strong>إلى المفتشية العامة للمالية</strong>" in result.stdout


# ---------------------------------------------------------------- references: stored, never reused


def _commit(repo: Path) -> None:
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-qm",
            "synthetic",
        ],
        check=True,
    )


def test_references_drawn_from_the_committee_sequence_are_never_reused(run, tmp_path: Path) -> None:
    registry = build_registry(tmp_path / "repo", MEETING, (RICH_MEETING,))
    _commit(tmp_path / "repo")
    args = ["--registry", str(registry)]
    first = run(["protsoc", "set", "meeting", PLAIN, "--convocation-ref", "next", *args])
    assert first.exit_code == 0, first.stderr
    second = run(["protsoc", "set", "meeting", PLAIN, "--minutes-ref", "next", *args])
    assert second.exit_code == 0, second.stderr
    meeting = yaml.safe_load((registry / "meetings/steering/2025-03-04.yaml").read_text("utf-8"))
    assert meeting["references"] == {"convocation": "1/2025", "minutes": "2/2025"}
    committee = registry / "committees/steering.yaml"
    assert yaml.safe_load(committee.read_text("utf-8"))["last_reference"] == 2
    # drawing again for the same letter takes a new number: 2 is spent, even if replaced
    third = run(["protsoc", "set", "meeting", PLAIN, "--minutes-ref", "next", *args])
    assert third.exit_code == 0, third.stderr
    meeting = yaml.safe_load((registry / "meetings/steering/2025-03-04.yaml").read_text("utf-8"))
    assert meeting["references"]["minutes"] == "3/2025"
    # a number typed by hand is kept as typed and does not move the sequence
    typed = run(["protsoc", "set", "meeting", RICH, "--convocation-ref", "40/2025", *args])
    assert typed.exit_code == 0, typed.stderr
    assert yaml.safe_load(committee.read_text("utf-8"))["last_reference"] == 3
    valid = run(["protsoc", "validate", *args])
    assert valid.exit_code == 0, valid.stdout
    html = run(["protsoc", "render", "minutes", PLAIN, "-f", "html", *args]).stdout
    assert re.search('class="reference">رقم: (<span dir="ltr">)?3/2025', html)


def test_a_bad_reference_is_refused_and_nothing_is_written(run, tmp_path: Path) -> None:
    registry = build_registry(tmp_path / "repo")
    _commit(tmp_path / "repo")
    path = registry / "meetings/steering/2025-03-04.yaml"
    before = path.read_bytes()
    result = run(
        [
            "protsoc",
            "set",
            "meeting",
            PLAIN,
            "--convocation-ref",
            "12/2025\n<b>",
            "--registry",
            str(registry),
        ]
    )
    assert result.exit_code == 2
    assert "--convocation-ref is not a reference number" in result.stderr
    assert path.read_bytes() == before


def test_opening_closing_times_and_rapporteur_set_by_the_clerk(run, tmp_path: Path) -> None:
    registry = build_registry(tmp_path / "repo")
    _commit(tmp_path / "repo")
    args = ["--registry", str(registry)]
    result = run(
        [
            "protsoc",
            "set",
            "meeting",
            PLAIN,
            "--opened-at",
            "10:40",
            "--closed-at",
            "13:05",
            "--rapporteur",
            "السيدة مقررة تجريبية",
            *args,
        ]
    )
    assert result.exit_code == 0, result.stderr
    md = run(["protsoc", "render", "minutes", PLAIN, *args]).stdout
    assert "الاجتماع على الساعة 10:40" in md
    assert "ورفعت الجلسة على الساعة 13:05" in md
    assert "السيدة مقررة تجريبية" in md
    assert "السيد السيدة" not in md  # the honorific typed in the name is not doubled
    backwards = run(["protsoc", "set", "meeting", PLAIN, "--closed-at", "09:00", *args])
    assert backwards.exit_code != 0  # closed before it opened: date-order refuses it


def test_report_reference_stored_in_the_manifest(run, tmp_path: Path) -> None:
    registry = build_registry(tmp_path / "repo")
    _commit(tmp_path / "repo")
    args = ["--registry", str(registry)]
    assert (
        run(["protsoc", "set", "report", "2025-06-01", "--reference", "next", *args]).exit_code == 0
    )
    assert (
        run(["protsoc", "set", "report", "2025-07-01", "--reference", "next", *args]).exit_code == 0
    )
    manifest = yaml.safe_load((registry / "protsoc.yaml").read_text("utf-8"))
    assert manifest["last_report_reference"] == 2
    assert [r["reference"] for r in manifest["reports"]] == ["1/2025", "2/2025"]
    html = run(["protsoc", "report", "--as-of", "2025-07-01", "-f", "html", *args]).stdout
    assert re.search('رقم الإرسال: (<span dir="ltr">)?2/2025', html)
    other = run(["protsoc", "report", "--as-of", "2025-08-01", "-f", "html", *args]).stdout
    assert "رقم الإرسال: ……" in other


# ---------------------------------------------------------------- the report


@needs_pdftotext
def test_report_numbered_tables_and_figures_with_sources(run, rich: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run(
        [
            "protsoc",
            "report",
            "--as-of",
            "2025-06-01",
            "-f",
            "pdf",
            "-o",
            str(out),
            "--registry",
            str(rich),
        ]
    )
    assert result.exit_code == 0, result.stderr
    text = squeeze(pdf_text(out))
    # pdftotext puts the colon of «الجدول 1:» before the number: «الجدول:1»
    assert text.index("خلاصات") < text.index("المحتويات") < text.index("الجدول:1")
    for part in (
        "الجدول:1",
        "الجدول:2",
        "الجدول:3",
        "الشكل:1",
        "المصدر:",
        "الملاحق",
        "الإمضاء",
        "المرجع:منشورالسيدرئيسالحكومة",
    ):
        assert part in text, part
    assert re.search("رقمالإرسال:?……", text)
    assert "seeds/" not in text and "tests/synthetic" not in text  # sources in words, no paths


def test_report_single_values_are_cards_not_charts(run, tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parent.parent / "registry"
    result = run(
        ["protsoc", "report", "--as-of", "2026-11-22", "-f", "html", "--registry", str(shipped)]
    )
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    cards = html.count('class="figure card"')
    assert cards >= 10 and "<img" not in html  # the shipped indicators each hold one value
    numbers = [int(n) for n in re.findall("الشكل ([0-9]+):", html)]
    assert numbers == list(range(1, cards + 1))
    assert "أكثر من" in html.split('class="cards"')[1]  # the qualifier is kept


def test_an_incomplete_attendance_list_gives_a_floor_not_a_share() -> None:
    """The shipped 2024-11-26 meeting names 4 of 19 posts from the press: «less than half the
    members» would be a verdict the sources do not support."""
    statement = quorum_statement(4, 19, complete=False)
    assert statement == (
        "حضر الاجتماع أو مثل فيه، حسب المصادر المتوفرة، 4\u00a0أعضاء على الأقل من أصل "
        "19\u00a0عضوا، واللائحة غير كاملة."
    )
    assert "نصف" not in statement


def test_where_and_when_written_copy_to_and_annexes_set_by_the_clerk(run, tmp_path: Path) -> None:
    registry = build_registry(tmp_path / "repo")
    _commit(tmp_path / "repo")
    args = ["--registry", str(registry)]
    result = run(
        [
            "protsoc",
            "set",
            "meeting",
            PLAIN,
            "--written-at",
            "الرباط",
            "--written-on",
            "2025-03-05",
            "--copy-to",
            "الأمين العام للحكومة",
            "--annex",
            "مذكرة تقديمية",
            "--annex",
            "تقرير مرحلي",
            *args,
        ]
    )
    assert result.exit_code == 0, result.stderr
    minutes = run(["protsoc", "render", "minutes", PLAIN, *args]).stdout
    assert "وحرر هذا المحضر بالرباط في 5 مارس 2025." in minutes
    assert "1. مذكرة تقديمية\n2. تقرير مرحلي" in minutes
    convocation = run(["protsoc", "render", "convocation", PLAIN, *args]).stdout
    assert "**نسخة إلى:**\n\n- الأمين العام للحكومة" in convocation
    assert "**المرفقات:**" in convocation
    again = run(["protsoc", "set", "meeting", PLAIN, "--annex", "عرض ثالث", *args])
    assert again.exit_code == 0, again.stderr
    assert "3. عرض ثالث" in run(["protsoc", "render", "minutes", PLAIN, *args]).stdout
    bad_day = run(["protsoc", "set", "meeting", PLAIN, "--written-on", "2025-02-30", *args])
    assert bad_day.exit_code == 2 and "Traceback" not in bad_day.stderr


@needs_pdftotext
def test_lateness_is_a_word_and_a_symbol_agreeing_with_its_noun(
    run, rich: Path, tmp_path: Path
) -> None:
    """Issue 15, finding 7: red alone is lost in a black-and-white print, and a توصية is
    متأخرة. The rich meeting's decisions fall due in 2025: all late on 2026-01-15."""
    args = ["--as-of", "2026-01-15", "--registry", str(rich)]
    html = run(["protsoc", "report", "-f", "html", *args]).stdout
    marks = re.findall('class="late-mark">([^<]*)<', html)
    assert "⚠ متأخرة" in marks and "⚠ متأخر" in marks
    row = next(r for r in html.split("<tr>") if "نشر المرسوم رقم" in r)  # d5, a recommendation
    assert "⚠ متأخرة" in row
    out = tmp_path / "report.pdf"
    assert run(["protsoc", "report", "-f", "pdf", "-o", str(out), *args]).exit_code == 0
    assert "متأخرة" in pdf_text(out)
