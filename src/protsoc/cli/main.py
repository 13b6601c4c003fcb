"""The `protsoc` command: the Typer application and its entry point."""

from __future__ import annotations

from typing import Optional

import typer
from typing_extensions import Annotated

from . import cadence as cadence_command
from . import status as status_command
from . import validate as validate_command
from .output import guarded

app = typer.Typer(
    name="protsoc",
    help="Keep the governance registry of Morocco's social-protection reform: YAML records in git, "
    "checked and rendered.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"protsoc {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """protsoc: the social-protection governance registry."""


app.command("validate")(guarded(validate_command.validate))
app.command("status")(guarded(status_command.status))
app.command("cadence")(guarded(cadence_command.cadence))


def main() -> None:
    app()
