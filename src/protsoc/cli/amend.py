"""protsoc amend"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.clerk import run, start
from protsoc.cli.options import BranchOption, CommitOption, LangOption, RegistryOption, SourceOption


def amend(
    meeting: Annotated[
        str,
        typer.Argument(
            metavar="MEETING",
            help=(
                "The meeting whose approved minutes need a correction: "
                "<committee>/<YYYY-MM-DD>[-N]."
            ),
        ),
    ],
    reason: Annotated[
        str,
        typer.Option(
            "--reason", help="What the erratum corrects, in Arabic (the authoritative wording)."
        ),
    ],
    reason_fr: Annotated[
        str | None, typer.Option("--reason-fr", help="The reason in French.", show_default=False)
    ] = None,
    reason_en: Annotated[
        str | None, typer.Option("--reason-en", help="The reason in English.", show_default=False)
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """The original is never rewritten. Correct the erratum by command (`protsoc set … MEETING-N`,
    `protsoc remove …`), then have it approved like any minutes (`protsoc approve MEETING-N --by
    MEMBER`).
    """
    from protsoc.clerk import errata
    from protsoc.kernel.i18n import _

    start(lang)
    texts = {"ar": reason, "fr": reason_fr or "", "en": reason_en or ""}
    outcome = run(
        registry,
        lambda desk: errata.plan(desk, meeting, texts),
        commit=commit,
        branch=branch,
        source=source,
    )
    path = outcome.paths[0]
    erratum_id = f"{path.parent.name}/{path.stem}"
    typer.echo(
        _(
            "erratum {erratum} amends {meeting}; next: correct it by command (protsoc set "
            "meeting|agenda-item|attendance|guest|decision {erratum} …, protsoc remove …), then "
            "approve it: protsoc approve {erratum} --by MEMBER"
        ).format(erratum=erratum_id, meeting=meeting)
    )
