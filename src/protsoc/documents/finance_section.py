"""The financial section of the follow-up report («التتبع المالي»): tables and one chart per
programme of its budget against commitments and payments over time.

The figures come from ``governance.programme.finance_report``; with no budget and no ledger event
recorded the section says that the sources give no figure instead of showing zeros. The chart is
drawn like the indicator charts (``documents.charts``): every Arabic label is written as glyph
outlines, so the SVG needs no font and WeasyPrint never meets live Arabic text.
"""

from __future__ import annotations

import base64
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from xml.sax.saxutils import escape

from protsoc.documents import arabic, charts
from protsoc.governance import finance
from protsoc.governance.programme import finance_report, ledgers
from protsoc.kernel import dates
from protsoc.registry.loaded import Registry

PAID_COLOUR = "#2e7d32"
SERIES_AR = {
    "budget": "الميزانية المعدلة",
    "committed": "الالتزامات",
    "paid": "الأداءات",
}


def finance_context(registry: Registry, as_of: dt.date, with_charts: bool) -> dict[str, Any]:
    report = finance_report(registry, as_of)
    names = {
        record.id: _ar(record.data.get("name")) if record.data else record.id
        for record in registry.of_kind("programme")
    }
    all_ledgers = ledgers(registry, as_of)
    rows = []
    for row in report.rows:
        if row.group not in ("programme", "action"):
            continue
        figures = row.figures
        name = names.get(row.id) or row.title
        entry = {
            "group": "برنامج" if row.group == "programme" else "إجراء",
            "name": name,
            "budget": arabic.amount(figures.budget) if figures.has_budget else "—",
            "committed": arabic.amount(figures.committed),
            "paid": arabic.amount(figures.paid),
            "spent": arabic.amount(figures.spent),
            "commitment_rate": _rate(figures.commitment_rate),
            "payment_rate": _rate(figures.payment_rate),
            "execution_rate": _rate(figures.execution_rate),
            "progress": None
            if row.physical_progress is None
            else arabic.percent(row.physical_progress),
            "chart": "",
        }
        if with_charts and row.group == "programme":
            members = [
                ledger
                for ledger in all_ledgers
                if ledger.id == row.id
                and ledger.kind == "programme"
                or (ledger.kind == "action" and ledger.programme == row.id)
            ]
            points = _series(members, as_of)
            if points:
                svg = finance_chart_svg(name, points)
                entry["chart"] = "data:image/svg+xml;base64," + base64.b64encode(
                    svg.encode("utf-8")
                ).decode("ascii")
        rows.append(entry)
    return {
        "recorded": report.recorded,
        "rows": rows,
        "report_period": report.report_period,
        "not_reported": [
            {"id": names.get(entry["id"] or "") or entry["id"], "owner": entry["owner"] or "—"}
            for entry in report.not_reported
        ],
    }


def _series(
    members: list[finance.Ledger], as_of: dt.date
) -> list[tuple[dt.date, Decimal, Decimal, Decimal]]:
    """(date, budget in force, net commitments, payments), cumulated over the fiscal years up to
    each date on which a budget was adopted or an event recorded, and on the as-of date."""
    days = sorted(
        {b.date for ledger in members for b in ledger.budgets if b.date <= as_of}
        | {e.date for ledger in members for e in ledger.events if e.date <= as_of}
    )
    if not days:
        return []
    if days[-1] < as_of:
        days.append(as_of)
    points = []
    for day in days:
        total = finance.total(members, day)
        points.append((day, total.budget, total.committed, total.paid))
    return points


