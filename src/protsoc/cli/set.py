"""protsoc set …: change named fields of an existing record; the past is never deleted."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.clerk import (
    BranchOption,
    CommitOption,
    LangOption,
    SourceOption,
    _t,
    ask,
    ask_meeting,
    known,
    members_of,
    run,
    start,
    vocabulary,
)
from protsoc.cli.options import RegistryOption
from protsoc.cli.output import guarded

app = typer.Typer(
    no_args_is_help=True,
)

Opt = Optional[str]  # noqa: UP045 - Typer reads it at runtime


@app.command("meeting")
@guarded
def meeting(
    meeting_id: Annotated[
        Opt, typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False)
    ] = None,
    status: Annotated[
        Opt, typer.Option("--status", help="planned, held or cancelled.", show_default=False)
    ] = None,
    time_: Annotated[
        Opt, typer.Option("--time", help="Start time HH:MM.", show_default=False)
    ] = None,
    end_time: Annotated[
        Opt, typer.Option("--end-time", help="End time HH:MM.", show_default=False)
    ] = None,
    place: Annotated[Opt, typer.Option("--place", show_default=False)] = None,
    kind: Annotated[
        Opt, typer.Option("--kind", help="ordinary or extraordinary.", show_default=False)
    ] = None,
    number: Annotated[int | None, typer.Option("--number", show_default=False)] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Change a meeting's status, time, place, kind or number (only the fields given)."""
    from protsoc.clerk import operations as clerk

    start(lang)
    meeting_id = ask_meeting(meeting_id)
    if (
        status is None
        and time_ is None
        and end_time is None
        and place is None
        and kind is None
        and number is None
    ):
        status = ask(
            status,
            _t("Status"),
            field="status",
            choices=vocabulary().MEETING_STATUSES,
            default="held",
        )
    run(
        registry,
        lambda desk: clerk.set_meeting(
            desk, meeting_id, status, time_, end_time, place, kind, number
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("action")
@guarded
def action(
    action_id: Annotated[Opt, typer.Argument(metavar="ACTION", show_default=False)] = None,
    status: Annotated[
        Opt,
        typer.Option(
            "--status",
            help="not-started, in-progress, done, blocked or dropped.",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        int | None, typer.Option("--progress", help="Percent complete, 0-100.", show_default=False)
    ] = None,
    day: Annotated[
        Opt,
        typer.Option(
            "--date", help="Date of this progress report (default: today).", show_default=False
        ),
    ] = None,
    note: Annotated[
        Opt, typer.Option("--note", help="What changed (Arabic).", show_default=False)
    ] = None,
    completed_on: Annotated[Opt, typer.Option("--completed-on", show_default=False)] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Report an action's progress: sets status/progress and appends a dated entry to its
    updates."""
    from protsoc.clerk import operations as clerk

    start(lang)
    action_id = ask(
        action_id, _t("Action"), field="action", choices=known(registry, "action") or None
    )
    if status is None and progress is None:
        status = ask(
            status,
            _t("Status"),
            field="status",
            choices=vocabulary().ACTION_STATUSES,
            default="in-progress",
        )
        progress = ask(progress, _t("Progress (%)"), field="progress", kind=int, required=False)
    run(
        registry,
        lambda desk: clerk.set_action(desk, action_id, status, progress, day, note, completed_on),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("member")
@guarded
def member(
    committee_id: Annotated[Opt, typer.Argument(metavar="COMMITTEE", show_default=False)] = None,
    member_id: Annotated[Opt, typer.Argument(metavar="MEMBER", show_default=False)] = None,
    title: Annotated[
        Opt,
        typer.Option(
            "--title",
            help="The post's new title (the old one ends the day before --since).",
            show_default=False,
        ),
    ] = None,
    holder: Annotated[
        Opt,
        typer.Option(
            "--holder",
            help="The post's new holder (the previous one ends the day before --since).",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        Opt,
        typer.Option("--since", help="First day of the new title or holder.", show_default=False),
    ] = None,
    until: Annotated[
        Opt, typer.Option("--until", help="Last day of the post.", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Record a renamed post, a new holder, or the end of a post; earlier titles and holders keep
    their dates."""
    from protsoc.clerk import operations as clerk

    start(lang)
    committee_id = ask(
        committee_id,
        _t("Committee"),
        field="committee",
        choices=known(registry, "committee") or None,
    )
    member_id = ask(
        member_id,
        _t("Member post"),
        field="member",
        choices=members_of(registry, committee_id) or None,
    )
    if (title is not None or holder is not None) and since is None:
        since = ask(since, _t("Since (YYYY-MM-DD)"), field="since")
    run(
        registry,
        lambda desk: clerk.set_member(desk, committee_id, member_id, title, holder, since, until),
        commit=commit,
        branch=branch,
        source=source,
    )
