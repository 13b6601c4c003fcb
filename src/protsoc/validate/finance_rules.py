"""Validation rules of the programmes and of the money of programmes and actions.

Registered with ``rules.rule`` and run through ``rulebook``. The ledger is append-only and kept in
exact centimes (``governance.finance``); these rules say when an entry cannot be counted exactly
(an amount with more than two decimals, another currency without its rate), when it cannot be
true yet (a payment dated in the future), and when the figures need a look (payments above
commitments, commitments above the revised budget: warnings that give the figures).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from protsoc.governance import finance
from protsoc.kernel import dates
from protsoc.kernel.findings import Finding, Severity
from protsoc.kernel.i18n import _
from protsoc.registry.records import Record
from protsoc.validate.rules import Context, rule

_LINKED = ("indicator", "action", "evaluation")
_LEDGER_KINDS = ("programme", "action")


def _error(
    record: Record,
    rule_id: str,
    message: str,
    path: tuple,
    hint: str,
    severity: Severity = Severity.ERROR,
) -> Finding:
    return Finding(rule_id, message, record.path, severity, json_path=path, hint=hint)


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _ledger_records(ctx: Context) -> Iterator[Record]:
    for kind in _LEDGER_KINDS:
        yield from ctx.registry.by_id(kind).values()


def _entries(data: dict[str, Any]) -> Iterator[tuple[tuple, dict[str, Any]]]:
    """Every budget and ledger event of a record, with its JSON path."""
    for key in ("budgets", "transactions"):
        for index, entry in enumerate(_items(data.get(key))):
            if isinstance(entry, dict):
                yield (key, index), entry


def _what(path: tuple) -> str:
    what = _("budget {number}") if path[0] == "budgets" else _("ledger event {number}")
    return what.format(number=path[1] + 1)


# --- programmes and the records that name them --------------------------------------------------


@rule
def programme_references(ctx: Context) -> Iterator[Finding]:
    """``programme:`` on indicators, actions and evaluations names a programme; a programme's axis,
    committee and owner exist."""
    programmes = ctx.registry.by_id("programme")
    unreadable = ctx.unreadable.get("programme", set())
    known = sorted(programmes)
    for kind in _LINKED:
        for record in ctx.registry.by_id(kind).values():
            ref = (record.data or {}).get("programme")
            if isinstance(ref, str) and ref not in programmes and ref not in unreadable:
                yield _error(
                    record,
                    "ref-programme",
                    _("programme `{programme}` does not exist").format(programme=ref),
                    ("programme",),
                    _("use the id of an existing programme: {ids}").format(ids=", ".join(known))
                    if known
                    else _("add the programme first: `protsoc add programme`"),
                )
    axes = {a.get("id") for a in _items(ctx.roadmap.get("axes")) if isinstance(a, dict)}
    for record in programmes.values():
        data = record.data or {}
        axis = data.get("axis")
        if isinstance(axis, str) and axis not in axes:
            yield _error(
                record,
                "ref-axis",
                _("roadmap axis `{axis}` does not exist").format(axis=axis),
                ("axis",),
                _("use an axis id of the roadmap (`protsoc roadmap` lists them)"),
            )
        committee = data.get("committee")
        if ctx.committee_missing(committee):
            yield _error(
                record,
                "ref-committee",
                _("committee `{committee}` does not exist").format(committee=committee),
                ("committee",),
                _(
                    "use the id of an existing committee (a thematic committee; `protsoc list "
                    "committee` lists them)"
                ),
            )
        owner = data.get("owner")
        if isinstance(owner, str) and not ctx.post_exists(owner, None):
            yield _error(
                record,
                "ref-post",
                _("post `{post}` does not exist").format(post=owner),
                ("owner",),
                _("give <committee-id>/<member-id> of an existing member post"),
            )


# --- money, one record at a time ----------------------------------------------------------------


@rule(per_file=True)
def finance_amounts(ctx: Context) -> Iterator[Finding]:
    """Amounts in centimes; another currency than MAD only with its rate and the rate's date."""
    for record in _ledger_records(ctx):
        for path, entry in _entries(record.data or {}):
            amount = entry.get("amount")
            if finance.amount_decimals(amount) > 2:
                yield _error(
                    record,
                    "finance-amount-centimes",
                    _("{what}: the amount {amount} has more than two decimals").format(
                        what=_what(path), amount=amount
                    ),
                    path + ("amount",),
                    _(
                        "amounts are kept in dirhams and centimes: round to two decimals as the "
                        "accounting document does (e.g. 1250.50)"
                    ),
                )
            currency = entry.get("currency", finance.MAD)
            if not isinstance(currency, str) or currency == finance.MAD:
                continue
            rate = entry.get("exchange_rate")
            missing = (
                _("{what} is in {currency} without its exchange rate to MAD")
                if not isinstance(rate, dict) or "mad_per_unit" not in rate
                else _("{what} is in {currency} without the date of its exchange rate")
                if "date" not in rate
                else None
            )
            if missing:
                yield _error(
                    record,
                    "finance-currency-rate",
                    missing.format(what=_what(path), currency=currency),
                    path + ("currency",),
                    _(
                        "give the exchange rate of the accounting document and its date "
                        "(`--rate` and `--rate-date` of `protsoc add budget` or `protsoc add "
                        "transaction`), or record the amount in MAD"
                    ),
                )


