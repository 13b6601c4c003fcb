"""protsoc add …: new records and new entries in records, never overwriting anything."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli import add_finance
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
    StartOption,
)
from protsoc.cli.output import guarded

app = typer.Typer(
    no_args_is_help=True,
)

Opt = Optional[str]  # noqa: UP045 - Typer reads it at runtime


def _clerk():  # type: ignore[no-untyped-def]
    from protsoc.clerk import operations as clerk

    return clerk


@app.command("committee")
@guarded
def committee(
    committee_id: Annotated[
        Opt,
        typer.Argument(
            help="The new committee's id (a slug, e.g. working-group-rsu).", show_default=False
        ),
    ] = None,
    name: Annotated[
        Opt, typer.Option("--name", help="Full official name (Arabic).", show_default=False)
    ] = None,
    kind: Annotated[
        Opt,
        typer.Option(
            "--kind", help="ministerial, technical, thematic or working-group.", show_default=False
        ),
    ] = None,
    cadence: Annotated[
        Opt,
        typer.Option(
            "--cadence",
            help="`none`, or N/PERIOD\\[/MODE], e.g. 1/P6M/rolling.",
            show_default=False,
        ),
    ] = None,
    short_name: Annotated[Opt, typer.Option("--short-name", show_default=False)] = None,
    parent: Annotated[
        Opt, typer.Option("--parent", help="The committee it is attached to.", show_default=False)
    ] = None,
    lead_ministry: Annotated[Opt, typer.Option("--lead-ministry", show_default=False)] = None,
    created: Annotated[
        Opt, typer.Option("--created", help="Creation date, YYYY-MM-DD.", show_default=False)
    ] = None,
    legal_basis: Annotated[
        Opt,
        typer.Option(
            "--legal-basis",
            help="The legal text creating it (default: --source).",
            show_default=False,
        ),
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add a committee (with no members yet: add them with `add member`)."""
    start(lang)
    clerk = _clerk()
    committee_id = ask(
        committee_id, _t("Committee id (e.g. working-group-rsu)"), field="committee.id"
    )
    name = ask(name, _t("Full name (Arabic)"), field="committee.name")
    kind = ask(
        kind,
        _t("Kind"),
        field="kind",
        choices=vocabulary().COMMITTEE_KINDS,
        default="working-group",
    )
    cadence = ask(
        cadence,
        _t("Cadence rule (none, or N/PERIOD/MODE such as 1/P6M/rolling)"),
        field="cadence",
        default="none",
    )
    run(
        registry,
        lambda desk: clerk.add_committee(
            desk,
            committee_id,
            name,
            kind,
            cadence,
            short_name,
            parent,
            lead_ministry,
            created,
            legal_basis,
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("member")
@guarded
def member(
    committee_id: Annotated[
        Opt, typer.Argument(metavar="COMMITTEE", help="The committee.", show_default=False)
    ] = None,
    member_id: Annotated[
        Opt,
        typer.Argument(
            metavar="MEMBER", help="The new post's id (a slug, never reused).", show_default=False
        ),
    ] = None,
    title: Annotated[
        Opt, typer.Option("--title", help="The post's official title (Arabic).", show_default=False)
    ] = None,
    role: Annotated[
        Opt,
        typer.Option(
            "--role", help="chair, member, secretariat or rapporteur.", show_default=False
        ),
    ] = None,
    institution: Annotated[Opt, typer.Option("--institution", show_default=False)] = None,
    since: Annotated[
        Opt, typer.Option("--since", help="First day of the post, YYYY-MM-DD.", show_default=False)
    ] = None,
    holder: Annotated[
        Opt,
        typer.Option(
            "--holder", help="Who holds it, when a source names them.", show_default=False
        ),
    ] = None,
    order: Annotated[
        int | None, typer.Option("--order", help="Protocol order.", show_default=False)
    ] = None,
    on_behalf_of: Annotated[
        Opt,
        typer.Option(
            "--on-behalf-of", help="<committee>/<member> this seat stands for.", show_default=False
        ),
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add a member post to a committee."""
    start(lang)
    clerk = _clerk()
    committee_id = ask(
        committee_id,
        _t("Committee"),
        field="committee",
        choices=known(registry, "committee") or None,
    )
    member_id = ask(member_id, _t("Post id (e.g. sg-interior)"), field="member.id")
    title = ask(title, _t("Title of the post (Arabic)"), field="member.title")
    role = ask(role, _t("Role"), field="role", choices=vocabulary().MEMBER_ROLES, default="member")
    run(
        registry,
        lambda desk: clerk.add_member(
            desk,
            committee_id,
            member_id,
            title,
            role,
            institution,
            since,
            holder,
            order,
            on_behalf_of,
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("meeting")
@guarded
def meeting(
    committee_id: Annotated[
        Opt,
        typer.Argument(metavar="COMMITTEE", help="The committee that meets.", show_default=False),
    ] = None,
    day: Annotated[Opt, typer.Option("--date", help="YYYY-MM-DD.", show_default=False)] = None,
    time_: Annotated[
        Opt, typer.Option("--time", help="Start time HH:MM (Morocco).", show_default=False)
    ] = None,
    place: PlaceOption = None,
    kind: MeetingKindOption = None,
    status: Annotated[
        Opt,
        typer.Option(
            "--status",
            help="planned or held (default: planned for a future date, else held).",
            show_default=False,
        ),
    ] = None,
    number: Annotated[
        int | None,
        typer.Option(
            "--number",
            help="Sequence number, when the secretariat numbers meetings.",
            show_default=False,
        ),
    ] = None,
    chaired_by: Annotated[
        Opt, typer.Option("--chaired-by", help="The post that chaired.", show_default=False)
    ] = None,
    same_day: Annotated[
        bool, typer.Option("--same-day", help="A second meeting on a date that already has one.")
    ] = False,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add a meeting of a committee: registry/meetings/<committee>/<date>.yaml."""
    start(lang)
    clerk = _clerk()
    committee_id = ask(
        committee_id,
        _t("Committee"),
        field="committee",
        choices=known(registry, "committee") or None,
    )
    day = ask(day, _t("Date (YYYY-MM-DD)"), field="date")
    time_ = ask(time_, _t("Start time (HH:MM)"), field="time", required=False)
    place = ask(place, _t("Place"), field="place", required=False)
    kind = ask(
        kind, _t("Kind"), field="kind", choices=vocabulary().MEETING_KINDS, default="ordinary"
    )
    run(
        registry,
        lambda desk: clerk.add_meeting(
            desk, committee_id, day, time_, place, kind, status, number, chaired_by, same_day
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("agenda-item")
@guarded
def agenda_item(
    meeting_id: Annotated[
        Opt, typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False)
    ] = None,
    title: Annotated[
        Opt, typer.Argument(metavar="TEXT", help="The item (Arabic).", show_default=False)
    ] = None,
    priority: Annotated[
        int | None,
        typer.Option("--priority", help="Rank by priority, 1 = first.", show_default=False),
    ] = None,
    proceedings: Annotated[
        Opt, typer.Option("--proceedings", help="Summary of the discussion.", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add an agenda item (item-1, item-2… in order) to a meeting."""
    start(lang)
    clerk = _clerk()
    meeting_id = ask_meeting(meeting_id)
    title = ask(title, _t("Agenda item (Arabic)"), field="agenda_item.title")
    priority = ask(priority, _t("Priority (1 = first)"), field="priority", kind=int, required=False)
    run(
        registry,
        lambda desk: clerk.add_agenda_item(desk, meeting_id, title, priority or None, proceedings),
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
    members: Annotated[
        list[str] | None,
        typer.Argument(metavar="MEMBER...", help="Member posts (one or more).", show_default=False),
    ] = None,
    status: AttendanceStatusOption = None,
    by: Annotated[
        Opt,
        typer.Option(
            "--by",
            help="Who represented the member (with --status represented).",
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        Opt,
        typer.Option(
            "--name", help="The person who attended, when a source names them.", show_default=False
        ),
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Record the attendance of one or more member posts at a meeting."""
    start(lang)
    clerk = _clerk()
    meeting_id = ask_meeting(meeting_id)
    if not members:
        answer = ask(None, _t("Member posts (separated by spaces)"))
        members = answer.split() if answer else []
    status = ask(
        status,
        _t("Attendance"),
        field="status",
        choices=vocabulary().ATTENDANCE_STATUSES,
        default="present",
    )
    if status == "represented":
        by = ask(by, _t("Represented by"), field="by")
    run(
        registry,
        lambda desk: clerk.add_attendance(desk, meeting_id, members or [], status, by, name),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("guest")
@guarded
def guest(
    meeting_id: Annotated[Opt, typer.Argument(metavar="MEETING", show_default=False)] = None,
    name: Annotated[
        Opt,
        typer.Argument(
            metavar="NAME", help="The guest (person or institution).", show_default=False
        ),
    ] = None,
    capacity: Annotated[
        Opt, typer.Option("--capacity", help="In what capacity they attend.", show_default=False)
    ] = None,
    guest_id: Annotated[
        Opt, typer.Option("--id", help="Id (default guest-N).", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add an invited person or institution (not a member) to a meeting."""
    start(lang)
    clerk = _clerk()
    meeting_id = ask_meeting(meeting_id)
    name = ask(name, _t("Guest's name"), field="guest.name")
    run(
        registry,
        lambda desk: clerk.add_guest(desk, meeting_id, name, capacity, guest_id),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("decision")
@guarded
def decision(
    meeting_id: Annotated[Opt, typer.Argument(metavar="MEETING", show_default=False)] = None,
    decision_text: Annotated[
        Opt, typer.Argument(metavar="TEXT", help="The decision (Arabic).", show_default=False)
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
    """Add a decision or recommendation (d1, d2… in order) to a meeting."""
    start(lang)
    clerk = _clerk()
    meeting_id = ask_meeting(meeting_id)
    decision_text = ask(decision_text, _t("Decision (Arabic)"), field="decision.text")
    kind = ask(
        kind, _t("Kind"), field="kind", choices=vocabulary().DECISION_KINDS, default="decision"
    )
    committee_id = meeting_id.split("/")[0] if meeting_id else None
    owner = ask(
        owner,
        _t("Owner post"),
        field="owner",
        choices=members_of(registry, committee_id) or None,
        labels=member_titles(registry, committee_id),
        required=False,
    )
    due = ask(due, _t("Due date (YYYY-MM-DD)"), field="due", required=False)
    outcome = run(
        registry,
        lambda desk: clerk.add_decision(
            desk, meeting_id, decision_text, kind, owner, due, agenda_item
        ),
        commit=commit,
        branch=branch,
        source=source,
    )
    typer.echo(outcome.plan.notes[0])


@app.command("action")
@guarded
def action(
    decision_ref: Annotated[
        Opt, typer.Argument(metavar="DECISION", help="<committee>/<date>/d<N>.", show_default=False)
    ] = None,
    title: Annotated[
        Opt, typer.Option("--title", help="The action (Arabic).", show_default=False)
    ] = None,
    action_id: Annotated[
        Opt, typer.Option("--id", help="Id (default <committee>-<date>-d<N>).", show_default=False)
    ] = None,
    owner: Annotated[
        Opt,
        typer.Option(
            "--owner",
            help="<committee>/<member> accountable (default: the decision's owner).",
            show_default=False,
        ),
    ] = None,
    start_date: StartOption = None,
    due: Annotated[Opt, typer.Option("--due", show_default=False)] = None,
    status: ActionStatusOption = None,
    progress: Annotated[
        int | None, typer.Option("--progress", help="Percent complete.", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add an action (registry/roadmap/actions/<id>.yaml) that carries out a decision."""
    start(lang)
    clerk = _clerk()
    decision_ref = ask(
        decision_ref, _t("Decision (<committee>/<YYYY-MM-DD>/d<N>)"), field="decision"
    )
    title = ask(title, _t("Action (Arabic)"), field="action.title")
    status = ask(
        status,
        _t("Status"),
        field="status",
        choices=vocabulary().ACTION_STATUSES,
        default="not-started",
    )
    run(
        registry,
        lambda desk: clerk.add_action(
            desk, decision_ref, title, action_id, owner, start_date, due, status, progress
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("indicator")
@guarded
def indicator(
    indicator_id: Annotated[
        Opt, typer.Argument(metavar="ID", help="The indicator's id (a slug).", show_default=False)
    ] = None,
    name: Annotated[Opt, typer.Option("--name", show_default=False)] = None,
    measure: Annotated[
        Opt,
        typer.Option("--measure", help="count, percentage, amount or ratio.", show_default=False),
    ] = None,
    unit: Annotated[
        Opt, typer.Option("--unit", help="What is counted (Arabic).", show_default=False)
    ] = None,
    owner: Annotated[
        Opt, typer.Option("--owner", help="The committee that keeps it.", show_default=False)
    ] = None,
    producer: Annotated[Opt, typer.Option("--producer", show_default=False)] = None,
    frequency: Annotated[
        Opt, typer.Option("--frequency", help="P1Y, P6M, P3M or P1M.", show_default=False)
    ] = None,
    direction: DirectionOption = None,
    definition: Annotated[Opt, typer.Option("--definition", show_default=False)] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add an indicator of the national dashboard (no observations yet)."""
    start(lang)
    clerk = _clerk()
    indicator_id = ask(indicator_id, _t("Indicator id"), field="indicator.id")
    name = ask(name, _t("Name (Arabic)"), field="name")
    measure = ask(
        measure, _t("Measure"), field="measure", choices=vocabulary().MEASURES, default="count"
    )
    unit = ask(unit, _t("Unit (Arabic)"), field="unit")
    owner = ask(
        owner,
        _t("Committee that keeps it"),
        field="committee",
        choices=known(registry, "committee") or None,
        default="technical",
    )
    run(
        registry,
        lambda desk: clerk.add_indicator(
            desk,
            indicator_id,
            name,
            measure,
            unit,
            owner,
            producer,
            frequency,
            direction,
            definition,
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("observation")
@guarded
def observation(
    indicator_id: Annotated[Opt, typer.Argument(metavar="INDICATOR", show_default=False)] = None,
    value: Annotated[
        Opt,
        typer.Option(
            "--value", help="The figure, in units (11100000, not 11.1 million).", show_default=False
        ),
    ] = None,
    day: Annotated[
        Opt, typer.Option("--date", help="The date the value refers to.", show_default=False)
    ] = None,
    qualifier: Annotated[
        Opt,
        typer.Option(
            "--qualifier",
            help="exact, about, more-than, less-than or at-least.",
            show_default=False,
        ),
    ] = None,
    as_reported: Annotated[
        Opt,
        typer.Option(
            "--as-reported", help="The figure as the source words it.", show_default=False
        ),
    ] = None,
    source: Annotated[
        Opt,
        typer.Option(
            "--source", help="The document the figure comes from (required).", show_default=False
        ),
    ] = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add a dated value to an indicator."""
    start(lang)
    clerk = _clerk()
    indicator_id = ask(
        indicator_id,
        _t("Indicator"),
        field="indicator",
        choices=known(registry, "indicator") or None,
    )
    value = ask(value, _t("Value"), field="value")
    day = ask(day, _t("Date (YYYY-MM-DD)"), field="date")
    qualifier = ask(
        qualifier,
        _t("Qualifier"),
        field="qualifier",
        choices=vocabulary().QUALIFIERS,
        required=False,
    )
    source = ask(source, _t("Source document"), field="source")
    run(
        registry,
        lambda desk: clerk.add_observation(
            desk, indicator_id, value, day, source, qualifier, as_reported
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@app.command("evaluation")
@guarded
def evaluation(
    evaluation_id: Annotated[Opt, typer.Argument(metavar="ID", show_default=False)] = None,
    title: Annotated[Opt, typer.Option("--title", show_default=False)] = None,
    kind: Annotated[
        Opt, typer.Option("--kind", help="evaluation, study or audit.", show_default=False)
    ] = None,
    evaluator_id: Annotated[Opt, typer.Option("--evaluator-id", show_default=False)] = None,
    evaluator_name: Annotated[Opt, typer.Option("--evaluator-name", show_default=False)] = None,
    evaluator_kind: Annotated[
        Opt,
        typer.Option(
            "--evaluator-kind", help="inspectorate, consultancy or other.", show_default=False
        ),
    ] = None,
    scope: Annotated[
        Opt, typer.Option("--scope", help="What is evaluated (Arabic).", show_default=False)
    ] = None,
    status: Annotated[
        Opt,
        typer.Option(
            "--status", help="planned, ongoing, report-submitted or closed.", show_default=False
        ),
    ] = None,
    commissioned_by: Annotated[
        Opt,
        typer.Option(
            "--commissioned-by", help="<meeting-id>/d<N> of the decision.", show_default=False
        ),
    ] = None,
    start_date: StartOption = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add an evaluation, study or audit of the reform."""
    start(lang)
    clerk = _clerk()
    evaluation_id = ask(evaluation_id, _t("Evaluation id"), field="evaluation.id")
    title = ask(title, _t("Title (Arabic)"), field="title")
    kind = ask(
        kind, _t("Kind"), field="kind", choices=vocabulary().EVALUATION_KINDS, default="evaluation"
    )
    evaluator_id = ask(evaluator_id, _t("Evaluator id (e.g. igf)"), field="evaluator_id")
    evaluator_name = ask(evaluator_name, _t("Evaluator's name (Arabic)"), field="evaluator_name")
    evaluator_kind = ask(
        evaluator_kind,
        _t("Evaluator kind"),
        field="evaluator_kind",
        choices=vocabulary().EVALUATOR_KINDS,
        default="inspectorate",
    )
    scope = ask(scope, _t("Scope (Arabic)"), field="scope")
    run(
        registry,
        lambda desk: clerk.add_evaluation(
            desk,
            evaluation_id,
            title,
            kind,
            evaluator_id,
            evaluator_name,
            evaluator_kind,
            scope,
            status,
            commissioned_by,
            start_date,
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


# The programmes and their money (issue 18) live in their own module.
add_finance.register(app)
