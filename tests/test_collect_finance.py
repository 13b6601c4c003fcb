"""protsoc collect: the financial sheet of the reporting workbook, as a ministry plays it.

A body's programme and action get one row per fiscal year with the ledger's figures; the focal
point types a new financial event per row (in LibreOffice, as a person would), two rows come back
wrong (an amount with three decimals, a date in the future) and are refused in Arabic with their
sheet, row and column, nothing written; corrected, dry run, imported, imported again: no change;
`protsoc finance` shows the new rates. All figures are synthetic.
"""

from __future__ import annotations

import copy
import csv
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import MANIFEST, SEED_MEETING, tree_digest
from test_collect import commits, needs_libreoffice, ok, through_libreoffice

AR = {"PROTSOC_LANG": "ar"}
EN = {"PROTSOC_LANG": "en"}
SOURCE = [{"document": SEED_MEETING}]
SHEET = "المالية"


def _manifest() -> dict[str, Any]:
    manifest = copy.deepcopy(MANIFEST)
    manifest["funding_sources"] = [
        {"id": "general-budget", "kind": "general-budget", "name": {"ar": "الميزانية العامة"}},
        {"id": "donor-x", "kind": "donor", "name": {"ar": "ممول تجريبي", "fr": "Bailleur test"}},
    ]
    return manifest


PROGRAMME = {  # synthetic: a test programme with a 2025 budget and one commitment
    "id": "test-scheme",
    "name": {"ar": "برنامج تجريبي"},
    "owner": "steering/interior",
    "budgets": [
        {
            "id": "b1",
            "year": 2025,
            "type": "original",
            "status": "committed",
            "amount": "2000000.00",
            "funding_source": "general-budget",
            "date": "2025-01-01",
        }
    ],
    "transactions": [
        {
            "id": "t1",
            "type": "commitment",
            "date": "2025-02-01",
            "amount": "800000.00",
            "funding_source": "general-budget",
            "reported_by": "steering/interior",
        }
    ],
    "sources": SOURCE,
}


def _action(ident: str, owner: str, programme: str | None) -> dict[str, Any]:
    action: dict[str, Any] = {
        "id": ident,
        "title": {"ar": f"إجراء تجريبي {ident}"},
        "decisions": [],
        "owner": owner,
        "status": "in-progress",
        "progress": 30,
        "sources": SOURCE,
    }
    if programme:
        action["programme"] = programme
    return action


@pytest.fixture
def tree(make_registry):  # type: ignore[no-untyped-def]
    return make_registry(
        {
            "protsoc.yaml": _manifest(),
            "programmes/test-scheme.yaml": PROGRAMME,
            "roadmap/actions/plan-1.yaml": _action("plan-1", "steering/interior", "test-scheme"),
            "roadmap/actions/plan-3.yaml": _action("plan-3", "steering/health", None),
        }
    )


@pytest.fixture
def sh(tree, run):  # type: ignore[no-untyped-def]
    def invoke(*args: str, env: dict[str, str] = EN):  # type: ignore[no-untyped-def]
        return run(["protsoc", *args], cwd=tree.repo, env=env)

    return invoke


def template(sh, folder: Path, *selection: str, lang: str = "ar") -> Path:  # type: ignore[no-untyped-def]
    path = folder / "interior.xlsx"
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


def fill(path: Path, cells: dict[str, Any], submitter: str = "Fatima, test ministry") -> Path:
    """Type into the financial sheet (and the submitter into the readme) as a focal point."""
    book = openpyxl.load_workbook(path)
    sheet = next(s for s in book.worksheets if s.title in (SHEET, "Finances"))
    for address, value in cells.items():
        sheet[address] = value
    for row in book.worksheets[0].iter_rows():
        if row[0].value and ("المرسل" in str(row[0].value) or "Transmis" in str(row[0].value)):
            row[1].value = submitter
    book.save(path)
    return path


def saved_by_libreoffice(path: Path, tmp_path: Path, name: str) -> Path:
    copied = tmp_path / f"{name}.xlsx"
    shutil.copy(path, copied)
    return through_libreoffice(copied, tmp_path)


# Columns of the financial sheet: A id, B name, C year, D budget, E committed, F paid, G spent,
# H type, I amount, J date, K source of funds, L reference, M note, N version token.


