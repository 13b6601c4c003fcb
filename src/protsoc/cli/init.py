"""protsoc init"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from protsoc.cli.clerk import LangOption, start


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="The folder of the new registry repository (created if missing)."
        ),
    ],
    empty: Annotated[
        bool, typer.Option("--empty", help="Only the layout and the manifest: no committees.")
    ] = False,
    lang: LangOption = None,
) -> None:
    from protsoc.clerk.scaffold import init as run_init
    from protsoc.cli.output import stdout
    from protsoc.kernel.i18n import _
    from protsoc.registry.layout import display_path

    start(lang)
    result = run_init(directory, empty=empty)
    console = stdout()
    if result.created_repository:
        console.print(
            _("created the git repository {path}").format(path=display_path(result.repository))
        )
    console.print(
        _("wrote {count} files under {path} ({committees} committees)").format(
            count=len(result.files),
            path=display_path(result.directory),
            committees=result.committees,
        )
    )
    for path in result.skipped:
        console.print(_("kept the existing {path}").format(path=display_path(path)))
    console.print(_("committed {sha}").format(sha=result.commit))
