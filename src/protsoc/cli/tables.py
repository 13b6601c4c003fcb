"""The tables of `cadence`, `decisions` and `list`: each described once, drawn by `print_table`.

A command describes its table once (`TableDescription`: columns, headings, justification,
no_wrap, title, and rows of plain-text cells with an optional style). `print_table` then draws it
directly when that gives exactly what rich draws, and hands it to rich otherwise.

Why two ways of drawing: at 10,000 meetings these tables hold 10,000 to 17,000 rows, which rich
lays out cell by cell in seconds (`protsoc decisions` 25 s, `protsoc list meetings` 5 s of CPU);
drawn directly they take milliseconds. `direct_drawing` draws only tables whose every text rich
would show as it is, and computes the column widths as rich does (`_column_widths`), in
protsoc's own code. Tested against rich's own drawing on every width from 12 to 160 columns,
with and without colours (tests/test_perf_commands.py, tests/test_perf_outputs.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

# Text that rich shows as it is (no markup, at most one colon so no :emoji: code, one cell per
# character, no spaces at either end for its wrapping to strip).
PLAIN_TEXT = re.compile(r"^(?=[^:]*:?[^:]*$)[!-Z^-~](?:[ -Z^-~\u2014]*[!-Z^-~\u2014])?$|^\u2014$")
# What a cell may hold: nothing at all, or such a text, also with Arabic letters and digits (one
# cell each, no combining marks; rich has no bidi, so it writes them as they are), after leading
# spaces and «└ ».
_CELL_TEXT = re.compile(
    r"^(?=[^:]*:?[^:]*$) *(?:\u2514 )?"
    r"(?:[!-Z^-~\u0621-\u064a\u0660-\u0669]"
    r"(?:[ -Z^-~\u2014\u0621-\u064a\u0660-\u0669]*"
    r"[!-Z^-~\u2014\u0621-\u064a\u0660-\u0669])?|\u2014)?$"
)

# A cell: its text, shown as written (never read as markup), and a rich style name for all of
# it ("red", "bold red") or None.
Cell = tuple[str, str | None]


@dataclass(frozen=True)
class Column:
    heading: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False


@dataclass
class TableDescription:
    """One table of a command's output, as rich's ``Table(title=..., title_justify=...)`` with
    its default box, a header row and no lines between rows would draw it."""

    columns: Sequence[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    title: str | None = None
    title_justify: Literal["left", "center"] = "center"


def print_table(console: Any, table: TableDescription) -> None:
    """Print ``table``: drawn directly when that is exactly what rich draws, else by rich."""
    drawn = direct_drawing(console, table)
    if drawn is None:
        console.print(rich_table(table))
    else:
        console.print(drawn, crop=False)  # no line is wider than the console


def rich_table(table: TableDescription) -> Any:
    """``table`` as a rich Table (texts escaped: a cell is never read as markup, and control
    characters in record text are shown, never sent to the terminal)."""
    from rich.table import Table

    from protsoc.cli.output import printable

    drawn = Table(
        title=None if table.title is None else printable(table.title),
        title_justify=table.title_justify,
    )
    for column in table.columns:
        drawn.add_column(printable(column.heading), justify=column.justify, no_wrap=column.no_wrap)
    for row in table.rows:
        drawn.add_row(
            *(
                printable(text) if style is None else f"[{style}]{printable(text)}[/]"
                for text, style in row
            )
        )
    return drawn


def direct_drawing(console: Any, table: TableDescription) -> Any:
    """The segments rich draws for ``table`` on ``console``, or None when rich might draw anything
    else: a text that is not plain, a title wider than the table, columns narrower than 4, a text
    rich would wrap onto two lines, a box substitution."""
    from rich.segment import Segment, Segments

    columns, rows, title = table.columns, table.rows, table.title
    options = console.options
    if (
        options.ascii_only
        or options.legacy_windows
        or not columns
        or table.title_justify not in ("left", "center")
    ):
        return None
    headings = [column.heading for column in columns]
    if title is not None and (not PLAIN_TEXT.match(title) or "  " in title):
        return None
    if not all(PLAIN_TEXT.match(heading) for heading in headings):
        return None
    count = len(columns)
    widths = [len(heading) for heading in headings]  # every character is one cell (checked below)
    match = _CELL_TEXT.match
    for row in rows:
        if len(row) != count:
            return None
        for index, (text, style) in enumerate(row):
            if not match(text):
                return None
            if style is not None and (
                columns[index].justify != "left" or not text or text[0] == " "
            ):
                return None
            widths[index] = max(widths[index], len(text))
    natural = [width + 2 for width in widths]  # padding: one space on either side
    borders = count + 1
    room = options.max_width - borders
    if room < 4 * count:
        return None  # a column would get narrower than 4: rich's own ways, left to rich
    wraps = [not column.no_wrap for column in columns]
    widths = _column_widths(natural, wraps, room)
    if widths != natural:
        # Narrowed as rich narrows columns: texts then too long end with an ellipsis, but a text
        # with a space in a wrappable column would wrap (left to rich), and so would any column
        # narrower than 4.
        if min(widths) < 4:
            return None
        for index, (width, wrappable) in enumerate(zip(widths, wraps)):
            if wrappable and width < natural[index]:
                texts = [headings[index], *(row[index][0] for row in rows)]
                if any(" " in text and len(text) > width - 2 for text in texts):
                    return None
    table_width = sum(widths) + borders
    if title is not None and len(title) > table_width:
        return None

    def fitted(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    get_style = console.get_style
    border = get_style("") + get_style("")
    header = get_style("table.header")
    styles: dict[str, Any] = {}
    newline = Segment.line()
    segments = []
    if title is not None:
        if table.title_justify == "left":
            line = title.ljust(table_width)
        else:
            left = (table_width - len(title)) // 2
            line = (" " * left + title).ljust(table_width)
        segments += [Segment(line, get_style("table.title")), newline]
    segments += [
        Segment("┏" + "┳".join("━" * w for w in widths) + "┓", border),
        newline,
        Segment("┃", border),
    ]
    for column, width in zip(columns, widths):
        cell = fitted(column.heading, width - 2)
        cell = cell.rjust(width - 2) if column.justify == "right" else cell.ljust(width - 2)
        segments += [
            Segment(" ", header),
            Segment(cell, header),
            Segment(" ", header),
            Segment("┃", border),
        ]
    segments += [newline, Segment("┡" + "╇".join("━" * w for w in widths) + "┩", border), newline]
    layout = [(column.justify == "right", width - 2) for column, width in zip(columns, widths)]
    append = segments.append
    for row in rows:
        line = "│"
        for (text, style), (right, width) in zip(row, layout):
            if len(text) > width:
                text = text[: width - 1] + "…"
            if style is None:
                line += " " + (text.rjust(width) if right else text.ljust(width)) + " │"
                continue
            if style not in styles:
                styles[style] = get_style(style)
            append(Segment(line + " "))
            append(Segment(text, styles[style]))
            line = " " * (width - len(text)) + " │"
        append(Segment(line))
        append(newline)
    segments += [Segment("└" + "┴".join("─" * w for w in widths) + "┘", border), newline]
    return Segments(segments)


def _column_widths(natural: list[int], wraps: list[bool], room: int) -> list[int]:
    """The column widths (padding included) rich gives columns of ``natural`` widths when the
    table may take ``room`` cells (its borders left out).

    No column is measured wider than the room. If they do not fit together, the wrappable columns
    give way first, widest first: the widest are narrowed down to the next widest, again and
    again, until the table fits or they are all down to nothing. What is still too wide is then
    taken from every column alike. Last, no column stays wider than its natural width (rich
    measures each again at its new width).
    """
    widths = [min(width, room) for width in natural]
    excess = sum(widths) - room
    if excess <= 0:
        return widths
    while excess > 0 and any(wraps):
        widest = max(width for width, wrappable in zip(widths, wraps) if wrappable)
        next_widest = max(
            (width for width, wrappable in zip(widths, wraps) if wrappable and width != widest),
            default=0,
        )
        if widest == next_widest:  # every wrappable column is down to nothing
            break
        at_widest = [wrappable and width == widest for width, wrappable in zip(widths, wraps)]
        widths = _shared_out(excess, at_widest, min(excess, widest - next_widest), widths)
        excess = sum(widths) - room
    if excess > 0:
        widths = _shared_out(excess, [True] * len(widths), None, widths)
    return [min(width, full) for width, full in zip(widths, natural)]


def _shared_out(amount: int, sharing: list[bool], most: int | None, widths: list[int]) -> list[int]:
    """``widths`` less ``amount`` cells, shared out evenly between the ``sharing`` columns, none
    giving more than ``most`` (or than its own width when ``most`` is None).

    Each sharing column in turn gives its fair part of what is still to take, rounded to the
    nearest whole cell, halves to even (Python's ``round``, as rich rounds): the parts add up to
    ``amount`` unless a column reaches its limit.
    """
    givers = sum(1 for shares, width in zip(sharing, widths) if shares and (most or width))
    left = amount
    result = []
    for shares, width in zip(sharing, widths):
        limit = width if most is None else most
        if shares and limit and givers:
            given = min(limit, round(left / givers))
            result.append(width - given)
            left -= given
            givers -= 1
        else:
            result.append(width)
    return result
