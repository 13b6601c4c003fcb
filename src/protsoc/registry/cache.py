"""A content-addressed cache of parsed records and of validation's per-file and registry-wide
findings.

Parsing YAML is most of what a command costs on a large registry; a record whose bytes have not
changed parses to the same data and gets the same per-file findings. So each file's parse (data,
implicit scalars, load findings) is kept under the hash of its bytes for the commands that need
whole records (``Store``), and what ``protsoc validate`` needs of it, its findings and the
projection the registry-wide rules read, in a smaller store of its own (``CheckStore``).

The cache is never trusted when stale:
- entries are keyed by a BLAKE2b digest of the file's bytes (never by modification time, which a
  git checkout resets);
- every cache file carries the program key: protsoc's version, a digest of protsoc's own source
  files and of the JSON schemas, the Python version, PyYAML's installed files (so whether
  libyaml is present) and, for what holds worded findings, the language they are worded in. Any
  difference throws the whole file away;
- findings are stored worded, as the rules wrote them, in the language of the run: the records'
  and the checks' files are kept one per language (``checks.marshal`` in English,
  ``checks.ar.marshal`` in Arabic…), so a run in Arabic after one in English neither reuses
  English findings nor throws the English cache away; the projections, which hold no words, are
  shared;
- a cache file that cannot be read (truncated, another format) or whose entries do not have
  exactly the shape this code writes is ignored, never an error.

It lives outside the git tree: ``$PROTSOC_CACHE_DIR``, else ``$XDG_CACHE_HOME/protsoc``, else
``~/.cache/protsoc``, one folder per registry. ``--no-cache`` or ``PROTSOC_NO_CACHE=1`` switch it
off: nothing is read or written.

Whoever can write the cache decides what ``validate`` answers (a forged entry can say that a
tampered file is valid), so the cache is trusted exactly like the user's home directory, and used
only where nobody else can write: both its folders must belong to the current user and be
writable by nobody else, checked on every run. Anything else (another owner, a group- or
world-writable folder, no home directory and no variable naming a folder) means no cache for this
run and one warning (``take_warnings``), never a fallback into a shared folder such as ``/tmp``,
where another user could create the folder first.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from protsoc.kernel import collector
from protsoc.kernel import i18n
from protsoc.kernel.findings import Finding, Severity, finding_from_tuple, finding_to_tuple

if TYPE_CHECKING:
    from protsoc.registry.layout import RecordFile
    from protsoc.registry.records import Record

FORMAT = 2
ENV_DISABLE = "PROTSOC_NO_CACHE"
ENV_DIR = "PROTSOC_CACHE_DIR"
_RECORDS = "records.marshal"
_CHECKS = "checks.marshal"
_PROJECTIONS = "projections.marshal"

_disabled = False
_stores: dict[tuple, Store] = {}
_warnings: dict[str, None] = {}  # what the CLI prints on stderr, each line once per process


def disable() -> None:
    """Switch the cache off for the rest of this process."""
    global _disabled
    _disabled = True


@contextlib.contextmanager
def switched_off(off: bool = True) -> Iterator[None]:
    """``--no-cache``: no cache read or written inside the block (when ``off``)."""
    global _disabled
    before = _disabled
    _disabled = before or off
    try:
        yield
    finally:
        _disabled = before


def enabled() -> bool:
    return not _disabled and os.environ.get(ENV_DISABLE, "") in ("", "0")


def base_directory() -> Path | None:
    """Where the caches of every registry live; None without a home directory or a variable
    naming a folder (some CI containers): then there is no cache, never a shared temp folder."""
    given = os.environ.get(ENV_DIR)
    if given:
        return Path(given).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "protsoc"
    try:
        return Path.home() / ".cache" / "protsoc"
    except (KeyError, RuntimeError):
        return None


def directory(root: Path) -> Path | None:
    """The cache folder of one registry (named after its absolute path)."""
    base = base_directory()
    if base is None:
        return None
    name = hashlib.blake2b(str(Path(root).resolve()).encode("utf-8"), digest_size=8).hexdigest()
    return base / name


def _warn(line: str) -> None:
    _warnings.setdefault(line, None)


def take_warnings() -> list[str]:
    """The cache's warnings of this process not handed out yet (the CLI prints them on stderr)."""
    lines = list(_warnings)
    _warnings.clear()
    return lines


