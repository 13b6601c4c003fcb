"""protsoc cadence"""

from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from protsoc.cli.options import RegistryOption, check_format, parse_date

_STATUS_WORDS = {
    "compliant": "compliant",
    "due-soon": "due soon",
    "breach": "breach",
    "no-rule": "no rule",
}
_STATUS_STYLE = {"compliant": "green", "due-soon": "yellow", "breach": "bold red", "no-rule": "dim"}
_STATE_STYLE = {"met": "green", "due": "yellow", "partial": "dim", "breach": "bold red"}


def cadence(
    as_of: Annotated[
        Optional[str],
        typer.Option(
            "--as-of",
            help="Judge on this date, YYYY-MM-DD (default: today in Morocco, Africa/Casablanca). Meetings after it are not counted.",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            help="Evaluate from this date instead of each rule's start (never before a committee's creation or a rule's own start).",
            show_default=False,
        ),
    ] = None,
    committee: Annotated[
        Optional[List[str]],
        typer.Option(
            "--committee", help="Only this committee id (repeatable).", show_default=False
        ),
    ] = None,
    due_soon_days: Annotated[
        int,
        typer.Option(
            "--due-soon-days",
            help="A committee without breach is 'due soon' when its next meeting is due within this many days.",
        ),
    ] = 30,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    registry: RegistryOption = None,
) -> None:
    """Meeting-cadence compliance: who is compliant, due soon or in breach, and when each next meeting is due.

    Only held meetings count (extraordinary ones too). calendar rules need N meetings in every
    calendar period (a period cut by the rule's start is not required); rolling rules allow no gap
    longer than the period. A period still running on the as-of date is due, not a breach; a late
    meeting does not erase an earlier breach. Rules start at the committee's creation, never before
    the registry's tracking_start. Status: breach (any period or gap breached), due soon (no breach,
    next meeting due within --due-soon-days days, 30 by default), compliant, or no rule.

    Exit 0 when no committee is in breach, 1 when one is, 2 on usage errors.
    """
    from protsoc.kernel.json_output import document as json_document

    from protsoc.cli.loading import loaded_registry
    from protsoc.cli.output import stdout
    from protsoc.governance.cadence import evaluate, to_json
    from protsoc.kernel import dates
    from protsoc.registry.layout import find_registry

    check_format(output_format, ("text", "json"))
    day = parse_date(as_of, "--as-of") or dates.today()
    start = parse_date(since, "--since")
    with loaded_registry(find_registry(registry)) as loaded:
        report = evaluate(loaded, day, start, committee, due_soon_days)  # type: ignore[arg-type]
        if output_format == "json":
            typer.echo(json_document(to_json(report)))
        else:
            _print_text(stdout(), report)
    raise typer.Exit(1 if report.in_breach else 0)


def _print_text(console, report) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    # Arabic stays out of table cells (rich has no bidi; see shared research, "Terminal output"):
    # tables hold ids, dates and states; the Arabic wording follows as plain lines.
    since = f", evaluated since {report.since}" if report.since else ""
    console.print(
        f"[bold]Meeting cadence as of {report.as_of}[/]{since} "
        f"(due soon = next meeting due within {report.due_soon_days} days)"
    )
    summary = Table(show_lines=False)
    for heading in ("committee", "rule", "status", "last held", "next due", "days"):
        summary.add_column(heading, no_wrap=heading != "rule")
    for c in report.committees:
        summary.add_row(
            escape(c.id),
            escape(c.words["en"]),
            _status(c.status),
            escape(c.last_held.id) if c.last_held else "none",
            str(c.next_due or "—"),
            _days(c),
        )
    console.print(summary)
    for c in report.committees:
        console.print()
        console.print(f"[bold]{escape(c.id)}[/] — {_status(c.status)}")
        console.print(f"  rule: {escape(c.words['en'])}")
        console.print(f"  القاعدة: {escape(c.words['ar'])}")
        source = c.source or {}
        cited = " ".join(str(source[k]) for k in ("document", "section") if source.get(k))
        if c.rule is None:
            if cited:
                console.print(f"  source: {escape(cited)}")
            continue
        console.print(f"  judged from {c.start}" + (f"; source: {escape(cited)}" if cited else ""))
        if c.dissolved:
            console.print(f"  dissolved on {c.dissolved}")
        console.print(
            f"  last held: {escape(c.last_held.id) if c.last_held else 'none recorded'}; "
            f"next due: {c.next_due or '—'} ({_days(c)})"
        )
        _print_detail(console, c)
        for b in c.breaches:
            console.print(f"  [red]breach[/]: {_breach_words(b)}")


