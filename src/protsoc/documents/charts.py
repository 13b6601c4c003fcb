"""One SVG chart per indicator of the national dashboard, with every label drawn as outlines.

WeasyPrint draws SVG ``<text>`` one code point at a time, unshaped (upstream issue #2909), so a
chart must not carry live Arabic text. matplotlib >= 3.11 shapes Arabic itself (libraqm, built
into its wheel): we ask its text-to-path layer for the glyphs of each label, joined and
right-to-left, and write them as ``<path>`` outlines (``<defs>`` + ``<use>``, as matplotlib's own
SVG backend does). The file needs no font and no network to be displayed.
Never run arabic-reshaper or python-bidi on the labels: libraqm already orders them.

The chart itself (axes, line, markers, dashed target, ticks) is written here directly: a
matplotlib figure cost about 0.2 s per chart (layout, tick machinery, SVG writer), which made
the report of a large registry take a minute. Each distinct label is shaped once per process
and each glyph outline converted once, so a chart now costs a few milliseconds.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from protsoc.documents import DOCUMENTS_INSTALL, arabic
from protsoc.kernel import dates
from protsoc.kernel.errors import EnvironmentProblem

# Debian's fonts-hosny-amiri; matplotlib's own DejaVu Sans (which has Arabic) without it, and as
# the fallback for a character Amiri lacks.
_AMIRI = (
    Path("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"),
    Path("/usr/share/fonts/truetype/fonts-hosny-amiri/Amiri-Regular.ttf"),
)
TARGET_COLOUR = "#b3261e"
LINE_COLOUR = "#1f4e79"
GRID_COLOUR = "#dddddd"
MAX_X_TICKS = 6

# Geometry in points (the figure was 6.4 x 2.8 in): the same sizes as the matplotlib charts had.
WIDTH, HEIGHT = 460.8, 201.6
_PAD = 10.8  # outer margin (tight_layout's 1.08 x 10 pt)
_TICK = 3.5  # tick length, outward
_TICK_PAD = 3.5  # between a tick and its label
_TITLE_PAD = 6.0  # between the axes and the title
_LABEL_PAD = 4.0  # between the y tick labels and the unit
_X_MARGIN = 0.05  # of the date span, each side
_LONE_POINT_DAYS = 180  # one observation (or one date): half a year each side

_FONT_SCALE = 100.0  # matplotlib's TextToPath lays text out at 100 px per em


@dataclass(frozen=True)
class _Shaped:
    """A label shaped once: glyphs at ``FONT_SCALE`` (x right, y up) and their ink box."""

    glyphs: tuple[tuple[str, float, float], ...]
    left: float
    right: float
    bottom: float
    top: float


class _Fonts:
    """The font, the text-to-path converter and every glyph outline converted so far."""

    def __init__(self) -> None:
        try:
            import matplotlib
            from matplotlib import font_manager
            from matplotlib.textpath import TextToPath
        except ImportError:
            raise EnvironmentProblem(
                f"charts need matplotlib, which is not installed: {DOCUMENTS_INSTALL}",
                "or use --format md, which has no charts",
            ) from None
        if tuple(int(part) for part in matplotlib.__version__.split(".")[:2] if part.isdigit()) < (
            3,
            11,
        ):
            raise EnvironmentProblem(
                f"charts need matplotlib >= 3.11 to shape Arabic, found {matplotlib.__version__}",
                "python -m pip install -U 'matplotlib>=3.11' (or use --format md)",
            )
        dejavu = font_manager.findfont(
            font_manager.FontProperties(family="DejaVu Sans"), fallback_to_default=True
        )
        amiri = next((str(path) for path in _AMIRI if path.is_file()), None)
        self.size = 11.0 if amiri else 10.0
        self.font = font_manager.get_font([amiri, dejavu] if amiri else [dejavu])
        self.font.set_size(_FONT_SCALE, 72)
        self.text_to_path = TextToPath()
        self.converted: dict[str, Any] = {}  # TextToPath's glyph names already converted
        self.outlines: dict[str, str] = {}  # glyph id -> SVG path data, in 1/64 px
        self.boxes: dict[str, tuple[float, float, float, float] | None] = {}  # glyph id -> ink box

    def shape(self, text: str) -> _Shaped:
        info, new, _ = self.text_to_path.get_glyphs_with_font(
            self.font, text, glyph_map=self.converted, return_new_glyphs_only=True
        )
        for glyph, (vertices, codes) in new.items():
            self.converted[glyph] = None
            self.outlines[_glyph_id(glyph)] = _path_data(vertices, codes)
            self.boxes[_glyph_id(glyph)] = _box(vertices)
        glyphs = tuple((_glyph_id(glyph), float(x), float(y)) for glyph, x, y, _ in info)
        boxes = [
            (x + box[0], x + box[1], y + box[2], y + box[3])
            for glyph, x, y in glyphs
            if (box := self.boxes[glyph]) is not None
        ]
        if not boxes:  # blank text
            return _Shaped(glyphs, 0.0, 0.0, 0.0, 0.0)
        return _Shaped(
            glyphs,
            min(b[0] for b in boxes),
            max(b[1] for b in boxes),
            min(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def _glyph_id(glyph: str) -> str:
    return "g-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in glyph)


def _box(vertices: Any) -> tuple[float, float, float, float] | None:
    if len(vertices) == 0:
        return None
    xs = [float(v[0]) for v in vertices]
    ys = [float(v[1]) for v in vertices]
    return min(xs), max(xs), min(ys), max(ys)


# matplotlib's path codes: how many vertices each takes and its SVG command.
_COMMANDS = {1: (1, "M"), 2: (1, "L"), 3: (2, "Q"), 4: (3, "C"), 79: (1, "Z")}


def _path_data(vertices: Any, codes: Any) -> str:
    """SVG path data for a glyph outline, in FreeType's integral 1/64 units (M L Q C Z)."""
    out: list[str] = []
    index = 0
    while index < len(codes):
        count, command = _COMMANDS.get(int(codes[index]), (1, ""))  # 0 (STOP) draws nothing
        if command == "Z":
            out.append("Z")
        elif command:
            numbers = (
                round(float(value) * 64)
                for vertex in vertices[index : index + count]
                for value in vertex[:2]
            )
            out.append(command + " ".join(str(number) for number in numbers))
        index += count
    return "".join(out)