def test_the_financial_sheet_is_right_to_left_read_only_and_validated(sh, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "--owner", "steering/interior")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["طريقة الملء", "الإجراءات", "المؤشرات", SHEET]
    sheet = book[SHEET]
    assert sheet.sheet_view.rightToLeft and sheet.protection.sheet
    header = [c.value for c in sheet[1]]
    assert header[:4] == [
        "المعرف",
        "البرنامج أو الإجراء",
        "السنة المالية",
        "الميزانية المعدلة الحالية (درهم)",
    ]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    # the programme's own 2025 lines, exact; the action has no money yet: empty figures
    assert rows[0][:7] == ["test-scheme", "برنامج تجريبي", 2025, 2000000, 800000, 0, 0]
    assert rows[1][:7] == ["plan-1", "إجراء تجريبي plan-1", 2025, None, None, None, None]
    assert [r[0] for r in rows] == ["test-scheme", "plan-1"]  # plan-3 is another body's
    assert sheet["D2"].protection.locked and not sheet["I2"].protection.locked
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["H2:H3"] == '"التزام,إلغاء التزام,أداء,نفقة"'
    assert lists["K2:K3"] == '"الميزانية العامة,ممول تجريبي"'
    assert "I2:I3" in lists and "J2:J3" in lists
    readme = "\n".join(str(c.value) for c in book.worksheets[0]["A"] if c.value)
    assert "4. في ورقة «المالية»" in readme and "7. احفظ الملف" in readme

    # a body without programmes gets no financial sheet; the French sheet has French words
    health = tmp_path / "health.xlsx"
    ok(sh("collect", "template", "--owner", "steering/health", "-o", str(health)))
    assert "المالية" not in openpyxl.load_workbook(health).sheetnames
    french = tmp_path / "fr.xlsx"
    ok(sh("collect", "template", "--owner", "steering/interior", "--lang", "fr", "-o", str(french)))
    assert openpyxl.load_workbook(french)["Finances"]["H1"].value == "Type de la nouvelle opération"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 250 000,50", "1250000.50"),  # French: decimal comma, spaces between thousands
        ("١٢٥٠٠٠٠٫٥", "1250000.50"),  # Arabic-Indic digits and the Arabic decimal separator
        ("1\u202f250\u202f000.5", "1250000.50"),
        (1250000.5, "1250000.50"),  # a number as the spreadsheet stores it
        (300, "300.00"),
    ],
)
def test_amounts_are_read_exactly_as_people_type_them(typed: Any, expected: str) -> None:
    from protsoc.clerk.collect_finance import amount

    assert str(amount(typed)) == expected


@pytest.mark.parametrize(
    "typed", ["1250,125", 1250.125, "1.5E6", "1,250,000.50", "1.250.000", "-50", "0", "كثير"]
)
def test_amounts_that_are_not_exact_centimes_are_refused(typed: Any) -> None:
    from protsoc.clerk.collect_finance import AmountProblem, amount

    with pytest.raises(AmountProblem):
        amount(typed)