@rule(per_file=True)
def finance_budget_periods(ctx: Context) -> Iterator[Finding]:
    """A budget covers at most one fiscal year: its period lies within its `year`."""
    for record in _ledger_records(ctx):
        for index, budget in enumerate(_items((record.data or {}).get("budgets"))):
            period = budget.get("period") if isinstance(budget, dict) else None
            year = budget.get("year") if isinstance(budget, dict) else None
            if not isinstance(period, dict) or not isinstance(year, int):
                continue
            start, end = dates.parse(period.get("start")), dates.parse(period.get("end"))
            if start is None or end is None:
                continue
            outside = [day for day in (start, end) if finance.fiscal_year(day) != year]
            if outside or end < start:
                yield _error(
                    record,
                    "finance-budget-period",
                    _(
                        "budget {number} runs from {start} to {end}, which is not within fiscal "
                        "year {year} (1 January to 31 December)"
                    ).format(number=index + 1, start=start, end=end, year=year),
                    ("budgets", index, "period"),
                    _("a budget covers one fiscal year at most: split it into one budget per year"),
                )


@rule(per_file=True)
def finance_corrections(ctx: Context) -> Iterator[Finding]:
    """An event that ``corrects`` another names an earlier event of the same ledger."""
    for record in _ledger_records(ctx):
        events = [e for e in _items((record.data or {}).get("transactions")) if isinstance(e, dict)]
        seen: set[str] = set()
        for index, event in enumerate(events):
            target = event.get("corrects")
            if isinstance(target, str) and target not in seen:
                yield _error(
                    record,
                    "ref-transaction",
                    _(
                        "ledger event {number} corrects `{event}`, which is not an earlier event "
                        "of this ledger"
                    ).format(number=index + 1, event=target),
                    ("transactions", index, "corrects"),
                    _(
                        "give the id of the event being corrected; the ledger is append-only, so "
                        "the correction comes after it"
                    ),
                )
            if isinstance(event.get("id"), str):
                seen.add(event["id"])


@rule(per_file=True)
def finance_execution_within_means(ctx: Context) -> Iterator[Finding]:
    """Warnings with the figures: commitments above the revised budget of a fiscal year, and
    payments above net commitments."""
    for record in _ledger_records(ctx):
        data = record.data or {}
        budgets = finance.read_budgets(data.get("budgets"))
        events = finance.read_events(data.get("transactions"))
        ledger = finance.Ledger(
            record.kind, record.id, record.id, None, None, None, None, budgets, events
        )
        for year in sorted({finance.fiscal_year(e.date) for e in events}):
            figures = finance.figures(ledger, dt.date.max, years=[year])
            if figures.has_budget and figures.committed > figures.budget:
                yield _error(
                    record,
                    "finance-commitments-over-budget",
                    _(
                        "fiscal year {year}: commitments of {committed} MAD exceed the revised "
                        "budget of {budget} MAD (by {excess} MAD)"
                    ).format(
                        year=year,
                        committed=finance.format_mad(figures.committed),
                        budget=finance.format_mad(figures.budget),
                        excess=finance.format_mad(figures.committed - figures.budget),
                    ),
                    ("transactions",),
                    _(
                        "record the revised budget (`protsoc add budget … --kind revised`), or the "
                        "decommitment that brings commitments back within it (`protsoc add "
                        "transaction … --type decommitment`)"
                    ),
                    Severity.WARNING,
                )
        total = finance.figures(ledger, dt.date.max)
        if total.paid > total.committed:
            yield _error(
                record,
                "finance-payments-over-commitments",
                _(
                    "payments of {paid} MAD exceed net commitments of {committed} MAD (by "
                    "{excess} MAD)"
                ).format(
                    paid=finance.format_mad(total.paid),
                    committed=finance.format_mad(total.committed),
                    excess=finance.format_mad(total.paid - total.committed),
                ),
                ("transactions",),
                _(
                    "a payment settles a commitment: record the missing commitment, or correct "
                    "the payment with a new event (`protsoc add transaction … --corrects ID`)"
                ),
                Severity.WARNING,
            )


