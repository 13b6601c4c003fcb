"""protsoc amend"""

from __future__ import annotations

from typing import Annotated

import typer

from .options import RegistryOption


def amend(
    meeting: Annotated[str, typer.Argument(metavar="MEETING", help="The meeting whose approved minutes need a correction: <committee>/<YYYY-MM-DD>[-N].")],
    reason: Annotated[str, typer.Option("--reason", help="What the erratum corrects, in Arabic (the authoritative wording).")],
    reason_fr: Annotated[str | None, typer.Option("--reason-fr", help="The reason in French.", show_default=False)] = None,
    reason_en: Annotated[str | None, typer.Option("--reason-en", help="The reason in English.", show_default=False)] = None,
    source: Annotated[str | None, typer.Option("--source", help="The document the correction comes from (default: 'erratum of MEETING recorded with protsoc amend').", show_default=False)] = None,
    registry: RegistryOption = None,
) -> None:
    """Start an erratum of approved minutes: a new record MEETING-N that amends the original.

    The original is never rewritten. Edit the new file to make the correction, then have it
    approved like any minutes (`protsoc approve`).
    """
    from .. import errata
    from ..registry import display_path, find_registry

    texts = {"ar": reason, "fr": reason_fr or "", "en": reason_en or ""}
    erratum = errata.amend(find_registry(registry), meeting, texts, source)
    typer.echo(f"created erratum {erratum.id} ({display_path(erratum.path)}), amending {meeting}")
    typer.echo(f"next: correct {display_path(erratum.path)}, then approve it: protsoc approve {erratum.id} --by MEMBER")
