"""protsoc show"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.clerk import start
from protsoc.cli.options import LangOption, RegistryOption, TextOrJsonOption, check_format


def show(
    identifier: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=(
                "A committee, meeting (<committee>/<date>), decision (<meeting>/d<N>), action, "
                "indicator or evaluation id."
            ),
        ),
    ],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help=(
                "When an id names several records: committee, meeting, decision, action, "
                "indicator or evaluation."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: TextOrJsonOption = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    from protsoc.cli.output import printable, stdout
    from protsoc.governance.catalog import show as find
    from protsoc.kernel.i18n import _
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    start(lang)
    check_format(output_format, ("text", "json"))
    shown = find(Registry.load(find_registry(registry)), identifier, kind)
    if output_format == "json":
        typer.echo(
            json_document(
                {
                    "kind": shown.kind,
                    "id": shown.id,
                    "path": shown.path,
                    "data": shown.data,
                    **({"summary": shown.summary} if shown.summary else {}),
                }
            )
        )
        return
    console = stdout()
    console.print(
        f"[bold]{printable(shown.kind)} {printable(shown.id)}[/]  [dim]{printable(shown.path)}[/]"
    )
    console.print(printable(shown.text.rstrip("\n")))
    if shown.kind == "meeting" and shown.summary:
        s = shown.summary
        console.print(
            _("minutes: {status}; approvals {count}/{needed} ({rule}); may approve: {who}").format(
                status=s["minutes"],
                count=s["approvals"],
                needed=s["needed"],
                rule=s["rule"],
                who=", ".join(s["may_approve"]) or "-",
            )
        )
    if shown.kind == "decision":
        console.print(
            _("actions: {actions}").format(actions=", ".join(shown.summary["actions"]) or "-")
        )
