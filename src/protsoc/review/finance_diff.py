"""The money of a programme or action, before and after a change, in plain words.

``protsoc diff`` says "commitments rose by 300,000.00 MAD to 1,400,000.00 MAD (commitment rate
70.0 %)" rather than listing ledger entries field by field, and warns when an entry of the
append-only ledger was edited or removed (a correction is a new event).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from protsoc.governance import finance

# (text, warning) pairs: review/diff.py makes them its sentences.
Said = tuple[str, bool]

_MOVES = (
    ("budget", "revised budget"),
    ("committed", "commitments"),
    ("paid", "payments"),
    ("spent", "spending"),
)


def finance_changes(label: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Said]:
    """What changed in ``budgets`` and ``transactions`` between two versions of a record."""
    if old.get("budgets") == new.get("budgets") and old.get("transactions") == new.get(
        "transactions"
    ):
        return
    yield from _ledger_edits(label, old.get("transactions"), new.get("transactions"))
    yield from _budget_edits(label, old.get("budgets"), new.get("budgets"))
    before, after = _figures(old), _figures(new)
    for attribute, noun in _MOVES:
        was, now = getattr(before, attribute), getattr(after, attribute)
        if attribute == "budget" and not (before.has_budget or after.has_budget):
            continue
        if was == now:
            continue
        verb = "rose" if now > was else "fell"
        detail = ""
        if attribute == "committed" and after.commitment_rate is not None:
            detail = f" (commitment rate {finance.format_rate(after.commitment_rate)})"
        elif attribute == "paid" and after.payment_rate is not None:
            detail = f" (payment rate {finance.format_rate(after.payment_rate)})"
        yield (
            f"{label}: {noun} {verb} by {finance.format_mad(abs(now - was))} MAD to "
            f"{finance.format_mad(now)} MAD{detail}",
            False,
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
        if event_id not in after:
            yield (
                f"{label}: ledger event {event_id} ({event.get('type')} of {event.get('date')}) "
                "removed; the ledger is append-only: record a correction as a new event",
                True,
            )
        elif after[event_id] != event:
            yield (
                f"{label}: ledger event {event_id} ({event.get('type')} of {event.get('date')}) "
                "edited; the ledger is append-only: record a correction as a new event",
                True,
            )
    for event_id, event in after.items():
        if event_id not in before:
            amount = finance.to_mad(event)
            shown = f"{finance.format_mad(amount)} MAD" if amount is not None else "?"
            corrects = f", correcting {event['corrects']}" if event.get("corrects") else ""
            yield (
                f"{label}: {event.get('type')} of {shown} on {event.get('date')} recorded "
                f"({event_id}{corrects})",
                False,
            )


def _budget_edits(label: str, old: Any, new: Any) -> Iterator[Said]:
    before, after = _by_id(old), _by_id(new)
    for budget_id, budget in before.items():
        if budget_id not in after or after[budget_id] != budget:
            verb = "removed" if budget_id not in after else "edited"
            yield (
                f"{label}: budget {budget_id} ({budget.get('year')}) {verb}; a revision is a "
                "new budget of type revised",
                True,
            )
    for budget_id, budget in after.items():
        if budget_id not in before:
            amount = finance.to_mad(budget)
            shown = f"{finance.format_mad(amount)} MAD" if amount is not None else "?"
            yield (
                f"{label}: {budget.get('type')} budget for {budget.get('year')} set at {shown} "
                f"({budget.get('status')}, {budget.get('funding_source')})",
                False,
            )
