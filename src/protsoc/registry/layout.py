"""The registry on disk: finding it, its file layout, and classifying its files.

Layout (the contract other commands and CI rely on)::

    registry/
      protsoc.yaml                                  manifest
      committees/<committee-id>.yaml
      meetings/<committee-id>/<YYYY-MM-DD>[-N].yaml  id = "<committee-id>/<YYYY-MM-DD>[-N]"
      roadmap/roadmap.yaml
      roadmap/actions/<action-id>.yaml
      roadmap/indicators/<indicator-id>.yaml
      roadmap/evaluations/<evaluation-id>.yaml
      programmes/<programme-id>.yaml
"""

from __future__ import annotations

import os
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from protsoc.kernel.errors import RegistryNotFound
from protsoc.kernel.findings import Finding, Severity
from protsoc.kernel.i18n import _

MANIFEST = "protsoc.yaml"
ENV_VAR = "PROTSOC_REGISTRY"

KINDS = (
    "registry",
    "committee",
    "meeting",
    "roadmap",
    "action",
    "indicator",
    "evaluation",
    "programme",
)

_SLUG = r"[a-z0-9][a-z0-9-]*"
_MEETING_STEM = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-([1-9]\d*))?$")
_SLUG_RE = re.compile(rf"^{_SLUG}$")
_FOLDERS = {
    "committees": "committee",
    "roadmap/actions": "action",
    "roadmap/indicators": "indicator",
    "roadmap/evaluations": "evaluation",
    "programmes": "programme",
}


def find_registry(option: str | os.PathLike[str] | None = None, cwd: Path | None = None) -> Path:
    """The registry folder: ``--registry``, else ``$PROTSOC_REGISTRY``, else the nearest
    ``registry/``.

    A folder holding ``protsoc.yaml`` is a registry; so is a repository whose ``registry/`` holds
    it.
    """
    for given, origin in (
        (option, "--registry"),
        (os.environ.get(ENV_VAR) or None, f"--registry or {ENV_VAR}"),
    ):
        if given:
            folder = Path(given).expanduser()
            found = _registry_in(folder)
            if found is None:
                raise RegistryNotFound(
                    f"{origin} points to {folder}, which holds no {MANIFEST}",
                    f"give the folder that holds {MANIFEST} (usually the repository's registry/), "
                    "or create one with `protsoc init`",
                )
            return found
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        found = _registry_in(folder)
        if found is not None:
            return found
    raise RegistryNotFound(
        f"no registry found in {start} or its parents (looked for registry/{MANIFEST})",
        "run the command inside a registry repository, pass --registry DIR, set "
        f"{ENV_VAR}, or create one with `protsoc init DIR`",
    )


def _registry_in(folder: Path) -> Path | None:
    if (folder / MANIFEST).is_file():
        return folder.resolve()
    if (folder / "registry" / MANIFEST).is_file():
        return (folder / "registry").resolve()
    return None


class RecordFile:
    """A registry file, classified by its place in the layout.

    ``path`` may be given as None with ``location`` (the path as a string): it is then made on
    first use. ``record_files`` runs on every command and a warm ``validate`` names and hashes
    12,000 files by their location strings without ever needing a ``Path`` of them (making one
    costs 1-2 microseconds a file).
    """

    def __init__(
        self,
        kind: str,
        path: Path | None,
        expected_id: str,
        rel: str = "",  # the path relative to the registry root, when known (``record_files``)
        location: str = "",  # ``path`` as a string, when known: what ``validate`` opens and hashes
    ) -> None:
        self.kind = kind
        self.expected_id = expected_id
        self.rel = rel
        self.location = location
        if path is not None:
            self.path = path  # stored where ``cached_property`` looks first
        elif not location:
            raise ValueError("a record file needs its path or its location")

    @cached_property
    def path(self) -> Path:
        return Path(self.location)

    def _fields(self) -> tuple:
        return (self.kind, self.path, self.expected_id, self.rel, self.location)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        kind, path, expected_id, rel, location = self._fields()
        return (
            f"RecordFile(kind={kind!r}, path={path!r}, expected_id={expected_id!r}, "
            f"rel={rel!r}, location={location!r})"
        )

    def display(self) -> str:
        shown = self.__dict__.get("_shown")  # asked for every finding: resolve the path once
        if shown is None:
            shown = self.__dict__["_shown"] = display_path(self.path)
        return shown


