"""What the speed-ups of decisions, list and calendar (issue 8) must not change.

Each fast path is compared with what rich or icalendar themselves produce on the same inputs:
tables drawn directly (cli/tables.direct_drawing) with rich's Table at every width from 12 to 160
columns, with and without colours; the decision lines printed at once with one console.print per
line; the calendar's folding with icalendar's. No timings here (they are in benchmarks/README.md).
"""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED_REGISTRY
from test_perf_outputs import _generated_registry

COLOURS = (None, "standard", "truecolor")


def _console(width: int, colours: str | None) -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        highlight=False,
        force_terminal=colours is not None,
        color_system=colours,
    )  # type: ignore[arg-type]


def _printed(renderable: Any, width: int, colours: str | None, **kwargs: Any) -> str:
    console = _console(width, colours)
    console.print(renderable, **kwargs)
    return console.file.getvalue()  # type: ignore[no-any-return]


def _description(columns: list, rows: list, title: str | None, title_justify: str) -> Any:
    from protsoc.cli.tables import Column, TableDescription

    return TableDescription(
        columns=[Column(heading, justify, no_wrap) for heading, justify, no_wrap in columns],
        rows=rows,
        title=title,
        title_justify=title_justify,  # type: ignore[arg-type]
    )


def _rich_table(columns: list, rows: list, title: str | None, title_justify: str) -> Any:
    """The reference: rich's own Table, built by hand from the same columns and cells."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, title_justify=title_justify)  # type: ignore[arg-type]
    for heading, justify, no_wrap in columns:
        table.add_column(heading, justify=justify, no_wrap=no_wrap)
    for row in rows:
        table.add_row(
            *(
                escape(text) if style is None else f"[{style}]{escape(text)}[/]"
                for text, style in row
            )
        )
    return table


DECISION_COLUMNS = [
    (h, "right" if h == "progress" else "left", h == "decision")
    for h in ("decision", "kind", "owner", "due", "action plan", "status", "progress", "late")
]


def _decision_rows(count: int, seed: int) -> list:
    pick = random.Random(seed)
    rows = []
    for n in range(count):
        ref = (
            f"wg-{pick.choice(['rabat', 'beni-mellal-khenifra', 'fes'])}-{n:02d}"
            f"/2025-03-{n % 28 + 1:02d}/d{n % 3 + 1}"
        )
        rows.append(
            [
                (ref, None),
                (pick.choice(["decision", "recommendation"]), None),
                (pick.choice(["m03", "wg-beni-mellal-khenifra-12/m05", "—"]), None),
                (pick.choice(["2026-03-09", "—"]), None),
                pick.choice([("none", "yellow"), ("2", None)]),
                pick.choice([("late", "red"), ("open", None), ("done", "green")]),
                (pick.choice(["—", "47 %", "100 %"]), None),
                pick.choice([("yes", "red"), ("", None)]),
            ]
        )
        for a in range(n % 3):
            rows.append(
                [
                    (f"  └ action-{n:03d}{a}", None),
                    ("action", None),
                    ("wg-fes-39/m08", None),
                    ("2027-12-31", None),
                    ("", None),
                    (pick.choice(["blocked", "in-progress", "not-started"]), None),
                    (f"{pick.randint(0, 100)} %", None),
                    pick.choice([(f"{pick.randint(1, 400)} d", "red"), ("", None)]),
                ]
            )
    return rows


LIST_COLUMNS = [
    (h, "left", False) for h in ("id", "date", "status", "place", "minutes", "approvals")
]
LIST_ROWS = [
    [
        ("wg-draa-08/2025-03-12", None),
        ("2025-03-12", None),
        ("held", None),
        ("فاس", None),
        ("approved", None),
        ("2", None),
    ],
    [
        ("steering/2024-11-26", None),
        ("2024-11-26", None),
        ("held", None),
        ("الدار البيضاء", None),
        ("", None),
        ("0", None),
    ],
    [
        ("wg-marrakech-safi-07/2025-03-13", None),
        ("2025-03-13", None),
        ("planned", None),
        ("", None),
        ("draft", None),
        ("13", None),
    ],
]
TABLES = [
    ("decisions as of 2026-11-22", "center", DECISION_COLUMNS, _decision_rows(40, 1)),
    ("decisions as of 2026-11-22", "center", DECISION_COLUMNS, _decision_rows(5, 2)),
    ("decisions as of 2026-11-22", "center", DECISION_COLUMNS, []),
    (None, "center", LIST_COLUMNS, LIST_ROWS),
    (None, "center", LIST_COLUMNS, []),
    ("x", "left", LIST_COLUMNS, LIST_ROWS),
]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: f"{t[0]}-{len(t[2])}-{len(t[3])}")
def test_tables_drawn_directly_are_what_rich_draws_at_every_width(table: tuple) -> None:
    """Every width from 12 to 160 columns, with and without colours: either the direct drawing
    is byte for byte rich's, or it is left to rich (None); rich's own path (``rich_table``) is
    the reference too."""
    from protsoc.cli.tables import direct_drawing, rich_table

    title, justify, columns, rows = table
    description = _description(columns, rows, title, justify)
    drawn_directly = 0
    for width in range(12, 161):
        for colours in COLOURS:
            drawn = direct_drawing(_console(width, colours), description)
            if drawn is None:
                continue
            drawn_directly += 1
            expected = _printed(_rich_table(columns, rows, title, justify), width, colours)
            assert _printed(drawn, width, colours) == expected, (title, width, colours)
            assert _printed(drawn, width, colours, crop=False) == expected, (title, width, colours)
    for width in (12, 40, 80, 132, 160):
        for colours in (None, "truecolor"):
            expected = _printed(_rich_table(columns, rows, title, justify), width, colours)
            assert _printed(rich_table(description), width, colours) == expected
    assert drawn_directly >= 30


def _random_table(pick: random.Random) -> tuple:
    """Columns of random widths, some wrappable, some not, some right-justified; short plain
    texts (some with spaces, some Arabic, some styled): what rich's narrowing works on."""
    words = ["a", "id", "2026-11-22", "wg-rabat-04/2020-02-18", "held", "فاس", "—", "x" * 30]
    count = pick.randint(1, 7)
    columns = [
        (
            pick.choice(["id", "date", "status", "a long heading", "n"]),
            pick.choice(["left", "left", "right"]),
            pick.random() < 0.5,
        )
        for _ in range(count)
    ]
    rows = []
    for _ in range(pick.randint(0, 6)):
        row = []
        for _, justify, _ in columns:
            text = " ".join(pick.choice(words) for _ in range(pick.randint(1, 3)))
            style = pick.choice([None, None, "red", "bold red"]) if justify == "left" else None
            row.append((text, style))
        rows.append(row)
    title = pick.choice([None, "t", "decisions as of 2026-11-22"])
    return title, pick.choice(["left", "center"]), columns, rows


