"""The repository's copy of the schemas (``schemas/`` next to ``registry/``) against protsoc's own.

`protsoc init` copies the schemas for editors and check-jsonschema, but protsoc validates with
the schemas it ships. A copy edited by hand (a status added to an enum) would make the editor and
check-jsonschema accept what `protsoc validate` rejects, or the reverse: the difference is
reported (``schema-copy-differs``, a warning naming the file), and `protsoc schemas sync`
rewrites the copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from protsoc.kernel.findings import Finding, Severity
from protsoc.kernel.i18n import _
from protsoc.kernel.resources import schema_dir

RULE = "schema-copy-differs"


@dataclass(frozen=True)
class SchemaCopy:
    folder: Path  # the repository's schemas/
    differing: list[str]  # file names whose bytes differ from protsoc's
    missing: list[str]  # protsoc's schemas the copy lacks
    extra: list[str]  # schema files of the copy protsoc does not ship

    @property
    def in_sync(self) -> bool:
        return not (self.differing or self.missing or self.extra)


def copy_folder(root: Path) -> Path:
    """Where a registry's schema copy lives: schemas/ next to the registry folder."""
    return root.parent / "schemas"


def compare(root: Path) -> SchemaCopy | None:
    """How the copy next to the registry ``root`` differs; None when there is no copy (or it is
    protsoc's own folder, as in protsoc's checkout)."""
    folder = copy_folder(root)
    own = schema_dir()
    if not folder.is_dir() or folder.resolve() == own.resolve():
        return None
    ours = {path.name: path for path in own.glob("*.schema.json")}
    theirs = {path.name: path for path in folder.glob("*.schema.json")}
    differing = sorted(
        name
        for name in ours.keys() & theirs.keys()
        if theirs[name].read_bytes() != ours[name].read_bytes()
    )
    return SchemaCopy(
        folder, differing, sorted(ours.keys() - theirs.keys()), sorted(theirs.keys() - ours.keys())
    )


def findings(root: Path, display: Callable[[Path], str]) -> list[Finding]:
    """One warning per file of the copy that differs, is missing or is not protsoc's."""
    copy = compare(root)
    if copy is None:
        return []
    hint = _("run `protsoc schemas sync --commit`: protsoc validates with its own schemas")
    differs = _("the repository's copy of {name} differs from the schema protsoc validates with")
    missing = _("the repository's copy of {name} is missing: protsoc validates with its own")
    extra = _("the repository's copy of {name} is not one of protsoc's schemas")
    result = []
    for name, why in (
        *((name, differs) for name in copy.differing),
        *((name, missing) for name in copy.missing),
        *((name, extra) for name in copy.extra),
    ):
        result.append(
            Finding(
                RULE,
                why.format(name=name),
                display(copy.folder / name),
                Severity.WARNING,
                hint=hint,
            )
        )
    return result
