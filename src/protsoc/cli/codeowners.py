"""protsoc codeowners"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from protsoc.cli.options import LangOption, RegistryOption


def codeowners(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=(
                "Where to write it (default: .github/CODEOWNERS at the repository root; - for "
                "stdout)."
            ),
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Write nothing; exit 1 when the file is missing or out of date (for CI).",
        ),
    ] = False,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    from protsoc.cli.output import printable, stderr
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.registry.layout import display_path, find_registry
    from protsoc.registry.loaded import Registry
    from protsoc.registry.yamlio import write_atomic
    from protsoc.review import codeowners as codeowners_module

    root = find_registry(registry)
    default_path, prefix = codeowners_module.default_output(root)
    result = codeowners_module.generate(Registry.load(root), prefix)
    with_teams = ngettext(
        "{count} committee with review teams",
        "{count} committees with review teams",
        result.owned_committees,
    ).format(count=result.owned_committees)
    for warning in result.warnings:
        stderr().print("[yellow]" + _("warning:") + "[/] " + printable(warning))
    if output is not None and str(output) == "-":
        typer.echo(result.text, nl=False)
        return
    target = output or default_path
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current is None and result.owned_committees == 0:
            typer.echo(_("no committee records secretariat.review_teams: no CODEOWNERS needed"))
            return
        if current != result.text:
            state = "missing" if current is None else "out of date"
            stderr().print(
                f"{display_path(target)} is {state}; run `protsoc codeowners` and commit it"
            )
            raise typer.Exit(1)
        typer.echo(f"{display_path(target)} is up to date")
        return
    if current == result.text:
        typer.echo(
            _("{path} is up to date ({committees})").format(
                path=display_path(target), committees=with_teams
            )
        )
        return
    write_atomic(target, result.text)
    typer.echo(
        _("wrote {path} ({committees})").format(path=display_path(target), committees=with_teams)
    )
