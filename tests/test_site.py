"""protsoc site: what is published, what never is, and that the output stands on its own.

The checks a browser is not needed for: every link and asset resolves inside the output (a
crawl of every page and stylesheet), nothing points to the network, record text is escaped in
HTML and neutralised in CSV, draft minutes are never published, the data validates against its
own JSON Schema, «last updated» is the record's last commit, and the accessibility rules that
can be read from the HTML and CSS (lang/dir, headings, table headers, names of images and charts,
the palette's contrast). tests/test_site_browser.py runs axe-core in Chromium on top of these.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import SHIPPED_REGISTRY
from site_support import COMMIT_DAY, committed_registry, links_of, parse

AS_OF = "2025-06-01"


@pytest.fixture
def synthetic_site(run, tmp_path: Path) -> Path:
    registry = committed_registry(tmp_path / "repo", approved=True)
    out = tmp_path / "public"
    outcome = run(["site", "-o", str(out), "--as-of", AS_OF, "--registry", str(registry)])
    assert outcome.exit_code == 0, outcome.output
    return out


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "public"
    result = subprocess.run(
        [
            "protsoc",
            "site",
            "-o",
            str(out),
            "--as-of",
            "2026-12-01",
            "--registry",
            str(SHIPPED_REGISTRY),
            "--base-url",
            "https://example.org/dashboard/",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def all_text(out: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.suffix in (".html", ".js", ".json", ".csv")
    )


# ---------------------------------------------------------------- pages


def test_the_shipped_registry_gives_every_page_in_both_languages(shipped_site: Path) -> None:
    indicators = sorted(
        p.stem for p in (SHIPPED_REGISTRY / "roadmap" / "indicators").glob("*.yaml")
    )
    committees = sorted(p.stem for p in (SHIPPED_REGISTRY / "committees").glob("*.yaml"))
    for lang in ("ar", "fr"):
        root = shipped_site / lang
        for page in ("index", "decisions", "roadmap", "evaluations", "data", "search"):
            assert (root / f"{page}.html").is_file(), (lang, page)
        assert (
            sorted(p.stem for p in (root / "indicators").glob("*.html") if p.stem != "index")
            == indicators
        )
        assert (
            sorted(p.stem for p in (root / "committees").glob("*.html") if p.stem != "index")
            == committees
        )
        assert (root / "meetings" / "steering" / "2024-11-26.html").is_file()
    home = (shipped_site / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in home
    assert "لجنة القيادة" in home and "غير مطابقة" in home  # cadence status per committee
    assert "31 دجنبر 2026" in home  # next due date, Moroccan month names
    assert "أكثر من" in home and "11\u202f100\u202f000" in home  # latest value with its qualifier
    french = (shipped_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr" dir="ltr">' in french and "non conforme" in french
    assert "31 décembre 2026" in french
    # record text has no French wording: shown in Arabic, marked as Arabic for screen readers
    assert '<span lang="ar" dir="rtl">لجنة القيادة</span>' in french


def test_an_indicator_page_has_its_chart_table_metadata_sources_and_downloads(
    synthetic_site: Path,
) -> None:
    page = (synthetic_site / "ar" / "indicators" / "amo-tns-beneficiaries.html").read_text(
        encoding="utf-8"
    )
    assert '<svg role="img" aria-label="المبيان: المستفيدون من نظام AMO TNS"' in page
    assert "<?xml" not in page  # inline SVG, not a document
    assert "3\u202f800\u202f000" in page and "3\u202f500\u202f000" in page
    assert "4\u202f500\u202f000" in page  # table with target
    assert "حوالي" in page
    assert f'<time datetime="{COMMIT_DAY}">2 أبريل 2025</time>' in page  # last commit of the record
    assert "../../data/indicators/amo-tns-beneficiaries.csv" in page
    assert "../../data/indicators/amo-tns-beneficiaries.json" in page
    french = (synthetic_site / "fr" / "indicators" / "amo-tns-beneficiaries.html").read_text(
        encoding="utf-8"
    )
    assert "Dernière mise à jour" in french and "2 avril 2025" in french
    chart = french.split("<svg", 1)[1].split("</svg>", 1)[0]
    labels = re.findall(r"<!-- (.*?) -->", chart)  # each outlined label names its text
    assert "Cible\u00a0: 4\u202f500\u202f000 (décembre 2025)" in labels  # French, not «الهدف»
    assert "juin 2024" in labels and "novembre 2024" in labels
    assert not any("الهدف" in label or "يونيو" in label for label in labels)
    # the record has no French name: its Arabic title keeps the chart marked Arabic
    assert 'lang="ar"' in chart.split(">", 1)[0]


def test_a_programme_with_a_ledger_shows_the_figures_governance_computes(
    synthetic_site: Path, tmp_path: Path
) -> None:
    import datetime as dt

    from protsoc.governance.programme import finance_report
    from protsoc.registry.loaded import Registry

    registry = Registry.load(tmp_path / "repo" / "registry")
    computed = next(
        row.figures.as_json()
        for row in finance_report(registry, dt.date.fromisoformat(AS_OF)).rows
        if row.group == "programme"
    )
    # the figures worked out by hand in site_support.PROGRAMME, as governance computes them
    assert computed["revised_budget"] == "2000000.00" and computed["committed"] == "1400000.00"
    assert computed["paid"] == "850000.10" and computed["commitment_rate"] == "0.7000"
    french = (synthetic_site / "fr" / "programmes" / "synthetic-programme.html").read_text(
        encoding="utf-8"
    )
    row = french.split('<tr class="total">', 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r'<td class="num">(.*?)</td>', row)
    nnbsp = "\u202f"
    assert cells == [
        f"2{nnbsp}000{nnbsp}000.00",  # revised budget
        f"1{nnbsp}400{nnbsp}000.00",  # committed
        f"850{nnbsp}000.10",  # paid
        "0.00",  # spent
        f"70{nnbsp}%",  # commitment rate
        f"60.7{nnbsp}%",  # payment rate
        f"42.5{nnbsp}%",  # execution rate
    ]
    assert ">2024</th>" in french and ">2025</th>" in french  # one row per fiscal year
    arabic = (synthetic_site / "ar" / "programmes" / "index.html").read_text(encoding="utf-8")
    assert f"1{nnbsp}400{nnbsp}000.00" in arabic and "60.7%" in arabic and "نسبة الالتزام" in arabic
    home = (synthetic_site / "ar" / "index.html").read_text(encoding="utf-8")
    assert 'href="../ar/programmes/index.html"' in home  # in the menu
    assert 'href="programmes/index.html"' in home  # and on the home page
    data = json.loads((synthetic_site / "data" / "programmes.json").read_text(encoding="utf-8"))
    assert data["items"][0]["finance"] == computed
    search = (synthetic_site / "assets" / "search-fr.js").read_text(encoding="utf-8")
    assert '"u": "programmes/synthetic-programme.html"' in search


def test_programmes_without_any_amount_say_so_rather_than_show_zeros(shipped_site: Path) -> None:
    programmes = sorted(p.stem for p in (SHIPPED_REGISTRY / "programmes").glob("*.yaml"))
    assert programmes  # the shipped registry has programmes, none with an amount
    for lang, sentence in (("ar", "لا يتضمن السجل أي رقم مالي"), ("fr", "Aucun montant")):
        folder = shipped_site / lang / "programmes"
        assert sorted(p.stem for p in folder.glob("*.html") if p.stem != "index") == programmes
        for page in folder.glob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert sentence in html, page
            assert "0.00" not in html and "0,00" not in html and "<table" not in html, page
    data = json.loads((shipped_site / "data" / "programmes.json").read_text(encoding="utf-8"))
    assert [item["finance"] for item in data["items"]] == [None] * len(programmes)


def test_the_language_switcher_points_to_the_same_page(synthetic_site: Path) -> None:
    page = (synthetic_site / "ar" / "committees" / "steering.html").read_text(encoding="utf-8")
    assert 'href="../../fr/committees/steering.html"' in page
    page = (synthetic_site / "fr" / "decisions.html").read_text(encoding="utf-8")
    assert 'href="../ar/decisions.html"' in page


def test_lang_ar_builds_only_arabic(run, tmp_path: Path) -> None:
    registry = committed_registry(tmp_path / "repo")
    out = tmp_path / "ar-only"
    outcome = run(
        ["site", "-o", str(out), "--lang", "ar", "--as-of", AS_OF, "--registry", str(registry)]
    )
    assert outcome.exit_code == 0, outcome.output
    assert (out / "ar" / "index.html").is_file() and not (out / "fr").exists()
    assert "fr/" not in (out / "ar" / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- what is never published


def test_draft_minutes_are_never_published(run, tmp_path: Path) -> None:
    registry = committed_registry(tmp_path / "repo", approved=False)
    out = tmp_path / "public"
    outcome = run(["site", "-o", str(out), "--as-of", AS_OF, "--registry", str(registry), "--pdf"])
    assert outcome.exit_code == 0, outcome.output
    assert list(out.rglob("*.pdf")) == []  # not even with --pdf
    text = all_text(out)
    for secret in (
        "قدم وزير الصحة عرضا",
        "تسريع تسجيل العمال المستقلين",
        "حملة تسجيل العمال المستقلين",
    ):
        assert secret not in text, secret
    meeting = (out / "ar" / "meetings" / "steering" / "2025-03-04.html").read_text(encoding="utf-8")
    assert "لم يصادق على المحضر بعد" in meeting


def test_approved_minutes_and_their_decisions_are_published(synthetic_site: Path) -> None:
    meeting = (synthetic_site / "ar" / "meetings" / "steering" / "2025-03-04.html").read_text(
        encoding="utf-8"
    )
    assert "قدم وزير الصحة عرضا" in meeting and "محضر مصادق عليه" in meeting
    decisions = (synthetic_site / "ar" / "decisions.html").read_text(encoding="utf-8")
    assert "تسريع تسجيل العمال المستقلين" in decisions
    assert "حملة تسجيل العمال المستقلين" in decisions  # the action plan of d3, 40 %
    assert ">40%<" in decisions


def test_pdf_publishes_each_approved_minutes_and_links_it(run, tmp_path: Path) -> None:
    registry = committed_registry(tmp_path / "repo", approved=True)
    out = tmp_path / "public"
    outcome = run(["site", "-o", str(out), "--as-of", AS_OF, "--registry", str(registry), "--pdf"])
    assert outcome.exit_code == 0, outcome.output
    pdf = out / "minutes" / "steering" / "2025-03-04.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:  # poppler-utils: the PDF is the minutes, not an empty page
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "2025" in text
    for lang, label in (("ar", "المحضر بصيغة PDF"), ("fr", "Procès-verbal en PDF")):
        page = (out / lang / "meetings" / "steering" / "2025-03-04.html").read_text(
            encoding="utf-8"
        )
        assert '<a href="../../../minutes/steering/2025-03-04.pdf"' in page and label in page


def test_without_pdf_no_minutes_pdf_is_linked(synthetic_site: Path) -> None:
    assert list(synthetic_site.rglob("*.pdf")) == []
    page = (synthetic_site / "ar" / "meetings" / "steering" / "2025-03-04.html").read_text(
        encoding="utf-8"
    )
    assert ".pdf" not in page and "المحضر بصيغة PDF" not in page


def test_record_text_is_escaped_everywhere(synthetic_site: Path) -> None:
    for path in synthetic_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
    decisions = (synthetic_site / "ar" / "decisions.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in decisions
    index = (synthetic_site / "assets" / "search-ar.js").read_text(encoding="utf-8")
    assert index.startswith("window.PROTSOC_SEARCH = [")
    json.loads(
        index.removeprefix("window.PROTSOC_SEARCH = ").rstrip().rstrip(";")
    )  # data, not code


def test_csv_cells_cannot_become_formulas(run, tmp_path: Path) -> None:
    from test_render_support import INDICATOR, write

    registry = committed_registry(tmp_path / "repo", approved=True)
    indicator = json.loads(json.dumps(INDICATOR))
    indicator["name"] = {"ar": '=HYPERLINK("http://x")'}
    write(registry / "roadmap" / "indicators" / "amo-tns-beneficiaries.yaml", indicator)
    out = tmp_path / "public"
    outcome = run(["site", "-o", str(out), "--as-of", AS_OF, "--registry", str(registry)])
    assert outcome.exit_code == 0, outcome.output
    rows = list(
        csv.DictReader(
            (out / "data" / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()
        )
    )
    assert rows[0]["name_ar"] == '\'=HYPERLINK("http://x")'


# ---------------------------------------------------------------- exit codes and the output folder


def test_an_invalid_registry_publishes_nothing(run, tmp_path: Path) -> None:
    registry = committed_registry(tmp_path / "repo")
    (registry / "committees" / "steering.yaml").write_text(
        "id: steering\nkind: [\n", encoding="utf-8"
    )
    out = tmp_path / "public"
    outcome = run(["site", "-o", str(out), "--registry", str(registry)])
    assert outcome.exit_code == 1
    assert "nothing was published" in outcome.stderr
    assert not out.exists()


def test_an_invalid_registry_leaves_the_previous_site_as_it_was(run, tmp_path: Path) -> None:
    registry = committed_registry(tmp_path / "repo")
    out = tmp_path / "public"
    assert (
        run(["site", "-o", str(out), "--as-of", AS_OF, "--registry", str(registry)]).exit_code == 0
    )
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (registry / "committees" / "steering.yaml").write_text(
        "id: steering\nkind: [\n", encoding="utf-8"
    )
    assert run(["site", "-o", str(out), "--registry", str(registry)]).exit_code == 1
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["--lang", "en"], "the site speaks ar, fr"),
        (["--as-of", "2025-13-01"], "is not a date"),
        (["--base-url", "example.org"], "is not an http(s) address"),
    ],
)
def test_usage_errors_exit_2(run, tmp_path: Path, args: list[str], message: str) -> None:
    registry = committed_registry(tmp_path / "repo")
    outcome = run(["site", "-o", str(tmp_path / "out"), *args, "--registry", str(registry)])
    assert outcome.exit_code == 2 and message in outcome.stderr


def test_a_folder_protsoc_did_not_write_is_never_replaced(run, tmp_path: Path) -> None:
    registry = committed_registry(tmp_path / "repo")
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("keep me", encoding="utf-8")
    outcome = run(["site", "-o", str(out), "--registry", str(registry)])
    assert outcome.exit_code == 2 and "was not written by `protsoc site`" in outcome.stderr
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "keep me"


# ---------------------------------------------------------------- self-contained, no broken link


def test_every_link_and_asset_resolves_inside_the_site_and_nothing_uses_the_network(
    shipped_site: Path,
) -> None:
    checked = 0
    for path in sorted(shipped_site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        page = parse(path) if path.suffix == ".html" else None
        for where, link in links_of(path):
            parts = urlsplit(link)
            if (
                where == "link.href"
                and parts.scheme == "https"
                and link.startswith("https://example.org/dashboard/")
            ):
                continue  # canonical and hreflang addresses under --base-url: metadata, not loaded
            assert parts.scheme in ("", "data"), f"{path}: {where}={link}"
            assert not link.startswith("//"), f"{path}: {where}={link}"
            if parts.scheme == "data" or not parts.path:
                if parts.fragment and page is not None and where != "use.xlink:href":
                    assert parts.fragment in page.ids, f"{path}: #{parts.fragment}"
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{path}: {where}={link} is missing"
            assert shipped_site.resolve() in target.parents, f"{path}: {link} leaves the site"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parse(target).ids, f"{path}: {link}"
            checked += 1
    assert checked > 500


def test_pages_carry_a_csp_and_no_inline_script_or_event_handler(shipped_site: Path) -> None:
    for path in shipped_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, path
        assert "default-src 'none'" in html
        page = parse(path)
        assert page.inline_scripts == 0 and page.handlers == [], path
        assert "style=" not in html, path  # the CSP allows no inline style either


def test_fonts_are_bundled_with_their_licence(shipped_site: Path) -> None:
    fonts = shipped_site / "assets" / "fonts"
    if not (fonts / "Amiri-Regular.ttf").exists():
        pytest.skip("fonts-hosny-amiri is not installed: the site falls back to the reader's fonts")
    licence = (fonts / "Amiri-LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert 'url("fonts/Amiri-Regular.ttf")' in (shipped_site / "assets" / "site.css").read_text(
        encoding="utf-8"
    )


# ---------------------------------------------------------------- data


def test_data_files_validate_against_their_versioned_schema(shipped_site: Path) -> None:
    import jsonschema

    data = shipped_site / "data"
    for name in ("indicators", "observations", "committees", "meetings", "decisions", "programmes"):
        document = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
        assert document["schema_version"] == 1 and document["dataset"] == name
        schema = json.loads((data / document["$schema"]).read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)
        rows = list(csv.reader((data / f"{name}.csv").read_text(encoding="utf-8-sig").splitlines()))
        assert len(rows) == len(document["items"]) + 1, name
    observations = json.loads((data / "observations.json").read_text(encoding="utf-8"))["items"]
    assert {
        "indicator": "amo-tadamon-beneficiaries",
        "date": "2024-11-26",
        "value": 11100000,
    }.items() <= next(
        o for o in observations if o["indicator"] == "amo-tadamon-beneficiaries"
    ).items()


def test_one_dated_archive_holds_all_data(shipped_site: Path) -> None:
    archive = shipped_site / "data" / "protsoc-data-2026-12-01.zip"
    with zipfile.ZipFile(archive) as bundle:
        names = set(bundle.namelist())
        assert {"indicators.json", "indicators.csv", "schema/v1/indicators.schema.json"} <= names
        assert all(info.date_time[:3] == (2026, 12, 1) for info in bundle.infolist())
    on_disk = {
        p.relative_to(shipped_site / "data").as_posix()
        for p in (shipped_site / "data").rglob("*")
        if p.is_file() and p.suffix != ".zip"
    }
    assert names == on_disk


def test_the_same_registry_gives_the_same_site(run, tmp_path: Path) -> None:
    registry = committed_registry(tmp_path / "repo", approved=True)
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        assert (
            run(["site", "-o", str(out), "--as-of", AS_OF, "--registry", str(registry)]).exit_code
            == 0
        )
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]


# ---------------------------------------------------------------- accessibility read from the files


def test_pages_have_language_direction_titles_headings_and_table_headers(
    shipped_site: Path,
) -> None:
    for path in shipped_site.rglob("*.html"):
        page = parse(path)
        lang = path.relative_to(shipped_site).parts[0]
        expected = {"ar": "rtl", "fr": "ltr"}.get(lang, "rtl")
        assert page.html_attrs.get("dir") == expected and page.html_attrs.get("lang"), path
        assert page.headings and page.headings[0] == 1 and page.headings.count(1) == 1, path
        for before, after in zip(page.headings, page.headings[1:]):
            assert after <= before + 1, f"{path}: h{before} then h{after}"
        if page.tables:
            assert page.header_cells >= page.tables, path
        assert all(img.get("alt") is not None for img in page.images), path
        assert all(svg.get("aria-label") and svg.get("role") == "img" for svg in page.svgs), path


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_palette_meets_wcag_aa_contrast() -> None:
    css = (
        Path(__file__).resolve().parent.parent / "templates" / "site" / "static" / "site.css"
    ).read_text(encoding="utf-8")
    colour = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    pairs = [
        ("ink", "paper"),
        ("muted", "paper"),
        ("link", "paper"),
        ("brand", "paper"),
        ("link", "soft"),
        ("ink", "soft"),
        ("muted", "soft"),
        ("brand", "brand-paper"),
        ("late", "paper"),
    ]
    for text, background in pairs:
        assert contrast(colour[text], colour[background]) >= 4.5, (text, background)
    for background in ("brand", "late"):  # white text on the header and the badges
        assert contrast("#ffffff", colour[background]) >= 4.5, background


def test_a_print_stylesheet_exists(shipped_site: Path) -> None:
    assert "@media print" in (shipped_site / "assets" / "site.css").read_text(encoding="utf-8")


# ---------------------------------------------------------------- search normalisation (node)


@pytest.mark.skipif(
    shutil.which("node") is None,
    reason="node is not installed: the search script's normalisation is tested with it",
)
@pytest.mark.parametrize(
    "typed, stored",
    [
        ("الاجتماعيّة", "الاجتماعية"),  # shadda
        ("الحمـــاية", "الحماية"),  # tatweel
        ("اجراءات", "إجراءات"),  # alef with hamza below
        ("امو", "أمو"),  # alef with hamza above
        ("الاسر", "الأسر"),
        ("مستوي", "مستوى"),  # alef maksura / yeh
        ("المستفيدين", "المستفيدين"),
        ("الحمايه", "الحماية"),  # taa marbuta / heh
        ("evaluation", "Évaluation"),
    ],
)
def test_search_normalises_arabic(typed: str, stored: str) -> None:
    script = Path(__file__).resolve().parent.parent / "templates" / "site" / "static" / "search.js"
    program = (
        f"const s = require({json.dumps(str(script))});"
        f"const hits = s.search([{{t: {json.dumps(stored)}, u: 'x.html', x: ''}}], "
        f"{json.dumps(typed)});"
        "process.stdout.write(String(hits.length));"
    )
    result = subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True)
    assert result.stdout == "1"


# ---------------------------------------------------------------- deploying


PAGES_WORKFLOW = Path(__file__).resolve().parent.parent / "docs" / "github-pages-workflow.yml"


def test_the_pages_workflow_is_valid_and_init_writes_the_same(python: str) -> None:
    import yaml

    from protsoc.clerk import scaffold

    completed = subprocess.run(
        [
            python,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(PAGES_WORKFLOW),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    documented = yaml.safe_load(PAGES_WORKFLOW.read_text(encoding="utf-8"))
    written = yaml.safe_load(
        scaffold.SITE_WORKFLOW.format(
            install_documents='"protsoc[documents]==1.0"', justification=""
        )
    )
    assert written["env"].pop("PROTSOC") == "protsoc[documents]==1.0"
    assert documented["env"].pop("PROTSOC") == ""  # the documented one leaves it to fill in
    assert written == documented
    build = documented["jobs"]["build"]
    assert build["if"] == "github.ref_name == github.event.repository.default_branch"
    assert build["steps"][0]["with"]["fetch-depth"] == 0  # last-commit days need the history


def test_the_pages_workflow_calls_options_that_exist(run) -> None:
    text = PAGES_WORKFLOW.read_text(encoding="utf-8")
    line = next(
        each.strip() for each in text.splitlines() if "protsoc site" in each and "run:" in each
    )
    help_text = run(["site", "--help"]).stdout
    for option in re.findall(r"\s(--?[a-z-]+)", line.split("protsoc site", 1)[1]):
        assert option in help_text, option


def test_an_indicator_name_with_markup_stays_text_in_the_chart_title_and_search(
    run, tmp_path: Path
) -> None:
    from test_render_support import INDICATOR, write

    registry = committed_registry(tmp_path / "repo", approved=True)
    indicator = json.loads(json.dumps(INDICATOR))
    indicator["name"] = {"ar": 'المؤشر <script>alert(2)</script> "x"'}
    write(registry / "roadmap" / "indicators" / "amo-tns-beneficiaries.yaml", indicator)
    out = tmp_path / "public"
    assert (
        run(["site", "-o", str(out), "--as-of", AS_OF, "--registry", str(registry)]).exit_code == 0
    )
    for lang in ("ar", "fr"):
        page = (out / lang / "indicators" / "amo-tns-beneficiaries.html").read_text(
            encoding="utf-8"
        )
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page.split("<svg", 1)[1]  # chart <title>
        assert (
            parse(out / lang / "indicators" / "amo-tns-beneficiaries.html")
            .svgs[0]["aria-label"]
            .endswith('المؤشر <script>alert(2)</script> "x"')
        )  # the attribute holds the text, escaped in the file


def test_every_page_is_well_formed(
    shipped_site: Path, synthetic_site: Path, tmp_path: Path
) -> None:
    from site_support import structure_problems

    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><p id="a"><b id="a">x</p>', encoding="utf-8")
    assert len(structure_problems(broken)) == 3  # id twice, </p> inside <b>, unclosed

    for site in (shipped_site, synthetic_site):
        for path in sorted(site.rglob("*.html")):
            assert structure_problems(path) == [], path


def test_every_page_parses_as_html5_without_a_single_parse_error(
    shipped_site: Path, synthetic_site: Path
) -> None:
    """The WHATWG parsing algorithm (html5lib, strict: the first parse error raises): what a
    validator's parser reports, offline."""
    html5lib = pytest.importorskip("html5lib", reason="pip install -e '.[test]' brings html5lib")

    def parse_errors(text: str) -> list[Any]:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(text)
        except html5lib.html5parser.ParseError:
            return parser.errors or ["parse error"]
        return []

    assert parse_errors("<!DOCTYPE html><title>x</title><p><td>x</td>")  # a broken page fails
    assert parse_errors("<title>x</title><p>no doctype</p>")
    for site in (shipped_site, synthetic_site):
        pages = sorted(site.rglob("*.html"))
        assert len(pages) > 20
        for path in pages:
            assert parse_errors(path.read_text(encoding="utf-8")) == [], path


