"""protsoc history"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.options import LangOption, RegistryOption, TextOrJsonOption, check_format


def history(
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=(
                "A record id: committee, <committee>/<YYYY-MM-DD> meeting (or one of its "
                "decisions), action, indicator, evaluation; KIND:ID when ambiguous; or the file's "
                "path."
            ),
        ),
    ],
    output_format: TextOrJsonOption = "text",
    details: Annotated[
        bool,
        typer.Option("--details/--no-details", help="Say what each commit changed in the record."),
    ] = True,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry
    from protsoc.review import history as history_module

    check_format(output_format, ("text", "json"))
    result = history_module.history(find_registry(registry), record_id, details)
    if output_format == "json":
        typer.echo(json_document(result.as_dict()))
    else:
        typer.echo(history_module.as_text(result))
