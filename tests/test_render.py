"""protsoc render minutes|convocation and protsoc report: content of every format, escaping,
errors."""

from __future__ import annotations

import base64
import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_render_support import MEETING, build_registry, copy_shipped, write

COMMITTEE_NAME = "اللجنة الوزارية لقيادة إصلاح وحكامة منظومة الحماية الاجتماعية"
DECISIONS = (
    "المصادقة على محضر الاجتماع السابق",
    "تسريع تسجيل العمال المستقلين في نظام AMO TNS",
    "إطلاق تقييم مستقل",
)
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils not installed"
)


def squeeze(text: str) -> str:
    """Text without bidi controls and whitespace: pdftotext adds the former and splits ligatures."""
    return re.sub(r"\s+", "", BIDI.sub("", text))


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def in_order(text: str, parts: tuple[str, ...]) -> bool:
    positions = [text.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    return build_registry(tmp_path / "repo")


# ---------------------------------------------------------------- minutes of the synthetic meeting


def test_minutes_markdown_content(run, synthetic: Path) -> None:
    result = run(
        ["protsoc", "render", "minutes", "steering/2025-03-04", "--registry", str(synthetic)]
    )
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "الثلاثاء 4 مارس 2025" in md
    assert (
        "4 رمضان 1446 هـ" in md
    )  # Umm al-Qura: the manifest has no official start for Ramadan 1446
    assert COMMITTEE_NAME in md
    assert "على الساعة 10:30" in md
    assert in_order(
        md, ("### الحاضرون", "### الممثلون", "### المعتذرون", "### المتغيبون", "### المدعوون")
    )
    assert "وزير الاقتصاد والمالية، ممثلا من طرف الكاتب العام للوزارة" in md
    assert (
        "وزير الصحة والحماية الاجتماعية" in md
    )  # the post's title on the meeting date, not the 2018 one
    assert "حضر الاجتماع أو مثل فيه 4 أعضاء من أصل 6 أعضاء" in md
    # agenda in priority order, decisions in their numbered order
    assert in_order(
        md,
        ("1. المصادقة على محضر الاجتماع السابق", "2. تعميم التغطية الصحية", "3. الدعم الاجتماعي"),
    )
    assert in_order(md, tuple(f"| {n} | " for n in (1, 2, 3)))
    assert in_order(md.split("## القرارات")[1], DECISIONS)
    assert "صدر عن الاجتماع قراران وتوصية واحدة" in md
    assert "31 دجنبر 2025" in md
    assert "> **مشروع**" in md
    assert "وزير الداخلية: 10 مارس 2025" in md
    # record text cannot open HTML in a Markdown viewer
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_minutes_html_is_escaped_rtl_and_watermarked(run, synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.html"
    result = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "--format",
            "html",
            "-o",
            str(out),
            "--registry",
            str(synthetic),
        ]
    )
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert 'class="watermark"' in html and ">مشروع</div>" in html
    assert "الثلاثاء" in html and "نونبر" not in html and "مارس" in html
    assert '<span dir="ltr">AMO TNS</span>' in html
    assert '<span dir="ltr">10:30</span>' in html
    decisions = re.sub(r"<[^>]+>", "", html.split("<h2>القرارات والتوصيات</h2>")[1])
    assert in_order(decisions, DECISIONS)
    assert "http://" not in html and "https://" not in html  # self-contained


def test_approved_minutes_have_no_watermark(run, synthetic: Path) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["minutes"] = {
        "status": "approved",
        "approved_on": "2025-03-20",
        "approvals": [
            {"member": "interior", "date": "2025-03-10"},
            {"member": "health", "date": "2025-03-20"},
        ],
    }
    write(synthetic / "meetings" / "steering" / "2025-03-04.yaml", meeting)
    html = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "--format",
            "html",
            "--registry",
            str(synthetic),
        ]
    ).stdout
    assert 'class="watermark"' not in html
    assert "وضعية المحضر: مصادق عليه بتاريخ 20 مارس 2025" in re.sub(r"<[^>]+>", "", html).replace(
        "\xa0", " "
    )
    md = run(
        ["protsoc", "render", "minutes", "steering/2025-03-04", "--registry", str(synthetic)]
    ).stdout
    assert "**مشروع**" not in md and "**مصادق عليه** بتاريخ" in md


