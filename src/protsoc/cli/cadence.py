"""protsoc cadence"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.options import (
    LangOption,
    CommitteesOption,
    RegistryOption,
    TextOrJsonOption,
    check_format,
    parse_date,
)

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
            help=(
                "Judge on this date, YYYY-MM-DD (default: today in Morocco, Africa/Casablanca). "
                "Meetings after it are not counted."
            ),
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            help=(
                "Evaluate from this date instead of each rule's start (never before a committee's "
                "creation or a rule's own start)."
            ),
            show_default=False,
        ),
    ] = None,
    committee: CommitteesOption = None,
    due_soon_days: Annotated[
        int,
        typer.Option(
            "--due-soon-days",
            help=(
                "A committee without breach is 'due soon' when its next meeting is due within "
                "this many days."
            ),
        ),
    ] = 30,
    output_format: TextOrJsonOption = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Only held meetings count (extraordinary ones too). calendar rules need N meetings in every
    calendar period (a period cut by the rule's start is not required); rolling rules allow no gap
    longer than the period. A period still running on the as-of date is due, not a breach; a late
    meeting does not erase an earlier breach. Rules start at the committee's creation, never before
    the registry's tracking_start. Status: breach (any period or gap breached), due soon (no breach,
    next meeting due within --due-soon-days days, 30 by default), compliant, or no rule.

    Exit 0 when no committee is in breach, 1 when one is, 2 on usage errors.
    """
    from protsoc.cli.loading import loaded_registry
    from protsoc.cli.output import stdout
    from protsoc.governance.cadence import evaluate, to_json
    from protsoc.kernel import dates
    from protsoc.kernel.json_output import document as json_document
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
    from protsoc.cli.output import printable
    from protsoc.cli.tables import print_table

    # Arabic stays out of table cells (rich has no bidi; see shared research, "Terminal output"):
    # tables hold ids, dates and states; the Arabic wording follows as plain lines.
    since = f", evaluated since {report.since}" if report.since else ""
    console.print(
        f"[bold]Meeting cadence as of {report.as_of}[/]{since} "
        f"(due soon = next meeting due within {report.due_soon_days} days)"
    )
    print_table(console, _summary_table(report))
    for c in report.committees:
        console.print()
        console.print(f"[bold]{printable(c.id)}[/] — {_status(c.status)}")
        console.print(f"  rule: {printable(c.words['en'])}")
        console.print(f"  القاعدة: {printable(c.words['ar'])}")
        source = c.source or {}
        cited = " ".join(str(source[k]) for k in ("document", "section") if source.get(k))
        if c.rule is None:
            if cited:
                console.print(f"  source: {printable(cited)}")
            continue
        console.print(
            f"  judged from {c.start}" + (f"; source: {printable(cited)}" if cited else "")
        )
        if c.dissolved:
            console.print(f"  dissolved on {c.dissolved}")
        console.print(
            f"  last held: {printable(c.last_held.id) if c.last_held else 'none recorded'}; "
            f"next due: {c.next_due or '—'} ({_days(c)})"
        )
        # At 10,000 meetings these tables hold about 10,000 rows (cli/tables.py draws them).
        print_table(console, _detail_table(c))
        for b in c.breaches:
            console.print(f"  [red]breach[/]: {_breach_words(b)}")


def _summary_table(report):  # type: ignore[no-untyped-def]
    from protsoc.cli.tables import Column, TableDescription

    headings = ("committee", "rule", "status", "last held", "next due", "days")
    return TableDescription(
        columns=[Column(heading, no_wrap=heading != "rule") for heading in headings],
        rows=[
            [
                (c.id, None),
                (c.words["en"], None),
                (_STATUS_WORDS.get(c.status, c.status), _STATUS_STYLE.get(c.status)),
                (c.last_held.id if c.last_held else "none", None),
                (str(c.next_due or "—"), None),
                (_days(c), None),
            ]
            for c in report.committees
        ],
    )


def _detail_table(c):  # type: ignore[no-untyped-def]
    """A committee's calendar periods or gaps between held meetings."""
    from protsoc.cli.tables import Column, TableDescription

    if c.periods is not None:
        return TableDescription(
            title=f"{c.id}: calendar periods",
            title_justify="left",
            columns=[
                Column(heading, no_wrap=True)
                for heading in ("from", "to", "held meetings", "state")
            ],
            rows=[
                [
                    (str(p.start), None),
                    (str(p.end), None),
                    (", ".join(p.meeting_ids) or "—", None),
                    (
                        p.state
                        + (" (partial period, not required)" if p.state == "partial" else ""),
                        _STATE_STYLE.get(p.state),
                    ),
                ]
                for p in c.periods
            ],
        )
    return TableDescription(
        title=f"{c.id}: gaps between held meetings",
        title_justify="left",
        columns=[
            Column(heading, justify="right" if heading == "days" else "left", no_wrap=True)
            for heading in ("from", "to", "days", "deadline", "state")
        ],
        rows=[
            [
                (g.from_meeting if g.from_meeting else f"{g.start} (rule start)", None),
                (g.to_meeting if g.to_meeting else f"{g.end} (as of, open)", None),
                (str(g.days), None),
                (str(g.deadline), None),
                (g.state, _STATE_STYLE.get(g.state)),
            ]
            for g in c.gaps or []
        ],
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
