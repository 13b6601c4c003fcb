"""protsoc render minutes|convocation MEETING"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from protsoc.cli.options import LangOption, RegistryOption

FormatOption = Annotated[str, typer.Option("--format", "-f", help="md, html or pdf.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the document to FILE (default: stdout for md/html; "
        "a file named after the document for pdf).",
        show_default=False,
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="A folder of templates overriding the registry's and protsoc's own.",
        show_default=False,
    ),
]


def render(
    document: Annotated[
        str, typer.Argument(help="minutes («محضر اجتماع») or convocation («استدعاء»).")
    ],
    meeting: Annotated[str, typer.Argument(help="The meeting id, e.g. steering/2024-11-26.")],
    output_format: FormatOption = "md",
    output: OutputOption = None,
    templates: TemplatesOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
    guest: Annotated[
        str | None,
        typer.Option(
            "--guest",
            help="A convocation addressed to this invited guest (the guest's id) alone.",
            show_default=False,
        ),
    ] = None,
) -> None:
    from protsoc.documents.render import DOCUMENTS
    from protsoc.documents.render import render as render_document
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.i18n import _
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    if document not in DOCUMENTS:
        raise UsageError(
            _("unknown document {document!r}").format(document=document),
            _(
                "use `protsoc render minutes MEETING` or `protsoc render convocation MEETING`; "
                "the follow-up report is `protsoc report`"
            ),
        )
    loaded = Registry.load(find_registry(registry))
    rendered = render_document(
        loaded,
        document,
        output_format,
        meeting_id=meeting,
        templates=[templates] if templates else [],
        guest=guest,
    )
    deliver(rendered, output)


def deliver(rendered, output: Path | None) -> None:  # type: ignore[no-untyped-def]
    """Write a rendered document to ``output`` (atomically), or md/html to stdout."""
    from protsoc.cli.output import stderr
    from protsoc.documents.render import write_output
    from protsoc.kernel.i18n import _

    if output is None and rendered.format != "pdf":
        typer.echo(rendered.content, nl=False)
        return
    target = output or Path(rendered.suggested_name)
    write_output(target, rendered.content)
    stderr().print(_("wrote {path}").format(path=target))