def test_official_hijri_month_start_from_the_manifest(run, synthetic: Path) -> None:
    manifest_path = synthetic / "protsoc.yaml"
    from protsoc.registry import yamlio

    manifest = yamlio.loads(manifest_path.read_bytes()).data
    manifest["hijri_month_starts"] = [
        {"year": 1446, "month": 9, "starts": "2025-03-02", "source": {"document": "test data"}}
    ]
    write(manifest_path, manifest)
    md = run(
        ["protsoc", "render", "minutes", "steering/2025-03-04", "--registry", str(synthetic)]
    ).stdout
    assert "الموافق 3 رمضان 1446 هـ" in md and "4 رمضان" not in md


@needs_pdftotext
def test_minutes_pdf_text_in_logical_order(run_process, synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "minutes.pdf"
    result = run_process(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "-f",
            "pdf",
            "-o",
            str(out),
            "--registry",
            str(synthetic),
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == [
        "minutes.pdf"
    ]  # no temporary file left behind
    text = squeeze(pdf_text(out))
    assert squeeze(COMMITTEE_NAME) in text
    # pdftotext moves the comma after «2025» before it: check the date up to the month
    assert squeeze("يوم الثلاثاء 4 مارس") in text
    assert in_order(text, tuple(squeeze(d) for d in DECISIONS))
    assert re.search("الصفحة1من[0-9]", text)  # the page counter, whole


# ---------------------------------------------------------------- the shipped 2024-11-26 meeting


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    return copy_shipped(tmp_path / "shipped")


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_shipped_steering_meeting_in_every_format(
    run, shipped: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"minutes.{fmt}"
    result = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2024-11-26",
            "-f",
            fmt,
            "-o",
            str(out),
            "--registry",
            str(shipped),
        ]
    )
    assert result.exit_code == 0, result.stderr
    if fmt == "pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("poppler-utils not installed")
        text = squeeze(pdf_text(out))
    else:
        text = squeeze(out.read_text(encoding="utf-8"))
        if fmt == "html":
            text = re.sub(r"<[^>]+>", "", text)
    assert squeeze("الثلاثاء 26 نونبر") in text and squeeze("في 26 نونبر 2024") in text
    assert squeeze("24 جمادى الأولى 1446") in text
    assert squeeze(COMMITTEE_NAME) in text
    assert squeeze("عزيز أخنوش") in text
    assert squeeze("التقدم المحرز في مشروع تعميم التغطية الصحية") in text
    # provenance in Arabic words, in an annex: the article by its headline, never its file
    assert squeeze("seeds/004") not in text and "protsoc" not in text
    assert squeeze("أخنوش يقود اجتماع اللجنة الوزارية لقيادة إصلاح منظومة الحماية") in text


def test_shipped_convocation(run, shipped: Path) -> None:
    result = run(
        ["protsoc", "render", "convocation", "steering/2024-11-26", "--registry", str(shipped)]
    )
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "# استدعاء" in md
    assert "يشرفني أن أدعوكم لحضور اجتماع " + COMMITTEE_NAME in md
    assert "يوم الثلاثاء 26 نونبر 2024، الموافق 24 جمادى الأولى 1446 هـ" in md
    assert "1. تقييم الإنجازات التي تحققت في البرامج الاجتماعية" in md
    assert "**مشروع**" not in md


@needs_pdftotext
def test_convocation_pdf(run, synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "convocation.pdf"
    result = run(
        [
            "protsoc",
            "render",
            "convocation",
            "steering/2025-03-04",
            "-f",
            "pdf",
            "-o",
            str(out),
            "--registry",
            str(synthetic),
        ]
    )
    assert result.exit_code == 0, result.stderr
    text = squeeze(pdf_text(out))
    assert squeeze("استدعاء") in text and squeeze("يشرفني أن أدعوكم") in text
    assert squeeze("يوم الثلاثاء 4 مارس") in text
    assert in_order(
        text,
        (
            squeeze("المصادقة على محضر الاجتماع السابق"),
            squeeze("تعميم التغطية الصحية"),
            squeeze("الدعم الاجتماعي المباشر"),
        ),
    )


def test_convocation_html_has_no_watermark(run, synthetic: Path) -> None:
    html = run(
        [
            "protsoc",
            "render",
            "convocation",
            "steering/2025-03-04",
            "-f",
            "html",
            "--registry",
            str(synthetic),
        ]
    ).stdout
    assert "استدعاء" in html and 'class="watermark"' not in html
    assert "وزير العدل" in html  # addressed to the members


# ---------------------------------------------------------------- the follow-up report


def test_report_markdown(run, synthetic: Path) -> None:
    result = run(["protsoc", "report", "--as-of", "2025-08-01", "--registry", str(synthetic)])
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "# تقرير التتبع" in md and "1 غشت 2025" in md
    assert (
        "| لجنة القيادة | اجتماع واحد على الأقل في كل سنة ميلادية | اجتماع واحد | 4 مارس 2025 |"
        in md
    )
    assert "حملة تسجيل العمال المستقلين: في طور الإنجاز، 40%" in md
    assert "**(⚠ متأخر)**" in md and "الإجراءات المتأخرة عن أجلها: إجراء واحد" in md
    assert (
        "| المستفيدون من نظام AMO TNS | حوالي 3.8 مليون مستفيد | 26 نونبر 2024 | "
        "4.5 مليون مستفيد (دجنبر 2025) | في تحسن |" in md
    )


def test_report_html_embeds_one_outlined_svg_chart_per_indicator(run, synthetic: Path) -> None:
    html = run(
        ["protsoc", "report", "--as-of", "2025-08-01", "-f", "html", "--registry", str(synthetic)]
    ).stdout
    charts = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert len(charts) == 1
    svg = base64.b64decode(charts[0]).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<text" not in svg  # Arabic drawn as shaped outlines, never as live SVG text
    assert "#b3261e" in svg  # the target line
    assert not re.search(r"(href|src)=\"https?:|url\(https?:", svg)  # nothing to fetch


@needs_pdftotext
def test_report_pdf(run_process, shipped: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run_process(
        [
            "protsoc",
            "report",
            "--as-of",
            "2026-11-22",
            "-f",
            "pdf",
            "-o",
            str(out),
            "--registry",
            str(shipped),
        ]
    )
    assert result.exit_code == 0, result.stderr
    text = squeeze(pdf_text(out))
    assert squeeze("تقرير التتبع") in text
    assert squeeze("لوحة القيادة الوطنية") in text
    assert squeeze("22 نونبر 2026") in text


def test_report_for_one_committee_and_unknown_committee(run, shipped: Path) -> None:
    ok = run(
        [
            "protsoc",
            "report",
            "--committee",
            "steering",
            "--as-of",
            "2026-11-22",
            "--registry",
            str(shipped),
        ]
    )
    assert ok.exit_code == 0, ok.stderr
    assert "اللجنة التقنية" not in ok.stdout.split("## 3.")[0]
    assert (
        "### المحاور" in ok.stdout
        and "التغطية الصحية الأساسية" in ok.stdout.split("### المحاور")[1]
    )
    bad = run(["protsoc", "report", "--committee", "stearing", "--registry", str(shipped)])
    assert bad.exit_code == 2
    assert "no committee 'stearing'" in bad.stderr and "steering" in bad.stderr.split("hint:")[1]


# ---------------------------------------------------------------- errors and templates


def test_unknown_meeting_is_a_usage_error_with_similar_ids(run_process, synthetic: Path) -> None:
    result = run_process(
        ["protsoc", "render", "minutes", "steering/2025-03-05", "--registry", str(synthetic)]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no meeting 'steering/2025-03-05'" in result.stderr
    assert "did you mean steering/2025-03-04?" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_document_and_format(run, synthetic: Path) -> None:
    assert (
        run(
            ["protsoc", "render", "agenda", "steering/2025-03-04", "--registry", str(synthetic)]
        ).exit_code
        == 2
    )
    result = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "-f",
            "docx",
            "--registry",
            str(synthetic),
        ]
    )
    assert result.exit_code == 2 and "use md, html or pdf" in result.stderr


def test_registry_templates_override_the_shipped_ones(run, synthetic: Path) -> None:
    own = synthetic.parent / "templates"
    own.mkdir()
    (own / "minutes.md.j2").write_text(
        "محضر {{ committee.short_name }} {{ meeting.date | day_ar }}\n", encoding="utf-8"
    )
    result = run(
        ["protsoc", "render", "minutes", "steering/2025-03-04", "--registry", str(synthetic)]
    )
    assert result.stdout == "محضر لجنة القيادة الثلاثاء 4 مارس 2025\n"


def test_undefined_variable_in_a_template_is_an_error(run, synthetic: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "minutes.md.j2").write_text("{{ meeting.secretary }}\n", encoding="utf-8")
    result = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "--templates",
            str(folder),
            "--registry",
            str(synthetic),
        ]
    )
    assert result.exit_code == 1
    assert "undefined" in result.stderr and "secretary" in result.stderr


