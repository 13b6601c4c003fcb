"""The programmes the committees follow up, and their financial follow-up.

A programme (``registry/programmes/<id>.yaml``) names the bodies that manage it, its legal basis,
start, roadmap axis and thematic committee; indicators, actions and evaluations point at it with
``programme: <id>``. Its money, and that of the actions, is read by ``governance.finance``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from protsoc.governance import finance
from protsoc.governance.followup import action_on
from protsoc.registry.loaded import Registry


@dataclass
class ProgrammeRow:
    id: str
    name: str
    name_fr: str | None
    short_name: str | None
    managing_bodies: list[dict[str, str]]
    legal_basis: str | None
    start: str | None
    axis: str | None
    committee: str | None
    indicators: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    evaluations: list[str] = field(default_factory=list)
    finance: dict[str, Any] | None = None  # None: no budget or ledger event recorded
    sources: list[str] = field(default_factory=list)
    path: str = ""


def ledgers(registry: Registry, as_of: dt.date) -> list[finance.Ledger]:
    """Every programme's and action's budgets and ledger, programmes first, by id."""
    found = []
    for record in sorted(registry.of_kind("programme"), key=lambda r: r.id):
        data = record.data or {}
        found.append(
            finance.Ledger(
                kind="programme",
                id=record.id,
                title=_ar(data.get("name")) or record.id,
                axis=_str(data.get("axis")),
                owner=_str(data.get("owner")),
                programme=record.id,
                progress=None,
                budgets=finance.read_budgets(data.get("budgets")),
                events=finance.read_events(data.get("transactions")),
                path=record.path,
            )
        )
    programmes = {ledger.id: ledger for ledger in found}
    for record in sorted(registry.of_kind("action"), key=lambda r: r.id):
        data = record.data or {}
        programme = _str(data.get("programme"))
        axis = _str(data.get("axis")) or (
            programmes[programme].axis if programme in programmes else None
        )
        found.append(
            finance.Ledger(
                kind="action",
                id=record.id,
                title=_ar(data.get("title")) or record.id,
                axis=axis,
                owner=_str(data.get("owner")),
                programme=programme,
                # only a ledger with money is shown: an action without any skips the
                # as-of computation of its progress (status reads every action's ledger)
                progress=action_on(record.id, data, record.path, as_of).progress
                if data.get("budgets") or data.get("transactions")
                else None,
                budgets=finance.read_budgets(data.get("budgets")),
                events=finance.read_events(data.get("transactions")),
                path=record.path,
            )
        )
    return found


def has_money(ledger: finance.Ledger) -> bool:
    return bool(ledger.budgets or ledger.events)


def programmes(registry: Registry, as_of: dt.date) -> list[ProgrammeRow]:
    links: dict[str, dict[str, list[str]]] = {}
    for kind, key in (
        ("indicator", "indicators"),
        ("action", "actions"),
        ("evaluation", "evaluations"),
    ):
        for record in registry.of_kind(kind):
            programme = _str((record.data or {}).get("programme"))
            if programme:
                links.setdefault(programme, {}).setdefault(key, []).append(record.id)
    money = {ledger.id: ledger for ledger in ledgers(registry, as_of) if ledger.kind == "programme"}
    actions = [ledger for ledger in ledgers(registry, as_of) if ledger.kind == "action"]
    rows = []
    for record in sorted(registry.of_kind("programme"), key=lambda r: r.id):
        data = record.data or {}
        own = [money[record.id]] + [a for a in actions if a.programme == record.id]
        total = finance.total(own, as_of)
        name = data.get("name")
        if not isinstance(name, dict):
            name = {}
        legal = data.get("legal_basis")
        rows.append(
            ProgrammeRow(
                id=record.id,
                name=_ar(name) or record.id,
                name_fr=_str(name.get("fr")),
                short_name=_ar(data.get("short_name")) or None,
                managing_bodies=[
                    {"id": body["id"], "name": _ar(body.get("name"))}
                    for body in _items(data.get("managing_bodies"))
                    if isinstance(body, dict) and isinstance(body.get("id"), str)
                ],
                legal_basis=_str(legal.get("quote") or legal.get("document"))
                if isinstance(legal, dict)
                else None,
                start=_str(data.get("start")),
                axis=_str(data.get("axis")),
                committee=_str(data.get("committee")),
                indicators=sorted(links.get(record.id, {}).get("indicators", [])),
                actions=sorted(links.get(record.id, {}).get("actions", [])),
                evaluations=sorted(links.get(record.id, {}).get("evaluations", [])),
                finance=total.as_json() if any(has_money(ledger) for ledger in own) else None,
                sources=sorted(
                    {
                        s["document"]
                        for s in _items(data.get("sources"))
                        if isinstance(s, dict) and isinstance(s.get("document"), str)
                    }
                ),
                path=record.path,
            )
        )
    return rows


# --- the financial follow-up ------------------------------------------------------------------


@dataclass
class FinanceRow:
    """One programme, action, axis or owner: its figures and their split by source of funds."""

    group: str  # programme, action, axis or owner
    id: str
    title: str
    figures: finance.Figures
    by_source: dict[str, finance.Figures]
    by_period: list[dict[str, Any]]
    physical_progress: int | None = None  # actions: progress of the work, percent

    @property
    def gap(self) -> Decimal | None:
        """Physical progress minus financial execution, in percentage points: positive when the
        work is ahead of the money, negative when money goes out faster than the work."""
        rate = self.figures.execution_rate
        if self.physical_progress is None or rate is None:
            return None
        return Decimal(self.physical_progress) - rate * 100

    def as_json(self) -> dict[str, Any]:
        gap = self.gap
        return {
            "group": self.group,
            "id": self.id,
            "title": self.title,
            **self.figures.as_json(),
            "physical_progress": self.physical_progress,
            "gap_points": None if gap is None else str(gap.quantize(Decimal("0.1"))),
            "by_funding_source": {k: v.as_json() for k, v in sorted(self.by_source.items())},
            "by_period": [
                {k: (str(v) if isinstance(v, Decimal) else v) for k, v in period.items()}
                for period in self.by_period
            ],
        }


@dataclass
class FinanceReport:
    as_of: str
    by: str  # year or quarter
    rows: list[FinanceRow]
    report_period: str  # the quarter reports are due for
    not_reported: list[dict[str, str | None]]  # ledgers with a budget and no event in that quarter
    recorded: bool  # False: the registry holds no budget and no ledger event at all

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "currency": finance.MAD,
            "by": self.by,
            "recorded": self.recorded,
            "rows": [row.as_json() for row in self.rows],
            "report_period": self.report_period,
            "not_reported": self.not_reported,
        }


def finance_report(
    registry: Registry,
    as_of: dt.date,
    programme: str | None = None,
    axis: str | None = None,
    owner: str | None = None,
    by: str = "year",
) -> FinanceReport:
    """The financial follow-up on ``as_of``: per programme (its own ledger and its actions'),
    action, axis and owner; by source of funds; by fiscal year or quarter; who has not reported."""
    everything = ledgers(registry, as_of)
    chosen = [
        ledger
        for ledger in everything
        if has_money(ledger)
        and (programme is None or ledger.programme == programme)
        and (axis is None or ledger.axis == axis)
        and (owner is None or ledger.owner == owner)
    ]
    rows: list[FinanceRow] = []
    groups: list[tuple[str, str, str, list[finance.Ledger], int | None]] = []
    for ledger in chosen:
        if ledger.kind == "programme":
            members = [ledger] + [
                other for other in chosen if other.kind == "action" and other.programme == ledger.id
            ]
            groups.append(("programme", ledger.id, ledger.title, members, None))
    for ledger in chosen:
        if ledger.kind == "action":
            groups.append(("action", ledger.id, ledger.title, [ledger], ledger.progress))
    for key, group in (("axis", "axis"), ("owner", "owner")):
        values = sorted({getattr(ledger, key) for ledger in chosen if getattr(ledger, key)})
        for value in values:
            members = [ledger for ledger in chosen if getattr(ledger, key) == value]
            groups.append((group, value, value, members, None))
    for group, ident, title, members, progress in groups:
        # each amount once: an action's figures of a year its programme records itself are
        # in the programme's own lines (finance.counted_years)
        total = finance.Figures()
        sources: dict[str, finance.Figures] = {}
        for ledger, years in finance.counted_years(members, as_of):
            total.add(finance.figures(ledger, as_of, years=years))
            for source in finance.funding_sources_of(ledger, as_of):
                sources.setdefault(source, finance.Figures()).add(
                    finance.figures(ledger, as_of, years=years, funding_source=source)
                )
        rows.append(
            FinanceRow(
                group=group,
                id=ident,
                title=title,
                figures=total,
                by_source=sources,
                by_period=_periods(members, as_of, by),
                physical_progress=progress,
            )
        )
    period = finance.last_closed_quarter(as_of)
    not_reported = [
        {"kind": ledger.kind, "id": ledger.id, "owner": ledger.owner}
        for ledger in chosen
        if finance.expects_report(ledger, period, as_of)
        and not finance.has_reported(ledger, period)
    ]
    return FinanceReport(
        as_of=as_of.isoformat(),
        by=by,
        rows=rows,
        report_period=period,
        not_reported=not_reported,
        recorded=any(has_money(ledger) for ledger in everything),
    )


def _periods(members: list[finance.Ledger], as_of: dt.date, by: str) -> list[dict[str, Any]]:
    if by == "quarter":
        merged: dict[str, dict[str, Any]] = {}
        for ledger, counted in finance.counted_years(members, as_of):
            for row in finance.quarters(ledger, as_of, counted):
                into = merged.setdefault(
                    row["quarter"],
                    {
                        "quarter": row["quarter"],
                        "planned": finance.ZERO,
                        "committed": finance.ZERO,
                        "paid": finance.ZERO,
                    },
                )
                for key in ("planned", "committed", "paid"):
                    into[key] += row[key]
        return [merged[label] for label in sorted(merged)]
    years = sorted(set().union(*(finance.ledger_years(ledger, as_of) for ledger in members)))
    rows = []
    for year in years:
        rows.append({"year": year, **finance.total(members, as_of, year=year).as_json()})
    return rows


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _ar(text: Any) -> str:
    return text["ar"] if isinstance(text, dict) and isinstance(text.get("ar"), str) else ""


def finance_summary(registry: Registry, as_of: dt.date, axis: str | None = None) -> dict[str, Any]:
    """The financial block of `status` and `dashboard --format json`: totals over the
    programmes and actions (of ``axis``), the rates, and how many have not reported."""
    report = finance_report(registry, as_of, axis=axis)
    chosen = [
        ledger
        for ledger in ledgers(registry, as_of)
        if has_money(ledger) and (axis is None or ledger.axis == axis)
    ]
    total = finance.total(chosen, as_of)
    summary: dict[str, Any] = {
        "programmes": len(registry.of_kind("programme")),
        "recorded": report.recorded,
        "currency": finance.MAD,
    }
    if not chosen:
        return summary
    return {
        **summary,
        **total.as_json(),
        "with_figures": len(chosen),
        "report_period": report.report_period,
        "not_reported": len(report.not_reported),
    }
