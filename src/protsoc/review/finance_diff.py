"""The money of a programme or action, before and after a change, in plain words.

``protsoc diff`` says "commitments rose by 300,000.00 MAD to 1,400,000.00 MAD (commitment rate
70.0 %)" rather than listing ledger entries field by field, and warns when an entry of the
append-only ledger was edited or removed (a correction is a new event).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from protsoc.governance import finance
from protsoc.kernel.i18n import _

# (text, warning) pairs: review/diff.py makes them its sentences.
Said = tuple[str, bool]


def finance_changes(label: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Said]:
    """What changed in ``budgets`` and ``transactions`` between two versions of a record."""
    if old.get("budgets") == new.get("budgets") and old.get("transactions") == new.get(
        "transactions"
    ):
        return
    yield from _ledger_edits(label, old.get("transactions"), new.get("transactions"))
    yield from _budget_edits(label, old.get("budgets"), new.get("budgets"))
    before, after = _figures(old), _figures(new)
    for what, was, now in (
        ("budget", before.budget, after.budget),
        ("committed", before.committed, after.committed),
        ("paid", before.paid, after.paid),
        ("spent", before.spent, after.spent),
    ):
        if was == now or (what == "budget" and not (before.has_budget or after.has_budget)):
            continue
        said = _moved(what, now > was).format(
            record=label, change=_mad(abs(now - was)), total=_mad(now)
        )
        if what == "committed" and after.commitment_rate is not None:
            said += _(" (commitment rate {rate})").format(
                rate=finance.format_rate(after.commitment_rate)
            )
        elif what == "paid" and after.payment_rate is not None:
            said += _(" (payment rate {rate})").format(rate=finance.format_rate(after.payment_rate))
        yield said, False


def _moved(what: str, rose: bool) -> str:
    """The sentence of one total that rose or fell, worded whole for each total and direction."""
    if what == "budget":
        if rose:
            return _("{record}: revised budget rose by {change} to {total}")
        return _("{record}: revised budget fell by {change} to {total}")
    if what == "committed":
        if rose:
            return _("{record}: commitments rose by {change} to {total}")
        return _("{record}: commitments fell by {change} to {total}")
    if what == "paid":
        if rose:
            return _("{record}: payments rose by {change} to {total}")
        return _("{record}: payments fell by {change} to {total}")
    if rose:
        return _("{record}: spending rose by {change} to {total}")
    return _("{record}: spending fell by {change} to {total}")


def _mad(amount: Any) -> str:
    return (
        _("{amount} MAD").format(amount=finance.format_mad(amount)) if amount is not None else "?"
    )


def _figures(data: dict[str, Any]) -> finance.Figures:
    ledger = finance.Ledger("", "", "", None, None, None, None)
    ledger.budgets = finance.read_budgets(data.get("budgets"))
    ledger.events = finance.read_events(data.get("transactions"))
    return finance.figures(ledger, dt.date.max)


def _by_id(items: Any) -> dict[Any, Any]:
    return {
        item.get("id"): item
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict)
    }


def _ledger_edits(label: str, old: Any, new: Any) -> Iterator[Said]:
    before, after = _by_id(old), _by_id(new)
    for event_id, event in before.items():
        if event_id not in after or after[event_id] != event:
            said = (
                _(
                    "{record}: ledger event {id} ({type} of {date}) removed; the ledger is "
                    "append-only: record a correction as a new event"
                )
                if event_id not in after
                else _(
                    "{record}: ledger event {id} ({type} of {date}) edited; the ledger is "
                    "append-only: record a correction as a new event"
                )
            )
            yield (
                said.format(
                    record=label,
                    id=event_id,
                    type=finance.code_word(event.get("type")),
                    date=event.get("date"),
                ),
                True,
            )
    for event_id, event in after.items():
        if event_id not in before:
            amount = finance.to_mad(event)
            shown = _mad(amount)
            said = (
                _("{record}: {type} of {amount} on {date} recorded ({id}, correcting {corrects})")
                if event.get("corrects")
                else _("{record}: {type} of {amount} on {date} recorded ({id})")
            )
            yield (
                said.format(
                    record=label,
                    type=finance.code_word(event.get("type")),
                    amount=shown,
                    date=event.get("date"),
                    id=event_id,
                    corrects=event.get("corrects"),
                ),
                False,
            )


def _budget_edits(label: str, old: Any, new: Any) -> Iterator[Said]:
    before, after = _by_id(old), _by_id(new)
    for budget_id, budget in before.items():
        if budget_id not in after or after[budget_id] != budget:
            said = (
                _(
                    "{record}: budget {id} ({year}) removed; a revision is a new budget of "
                    "type revised"
                )
                if budget_id not in after
                else _(
                    "{record}: budget {id} ({year}) edited; a revision is a new budget of "
                    "type revised"
                )
            )
            yield said.format(record=label, id=budget_id, year=budget.get("year")), True
    for budget_id, budget in after.items():
        if budget_id not in before:
            amount = finance.to_mad(budget)
            shown = _mad(amount)
            yield (
                _("{record}: {type} budget for {year} set at {amount} ({status}, {source})").format(
                    record=label,
                    type=finance.code_word(budget.get("type")),
                    year=budget.get("year"),
                    amount=shown,
                    status=finance.code_word(budget.get("status")),
                    source=budget.get("funding_source"),
                ),
                False,
            )
