"""The registry on disk: finding it, its file layout, and loading its records.

Layout (the contract other commands and CI rely on)::

    registry/
      protsoc.yaml                                  manifest
      committees/<committee-id>.yaml
      meetings/<committee-id>/<YYYY-MM-DD>[-N].yaml  id = "<committee-id>/<YYYY-MM-DD>[-N]"
      roadmap/roadmap.yaml
      roadmap/actions/<action-id>.yaml
      roadmap/indicators/<indicator-id>.yaml
      roadmap/evaluations/<evaluation-id>.yaml
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .errors import RegistryNotFound
from .findings import Finding, Severity

if TYPE_CHECKING:
    from . import yamlio

MANIFEST = "protsoc.yaml"
ENV_VAR = "PROTSOC_REGISTRY"

KINDS = ("registry", "committee", "meeting", "roadmap", "action", "indicator", "evaluation")

_SLUG = r"[a-z0-9][a-z0-9-]*"
_MEETING_STEM = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-([1-9]\d*))?$")
_SLUG_RE = re.compile(rf"^{_SLUG}$")
_FOLDERS = {
    "committees": "committee",
    "roadmap/actions": "action",
    "roadmap/indicators": "indicator",
    "roadmap/evaluations": "evaluation",
}


def find_registry(option: str | os.PathLike[str] | None = None, cwd: Path | None = None) -> Path:
    """The registry folder: ``--registry``, else ``$PROTSOC_REGISTRY``, else the nearest ``registry/``.

    A folder holding ``protsoc.yaml`` is a registry; so is a repository whose ``registry/`` holds it.
    """
    for given, origin in ((option, "--registry"), (os.environ.get(ENV_VAR) or None, f"--registry or {ENV_VAR}")):
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


@dataclass
class RecordFile:
    """A registry file, classified by its place in the layout."""

    kind: str
    path: Path
    expected_id: str
    rel: str = ""  # the path relative to the registry root, when known (``record_files``)
    location: str = ""  # ``path`` as a string, when known: what ``validate`` opens to hash every file

    def display(self) -> str:
        shown = self.__dict__.get("_shown")  # asked for every finding: resolve the path once
        if shown is None:
            shown = self.__dict__["_shown"] = display_path(self.path)
        return shown


@dataclass
class Record:
    """A record loaded from disk; ``data`` is None when the file could not be parsed."""

    file: RecordFile
    data: dict[str, Any] | None
    document: yamlio.Document | None

    @property
    def kind(self) -> str:
        return self.file.kind

    @property
    def id(self) -> str:
        return self.file.expected_id

    @property
    def path(self) -> str:
        return self.file.display()


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
    return _classify_relative((path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix(), path)


def _classify_relative(rel: str, path: Path) -> RecordFile | None:
    if rel == MANIFEST:
        return RecordFile("registry", path, "", rel)
    if rel == "roadmap/roadmap.yaml":
        return RecordFile("roadmap", path, "roadmap", rel)
    parts = rel.split("/")
    if not parts[-1].endswith(".yaml"):
        return None
    stem = parts[-1][: -len(".yaml")]
    folder = "/".join(parts[:-1])
    if folder in _FOLDERS:
        return RecordFile(_FOLDERS[folder], path, stem, rel)
    if len(parts) == 3 and parts[0] == "meetings":
        return RecordFile("meeting", path, f"{parts[1]}/{stem}", rel)
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
                found.append((rel.split("/"), folder_path, name, rel, entry.path,
                              None if entry.is_symlink() else prefix + name))
    found.sort(key=lambda item: item[0])
    for _, folder_path, name, rel, location, shown in found:
        # Path's own child constructor skips re-parsing the folder (12,000 files: 40 ms); it is
        # private, so any Python without it gets the public operator.
        child = getattr(folder_path, "_make_child_relpath", None)
        path = child(name) if child is not None else folder_path / name
        record_file = _classify_relative(rel, path)
        if record_file is None:
            stray.append(
                Finding(
                    "layout-unknown-file",
                    "this YAML file is not part of the registry layout and is not checked",
                    display_path(path),
                    Severity.WARNING,
                    1,
                    1,
                    hint="move it to committees/, meetings/<committee>/, or roadmap/…; records "
                    "use the .yaml extension (not .yml)",
                )
            )
            continue
        record_file.location = location
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


def load_record(record_file: RecordFile, raw: bytes | None = None) -> tuple[Record, list[Finding]]:
    """Read (unless ``raw`` holds its bytes) and parse one file; parse problems become findings,
    never exceptions."""
    from . import yamlio  # not at the top: a warm `validate` reads no YAML (15 ms of imports)

    display = record_file.display()
    if raw is None:
        try:
            raw = record_file.path.read_bytes()
        except OSError as exc:
            finding = Finding("file-unreadable", f"cannot read the file: {exc.strerror}", display, line=1, column=1)
            return Record(record_file, None, None), [finding]
    try:
        document = yamlio.loads(raw)
    except yamlio.YamlError as exc:
        return Record(record_file, None, None), [_finding_from_problem(exc.problem, display)]
    findings = [_finding_from_problem(problem, display) for problem in document.problems]
    if not isinstance(document.data, dict):
        findings.append(
            Finding(
                "yaml-not-mapping",
                "a record must be a YAML mapping of fields (key: value), not a list or a single value",
                display,
                line=1,
                column=1,
                hint="start the file with the record's fields, e.g. `id: …`",
            )
        )
        return Record(record_file, None, document), findings
    return Record(record_file, document.data, document), findings


def _finding_from_problem(problem: yamlio.YamlProblem, display: str) -> Finding:
    return Finding(
        problem.rule,
        problem.message,
        display,
        Severity.ERROR if problem.is_error else Severity.WARNING,
        problem.line,
        problem.column,
        hint=problem.hint,
    )


@dataclass
class Registry:
    """A loaded registry: its records by kind and id, and the findings met while loading."""

    root: Path
    records: list[Record] = field(default_factory=list)
    load_findings: list[Finding] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> "Registry":
        registry = cls(root=root)
        files, stray = record_files(root)
        registry.load_findings.extend(stray)
        from . import cache  # unchanged files come from the content-hash cache (issue 8)

        for record, findings in cache.load_records(Path(root), files):
            registry.records.append(record)
            registry.load_findings.extend(findings)
        return registry

    # The index: the parsed records by kind, each kind's records by id, and the meetings by
    # committee, built on first use instead of scanning every record on each call (commands ask
    # ``of_kind``/``by_id``/``meetings_of`` once per committee: quadratic at 10,000 meetings).
    #
    # It is keyed on the identity and length of ``self.records`` (the list object itself is kept,
    # so its id cannot be reused by another list): code that replaces the list (``registry.records
    # = [...]``: incremental.py, LazyRegistry) or appends to it (``records.append``: Registry.load,
    # incremental.py) gets a fresh index on its next call, with no hook to remember. Not keyed on
    # anything finer because nothing in protsoc changes records in place: writers (clerk.py)
    # build a new Registry. Code that does replace an element or edit a record's ``data`` in
    # place must call ``invalidate()``. Callers get copies, so they cannot corrupt the index.

    def _indexed(self) -> _Index:
        records = self.records
        index = self.__dict__.get("_index")  # not a dataclass field: LazyRegistry skips __init__
        if index is None or index.records is not records or index.length != len(records):
            index = self.__dict__["_index"] = _Index(records)
        return index

    def invalidate(self) -> None:
        """Forget the index after changing ``records`` in place (not needed after an append or
        after assigning a new list)."""
        self.__dict__.pop("_index", None)

    def of_kind(self, kind: str) -> list[Record]:
        """The kind's parsed records (``data`` not None), in load order."""
        return list(self._indexed().kind(kind))

    def by_id(self, kind: str) -> dict[str, Record]:
        """The kind's parsed records by id (the last one wins when two share an id)."""
        return dict(self._indexed().ids(kind))

    @property
    def manifest(self) -> dict[str, Any]:
        found = self.of_kind("registry")
        return found[0].data if found and found[0].data else {}

    @property
    def roadmap(self) -> dict[str, Any]:
        found = self.of_kind("roadmap")
        return found[0].data if found and found[0].data else {}

    def meetings_of(self, committee_id: str, errata: bool = True) -> list[Record]:
        """The committee's meeting records by date; ``errata=False`` leaves out errata, which
        correct a meeting's minutes but are not meetings of their own (cadence, counts, follow-up)."""
        meetings = self._indexed().meetings(committee_id)
        return list(meetings) if errata else [m for m in meetings if not is_erratum(m.data)]


