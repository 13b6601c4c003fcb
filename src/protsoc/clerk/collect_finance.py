"""The financial sheet of the reporting workbook: the money of a body's programmes and actions.

One row per programme or action the reporting body owns (or, for a committee, whose owner sits
on it) and per fiscal year: its id, name and year, then, read-only and taken from the ledger on
the reporting date, the current revised budget of that year and what was committed, paid and
spent in it. The focal point fills one new financial event per row: its type (commitment,
decommitment, payment, expenditure), amount, date, source of funds, reference (a visa or a
payment order number) and a note. Each filled row becomes one new entry of the append-only
ledger (``transactions:``), exactly as ``protsoc add transaction`` writes one, citing the
workbook, sheet, row and submitter.

The figures of a row are that record's own lines: a programme's row does not include its
actions' money (they have their own rows), so a figure is never shown twice in one sheet.

``clerk.collect`` writes and reads the sheet with the other sheets; this module holds what is
proper to money: the words of the sheet, the rows, and reading an amount exactly.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from protsoc.governance import finance
from protsoc.governance.programme import ledgers
from protsoc.kernel.i18n import _
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record

SHEET_NAME = {"ar": "المالية", "fr": "Finances", "en": "finance"}

HEADERS = {
    "holder": {"ar": "البرنامج أو الإجراء", "fr": "Programme ou action"},
    "year": {"ar": "السنة المالية", "fr": "Exercice"},
    "budget": {"ar": "الميزانية المعدلة الحالية (درهم)", "fr": "Budget révisé en vigueur (MAD)"},
    "committed": {"ar": "الالتزامات (درهم)", "fr": "Engagements (MAD)"},
    "paid": {"ar": "الأداءات (درهم)", "fr": "Paiements (MAD)"},
    "spent": {"ar": "النفقات إلى تاريخه (درهم)", "fr": "Dépenses à ce jour (MAD)"},
    "event_type": {"ar": "نوع العملية المالية الجديدة", "fr": "Type de la nouvelle opération"},
    "amount": {"ar": "المبلغ (درهم)", "fr": "Montant (MAD)"},
    "event_date": {"ar": "تاريخ العملية", "fr": "Date de l'opération"},
    "funding_source": {"ar": "مصدر التمويل", "fr": "Source de financement"},
    "reference": {
        "ar": "المرجع (رقم التأشيرة أو الأمر بالأداء)",
        "fr": "Référence (visa, ordre de paiement)",
    },
}

COLUMNS = (
    "id",
    "holder",
    "year",
    "budget",
    "committed",
    "paid",
    "spent",
    "event_type",
    "amount",
    "event_date",
    "funding_source",
    "reference",
    "note",
    "version",
)
INPUTS = ("event_type", "amount", "event_date", "funding_source", "reference", "note")
FIGURES = ("budget", "committed", "paid", "spent")

EVENT_LABELS = {
    "commitment": {"ar": "التزام", "fr": "engagement"},
    "decommitment": {"ar": "إلغاء التزام", "fr": "désengagement"},
    "payment": {"ar": "أداء", "fr": "paiement"},
    "expenditure": {"ar": "نفقة", "fr": "dépense"},
}

README = {
    "ar": "في ورقة «المالية»: لكل برنامج أو إجراء وسنة مالية، سجل عملية مالية جديدة واحدة: نوعها "
    "(التزام، إلغاء التزام، أداء، نفقة)، ومبلغها بالدرهم (رقمان بعد الفاصلة على الأكثر)، وتاريخها، "
    "ومصدر التمويل، والمرجع (رقم التأشيرة أو الأمر بالأداء). الأرقام الرمادية مأخوذة من السجل "
    "المالي ولا تغير؛ والتصحيح عملية جديدة (إلغاء التزام مثلا).",
    "fr": "Feuille « Finances » : pour chaque programme ou action et chaque exercice, une nouvelle "
    "opération : son type (engagement, désengagement, paiement, dépense), son montant en dirhams "
    "(deux décimales au plus), sa date, la source de financement et la référence (visa, ordre de "
    "paiement). Les chiffres gris viennent du registre et ne se modifient pas ; une correction "
    "est une nouvelle opération (un désengagement par exemple).",
}


def select(
    registry: Registry, owner: str | None, committee: str | None, everything: bool
) -> list[Record]:
    """The programmes and actions whose money the reporting body reports: its programmes (by
    owner, or the committee's), and its actions that belong to a programme or hold money."""
    chosen: list[Record] = []

    def ours(post: Any, committee_id: Any = None) -> bool:
        if everything:
            return True
        if owner is not None:
            return post == owner
        return committee_id == committee or str(post or "").split("/")[0] == committee

    for record in sorted(registry.of_kind("programme"), key=lambda r: r.id):
        data = record.data if isinstance(record.data, dict) else None
        if data is not None and ours(data.get("owner"), data.get("committee")):
            chosen.append(record)
    for record in sorted(registry.of_kind("action"), key=lambda r: r.id):
        data = record.data if isinstance(record.data, dict) else None
        if data is None or not ours(data.get("owner")):
            continue
        if data.get("programme") or data.get("budgets") or data.get("transactions"):
            chosen.append(record)
    return chosen


def funding_sources(registry: Registry) -> list[tuple[str, dict[str, str]]]:
    """The sources of funds protsoc.yaml declares: (id, names by language)."""
    found = []
    for entry in registry.manifest.get("funding_sources") or []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            name = entry.get("name")
            names = (
                {k: v for k, v in name.items() if isinstance(v, str)}
                if isinstance(name, dict)
                else {}
            )
            found.append((entry["id"], names))
    return found


def source_label(names: dict[str, str], source_id: str, lang: str) -> str:
    return names.get(lang) or names.get("ar") or source_id


def rows(
    registry: Registry, records: list[Record], lang: str, as_of: dt.date, token: Any
) -> list[list[Any]]:
    """The sheet's rows: per record, one per fiscal year with money up to ``as_of`` and one for
    the year of ``as_of``; the figures are ``Decimal`` (exact), empty when nothing is recorded."""
    found = {(ledger.kind, ledger.id): ledger for ledger in ledgers(registry, as_of)}
    table = []
    for record in records:
        data = record.data or {}
        ledger = found.get((record.kind, record.id))
        name = data.get("name") if record.kind == "programme" else data.get("title")
        years = {as_of.year} | (finance.ledger_years(ledger, as_of) if ledger else set())
        for year in sorted(years):
            figures = finance.figures(ledger, as_of, years=[year]) if ledger else None
            money = ledger is not None and year in finance.ledger_years(ledger, as_of)
            table.append(
                [
                    record.id,
                    _text(name, lang) or record.id,
                    year,
                    figures.budget if figures and figures.has_budget else None,
                    figures.committed if figures and money else None,
                    figures.paid if figures and money else None,
                    figures.spent if figures and money else None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    token(record),
                ]
            )
    return table


def year_figures(record: Record, year: int, as_of: dt.date) -> finance.Figures:
    data = record.data or {}
    ledger = finance.Ledger(record.kind, record.id, record.id, None, None, None, None)
    ledger.budgets = finance.read_budgets(data.get("budgets"))
    ledger.events = finance.read_events(data.get("transactions"))
    return finance.figures(ledger, as_of, years=[year])


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ar") or next(iter(value.values()), ""))
    return "" if value is None else str(value)


# --- reading an amount exactly ---------------------------------------------------------------


class AmountProblem(ValueError):
    """A cell that is not an amount protsoc can keep exactly (the message says why)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
# spaces of every kind between thousands, and the Arabic thousands separator
_THOUSANDS = re.compile(r"[\s\u00a0\u202f\u2009\u066c']+")
_PLAIN = re.compile(r"^[0-9]{1,15}(?:\.([0-9]+))?$")


def amount(value: Any) -> Decimal:
    """A cell's amount in MAD, exact to the centime: ``1 250 000,50``, ``١٢٥٠٠٠٠٫٥``, ``1250000.5``
    or the number 1250000.5. Refused: more than two decimals, an exponent, a sign, zero, and
    text that is not an amount (``1.250.000`` is ambiguous: thousands go with spaces)."""
    if isinstance(value, bool):
        raise AmountProblem(_("{value!r} is not an amount").format(value=value))
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise AmountProblem(_("{value!r} is not an amount").format(value=value))
        text = repr(value)  # the shortest text of the number the spreadsheet stored
    elif isinstance(value, Decimal):
        text = format(value, "f")
    else:
        text = _THOUSANDS.sub("", str(value).translate(_DIGITS))
        if "," in text and "." not in text and text.count(",") == 1:
            text = text.replace(",", ".")  # the French decimal comma
    shown = str(value)[:40]
    if "e" in text.lower():
        raise AmountProblem(
            _(
                "{value!r} is written with an exponent: write the amount in full, in dirhams "
                "and centimes (e.g. 1250000,50)"
            ).format(value=shown)
        )
    if text.startswith("-"):
        raise AmountProblem(
            _(
                "{value!r} is negative: an amount is positive; to reduce a commitment, "
                "record a decommitment"
            ).format(value=shown)
        )
    match = _PLAIN.match(text)
    if not match:
        raise AmountProblem(
            _(
                "{value!r} is not an amount: digits, one decimal comma or point, spaces "
                "between thousands (e.g. 1 250 000,50)"
            ).format(value=shown)
        )
    if match.group(1) is not None and len(match.group(1)) > 2:
        raise AmountProblem(
            _("{value!r} has more than two decimals: amounts are kept in centimes").format(
                value=shown
            )
        )
    exact = Decimal(text).quantize(finance.CENTIME)
    if exact == 0:
        raise AmountProblem(_("the amount is zero: leave the row empty instead"))
    return exact
