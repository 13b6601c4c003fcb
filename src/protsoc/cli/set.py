"""protsoc set …: change named fields of an existing record; the past is never deleted."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.clerk import (
    _t,
    ask,
    ask_meeting,
    known,
    member_titles,
    members_of,
    run,
    start,
    vocabulary,
)
from protsoc.cli.options import (
    ActionStatusOption,
    AgendaItemOption,
    AttendanceStatusOption,
    BranchOption,
    CommitOption,
    DecisionKindOption,
    DirectionOption,
    DueOption,
    LangOption,
    MeetingKindOption,
    OwnerOption,
    PlaceOption,
    RegistryOption,
    SourceOption,
)
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
    place: PlaceOption = None,
    kind: MeetingKindOption = None,
    number: Annotated[int | None, typer.Option("--number", show_default=False)] = None,
    opened_at: Annotated[
        Opt,
        typer.Option("--opened-at", help="Time the chair opened it, HH:MM.", show_default=False),
    ] = None,
    closed_at: Annotated[
        Opt, typer.Option("--closed-at", help="Time the session closed, HH:MM.", show_default=False)
    ] = None,
    rapporteur: Annotated[
        Opt, typer.Option("--rapporteur", help="Who wrote the minutes (name).", show_default=False)
    ] = None,
    convocation_ref: Annotated[
        Opt,
        typer.Option(
            "--convocation-ref",
            help="The convocation's reference number, or next to draw it from the committee's "
            "sequence.",
            show_default=False,
        ),
    ] = None,
    minutes_ref: Annotated[
        Opt,
        typer.Option(
            "--minutes-ref",
            help="The minutes' reference number, or next to draw it from the committee's sequence.",
            show_default=False,
        ),
    ] = None,
    written_at: Annotated[
        Opt,
        typer.Option(
            "--written-at", help="City where the minutes were written.", show_default=False
        ),
    ] = None,
    written_on: Annotated[
        Opt,
        typer.Option(
            "--written-on", help="Day the minutes were written, YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    copy_to: Annotated[
        list[str] | None,
        typer.Option(
            "--copy-to",
            help="Who gets a copy of the convocation (repeat it; replaces the list).",
            show_default=False,
        ),
    ] = None,
    annex: Annotated[
        list[str] | None,
        typer.Option(
            "--annex",
            help="Title of a meeting document annexed to convocation and minutes (repeat it).",
            show_default=False,
        ),
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Change a meeting's status, time, place, kind, number, opening and closing times,
    rapporteur, reference numbers, where and when its minutes were written, copy-to list or
    annexes (only the fields given)."""
    from protsoc.clerk import operations as clerk

    start(lang)
    meeting_id = ask_meeting(meeting_id)
    formal = (
        opened_at,
        closed_at,
        rapporteur,
        convocation_ref,
        minutes_ref,
        written_at,
        written_on,
    )
    lists = (copy_to or None, annex or None)
    if all(v is None for v in (status, time_, end_time, place, kind, number, *formal, *lists)):
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
            desk, meeting_id, status, time_, end_time, place, kind, number, *formal, *lists
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("report")
@guarded
def report(
    as_of: Annotated[
        Opt,
        typer.Argument(metavar="AS_OF", help="The report's date (YYYY-MM-DD).", show_default=False),
    ] = None,
    reference: Annotated[
        Opt,
        typer.Option(
            "--reference",
            help="Its transmission reference, or next to draw it from the stored sequence.",
            show_default=False,
        ),
    ] = None,
    committee: Annotated[
        Opt,
        typer.Option("--committee", help="For a one-committee report.", show_default=False),
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Record the transmission reference («رقم الإرسال») of the follow-up report of a date."""
    from protsoc.clerk import operations as clerk

    start(lang)
    as_of = ask(as_of, _t("Report date (YYYY-MM-DD)"), field="as_of")
    reference = ask(reference, _t("Reference (or next)"), field="reference", default="next")
    run(
        registry,
        lambda desk: clerk.set_report_reference(desk, as_of, reference, committee),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("action")
@guarded
def action(
    action_id: Annotated[Opt, typer.Argument(metavar="ACTION", show_default=False)] = None,
    status: ActionStatusOption = None,
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
        labels=member_titles(registry, committee_id),
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


def _corrections():  # type: ignore[no-untyped-def]
    from protsoc.clerk import corrections

    return corrections


def _entry_ids(registry, meeting_id, key: str, id_key: str = "id") -> list[str]:  # type: ignore[no-untyped-def]
    """The ids of a meeting's entries, for the choices of a prompt (empty off a terminal)."""
    from protsoc.cli.clerk import interactive, registry_root

    if not interactive() or not meeting_id:
        return []
    from protsoc.kernel.errors import ProtsocError
    from protsoc.registry.loaded import Registry

    try:
        record = Registry.load(registry_root(registry)).by_id("meeting").get(meeting_id)
    except ProtsocError:
        return []
    data = (record.data if record else None) or {}
    return [str(e[id_key]) for e in data.get(key) or [] if isinstance(e, dict) and id_key in e]


@app.command("agenda-item")
@guarded
def agenda_item(
    meeting_id: Annotated[
        Opt, typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False)
    ] = None,
    item_id: Annotated[
        Opt, typer.Argument(metavar="ITEM", help="The item's id (item-N).", show_default=False)
    ] = None,
    title: Annotated[
        Opt, typer.Option("--title", help="The item's corrected text (Arabic).", show_default=False)
    ] = None,
    priority: Annotated[
        int | None, typer.Option("--priority", help="1 is the first question.", show_default=False)
    ] = None,
    proceedings: Annotated[
        Opt, typer.Option("--proceedings", help="What was said (Arabic).", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Correct an agenda item of draft minutes: its text, priority or proceedings."""
    start(lang)
    meeting_id = ask_meeting(meeting_id)
    item_id = ask(
        item_id,
        _t("Agenda item"),
        field="agenda_item",
        choices=_entry_ids(registry, meeting_id, "agenda") or None,
    )
    if title is None and priority is None and proceedings is None:
        title = ask(title, _t("Agenda item (Arabic)"), field="agenda_item.title")
    run(
        registry,
        lambda desk: _corrections().set_agenda_item(
            desk, meeting_id, item_id, title, priority, proceedings
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("attendance")
@guarded
def attendance(
    meeting_id: Annotated[
        Opt, typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False)
    ] = None,
    member_id: Annotated[
        Opt,
        typer.Argument(metavar="MEMBER", help="The member post (or guest id).", show_default=False),
    ] = None,
    status: AttendanceStatusOption = None,
    represented_by: Annotated[
        Opt, typer.Option("--by", help="Who represented the member.", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Correct one attendance line, e.g. a member recorded absent by mistake."""
    start(lang)
    meeting_id = ask_meeting(meeting_id)
    member_id = ask(
        member_id,
        _t("Member post"),
        field="member",
        choices=_entry_ids(registry, meeting_id, "attendance", "member") or None,
        labels=member_titles(registry, meeting_id.split("/")[0] if meeting_id else None),
    )
    if status is None and represented_by is None:
        status = ask(status, _t("Status"), field="status", choices=vocabulary().ATTENDANCE_STATUSES)
    run(
        registry,
        lambda desk: _corrections().set_attendance(
            desk, meeting_id, member_id, status, represented_by
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("decision")
@guarded
def decision(
    decision_ref: Annotated[
        Opt, typer.Argument(metavar="DECISION", help="<committee>/<date>/d<N>.", show_default=False)
    ] = None,
    text: Annotated[
        Opt, typer.Option("--text", help="The corrected text (Arabic).", show_default=False)
    ] = None,
    kind: DecisionKindOption = None,
    owner: OwnerOption = None,
    due: DueOption = None,
    agenda_item: AgendaItemOption = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Correct a decision of draft minutes: its text, kind, owner, due date or agenda item."""
    start(lang)
    decision_ref = ask(decision_ref, _t("Decision (<meeting-id>/d<N>)"), field="decision")
    if all(v is None for v in (text, kind, owner, due, agenda_item)):
        text = ask(text, _t("Decision (Arabic)"), field="decision.text")
    run(
        registry,
        lambda desk: _corrections().set_decision(
            desk, decision_ref, text, kind, owner, due, agenda_item
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("guest")
@guarded
def guest(
    meeting_id: Annotated[
        Opt, typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False)
    ] = None,
    guest_id: Annotated[Opt, typer.Argument(metavar="GUEST", show_default=False)] = None,
    name: Annotated[
        Opt, typer.Option("--name", help="The guest's name as written.", show_default=False)
    ] = None,
    capacity: Annotated[
        Opt, typer.Option("--capacity", help="In what capacity (Arabic).", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Correct a guest's name or capacity."""
    start(lang)
    meeting_id = ask_meeting(meeting_id)
    guest_id = ask(
        guest_id,
        _t("Guest"),
        field="guest",
        choices=_entry_ids(registry, meeting_id, "guests") or None,
    )
    if name is None and capacity is None:
        name = ask(name, _t("Guest's name"), field="guest.name")
    run(
        registry,
        lambda desk: _corrections().set_guest(desk, meeting_id, guest_id, name, capacity),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("indicator")
@guarded
def indicator(
    indicator_id: Annotated[Opt, typer.Argument(metavar="INDICATOR", show_default=False)] = None,
    target: Annotated[
        Opt, typer.Option("--target", help="Target value, in the unit.", show_default=False)
    ] = None,
    target_date: Annotated[
        Opt, typer.Option("--target-date", help="Date the target is for.", show_default=False)
    ] = None,
    baseline: Annotated[
        Opt, typer.Option("--baseline", help="Baseline value, in the unit.", show_default=False)
    ] = None,
    baseline_date: Annotated[
        Opt, typer.Option("--baseline-date", help="Date of the baseline.", show_default=False)
    ] = None,
    frequency: Annotated[
        Opt, typer.Option("--frequency", help="P1M, P3M, P6M or P1Y.", show_default=False)
    ] = None,
    direction: DirectionOption = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Set an indicator's target, baseline, frequency or direction."""
    start(lang)
    indicator_id = ask(
        indicator_id,
        _t("Indicator"),
        field="indicator",
        choices=known(registry, "indicator") or None,
    )
    run(
        registry,
        lambda desk: _corrections().set_indicator(
            desk, indicator_id, target, target_date, baseline, baseline_date, frequency, direction
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("hijri-month")
@guarded
def hijri_month(
    year_month: Annotated[
        Opt,
        typer.Argument(
            metavar="YEAR-MONTH",
            help="The Hijri month, e.g. 1446-09 (Ramadan 1446).",
            show_default=False,
        ),
    ] = None,
    starts: Annotated[
        Opt,
        typer.Option("--starts", help="Its official first day, YYYY-MM-DD.", show_default=False),
    ] = None,
    source: Annotated[
        Opt,
        typer.Option(
            "--source",
            help=(
                "The announcement (the Ministry of Habous and Islamic Affairs announces the "
                "sighting)."
            ),
            show_default=False,
        ),
    ] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Record the official Moroccan start of a Hijri month, as announced after the sighting."""
    start(lang)
    year_month = ask(year_month, _t("Hijri month (e.g. 1446-09)"), field="year_month")
    starts = ask(starts, _t("Official first day (YYYY-MM-DD)"), field="starts")
    source = ask(source, _t("Source (the announcement)"), field="source")
    run(
        registry,
        lambda desk: _corrections().set_hijri_month(desk, year_month, starts, source),
        commit=commit,
        branch=branch,
        source=None,
    )
