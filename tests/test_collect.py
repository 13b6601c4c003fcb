"""protsoc collect: the reporting round by workbook, as a ministry's focal point plays it.

Templates are written by protsoc, filled with openpyxl (as a script would) or opened and saved
by LibreOffice (as a person would: the file imported is then one LibreOffice wrote), and
imported back. Hostile workbooks are built byte by byte.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import MEETING, SEED_MEETING, tree_digest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui): the "
    "round trip through the spreadsheet a ministry uses cannot run",
)

AR = {"PROTSOC_LANG": "ar"}
EN = {"PROTSOC_LANG": "en"}


def _action(number: int, owner: str, progress: int) -> dict[str, Any]:
    return {
        "id": f"plan-{number}",
        "title": {"ar": f"الإجراء رقم {number}"},
        "decisions": [f"steering/2024-11-26/d{number}"],
        "owner": owner,
        "due": "2026-12-31",
        "status": "in-progress",
        "progress": progress,
        "sources": [{"document": SEED_MEETING}],
    }


INDICATOR: dict[str, Any] = {
    "id": "amo-beneficiaries",
    "name": {"ar": "المستفيدون من التأمين الإجباري عن المرض"},
    "measure": "count",
    "unit": {"ar": "شخص"},
    "owner": "steering",
    "observations": [
        {"date": "2024-12-31", "value": 11000000, "source": {"document": SEED_MEETING}}
    ],
    "sources": [{"document": SEED_MEETING}],
}


@pytest.fixture
def tree(make_registry):  # type: ignore[no-untyped-def]
    meeting = {
        **MEETING,
        "decisions": [
            {"id": f"d{n}", "kind": "decision", "text": {"ar": f"القرار {n}"}} for n in (1, 2, 3)
        ],
    }
    return make_registry(
        {
            "meetings/steering/2024-11-26.yaml": meeting,
            "roadmap/actions/plan-1.yaml": _action(1, "steering/interior", 20),
            "roadmap/actions/plan-2.yaml": _action(2, "steering/interior", 50),
            "roadmap/actions/plan-3.yaml": _action(3, "steering/health", 10),
            "roadmap/indicators/amo-beneficiaries.yaml": INDICATOR,
        }
    )


@pytest.fixture
def sh(tree, run):  # type: ignore[no-untyped-def]
    def invoke(*args: str, env: dict[str, str] = EN):  # type: ignore[no-untyped-def]
        return run(["protsoc", *args], cwd=tree.repo, env=env)

    return invoke


def ok(outcome):  # type: ignore[no-untyped-def]
    assert outcome.exit_code == 0, outcome.output
    return outcome


def template(sh, tmp_path: Path, name: str, *selection: str, lang: str = "ar") -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.xlsx"
    ok(
        sh(
            "collect",
            "template",
            *selection,
            "--lang",
            lang,
            "--as-of",
            "2025-06-30",
            "-o",
            str(path),
        )
    )
    return path


def fill(path: Path, sheet: int, cells: dict[str, Any], submitter: str = "Fatima, CNSS") -> Path:
    """Type values into a template as a focal point would (sheet 1: actions, 2: indicators)."""
    book = openpyxl.load_workbook(path)
    for address, value in cells.items():
        book.worksheets[sheet][address] = value
    readme = book.worksheets[0]
    for row in readme.iter_rows():
        if row[0].value and "المرسل" in str(row[0].value) or "Transmis" in str(row[0].value or ""):
            row[1].value = submitter
    book.save(path)
    return path


def through_libreoffice(path: Path, tmp_path: Path, to: str = "xlsx") -> Path:
    """Open the workbook in LibreOffice and save it again, as a ministry would."""
    out = tmp_path / f"lo-{path.stem}"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / f"{path.stem}.{to}"


def commits(tree) -> list[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        ["git", "log", "--format=%s"], cwd=tree.repo, capture_output=True, text=True, check=True
    ).stdout.splitlines()


# --- the whole round ---------------------------------------------------------------------------


@needs_libreoffice
def test_a_whole_reporting_round_three_bodies_one_through_libreoffice(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    interior = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    health = template(sh, tmp_path, "health", "--owner", "steering/health", lang="fr")
    steering = template(sh, tmp_path, "steering", "--committee", "steering")

    # The Interior's focal point: row 2 fine, rows 3 and... two bad cells on two rows.
    fill(interior, 1, {"G2": "في طور الإنجاز", "H2": "٦٠", "J2": "15/06/2025", "I2": "=تم"})
    fill(interior, 1, {"H3": "كثير", "J3": "2025-13-45"})
    before = tree_digest(tree.root)
    refused = sh("collect", "import", str(interior), "--commit", env=AR)
    assert refused.exit_code == 1
    # Every problem at once, each where the person sees it, in Arabic; nothing written.
    assert "الإجراءات" in refused.stderr
    for row, column in (("2", "I"), ("3", "H"), ("3", "J")):
        assert f"الصف {row}، العمود {column}" in refused.stderr, refused.stderr
    assert "لم يكتب أي شيء" in refused.stderr
    assert tree_digest(tree.root) == before

    # Corrected: the note is text, the progress a number, the date a real one.
    fill(interior, 1, {"I2": "تم حسب البرنامج", "H3": "75%", "J3": "30/06/2025"})
    dry = ok(sh("collect", "import", str(interior), "--dry-run"))
    assert "plan-1" in dry.stdout and "progress changed from 20 to 60" in dry.stdout
    assert "nothing was written" in dry.stdout
    assert tree_digest(tree.root) == before
    ok(sh("collect", "import", str(interior), "--commit"))
    again = ok(sh("collect", "import", str(interior), "--commit"))
    assert "nothing to do" in again.stdout

    # Health fills in LibreOffice's own file: French labels, decimal comma, a text date.
    fill(
        health, 1, {"G2": "en cours", "H2": "35", "I2": "retard de la passation", "J2": "1/7/2025"}
    )
    saved = through_libreoffice(health, tmp_path)
    ok(sh("collect", "import", str(saved), "--commit"))

    # The committee's indicators: a value with Arabic-Indic digits and a qualifier.
    fill(
        steering, 2, {"G2": "١١٥٠٠٠٠٠", "H2": "أكثر من", "I2": "2025-06-30", "J2": "تقرير الوكالة"}
    )
    ok(sh("collect", "import", str(steering), "--commit"))

    subjects = commits(tree)
    assert [s for s in subjects if s.startswith("collect(")] == [s for s in subjects[:3]], subjects
    assert "collect(steering/interior): import interior.xlsx" in subjects[2]
    assert "collect(steering/health): import health.xlsx" in subjects[1]
    assert "collect(steering): import steering.xlsx" in subjects[0]

    action = tree.read("roadmap/actions/plan-3.yaml")
    assert action["progress"] == 35
    assert action["updates"][-1]["source"]["section"] == "health.xlsx: Actions, row 2"
    assert action["updates"][-1]["date"] == "2025-07-01"
    assert tree.read("roadmap/actions/plan-1.yaml")["updates"][-1]["note"] == {
        "ar": "تم حسب البرنامج"
    }
    observation = tree.read("roadmap/indicators/amo-beneficiaries.yaml")["observations"][-1]
    assert observation["value"] == 11500000 and observation["qualifier"] == "more-than"
    assert "Fatima, CNSS" in observation["source"]["note"]
    dashboard = ok(sh("dashboard", "--as-of", "2025-07-31"))
    assert "11\u202f500\u202f000" in dashboard.stdout
    decisions = ok(sh("decisions", "--format", "json"))
    assert '"progress": 75' in decisions.stdout or '"progress":75' in decisions.stdout


# --- cells as people type them ------------------------------------------------------------------


def test_typed_forms_percentages_decimal_commas_and_text_dates_are_read(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    fill(
        path,
        1,
        {"H2": "40%", "J2": "٠٥/٠٦/٢٠٢٥", "G3": "in-progress", "H3": 0.55, "J3": "2025-06-01"},
    )
    book = openpyxl.load_workbook(path)
    book.worksheets[1]["H3"].number_format = "0%"  # typed 55% in a spreadsheet
    book.worksheets[1]["M1"] = "ملاحظاتي"  # the focal point's own column: ignored
    book.worksheets[1]["M2"] = "=1/0"
    book.create_sheet("مسودة")["A1"] = "=SUM(1,2)"
    book.save(path)
    ok(sh("collect", "import", str(path)))
    first = tree.read("roadmap/actions/plan-1.yaml")
    assert first["progress"] == 40 and first["updates"][-1]["date"] == "2025-06-05"
    assert tree.read("roadmap/actions/plan-2.yaml")["progress"] == 55

    indicators = template(sh, tmp_path, "steering", "--committee", "steering")
    fill(indicators, 2, {"G2": "11 600 000,0", "I2": "2025-06-30"})
    ok(sh("collect", "import", str(indicators)))
    assert (
        tree.read("roadmap/indicators/amo-beneficiaries.yaml")["observations"][-1]["value"]
        == 11600000
    )


def test_a_formula_without_a_computed_value_is_an_error_never_evaluated(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    fill(path, 1, {"H2": "=20+40", "J2": "2025-06-01"})  # openpyxl stores no computed value
    refused = sh("collect", "import", str(path))
    assert refused.exit_code == 1
    assert "row 2, column H" in refused.stderr and "=20+40" in refused.stderr


@needs_libreoffice
def test_a_formula_computed_by_libreoffice_counts_by_its_cached_value(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    fill(path, 1, {"H2": "=20+40", "J2": "2025-06-01"})
    saved = through_libreoffice(path, tmp_path)
    ok(sh("collect", "import", str(saved)))
    assert tree.read("roadmap/actions/plan-1.yaml")["progress"] == 60


def test_headers_missing_renamed_or_duplicated_are_one_clear_error(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    book = openpyxl.load_workbook(path)
    book.worksheets[1]["H1"] = "التقدم"  # renamed
    book.worksheets[1]["L1"] = "ملاحظة"  # a second note column
    book.save(path)
    refused = sh("collect", "import", str(path))
    assert refused.exit_code == 1
    assert "row 1" in refused.stderr
    assert "missing columns" in refused.stderr and "duplicated columns: L" in refused.stderr
    assert "renamed?" in refused.stderr and "H «التقدم»" in refused.stderr


def test_a_record_changed_since_the_template_is_a_conflict_with_both_values(
    sh, tree, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    ok(sh("set", "action", "plan-1", "--progress", "30", "--date", "2025-05-01"))
    fill(path, 1, {"H2": "60", "J2": "2025-06-01"})
    before = tree_digest(tree.root)
    refused = sh("collect", "import", str(path))
    assert refused.exit_code == 1
    assert "conflict" in refused.stderr and "now in-progress 30%" in refused.stderr
    assert "60%" in refused.stderr
    assert tree_digest(tree.root) == before


def test_the_template_is_right_to_left_locked_validated_and_never_runs_record_text(
    sh, tree, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    tree.patch("roadmap/actions/plan-1.yaml", {"title": {"ar": '=HYPERLINK("http://x")'}})
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    book = openpyxl.load_workbook(path)
    actions = book.worksheets[1]
    assert actions.sheet_view.rightToLeft and actions.protection.sheet
    assert actions["C2"].value == '\'=HYPERLINK("http://x")' and actions["C2"].data_type == "s"
    assert actions["A2"].protection.locked and not actions["H2"].protection.locked
    kinds = {v.type for v in actions.data_validations.dataValidation}
    assert kinds == {"list", "whole", "date"}
    assert book["protsoc"].sheet_state == "hidden"


# --- hostile or foreign files ------------------------------------------------------------------


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _with_parts(template_path: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(template_path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    return _zip(target, {**parts, **extra})


@pytest.mark.parametrize(
    "case, words",
    [
        ("macros", "macros"),
        ("external-link", "external links"),
        ("zip-bomb", "zip bomb"),
        ("old-excel", "soffice --headless --convert-to xlsx"),
        ("ods", "OpenDocument"),
        ("not-a-workbook", "not an .xlsx"),
        ("xlsm", "macro-enabled"),
    ],
)
def test_hostile_and_foreign_files_are_refused_before_parsing(
    sh, tree, tmp_path, case, words
) -> None:  # type: ignore[no-untyped-def]
    base = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    target = tmp_path / f"{case}.xlsx"
    if case == "macros":
        _with_parts(base, target, {"xl/vbaProject.bin": b"\x00" * 64})
    elif case == "external-link":
        _with_parts(base, target, {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    elif case == "zip-bomb":
        _with_parts(base, target, {"xl/worksheets/sheet9.xml": b"\x00" * (150 * 1024 * 1024)})
    elif case == "old-excel":
        target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    elif case == "ods":
        _zip(target, {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    elif case == "not-a-workbook":
        target.write_text("id,progress\nplan-1,40\n", encoding="utf-8")
    else:
        target = tmp_path / "book.xlsm"
        shutil.copy(base, target)
    before = tree_digest(tree.root)
    refused = sh("collect", "import", str(target))
    assert refused.exit_code == 2, refused.output
    assert words in refused.stderr
    assert tree_digest(tree.root) == before


def test_a_sheet_of_a_million_rows_is_refused_without_reading_it(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    base = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    book = openpyxl.load_workbook(base)
    book.worksheets[1]["H1048576"] = 5
    book.save(base)
    refused = sh("collect", "import", str(base))
    assert refused.exit_code == 2 and "more than 20000 rows" in refused.stderr


def test_the_csv_form_round_trips_for_scripts(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv

    folder = tmp_path / "interior-csv"
    ok(
        sh(
            "collect",
            "template",
            "--owner",
            "steering/interior",
            "--format",
            "csv",
            "-o",
            str(folder),
        )
    )
    path = folder / "actions.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][0] == "plan-1" and len(rows) == 3
    rows[1][7], rows[1][9] = "65", "2025-06-20"
    rows[2][7], rows[2][9] = "=1+1", "2025-06-20"  # text in a CSV, never a formula
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(rows)
    refused = sh("collect", "import", str(folder), "--format", "csv")
    assert refused.exit_code == 1 and "actions.csv, row 3, column H" in refused.stderr
    rows[2][7] = "70"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(rows)
    ok(sh("collect", "import", str(folder), "--format", "csv", "--commit"))
    assert tree.read("roadmap/actions/plan-1.yaml")["progress"] == 65
    assert tree.read("roadmap/actions/plan-2.yaml")["progress"] == 70
    assert commits(tree)[0].startswith("collect(steering/interior): import interior-csv")


def test_a_row_the_registry_rules_refuse_is_named_by_sheet_and_row(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    fill(path, 1, {"H3": "100", "J3": "2025-06-01"})  # 100 % but still in progress
    before = tree_digest(tree.root)
    refused = sh("collect", "import", str(path))
    assert refused.exit_code == 1
    assert "sheet الإجراءات, row 3:" in refused.stderr and "100" in refused.stderr
    assert tree_digest(tree.root) == before


def test_conflicts_and_unknown_rows_point_at_the_cell(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    ok(sh("set", "action", "plan-2", "--progress", "55", "--date", "2025-05-01"))
    fill(path, 1, {"A2": "plan-9", "H2": "30", "H3": "60", "J3": "2025-06-01"})
    refused = sh("collect", "import", str(path))
    assert refused.exit_code == 1
    assert "row 2, column A: no action plan-9" in refused.stderr
    assert "row 3, column H: conflict" in refused.stderr


@needs_libreoffice
@pytest.mark.parametrize("saved_as", ["ods", "xls"])
def test_a_workbook_saved_as_ods_or_xls_is_refused_with_the_conversion_to_do(
    sh, tree, tmp_path, saved_as
) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "interior", "--owner", "steering/interior")
    fill(path, 1, {"H2": "60", "J2": "2025-06-01"})
    saved = through_libreoffice(path, tmp_path, to=saved_as)
    refused = sh("collect", "import", str(saved))
    assert refused.exit_code == 2
    assert f"soffice --headless --convert-to xlsx '{saved.name}'" in refused.stderr
    converted = through_libreoffice(saved, tmp_path / "again")
    ok(sh("collect", "import", str(converted)))
    assert tree.read("roadmap/actions/plan-1.yaml")["progress"] == 60
