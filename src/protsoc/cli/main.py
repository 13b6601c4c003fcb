"""The `protsoc` command: the Typer application and its entry point."""

from __future__ import annotations


import typer
from typing_extensions import Annotated

from . import cadence as cadence_command
from . import calendar as calendar_command
from . import status as status_command
from . import validate as validate_command
from . import amend as amend_command
from . import codeowners as codeowners_command
from . import diff as diff_command
from . import history as history_command
from . import dashboard as dashboard_command
from . import decisions as decisions_command
from . import evaluations as evaluations_command
from . import roadmap as roadmap_command
from . import add as add_command
from . import approve as approve_command
from . import init as init_command
from . import list as list_command
from . import set as set_command
from . import show as show_command
from . import render as render_command
from . import report as report_command
from .options import RegistryOption
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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    registry: RegistryOption = None,
) -> None:
    """protsoc: the social-protection governance registry."""
    if registry is not None:
        # `protsoc --registry DIR <command>` works like `protsoc <command> --registry DIR`
        # (which still wins when both are given): the commands read the same variable.
        import os

        from ..registry import ENV_VAR

        os.environ[ENV_VAR] = str(registry)


# In the order of `protsoc --help`: overview and checks, documents, the clerk's commands, review.
app.command("status")(guarded(status_command.status))
app.command("validate")(guarded(validate_command.validate))
app.command("cadence")(guarded(cadence_command.cadence))
app.command("calendar")(guarded(calendar_command.calendar))
app.command("decisions")(guarded(decisions_command.decisions))
app.command("dashboard")(guarded(dashboard_command.dashboard))
app.command("roadmap")(guarded(roadmap_command.roadmap))
app.command("evaluations")(guarded(evaluations_command.evaluations))
app.command("render")(guarded(render_command.render))
app.command("report")(guarded(report_command.report))
app.command("init")(guarded(init_command.init))
app.add_typer(add_command.app, name="add")
app.add_typer(set_command.app, name="set")
app.command("approve")(guarded(approve_command.approve))
app.command("list")(guarded(list_command.list_records))
app.command("show")(guarded(show_command.show))
app.command("diff")(guarded(diff_command.diff))
app.command("amend")(guarded(amend_command.amend))
app.command("history")(guarded(history_command.history))
app.command("codeowners")(guarded(codeowners_command.codeowners))


def main() -> None:
    import sys

    if sys.argv[1:] == ["--version"]:
        # Answered before Typer builds the tree of 35 commands (about half of the start-up):
        # scripts and CI probe the version often.
        from .. import __version__

        print(f"protsoc {__version__}")
        return
    app()
