"""The clerk's operations on programmes and their money: a programme, a budget, a ledger event.

Like every clerk operation (``clerk.operations``) each returns a ``Plan`` that ``execute``
validates against the whole registry before anything is written. Money is only ever appended:
a budget revision is a new budget of type revised, a correction a new ledger event (a
decommitment, or an event that ``corrects`` another); nothing here edits or removes an entry.
"""

from __future__ import annotations

import re
from typing import Any

from protsoc.clerk.desk import Change, Desk, Plan, next_id
from protsoc.clerk.inputs import choice, date, slug, text
from protsoc.governance import finance
from protsoc.kernel.errors import UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.records import Record


def add_programme(
    desk: Desk,
    programme_id: str | None,
    name: str | None,
    name_fr: str | None = None,
    managed_by: list[str] | None = None,
    start: str | None = None,
    axis: str | None = None,
    committee: str | None = None,
    owner: str | None = None,
) -> Plan:
    """A new programme record; ``managed_by`` entries are ``ID=Arabic name``."""
    programme_id = slug(programme_id, "programme.id")
    path = desk.root / "programmes" / f"{programme_id}.yaml"
    if path.exists() or desk.record("programme", programme_id) is not None:
        raise UsageError(
            _("{kind} {id} already exists").format(kind=_("programme"), id=programme_id),
            _("nothing is overwritten: use `protsoc set …` to change it, or choose another id"),
        )
    names = text(name, "name")
    if name_fr and name_fr.strip():
        names["fr"] = name_fr.strip()  # type: ignore[index]
    data: dict[str, Any] = {"id": programme_id, "name": names}
    source = desk.source("add programme")
    bodies = []
    for entry in managed_by or []:
        body_id, _sep, body_name = entry.partition("=")
        bodies.append(
            {
                "id": slug(body_id.strip(), "managed_by"),
                "name": text(body_name, "managed_by"),
                "source": source,
            }
        )
    if bodies:
        data["managing_bodies"] = bodies
    if start:
        data["start"] = _partial_date(start)
    if axis:
        data["axis"] = slug(axis, "axis")
    if committee:
        data["committee"] = desk.committee(committee).id
    if owner:
        data["owner"] = desk.post(owner, None, "owner")
    data["sources"] = [source]
    return Plan([Change("programme", path, data)], f"programme({programme_id}): add")


def add_budget(
    desk: Desk,
    holder: str | None,
    year: int | None,
    amount: str | None,
    funding_source: str | None,
    kind: str | None = "original",
    status: str | None = "indicative",
    day: str | None = None,
    currency: str | None = None,
    rate: str | None = None,
    rate_date: str | None = None,
) -> Plan:
    """Append a budget of one fiscal year to a programme or an action."""
    record = _holder(desk, holder)
    if year is None:
        raise UsageError(_("--year is required"), _("give the fiscal year, e.g. 2025"))
    change, data = desk.edit(record)
    budgets = data.setdefault("budgets", [])
    entry: dict[str, Any] = {
        "id": next_id(budgets, "b"),
        "year": year,
        "type": choice(kind or "original", "kind", finance.BUDGET_TYPES),
        "status": choice(status or "indicative", "status", finance.BUDGET_STATUSES),
        **_money(amount, currency, rate, rate_date),
        "funding_source": _funding_source(desk, funding_source),
        "date": date(day, "date") or desk.today,
    }
    if desk.item_source():
        entry["source"] = desk.item_source()
    budgets.append(entry)
    change.data = data
    return Plan(
        [change],
        f"{record.kind}({record.id}): add {entry['type']} budget {year} "
        f"({finance.format_mad(finance.parse_amount(entry['amount']))} "
        f"{entry.get('currency', finance.MAD)})",
    )


def add_transaction(
    desk: Desk,
    holder: str | None,
    event_type: str | None,
    amount: str | None,
    day: str | None,
    funding_source: str | None,
    reported_by: str | None = None,
    reference: str | None = None,
    corrects: str | None = None,
    currency: str | None = None,
    rate: str | None = None,
    rate_date: str | None = None,
) -> Plan:
    """Append a ledger event (commitment, decommitment, payment, expenditure)."""
    record = _holder(desk, holder)
    change, data = desk.edit(record)
    events = data.setdefault("transactions", [])
    reporter = reported_by or (record.data or {}).get("owner")
    if not reporter:
        raise UsageError(
            _("--reported-by is required"),
            _("give the post that reported the event, as <committee-id>/<member-id>"),
        )
    entry: dict[str, Any] = {
        "id": next_id(events, "t"),
        "type": choice(event_type, "type", finance.EVENT_TYPES),
        "date": date(day, "date", required=True),
        **_money(amount, currency, rate, rate_date),
        "funding_source": _funding_source(desk, funding_source),
        "reported_by": desk.post(reporter, None, "reported_by"),
    }
    if reference:
        entry["reference"] = reference
    if corrects:
        if not any(isinstance(e, dict) and e.get("id") == corrects for e in events):
            raise UsageError(
                _("{id} has no ledger event {event}").format(id=record.id, event=corrects),
                _("give the id of the event being corrected (t1, t2, …)"),
            )
        entry["corrects"] = corrects
    if desk.item_source():
        entry["source"] = desk.item_source()
    events.append(entry)
    change.data = data
    return Plan(
        [change],
        f"{record.kind}({record.id}): {entry['type']} {entry['date']} "
        f"({finance.format_mad(finance.parse_amount(entry['amount']))} "
        f"{entry.get('currency', finance.MAD)})",
    )


def _partial_date(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source («منذ ديسمبر 2023» is 2023-12)."""
    if re.match(r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$", value):
        return value
    return date(value, "start") or value


def _holder(desk: Desk, holder: str | None) -> Record:
    holder = slug(holder, "programme_or_action")
    found = [
        record
        for record in (desk.record("programme", holder), desk.record("action", holder))
        if record is not None
    ]
    if len(found) != 1:
        raise UsageError(
            _("no programme or action {id}").format(id=holder)
            if not found
            else _("{id} is both a programme and an action").format(id=holder),
            _("list them with `protsoc programmes` and `protsoc list actions`"),
        )
    return found[0]


def _money(
    amount: str | None, currency: str | None, rate: str | None, rate_date: str | None
) -> dict[str, Any]:
    try:
        value = finance.parse_amount(amount)
    except finance.AmountError as exc:
        raise UsageError(
            str(exc), _("write the amount in MAD with a dot, e.g. 1250000.50")
        ) from None
    money: dict[str, Any] = {"amount": str(value)}
    if currency and currency != finance.MAD:
        if finance.parse_rate(rate) is None:
            raise UsageError(
                _("an amount in {currency} needs --rate").format(currency=currency),
                _(
                    "give the dirhams per unit of the currency, e.g. --rate 10.85 --rate-date "
                    "2025-03-01"
                ),
            )
        money["currency"] = currency
        money["exchange_rate"] = {
            "mad_per_unit": rate,
            "date": date(rate_date, "rate_date", required=True),
        }
    return money


def _funding_source(desk: Desk, value: str | None) -> str:
    value = slug(value, "funding_source")
    declared = [
        s.get("id")
        for s in desk.registry.manifest.get("funding_sources") or []
        if isinstance(s, dict)
    ]
    if value not in declared:
        raise UsageError(
            _("the source of funds {id!r} is not declared in protsoc.yaml").format(id=value),
            _("declared: {known}").format(known=", ".join(map(str, declared)) or _("none yet")),
        )
    return value