@lru_cache(maxsize=1)
def _fonts() -> _Fonts:
    return _Fonts()


@lru_cache(maxsize=8192)
def _shaped(text: str) -> _Shaped:
    return _fonts().shape(text)


@lru_cache(maxsize=4096)
def _month_label(day: dt.date) -> str:
    return arabic.month_year(day)


@lru_cache(maxsize=4096)
def _number_label(value: float) -> str:
    return arabic.number(round(value, 2))


def _arabic_qualifier(observation: Mapping[str, Any]) -> str:
    return str(observation.get("qualifier_ar") or "")


@dataclass(frozen=True)
class ChartWords:
    """How a chart words its dates, numbers and target, and which side its title sits on: the
    documents are Arabic; the site's French pages pass French words (a French page must not
    carry an Arabic chart)."""

    month_year: Callable[[dt.date], str]
    number: Callable[[float], str]  # the axis ticks
    value: Callable[[Any], str]  # the target's value, as recorded
    target: str  # the word before the target's value, with its colon
    rtl: bool
    # the words of an observation's qualifier («أكثر من» / «plus de»), "" when exact
    qualifier: Callable[[Mapping[str, Any]], str] = field(default=_arabic_qualifier)


ARABIC_WORDS = ChartWords(
    month_year=_month_label,
    number=_number_label,
    value=arabic.number,
    target="الهدف: ",
    rtl=True,
)


# ---------------------------------------------------------------- labels placed on the chart


