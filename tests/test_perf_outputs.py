"""What the speed-ups of status, cadence and the report (issue 8) must not change.

Each fast path is checked against the plain computation it replaces, on the same inputs: the
decision/action links of ``protsoc status``, the ``ltr`` filter and the memoised Arabic dates of
the report. No timings here (they are in benchmarks/README.md).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import SHIPPED_REGISTRY

from protsoc.governance import status
from protsoc.registry.loaded import Registry


def _action(decisions: Any, state: str = "in-progress") -> Any:
    return SimpleNamespace(data={"decisions": decisions, "status": state})


def _old_citing(actions: list, refs: list[str]) -> list:
    return [a for a in actions if set((a.data or {}).get("decisions", [])) & set(refs)]


@pytest.mark.parametrize("odd", [False, True])
def test_status_links_answer_like_asking_every_action(odd: bool) -> None:
    actions = [
        _action(["c/2024-01-01/d1"], "done"),
        _action(["c/2024-01-01/d1", "c/2024-01-01/d2"], "dropped"),
        _action(["c/2024-01-01/d2", "c/2024-01-01/d2"], "in-progress"),  # cited twice
        _action(["c/2024-02-01/d1"], "done"),
        _action([], "done"),
        SimpleNamespace(data=None),
        _action(["x/2024-01-01/d1", 7], "done"),  # not all strings: asked the old way
    ]
    if odd:
        actions.append(
            _action("c/2024-03-01/d1", "done")
        )  # a string, not a list: substring semantics
    links = status._ActionLinks(actions)
    refs = [
        "c/2024-01-01/d1",
        "c/2024-01-01/d2",
        "c/2024-02-01/d1",
        "c/2024-03-01/d1",
        "c/2024-03-01/d",
        "x/2024-01-01/d1",
        "nothing",
    ]
    for ref in refs:
        assert links.closed(ref) == status._decision_closed(ref, actions), ref
    for chosen in ([], refs[:1], refs[1:3], refs, ["c", "/"]):
        assert links.citing(chosen) == _old_citing(actions, chosen), chosen


def test_status_of_the_shipped_registry_counts_open_items_as_before(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, root)
    registry = Registry.load(root)
    day = dt.date(2026, 11, 22)
    result = status.overview(registry, day)
    actions = registry.of_kind("action")
    for row in result.committees:
        meetings = registry.meetings_of(row.id, errata=False)
        decisions = [
            f"{m.id}/{d.get('id')}"
            for m in meetings
            for d in (m.data or {}).get("decisions", [])
            if isinstance(d, dict)
        ]
        assert row.open_decisions == sum(
            1 for ref in decisions if not status._decision_closed(ref, actions)
        )
        assert row.open_actions == sum(
            1
            for a in _old_citing(actions, decisions)
            if (a.data or {}).get("status") not in ("done", "dropped")
        )


def _ltr_before(value: Any) -> Any:
    """The ``ltr`` filter as it was before it was memoised (Markup ``%`` and ``join``)."""
    from markupsafe import Markup, escape

    from protsoc.documents.templating import ltr_runs, run_tag

    text = str(value)
    pieces: list[Any] = []
    position = 0
    for start, end in ltr_runs(text):
        pieces.append(escape(text[position:start]))
        pieces.append(Markup(run_tag(text[start:end]) + "%s</span>") % text[start:end])
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


LTR_SAMPLES = [
    "",
    "لجنة القيادة",
    "4 000 000",
    "في 26 نونبر 2024",
    "السجل الاجتماعي الموحد (RSU).",
    "(RSU)",
    "<script>alert('x')</script> & \"quotes\"",
    "a",
    "%",
    "AMO-Tadamon 2025 <b>",
    "x" * 400 + " نص " + "(y)" * 100,
    12,
    3.5,
    None,
    dt.date(2024, 11, 26),
]


@pytest.mark.parametrize("value", LTR_SAMPLES)
def test_ltr_gives_the_same_markup_as_before(value: Any) -> None:
    from markupsafe import Markup

    from protsoc.documents.templating import ltr

    for _ in range(2):  # computed, then from the memo
        result = ltr(value)
        assert isinstance(result, Markup)
        assert result == _ltr_before(value)


def test_ltr_on_any_text_gives_the_same_markup_as_before() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from protsoc.documents.templating import ltr

    alphabet = st.sampled_from(list("abcXYZ019 ()[]<>&\"'%.-،؛") + ["نونبر", "لجنة", "\u200f"])

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text: str) -> None:
        assert ltr(text) == _ltr_before(text)
        assert ltr(text) == _ltr_before(text)

    check()


def test_arabic_dates_are_the_babel_wording_also_when_memoised() -> None:
    from babel.dates import format_date

    from protsoc.documents import arabic

    day = dt.date(2024, 11, 26)
    for value in (day, "2024-11-26", dt.datetime(2024, 11, 26, 10, 30)):
        for _ in range(2):
            assert arabic.date_long(value) == "26 نونبر 2024"
            assert arabic.date_long(value, with_weekday=True) == "الثلاثاء 26 نونبر 2024"
            assert arabic.weekday(value) == "الثلاثاء"
            assert arabic.month_year(value) == "نونبر 2024"
    for offset in range(0, 800, 7):
        other = day + dt.timedelta(days=offset)
        assert arabic.date_long(other) == arabic._clean(
            format_date(other, "d MMMM y", locale="ar_MA")
        )
    with pytest.raises(ValueError):
        arabic.date_long("2025-02-30")
    with pytest.raises(TypeError):
        arabic.date_long(["2025-02-03"])


# ------------------------------------------------------------------ protsoc cadence's tables


def _description(title: str, columns: list, rows: list) -> Any:
    """A table of ``protsoc cadence`` (cli/cadence._detail_table): rows of (text, state) cells."""
    from protsoc.cli import cadence as cli_cadence
    from protsoc.cli.tables import Column, TableDescription

    return TableDescription(
        title=title,
        title_justify="left",
        columns=[Column(heading, justify=justify, no_wrap=True) for heading, justify in columns],
        rows=[
            [
                (text, None if state is None else cli_cadence._STATE_STYLE[state])
                for text, state in row
            ]
            for row in rows
        ],
    )


def _rich_table(title: str, columns: list, rows: list) -> Any:
    """The same table built for rich by hand, as cadence built it before it was described once."""
    from rich.markup import escape
    from rich.table import Table

    from protsoc.cli import cadence as cli_cadence

    table = Table(title=title, title_justify="left")
    for heading, justify in columns:
        table.add_column(heading, no_wrap=True, justify=justify)
    for row in rows:
        table.add_row(
            *(
                escape(text)
                if state is None
                else f"[{cli_cadence._STATE_STYLE[state]}]{escape(text)}[/]"
                for text, state in row
            )
        )
    return table


def _console(width: int, colours: str | None) -> Any:
    import io

    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        highlight=False,
        force_terminal=colours is not None,
        color_system=colours,
    )  # type: ignore[arg-type]


def _drawn(renderable: Any, width: int, colours: str | None) -> str:
    console = _console(width, colours)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


PERIODS = [("from", "left"), ("to", "left"), ("held meetings", "left"), ("state", "left")]
GAPS = [
    ("from", "left"),
    ("to", "left"),
    ("days", "right"),
    ("deadline", "left"),
    ("state", "left"),
]
TABLES = [
    (
        "steering: calendar periods",
        PERIODS,
        [
            [
                ("2018-04-03", None),
                ("2018-12-31", None),
                ("—", None),
                ("partial (partial period, not required)", "partial"),
            ],
            [
                ("2019-01-01", None),
                ("2019-12-31", None),
                ("steering/2019-03-01, steering/2019-03-01-2", None),
                ("met", "met"),
            ],
            [("2026-01-01", None), ("2026-12-31", None), ("—", None), ("due", "due")],
            [("2025-01-01", None), ("2025-12-31", None), ("—", None), ("breach", "breach")],
        ],
    ),
    (
        "wg-rabat-04: gaps between held meetings",
        GAPS,
        [
            [
                ("2020-02-05 (rule start)", None),
                ("wg-rabat-04/2020-02-18", None),
                ("13", None),
                ("2020-08-05", None),
                ("met", "met"),
            ],
            [
                ("wg-rabat-04/2020-02-18", None),
                ("wg-rabat-04/2021-02-18", None),
                ("366", None),
                ("2020-08-18", None),
                ("breach", "breach"),
            ],
            [
                ("wg-rabat-04/2021-02-18", None),
                ("2026-11-22 (as of, open)", None),
                ("2103", None),
                ("2021-08-18", None),
                ("breach", "breach"),
            ],
        ],
    ),
    ("x: gaps between held meetings", GAPS, []),  # no rows
    (
        "a-committee-with-a-long-name-indeed: gaps between held meetings",
        GAPS,
        [  # title wider than the table
            [("a", None), ("b", None), ("1", None), ("c", None), ("due", "due")]
        ],
    ),
]


@pytest.mark.parametrize("colours", [None, "standard", "256", "truecolor"])
@pytest.mark.parametrize("width", [132, 80, 60, 40])
@pytest.mark.parametrize("table", TABLES, ids=lambda t: t[0][:20])
def test_cadence_tables_drawn_directly_are_what_rich_draws(
    table: tuple, width: int, colours: str | None
) -> None:
    from protsoc.cli.tables import direct_drawing, rich_table

    title, columns, rows = table
    description = _description(title, columns, rows)
    drawn = direct_drawing(_console(width, colours), description)
    expected = _drawn(_rich_table(title, columns, rows), width, colours)
    assert _drawn(rich_table(description), width, colours) == expected
    if width == 132 and table in TABLES[:3]:
        assert drawn is not None, "a table that fits is drawn directly"
    if drawn is None:  # left to rich: only when the table does not fit or its title is wider
        natural = len(_drawn(_rich_table(title, columns, rows), 1000, None).splitlines()[-1])
        assert natural > width or len(title) > natural
        return
    assert "…" in expected or width >= len(expected.splitlines()[-1])
    assert "\n" + title.ljust(len(expected.splitlines()[-1])) in "\n" + _drawn(drawn, width, None)
    assert _drawn(drawn, width, colours) == expected
    if colours is None:
        assert "\x1b" not in expected


def test_cadence_tables_on_every_console_width_are_what_rich_draws() -> None:
    """Narrower consoles make rich shorten the columns evenly and end texts with «…»; where the
    columns would get narrower than 4, rich is left to draw."""
    from protsoc.cli.tables import direct_drawing

    drawn_directly = 0
    for title, columns, rows in TABLES:
        description = _description(title, columns, rows)
        for width in range(12, 161):
            for colours in (None, "truecolor"):
                drawn = direct_drawing(_console(width, colours), description)
                if drawn is not None:
                    drawn_directly += 1
                    assert _drawn(drawn, width, colours) == _drawn(
                        _rich_table(title, columns, rows), width, colours
                    ), (title, width, colours)
    assert drawn_directly > 300
    assert direct_drawing(_console(80, None), _description(*TABLES[1])) is not None, (
        "an 80-column terminal is drawn directly"
    )


@pytest.mark.parametrize(
    "text", ["[red]x[/]", "a:smile:b", ":+1:", " lead", "trail ", "تاريخ", "tab\tx", "", "a\\[b"]
)
def test_cadence_tables_with_any_text_are_what_rich_draws(text: str) -> None:
    """Texts rich might show otherwise (markup-like, emoji codes, spaces it strips, tabs) are left
    to rich; the others are drawn directly, identically."""
    from protsoc.cli.tables import direct_drawing

    row = [("2020-01-01", None), (text, None), ("1", None), ("2020-02-02", None), ("met", "met")]
    title = "x: gaps between held meetings"
    drawn = direct_drawing(_console(132, None), _description(title, GAPS, [row]))
    if text in ("[red]x[/]", "a:smile:b", ":+1:", "trail ", "tab\tx", "a\\[b"):
        assert drawn is None
    if drawn is not None:
        assert _drawn(drawn, 132, None) == _drawn(_rich_table(title, GAPS, [row]), 132, None)


def _generated_registry(tmp_path: Path) -> Path:
    import importlib.util

    from conftest import REPO_ROOT

    spec = importlib.util.spec_from_file_location(
        "protsoc_bench_generate", REPO_ROOT / "benchmarks" / "generate.py"
    )
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    root = tmp_path / "generated"
    generate.write(generate.Generator(meetings=150, seed=5, committees=8).run(), root)
    return root


@pytest.mark.parametrize("which", ["shipped", "generated"])
def test_protsoc_cadence_prints_what_rich_alone_printed(
    which: str,
    tmp_path: Path,
    run,
    run_process,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from protsoc.cli import tables

    if which == "shipped":
        root = tmp_path / "registry"
        shutil.copytree(SHIPPED_REGISTRY, root)
    else:
        root = _generated_registry(tmp_path)
    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path / "cache"))
    args = ["protsoc", "cadence", "--registry", str(root), "--as-of", "2026-11-22"]
    fast = run(args)
    real = run_process(args)
    assert "gaps between held meetings" in fast.stdout
    monkeypatch.setattr(tables, "direct_drawing", lambda *args: None)  # rich draws every table
    slow = run(args)
    assert (fast.exit_code, fast.stdout) == (slow.exit_code, slow.stdout)
    assert (real.exit_code, real.stdout) == (slow.exit_code, slow.stdout)


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["status", "--format", "json"],
        ["cadence"],
        ["report", "--format", "md"],
        ["cadence", "--committee", "nobody"],
    ],
)
def test_read_only_commands_hand_the_collector_back(
    command: list[str],
    tmp_path: Path,
    run,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """status, cadence and report pause Python's cycle collector while loading and keep the
    records out of its scans while they run; afterwards (also after an error) it is as before."""
    import gc

    root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, root)
    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path / "cache"))
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    outcome = run(["protsoc", *command, "--registry", str(root), "--as-of", "2026-11-22"])
    assert outcome.exit_code in (0, 1, 2) and "Traceback" not in outcome.output
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen == 0
