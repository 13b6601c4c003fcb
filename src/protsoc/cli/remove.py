"""protsoc remove …: take back an entry typed by mistake; what is still referenced stays."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.clerk import _t, ask, ask_meeting, known, member_titles, run, start
from protsoc.cli.options import BranchOption, CommitOption, LangOption, RegistryOption
from protsoc.cli.output import guarded
from protsoc.cli.set import _entry_ids

app = typer.Typer(no_args_is_help=True)  # its summary is in cli/main.py's COMMANDS

Opt = Optional[str]  # noqa: UP045 - Typer reads it at runtime
MeetingArgument = Annotated[
    Opt, typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False)
]


def _corrections():  # type: ignore[no-untyped-def]
    from protsoc.clerk import corrections

    return corrections


def _run(registry, operation, commit: bool, branch: str | None) -> None:  # type: ignore[no-untyped-def]
    run(registry, operation, commit=commit, branch=branch, source=None)


@app.command("agenda-item")
@guarded
def agenda_item(
    meeting_id: MeetingArgument = None,
    item_id: Annotated[Opt, typer.Argument(metavar="ITEM", show_default=False)] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Remove an agenda item no decision cites; the other items keep their ids."""
    start(lang)
    meeting_id = ask_meeting(meeting_id)
    item_id = ask(
        item_id,
        _t("Agenda item"),
        field="agenda_item",
        choices=_entry_ids(registry, meeting_id, "agenda") or None,
    )
    _run(
        registry,
        lambda desk: _corrections().remove_agenda_item(desk, meeting_id, item_id),
        commit,
        branch,
    )


@app.command("attendance")
@guarded
def attendance(
    meeting_id: MeetingArgument = None,
    member_id: Annotated[Opt, typer.Argument(metavar="MEMBER", show_default=False)] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Remove one attendance line (a member recorded at the wrong meeting)."""
    start(lang)
    meeting_id = ask_meeting(meeting_id)
    member_id = ask(
        member_id,
        _t("Member post"),
        field="member",
        choices=_entry_ids(registry, meeting_id, "attendance", "member") or None,
        labels=member_titles(registry, meeting_id.split("/")[0] if meeting_id else None),
    )
    _run(
        registry,
        lambda desk: _corrections().remove_attendance(desk, meeting_id, member_id),
        commit,
        branch,
    )


@app.command("guest")
@guarded
def guest(
    meeting_id: MeetingArgument = None,
    guest_id: Annotated[Opt, typer.Argument(metavar="GUEST", show_default=False)] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Remove a guest whose attendance is not recorded."""
    start(lang)
    meeting_id = ask_meeting(meeting_id)
    guest_id = ask(
        guest_id,
        _t("Guest"),
        field="guest",
        choices=_entry_ids(registry, meeting_id, "guests") or None,
    )
    _run(
        registry,
        lambda desk: _corrections().remove_guest(desk, meeting_id, guest_id),
        commit,
        branch,
    )


@app.command("decision")
@guarded
def decision(
    decision_ref: Annotated[
        Opt, typer.Argument(metavar="DECISION", help="<committee>/<date>/d<N>.", show_default=False)
    ] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Remove a decision nothing cites; the others keep their numbers (d3 stays d3)."""
    start(lang)
    decision_ref = ask(decision_ref, _t("Decision (<meeting-id>/d<N>)"), field="decision")
    _run(registry, lambda desk: _corrections().remove_decision(desk, decision_ref), commit, branch)


@app.command("action")
@guarded
def action(
    action_id: Annotated[Opt, typer.Argument(metavar="ACTION", show_default=False)] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Remove an action created by mistake (its file is deleted; git keeps its history)."""
    start(lang)
    action_id = ask(
        action_id, _t("Action"), field="action", choices=known(registry, "action") or None
    )
    _run(registry, lambda desk: _corrections().remove_action(desk, action_id), commit, branch)


@app.command("observation")
@guarded
def observation(
    indicator_id: Annotated[Opt, typer.Argument(metavar="INDICATOR", show_default=False)] = None,
    day: Annotated[
        Opt, typer.Option("--date", help="The date of the value to remove.", show_default=False)
    ] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Remove one dated value of an indicator."""
    start(lang)
    indicator_id = ask(
        indicator_id,
        _t("Indicator"),
        field="indicator",
        choices=known(registry, "indicator") or None,
    )
    day = ask(day, _t("Date (YYYY-MM-DD)"), field="date")
    _run(
        registry,
        lambda desk: _corrections().remove_observation(desk, indicator_id, day),
        commit,
        branch,
    )
