"""The money of the programmes and actions: budgets per fiscal year, the ledger, execution rates.

The circular asks for a technical and financial follow-up of the programmes («وفق منظومة للتتبع
التقني والمالي لهذه البرامج», seed 001, ثانيا - I) and for the policy to be evaluated «على المستوى
المالي وغير المالي» (أولا - I - 1). The model follows IATI (budgets with BudgetType original/revised
and BudgetStatus indicative/committed; transactions of TransactionType commitment, disbursement,
expenditure) and the way Moroccan budget execution is reported:

- commitment rate «نسبة الالتزام» = net commitments / revised budget;
- payment rate «نسبة الأداء» = payments / net commitments;
- execution rate «نسبة التنفيذ» = payments / revised budget (the financial execution that physical
  progress is compared with).

Amounts are ``decimal.Decimal`` in MAD and centimes, read from quoted decimal text, never from a
binary float: 0.1 + 0.2 MAD is exactly 0.30 MAD. An amount in another currency is converted with
its recorded rate (rounded half up to the centime, once, at conversion). The Moroccan fiscal year is
the calendar year. The ledger is append-only: a correction is a new event (a decommitment, or an
event that ``corrects`` another), so every figure on a past date can be worked out again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from protsoc.governance import vocabulary
from protsoc.kernel import dates, numbers
from protsoc.kernel.i18n import _

MAD = "MAD"
CENTIME = Decimal("0.01")
ZERO = Decimal("0.00")
# The codelists, from the schemas (governance/vocabulary is their one reader).
EVENT_TYPES = vocabulary.FINANCIAL_EVENT_TYPES
BUDGET_TYPES = vocabulary.BUDGET_TYPES
BUDGET_STATUSES = vocabulary.BUDGET_STATUSES
FUNDING_KINDS = vocabulary.FUNDING_KINDS


def code_word(code: Any) -> str:
    """A ledger event type, budget type or budget status in the reader's words (the code itself
    when it is none of them): the clerk's import and the review diff say them alike."""
    words = {
        "commitment": _("commitment"),
        "decommitment": _("decommitment"),
        "payment": _("payment"),
        "expenditure": _("expenditure"),
        "original": _("original"),
        "revised": _("revised"),
        "indicative": _("indicative"),
        "committed": _("committed"),
    }
    return words.get(str(code), str(code))


_AMOUNT = re.compile(r"^[0-9]{1,15}(?:\.([0-9]+))?$")
_RATE = re.compile(r"^[0-9]{1,9}(?:\.[0-9]{1,10})?$")


class AmountError(ValueError):
    """Text that is not an amount protsoc can keep exactly (the message says why)."""


def parse_amount(text: Any) -> Decimal:
    """``"1250000.5"`` -> Decimal("1250000.50"). Refuses floats, more than two decimals, signs,
    thousands separators and exponents: an amount is exact decimal text in centimes."""
    if not isinstance(text, str):
        raise AmountError(
            f"{text!r} is not an amount: write it as quoted decimal text, e.g. '1250000.00'"
        )
    match = _AMOUNT.match(text)
    if not match:
        raise AmountError(
            f"{text!r} is not an amount: digits, at most one decimal point, no sign, no "
            "thousands separator (e.g. 1250000.00)"
        )
    if match.group(1) is not None and len(match.group(1)) > 2:
        raise AmountError(f"{text} has more than two decimals: amounts are kept in centimes")
    return Decimal(text).quantize(CENTIME)


def amount_decimals(text: Any) -> int:
    """How many decimals an amount's text has (0 when it is not amount text)."""
    match = _AMOUNT.match(text) if isinstance(text, str) else None
    return len(match.group(1)) if match and match.group(1) is not None else 0


def parse_rate(text: Any) -> Decimal | None:
    return Decimal(text) if isinstance(text, str) and _RATE.match(text) else None