def test_meeting_pages_written_by_worker_processes_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large registry's meeting pages are written on every idle core (PROTSOC_WORKERS=2 forces
    the pool here): the site must be byte for byte the one a single process writes, and the
    pages must really have been written by other processes."""
    import datetime as dt
    import os

    from protsoc.registry import pool
    from protsoc.site import build, pages

    registry = committed_registry(tmp_path / "repo", approved=True)
    log = tmp_path / "writers"
    original = pages.PageWriter.write

    def recorded(self: Any, shared: Any, relative: str, template: str, **page: Any) -> Any:
        if template == "meeting.html.j2":
            with open(log, "a", encoding="ascii") as stream:
                stream.write(f"{os.getpid()}\n")
        return original(self, shared, relative, template, **page)

    monkeypatch.setattr(pages.PageWriter, "write", recorded)
    sites = {}
    for workers in ("1", "2"):
        monkeypatch.setenv(pool.ENV_WORKERS, workers)
        log.write_text("", encoding="ascii")
        sites[workers] = tmp_path / f"public-{workers}"
        build.build(registry, sites[workers], dt.date.fromisoformat(AS_OF))
        writers = set(log.read_text(encoding="ascii").split())
        if workers == "1":
            assert writers == {str(os.getpid())}
        else:
            assert writers and str(os.getpid()) not in writers, writers
    files = {
        path.relative_to(sites["1"]): path.read_bytes()
        for path in sites["1"].rglob("*")
        if path.is_file()
    }
    assert len(files) > 50
    for relative, content in files.items():
        assert (sites["2"] / relative).read_bytes() == content, relative
    assert sorted(
        p.relative_to(sites["2"]) for p in sites["2"].rglob("*") if p.is_file()
    ) == sorted(files)