@dataclass(frozen=True)
class _Label:
    text: str
    shaped: _Shaped
    scale: float  # points per FONT_SCALE unit

    @property
    def width(self) -> float:
        return (self.shaped.right - self.shaped.left) * self.scale

    @property
    def height(self) -> float:
        return (self.shaped.top - self.shaped.bottom) * self.scale

    def place(
        self,
        x: float,
        y: float,
        *,
        h: str = "left",
        v: str = "bottom",
        rotate: bool = False,
        colour: str | None = None,
        ident: str | None = None,
    ) -> str:
        """The label's ``<g>``: its ink box aligned at (x, y) by ``h`` (left, center, right) and
        ``v`` (top, center, bottom, baseline); ``rotate`` turns it a quarter to read bottom-up."""
        s = self.shaped
        ink_x = {"left": s.left, "center": (s.left + s.right) / 2, "right": s.right}[h]
        ink_y = {
            "bottom": s.bottom,
            "center": (s.bottom + s.top) / 2,
            "top": s.top,
            "baseline": 0.0,
        }[v]
        origin = f"translate({_f(x)} {_f(y)})" + (" rotate(-90)" if rotate else "")
        inner = (
            f"scale({_f(self.scale, 5)} {_f(-self.scale, 5)}) translate({_f(-ink_x)} {_f(-ink_y)})"
        )
        uses = "".join(
            f'<use xlink:href="#{glyph}" transform="translate({_f(gx)} {_f(gy)})"/>'
            for glyph, gx, gy in s.glyphs
        )
        fill = (f' id="{ident}"' if ident else "") + (f' fill="{colour}"' if colour else "")
        return f'<g{fill} transform="{origin} {inner}"><!-- {escape(self.text)} -->{uses}</g>'


def _label(text: str) -> _Label:
    return _Label(text, _shaped(text), _fonts().size / _FONT_SCALE)


def _f(value: float, digits: int = 2) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _glyph_defs(labels: Iterable[_Label]) -> str:
    outlines = _fonts().outlines
    used = sorted({glyph for label in labels for glyph, _, _ in label.shaped.glyphs})
    return "".join(
        f'<path id="{glyph}" d="{outlines[glyph]}" transform="scale(0.015625)"/>' for glyph in used
    )


# ---------------------------------------------------------------- the chart