def _detail_table(c):  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    if c.periods is not None:
        table = Table(title=f"{c.id}: calendar periods", title_justify="left")
        for heading in ("from", "to", "held meetings", "state"):
            table.add_column(heading, no_wrap=True)
        for p in c.periods:
            state = p.state + (" (partial period, not required)" if p.state == "partial" else "")
            table.add_row(
                str(p.start),
                str(p.end),
                escape(", ".join(p.meeting_ids) or "—"),
                _styled(p.state, state),
            )
        return table
    table = Table(title=f"{c.id}: gaps between held meetings", title_justify="left")
    for heading in ("from", "to", "days", "deadline", "state"):
        table.add_column(heading, no_wrap=True, justify="right" if heading == "days" else "left")
    for g in c.gaps or []:
        start = escape(g.from_meeting) if g.from_meeting else f"{g.start} (rule start)"
        end = escape(g.to_meeting) if g.to_meeting else f"{g.end} (as of, open)"
        table.add_row(start, end, str(g.days), str(g.deadline), _styled(g.state, g.state))
    return table


def _print_detail(console, c) -> None:  # type: ignore[no-untyped-def]
    """A committee's periods or gaps table: drawn directly when that gives exactly what rich
    draws (``_plain_table``), else by rich. At 10,000 meetings the tables hold about 10,000 rows,
    which rich lays out cell by cell in about 3 s; drawn directly they take a few milliseconds."""
    if c.periods is not None:
        title = f"{c.id}: calendar periods"
        columns = [("from", "left"), ("to", "left"), ("held meetings", "left"), ("state", "left")]
        rows = [
            [
                (str(p.start), None),
                (str(p.end), None),
                (", ".join(p.meeting_ids) or "—", None),
                (
                    p.state + (" (partial period, not required)" if p.state == "partial" else ""),
                    p.state,
                ),
            ]
            for p in c.periods
        ]
    else:
        title = f"{c.id}: gaps between held meetings"
        columns = [
            ("from", "left"),
            ("to", "left"),
            ("days", "right"),
            ("deadline", "left"),
            ("state", "left"),
        ]
        rows = [
            [
                (g.from_meeting if g.from_meeting else f"{g.start} (rule start)", None),
                (g.to_meeting if g.to_meeting else f"{g.end} (as of, open)", None),
                (str(g.days), None),
                (str(g.deadline), None),
                (g.state, g.state),
            ]
            for g in c.gaps or []
        ]
    drawn = _plain_table(console, title, columns, rows)
    if drawn is None:
        console.print(_detail_table(c))
    else:
        console.print(drawn)


def _plain_table(
    console,
    title: str,
    columns: list[tuple[str, str]],  # type: ignore[no-untyped-def]
    rows: list[list[tuple[str, str | None]]],
):
    """The segments rich's ``Table(title=title, title_justify="left")`` with ``no_wrap`` columns
    draws (cli/tables.plain_table), or None when rich might draw anything else. Each row is a
    list of (text, state) cells; a cell with a state gets that state's style.

    Tested against rich's own drawing, with and without colours (tests/test_perf_outputs.py)."""
    from protsoc.cli.tables import PLAIN_TEXT, plain_table

    cells: list[list[tuple[str, str | None]]] = []
    for row in rows:
        cells.append(line := [])
        for text, state in row:
            if not PLAIN_TEXT.match(text) or (state is not None and state not in _STATE_STYLE):
                return None
            line.append((text, None if state is None else _STATE_STYLE[state]))
    return plain_table(
        console,
        [(heading, justify, True) for heading, justify in columns],
        cells,
        title=title,
        title_justify="left",
    )


def _breach_words(b) -> str:  # type: ignore[no-untyped-def]
    if b.kind == "period":
        return f"period {b.start} to {b.end}: {b.held} of {b.required} required held meeting(s)"
    if b.ongoing:
        return (
            f"no held meeting since {b.start}: due by {b.deadline}, "
            f"{b.days_late} days late on {b.end} (still open)"
        )
    return f"gap {b.start} to {b.end}: due by {b.deadline}, held {b.days_late} days late"


def _days(c) -> str:  # type: ignore[no-untyped-def]
    if c.days_late is not None:
        return f"{c.days_late} days late"
    if c.days_left is not None:
        return "due today" if c.days_left == 0 else f"{c.days_left} days left"
    return "—"


def _status(status: str) -> str:
    return f"[{_STATUS_STYLE.get(status, '')}]{_STATUS_WORDS.get(status, status)}[/]"


def _styled(state: str, text: str) -> str:
    return f"[{_STATE_STYLE.get(state, '')}]{text}[/]"