class _Index:
    """What ``Registry`` looks up, computed once per list of records (see ``Registry._indexed``)."""

    def __init__(self, records: list[Record]) -> None:
        self.records = records
        self.length = len(records)
        self._kinds: dict[str, list[Record]] = {}
        for record in records:
            if record.data is not None:
                self._kinds.setdefault(record.kind, []).append(record)
        self._ids: dict[str, dict[str, Record]] = {}
        self._meetings: dict[Any, list[Record]] | None = None

    def kind(self, kind: str) -> list[Record]:
        return self._kinds.get(kind, [])

    def ids(self, kind: str) -> dict[str, Record]:
        found = self._ids.get(kind)
        if found is None:
            found = self._ids[kind] = {record.id: record for record in self.kind(kind)}
        return found

    def meetings(self, committee_id: Any) -> list[Record]:
        if self._meetings is None:
            grouped: dict[Any, list[Record]] = {}
            for meeting in self.kind("meeting"):
                if not meeting.data:  # an empty mapping belongs to no committee
                    continue
                try:
                    grouped.setdefault(meeting.data.get("committee"), []).append(meeting)
                except TypeError:  # an unhashable committee (a list): equal to no committee id
                    continue
            for meetings in grouped.values():  # stable: records with the same date keep load order
                meetings.sort(key=lambda m: (str(m.data.get("date", "")), m.id))  # type: ignore[union-attr]
            self._meetings = grouped
        try:
            return self._meetings.get(committee_id, [])
        except TypeError:  # asked for an unhashable committee id: scan, as before the index
            found = [m for m in self.kind("meeting") if m.data and m.data.get("committee") == committee_id]
            return sorted(found, key=lambda m: (str(m.data.get("date", "")), m.id))  # type: ignore[union-attr]


def is_erratum(meeting: Any) -> bool:
    """True for an erratum record (``minutes.amends``): it corrects another meeting's minutes."""
    minutes = meeting.get("minutes") if isinstance(meeting, dict) else None
    return isinstance(minutes, dict) and isinstance(minutes.get("amends"), str)


def is_slug(value: Any) -> bool:
    return isinstance(value, str) and bool(_SLUG_RE.match(value))


def split_meeting_stem(stem: str) -> tuple[str, int | None] | None:
    """``2024-11-26-2`` -> ("2024-11-26", 2); None when the stem is not a meeting file name."""
    match = _MEETING_STEM.match(stem)
    if not match:
        return None
    return match.group(1), int(match.group(2)) if match.group(2) else None


def iter_strings(value: Any, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    """Every string in a record, with its JSON path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_strings(item, path + (index,))
