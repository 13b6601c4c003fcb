"""protsoc init"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from protsoc.cli.clerk import start
from protsoc.cli.options import LangOption


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
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            metavar="SPEC",
            envvar="PROTSOC_INSTALL",
            help="What CI and the pre-commit hook install protsoc from (a pip requirement: "
            "'protsoc==1.2.0', 'protsoc @ git+https://…@COMMIT'). Default: the exact source of "
            "this protsoc, when it was installed from a package index, a VCS commit or an archive.",
        ),
    ] = None,
    tracking_start: Annotated[
        str | None,
        typer.Option(
            "--tracking-start",
            metavar="DATE",
            help="The first day cadence is judged (YYYY-MM-DD; default: today).",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    from protsoc.clerk.scaffold import checked_install
    from protsoc.clerk.scaffold import init as run_init
    from protsoc.cli.output import stdout
    from protsoc.kernel import dates
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.registry.layout import display_path

    start(lang)
    first_day = None
    if tracking_start is not None:
        first_day = dates.parse(tracking_start)
        if first_day is None:
            raise UsageError(
                _("--tracking-start takes a date YYYY-MM-DD, not {value}").format(
                    value=tracking_start
                ),
                None,
            )
    result = run_init(
        directory,
        empty=empty,
        install=checked_install(install) if install is not None else None,
        tracking_start=first_day,
    )
    console = stdout()
    if result.created_repository:
        console.print(
            _("created the git repository {path}").format(path=display_path(result.repository))
        )
    console.print(
        _("wrote {files} under {path} ({committees})").format(
            files=ngettext("{count} file", "{count} files", len(result.files)).format(
                count=len(result.files)
            ),
            path=display_path(result.directory),
            committees=ngettext(
                "{count} committee", "{count} committees", result.committees
            ).format(count=result.committees),
        )
    )
    for path in result.skipped:
        console.print(_("kept the existing {path}").format(path=display_path(path)))
    console.print(_("committed {sha}").format(sha=result.commit))
    if result.install is not None:
        console.print(
            _("CI and pre-commit install {requirement} ({why})").format(
                requirement=result.install.requirement, why=result.install.justification
            )
        )
