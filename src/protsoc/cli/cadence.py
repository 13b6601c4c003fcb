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

    from protsoc.kernel.i18n import _, language, ngettext

    # Arabic stays out of table cells (rich has no bidi; see shared research, "Terminal output"):
    # tables hold ids, dates and states; the wording in the clerk's language follows as plain
    # lines.
    since = _(", evaluated since {date}").format(date=report.since) if report.since else ""
    window = ngettext(
        "due soon = next meeting due within {count} day",
        "due soon = next meeting due within {count} days",
        report.due_soon_days,
    ).format(count=report.due_soon_days)
    console.print(
        "[bold]"
        + _("Meeting cadence as of {date}").format(date=report.as_of)
        + f"[/]{since} ({window})"
    )
    print_table(console, _summary_table(report))
    # (gettext's extractor cannot see a call inside an f-string: the labels are named first)
    rule_label, source_label, breach_label = _("rule:"), _("source:"), _("breach")
    for c in report.committees:
        console.print()
        console.print(f"[bold]{printable(c.id)}[/] — {_status(c.status)}")
        if language() != "ar":  # in Arabic, the Arabic wording below says it all
            console.print(f"  {rule_label} {printable(c.words['en'])}")
        console.print(f"  القاعدة: {printable(c.words['ar'])}")
        source = c.source or {}
        cited = " ".join(str(source[k]) for k in ("document", "section") if source.get(k))
        if c.rule is None:
            if cited:
                console.print(f"  {source_label} {printable(cited)}")
            continue
        judged = _("judged from {date}").format(date=c.start)
        if cited:
            judged = _("{judged}; source: {source}").format(judged=judged, source=printable(cited))
        console.print("  " + judged)
        if c.dissolved:
            console.print("  " + _("dissolved on {date}").format(date=c.dissolved))
        console.print(
            "  "
            + _("last held: {meeting}; next due: {date} ({days})").format(
                meeting=printable(c.last_held.id) if c.last_held else _("none recorded"),
                date=c.next_due or "—",
                days=_days(c, translated=True),
            )
        )
        # At 10,000 meetings these tables hold about 10,000 rows (cli/tables.py draws them).
        print_table(console, _detail_table(c))
        for b in c.breaches:
            console.print(f"  [red]{breach_label}[/]: {_breach_words(b)}")


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
    from protsoc.kernel.i18n import _, ngettext

    if b.kind == "period":
        return ngettext(
            "period {start} to {end}: {held} of {required} required held meeting",
            "period {start} to {end}: {held} of {required} required held meetings",
            b.required,
        ).format(start=b.start, end=b.end, held=b.held, required=b.required)
    late = ngettext("{count} day late", "{count} days late", b.days_late).format(count=b.days_late)
    if b.ongoing:
        return _(
            "no held meeting since {start}: due by {deadline}, {late} on {end} (still open)"
        ).format(start=b.start, deadline=b.deadline, late=late, end=b.end)
    return _("gap {start} to {end}: due by {deadline}, held {late}").format(
        start=b.start, end=b.end, deadline=b.deadline, late=late
    )


def _english(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def _days(c, translated: bool = False) -> str:  # type: ignore[no-untyped-def]
    """Days late or left: in English in the table's cells (no Arabic in a table, see
    _print_text); in the clerk's language on a plain line."""
    from protsoc.kernel import i18n

    ngettext = i18n.ngettext if translated else _english
    gettext = i18n._ if translated else str
    if c.days_late is not None:
        return ngettext("{count} day late", "{count} days late", c.days_late).format(
            count=c.days_late
        )
    if c.days_left is not None:
        if c.days_left == 0:
            return gettext("due today")
        return ngettext("{count} day left", "{count} days left", c.days_left).format(
            count=c.days_left
        )
    return "—"


def _status(status: str) -> str:
    return f"[{_STATUS_STYLE.get(status, '')}]{_STATUS_WORDS.get(status, status)}[/]"
