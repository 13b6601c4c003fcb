"""One SVG chart per indicator of the national dashboard, with Arabic labels drawn as outlines.

WeasyPrint draws SVG ``<text>`` one code point at a time, unshaped (upstream issue #2909), so a
chart must not carry live Arabic text. matplotlib >= 3.11 shapes Arabic itself (libraqm, built
into its wheel) and by default writes SVG text as paths: the labels come out joined and
right-to-left in every viewer, and the file needs no font and no network to be displayed.
Never run arabic-reshaper or python-bidi on the labels: on 3.11 that reorders them twice.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import arabic, dates
from .errors import EnvironmentProblem

# Debian's fonts-hosny-amiri; matplotlib falls back to its own DejaVu (which has Arabic) without it.
_AMIRI = (
    Path("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"),
    Path("/usr/share/fonts/truetype/fonts-hosny-amiri/Amiri-Regular.ttf"),
)
TARGET_COLOUR = "#b3261e"
LINE_COLOUR = "#1f4e79"


@lru_cache(maxsize=1)
def _font() -> Any:
    from matplotlib.font_manager import FontProperties

    for path in _AMIRI:
        if path.is_file():
            return FontProperties(fname=str(path), size=11)
    return FontProperties(family="DejaVu Sans", size=10)


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise EnvironmentProblem("charts need matplotlib >= 3.11, which is not installed",
                                 "python -m pip install 'matplotlib>=3.11' (or use --format md)") from None
    matplotlib.use("Agg")
    matplotlib.rcParams.update({"svg.fonttype": "path", "svg.hashsalt": "protsoc", "axes.unicode_minus": False})
    import matplotlib.pyplot as plt

    return plt


def indicator_chart_svg(name: str, unit: str, observations: Sequence[dict[str, Any]],
                        target: dict[str, Any] | None = None) -> str:
    """The indicator's values over time (``date``/``value`` pairs), with its target (``value``,
    ``date``) as a dashed line, as an SVG document."""
    plt = _pyplot()
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    font = _font()
    days = [arabic.to_date(o["date"]) for o in observations]
    values = [float(o["value"]) for o in observations]
    figure, axes = plt.subplots(figsize=(6.4, 2.8), dpi=100)
    try:
        axes.plot(days, values, color=LINE_COLOUR, marker="o", linewidth=2)
        if target is not None:
            axes.axhline(float(target["value"]), color=TARGET_COLOUR, linestyle="--", linewidth=1.2)
            label = f"الهدف: {arabic.number(target['value'])}"
            target_date = dates.parse(target.get("date"))
            if target_date is not None:
                label += f" ({arabic.month_year(target_date)})"
            axes.annotate(label, xy=(0.0, float(target["value"])), xycoords=("axes fraction", "data"),
                          xytext=(6, -4), textcoords="offset points", ha="left", va="top",
                          color=TARGET_COLOUR, fontproperties=font)
        low = min(values + ([float(target["value"])] if target else []))
        high = max(values + ([float(target["value"])] if target else []))
        margin = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        axes.set_ylim(min(0.0, low - margin) if low >= 0 else low - margin, high + margin)
        if len(days) == 1:  # one observation: give the point some room
            import datetime as dt

            axes.set_xlim(days[0] - dt.timedelta(days=180), days[0] + dt.timedelta(days=180))
        ticks = _tick_days(days)
        axes.set_xticks(ticks)
        axes.set_xticklabels([arabic.month_year(d) for d in ticks], fontproperties=font)
        axes.yaxis.set_major_locator(MaxNLocator(nbins=4))  # fewer outlined glyphs: faster PDFs
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: arabic.number(round(value, 2))))
        for tick in axes.get_yticklabels():
            tick.set_fontproperties(font)
        axes.set_title(name, fontproperties=font, loc="right")
        if unit:
            axes.set_ylabel(unit, fontproperties=font)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "protsoc"})
        return buffer.getvalue()
    finally:
        plt.close(figure)


def _tick_days(days: Sequence[Any], most: int = 6) -> list[Any]:
    """At most ``most`` labelled dates, evenly spread, first and last included: a label per
    monthly observation overlaps into an unreadable band (and each outlined label costs time)."""
    if len(days) <= most:
        return list(days)
    step = (len(days) - 1) / (most - 1)
    return [days[round(index * step)] for index in range(most)]


def indicator_chart_data_uri(name: str, unit: str, observations: Sequence[dict[str, Any]],
                             target: dict[str, Any] | None = None) -> str:
    """The chart as a ``data:`` URI for ``<img src>``: the HTML file stays self-contained."""
    svg = indicator_chart_svg(name, unit, observations, target)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