# --- money against the registry and today ---------------------------------------------------


def _money_years(data: dict[str, Any]) -> set[int]:
    """The fiscal years a record holds money for: its budgets' years and its events' dates."""
    years = {
        b["year"]
        for b in _items(data.get("budgets"))
        if isinstance(b, dict)
        and isinstance(b.get("year"), int)
        and not isinstance(b["year"], bool)
    }
    for event in _items(data.get("transactions")):
        day = dates.parse(event.get("date")) if isinstance(event, dict) else None
        if day is not None:
            years.add(finance.fiscal_year(day))
    return years


@rule
def finance_double_count(ctx: Context) -> Iterator[Finding]:
    """A programme and one of its actions both record money for one fiscal year. The totals count
    it once (the programme's own lines are its figures for that year; its actions' are then a
    breakdown, see ``finance.counted_years``); the warning asks the clerk to check that the
    programme's lines do include the action's money."""
    programmes = ctx.registry.by_id("programme")
    own = {pid: _money_years(record.data or {}) for pid, record in programmes.items()}
    for record in ctx.registry.by_id("action").values():
        data = record.data or {}
        programme = data.get("programme")
        if not isinstance(programme, str) or not own.get(programme):
            continue
        both = sorted(own[programme] & _money_years(data))
        if both:
            listed = ", ".join(map(str, both))
            yield _error(
                record,
                "finance-double-count",
                f"fiscal year {listed}: both programme `{programme}` and this action record "
                "money; the programme's own budget lines and events are its figures for that "
                "year, so this action's are not added to them (each amount is counted once)",
                ("programme",),
                "check that the programme's lines include this action's money; if they do not, "
                "record the programme's money on its actions only (or the action's on the "
                "programme)",
                Severity.WARNING,
            )


@rule
def finance_events_in_the_past(ctx: Context) -> Iterator[Finding]:
    """A ledger event records money already committed, paid or spent: never after today."""
    for record in _ledger_records(ctx):
        for index, event in enumerate(_items((record.data or {}).get("transactions"))):
            day = dates.parse(event.get("date")) if isinstance(event, dict) else None
            if day is not None and day > ctx.today:
                yield _error(
                    record,
                    "finance-event-future",
                    _(
                        "ledger event {number} ({type}) is dated {date}, after today ({today})"
                    ).format(number=index + 1, type=event.get("type"), date=day, today=ctx.today),
                    ("transactions", index, "date"),
                    _(
                        "record an event on the day of its accounting document; planned money "
                        "goes in a budget"
                    ),
                )


@rule
def finance_funding_sources(ctx: Context) -> Iterator[Finding]:
    """Budgets and events name a source of funds declared in protsoc.yaml, and events the post
    that reported them."""
    declared = {
        s["id"]
        for s in _items(ctx.registry.manifest.get("funding_sources"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    }
    for record in _ledger_records(ctx):
        for path, entry in _entries(record.data or {}):
            source = entry.get("funding_source")
            if isinstance(source, str) and source not in declared:
                yield _error(
                    record,
                    "finance-unknown-funding-source",
                    _(
                        "{what} names the source of funds `{source}`, which protsoc.yaml does not "
                        "declare"
                    ).format(what=_what(path), source=source),
                    path + ("funding_source",),
                    _(
                        "use a declared source of funds ({ids}), or declare this one in "
                        "protsoc.yaml (id, kind, name)"
                    ).format(ids=", ".join(sorted(declared)))
                    if declared
                    else _("declare the source of funds in protsoc.yaml (id, kind, name)"),
                )
            reporter = entry.get("reported_by")
            if isinstance(reporter, str) and not ctx.post_exists(reporter, None):
                yield _error(
                    record,
                    "ref-post",
                    _("{what} is reported by `{post}`, which is no existing post").format(
                        what=_what(path), post=reporter
                    ),
                    path + ("reported_by",),
                    _("give <committee-id>/<member-id> of the post that reported it"),
                )
