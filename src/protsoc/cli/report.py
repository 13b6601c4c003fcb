"""protsoc report"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.options import LangOption, RegistryOption, parse_date
from protsoc.cli.render import FormatOption, OutputOption, TemplatesOption, deliver


def report(
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Date of the report (default: today in Morocco).", show_default=False
        ),
    ] = None,
    committee: Annotated[
        str | None,
        typer.Option("--committee", help="Only this committee (its id).", show_default=False),
    ] = None,
    output_format: FormatOption = "md",
    output: OutputOption = None,
    templates: TemplatesOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    from protsoc.cli.loading import loaded_registry
    from protsoc.documents.render import render as render_document
    from protsoc.registry.layout import find_registry

    with loaded_registry(find_registry(registry)) as loaded:
        rendered = render_document(
            loaded,
            "report",
            output_format,
            as_of=parse_date(as_of, "--as-of"),  # type: ignore[arg-type]
            committee=committee,
            templates=[templates] if templates else [],
        )
    deliver(rendered, output)
