"""Official documents name their sources in Arabic words and their people without guessing
(issue 15, findings 2 and 6)."""

from __future__ import annotations

import pytest

from protsoc.documents.render import named, provenance_wording


def test_a_clerks_entry_is_named_as_the_secretariats_entry_not_a_command_line() -> None:
    source = {"document": "protsoc add meeting by Amina on 2026-12-02", "date": "2026-12-02"}
    assert provenance_wording(source) == "إدخال كتابة اللجنة بتاريخ 2 دجنبر 2026"
    source = {"document": "protsoc record decision by x@y.ma on 2025-03-04"}
    assert provenance_wording(source) == "إدخال كتابة اللجنة بتاريخ 4 مارس 2025"


def test_a_document_is_named_by_its_title_never_by_its_file() -> None:
    article = {
        "document": "seeds/004_736f315ecc4f7e21.txt",
        "title": "أخنوش يقود اجتماع اللجنة الوزارية",
        "date": "2024-11-27",
    }
    assert provenance_wording(article) == "أخنوش يقود اجتماع اللجنة الوزارية، بتاريخ 27 نونبر 2024"
    untitled = {"document": "seeds/004_736f315ecc4f7e21.txt", "date": "2024-11-27"}
    wording = provenance_wording(untitled)
    assert "seeds" not in wording and ".txt" not in wording and "……" in wording
    assert provenance_wording({"document": "محضر الاجتماع السابق"}) == "محضر الاجتماع السابق"


def test_a_person_gets_the_recorded_honorific_or_none_never_a_placeholder() -> None:
    assert named("السيدة", "نادية فتاح") == "السيدة نادية فتاح"
    assert named("السيد", "عزيز أخنوش") == "السيد عزيز أخنوش"
    assert named(None, "عزيز أخنوش") == "عزيز أخنوش"
    assert named("السيد", "السيد عزيز أخنوش") == "السيد عزيز أخنوش"  # typed by the clerk
    assert named(None, "") == ""
    assert "(ة)" not in named("السيد(ة)", "فلان")


def test_the_report_opens_with_findings_and_says_how_it_knows(run) -> None:
    """Issue 15, finding 3: verdicts rest on recorded meetings only, and say so; the issuer is a
    body from the manifest (a blank to fill when missing), never the software's title."""
    from conftest import SHIPPED_REGISTRY

    result = run(
        ["protsoc", "report", "--as-of", "2026-11-22", "--registry", str(SHIPPED_REGISTRY)]
    )
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert md.index("## خلاصات") < md.index("## 1.")
    assert "ويعتبر كل اجتماع غير مسجل اجتماعا لم ينعقد" in md
    assert "الجهة المصدرة: ……" in md
    assert "سجل حكامة إصلاح منظومة الحماية الاجتماعية" not in md[: md.index("## خلاصات")]


def test_the_convocation_has_its_formal_parts_and_no_invented_ones(run) -> None:
    """Issue 15, findings 4 and 10: salutation, mixed addressees, confirmation request, the
    signatory from the committee record, visible blanks for what the record lacks."""
    from conftest import SHIPPED_REGISTRY

    md = run(
        ["protsoc", "render", "convocation", "steering/2024-11-26"]
        + ["--registry", str(SHIPPED_REGISTRY)]
    ).stdout
    assert "سلام تام بوجود مولانا الإمام، وبعد" in md
    assert "إلى السيدات والسادة أعضاء" in md  # a وزيرة is on the list
    assert "تأكيد حضوركم" in md
    assert "**رئيس الحكومة**" in md and "رئيس اللجنة" not in md
    assert "على الساعة ……" in md  # the record has no time: a blank, not a guess
    assert "رقم: ……" in md


def test_the_report_draws_no_chart_of_a_single_value(run, tmp_path) -> None:
    """Issue 15, finding 9: 15 charts of one dot each; a single value stays in the table."""
    pytest.importorskip("matplotlib")
    from conftest import SHIPPED_REGISTRY

    out = tmp_path / "report.html"
    result = run(
        ["protsoc", "report", "--as-of", "2026-11-22", "--format", "html", "-o", str(out)]
        + ["--registry", str(SHIPPED_REGISTRY)]
    )
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert 'class="chart"' not in html  # every shipped indicator has one observation
    assert "28\u00a0مرسوما" in html