def display_path(path: Path) -> str:
    """How a file is named to the user: relative to the current directory when inside it.

    CI runs at the repository root, so this is also the path GitHub annotations need.
    """
    try:
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def classify(root: Path, path: Path) -> RecordFile | None:
    """Which record kind a file under the registry root is, or None when it is no record."""
    # The file's own name counts, not a symlink's target (a dangling link is still a record
    # file, reported as unreadable); the root may have been given relative or through a link.
    return _classify_relative(
        (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix(), path
    )


def _classify_relative(rel: str, path: Path | None, location: str = "") -> RecordFile | None:
    if rel == MANIFEST:
        return RecordFile("registry", path, "", rel, location)
    if rel == "roadmap/roadmap.yaml":
        return RecordFile("roadmap", path, "roadmap", rel, location)
    parts = rel.split("/")
    if not parts[-1].endswith(".yaml"):
        return None
    stem = parts[-1][: -len(".yaml")]
    folder = "/".join(parts[:-1])
    if folder in _FOLDERS:
        return RecordFile(_FOLDERS[folder], path, stem, rel, location)
    if len(parts) == 3 and parts[0] == "meetings":
        return RecordFile("meeting", path, f"{parts[1]}/{stem}", rel, location)
    return None


def record_files(root: Path) -> tuple[list[RecordFile], list[Finding]]:
    """Every record file of the registry, plus findings for YAML files outside the layout.

    Runs on every command, so each folder is resolved once (not each file), and each file's
    display name is made from its folder's (``display_path`` gives the same; symbolic links are
    left to it).
    """
    files: list[RecordFile] = []
    stray: list[Finding] = []
    resolved_root = root.resolve()
    cwd = Path.cwd().resolve()
    found = []
    for folder, entries in _walk(str(root)):
        folder_path = Path(folder)
        resolved = folder_path.resolve()
        rel_folder = resolved.relative_to(resolved_root).as_posix()
        try:
            shown_folder = resolved.relative_to(cwd).as_posix()
            prefix = "" if shown_folder == "." else shown_folder + "/"
        except ValueError:
            prefix = folder_path.as_posix() + "/"
        for entry in entries:
            name = entry.name
            if name.endswith((".yaml", ".yml")):
                rel = name if rel_folder == "." else f"{rel_folder}/{name}"
                found.append(
                    (
                        rel.split("/"),
                        folder_path,
                        name,
                        rel,
                        entry.path,
                        None if entry.is_symlink() else prefix + name,
                    )
                )
    found.sort(key=lambda item: item[0])
    for _key, folder_path, name, rel, location, shown in found:
        record_file = _classify_relative(rel, None, location)
        if record_file is None:
            stray.append(
                Finding(
                    "layout-unknown-file",
                    _("this YAML file is not part of the registry layout and is not checked"),
                    display_path(folder_path / name),
                    Severity.WARNING,
                    1,
                    1,
                    hint=_(
                        "move it to committees/, meetings/<committee>/, or roadmap/…; records "
                        "use the .yaml extension (not .yml)"
                    ),
                )
            )
            continue
        if shown is not None:
            record_file.__dict__["_shown"] = shown
        files.append(record_file)
    return files, stray


def _walk(root: str) -> Iterator[tuple[str, list[os.DirEntry]]]:
    """Each folder under ``root`` with its files, as ``os.walk`` sees them (symbolic links to
    folders are not followed; names starting with a dot are skipped)."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        files = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not entry.is_symlink():
                    stack.append(entry.path)
            else:
                files.append(entry)
        yield folder, files


def is_slug(value: Any) -> bool:
    return isinstance(value, str) and bool(_SLUG_RE.match(value))


def split_meeting_stem(stem: str) -> tuple[str, int | None] | None:
    """``2024-11-26-2`` -> ("2024-11-26", 2); None when the stem is not a meeting file name."""
    match = _MEETING_STEM.match(stem)
    if not match:
        return None
    return match.group(1), int(match.group(2)) if match.group(2) else None
