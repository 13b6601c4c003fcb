"""protsoc search TEXT: find a record or an entry by its words, and the command to use it."""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.clerk import registry_root, start
from protsoc.cli.options import LangOption, RegistryOption

# The command that acts on each kind of hit, ready to complete.
NEXT = {
    "committee": "protsoc show {ref}",
    "member": "protsoc set member {ref} …",
    "meeting": "protsoc show {ref}",
    "agenda-item": "protsoc set agenda-item {ref} --title …",
    "decision": "protsoc set decision {ref} --text …",
    "guest": "protsoc set guest {ref} --name …",
    "action": "protsoc set action {ref} --status …",
    "indicator": "protsoc set indicator {ref} …",
    "evaluation": "protsoc show {ref}",
}


def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find (Arabic or Latin).")],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="Only this kind: committee, member, meeting, agenda-item, decision, guest, "
            "action, indicator or evaluation.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Matching ignores diacritics and tatweel and folds أ إ آ ا, ى ي, ة ه; each hit prints the
    id to give to the next command (show, set, remove)."""
    from protsoc.clerk import inputs
    from protsoc.clerk import search as searching
    from protsoc.cli.output import printable, stdout
    from protsoc.kernel.i18n import ngettext
    from protsoc.registry.loaded import Registry

    start(lang)
    kind = inputs.choice(kind, "kind", searching.KINDS, False)
    hits = searching.search(Registry.load(registry_root(registry)), text, kind)
    console = stdout()
    for hit in hits:
        words = hit.text if len(hit.text) <= 90 else hit.text[:89] + "…"
        console.print(printable(f"{hit.reference}  ({hit.kind})  {words}"), soft_wrap=True)
        console.print(printable("    " + NEXT[hit.kind].format(ref=hit.reference)), soft_wrap=True)
    console.print(
        ngettext("{count} match", "{count} matches", len(hits)).format(count=len(hits)),
        soft_wrap=True,
    )
    if not hits:
        raise typer.Exit(1)