def _untrusted_because(folder: Path) -> str | None:
    """Why ``folder`` cannot hold a cache this user may trust; None when it can.

    It must be a folder (symbolic links are followed: what counts is the folder written into)
    owned by the current user and writable by nobody else. A missing folder is created private.
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.stat(folder)
    except OSError as error:
        return f"it cannot be created or read ({error.strerror or error})"
    if not stat.S_ISDIR(status.st_mode):
        return "it is not a folder"
    getuid = getattr(os, "getuid", None)
    if getuid is not None and status.st_uid != getuid():
        return f"it belongs to user id {status.st_uid}, not to you ({getuid()})"
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "other users can write into it"
    return None


def trusted_directory(root: Path) -> Path | None:
    """``directory(root)`` when it and the folder above it are the user's own and private, else
    None (no cache this run) with one warning. Checked on every use: a cache folder that became
    writable by others since the last run is not read again."""
    folder = directory(root)
    if folder is None:
        _warn(
            "protsoc: no cache (no home directory, and neither PROTSOC_CACHE_DIR nor "
            "XDG_CACHE_HOME is set)"
        )
        return None
    for candidate in (folder.parent, folder):
        reason = _untrusted_because(candidate)
        if reason is not None:
            _warn(
                f"protsoc: not using the cache in {candidate}: {reason}; running without it "
                f"(chmod go-w {candidate}, or set PROTSOC_CACHE_DIR to a folder of your own)"
            )
            return None
    return folder


def _yaml_installation() -> str:
    """The installed PyYAML, as the names and sizes of its package's files, found without
    importing it (a warm validation reads no YAML and should not pay for PyYAML's import).

    Installing or removing libyaml's C extension changes it (the messages of YAML syntax errors
    differ between the two parsers), and so does another version of PyYAML (whose errors may
    differ too): the key names the package's files, not any module of its own.
    """
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    if spec is None:
        return "no yaml"
    files = []
    for folder in spec.submodule_search_locations or ():
        with os.scandir(folder) as entries:
            files += [
                f"{entry.name}:{entry.stat().st_size}" for entry in entries if entry.is_file()
            ]
    return "|".join(sorted(files))


@cache
def _code_digest() -> str:
    from protsoc.kernel.resources import schema_dir

    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent  # every module of protsoc, not only registry/
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    for path in sorted(package.rglob("*.mo")):  # the catalogues that word the findings
        digest.update(path.relative_to(package).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    for path in sorted(schema_dir().glob("*.json")):
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    digest.update(f"{sys.version}|yaml={_yaml_installation()}".encode())
    return digest.hexdigest()


def program_key(worded: bool = True) -> str:
    """What a cached entry was computed by: any change here makes every entry stale. ``worded``:
    the entries hold findings, whose words depend on the language the run speaks (``--lang``,
    ``$PROTSOC_LANG``, the locale: what ``i18n`` installed)."""
    from protsoc import __version__

    language = i18n.language() if worded else "-"
    return f"{FORMAT}|{__version__}|{_code_digest()}|{language}"


def _worded(name: str) -> str:
    """The file of ``name`` for the findings of the run's language (English keeps the plain
    name)."""
    language = i18n.language()
    return name if language == "en" else name.replace(".marshal", f".{language}.marshal")


def content_digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def _read_marshal(path: Path) -> Any:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    with collector.paused():  # records hold no cycles; the collector's scans only cost time
        try:
            return marshal.loads(blob)
        except Exception:  # noqa: BLE001 - any blob marshal cannot decode is no cache, never a crash
            return None


def _write_marshal(path: Path, value: Any) -> None:
    """Atomic write; a cache that cannot be written is only a slower next run, never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                marshal.dump(value, stream)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass


# --- per-file records ------------------------------------------------------------------------


