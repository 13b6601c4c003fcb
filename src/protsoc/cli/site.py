"""protsoc site"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from protsoc.cli.options import RegistryOption, parse_date, speak


def site(
    ctx: typer.Context,
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
    # The site's languages, a list (Arabic first): messages follow `protsoc --lang` or
    # $PROTSOC_LANG instead (cli/options.speak).
    site_languages: Annotated[
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
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.registry.layout import find_registry
    from protsoc.site.build import build, parse_languages

    speak(ctx)
    languages = parse_languages(site_languages)
    day = parse_date(as_of, "--as-of")
    built = build(find_registry(registry), output, day, base_url, languages, pdf=pdf)  # type: ignore[arg-type]
    stderr().print(
        _("wrote {pages} and {files} to {folder} ({languages}; data archive {archive})").format(
            pages=ngettext("{count} page", "{count} pages", built.pages).format(count=built.pages),
            files=ngettext("{count} file", "{count} files", built.files).format(count=built.files),
            folder=built.out,
            languages=", ".join(built.languages),
            archive=built.archive,
        )
        + ("" if built.font_bundled else "; " + _("Amiri not found: install fonts-hosny-amiri"))
    )
