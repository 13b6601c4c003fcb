"""The reporting round-trip: a workbook per reporting body, filled by its focal point, imported.

``template`` writes one .xlsx for a reporting body: a readme sheet, a sheet of its actions and
one of its indicators (ids and references read-only, the columns to fill unlocked, drop-down
lists and number/date validations), right to left in Arabic. Each row carries a version token,
the digest of the record as exported, so that an answer to an outdated template is detected.

``import_plan`` reads a returned workbook (``clerk.workbook`` refuses hostile files), checks the
headers, then every row again (a spreadsheet's validations are advisory: anyone can paste past
them), and returns the operation that ``clerk.transaction.execute`` runs: all rows or none.
Every problem is collected, each with the sheet, row number and column letter as the person
sees them. A row already imported (the same update or observation is in the record) is
skipped, so importing a workbook twice changes nothing; a row whose record changed since the
template was made is a conflict, reported with both values and never overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from protsoc.clerk import collect_finance as money
from protsoc.clerk import inputs, writer
from protsoc.clerk.desk import Desk, Plan, next_id
from protsoc.clerk.inputs import InvalidInput
from protsoc.clerk.workbook import Book, Cell, Sheet, column_letter
from protsoc.governance.finance import code_word
from protsoc.governance.vocabulary import ACTION_STATUSES, QUALIFIERS
from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.kernel.i18n import _
from protsoc.kernel.safe_text import csv_cell
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record

FORMAT_VERSION = "1"
SHEET_LANGUAGES = ("ar", "fr")

# The workbook's own words, in the sheet's language (not the clerk's: the clerk may work in
# French and send an Arabic template). Import recognises any of them, and the English keys.
SHEET_NAMES = {
    "readme": {"ar": "طريقة الملء", "fr": "Mode d'emploi", "en": "readme"},
    "actions": {"ar": "الإجراءات", "fr": "Actions", "en": "actions"},
    "indicators": {"ar": "المؤشرات", "fr": "Indicateurs", "en": "indicators"},
    "finance": money.SHEET_NAME,
    "meta": {"ar": "protsoc", "fr": "protsoc", "en": "protsoc"},
}

HEADERS = {
    "id": {"ar": "المعرف", "fr": "Identifiant"},
    "decision": {"ar": "القرار", "fr": "Décision"},
    "title": {"ar": "الإجراء", "fr": "Action"},
    "due": {"ar": "أجل التنفيذ", "fr": "Échéance"},
    "status": {"ar": "الوضعية الحالية", "fr": "Statut actuel"},
    "progress": {"ar": "نسبة الإنجاز الحالية (%)", "fr": "Avancement actuel (%)"},
    "new_status": {"ar": "الوضعية الجديدة", "fr": "Nouveau statut"},
    "new_progress": {"ar": "نسبة الإنجاز الجديدة (%)", "fr": "Nouvel avancement (%)"},
    "note": {"ar": "ملاحظة", "fr": "Note"},
    "report_date": {"ar": "تاريخ التقرير", "fr": "Date du rapport"},
    "version": {"ar": "رمز النسخة", "fr": "Jeton de version"},
    "name": {"ar": "المؤشر", "fr": "Indicateur"},
    "unit": {"ar": "الوحدة", "fr": "Unité"},
    "last_value": {"ar": "آخر قيمة", "fr": "Dernière valeur"},
    "last_date": {"ar": "تاريخ آخر قيمة", "fr": "Date de la dernière valeur"},
    "last_qualifier": {"ar": "وصف آخر قيمة", "fr": "Qualificatif de la dernière valeur"},
    "new_value": {"ar": "القيمة الجديدة", "fr": "Nouvelle valeur"},
    "qualifier": {"ar": "وصف القيمة", "fr": "Qualificatif"},
    "date": {"ar": "تاريخ القيمة", "fr": "Date de la valeur"},
    "source": {"ar": "المصدر", "fr": "Source"},
    **money.HEADERS,
}

ACTION_COLUMNS = (
    "id",
    "decision",
    "title",
    "due",
    "status",
    "progress",
    "new_status",
    "new_progress",
    "note",
    "report_date",
    "version",
)
ACTION_INPUTS = ("new_status", "new_progress", "note", "report_date")
INDICATOR_COLUMNS = (
    "id",
    "name",
    "unit",
    "last_value",
    "last_date",
    "last_qualifier",
    "new_value",
    "qualifier",
    "date",
    "source",
    "version",
)
INDICATOR_INPUTS = ("new_value", "qualifier", "date", "source")

STATUS_LABELS = {
    "not-started": {"ar": "لم ينطلق", "fr": "non commencé"},
    "in-progress": {"ar": "في طور الإنجاز", "fr": "en cours"},
    "done": {"ar": "منجز", "fr": "achevé"},
    "blocked": {"ar": "متعثر", "fr": "bloqué"},
    "dropped": {"ar": "ملغى", "fr": "abandonné"},
}
QUALIFIER_LABELS = {
    "exact": {"ar": "مضبوط", "fr": "exact"},
    "about": {"ar": "حوالي", "fr": "environ"},
    "more-than": {"ar": "أكثر من", "fr": "plus de"},
    "less-than": {"ar": "أقل من", "fr": "moins de"},
    "at-least": {"ar": "على الأقل", "fr": "au moins"},
}

README = {
    "ar": [
        "استمارة التتبع: {body}",
        "أعدت بتاريخ {made} (الوضعية إلى غاية {as_of}).",
        "",
        "1. اكتب اسمك وصفتك في الخانة المخصصة للمرسل أدناه.",
        "2. في ورقة «الإجراءات»: املأ الأعمدة البيضاء فقط (الوضعية الجديدة، نسبة الإنجاز، "
        "ملاحظة، تاريخ التقرير). اترك السطر فارغا إذا لم يتغير شيء.",
        "3. في ورقة «المؤشرات»: املأ القيمة الجديدة وتاريخها ومصدرها.",
        "4. لا تغير الأعمدة الرمادية ولا رموز النسخة ولا أسماء الأوراق والأعمدة.",
        "5. الأرقام بالأرقام العربية أو الهندية، والتواريخ بصيغة YYYY-MM-DD أو DD/MM/YYYY.",
        "6. احفظ الملف بصيغة ‎.xlsx‎ وأعده إلى الكتابة.",
    ],
    "fr": [
        "Fiche de suivi : {body}",
        "Établie le {made} (situation au {as_of}).",
        "",
        "1. Écrivez vos nom et fonction dans la case « Transmis par » ci-dessous.",
        "2. Feuille « Actions » : remplissez seulement les colonnes blanches (nouveau statut, "
        "avancement, note, date du rapport). Laissez la ligne vide si rien n'a changé.",
        "3. Feuille « Indicateurs » : la nouvelle valeur, sa date et sa source.",
        "4. Ne modifiez ni les colonnes grises, ni les jetons de version, ni les noms des "
        "feuilles et des colonnes.",
        "5. Nombres en chiffres, virgule ou point décimal ; dates AAAA-MM-JJ ou JJ/MM/AAAA.",
        "6. Enregistrez au format .xlsx et renvoyez le fichier au secrétariat.",
    ],
}
SUBMITTER = {"ar": "المرسل (الاسم والصفة)", "fr": "Transmis par (nom, fonction)"}
VALIDATION = {
    "ar": {
        "list": "اختر قيمة من القائمة",
        "percent": "عدد صحيح من 0 إلى 100",
        "amount": "مبلغ بالدرهم، رقمان بعد الفاصلة على الأكثر",
        "number": "عدد",
        "date": "تاريخ (YYYY-MM-DD)",
        "title": "قيمة غير مقبولة",
    },
    "fr": {
        "list": "Choisissez une valeur de la liste",
        "percent": "Nombre entier de 0 à 100",
        "amount": "Montant en dirhams, deux décimales au plus",
        "number": "Un nombre",
        "date": "Une date (AAAA-MM-JJ)",
        "title": "Valeur refusée",
    },
}


def _readme_lines(lang: str, with_money: bool) -> list[str]:
    """The readme's lines; with a financial sheet, its paragraph comes after the indicators'
    (the later points are numbered on)."""
    lines = list(README[lang])
    if not with_money:
        return lines
    at = next(i for i, line in enumerate(lines) if line.startswith("3."))
    renumbered = [
        re.sub(r"^([0-9]+)\.", lambda m: f"{int(m.group(1)) + 1}.", line)
        for line in lines[at + 1 :]
    ]
    return [*lines[: at + 1], f"4. {money.README[lang]}", *renumbered]


def version_token(record: Record) -> str:
    """The digest of a record's data as exported: changes whenever the record does."""
    text = json.dumps(record.data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- choosing what a reporting body reports on -------------------------------------------------


@dataclass
class Selection:
    body: str
    actions: list[Record]
    indicators: list[Record]
    # the programmes and actions of the financial sheet (none: no financial sheet)
    ledgers: list[Record] = field(default_factory=list)


def select(
    registry: Registry, owner: str | None, committee: str | None, everything: bool
) -> Selection:
    """The open actions (not done, not dropped) and the indicators of one reporting body."""
    if sum((owner is not None, committee is not None, everything)) != 1:
        raise UsageError(
            _("give exactly one of --owner, --committee and --all"),
            _("a template is made for one reporting body"),
        )
    actions = [
        record
        for record in registry.by_id("action").values()
        if isinstance(record.data, dict) and record.data.get("status") not in ("done", "dropped")
    ]
    indicators = [r for r in registry.by_id("indicator").values() if isinstance(r.data, dict)]
    if owner is not None:
        body = owner
        actions = [r for r in actions if r.data.get("owner") == owner]  # type: ignore[union-attr]
        indicators = [r for r in indicators if r.data.get("owner") == owner]  # type: ignore[union-attr]
    elif committee is not None:
        body = committee
        actions = [
            r
            for r in actions
            if str(r.data.get("owner", "")).split("/")[0] == committee  # type: ignore[union-attr]
        ]
        indicators = [r for r in indicators if r.data.get("owner") == committee]  # type: ignore[union-attr]
    else:
        body = "all"
    ledgers = money.select(registry, owner, committee, everything)
    if not actions and not indicators and not ledgers:
        raise UsageError(
            _("{body} has no open action and no indicator to report on").format(body=body),
            _("check the post or committee id (protsoc decisions, protsoc dashboard)"),
        )
    return Selection(
        body,
        sorted(actions, key=lambda r: r.id),
        sorted(indicators, key=lambda r: r.id),
        ledgers,
    )


# --- writing the template ----------------------------------------------------------------------


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ar") or next(iter(value.values()), ""))
    return "" if value is None else str(value)


def _action_row(record: Record, lang: str) -> list[Any]:
    data = record.data or {}
    decisions = data.get("decisions") or []
    status = data.get("status")
    return [
        record.id,
        ", ".join(str(d) for d in decisions),
        _text(data.get("title"), lang),
        str(data.get("due") or ""),
        STATUS_LABELS.get(status, {}).get(lang, status) if isinstance(status, str) else "",
        data.get("progress"),
        None,
        None,
        None,
        None,
        version_token(record),
    ]


def _indicator_row(record: Record, lang: str) -> list[Any]:
    data = record.data or {}
    observations = [o for o in data.get("observations") or [] if isinstance(o, dict)]
    last = max(observations, key=lambda o: str(o.get("date", "")), default={})
    qualifier = last.get("qualifier")
    return [
        record.id,
        _text(data.get("name"), lang),
        _text(data.get("unit"), lang),
        last.get("value"),
        str(last.get("date") or ""),
        QUALIFIER_LABELS.get(qualifier, {}).get(lang, qualifier) if qualifier else "",
        None,
        None,
        None,
        None,
        version_token(record),
    ]


def template(
    registry: Registry,
    output: Path,
    selection: Selection,
    lang: str,
    as_of: str,
    made_on: str,
) -> None:
    """Write the reporting workbook of ``selection`` to ``output`` (record text is neutralised:
    no cell protsoc writes can run as a formula)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    if lang not in SHEET_LANGUAGES:
        raise UsageError(
            _("--lang {lang!r}: a template is in Arabic or French").format(lang=lang),
            _("use --lang ar or --lang fr"),
        )
    words = VALIDATION[lang]
    grey = PatternFill("solid", fgColor="DDDDDD")
    bold = Font(bold=True)
    book = openpyxl.Workbook()
    readme = book.active
    assert readme is not None
    readme.title = SHEET_NAMES["readme"][lang]
    readme.sheet_view.rightToLeft = lang == "ar"
    for line in _readme_lines(lang, bool(selection.ledgers)):
        readme.append([csv_cell(line.format(body=selection.body, made=made_on, as_of=as_of))])
    readme.append([])
    readme.append([SUBMITTER[lang], None])
    submitter_row = readme.max_row
    readme.cell(submitter_row, 1).font = bold
    readme.cell(submitter_row, 2).fill = PatternFill("solid", fgColor="FFF2CC")
    for number, row in enumerate(readme.iter_rows(max_col=1), start=1):
        # Right-aligned, right to left in Arabic: a line that begins with its number would
        # otherwise be laid out left to right. Heights are set because LibreOffice keeps the
        # stored height of a wrapped line instead of growing it.
        row[0].alignment = Alignment(
            wrap_text=True,
            vertical="top",
            horizontal="right" if lang == "ar" else "left",
            readingOrder=2 if lang == "ar" else 1,
        )
        length = len(str(row[0].value or ""))
        readme.row_dimensions[number].height = 15 * max(1, -(-length // 80))
    readme.column_dimensions["A"].width = 70
    readme.column_dimensions["B"].width = 40

    def sheet(
        key: str, columns: tuple[str, ...], fill: tuple[str, ...], rows: list[list[Any]]
    ) -> Any:
        worksheet = book.create_sheet(SHEET_NAMES[key][lang])
        worksheet.sheet_view.rightToLeft = lang == "ar"
        worksheet.append([HEADERS[c][lang] for c in columns])
        for row in rows:
            worksheet.append([csv_cell(v) for v in row])
        last = max(worksheet.max_row, 2)
        for index, column in enumerate(columns):
            letter = column_letter(index)
            worksheet.column_dimensions[letter].width = (
                40
                if column in ("title", "name", "note", "holder")
                else 28
                if column in ("decision", "reference")
                else 16
            )
            header = worksheet.cell(1, index + 1)
            header.font = bold
            header.alignment = Alignment(wrap_text=True)
            for number in range(2, last + 1):
                cell = worksheet.cell(number, index + 1)
                if column in fill:
                    cell.protection = Protection(locked=False)
                else:
                    cell.fill = grey
                if column in money.FIGURES or column == "amount":
                    cell.number_format = "#,##0.00"
        worksheet.freeze_panes = "B2"
        # Printed (or exported to PDF) one page wide, landscape: a form is read across a row.
        worksheet.page_setup.orientation = "landscape"
        worksheet.page_setup.fitToWidth = 1
        worksheet.page_setup.fitToHeight = 0
        worksheet.sheet_properties.pageSetUpPr.fitToPage = True
        worksheet.print_title_rows = "1:1"
        # Locked cells stop accidental edits; no password: the import re-checks everything.
        worksheet.protection.sheet = True
        worksheet.protection.formatColumns = False
        worksheet.protection.autoFilter = False
        return worksheet, last

    def validate(
        worksheet: Any, column: str, columns: tuple[str, ...], last: int, **rule: Any
    ) -> None:
        letter = column_letter(columns.index(column))
        kind = rule.pop("kind")
        validation = DataValidation(
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorTitle=words["title"],
            error=words[kind],
            prompt=words[kind],
            **rule,
        )
        validation.add(f"{letter}2:{letter}{last}")
        worksheet.add_data_validation(validation)

    actions, last = sheet(
        "actions", ACTION_COLUMNS, ACTION_INPUTS, [_action_row(r, lang) for r in selection.actions]
    )
    statuses = ",".join(STATUS_LABELS[s][lang] for s in ACTION_STATUSES)
    validate(
        actions,
        "new_status",
        ACTION_COLUMNS,
        last,
        kind="list",
        type="list",
        formula1=f'"{statuses}"',
    )
    validate(
        actions,
        "new_progress",
        ACTION_COLUMNS,
        last,
        kind="percent",
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
    )
    validate(
        actions,
        "report_date",
        ACTION_COLUMNS,
        last,
        kind="date",
        type="date",
        operator="greaterThan",
        formula1="36526",
    )
    indicators, last = sheet(
        "indicators",
        INDICATOR_COLUMNS,
        INDICATOR_INPUTS,
        [_indicator_row(r, lang) for r in selection.indicators],
    )
    qualifiers = ",".join(QUALIFIER_LABELS[q][lang] for q in QUALIFIERS)
    validate(
        indicators,
        "new_value",
        INDICATOR_COLUMNS,
        last,
        kind="number",
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="-1E+15",
    )
    validate(
        indicators,
        "qualifier",
        INDICATOR_COLUMNS,
        last,
        kind="list",
        type="list",
        formula1=f'"{qualifiers}"',
    )
    validate(
        indicators,
        "date",
        INDICATOR_COLUMNS,
        last,
        kind="date",
        type="date",
        operator="greaterThan",
        formula1="36526",
    )
    if selection.ledgers:
        _finance_sheet(registry, selection, lang, as_of, sheet, validate)
    meta = book.create_sheet(SHEET_NAMES["meta"][lang])
    for key, value in (
        ("format", FORMAT_VERSION),
        ("body", selection.body),
        ("as_of", as_of),
        ("made_on", made_on),
        ("lang", lang),
    ):
        meta.append([key, csv_cell(value)])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    book.properties.creator = "protsoc"
    book.save(output)


def _funding_list(registry: Registry, lang: str) -> str | None:
    """The drop-down list of the sources of funds, or None when a list cannot hold them (none
    declared, a name with a comma or quote, or longer than a spreadsheet list's 255 characters):
    the import reads the ids and the names in either language anyway."""
    labels = [
        money.source_label(names, ident, lang) for ident, names in money.funding_sources(registry)
    ]
    if not labels or any("," in label or '"' in label for label in labels):
        labels = [ident for ident, _names in money.funding_sources(registry)]
    text = ",".join(labels)
    return f'"{text}"' if labels and len(text) <= 250 else None


def _finance_sheet(
    registry: Registry,
    selection: Selection,
    lang: str,
    as_of: str,
    sheet: Callable[..., Any],
    validate: Callable[..., None],
) -> None:
    table = money.rows(
        registry, selection.ledgers, lang, dt.date.fromisoformat(as_of), version_token
    )
    worksheet, last = sheet("finance", money.COLUMNS, money.INPUTS, table)
    kinds = ",".join(money.EVENT_LABELS[t][lang] for t in money.finance.EVENT_TYPES)
    validate(
        worksheet,
        "event_type",
        money.COLUMNS,
        last,
        kind="list",
        type="list",
        formula1=f'"{kinds}"',
    )
    validate(
        worksheet,
        "amount",
        money.COLUMNS,
        last,
        kind="amount",
        type="decimal",
        operator="greaterThan",
        formula1="0",
    )
    validate(
        worksheet,
        "event_date",
        money.COLUMNS,
        last,
        kind="date",
        type="date",
        operator="greaterThan",
        formula1="36526",
    )
    sources = _funding_list(registry, lang)
    if sources is not None:
        validate(
            worksheet,
            "funding_source",
            money.COLUMNS,
            last,
            kind="list",
            type="list",
            formula1=sources,
        )


def template_csv(
    folder: Path,
    selection: Selection,
    lang: str,
    as_of: str,
    made_on: str,
    registry: Registry | None = None,
) -> None:
    """The CSV form of the template, for scripts: one file per sheet in ``folder`` (UTF-8 with a
    BOM, so that a spreadsheet opening it reads Arabic right; text neutralised as in the
    workbook). The submitter is written into ``protsoc.csv``."""
    import csv

    if lang not in SHEET_LANGUAGES:
        raise UsageError(
            _("--lang {lang!r}: a template is in Arabic or French").format(lang=lang),
            _("use --lang ar or --lang fr"),
        )
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        "actions": [
            [HEADERS[c][lang] for c in ACTION_COLUMNS],
            *(_action_row(r, lang) for r in selection.actions),
        ],
        "indicators": [
            [HEADERS[c][lang] for c in INDICATOR_COLUMNS],
            *(_indicator_row(r, lang) for r in selection.indicators),
        ],
        "finance": [
            [HEADERS[c][lang] for c in money.COLUMNS],
            *(
                money.rows(
                    registry, selection.ledgers, lang, dt.date.fromisoformat(as_of), version_token
                )
                if registry is not None and selection.ledgers
                else []
            ),
        ],
        "protsoc": [
            ["format", FORMAT_VERSION],
            ["body", selection.body],
            ["as_of", as_of],
            ["made_on", made_on],
            ["lang", lang],
            ["submitter", ""],
        ],
    }
    if registry is None or not selection.ledgers:
        del tables["finance"]
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as stream:
            writer_ = csv.writer(stream)
            for row in rows:
                writer_.writerow(["" if v is None else csv_cell(v) for v in row])


# --- reading a returned workbook ---------------------------------------------------------------


@dataclass
class Problem:
    """One thing wrong in the workbook, where the person sees it."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return _("sheet {sheet}: {problem}").format(sheet=self.sheet, problem=self.message)
        if self.column is None:
            return _("sheet {sheet}, row {row}: {problem}").format(
                sheet=self.sheet, row=self.row, problem=self.message
            )
        return _("sheet {sheet}, row {row}, column {column}: {problem}").format(
            sheet=self.sheet, row=self.row, column=self.column, problem=self.message
        )


class WorkbookRefused(InvalidRecord):
    """Rows or headers are wrong: nothing was written; ``problems`` say where (exit 1)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            _("{count} problem(s) in the workbook; nothing was written").format(
                count=len(problems)
            ),
            _("correct those cells and import the workbook again"),
        )
        self.problems = problems


@dataclass
class ActionReport:
    sheet: str
    row: int
    action_id: str
    version: str
    shown: tuple[Any, Any]  # status and progress as the template showed them
    status: str | None
    progress: int | None
    note: str | None
    day: str | None
    columns: dict[str, str] = field(default_factory=dict)  # column key -> letter


@dataclass
class ObservationReport:
    sheet: str
    row: int
    indicator_id: str
    version: str
    value: int | float
    qualifier: str | None
    day: str | None
    source: str | None
    columns: dict[str, str] = field(default_factory=dict)  # column key -> letter


@dataclass
class EventReport:
    """A filled row of the financial sheet: one new ledger event of a programme or action."""

    sheet: str
    row: int
    holder_id: str
    version: str
    year: int | None  # the fiscal year of the row, as the template showed it
    shown: tuple[Any, Any, Any]  # committed, paid, spent as the template showed them
    type: str
    amount: Decimal
    day: str
    funding_source: str
    reference: str | None
    note: str | None
    columns: dict[str, str] = field(default_factory=dict)  # column key -> letter


@dataclass
class Returned:
    """What a returned workbook says, checked cell by cell (not yet against the registry)."""

    path: Path
    body: str
    as_of: str | None
    submitter: str
    actions: list[ActionReport] = field(default_factory=list)
    observations: list[ObservationReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    events: list[EventReport] = field(default_factory=list)

    def row_of(self, kind: str, record_id: str) -> tuple[str, int] | None:
        """The sheet and row that changed a record (to place a finding of the registry's
        validation where the person sees it)."""
        if kind == "action":
            for report in self.actions:
                if report.action_id == record_id:
                    return report.sheet, report.row
        for observed in self.observations if kind == "indicator" else []:
            if observed.indicator_id == record_id:
                return observed.sheet, observed.row
        for event in self.events if kind in ("programme", "action") else []:
            if event.holder_id == record_id:
                return event.sheet, event.row
        return None


def _all_names(key: str) -> set[str]:
    return {_fold(name) for name in SHEET_NAMES[key].values()} | {f"{key}.csv"}


def _fold(text: Any) -> str:
    return unicodedata.normalize("NFKC", str(text or "")).strip().casefold()


_HEADER_KEYS = {
    _fold(label): key for key, labels in HEADERS.items() for label in (*labels.values(), key)
}


def _labels(table: dict[str, dict[str, str]]) -> dict[str, str]:
    return {
        _fold(label): code for code, labels in table.items() for label in (*labels.values(), code)
    }


_STATUS_CODES = _labels(STATUS_LABELS)
_QUALIFIER_CODES = _labels(QUALIFIER_LABELS)
_EVENT_CODES = _labels(money.EVENT_LABELS)


def read_returned(path: Path, csv: bool = False) -> Returned:
    """Read and check every cell of a returned workbook, or of its CSV folder
    (``UnreadableWorkbook``: exit 2)."""
    from protsoc.clerk import workbook

    book = workbook.read_csv_folder(path) if csv else workbook.read(path)
    return parse(path, book)


def parse(path: Path, book: Book) -> Returned:
    sheets = {_fold(title): sheet for title, sheet in book.sheets.items()}
    meta = _meta(sheets)
    returned = Returned(
        path,
        meta.get("body") or "?",
        meta.get("as_of") or None,
        _submitter(sheets) or meta.get("submitter") or book.last_modified_by or "?",
    )
    found = False
    for key, columns, inputs_ in (
        ("actions", ACTION_COLUMNS, ACTION_INPUTS),
        ("indicators", INDICATOR_COLUMNS, INDICATOR_INPUTS),
        ("finance", money.COLUMNS, money.INPUTS),
    ):
        sheet = next((sheets[n] for n in _all_names(key) if n in sheets), None)
        if sheet is None:
            continue
        found = True
        positions = _headers(sheet, columns, returned.problems)
        if positions is None:
            continue
        for number, cells in sheet.rows:
            if number == 1:
                continue
            if key == "actions":
                _action(returned, sheet, number, cells, positions)
            elif key == "finance":
                _financial(returned, sheet, number, cells, positions)
            else:
                _observation(returned, sheet, number, cells, positions)
    if not found:
        names = ", ".join(f"«{n}»" for n in (*SHEET_NAMES["actions"].values(),))
        raise UsageError(
            _("{name} has no sheet of actions or indicators ({names})").format(
                name=path.name, names=names
            ),
            _("import a workbook made by `protsoc collect template`"),
        )
    return returned


def _meta(sheets: dict[str, Sheet]) -> dict[str, str]:
    sheet = sheets.get("protsoc") or sheets.get("protsoc.csv")
    if sheet is None:
        return {}
    return {
        str(cells[0].value): str(cells[1].value)
        for _number, cells in sheet.rows
        if len(cells) >= 2 and cells[0].value is not None and cells[1].value is not None
    }


def _submitter(sheets: dict[str, Sheet]) -> str | None:
    labels = {_fold(label) for label in SUBMITTER.values()}
    for name in _all_names("readme"):
        for _number, cells in sheets[name].rows if name in sheets else []:
            if cells and _fold(cells[0].value) in labels and len(cells) > 1:
                value = cells[1].value
                if value not in (None, ""):
                    return " ".join(str(value).split())[:200]
    return None


def _headers(
    sheet: Sheet, columns: tuple[str, ...], problems: list[Problem]
) -> dict[str, int] | None:
    header = next((cells for number, cells in sheet.rows if number == 1), [])
    positions: dict[str, int] = {}
    unknown: list[str] = []
    duplicated: list[str] = []
    for index, cell in enumerate(header):
        if cell.value in (None, ""):
            continue
        key = _HEADER_KEYS.get(_fold(cell.value))
        if key is None or key not in columns:
            unknown.append(f"{column_letter(index)} «{cell.value}»")
        elif key in positions:
            duplicated.append(f"{column_letter(index)} «{cell.value}»")
        else:
            positions[key] = index
    missing = [c for c in columns if c not in positions]
    if not missing and not duplicated:
        return positions  # extra columns are the focal point's own: ignored
    parts = []
    if missing:
        parts.append(
            _("missing columns: {names}").format(
                names=", ".join(f"«{HEADERS[c]['ar']}» / «{HEADERS[c]['fr']}»" for c in missing)
            )
        )
    if duplicated:
        parts.append(_("duplicated columns: {names}").format(names=", ".join(duplicated)))
    if unknown and missing:
        parts.append(
            _("columns protsoc does not know (renamed?): {names}").format(names=", ".join(unknown))
        )
    problems.append(Problem(sheet.title, 1, None, "; ".join(parts)))
    return None


_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class CellError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


_ERROR_VALUES = {
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
}


def _formula_checked(cell: Cell) -> Any:
    if isinstance(cell.value, str) and cell.value.strip().upper() in _ERROR_VALUES:
        raise CellError(
            _("the cell shows the error {error}{formula}").format(
                error=cell.value.strip(), formula=f" ({cell.formula[:60]})" if cell.formula else ""
            )
        )
    if cell.formula is not None and cell.value in (None, ""):
        raise CellError(
            _("the cell holds a formula ({formula}) without a computed value").format(
                formula=cell.formula[:60]
            )
        )
    return cell.value


def _number(cell: Cell, percent: bool = False) -> int | float | None:
    value = _formula_checked(cell)
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise CellError(_("{value!r} is not a number").format(value=value))
    if isinstance(value, (int, float)):
        if percent and "%" in cell.number_format:
            value = value * 100
        figure = float(value)
        text = repr(value)
    else:
        text = _SPACES.sub("", str(value).translate(_ARABIC_DIGITS))
        if percent and text.endswith("%"):
            text = text[:-1]
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # the French (and Arabic) decimal comma
        try:
            figure = float(text)
        except ValueError:
            raise CellError(_("{value!r} is not a number").format(value=str(value)[:40])) from None
    try:
        number = inputs.number(
            repr(figure) if not figure.is_integer() else str(int(figure)), "value"
        )
    except (InvalidInput, OverflowError, ValueError):
        raise CellError(
            _("{value!r} is not a number protsoc can keep").format(value=text[:40])
        ) from None
    if isinstance(number, float) and abs(number - round(number)) < 1e-9:
        number = int(round(number))
    return number


def _date(cell: Cell) -> str | None:
    value = _formula_checked(cell)
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = _SPACES.sub("", str(value).translate(_ARABIC_DIGITS))
        match = _DAY_FIRST.match(text)
        if match:
            text = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    try:
        return inputs.date(text, "date")
    except InvalidInput:
        raise CellError(
            _("{value!r} is not a date: write YYYY-MM-DD or DD/MM/YYYY").format(
                value=str(value)[:40]
            )
        ) from None


def _choice(
    cell: Cell, codes: dict[str, str], allowed: tuple[str, ...], labels: dict
) -> str | None:
    value = _formula_checked(cell)
    if value in (None, ""):
        return None
    code = codes.get(_fold(value))
    if code is None or code not in allowed:
        shown = ", ".join(labels[a]["ar"] + " / " + labels[a]["fr"] for a in allowed)
        raise CellError(
            _("{value!r} is not one of: {choices}").format(value=str(value)[:40], choices=shown)
        )
    return code


def _plain(cell: Cell) -> str | None:
    value = _formula_checked(cell)
    if value in (None, ""):
        return None
    text = str(value).strip()
    if "\x00" in text or len(text) > 2000:
        raise CellError(_("the text is not acceptable (NUL character, or over 2000 characters)"))
    return text or None


def _cell(cells: list[Cell], index: int) -> Cell:
    return cells[index] if index < len(cells) else Cell(None)


def _read_cells(
    returned: Returned,
    sheet: Sheet,
    number: int,
    cells: list[Cell],
    positions: dict[str, int],
    readers: dict[str, Callable[[Cell], Any]],
) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    ok = True
    for key, reader in readers.items():
        try:
            values[key] = reader(_cell(cells, positions[key]))
        except CellError as error:
            returned.problems.append(
                Problem(sheet.title, number, column_letter(positions[key]), error.message)
            )
            ok = False
    return values if ok else None


def _letters(positions: dict[str, int]) -> dict[str, str]:
    return {key: column_letter(index) for key, index in positions.items()}


def _left_blank(cells: list[Cell], positions: dict[str, int], inputs: Iterable[str]) -> bool:
    """True when the body filled none of a row's input cells (a formula counts as filled)."""
    return all(
        _cell(cells, positions[k]).value in (None, "") and not _cell(cells, positions[k]).formula
        for k in inputs
    )


def _row_key(
    returned: Returned, sheet: Sheet, number: int, cells: list[Cell], positions: dict[str, int]
) -> tuple[str, str] | None:
    record_id = _cell(cells, positions["id"]).value
    version = _cell(cells, positions["version"]).value
    if record_id in (None, "") or version in (None, ""):
        returned.problems.append(
            Problem(
                sheet.title,
                number,
                column_letter(positions["id" if record_id in (None, "") else "version"]),
                _(
                    "a filled row without its id and version token: rows are added only by "
                    "protsoc (ask the secretariat for a new template)"
                ),
            )
        )
        return None
    return str(record_id).strip(), str(version).strip()


def _action(
    returned: Returned, sheet: Sheet, number: int, cells: list[Cell], positions: dict[str, int]
) -> None:
    if _left_blank(cells, positions, ACTION_INPUTS):
        return
    key = _row_key(returned, sheet, number, cells, positions)
    values = _read_cells(
        returned,
        sheet,
        number,
        cells,
        positions,
        {
            "new_status": lambda c: _choice(c, _STATUS_CODES, ACTION_STATUSES, STATUS_LABELS),
            "new_progress": lambda c: _number(c, percent=True),
            "note": _plain,
            "report_date": _date,
        },
    )
    if key is None or values is None:
        return
    progress = values["new_progress"]
    if progress is not None and (not isinstance(progress, int) or not 0 <= progress <= 100):
        returned.problems.append(
            Problem(
                sheet.title,
                number,
                column_letter(positions["new_progress"]),
                _("{value} is not a whole percentage from 0 to 100").format(value=progress),
            )
        )
        return
    if values["new_status"] is None and progress is None:
        returned.problems.append(
            Problem(
                sheet.title,
                number,
                column_letter(positions["new_status"]),
                _("a note or date without a new status or progress"),
            )
        )
        return
    shown = (_cell(cells, positions["status"]).value, _cell(cells, positions["progress"]).value)
    returned.actions.append(
        ActionReport(
            sheet.title,
            number,
            key[0],
            key[1],
            shown,
            values["new_status"],
            progress,
            values["note"],
            values["report_date"],
            _letters(positions),
        )
    )


def _observation(
    returned: Returned, sheet: Sheet, number: int, cells: list[Cell], positions: dict[str, int]
) -> None:
    if _left_blank(cells, positions, INDICATOR_INPUTS):
        return
    key = _row_key(returned, sheet, number, cells, positions)
    values = _read_cells(
        returned,
        sheet,
        number,
        cells,
        positions,
        {
            "new_value": _number,
            "qualifier": lambda c: _choice(c, _QUALIFIER_CODES, QUALIFIERS, QUALIFIER_LABELS),
            "date": _date,
            "source": _plain,
        },
    )
    if key is None or values is None:
        return
    if values["new_value"] is None:
        returned.problems.append(
            Problem(
                sheet.title,
                number,
                column_letter(positions["new_value"]),
                _("the new value is missing (the row has a date, qualifier or source)"),
            )
        )
        return
    returned.observations.append(
        ObservationReport(
            sheet.title,
            number,
            key[0],
            key[1],
            values["new_value"],
            values["qualifier"],
            values["date"],
            values["source"],
            _letters(positions),
        )
    )


def _amount(cell: Cell) -> Decimal | None:
    value = _formula_checked(cell)
    if value in (None, ""):
        return None
    try:
        return money.amount(value)
    except money.AmountProblem as problem:
        raise CellError(problem.message) from None


def _financial(
    returned: Returned, sheet: Sheet, number: int, cells: list[Cell], positions: dict[str, int]
) -> None:
    if _left_blank(cells, positions, money.INPUTS):
        return
    key = _row_key(returned, sheet, number, cells, positions)
    values = _read_cells(
        returned,
        sheet,
        number,
        cells,
        positions,
        {
            "event_type": lambda c: _choice(
                c, _EVENT_CODES, money.finance.EVENT_TYPES, money.EVENT_LABELS
            ),
            "amount": _amount,
            "event_date": _date,
            "funding_source": _plain,
            "reference": _plain,
            "note": _plain,
        },
    )
    if key is None or values is None:
        return
    missing = [k for k in ("event_type", "amount", "event_date", "funding_source") if not values[k]]
    for column in missing:
        returned.problems.append(
            Problem(
                sheet.title,
                number,
                column_letter(positions[column]),
                _(
                    "«{column}» is missing: a financial event needs its type, amount, date and "
                    "source of funds"
                ).format(column=f"{HEADERS[column]['ar']} / {HEADERS[column]['fr']}"),
            )
        )
    if missing:
        return
    shown_year = _cell(cells, positions["year"]).value
    text = str(int(shown_year) if isinstance(shown_year, float) else shown_year or "").strip()
    year = int(text) if text.isdigit() else None
    returned.events.append(
        EventReport(
            sheet.title,
            number,
            key[0],
            key[1],
            year,
            tuple(_cell(cells, positions[k]).value for k in ("committed", "paid", "spent")),  # type: ignore[arg-type]
            values["event_type"],
            values["amount"],
            values["event_date"],
            values["funding_source"],
            values["reference"],
            values["note"],
            _letters(positions),
        )
    )


# --- applying it -------------------------------------------------------------------------------


def _source(
    returned: Returned, sheet: str, row: int, document: str | None = None
) -> dict[str, Any]:
    source: dict[str, Any] = {
        "document": document or returned.path.name,
        "section": f"{returned.path.name}: {sheet}, row {row}",
        "note": f"reported by {returned.submitter} ({returned.body})",
    }
    return source


def _shown_action(data: dict[str, Any]) -> str:
    return f"{data.get('status')} {data.get('progress')}%"


def operation(returned: Returned) -> Callable[[Desk], Plan]:
    """The clerk operation applying every row of ``returned``, or refusing them all."""

    def apply(desk: Desk) -> Plan:
        problems = list(returned.problems)
        changes = {}
        edited: dict[tuple[str, str], dict[str, Any]] = {}
        counts = {"action": 0, "indicator": 0, "event": 0}

        def edit(kind: str, record: Record) -> dict[str, Any]:
            if (kind, record.id) not in edited:
                change, data = desk.edit(record)
                changes[(kind, record.id)] = change
                edited[(kind, record.id)] = data
            return edited[(kind, record.id)]

        for report in returned.actions:
            record = desk.record("action", report.action_id)
            if record is None or record.data is None:
                problems.append(
                    Problem(
                        report.sheet,
                        report.row,
                        report.columns.get("id"),
                        _("no action {id} in the registry").format(id=report.action_id),
                    )
                )
                continue
            day = report.day or returned.as_of or desk.today
            if day > desk.today:
                problems.append(
                    Problem(
                        report.sheet,
                        report.row,
                        report.columns.get("report_date"),
                        _("the report date {date} is in the future").format(date=day),
                    )
                )
                continue
            entry: dict[str, Any] = {"date": day}
            if report.progress is not None:
                entry["progress"] = report.progress
            if report.status is not None:
                entry["status"] = report.status
            if report.note:
                entry["note"] = {"ar": report.note}
            entry["source"] = _source(returned, report.sheet, report.row)
            if entry in (record.data.get("updates") or []):
                continue  # imported already
            if version_token(record) != report.version:
                progress = "-" if report.progress is None else report.progress
                wanted = f"{report.status or '-'} {progress}%"
                problems.append(
                    Problem(
                        report.sheet,
                        report.row,
                        report.columns.get(
                            "new_status" if report.progress is None else "new_progress"
                        ),
                        _(
                            "conflict: action {id} changed since the template was made "
                            "(now {now}; the workbook says {wanted}); nothing is overwritten"
                        ).format(id=record.id, now=_shown_action(record.data), wanted=wanted),
                    )
                )
                continue
            data = edit("action", record)
            if report.status is not None:
                data["status"] = report.status
            if report.progress is not None:
                data["progress"] = report.progress
            elif report.status == "done":
                data["progress"] = 100
            if report.status == "done" and "completed_on" not in data:
                data["completed_on"] = day
            data.setdefault("updates", []).append(entry)
            counts["action"] += 1
        for observed in returned.observations:
            record = desk.record("indicator", observed.indicator_id)
            if record is None or record.data is None:
                problems.append(
                    Problem(
                        observed.sheet,
                        observed.row,
                        observed.columns.get("id"),
                        _("no indicator {id} in the registry").format(id=observed.indicator_id),
                    )
                )
                continue
            day = observed.day or returned.as_of or desk.today
            existing = [
                o
                for o in record.data.get("observations") or []
                if isinstance(o, dict) and str(o.get("date")) == day
            ]
            if existing and existing[0].get("value") == observed.value:
                continue  # imported already (or reported the same by another way)
            if existing:
                problems.append(
                    Problem(
                        observed.sheet,
                        observed.row,
                        observed.columns.get("new_value"),
                        _(
                            "conflict: indicator {id} already has {value} on {date} "
                            "(the workbook says {wanted}); nothing is overwritten"
                        ).format(
                            id=record.id,
                            value=existing[0].get("value"),
                            date=day,
                            wanted=observed.value,
                        ),
                    )
                )
                continue
            if version_token(record) != observed.version:
                last = max(
                    (o for o in record.data.get("observations") or [] if isinstance(o, dict)),
                    key=lambda o: str(o.get("date", "")),
                    default={},
                )
                problems.append(
                    Problem(
                        observed.sheet,
                        observed.row,
                        observed.columns.get("new_value"),
                        _(
                            "conflict: indicator {id} changed since the template was made "
                            "(now {now} on {date}; the workbook says {wanted}); "
                            "nothing is overwritten"
                        ).format(
                            id=record.id,
                            now=last.get("value"),
                            date=last.get("date"),
                            wanted=observed.value,
                        ),
                    )
                )
                continue
            data = edit("indicator", record)
            observation: dict[str, Any] = {"date": day, "value": observed.value}
            if observed.qualifier:
                observation["qualifier"] = observed.qualifier
            observation["source"] = _source(returned, observed.sheet, observed.row, observed.source)
            observations = data.setdefault("observations", [])
            observations.append(observation)
            observations.sort(key=lambda o: str(o.get("date", "")) if isinstance(o, dict) else "")
            counts["indicator"] += 1
        for event in returned.events:
            if _ledger_event(desk, returned, event, problems, edit):
                counts["event"] += 1
        if problems:
            raise WorkbookRefused(problems)
        for (kind, record_id), change in changes.items():
            change.data = writer.ordered(kind, edited[(kind, record_id)])
        said = f"{counts['action']} action updates, {counts['indicator']} observations"
        if counts["event"]:
            said += f", {counts['event']} financial events"
        return Plan(
            list(changes.values()),
            f"collect({returned.body}): import {returned.path.name} from {returned.submitter} "
            f"({said})",
        )

    return apply


def _holder(desk: Desk, holder_id: str) -> Record | None | str:
    """The programme or action of a financial row; "both" when the id names one of each."""
    found = [
        record
        for record in (desk.record("programme", holder_id), desk.record("action", holder_id))
        if record is not None and record.data is not None
    ]
    return "both" if len(found) > 1 else found[0] if found else None


def _funding_id(desk: Desk, text: str) -> str | None:
    for ident, names in money.funding_sources(desk.registry):
        if _fold(text) in {_fold(ident), *(_fold(name) for name in names.values())}:
            return ident
    return None


def _ledger_event(
    desk: Desk,
    returned: Returned,
    event: EventReport,
    problems: list[Problem],
    edit: Callable[[str, Record], dict[str, Any]],
) -> bool:
    """Append the event of one financial row to its ledger (True), or say why not (False: a
    problem, or the same event is in the ledger already)."""

    def refuse(column: str, message: str) -> bool:
        problems.append(Problem(event.sheet, event.row, event.columns.get(column), message))
        return False

    record = _holder(desk, event.holder_id)
    if record is None or record == "both":
        return refuse(
            "id",
            _("no programme or action {id}").format(id=event.holder_id)
            if record is None
            else _("{id} is both a programme and an action").format(id=event.holder_id),
        )
    assert isinstance(record, Record) and record.data is not None
    if event.day > desk.today:
        return refuse(
            "event_date",
            _(
                "the date {date} is in the future: record money already committed, paid or spent"
            ).format(date=event.day),
        )
    if event.year is not None and event.day[:4] != str(event.year):
        return refuse(
            "event_date",
            _(
                "the date {date} is not in the fiscal year {year} of this row: report it on "
                "the row of its own year"
            ).format(date=event.day, year=event.year),
        )
    funding = _funding_id(desk, event.funding_source)
    if funding is None:
        declared = [
            money.source_label(names, ident, "ar")
            for ident, names in money.funding_sources(desk.registry)
        ]
        return refuse(
            "funding_source",
            _(
                "the source of funds {value!r} is not declared in protsoc.yaml (declared: {known})"
            ).format(value=event.funding_source[:60], known=", ".join(declared) or _("none yet")),
        )
    reporter = (record.data or {}).get("owner") or (returned.body if "/" in returned.body else None)
    if not isinstance(reporter, str):
        return refuse(
            "id",
            _("{id} has no owner to report its money: give it an owner (protsoc set) first").format(
                id=record.id
            ),
        )
    entry: dict[str, Any] = {
        "type": event.type,
        "date": event.day,
        "amount": str(event.amount),
        "funding_source": funding,
        "reported_by": reporter,
    }
    if event.reference:
        entry["reference"] = event.reference
    if event.note:
        entry["note"] = {"ar": event.note}
    entry["source"] = _source(returned, event.sheet, event.row)
    ledger = [e for e in (record.data.get("transactions") or []) if isinstance(e, dict)]
    if any({k: v for k, v in e.items() if k != "id"} == entry for e in ledger):
        return False  # imported already
    if version_token(record) != event.version:
        year = event.year or money.finance.fiscal_year(dt.date.fromisoformat(event.day))
        now = money.year_figures(record, year, dt.date.max)
        shown = ", ".join("-" if v in (None, "") else str(v) for v in event.shown)
        return refuse(
            "amount",
            _(
                "conflict: {id} changed since the template was made (now, for {year}: "
                "committed {committed}, paid {paid}, spent {spent}; the workbook showed {shown} "
                "and adds a {type} of {amount}); nothing is overwritten"
            ).format(
                id=record.id,
                year=year,
                committed=money.finance.format_mad(now.committed),
                paid=money.finance.format_mad(now.paid),
                spent=money.finance.format_mad(now.spent),
                shown=shown,
                type=code_word(event.type),
                amount=money.finance.format_mad(event.amount),
            ),
        )
    data = edit(record.kind, record)
    events = data.setdefault("transactions", [])
    events.append({"id": next_id(events, "t"), **entry})
    return True


class NothingToDo(Exception):
    """Every row of the workbook is empty or imported already (exit 0)."""


def applying(returned: Returned) -> Callable[[Desk], Plan]:
    """``operation`` for ``execute``: a workbook that changes nothing raises ``NothingToDo``
    (before any write or commit) instead of making an empty commit."""
    apply = operation(returned)

    def checked(desk: Desk) -> Plan:
        plan = apply(desk)
        if not plan.changes:
            raise NothingToDo()
        return plan

    return checked


def preview(root: Path, returned: Returned) -> tuple[Desk, Plan]:
    """What importing would do (``--dry-run``): the same checks as ``execute``, under the same
    lock, writing nothing. ``RefusedChange`` when the result would not validate."""
    from protsoc.clerk import transaction

    with transaction.locked(root):
        desk = Desk(root)
        plan = operation(returned)(desk)
        transaction.render(desk, plan)
        problems = transaction.check(desk, plan)
        if problems:
            raise transaction.RefusedChange(problems)
        return desk, plan