class Store:
    """The per-file parses of one registry: relative path -> [digest, parse].

    ``parse`` is the marshalled (data, implicit scalars, load findings) of the file; it is kept as
    bytes and unmarshalled for every use, so no caller ever shares (and could change) the
    cache's objects. (Validation's findings are kept apart, in ``CheckStore``.)
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        folder = trusted_directory(root)
        self.path = folder / _worded(_RECORDS) if folder is not None else None
        self.entries: dict[str, list] = {}
        self.digests: dict[str, bytes] = {}  # what this process read, by relative path
        self.dirty = False
        stored = _read_marshal(self.path) if self.path is not None else None
        if isinstance(stored, dict) and stored.get("key") == program_key():
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self.entries = {
                    rel: entry for rel, entry in entries.items() if _is_record_entry(rel, entry)
                }

    def entry(self, rel: str) -> list | None:
        digest = self.digests.get(rel)
        entry = self.entries.get(rel)
        if digest is None or entry is None or entry[0] != digest:
            return None
        return entry

    def save(self) -> None:
        if self.dirty and self.path is not None:
            _write_marshal(self.path, {"key": program_key(), "entries": self.entries})
        self.dirty = False


def _is_record_entry(rel: Any, entry: Any) -> bool:
    """Exactly what ``_load_records`` writes: [digest of the bytes, marshalled parse]."""
    return (
        isinstance(rel, str)
        and type(entry) is list
        and len(entry) == 2
        and type(entry[0]) is bytes
        and type(entry[1]) is bytes
    )


_SEVERITIES = frozenset(severity.value for severity in Severity)


def _is_finding_tuple(item: Any) -> bool:
    """Exactly what ``finding_to_tuple`` writes, so ``finding_from_tuple`` cannot fail on it."""
    if type(item) is not tuple or len(item) != 8:
        return False
    rule_id, message, severity, line, column, json_path, hint, path = item
    return (
        type(rule_id) is str
        and type(message) is str
        and severity in _SEVERITIES
        and (line is None or type(line) is int)
        and (column is None or type(column) is int)
        and type(json_path) is tuple
        and all(type(part) in (str, int) for part in json_path)
        and (hint is None or type(hint) is str)
        and (path is None or type(path) is str)
    )


def _is_check_entry(rel: Any, entry: Any) -> bool:
    """Exactly what ``CheckStore.put`` writes: (digest, finding tuples, projection digest, blob)."""
    return (
        isinstance(rel, str)
        and type(entry) is tuple
        and len(entry) == 4
        and type(entry[0]) is bytes
        and type(entry[1]) is list
        and all(_is_finding_tuple(item) for item in entry[1])
        and type(entry[2]) is bytes
        and (entry[3] is None or type(entry[3]) is str)
    )


def _is_projection_entry(entry: Any) -> bool:
    """(projection digest, projection): a projection is a record's mapping, or None."""
    return (
        type(entry) is tuple
        and len(entry) == 2
        and type(entry[0]) is bytes
        and (entry[1] is None or type(entry[1]) is dict)
    )


def store_for(root: Path) -> Store:
    # cheap: asked once per record; the language too, since the store holds worded findings
    key = (str(root), os.getcwd(), str(base_directory()), i18n.language())
    store = _stores.get(key)
    if store is None:
        store = _stores[key] = Store(Path(root).resolve())
    return store


def relative(root: Path, path: Path) -> str:
    """``path`` relative to the registry root (files found by walking ``root`` need no syscall)."""
    root_text, path_text = str(root), str(path)
    if path_text.startswith(root_text + os.sep) and ".." not in path_text:
        return path_text[len(root_text) + 1 :].replace(os.sep, "/")
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path) -> bytes | None:
    from protsoc.registry.files import RecordFileProblem, read_record_bytes

    try:
        return read_record_bytes(path)
    except RecordFileProblem:
        return None  # load_record reports why


def load_records(root: Path, files: list[RecordFile]) -> list[tuple[Record, list[Finding]]]:
    """``registry.load_record`` for every file, from the cache where the bytes are unchanged."""
    with collector.paused():  # about 0.6 s of a 10,000-meeting load otherwise
        return _load_records(root, files)