def test_random_tables_narrowed_as_rich_narrows_them() -> None:
    """Column widths are protsoc's own computation of rich's: on random tables and every width
    from 12 to 160 columns, a table drawn directly is rich's, byte for byte."""
    from protsoc.cli.tables import direct_drawing

    pick = random.Random(12)
    drawn_directly = narrowed = 0
    for _ in range(25):
        title, justify, columns, rows = _random_table(pick)
        description = _description(columns, rows, title, justify)
        for width in range(12, 161):
            drawn = direct_drawing(_console(width, None), description)
            if drawn is None:
                continue
            drawn_directly += 1
            expected = _printed(_rich_table(columns, rows, title, justify), width, None)
            assert _printed(drawn, width, None) == expected, (columns, rows, title, width)
            narrowed += "…" in expected
    assert drawn_directly > 500 and narrowed > 50


def test_the_decisions_table_at_132_columns_is_drawn_directly_with_shortened_texts() -> None:
    from protsoc.cli.tables import direct_drawing

    rows = _decision_rows(40, 1)
    description = _description(DECISION_COLUMNS, rows, "decisions as of 2026-11-22", "center")
    drawn = direct_drawing(_console(132, None), description)
    assert drawn is not None
    text = _printed(drawn, 132, None)
    assert "…" in text  # the table is wider than 132 columns: rich narrows its columns
    assert text == _printed(
        _rich_table(DECISION_COLUMNS, rows, "decisions as of 2026-11-22", "center"), 132, None
    )


@pytest.mark.parametrize(
    "text", ["[red]x[/]", "a:smile:b", ":+1:", "trail ", "تَاريخ", "tab\tx", "a\\[b", "日本"]
)
def test_tables_with_other_text_are_left_to_rich(text: str) -> None:
    from protsoc.cli.tables import direct_drawing

    row = [
        (text, None),
        ("2025-03-12", None),
        ("held", None),
        ("فاس", None),
        ("approved", None),
        ("2", None),
    ]
    description = _description(LIST_COLUMNS, [row], None, "center")
    assert direct_drawing(_console(132, None), description) is None


def test_a_wrapping_column_is_left_to_rich() -> None:
    """Text with spaces in a column rich narrows would be wrapped onto two lines: rich draws it."""
    from protsoc.cli.tables import direct_drawing

    long = [[("x" * 60, None), ("a b c d e f g h i j k l m n o p q r s t u v w x y z", None)]]
    columns = [("id", "left", True), ("words", "left", False)]
    description = _description(columns, long, None, "center")
    assert direct_drawing(_console(60, None), description) is None
    assert direct_drawing(_console(200, None), description) is not None


# ------------------------------------------------------------------ decision lines at once