def to_mad(entry: dict[str, Any]) -> Decimal | None:
    """The entry's amount in MAD, or None when it cannot be known exactly (bad amount, or another
    currency without its rate and date: the rules say which)."""
    try:
        amount = parse_amount(entry.get("amount"))
    except AmountError:
        return None
    currency = entry.get("currency", MAD)
    if currency == MAD:
        return amount
    rate = entry.get("exchange_rate")
    if not isinstance(rate, dict) or dates.parse(rate.get("date")) is None:
        return None
    per_unit = parse_rate(rate.get("mad_per_unit"))
    if per_unit is None:
        return None
    return (amount * per_unit).quantize(CENTIME, rounding=ROUND_HALF_UP)


def format_mad(amount: Decimal | None) -> str:
    """1250000.5 -> "1 250 000.50" (narrow no-break spaces): protsoc's one number convention
    (kernel/numbers.py), with the centimes always shown."""
    if amount is None:
        return "—"
    return numbers.money(amount)


def format_rate(rate: Decimal | None) -> str:
    """0.4567 -> "45.7 %"; None (no denominator) -> "—"."""
    if rate is None:
        return "—"
    return f"{(rate * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)} %"


def ratio(numerator: Decimal, denominator: Decimal | None) -> Decimal | None:
    """numerator / denominator, or None when there is nothing to divide by."""
    if denominator is None or denominator == 0:
        return None
    return numerator / denominator


def fiscal_year(day: dt.date) -> int:
    """The Moroccan fiscal year runs from 1 January to 31 December."""
    return day.year


def quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_bounds(label: str) -> tuple[dt.date, dt.date]:
    year, number = int(label[:4]), int(label[-1])
    start = dt.date(year, 3 * number - 2, 1)
    end = dates.add_months(start, 3) - dt.timedelta(days=1)
    return start, end


@dataclass(frozen=True)
class Budget:
    id: str
    year: int
    type: str
    status: str
    amount: Decimal  # in MAD
    funding_source: str
    date: dt.date
    period: tuple[dt.date, dt.date] | None
    order: int  # position in the record: the later of two entries on one day wins


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    date: dt.date
    amount: Decimal  # in MAD
    funding_source: str
    reported_by: str | None
    reference: str | None
    corrects: str | None


@dataclass
class Ledger:
    """The budgets and ledger events of one programme or action."""

    kind: str  # programme or action
    id: str
    title: str
    axis: str | None
    owner: str | None
    programme: str | None  # an action's programme; a programme's own id
    progress: int | None  # an action's physical progress (percent), None for a programme
    budgets: list[Budget] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    path: str = ""


def read_budgets(items: Any) -> list[Budget]:
    """The budgets that can be read exactly (the rules report the others)."""
    found = []
    for order, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        amount, day, year = to_mad(item), dates.parse(item.get("date")), item.get("year")
        if amount is None or day is None or not isinstance(year, int) or isinstance(year, bool):
            continue
        period = item.get("period")
        bounds = None
        if isinstance(period, dict):
            start, end = dates.parse(period.get("start")), dates.parse(period.get("end"))
            bounds = (start, end) if start and end else None
        found.append(
            Budget(
                id=str(item.get("id", "")),
                year=year,
                type=str(item.get("type", "original")),
                status=str(item.get("status", "indicative")),
                amount=amount,
                funding_source=str(item.get("funding_source", "")),
                date=day,
                period=bounds,
                order=order,
            )
        )
    return found


def read_events(items: Any) -> list[Event]:
    found = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or item.get("type") not in EVENT_TYPES:
            continue
        amount, day = to_mad(item), dates.parse(item.get("date"))
        if amount is None or day is None:
            continue
        found.append(
            Event(
                id=str(item.get("id", "")),
                type=item["type"],
                date=day,
                amount=amount,
                funding_source=str(item.get("funding_source", "")),
                reported_by=_str(item.get("reported_by")),
                reference=_str(item.get("reference")),
                corrects=_str(item.get("corrects")),
            )
        )
    return found


