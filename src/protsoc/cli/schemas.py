"""protsoc schemas …: the repository's copy of protsoc's schemas."""

from __future__ import annotations

import typer

from protsoc.cli.options import CommitOption, LangOption, RegistryOption
from protsoc.cli.output import guarded

app = typer.Typer(no_args_is_help=True)  # its summary is in cli/main.py's COMMANDS


@app.command("sync")
@guarded
def sync(
    commit: CommitOption = False, lang: LangOption = None, registry: RegistryOption = None
) -> None:
    """Rewrite schemas/ next to the registry as a copy of the schemas protsoc validates with."""
    from protsoc.clerk.scaffold import sync_schemas
    from protsoc.kernel.i18n import _
    from protsoc.registry.layout import display_path, find_registry

    result = sync_schemas(find_registry(registry), commit=commit)
    if not result.written and not result.removed:
        typer.echo(
            _("{path} is in sync with protsoc's schemas").format(path=display_path(result.folder))
        )
        return
    for path in result.written:
        typer.echo(_("wrote {path}").format(path=display_path(path)))
    for path in result.removed:
        typer.echo(_("removed {path}").format(path=display_path(path)))
    if result.commit:
        typer.echo(_("committed {sha}").format(sha=result.commit))