def indicator_chart_svg(
    name: str,
    unit: str,
    observations: Sequence[dict[str, Any]],
    target: dict[str, Any] | None = None,
    words: ChartWords = ARABIC_WORDS,
) -> str:
    """The indicator's values over time (``date``/``value`` pairs), with its target (``value``,
    ``date``) as a dashed line, as an SVG document, labelled with ``words`` (Arabic by default)."""
    _fonts()  # says what to install when matplotlib is missing
    from matplotlib.ticker import MaxNLocator

    points = sorted((arabic.to_date(o["date"]), float(o["value"])) for o in observations)
    days = [day for day, _ in points]
    values = [value for _, value in points]
    target_value = float(target["value"]) if target is not None else None

    # Vertical range: the values and the target with 15 % room, from zero for positive series,
    # then widened to whole ticks, so that the top tick is at or above every value (a value of 28
    # drawn above ticks 0/8/16/24, or 4 million above 3,000,000, read as off the scale).
    low = min(values + ([target_value] if target_value is not None else []))
    high = max(values + ([target_value] if target_value is not None else []))
    margin = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    y_low = min(0.0, low - margin) if low >= 0 else low - margin
    y_high = high + margin
    candidates = list(MaxNLocator(nbins=4).tick_values(y_low, y_high))  # fewer glyphs: faster
    y_high = min((tick for tick in candidates if tick >= high), default=y_high)
    y_low = max((tick for tick in candidates if tick <= min(low, y_low)), default=y_low)
    y_ticks = [
        tick
        for tick in candidates
        if y_low - 1e-9 * (y_high - y_low) <= tick <= y_high + 1e-9 * (y_high - y_low)
    ]
    # room above the highest point (or the target) for its value label
    if y_of_top_needs_room(
        values + ([target_value] if target_value is not None else []), y_low, y_high
    ):
        y_high += (y_high - y_low) * 0.12

    # Horizontal range: the dates with 5 % room each side; a lone date gets half a year each side.
    first, last = float(days[0].toordinal()), float(days[-1].toordinal())
    if first == last:
        x_low, x_high = first - _LONE_POINT_DAYS, last + _LONE_POINT_DAYS
    else:
        x_low, x_high = first - (last - first) * _X_MARGIN, last + (last - first) * _X_MARGIN
    x_ticks = _tick_days(sorted(set(days)))

    # Labels, shaped once per distinct string for the whole process.
    title = _label(name)
    unit_label = _label(unit) if unit else None
    x_labels = [_label(words.month_year(day)) for day in x_ticks]
    y_labels = [_label(words.number(tick)) for tick in y_ticks]
    # each point's value, with its qualifier («أكثر من 1660»): a chart without the figures, or
    # with «أكثر من» dropped, says less than the table
    ordered = sorted(observations, key=lambda o: arabic.to_date(o["date"]))
    value_labels = [
        _label(f"{words.qualifier(o)} {words.number(v)}".strip()) for o, v in zip(ordered, values)
    ]
    target_label = None
    if target is not None:
        text = f"{words.target}{words.value(target['value'])}"
        target_date = dates.parse(target.get("date"))
        if target_date is not None:
            text += f" ({words.month_year(target_date)})"
        target_label = _label(text)

    # Axes box: what the labels around it leave of the figure.
    # The date labels share one baseline (aligning each one's ink would make a tall letter,
    # the hamza of «أبريل», push its label down).
    scale = title.scale
    row_top = max(label.shaped.top for label in x_labels) * scale
    row_bottom = min(label.shaped.bottom for label in x_labels) * scale
    top = _PAD + title.height + _TITLE_PAD
    bottom = HEIGHT - _PAD - (row_top - row_bottom) - _TICK - _TICK_PAD
    left = (
        _PAD
        + (unit_label.height + _LABEL_PAD if unit_label else 0.0)
        + max([label.width for label in y_labels] + [0.0])
        + _TICK
        + _TICK_PAD
    )
    right = WIDTH - _PAD
    fractions = [(day.toordinal() - x_low) / (x_high - x_low) for day in x_ticks]
    for fraction, label in zip(fractions, x_labels):  # the outer date labels stay inside the figure
        if fraction > 0:
            right = min(right, (WIDTH - _PAD - label.width / 2 - left * (1 - fraction)) / fraction)
        if fraction < 1:
            left = max(left, (_PAD + label.width / 2 - right * fraction) / (1 - fraction))

    def x_of(ordinal: float) -> float:
        return left + (ordinal - x_low) / (x_high - x_low) * (right - left)

    def y_of(value: float) -> float:
        return bottom - (value - y_low) / (y_high - y_low) * (bottom - top)

    parts: list[str] = [f'<rect width="{_f(WIDTH)}" height="{_f(HEIGHT)}" fill="#ffffff"/>']
    grid = "".join(f'<path d="M{_f(left)} {_f(y_of(t))}H{_f(right)}"/>' for t in y_ticks)
    parts.append(f'<g stroke="{GRID_COLOUR}" stroke-width="0.6">{grid}</g>')
    if target_value is not None:
        y = y_of(target_value)
        parts.append(
            f'<path d="M{_f(left)} {_f(y)}H{_f(right)}" stroke="{TARGET_COLOUR}" '
            'stroke-width="1.2" '
            'stroke-dasharray="4.44 1.92"/>'
        )
    xy = [(x_of(day.toordinal()), y_of(value)) for day, value in points]
    if len(xy) > 1:
        parts.append(
            (
                '<path fill="none" stroke="{}" stroke-width="2" stroke-linejoin="round" d="M{}"/>'
            ).format(LINE_COLOUR, "L".join(f"{_f(x)} {_f(y)}" for x, y in xy))
        )
    dots = "".join(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3"/>' for x, y in xy)
    parts.append(f'<g fill="{LINE_COLOUR}" stroke="{LINE_COLOUR}" stroke-width="1">{dots}</g>')

    # Spines (left, bottom) and outward ticks.
    ticks = "".join(
        f'<path d="M{_f(x_of(day.toordinal()))} {_f(bottom)}v{_f(_TICK)}"/>' for day in x_ticks
    )
    ticks += "".join(f'<path d="M{_f(left)} {_f(y_of(t))}h{_f(-_TICK)}"/>' for t in y_ticks)
    parts.append(
        f'<g stroke="#000000" stroke-width="0.8" stroke-linecap="square" fill="none">'
        f'<path d="M{_f(left)} {_f(top)}V{_f(bottom)}H{_f(right)}"/>{ticks}</g>'
    )

    placed: list[str] = []
    for number, (day, label) in enumerate(zip(x_ticks, x_labels), 1):
        placed.append(
            label.place(
                x_of(day.toordinal()),
                bottom + _TICK + _TICK_PAD + row_top,
                h="center",
                v="baseline",
                ident=f"xtick_{number}",
            )
        )
    for number, (tick, label) in enumerate(zip(y_ticks, y_labels), 1):
        placed.append(
            label.place(
                left - _TICK - _TICK_PAD, y_of(tick), h="right", v="center", ident=f"ytick_{number}"
            )
        )
    target_y = y_of(target_value) if target_value is not None else None
    for number, ((x, y), label) in enumerate(zip(xy, value_labels), 1):
        # inside the figure, and clear of the target line and its label (drawn above the line):
        # a point just under the target has its value written under it
        x = min(max(x, left + label.width / 2), WIDTH - _PAD - label.width / 2)
        below = target_y is not None and 0 <= y - target_y < label.height + 8
        placed.append(
            label.place(
                x,
                y + 5 if below else y - 5,
                h="center",
                v="top" if below else "bottom",
                ident=f"value_{number}",
            )
        )
    if unit_label is not None:
        placed.append(unit_label.place(_PAD, (top + bottom) / 2, h="center", v="top", rotate=True))
    title_x, title_side = (right, "right") if words.rtl else (left, "left")
    placed.append(title.place(title_x, top - _TITLE_PAD, h=title_side, v="bottom", ident="title"))
    if target_label is not None and target_value is not None:
        placed.append(
            target_label.place(
                left + 6, y_of(target_value) - 3, h="left", v="bottom", colour=TARGET_COLOUR
            )
        )
    parts.append(f'<g fill="#000000">{"".join(placed)}</g>')

    used = [
        title,
        *x_labels,
        *y_labels,
        *([unit_label] if unit_label else []),
        *([target_label] if target_label else []),
        *value_labels,
    ]
    return (
        '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'version="1.1" '
        f'width="{_f(WIDTH)}pt" height="{_f(HEIGHT)}pt" viewBox="0 0 {_f(WIDTH)} {_f(HEIGHT)}">\n'
        f"<title>{escape(name)}</title>\n"
        f"<defs>{_glyph_defs(used)}</defs>\n" + "\n".join(parts) + "\n</svg>\n"
    )


def y_of_top_needs_room(values: Sequence[float], low: float, high: float) -> bool:
    """Whether the highest point sits so near the top of the axes that its value label would
    run over the title."""
    return high > low and (high - max(values)) / (high - low) < 0.1


def _tick_days(days: Sequence[Any], most: int = MAX_X_TICKS) -> list[Any]:
    """At most ``most`` labelled dates, evenly spread, first and last included: a label per
    monthly observation overlaps into an unreadable band (and each outlined label costs time)."""
    if len(days) <= most:
        return list(days)
    step = (len(days) - 1) / (most - 1)
    return [days[round(index * step)] for index in range(most)]


def indicator_chart_data_uri(
    name: str,
    unit: str,
    observations: Sequence[dict[str, Any]],
    target: dict[str, Any] | None = None,
) -> str:
    """The chart as a ``data:`` URI for ``<img src>``: the HTML file stays self-contained."""
    svg = indicator_chart_svg(name, unit, observations, target)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


# ---------------------------------------------------------------- for other charts of the report
# The financial section (documents/finance_section.py) draws its own chart with the same labels,
# geometry and colours.
PAD = _PAD
fonts_or_explain = _fonts
label = _label
number_text = _f
glyph_defs = _glyph_defs
month_label = _month_label
number_label = _number_label
tick_days = _tick_days