LINES = [
    ("", ""),
    (
        "[bold]wg-fes-39/2025-03-12/d1[/]: " + "الدعم تقييم الصحية الطفولة تنفيذ " * 6,
        "wg-fes-39/2025-03-12/d1",
        "الدعم تقييم الصحية الطفولة تنفيذ " * 6,
    ),
    ("  action-00335: الدعم", "  action-00335", "الدعم"),
    (
        "  action-1: " + "x" * 300,
        "  action-1",
        "x" * 300,
    ),  # one word wider than the console: folded
    ("  action-2: trailing spaces   ", "  action-2", "trailing spaces   "),
    ("[bold]a/d1[/]: " + "日本語のテキスト" * 8, "a/d1", "日本語のテキスト" * 8),
    ("", ""),
]


@pytest.mark.parametrize("colours", COLOURS)
@pytest.mark.parametrize("width", [132, 80, 40, 17])
def test_decision_lines_printed_at_once_are_what_one_print_per_line_gives(
    width: int, colours: str | None
) -> None:
    from rich.markup import escape

    from protsoc.cli import decisions

    odd = [
        (f"[bold]{escape('x[1]:smile:')}[/]: {escape('a:smile: b')}", "x[1]:smile:", "a:smile: b")
    ]
    for lines in (LINES, LINES + odd):
        console = _console(width, colours)
        decisions._print_lines(console, lines)
        expected = _console(width, colours)
        for markup, *_ in lines:
            expected.print(markup)
        assert console.file.getvalue() == expected.file.getvalue()


# ------------------------------------------------------------------ the commands themselves


def _registry(which: str, tmp_path: Path) -> Path:
    if which == "shipped":
        root = tmp_path / "registry"
        shutil.copytree(SHIPPED_REGISTRY, root)
        return root
    return _generated_registry(tmp_path)


@pytest.mark.parametrize("which", ["shipped", "generated"])
@pytest.mark.parametrize(
    "command",
    [
        ["decisions", "--as-of", "2026-11-22"],
        ["decisions", "--as-of", "2026-11-22", "--status", "late"],
        ["list", "meetings"],
        ["list", "decisions"],
        ["list", "actions"],
    ],
)
def test_commands_print_what_rich_alone_printed(
    which: str,
    command: list[str],
    tmp_path: Path,
    run,
    run_process,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from protsoc.cli import decisions, tables

    root = _registry(which, tmp_path)
    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path / "cache"))
    args = ["protsoc", *command, "--registry", str(root)]
    fast = run(args)
    real = run_process(args)
    monkeypatch.setattr(tables, "direct_drawing", lambda *args: None)  # rich draws every table
    monkeypatch.setattr(decisions, "_plain_lines", lambda *args: None)  # and prints every line
    slow = run(args)
    assert slow.stdout.strip()
    assert (fast.exit_code, fast.stdout) == (slow.exit_code, slow.stdout)
    assert (real.exit_code, real.stdout) == (slow.exit_code, slow.stdout)


# ------------------------------------------------------------------ calendar folding


def test_fold_is_icalendars_folding() -> None:
    from icalendar.parser.content_line import Contentline

    from protsoc.governance.meeting_calendar import fold

    alphabet = ["a", " ", "\\", "^", ";", ",", "ع", "é", "€", "😀", "\t", ":"]
    pick = random.Random(8)
    for _ in range(20000):
        size = pick.choice([0, 1, 73, 74, 75, 76, 147, 148, 149, 150, 300])
        line = "".join(
            pick.choice(alphabet) for _ in range(pick.randint(max(0, size - 3), size + 3))
        )
        assert fold(line) == Contentline(line).to_ical(), line
    for line in [
        "x" * 73 + "\\n",
        "x" * 73 + "^n",
        "\\" * 200,
        "^" * 200,
        "ع" * 37 + "x",
        "ع" * 37 + "\\,",
    ]:
        assert fold(line) == Contentline(line).to_ical(), line


@pytest.mark.parametrize("which", ["shipped", "generated"])
def test_calendar_export_is_icalendars_own_serialisation(
    which: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_process
) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from protsoc.governance import meeting_calendar
    from protsoc.registry.loaded import Registry

    root = _registry(which, tmp_path)
    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path / "cache"))
    now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.timezone.utc)
    registry = Registry.load(root)
    fast = meeting_calendar.export(registry, dt.date(2026, 11, 22), now=now)
    monkeypatch.setattr(meeting_calendar, "to_ical", lambda calendar: calendar.to_ical())
    slow = meeting_calendar.export(registry, dt.date(2026, 11, 22), now=now)
    assert fast.data == slow.data and fast.meetings == slow.meetings > 0
    assert any(len(line) > 70 for line in fast.data.split(b"\r\n"))  # some lines were folded
    # A second export over the first (SEQUENCE and DTSTAMP kept) is the same file, also for real.
    out = tmp_path / "meetings.ics"
    args = ["protsoc", "calendar", "--registry", str(root), "--as-of", "2026-11-22", "-o", str(out)]
    assert run_process(args).exit_code == 0
    first = out.read_bytes()
    assert run_process(args).exit_code == 0
    assert out.read_bytes() == first