def test_templates_run_in_the_sandbox(run, synthetic: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "minutes.md.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    result = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "--templates",
            str(folder),
            "--registry",
            str(synthetic),
        ]
    )
    assert result.exit_code == 1
    assert "sandbox" in result.stderr


def test_missing_pango_is_one_clear_line(synthetic: Path, tmp_path: Path) -> None:
    # Pango cannot be uninstalled for one test: a stand-in weasyprint raises what cffi raises
    # when libgobject is missing (the error seen in a clean Debian image).
    fake = tmp_path / "fake"
    (fake / "weasyprint").mkdir(parents=True)
    (fake / "weasyprint" / "__init__.py").write_text(
        "raise OSError(\"cannot load library 'libgobject-2.0-0': error 0x7e\")\n", encoding="utf-8"
    )
    script = (
        "import sys; from protsoc.cli.main import app; "
        "sys.argv=['protsoc','render','minutes','steering/2025-03-04','-f','pdf','-o','x.pdf',"
        f"'--registry',{str(synthetic)!r}]; app()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env={"PYTHONPATH": str(fake), "PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "apt-get install -y --no-install-recommends libpango-1.0-0" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
    # Markdown and HTML do not need Pango
    script_md = script.replace("'-f','pdf','-o','x.pdf',", "'-f','html',")
    ok = subprocess.run(
        [sys.executable, "-c", script_md],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env={"PYTHONPATH": str(fake), "PATH": "/usr/bin:/bin"},
    )
    assert ok.returncode == 0 and "<html" in ok.stdout


def test_importing_the_cli_loads_no_rendering_library() -> None:
    code = (
        "import sys, protsoc.cli.main; "
        "print([m for m in ('jinja2','weasyprint','matplotlib','babel','hijridate') if m in "
        "sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.replace("'", '"')) == []


@needs_pdftotext
def test_pdf_visual_order_of_numbers_and_latin_runs(run, synthetic: Path, tmp_path: Path) -> None:
    """Word positions (pdftotext -bbox) prove the bidi layout: in «عرضا حول 3.800.000 مستفيد من نظام
    AMO TNS.» the number sits left of «حول» and right of «مستفيد», «AMO» left of «TNS», and the full
    stop at the line's far left."""
    out = tmp_path / "minutes.pdf"
    assert (
        run(
            [
                "protsoc",
                "render",
                "minutes",
                "steering/2025-03-04",
                "-f",
                "pdf",
                "-o",
                str(out),
                "--registry",
                str(synthetic),
            ]
        ).exit_code
        == 0
    )
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = [
        (float(x), float(y), w)
        for x, y, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox
        )
    ]
    number = next((x, y) for x, y, w in words if w == "3.800.000")

    def x_of(word: str) -> float:
        # pdftotext writes Arabic words in visual order: reverse them back to compare
        return next(x for x, y, w in words if abs(y - number[1]) < 1 and w in (word, word[::-1]))

    assert x_of("حول") > number[0] > x_of("مستفيد") > x_of("AMO")
    assert x_of("AMO") < x_of("TNS")
    assert x_of(".") < x_of("AMO")


def test_meeting_without_a_date_is_an_invalid_record_not_a_crash(run, synthetic: Path) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["date"] = "04/03/2025"
    write(synthetic / "meetings" / "steering" / "2025-03-04.yaml", meeting)
    result = run(
        ["protsoc", "render", "minutes", "steering/2025-03-04", "--registry", str(synthetic)]
    )
    assert result.exit_code == 1
    assert "has no valid date" in result.stderr and "protsoc validate" in result.stderr


def test_output_to_a_pipe_or_device_writes_in_place(run, synthetic: Path, tmp_path: Path) -> None:
    # Renaming a temporary file over -o would replace a device or pipe by a plain file.
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "-o",
            str(fifo),
            "--registry",
            str(synthetic),
        ]
    )
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert "# محضر اجتماع" in received[0].decode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "repo"]


def test_output_to_a_folder_is_a_usage_error(run, synthetic: Path, tmp_path: Path) -> None:
    result = run(
        [
            "protsoc",
            "render",
            "minutes",
            "steering/2025-03-04",
            "-o",
            str(tmp_path),
            "--registry",
            str(synthetic),
        ]
    )
    assert result.exit_code == 2 and "is a folder" in result.stderr