def current_budgets(budgets: Iterable[Budget], year: int, as_of: dt.date) -> dict[str, Budget]:
    """Per source of funds, the budget of ``year`` in force on ``as_of``: the latest revised
    budget adopted by then, else the latest original one."""
    chosen: dict[str, Budget] = {}
    for budget in budgets:
        if budget.year != year or budget.date > as_of:
            continue
        held = chosen.get(budget.funding_source)
        if held is None or _rank(budget) > _rank(held):
            chosen[budget.funding_source] = budget
    return chosen


def _rank(budget: Budget) -> tuple:
    return (budget.type == "revised", budget.date, budget.order)


def original_budgets(budgets: Iterable[Budget], year: int, as_of: dt.date) -> dict[str, Budget]:
    """Per source of funds, the latest original budget of ``year`` adopted by ``as_of``."""
    return current_budgets((b for b in budgets if b.type == "original"), year, as_of)


@dataclass
class Figures:
    """Budget and execution of one ledger (or a sum of ledgers) for a span of time."""

    original: Decimal = ZERO
    has_original: bool = False
    budget: Decimal = ZERO  # revised budget in force (the original one when never revised)
    has_budget: bool = False
    committed: Decimal = ZERO  # commitments minus decommitments
    paid: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def commitment_rate(self) -> Decimal | None:
        return ratio(self.committed, self.budget if self.has_budget else None)

    @property
    def payment_rate(self) -> Decimal | None:
        return ratio(self.paid, self.committed)

    @property
    def execution_rate(self) -> Decimal | None:
        return ratio(self.paid, self.budget if self.has_budget else None)

    def add(self, other: Figures) -> None:
        self.original += other.original
        self.has_original = self.has_original or other.has_original
        self.budget += other.budget
        self.has_budget = self.has_budget or other.has_budget
        self.committed += other.committed
        self.paid += other.paid
        self.spent += other.spent

    def as_json(self) -> dict[str, Any]:
        def rate(value: Decimal | None) -> str | None:
            return None if value is None else str(value.quantize(Decimal("0.0001"), ROUND_HALF_UP))

        return {
            "original_budget": str(self.original) if self.has_original else None,
            "revised_budget": str(self.budget) if self.has_budget else None,
            "committed": str(self.committed),
            "paid": str(self.paid),
            "spent": str(self.spent),
            "commitment_rate": rate(self.commitment_rate),
            "payment_rate": rate(self.payment_rate),
            "execution_rate": rate(self.execution_rate),
        }


def apply(figures: Figures, event: Event) -> None:
    if event.type == "commitment":
        figures.committed += event.amount
    elif event.type == "decommitment":
        figures.committed -= event.amount
    elif event.type == "payment":
        figures.paid += event.amount
    else:
        figures.spent += event.amount


def figures(
    ledger: Ledger,
    as_of: dt.date,
    years: Iterable[int] | None = None,
    funding_source: str | None = None,
) -> Figures:
    """The ledger's figures on ``as_of``: the budgets of ``years`` (default: every fiscal year
    that has a budget or an event up to ``as_of``) and the events of those years up to then."""
    wanted = set(years) if years is not None else ledger_years(ledger, as_of)
    result = Figures()
    for year in wanted:
        for source, budget in current_budgets(ledger.budgets, year, as_of).items():
            if funding_source is None or source == funding_source:
                result.budget += budget.amount
                result.has_budget = True
        for source, budget in original_budgets(ledger.budgets, year, as_of).items():
            if funding_source is None or source == funding_source:
                result.original += budget.amount
                result.has_original = True
    for event in ledger.events:
        if event.date > as_of or fiscal_year(event.date) not in wanted:
            continue
        if funding_source is None or event.funding_source == funding_source:
            apply(result, event)
    return result


def ledger_years(ledger: Ledger, as_of: dt.date) -> set[int]:
    return {b.year for b in ledger.budgets if b.date <= as_of} | {
        fiscal_year(e.date) for e in ledger.events if e.date <= as_of
    }


