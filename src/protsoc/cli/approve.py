"""protsoc approve"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.clerk import ask, member_titles, members_of, run, start
from protsoc.cli.options import BranchOption, CommitOption, LangOption, RegistryOption, SourceOption


def approve(
    meeting_id: Annotated[
        str | None,
        typer.Argument(metavar="MEETING", help="<committee>/<YYYY-MM-DD>.", show_default=False),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="The member post approving the minutes.", show_default=False),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date", help="Date of the approval (default: today in Morocco).", show_default=False
        ),
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """When the approvals reach the committee's rule (default: a majority of the member posts that
    attended), the minutes become approved and are sealed (a digest of their content).
    """
    from protsoc.clerk import operations as clerk
    from protsoc.cli.output import stdout
    from protsoc.kernel.i18n import _

    start(lang)
    meeting_id = ask(meeting_id, _("Meeting (<committee>/<YYYY-MM-DD>)"), field="meeting")
    committee_id = meeting_id.split("/")[0] if meeting_id else None
    by = ask(
        by,
        _("Approving member post"),
        field="by",
        choices=members_of(registry, committee_id) or None,
        labels=member_titles(registry, committee_id),
    )
    outcome = run(
        registry,
        lambda desk: clerk.approve(desk, meeting_id, by, day),
        commit=commit,
        branch=branch,
        source=source,
    )
    count = outcome.plan.notes[0]
    if "approved" in outcome.plan.notes:
        stdout().print(
            _("approvals {count}: the minutes are approved and sealed").format(count=count)
        )
    else:
        stdout().print(_("approvals {count}: the minutes stay draft").format(count=count))
