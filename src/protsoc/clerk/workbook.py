"""Reading a workbook that came back from a ministry, without trusting it.

A returned workbook is a zip of XML written by whatever software the focal point used, or by
someone who wants protsoc to misbehave. Before openpyxl parses anything, ``open_checked``
looks at the zip's directory only:
- what is not a zip is refused, naming the conversion to do when it is an ``.xls`` (OLE2) file;
  an ``.ods`` is refused the same way (protsoc reads one spreadsheet format, and LibreOffice
  converts without loss: ``soffice --headless --convert-to xlsx FILE.ods``);
- macros (``vbaProject.bin``, a macro-enabled content type) and external links
  (``xl/externalLinks/``) are refused: nothing in the workbook may run or fetch;
- the file, the number of parts and their declared uncompressed sizes are bounded, and so is
  each part's compression ratio: a zip bomb is refused before one byte is inflated. (Python's
  zip reader never inflates a part beyond its declared size, so the declared sizes bound the
  memory.)
The sheets are then read by openpyxl in read-only mode, twice: once for the cached values
(``data_only``: a formula's last computed value, never evaluated by protsoc) and once for the
formulas themselves, so that a formula without a cached value is told apart from an empty cell.
Rows past ``MAX_ROWS`` are refused, not read.

XML attacks: openpyxl parses with the standard library's expat (2.4.1 and later refuse the
"billion laughs" entity expansion, and external entities are never fetched), so defusedxml
adds nothing here.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protsoc.kernel.errors import UsageError
from protsoc.kernel.i18n import _, ngettext

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PARTS = 2000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # sheet XML compresses well, but not 200 to 1 unless it is made to
MAX_ROWS = 20000
MAX_COLUMNS = 60

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


class UnreadableWorkbook(UsageError):
    """The file is not a workbook protsoc will read (exit 2)."""


def _refuse(path: Path, problem: str, hint: str | None) -> UnreadableWorkbook:
    return UnreadableWorkbook(f"{path.name}: {problem}", hint)


def _convert_hint(path: Path) -> str:
    return _(
        "open it in LibreOffice or Excel and save it as .xlsx, or run: "
        "soffice --headless --convert-to xlsx '{name}'"
    ).format(name=path.name)


def check_container(path: Path) -> None:
    """Refuse what is not a plain, bounded .xlsx, looking only at the zip's directory."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as error:
        raise _refuse(path, _("cannot be read ({error})").format(error=error.strerror), None)
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            _("is {size} MB, more than the {limit} MB a reporting workbook needs").format(
                size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
            ),
            _("send only the sheets of the template"),
        )
    if head == _OLE2_MAGIC:
        raise _refuse(path, _("is an old Excel (.xls) file, not .xlsx"), _convert_hint(path))
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlsb"):
        raise _refuse(
            path, _("is a macro-enabled or binary workbook"), _("save it as a plain .xlsx")
        )
    if not zipfile.is_zipfile(path):
        raise _refuse(path, _("is not an .xlsx workbook"), _convert_hint(path))
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if "mimetype" in names and archive.read("mimetype").startswith(_ODS_MIMETYPE):
                raise _refuse(
                    path, _("is an OpenDocument (.ods) spreadsheet, not .xlsx"), _convert_hint(path)
                )
            content_types = (
                archive.read("[Content_Types].xml")
                if "[Content_Types].xml" in names
                and archive.getinfo("[Content_Types].xml").file_size < 1024 * 1024
                else b""
            )
    except zipfile.BadZipFile:
        raise _refuse(path, _("is a damaged zip file"), _convert_hint(path)) from None
    if "xl/workbook.xml" not in names:
        raise _refuse(path, _("is not an .xlsx workbook"), _convert_hint(path))
    if len(entries) > MAX_PARTS:
        raise _refuse(
            path,
            ngettext(
                "has {count} part: too many for a workbook",
                "has {count} parts: too many for a workbook",
                len(entries),
            ).format(count=len(entries)),
            None,
        )
    if any(name.lower().endswith("vbaproject.bin") for name in names) or (
        b"macroEnabled" in content_types
    ):
        raise _refuse(
            path,
            _("contains macros; protsoc never reads a workbook that can run code"),
            _("save it as a plain .xlsx (without macros) and send it again"),
        )
    if any(name.startswith("xl/externalLinks/") for name in names):
        raise _refuse(
            path,
            _("links to other files (external links)"),
            _("in the spreadsheet, break the links (keep the values) and save it again"),
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if total > MAX_UNZIPPED_BYTES or (entry.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise _refuse(
                path,
                _("would unpack to more than a reporting workbook holds (a zip bomb?)"),
                _("send the template as it was filled, with nothing added"),
            )


@dataclass
class Cell:
    """One cell as protsoc reads it: its value (a formula's cached value) and whether it held a
    formula (``formula`` is its text then)."""

    value: Any
    number_format: str = "General"
    formula: str | None = None


@dataclass
class Sheet:
    title: str
    rows: list[tuple[int, list[Cell]]]  # (row number as shown, cells from column A)
    state: str = "visible"


@dataclass
class Book:
    sheets: dict[str, Sheet]
    last_modified_by: str | None


def read(path: Path) -> Book:
    """The sheets of a checked workbook: cached values, never evaluated formulas."""
    check_container(path)
    import openpyxl

    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on a malformed part
        raise _refuse(
            path,
            _("cannot be read as a workbook ({error})").format(error=type(error).__name__),
            _convert_hint(path),
        ) from None
    try:
        sheets: dict[str, Sheet] = {}
        for worksheet in values.worksheets:
            rows = list(_rows(path, worksheet, formulas[worksheet.title]))
            sheets[worksheet.title] = Sheet(
                worksheet.title, rows, getattr(worksheet, "sheet_state", "visible")
            )
        properties = values.properties
        return Book(sheets, properties.lastModifiedBy or properties.creator)
    finally:
        values.close()
        formulas.close()


def _rows(path: Path, values: Any, formulas: Any) -> Iterator[tuple[int, list[Cell]]]:
    value_rows = values.iter_rows(max_col=MAX_COLUMNS)
    formula_rows = formulas.iter_rows(max_col=MAX_COLUMNS, values_only=True)
    for number, (value_row, formula_row) in enumerate(zip(value_rows, formula_rows), start=1):
        if number > MAX_ROWS:
            raise _refuse(
                path,
                _("sheet {sheet!r} has more than {limit} rows").format(
                    sheet=values.title, limit=MAX_ROWS
                ),
                _("send the template as it was filled, with nothing added"),
            )
        cells = []
        for cell, raw in zip(value_row, formula_row):
            value = getattr(cell, "value", None)
            formula = raw if isinstance(raw, str) and raw.startswith("=") else None
            cells.append(
                Cell(value, getattr(cell, "number_format", "General") or "General", formula)
            )
        if any(c.value not in (None, "") or c.formula for c in cells):
            yield number, cells


def column_letter(index: int) -> str:
    """The letter a person sees above column ``index`` (0 for A)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


CSV_SHEETS = ("actions", "indicators", "finance", "protsoc")


def read_csv_folder(folder: Path) -> Book:
    """The CSV form of a workbook: ``actions.csv``, ``indicators.csv``, ``finance.csv`` (when the
    body has programmes) and ``protsoc.csv`` in one folder (UTF-8, a BOM allowed), bounded like
    a workbook. A CSV cell is text: a formula in it is never evaluated and is not a number."""
    import csv

    if not folder.is_dir():
        raise UnreadableWorkbook(
            _("{path} is not a folder of CSV files").format(path=folder),
            _("give the folder written by `protsoc collect template --format csv`"),
        )
    sheets: dict[str, Sheet] = {}
    for name in CSV_SHEETS:
        path = folder / f"{name}.csv"
        if not path.is_file():
            continue
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _refuse(
                path,
                _("is {size} MB, more than the {limit} MB a reporting workbook needs").format(
                    size=path.stat().st_size // (1024 * 1024),
                    limit=MAX_FILE_BYTES // (1024 * 1024),
                ),
                _("send only the sheets of the template"),
            )
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise _refuse(
                path, _("is not UTF-8 text"), _("save it as CSV UTF-8 from the spreadsheet")
            ) from None
        rows: list[tuple[int, list[Cell]]] = []
        for number, row in enumerate(csv.reader(text.splitlines()), start=1):
            if number > MAX_ROWS:
                raise _refuse(
                    path,
                    _("sheet {sheet!r} has more than {limit} rows").format(
                        sheet=path.name, limit=MAX_ROWS
                    ),
                    _("send the template as it was filled, with nothing added"),
                )
            cells = [Cell(value if value.strip() else None) for value in row[:MAX_COLUMNS]]
            if any(cell.value is not None for cell in cells):
                rows.append((number, cells))
        sheets[path.name] = Sheet(path.name, rows)
    return Book(sheets, None)
