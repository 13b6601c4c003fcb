"""protsoc list"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.clerk import LangOption, start
from protsoc.cli.options import RegistryOption, check_format


def list_records(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="committees, members, meetings, decisions, actions, indicators or evaluations.",
        ),
    ],
    committee: Annotated[
        str | None,
        typer.Option("--committee", help="Only this committee's records.", show_default=False),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="text (a table) or json.")
    ] = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """List records of one kind as a table (or JSON for scripts)."""
    from protsoc.kernel.json_output import document as json_document

    from protsoc.cli.output import stdout
    from protsoc.governance.catalog import COLUMNS, rows
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    start(lang)
    check_format(output_format, ("text", "json"))
    record_kind, found = rows(Registry.load(find_registry(registry)), kind, committee)
    if output_format == "json":
        typer.echo(json_document({"kind": record_kind, "records": found}))
        return
    from protsoc.cli.tables import plain_table

    columns = COLUMNS[record_kind]
    cells = [
        ["" if row.get(column) is None else str(row.get(column)) for column in columns]
        for row in found
    ]
    console = stdout()
    # Drawn directly when that is exactly what rich draws (a 10,000-meeting list took rich ~5 s).
    drawn = plain_table(
        console,
        [(column, "left", False) for column in columns],
        [[(text, None) for text in row] for row in cells],
    )
    if drawn is not None:
        console.print(drawn, crop=False)  # no line is wider than the console
        return
    from rich.table import Table

    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in cells:
        table.add_row(*row)
    console.print(table)
