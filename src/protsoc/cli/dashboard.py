"""protsoc dashboard"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.options import LangOption, RegistryOption, check_format, parse_date

FORMATS = ("text", "json", "csv")
CSV_COLUMNS = (
    "id",
    "axis",
    "owner",
    "measure",
    "unit",
    "direction",
    "frequency",
    "latest_date",
    "latest_qualifier",
    "latest_value",
    "latest_as_reported",
    "previous_date",
    "previous_qualifier",
    "previous_value",
    "change",
    "change_approximate",
    "trend",
    "target_value",
    "target_date",
    "distance_to_target",
    "target_met",
    "freshness",
    "next_update_due",
    "age_days",
    "observations",
    "name_ar",
    "name_en",
    "source",
)


def dashboard(
    as_of: Annotated[
        Optional[str],
        typer.Option(
            "--as-of",
            help=(
                "Date of the dashboard: later values are ignored, freshness is judged on it "
                "(default: today in Morocco)."
            ),
            show_default=False,
        ),
    ] = None,
    axis: Annotated[
        Optional[str],
        typer.Option(
            "--axis", help="Only the indicators of this roadmap axis (its id).", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", help="text (table with sparklines), json or csv (for spreadsheets)."
        ),
    ] = "text",
    fail_on_stale: Annotated[
        bool, typer.Option("--fail-on-stale", help="Exit 1 when an indicator is stale (for CI).")
    ] = False,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Values keep the source's qualifier (≈ about, > more than). An indicator without a target says
    so; one without an update frequency cannot be judged stale. Exit 0, or 1 with --fail-on-stale
    when an indicator's latest value is older than its frequency allows.
    """
    import dataclasses

    from protsoc.cli.output import stdout
    from protsoc.governance import indicator
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    check_format(output_format, FORMATS)
    loaded = Registry.load(find_registry(registry))
    listed = loaded.roadmap.get("axes")
    axes = [a.get("id") for a in listed if isinstance(a, dict)] if isinstance(listed, list) else []
    if axis is not None and axis not in axes:
        raise UsageError(
            f"no roadmap axis `{axis}`", f"use one of: {', '.join(map(str, axes)) or 'none'}"
        )
    result = indicator.dashboard(loaded, parse_date(as_of, "--as-of"), axis)  # type: ignore[arg-type]
    if output_format == "json":
        from protsoc.governance.programme import finance_summary
        from protsoc.kernel import dates

        rows = [{**dataclasses.asdict(r), "sparkline": r.sparkline} for r in result.rows]
        money = finance_summary(loaded, parse_date(as_of, "--as-of") or dates.today(), axis)  # type: ignore[arg-type]
        typer.echo(
            json_document(
                {
                    "as_of": result.as_of,
                    "counts": result.counts(),
                    "indicators": rows,
                    "finance": money,
                }
            )
        )
    elif output_format == "csv":
        typer.echo(_csv(result), nl=False)
    else:
        _print_text(stdout(), result)
    if fail_on_stale and result.counts()["stale"]:
        raise typer.Exit(1)


def _csv(result) -> str:  # type: ignore[no-untyped-def]
    import csv
    import io

    from protsoc.kernel.safe_text import csv_cell

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in result.rows:
        latest, previous, target = row.latest, row.previous, row.target or {}
        cells = {
            "id": row.id,
            "axis": row.axis or "",
            "owner": row.owner or "",
            "measure": row.measure,
            "unit": row.unit,
            "direction": row.direction or "",
            "frequency": row.frequency or "",
            "latest_date": latest.date if latest else "",
            "latest_qualifier": (latest.qualifier or "") if latest else "",
            "latest_value": _plain(latest.value) if latest else "",
            "latest_as_reported": (latest.as_reported or "") if latest else "",
            "previous_date": previous.date if previous else "",
            "previous_qualifier": (previous.qualifier or "") if previous else "",
            "previous_value": _plain(previous.value) if previous else "",
            "change": _plain(row.change),
            "change_approximate": _bool(row.change_approximate if row.change is not None else None),
            "trend": row.trend or "",
            "target_value": _plain(target.get("value")),
            "target_date": target.get("date", ""),
            "distance_to_target": _plain(row.distance_to_target),
            "target_met": _bool(row.target_met),
            "freshness": row.freshness,
            "next_update_due": row.next_update_due or "",
            "age_days": "" if row.age_days is None else row.age_days,
            "observations": len(row.series),
            "name_ar": row.name,
            "name_en": row.name_en or "",
            "source": (latest.source or "") if latest else "",
        }
        # Record text a spreadsheet would run as a formula gets an apostrophe; the numbers
        # protsoc computed stay numbers (a negative change is not a formula).
        writer.writerow(
            {
                name: value if name in _NUMBER_COLUMNS else csv_cell(value)
                for name, value in cells.items()
            }
        )
    return buffer.getvalue()


