"""protsoc list"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.clerk import start
from protsoc.cli.options import LangOption, RegistryOption, check_format


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
    from protsoc.cli.output import stdout
    from protsoc.governance.catalog import COLUMNS, rows
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    start(lang)
    check_format(output_format, ("text", "json"))
    record_kind, found = rows(Registry.load(find_registry(registry)), kind, committee)
    if output_format == "json":
        typer.echo(json_document({"kind": record_kind, "records": found}))
        return
    from protsoc.cli.tables import Column, TableDescription, print_table

    # A 10,000-meeting list is 10,000 rows (cli/tables.py draws them).
    columns = COLUMNS[record_kind]
    table = TableDescription(
        columns=[Column(column) for column in columns],
        rows=[
            [("" if row.get(column) is None else str(row.get(column)), None) for column in columns]
            for row in found
        ],
    )
    print_table(stdout(), table)