def _load_records(root: Path, files: list[RecordFile]) -> list[tuple[Record, list[Finding]]]:
    from protsoc.registry import pool as parallel
    from protsoc.registry import yamlio
    from protsoc.registry.records import load_record

    if not enabled():
        return parallel.load_all(files)
    store = store_for(root)
    root = Path(root)
    results: list[tuple[Record, list[Finding]] | None] = []
    misses: list[int] = []
    raws: dict[int, bytes] = {}
    seen: set[str] = set()
    for index, record_file in enumerate(files):
        rel = record_file.rel or relative(root, record_file.path)
        seen.add(rel)
        raw = _read(record_file.path)
        if raw is None:
            store.digests.pop(rel, None)
            results.append(load_record(record_file))
            continue
        store.digests[rel] = content_digest(raw)
        entry = store.entry(rel)
        hit = _from_entry(record_file, raw, entry) if entry is not None else None
        if hit is None:
            results.append(None)
            misses.append(index)
            raws[index] = raw
            continue
        results.append(hit)
    if misses:
        loaded = parallel.load_all([files[index] for index in misses])
        for index, (record, findings) in zip(misses, loaded):
            results[index] = (record, findings)
            rel = files[index].rel or relative(root, files[index].path)
            document = record.document
            if record.data is None or document is None or not isinstance(record.data, dict):
                continue
            if document.text != yamlio.decode(raws[index])[0]:
                continue  # the file changed while it was being read: do not cache either version
            parse = (
                record.data,
                list(document.implicit.items()),
                [finding_to_tuple(f) for f in findings],
                [yamlio.problem_to_tuple(p) for p in document.problems],
            )
            store.entries[rel] = [store.digests[rel], marshal.dumps(parse)]
            store.dirty = True
    for rel in list(store.entries):
        if rel not in seen:
            del store.entries[rel]
            store.dirty = True
    store.save()
    return results  # type: ignore[return-value]


def _from_entry(
    record_file: RecordFile, raw: bytes, entry: list
) -> tuple[Record, list[Finding]] | None:
    """The record and load findings of a cache entry; None (parse again) if they cannot be
    rebuilt."""
    from protsoc.registry import yamlio
    from protsoc.registry.records import Record

    try:
        data, implicit, load_findings, problems = marshal.loads(entry[1])
        if type(data) is not dict or not all(_is_finding_tuple(item) for item in load_findings):
            return None  # not what this code writes: parse the file again
        text, _ = yamlio.decode(raw)
        document = yamlio.Document(
            data=data,
            text=text,
            implicit=dict(implicit),
            problems=[yamlio.YamlProblem(*p) for p in problems],
        )
        display = record_file.display()
        return Record(record_file, data, document), [
            finding_from_tuple(item, display) for item in load_findings
        ]
    except Exception:  # noqa: BLE001 - an entry this code cannot read (it changed under us): parse the file again
        return None


def save(root: Path) -> None:
    if enabled():
        store_for(root).save()


# --- per-file checks and registry-wide findings (validation) ---------------------------------