@needs_libreoffice
def test_a_financial_round_through_libreoffice(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "--owner", "steering/interior")
    # Two bad rows: three decimals on the programme's payment, a future date on the action's
    # commitment. Filled, then opened and saved by LibreOffice as the ministry would.
    fill(
        path,
        {
            "H2": "أداء",
            "I2": "250000,125",
            "J2": "15/05/2025",
            "K2": "الميزانية العامة",
            "L2": "أمر بالأداء 17/2025",
            "H3": "التزام",
            "I3": "٣٠٠٠٠٠",
            "J3": "2099-01-10",
            "K3": "general-budget",
        },
    )
    wrong = saved_by_libreoffice(path, tmp_path, "wrong")
    before = tree_digest(tree.root)
    refused = sh("collect", "import", str(wrong), "--commit", env=AR)
    assert refused.exit_code == 1
    assert f"الورقة {SHEET}، الصف 2، العمود I" in refused.stderr, refused.stderr
    assert "يتضمن أكثر من رقمين بعد الفاصلة" in refused.stderr
    assert f"الورقة {SHEET}، الصف 3، العمود J" in refused.stderr
    assert "التاريخ 2099-01-10 لم يحل بعد" in refused.stderr
    assert "لم يكتب أي شيء" in refused.stderr
    assert tree_digest(tree.root) == before

    # Corrected in the file LibreOffice saved, and saved by LibreOffice again.
    fill(wrong, {"I2": "250 000,50", "J3": "10/03/2025"})
    right = saved_by_libreoffice(wrong, tmp_path, "interior-2025-06")
    dry = ok(sh("collect", "import", str(right), "--dry-run"))
    assert "payment of 250\u202f000.50 MAD on 2025-05-15 recorded" in dry.stdout, dry.stdout
    assert "commitment of 300\u202f000.00 MAD on 2025-03-10 recorded" in dry.stdout
    assert "payments rose by 250\u202f000.50 MAD" in dry.stdout
    assert "nothing was written" in dry.stdout
    # The same dry run in the clerk's Arabic: the review's sentences, money in dirhams.
    dry_ar = ok(sh("collect", "import", str(right), "--dry-run", env=AR))
    assert "تسجيل أداء بمبلغ 250\u202f000.50 درهم بتاريخ 2025-05-15" in dry_ar.stdout, dry_ar.stdout
    assert "ارتفع الأداء بـ 250\u202f000.50 درهم" in dry_ar.stdout
    assert "لم يكتب أي شيء" in dry_ar.stdout
    assert "recorded" not in dry_ar.stdout and "rose" not in dry_ar.stdout
    assert tree_digest(tree.root) == before

    ok(sh("collect", "import", str(right), "--commit"))
    again = ok(sh("collect", "import", str(right), "--commit"))
    assert "nothing to do" in again.stdout
    subjects = commits(tree)
    assert subjects[0] == (
        "collect(steering/interior): import interior-2025-06.xlsx from Fatima, test ministry "
        "(0 action updates, 0 observations, 2 financial events)"
    )
    assert not any(s.startswith("collect(") for s in subjects[1:])

    event = tree.read("programmes/test-scheme.yaml")["transactions"][-1]
    assert event == {
        "id": "t2",
        "type": "payment",
        "date": "2025-05-15",
        "amount": "250000.50",
        "funding_source": "general-budget",
        "reported_by": "steering/interior",
        "reference": "أمر بالأداء 17/2025",
        "source": {
            "document": "interior-2025-06.xlsx",
            "section": f"interior-2025-06.xlsx: {SHEET}, row 2",
            "note": "reported by Fatima, test ministry (steering/interior)",
        },
    }
    assert tree.read("roadmap/actions/plan-1.yaml")["transactions"][0]["amount"] == "300000.00"

    report = json.loads(ok(sh("finance", "--as-of", "2025-06-30", "--format", "json")).stdout)
    rows = {(r["group"], r["id"]): r for r in report["rows"]}
    scheme = rows[("programme", "test-scheme")]
    # by hand: budget 2,000,000; committed 800,000 (the action's 300,000 of 2025 is inside the
    # programme's own lines, counted once); paid 250,000.50
    assert (scheme["committed"], scheme["paid"]) == ("800000.00", "250000.50")
    assert scheme["commitment_rate"] == "0.4000"  # 800,000 / 2,000,000
    assert scheme["payment_rate"] == "0.3125"  # 250,000.50 / 800,000 = 0.31250063
    assert scheme["execution_rate"] == "0.1250"  # 250,000.50 / 2,000,000 = 0.12500025
    assert rows[("action", "plan-1")]["committed"] == "300000.00"


def test_a_record_changed_since_the_template_is_a_conflict_with_both_figures(
    sh, tree, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = template(sh, tmp_path, "--owner", "steering/interior")
    ok(
        sh(
            "add",
            "transaction",
            "test-scheme",
            "--type",
            "payment",
            "--amount",
            "100000",
            "--date",
            "2025-06-01",
            "--source",
            "general-budget",
        )
    )
    # a date outside the row's fiscal year is refused too
    fill(path, {"H2": "payment", "I2": "5000", "J2": "2024-12-31", "K2": "general-budget"})
    outside = sh("collect", "import", str(path))
    assert outside.exit_code == 1
    assert "row 2, column J: the date 2024-12-31 is not in the fiscal year 2025" in outside.stderr
    fill(path, {"J2": "2025-06-10"})
    before = tree_digest(tree.root)
    refused = sh("collect", "import", str(path))
    assert refused.exit_code == 1
    assert "conflict: test-scheme changed since the template was made" in refused.stderr
    assert "paid 100\u202f000.00" in refused.stderr  # now
    assert "the workbook showed 800000, 0, 0" in refused.stderr  # then
    assert "nothing is overwritten" in refused.stderr
    assert tree_digest(tree.root) == before


def test_the_csv_form_has_the_financial_sheet(sh, tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "interior"
    ok(
        sh(
            "collect",
            "template",
            "--owner",
            "steering/interior",
            "--format",
            "csv",
            "--as-of",
            "2025-06-30",
            "-o",
            str(folder),
        )
    )
    path = folder / "finance.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][:7] == [
        "test-scheme",
        "برنامج تجريبي",
        "2025",
        "2000000.00",
        "800000.00",
        "0.00",
        "0.00",
    ]
    rows[1][7:12] = ["expenditure", "1 000,25", "2025-04-01", "general-budget", "visa 3"]
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(rows)
    ok(sh("collect", "import", str(folder), "--format", "csv"))
    event = tree.read("programmes/test-scheme.yaml")["transactions"][-1]
    assert (event["type"], event["amount"], event["reference"]) == (
        "expenditure",
        "1000.25",
        "visa 3",
    )
    again = ok(sh("collect", "import", str(folder), "--format", "csv"))
    assert "nothing to do" in again.stdout