def finance_chart_svg(name: str, points: list[tuple[dt.date, Decimal, Decimal, Decimal]]) -> str:
    """Budget in force (dashed steps), commitments and payments (lines) over time, in MAD."""
    charts.fonts_or_explain()
    from matplotlib.ticker import MaxNLocator

    width, height, pad = charts.WIDTH, charts.HEIGHT, charts.PAD
    days = [p[0] for p in points]
    values = [float(v) for p in points for v in p[1:]]
    y_high = max(values + [1.0]) * 1.15
    y_ticks = [t for t in MaxNLocator(nbins=4).tick_values(0.0, y_high) if 0 <= t <= y_high]
    first, last = float(days[0].toordinal()), float(days[-1].toordinal())
    if first == last:
        x_low, x_high = first - 180, last + 180
    else:
        x_low, x_high = first - (last - first) * 0.05, last + (last - first) * 0.05
    x_ticks = _quarter_starts(days[0], days[-1])

    title = charts.label(name)
    unit = charts.label("درهم")
    x_labels = [charts.label(charts.month_label(day)) for day in x_ticks]
    y_labels = [charts.label(charts.number_label(tick)) for tick in y_ticks]
    legend = [(charts.label(SERIES_AR[key]), colour) for key, colour in _COLOURS]

    scale = title.scale
    row_top = max(label.shaped.top for label in x_labels) * scale
    row_bottom = min(label.shaped.bottom for label in x_labels) * scale
    top = pad + title.height + 6.0
    legend_height = max(label.height for label, _ in legend) + 4.0
    bottom = height - pad - legend_height - (row_top - row_bottom) - 7.0
    left = pad + unit.height + 4.0 + max([label.width for label in y_labels] + [0.0]) + 7.0
    right = width - pad - max(label.width for label in x_labels) / 2

    def x_of(day: dt.date) -> float:
        return left + (day.toordinal() - x_low) / (x_high - x_low) * (right - left)

    def y_of(value: float) -> float:
        return bottom - value / y_high * (bottom - top)

    f = charts.number_text
    parts = [f'<rect width="{f(width)}" height="{f(height)}" fill="#ffffff"/>']
    grid = "".join(f'<path d="M{f(left)} {f(y_of(t))}H{f(right)}"/>' for t in y_ticks)
    parts.append(f'<g stroke="{charts.GRID_COLOUR}" stroke-width="0.6">{grid}</g>')
    budget_steps = []
    for index, (day, budget, _, _) in enumerate(points):
        x, y = x_of(day), y_of(float(budget))
        if index:
            budget_steps.append(f"H{f(x)}")
        budget_steps.append(f"{'M' if not index else 'V'}{f(x) + ' ' if not index else ''}{f(y)}")
    parts.append(
        f'<path fill="none" stroke="{charts.TARGET_COLOUR}" stroke-width="1.4" '
        f'stroke-dasharray="4.44 1.92" d="{"".join(budget_steps)}"/>'
    )
    committed = [p[2] for p in points]
    paid = [p[3] for p in points]
    for amounts, colour in ((committed, charts.LINE_COLOUR), (paid, PAID_COLOUR)):
        # Cumulated amounts change on the day of an event and stay until the next: steps.
        xy = [(x_of(p[0]), y_of(float(amount))) for p, amount in zip(points, amounts)]
        steps = f"M{f(xy[0][0])} {f(xy[0][1])}" + "".join(f"H{f(x)}V{f(y)}" for x, y in xy[1:])
        parts.append(
            f'<path fill="none" stroke="{colour}" stroke-width="2" stroke-linejoin="round" '
            f'd="{steps}"/>'
        )
        dots = "".join(f'<circle cx="{f(x)}" cy="{f(y)}" r="2.4"/>' for x, y in xy)
        parts.append(f'<g fill="{colour}">{dots}</g>')
    ticks = "".join(f'<path d="M{f(x_of(day))} {f(bottom)}v3.5"/>' for day in x_ticks)
    ticks += "".join(f'<path d="M{f(left)} {f(y_of(t))}h-3.5"/>' for t in y_ticks)
    parts.append(
        '<g stroke="#000000" stroke-width="0.8" stroke-linecap="square" fill="none">'
        f'<path d="M{f(left)} {f(top)}V{f(bottom)}H{f(right)}"/>{ticks}</g>'
    )
    placed = []
    for number, (day, label) in enumerate(zip(x_ticks, x_labels), 1):
        placed.append(
            label.place(
                x_of(day), bottom + 7.0 + row_top, h="center", v="baseline", ident=f"x{number}"
            )
        )
    for number, (tick, label) in enumerate(zip(y_ticks, y_labels), 1):
        placed.append(
            label.place(left - 7.0, y_of(tick), h="right", v="center", ident=f"y{number}")
        )
    placed.append(unit.place(pad, (top + bottom) / 2, h="center", v="top", rotate=True))
    placed.append(title.place(right, top - 6.0, h="right", v="bottom", ident="title"))
    # The legend, right to left under the axes: a colour swatch after (left of) each label.
    x = right
    legend_y = height - pad
    for label, colour in legend:
        placed.append(label.place(x, legend_y, h="right", v="bottom", colour=colour))
        x -= label.width + 4.0
        placed.append(
            f'<rect x="{f(x - 10.0)}" y="{f(legend_y - 6.0)}" width="10" height="3" '
            f'fill="{colour}"/>'
        )
        x -= 22.0
    parts.append(f'<g fill="#000000">{"".join(placed)}</g>')
    used = [title, unit, *x_labels, *y_labels, *(label for label, _ in legend)]
    return (
        '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'version="1.1" width="{f(width)}pt" height="{f(height)}pt" '
        f'viewBox="0 0 {f(width)} {f(height)}">\n'
        f"<title>{escape(name)}</title>\n"
        f"<defs>{charts.glyph_defs(used)}</defs>\n" + "\n".join(parts) + "\n</svg>\n"
    )


def _quarter_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    """Evenly spaced first days of quarters (or half-years, or years) over the span: dates of
    events a few days apart would print their labels over each other."""
    start = dt.date(first.year, 3 * ((first.month - 1) // 3) + 1, 1)
    if start < first:
        start = dates.add_months(start, 3)
    starts = []
    day = start
    while day <= last:
        starts.append(day)
        day = dates.add_months(day, 3)
    for step in (1, 2, 4, 8):
        chosen = starts[::step]
        if len(chosen) <= charts.MAX_X_TICKS:
            return chosen or [first]
    return starts[:: max(1, len(starts) // charts.MAX_X_TICKS)] or [first]


_COLOURS = (
    ("budget", charts.TARGET_COLOUR),
    ("committed", charts.LINE_COLOUR),
    ("paid", PAID_COLOUR),
)


def _rate(rate: Decimal | None) -> str:
    """«70,0%»: rates as the documents write percentages, to a tenth of a point."""
    if rate is None:
        return "—"
    return arabic.percent((rate * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _ar(text: Any) -> str:
    return text["ar"] if isinstance(text, dict) and isinstance(text.get("ar"), str) else ""
