"""Tables drawn directly when that gives exactly what rich draws (cadence, decisions, list).

At 10,000 meetings the commands' tables hold 10,000 to 17,000 rows, which rich lays out cell by
cell in seconds; drawn directly they take milliseconds. ``plain_table`` draws only tables whose
every text rich would show as it is, and returns None (rich draws) for anything else.
Tested against rich's own drawing at many widths, with and without colours
(tests/test_perf_outputs.py, tests/test_perf_commands.py).
"""

from __future__ import annotations

import re
from typing import Any

# Text that rich shows as it is (no markup, at most one colon so no :emoji: code, one cell per
# character, no spaces at either end for its wrapping to strip).
PLAIN_TEXT = re.compile(r"^(?=[^:]*:?[^:]*$)[!-Z^-~](?:[ -Z^-~\u2014]*[!-Z^-~\u2014])?$|^\u2014$")
# What a cell may hold: nothing at all, or such a text, also with Arabic letters and digits (one
# cell each, no combining marks; rich has no bidi, so it writes them as they are), after leading
# spaces and «└ ».
_CELL_TEXT = re.compile(
    r"^(?=[^:]*:?[^:]*$) *(?:\u2514 )?"
    r"(?:[!-Z^-~\u0621-\u064a\u0660-\u0669]"
    r"(?:[ -Z^-~\u2014\u0621-\u064a\u0660-\u0669]*[!-Z^-~\u2014\u0621-\u064a\u0660-\u0669])?|\u2014)?$"
)


def plain_table(
    console: Any,
    columns: list[tuple[str, str, bool]],
    rows: list[list[tuple[str, str | None]]],
    *,
    title: str | None = None,
    title_justify: str = "left",
) -> Any:
    """The segments rich draws for ``Table(title=title, title_justify=...)`` (default box, header,
    no lines) whose columns are ``(heading, justify, no_wrap)`` and whose rows are lists of
    ``(text, style)`` cells (a style is a rich style name, e.g. ``"red"``, or None), or None when
    rich might draw anything else: a text that is not plain, a title wider than the table,
    columns narrower than 4, a text rich would wrap onto two lines, a box substitution."""
    from rich.segment import Segment, Segments

    options = console.options
    if (
        options.ascii_only
        or options.legacy_windows
        or not columns
        or title_justify not in ("left", "center")
    ):
        return None
    headings = [heading for heading, _, _ in columns]
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
            if style is not None and (columns[index][1] != "left" or not text or text[0] == " "):
                return None
            widths[index] = max(widths[index], len(text))
    natural = [width + 2 for width in widths]  # padding: one space on either side
    widths = natural
    borders = count + 1
    if sum(widths) + borders > options.max_width:
        # What rich's Table._calculate_column_widths does when the columns do not fit: narrow the
        # widest wrappable columns, then take the rest from every column evenly; texts then too
        # long end with an ellipsis (or, with a space in a wrappable column, wrap: left to rich).
        from rich._ratio import ratio_reduce
        from rich.table import Table

        room = options.max_width - borders
        wrapable = [not no_wrap for _, _, no_wrap in columns]
        widths = Table._collapse_widths(widths, wrapable, room)
        if sum(widths) > room:
            widths = ratio_reduce(sum(widths) - room, [1] * len(widths), widths, widths)
        widths = [min(width, full) for width, full in zip(widths, natural)]
        if min(widths) < 4:
            return None
        for index, (width, wraps) in enumerate(zip(widths, wrapable)):
            if wraps and width < natural[index]:
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
        if title_justify == "left":
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
    for (heading, justify, _), width in zip(columns, widths):
        cell = fitted(heading, width - 2)
        cell = cell.rjust(width - 2) if justify == "right" else cell.ljust(width - 2)
        segments += [
            Segment(" ", header),
            Segment(cell, header),
            Segment(" ", header),
            Segment("┃", border),
        ]
    segments += [newline, Segment("┡" + "╇".join("━" * w for w in widths) + "┩", border), newline]
    layout = [(justify == "right", width - 2) for (_, justify, _), width in zip(columns, widths)]
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