_NUMBER_COLUMNS = frozenset(
    {
        "latest_value",
        "previous_value",
        "change",
        "target_value",
        "distance_to_target",
        "age_days",
        "observations",
    }
)


def _plain(value) -> str:  # type: ignore[no-untyped-def]
    """Numbers for spreadsheets: no thousands separator, no float noise."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _bool(value) -> str:  # type: ignore[no-untyped-def]
    return "" if value is None else ("true" if value else "false")


def _print_text(console, result) -> None:  # type: ignore[no-untyped-def]
    from rich import box
    from rich.table import Table

    from protsoc.cli.output import printable
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.governance.indicator import QUALIFIER_SIGNS, format_number

    if not result.rows:
        console.print(
            _("no indicators in the national dashboard as of {date}").format(date=result.as_of)
        )
        return

    def shown(value) -> str:  # type: ignore[no-untyped-def]
        return (
            f"{QUALIFIER_SIGNS.get(value.qualifier, '')}{format_number(value.value)}"
            if value
            else "—"
        )

    # Arabic names stay out of the table's cells (terminals scramble them): listed below it.
    table = Table(
        title=f"national dashboard as of {result.as_of}",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("indicator", no_wrap=True)
    table.add_column("latest", justify="right", no_wrap=True)
    table.add_column("as of", no_wrap=True)
    table.add_column("previous", justify="right", no_wrap=True)
    table.add_column("change", justify="right", no_wrap=True)
    table.add_column("target", min_width=12, overflow="fold")  # the one cell that wraps
    table.add_column("better", no_wrap=True)
    table.add_column("freshness", no_wrap=True)
    table.add_column("series", no_wrap=True, min_width=6)
    current_axis: object = object()
    for row in result.rows:
        if row.axis != current_axis:
            current_axis = row.axis
            table.add_row(f"[bold]axis {printable(row.axis or '(none)')}[/]", *[""] * 8)
        change = "—"
        if row.change is not None:
            sign = "+" if row.change > 0 else ""
            colour = {"better": "green", "worse": "red"}.get(row.trend or "", "")
            text = f"{'≈' if row.change_approximate else ''}{sign}{format_number(row.change)}"
            change = f"[{colour}]{text}[/]" if colour else text
        if row.target is None:
            target = "[dim]no target[/]"
        else:
            met = " ✓" if row.target_met else ""
            distance = (
                f" ({format_number(row.distance_to_target)} to go)"
                if row.distance_to_target and not row.target_met
                else ""
            )
            target = (
                f"{format_number(row.target['value'])} by {row.target.get('date', '?')}"
                f"{distance}{met}"
            )
        freshness = {
            "stale": "[red]stale[/]",
            "fresh": "fresh",
            "no-frequency": "[dim]no frequency[/]",
            "no-data": "[yellow]no data[/]",
        }[row.freshness]
        better = {"higher": "higher", "lower": "lower"}.get(row.direction or "", "—")
        table.add_row(
            f"  {row.id}",
            shown(row.latest),
            row.latest.date if row.latest else "—",
            shown(row.previous),
            change,
            target,
            better,
            freshness,
            row.sparkline or "—",
        )
    console.print(table)
    console.print()
    for row in result.rows:
        reported = f" — «{row.latest.as_reported}»" if row.latest and row.latest.as_reported else ""
        console.print(f"[bold]{printable(row.id)}[/]: {printable(row.name)}{printable(reported)}")
    console.print()
    counts = result.counts()
    console.print(
        ngettext(
            "{count} indicator: {stale} stale, {no_data} without data, {no_target} without target",
            "{count} indicators: {stale} stale, {no_data} without data, {no_target} without target",
            counts["indicators"],
        ).format(
            count=counts["indicators"],
            stale=counts["stale"],
            no_data=counts["no_data"],
            no_target=counts["no_target"],
        )
        + _("; ≈ about, > more than, ≥ at least, < less than")
    )
    for row in result.rows:
        if row.freshness == "stale":
            console.print(
                "[red]"
                + _("stale:")
                + "[/] "
                + _("{id} ({frequency}): a value was due by {date}").format(
                    id=printable(row.id), frequency=row.frequency, date=row.next_update_due
                )
            )
