"""protsoc move meeting: give a meeting another date; every reference follows, in one commit."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.clerk import _t, ask, ask_meeting, run, start
from protsoc.cli.options import BranchOption, CommitOption, LangOption, RegistryOption
from protsoc.cli.output import guarded

app = typer.Typer(no_args_is_help=True)  # its summary is in cli/main.py's COMMANDS

Opt = Optional[str]  # noqa: UP045 - Typer reads it at runtime


@app.command("meeting")
@guarded
def meeting(
    meeting_id: Annotated[
        Opt, typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False)
    ] = None,
    day: Annotated[
        Opt, typer.Option("--date", help="The right date, YYYY-MM-DD.", show_default=False)
    ] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Move a meeting of draft minutes to another date; it stays the same calendar event."""
    from protsoc.clerk import corrections

    start(lang)
    meeting_id = ask_meeting(meeting_id)
    day = ask(day, _t("Date (YYYY-MM-DD)"), field="date")
    run(
        registry,
        lambda desk: corrections.move_meeting(desk, meeting_id, day),
        commit=commit,
        branch=branch,
        source=None,
    )