class CheckStore:
    """What ``protsoc validate`` keeps between runs, in two files.

    - ``checks.marshal``: per file (relative path), the digest of its bytes, their findings
      (``filecheck.FileCheck``) and the digest of their projection; plus the registry-wide
      rules' findings with the key they were computed for (every file's projection digest, the
      date and the working directory). Small: read and written on every run.
    - ``projections.marshal``: per file, the projection itself. Read only when the registry-wide
      rules must run again, i.e. when some record's projection (what those rules read of it)
      changed. Editing a meeting's wording changes no projection; adding a meeting does.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = trusted_directory(root)
        self.entries: dict[str, tuple] = {}
        self.rules: tuple = ("", [])
        self.dirty = False
        self._projections: dict[str, Any] | None = None
        self._new_projections: dict[str, Any] = {}
        self.checks_name = _worded(_CHECKS)
        stored = _read_marshal(self.folder / self.checks_name) if self.folder is not None else None
        if (
            isinstance(stored, dict)
            and stored.get("key") == program_key()
            and isinstance(stored.get("entries"), dict)
        ):
            self.entries = {
                rel: entry
                for rel, entry in stored["entries"].items()
                if _is_check_entry(rel, entry)
            }
            rules = stored.get("rules")
            if (
                type(rules) is tuple
                and len(rules) == 2
                and type(rules[0]) is str
                and type(rules[1]) is list
                and all(_is_finding_tuple(item) for item in rules[1])
            ):
                self.rules = rules

    def get(self, rel: str, digest: bytes) -> tuple[list[tuple], bytes] | None:
        """The file's cached (findings, projection digest) when ``digest`` is that of the bytes
        checked."""
        entry = self.entries.get(rel)
        if not isinstance(entry, tuple) or len(entry) != 4 or entry[0] != digest:
            return None
        return entry[1], entry[2]

    def get_by_git_blob(self, rel: str, blob: str) -> tuple[list[tuple], bytes] | None:
        """The same, for a file whose content git vouches is the blob ``blob`` (git blob ids are
        content hashes too: SHA-1 of the bytes)."""
        entry = self.entries.get(rel)
        if not isinstance(entry, tuple) or len(entry) != 4 or not blob or entry[3] != blob:
            return None
        return entry[1], entry[2]

    def put(self, rel: str, check: Any, projection_digest: bytes) -> None:
        if check.digest is None:
            return
        old = self.entries.get(rel)
        if not (isinstance(old, tuple) and len(old) == 4 and old[2] == projection_digest):
            self._new_projections[rel] = (
                projection_digest,
                check.projection,
            )  # else: stored already
        self.entries[rel] = (check.digest, check.findings, projection_digest, check.git_blob)
        self.dirty = True

    def keep_only(self, rels: set[str]) -> None:
        """Forget the files that are gone (a deleted meeting's entry would only take room)."""
        for rel in [rel for rel in self.entries if rel not in rels]:
            del self.entries[rel]
            self.dirty = True

    def projection(self, rel: str, digest: bytes) -> Any:
        """The stored projection of a file, if it is the one of ``digest``; KeyError otherwise
        (the caller checks the file again)."""
        if rel in self._new_projections:
            stored = self._new_projections[rel]
        else:
            stored = self._stored_projections().get(rel)
        if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != digest:
            raise KeyError(rel)
        return stored[1]

    def _stored_projections(self) -> dict[str, Any]:
        if self._projections is None:
            stored = _read_marshal(self.folder / _PROJECTIONS) if self.folder is not None else None
            entries: dict[str, Any] = {}
            if (
                isinstance(stored, dict)
                and stored.get("key") == program_key(worded=False)
                and isinstance(stored.get("entries"), dict)
            ):
                entries = stored["entries"]
            self._projections = {
                rel: entry for rel, entry in entries.items() if _is_projection_entry(entry)
            }
        return self._projections

    def rule_findings(self, key: str) -> list[Finding] | None:
        if self.rules[0] != key:
            return None
        try:
            return [finding_from_tuple(item) for item in self.rules[1]]
        except (TypeError, ValueError):
            return None

    def set_rule_findings(self, key: str, findings: list[Finding]) -> None:
        self.rules = (key, [finding_to_tuple(f, with_path=True) for f in findings])
        self.dirty = True

    def save(self) -> None:
        """Write what changed: the projections first (each carries its digest, so an interrupted
        save never pairs an entry with another projection), then the checks."""
        if not self.dirty or self.folder is None:
            self.dirty = False
            return
        if self._new_projections:
            projections = {
                rel: value
                for rel, value in self._stored_projections().items()
                if rel in self.entries
            }
            projections.update(
                (rel, value) for rel, value in self._new_projections.items() if rel in self.entries
            )
            _write_marshal(
                self.folder / _PROJECTIONS,
                {"key": program_key(worded=False), "entries": projections},
            )
            self._projections, self._new_projections = projections, {}
        _write_marshal(
            self.folder / self.checks_name,
            {"key": program_key(), "entries": self.entries, "rules": self.rules},
        )
        self.dirty = False


def projection_digest(projection: Any) -> bytes:
    """A digest of a projection (marshal format 2 writes no back-references: equal data, equal
    bytes)."""
    return hashlib.blake2b(marshal.dumps(projection, 2), digest_size=16).digest()


def file_digest(path: Path | str) -> bytes | None:
    """The digest of a record file's bytes (None if it is not read: not a regular file, too large,
    unreadable). Every run hashes every file; ``read_record_bytes`` reads with plain system calls,
    a third faster than a buffered ``open`` on small files."""
    from protsoc.registry.files import RecordFileProblem, read_record_bytes

    try:
        return content_digest(read_record_bytes(path))
    except RecordFileProblem:
        return None