def counted_years(members: Iterable[Ledger], as_of: dt.date) -> list[tuple[Ledger, set[int]]]:
    """Each ledger of a total with the fiscal years it adds to that total, so that no amount is
    summed twice. A programme's own budget lines and events for a fiscal year are its figures for
    that year, and include what its actions spend then: when the programme is in the total, the
    actions' figures of those years are a breakdown and are left out; for a year in which the
    programme records nothing itself, its actions' figures roll up to it. (An action whose
    programme is not in the total, e.g. an owner's total, counts in full.)"""
    members = list(members)
    own = {
        ledger.id: ledger_years(ledger, as_of) for ledger in members if ledger.kind == "programme"
    }
    counted = []
    for ledger in members:
        years = ledger_years(ledger, as_of)
        if ledger.kind == "action" and ledger.programme in own:
            years = years - own[ledger.programme]
        counted.append((ledger, years))
    return counted


def total(
    members: Iterable[Ledger],
    as_of: dt.date,
    funding_source: str | None = None,
    year: int | None = None,
) -> Figures:
    """The figures of several ledgers together, each amount counted once (``counted_years``);
    ``year``: that fiscal year only."""
    result = Figures()
    for ledger, years in counted_years(members, as_of):
        if year is not None:
            years = years & {year}
        result.add(figures(ledger, as_of, years=years, funding_source=funding_source))
    return result


def double_counted_years(programme: Ledger, action: Ledger) -> list[int]:
    """The fiscal years in which both a programme and one of its actions record money (on any
    date): the action's figures of those years are not added to the programme's."""
    return sorted(ledger_years(programme, dt.date.max) & ledger_years(action, dt.date.max))


def funding_sources_of(ledger: Ledger, as_of: dt.date) -> list[str]:
    return sorted(
        {b.funding_source for b in ledger.budgets if b.date <= as_of}
        | {e.funding_source for e in ledger.events if e.date <= as_of}
    )


def quarters(ledger: Ledger, as_of: dt.date, years: set[int] | None = None) -> list[dict[str, Any]]:
    """Planned against actual per quarter: planned is what budgets with a ``period`` inside the
    quarter plan (annual budgets plan no quarter), actual the commitments and payments dated in
    it. ``years``: only the budgets and events of those fiscal years (default: all)."""
    rows: dict[str, dict[str, Any]] = {}

    def row(label: str) -> dict[str, Any]:
        return rows.setdefault(
            label, {"quarter": label, "planned": ZERO, "committed": ZERO, "paid": ZERO}
        )

    for year in {b.year for b in ledger.budgets if b.date <= as_of}:
        if years is not None and year not in years:
            continue
        for budget in current_budgets(ledger.budgets, year, as_of).values():
            if budget.period and quarter(budget.period[0]) == quarter(budget.period[1]):
                row(quarter(budget.period[0]))["planned"] += budget.amount
    for event in ledger.events:
        if event.date > as_of or (years is not None and fiscal_year(event.date) not in years):
            continue
        entry = row(quarter(event.date))
        if event.type == "commitment":
            entry["committed"] += event.amount
        elif event.type == "decommitment":
            entry["committed"] -= event.amount
        elif event.type == "payment":
            entry["paid"] += event.amount
    return [rows[label] for label in sorted(rows)]


def last_closed_quarter(as_of: dt.date) -> str:
    """The last quarter that ended on or before ``as_of``: the period reports are due for."""
    start, _ = quarter_bounds(quarter(as_of + dt.timedelta(days=1)))
    return quarter(start - dt.timedelta(days=1))


def has_reported(ledger: Ledger, period: str) -> bool:
    start, end = quarter_bounds(period)
    return any(start <= e.date <= end for e in ledger.events)


def expects_report(ledger: Ledger, period: str, as_of: dt.date) -> bool:
    """A ledger owes a report for a quarter when a budget of that fiscal year is in force."""
    start, _ = quarter_bounds(period)
    return bool(current_budgets(ledger.budgets, start.year, as_of))


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
