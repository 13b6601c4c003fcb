"""protsoc status"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.options import (
    LangOption,
    RegistryOption,
    TextOrJsonOption,
    check_format,
    parse_date,
)


def status(
    as_of: Annotated[
        Optional[str],
        typer.Option(
            "--as-of", help="Date of the overview (default: today in Morocco).", show_default=False
        ),
    ] = None,
    output_format: TextOrJsonOption = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    import dataclasses

    from protsoc.cli.loading import loaded_registry
    from protsoc.cli.output import stdout
    from protsoc.governance.status import overview
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry

    check_format(output_format, ("text", "json"))
    root = find_registry(registry)
    day = parse_date(as_of, "--as-of")
    with loaded_registry(root) as loaded:
        try:
            result = overview(loaded, day)  # type: ignore[arg-type]
        except (TypeError, AttributeError, KeyError, ValueError):
            _explain_invalid(root)
            raise
        from protsoc.governance.programme import finance_summary
        from protsoc.kernel import dates

        money = finance_summary(loaded, day or dates.today())  # type: ignore[arg-type]
        if output_format == "json":
            typer.echo(json_document({**dataclasses.asdict(result), "finance": money}))
            return
        _print_table(stdout(), result)
        stdout().print(_finance_line(money))


def _finance_line(money) -> str:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from protsoc.governance import finance

    from protsoc.kernel.i18n import _, ngettext

    count = money["programmes"]
    if "committed" not in money:
        return ngettext(
            "{count} programme; no budget or ledger event recorded (protsoc finance)",
            "{count} programmes; no budget or ledger event recorded (protsoc finance)",
            count,
        ).format(count=count)
    budget = money["revised_budget"]
    committed = finance.format_mad(Decimal(money["committed"]))
    if budget:
        committed = _("{committed} of {budget}").format(
            committed=committed, budget=finance.format_mad(Decimal(budget))
        )
    return ngettext(
        "{count} programme: committed {committed} MAD, paid {paid} MAD; {not_reported} not "
        "reported for {period} (protsoc finance)",
        "{count} programmes: committed {committed} MAD, paid {paid} MAD; {not_reported} not "
        "reported for {period} (protsoc finance)",
        count,
    ).format(
        count=count,
        committed=committed,
        paid=finance.format_mad(Decimal(money["paid"])),
        not_reported=money["not_reported"],
        period=money["report_period"],
    )


_COMPLIANCE_COLOURS = {"compliant": "green", "due-soon": "yellow", "breach": "red"}


def _explain_invalid(root) -> None:  # type: ignore[no-untyped-def]
    """The overview reads records as the schemas describe them: on a record of another shape,
    name the invalid records instead of failing as if protsoc had a bug."""
    from protsoc.kernel.errors import InvalidRecord
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.validate.pipeline import validate

    errors = validate(root).errors
    if errors:
        files = sorted({finding.path for finding in errors})
        raise InvalidRecord(
            _("the registry has {errors} in {files} ({names}); status needs valid records").format(
                errors=ngettext("{count} error", "{count} errors", len(errors)).format(
                    count=len(errors)
                ),
                files=ngettext("{count} file", "{count} files", len(files)).format(
                    count=len(files)
                ),
                names=", ".join(files[:3]) + (", …" if len(files) > 3 else ""),
            ),
            _("run `protsoc validate` to see them and fix them"),
        ) from None


def _print_table(console, result) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    from protsoc.cli.output import printable
    from protsoc.kernel.i18n import _, ngettext

    # Arabic stays out of the table's cells: terminals without bidi support scramble it and
    # bidi terminals reorder whole lines (see shared research, "Terminal output"); the names
    # follow as plain lines, in logical order.
    table = Table(title="protsoc status", show_lines=False)
    table.add_column("committee", no_wrap=True)
    table.add_column("members", justify="right")
    table.add_column("cadence rule", min_width=24)
    table.add_column("compliance", no_wrap=True)
    table.add_column("last held", no_wrap=True)
    table.add_column("next due", no_wrap=True)
    table.add_column("open decisions", justify="right", max_width=9)
    table.add_column("open actions", justify="right", max_width=7)
    for row in result.committees:
        colour = _COMPLIANCE_COLOURS.get(row.compliance or "", "")
        compliance = (
            f"[{colour}]{row.compliance}[/]" if colour else (row.compliance or "not judged")
        )
        table.add_row(
            row.id,
            str(row.members),
            row.cadence_en,
            compliance,
            row.last_meeting or "—",
            row.next_due or "—",
            str(row.open_decisions),
            str(row.open_actions),
        )
    console.print(table)
    console.print()
    console.print(printable(result.title))
    for row in result.committees:
        chair = f" — الرئيس: {row.chair}" if row.chair else ""
        holder = f" ({row.chair_holder})" if row.chair_holder else ""
        console.print(
            f"[bold]{printable(row.id)}[/]: "
            f"{printable(row.short_name)}{printable(chair)}{printable(holder)}"
        )
    console.print()
    console.print(
        _("{records}; meetings tracked since {date}").format(
            records=ngettext("{count} record", "{count} records", result.records).format(
                count=result.records
            ),
            date=result.tracking_start or _("unknown"),
        )
    )
