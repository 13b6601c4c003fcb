"""protsoc programmes, protsoc finance"""

from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from protsoc.cli.options import (
    LangOption,
    RegistryOption,
    TextOrJsonOption,
    check_format,
    parse_date,
)

AsOfOption = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        help=(
            "Date of the figures: budgets adopted and events dated on or before it (default: "
            "today in Morocco)."
        ),
        show_default=False,
    ),
]

_NO_MONEY = (
    "no budget and no ledger event is recorded: the sources give no figure, so none is shown "
    "(zeros would claim that nothing was spent)"
)


def programmes(
    as_of: AsOfOption = None,
    output_format: TextOrJsonOption = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """The circular has the Technical Committee follow the programmes technically and financially
    (ثانيا - I); `protsoc finance` gives the figures in full.
    """
    import dataclasses

    from protsoc.cli.output import stdout
    from protsoc.governance.programme import programmes as rows_of
    from protsoc.kernel import dates
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    check_format(output_format, ("text", "json"))
    day = parse_date(as_of, "--as-of") or dates.today()
    rows = rows_of(Registry.load(find_registry(registry)), day)  # type: ignore[arg-type]
    if output_format == "json":
        payload = {"as_of": day.isoformat(), "programmes": [dataclasses.asdict(r) for r in rows]}  # type: ignore[union-attr]
        from protsoc.kernel.json_output import document as json_document

        typer.echo(json_document(payload))
        return
    _print_programmes(stdout(), rows)


def _print_programmes(console, rows) -> None:  # type: ignore[no-untyped-def]
    from rich import box
    from rich.table import Table

    from protsoc.cli.output import printable
    from protsoc.kernel.i18n import _
    from protsoc.governance import finance

    if not rows:
        console.print(_("no programmes recorded (record one with `protsoc add programme`)"))
        return
    table = Table(title="programmes", box=box.SIMPLE_HEAD)
    for heading in ("programme", "managed by", "start", "axis", "linked records", "execution"):
        table.add_column(heading, no_wrap=heading in ("programme", "managed by", "axis"))
    for row in rows:
        money = row.finance
        linked = ", ".join(
            f"{len(ids)} {label if len(ids) != 1 else label[:-1]}"
            for ids, label in (
                (row.indicators, "indicators"),
                (row.actions, "actions"),
                (row.evaluations, "evaluations"),
            )
            if ids
        )
        execution = (
            f"committed {_rate(money, 'commitment_rate')}, paid {_rate(money, 'payment_rate')}"
            if money
            else "no figure"
        )
        table.add_row(
            row.id,
            "\n".join(b["id"] for b in row.managing_bodies) or "—",
            row.start or "—",
            row.axis or "—",
            linked or "—",
            execution,
        )
    console.print(table)
    console.print()
    # Arabic stays out of table cells: terminals without bidi support scramble it there.
    for row in rows:
        console.print(f"[bold]{printable(row.id)}[/]: {printable(row.name)}")
        for body in row.managing_bodies:
            console.print(f"  managed by {printable(body['id'])}: {printable(body['name'])}")
        if row.finance:
            console.print(
                f"  revised budget {finance.format_mad(_decimal(row.finance['revised_budget']))} "
                f"MAD, committed {finance.format_mad(_decimal(row.finance['committed']))} MAD, "
                f"paid {finance.format_mad(_decimal(row.finance['paid']))} MAD"
            )
        console.print(f"  sources: {printable(', '.join(row.sources))}")
    if not any(row.finance for row in rows):
        console.print()
        console.print(_NO_MONEY)


def finance(
    as_of: AsOfOption = None,
    programme: Annotated[
        Optional[str], typer.Option("--programme", help="Only this programme and its actions.")
    ] = None,
    axis: Annotated[Optional[str], typer.Option("--axis", help="Only this roadmap axis.")] = None,
    owner: Annotated[
        Optional[str], typer.Option("--owner", help="Only what this post (committee/member) owns.")
    ] = None,
    by: Annotated[str, typer.Option("--by", help="year or quarter.")] = "year",
    output_format: Annotated[str, typer.Option("--format", help="text, json or csv.")] = "text",
    fail_on: Annotated[
        Optional[List[str]],
        typer.Option(
            "--fail-on",
            help=(
                "Exit 1 when a programme or action with a budget has no ledger event in the last "
                "closed quarter (no-report)."
            ),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Per programme (with its actions), action, axis and owner, by source of funds and by fiscal
    year or quarter, in MAD. Commitment rate «نسبة الالتزام» = net commitments / revised budget;
    payment rate «نسبة الأداء» = payments / net commitments; execution rate = payments / revised
    budget, set against an action's physical progress (the gap, in points).
    """
    import csv
    import io

    from protsoc.cli.output import stdout
    from protsoc.governance.programme import finance_report
    from protsoc.kernel import dates
    from protsoc.kernel.errors import UsageError
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    check_format(output_format, ("text", "json", "csv"))
    if by not in ("year", "quarter"):
        raise UsageError(f"unknown --by {by!r}", "use year or quarter")
    for condition in fail_on or []:
        if condition != "no-report":
            raise UsageError(f"unknown --fail-on {condition!r}", "use no-report")
    day = parse_date(as_of, "--as-of") or dates.today()
    loaded = Registry.load(find_registry(registry))
    if programme is not None and programme not in loaded.by_id("programme"):
        known = ", ".join(sorted(loaded.by_id("programme"))) or "none recorded"
        raise UsageError(f"no programme {programme!r}", f"programmes: {known}")
    report = finance_report(loaded, day, programme, axis, owner, by)  # type: ignore[arg-type]
    if output_format == "json":
        from protsoc.kernel.json_output import document as json_document

        typer.echo(json_document(report.as_json()))
    elif output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        columns = [
            "group",
            "id",
            "original_budget",
            "revised_budget",
            "committed",
            "paid",
            "spent",
            "commitment_rate",
            "payment_rate",
            "execution_rate",
            "physical_progress",
            "gap_points",
        ]
        writer.writerow(columns)
        for row in report.rows:
            values = row.as_json()
            writer.writerow(["" if values[c] is None else values[c] for c in columns])
        typer.echo(buffer.getvalue(), nl=False)
    else:
        _print_finance(stdout(), report)
    failing = "no-report" in (fail_on or []) and report.not_reported
    raise typer.Exit(1 if failing else 0)


def _print_finance(console, report) -> None:  # type: ignore[no-untyped-def]
    from rich import box
    from rich.table import Table

    from protsoc.cli.output import printable
    from protsoc.governance import finance
    from protsoc.kernel.i18n import _

    console.print(_("financial follow-up as of {date} (amounts in MAD)").format(date=report.as_of))
    if not report.recorded:
        console.print(_NO_MONEY)
        return
    if not report.rows:
        console.print(_("nothing recorded for this selection"))
        return
    table = Table(box=box.SIMPLE_HEAD)
    for heading in (
        "",
        "id",
        "revised budget",
        "committed",
        "paid",
        "spent",
        "commitment rate",
        "payment rate",
        "execution rate",
        "progress",
        "gap",
    ):
        table.add_column(
            heading, justify="left" if heading in ("", "id") else "right", no_wrap=heading == "id"
        )
    for row in report.rows:
        figures = row.figures
        gap = row.gap
        table.add_row(
            row.group,
            row.id,
            finance.format_mad(figures.budget) if figures.has_budget else "no budget",
            finance.format_mad(figures.committed),
            finance.format_mad(figures.paid),
            finance.format_mad(figures.spent),
            finance.format_rate(figures.commitment_rate),
            finance.format_rate(figures.payment_rate),
            finance.format_rate(figures.execution_rate),
            "—" if row.physical_progress is None else f"{row.physical_progress} %",
            "—" if gap is None else f"{gap.quantize(finance.Decimal('0.1')):+} pts",
        )
    console.print(table)
    for row in report.rows:
        if row.group != "programme" and row.group != "action":
            continue
        console.print(f"[bold]{row.group} {printable(row.id)}[/]")
        for source, figures in sorted(row.by_source.items()):
            console.print(
                f"  {printable(source)}: budget "
                f"{finance.format_mad(figures.budget) if figures.has_budget else '—'}, committed "
                f"{finance.format_mad(figures.committed)}, paid {finance.format_mad(figures.paid)}"
            )
        for period in row.by_period:
            if report.by == "quarter":
                console.print(
                    f"  {period['quarter']}: planned {finance.format_mad(period['planned'])}, "
                    f"committed {finance.format_mad(period['committed'])}, paid "
                    f"{finance.format_mad(period['paid'])}"
                )
            else:
                budget = period["revised_budget"]
                console.print(
                    f"  {period['year']}: budget "
                    f"{finance.format_mad(_decimal(budget)) if budget else '—'}, committed "
                    f"{finance.format_mad(_decimal(period['committed']))}, paid "
                    f"{finance.format_mad(_decimal(period['paid']))}"
                )
    if report.not_reported:
        console.print(
            "[red]" + _("not reported for {period}").format(period=report.report_period) + "[/]:"
        )
        for entry in report.not_reported:
            console.print(
                f"  {entry['kind']} {printable(entry['id'])} (owner "
                f"{printable(entry['owner'] or '—')})"
            )
    else:
        console.print(
            _("every programme and action with a budget reported for {period}").format(
                period=report.report_period
            )
        )


def _decimal(text):  # type: ignore[no-untyped-def]
    from decimal import Decimal

    return None if text is None else Decimal(text)


def _rate(money, key) -> str:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from protsoc.governance import finance

    value = money.get(key)
    return finance.format_rate(None if value is None else Decimal(value))
