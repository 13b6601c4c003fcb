"""protsoc site"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from protsoc.cli.options import RegistryOption, parse_date


def site(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The folder to write the site into.")
    ] = Path("public"),
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Date of the dashboard (default: today in Morocco).", show_default=False
        ),
    ] = None,
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            help=(
                "The address the site is published at (canonical and language links); "
                "pages link to each other relatively and work without it."
            ),
        ),
    ] = "",
    lang: Annotated[
        str, typer.Option("--lang", help="Languages, Arabic first: ar,fr or ar.")
    ] = "ar,fr",
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help=(
                "Also render each approved meeting's minutes as PDF (the documents extra) "
                "and link it from the meeting's page."
            ),
        ),
    ] = False,
    registry: RegistryOption = None,
) -> None:
    """Exit 0 built, 1 the registry is invalid (nothing is published), 2 usage or environment
    error."""
    from protsoc.cli.output import stderr
    from protsoc.registry.layout import find_registry
    from protsoc.site.build import build, parse_languages

    languages = parse_languages(lang)
    day = parse_date(as_of, "--as-of")
    built = build(find_registry(registry), output, day, base_url, languages, pdf=pdf)  # type: ignore[arg-type]
    stderr().print(
        f"wrote {built.pages} pages and {built.files} files to {built.out} "
        f"({', '.join(built.languages)}; data archive {built.archive})"
        + ("" if built.font_bundled else "; Amiri not found: install fonts-hosny-amiri")
    )
