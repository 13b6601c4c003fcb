"""A content-addressed cache of parsed records, per-file findings and whole validation results.

Parsing YAML is most of what ``protsoc validate`` costs on a large registry; a record whose bytes
have not changed parses to the same data. So each file's parse (data, implicit scalars, load
findings) and its schema and hygiene findings are kept under the hash of its bytes, and a whole
validation result under the hash of every file, the date and the working directory.

The cache is never trusted when stale:
- entries are keyed by a BLAKE2b digest of the file's bytes (never by modification time, which a
  git checkout resets);
- every cache file carries the program key: protsoc's version, a digest of protsoc's own source
  files and of the JSON schemas, the Python version, the YAML parser in use and the message
  language. Any difference throws the whole cache away;
- a cache file that cannot be read (truncated, another format) is ignored, never an error.

It lives outside the git tree: ``$PROTSOC_CACHE_DIR``, else ``$XDG_CACHE_HOME/protsoc``, else
``~/.cache/protsoc``, one folder per registry. ``--no-cache`` or ``PROTSOC_NO_CACHE=1`` switch it
off: nothing is read or written.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import Finding, Severity

if TYPE_CHECKING:
    from .registry import Record, RecordFile, Registry

FORMAT = 1
ENV_DISABLE = "PROTSOC_NO_CACHE"
ENV_DIR = "PROTSOC_CACHE_DIR"
_LANGUAGE_VARS = ("PROTSOC_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_RECORDS = "records.marshal"
_RESULT = "result.marshal"

_disabled = False
_stores: dict[tuple, Store] = {}
_read_ahead: dict[str, bytes] = {}  # bytes read to compute a key, reused by the load that follows
_deferred = [0]  # > 0 while a caller will save the store itself (one write instead of two)


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


def base_directory() -> Path:
    given = os.environ.get(ENV_DIR)
    if given:
        return Path(given).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "protsoc"
    try:
        return Path.home() / ".cache" / "protsoc"
    except (KeyError, RuntimeError):  # no home directory (some CI containers): a private temp folder
        return Path(tempfile.gettempdir()) / f"protsoc-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def directory(root: Path) -> Path:
    """The cache folder of one registry (named after its absolute path)."""
    name = hashlib.blake2b(str(Path(root).resolve()).encode("utf-8"), digest_size=8).hexdigest()
    return base_directory() / name


@cache
def _code_digest() -> str:
    from . import yamlio
    from .resources import schema_dir

    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    for path in sorted(schema_dir().glob("*.json")):
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    digest.update(f"{sys.version}|libyaml={yamlio.using_libyaml()}".encode())
    return digest.hexdigest()


def program_key() -> str:
    """What a cached entry was computed by: any change here makes every entry stale."""
    from . import __version__

    language = "|".join(os.environ.get(name, "") for name in _LANGUAGE_VARS)
    return f"{FORMAT}|{__version__}|{_code_digest()}|{language}"


def content_digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def _read_marshal(path: Path) -> Any:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    enabled_gc = gc.isenabled()
    gc.disable()  # records hold no cycles; the collector's scans of a large heap only cost time
    try:
        return marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        if enabled_gc:
            gc.enable()


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


# --- findings as plain data ------------------------------------------------------------------


def finding_to_tuple(finding: Finding, with_path: bool = False) -> tuple:
    return (finding.rule, finding.message, finding.severity.value, finding.line, finding.column,
            tuple(finding.json_path), finding.hint, finding.path if with_path else None)


def finding_from_tuple(item: tuple, path: str | None = None) -> Finding:
    rule, message, severity, line, column, json_path, hint, stored_path = item
    return Finding(rule, message, path if path is not None else stored_path, Severity(severity), line, column,
                   tuple(json_path), hint)


# --- per-file records ------------------------------------------------------------------------


class Store:
    """The per-file entries of one registry: relative path -> [digest, parse, findings].

    ``parse`` is the marshalled (data, implicit scalars, load findings) of the file; it is kept as
    bytes and unmarshalled for every use, so no caller ever shares (and could change) the
    cache's objects. ``findings`` are the file's schema and hygiene findings, or None.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = directory(root) / _RECORDS
        self.entries: dict[str, list] = {}
        self.digests: dict[str, bytes] = {}  # what this process read, by relative path
        self.dirty = False
        stored = _read_marshal(self.path)
        if isinstance(stored, dict) and stored.get("key") == program_key():
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self.entries = entries

    def entry(self, rel: str) -> list | None:
        digest = self.digests.get(rel)
        entry = self.entries.get(rel)
        if digest is None or entry is None or entry[0] != digest:
            return None
        return entry

    def save(self) -> None:
        if self.dirty:
            _write_marshal(self.path, {"key": program_key(), "entries": self.entries})
            self.dirty = False


def store_for(root: Path) -> Store:
    key = (str(root), os.getcwd(), str(base_directory()))  # cheap: asked once per record
    store = _stores.get(key)
    if store is None:
        store = _stores[key] = Store(Path(root).resolve())
    return store


def _relative(root: Path, path: Path) -> str:
    """``path`` relative to the registry root (files found by walking ``root`` need no syscall)."""
    root_text, path_text = str(root), str(path)
    if path_text.startswith(root_text + os.sep) and ".." not in path_text:
        return path_text[len(root_text) + 1:].replace(os.sep, "/")
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path) -> bytes | None:
    raw = _read_ahead.pop(str(path), None)
    if raw is not None:
        return raw
    try:
        return path.read_bytes()
    except OSError:
        return None


def load_records(root: Path, files: list[RecordFile]) -> list[tuple[Record, list[Finding]]]:
    """``registry.load_record`` for every file, from the cache where the bytes are unchanged."""
    from . import parallel, yamlio
    from .registry import load_record

    _prefill_display(files)
    if not enabled():
        return parallel.load_all(files)
    store = store_for(root)
    root = Path(root)
    results: list[tuple[Record, list[Finding]] | None] = []
    misses: list[int] = []
    raws: dict[int, bytes] = {}
    seen: set[str] = set()
    for index, record_file in enumerate(files):
        rel = _relative(root, record_file.path)
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
            rel = _relative(root, files[index].path)
            document = record.document
            if record.data is None or document is None or not isinstance(record.data, dict):
                continue
            if document.text != yamlio.decode(raws[index])[0]:
                continue  # the file changed while it was being read: do not cache either version
            parse = (record.data, list(document.implicit.items()), [finding_to_tuple(f) for f in findings],
                     [_problem_tuple(p) for p in document.problems])
            store.entries[rel] = [store.digests[rel], marshal.dumps(parse), None]
            store.dirty = True
    for rel in list(store.entries):
        if rel not in seen:
            del store.entries[rel]
            store.dirty = True
    if not _deferred[0]:
        store.save()
    return results  # type: ignore[return-value]


def _problem_tuple(problem: Any) -> tuple:
    return (problem.rule, problem.message, problem.line, problem.column, problem.hint, problem.is_error)


def _from_entry(record_file: RecordFile, raw: bytes, entry: list) -> tuple[Record, list[Finding]] | None:
    """The record and load findings of a cache entry; None (parse again) if they cannot be rebuilt."""
    from . import yamlio
    from .registry import Record

    try:
        data, implicit, load_findings, problems = marshal.loads(entry[1])
        text, _ = yamlio.decode(raw)
        document = yamlio.Document(data=data, text=text, implicit=dict(implicit),
                                   problems=[yamlio.YamlProblem(*p) for p in problems])
        display = record_file.display()
        return Record(record_file, data, document), [finding_from_tuple(item, display) for item in load_findings]
    except Exception:  # noqa: BLE001 - an entry this code cannot read (it changed under us): parse the file again
        return None


def _prefill_display(files: list[RecordFile]) -> None:
    """Each file's display name, resolving each folder once instead of once per file.

    ``registry.display_path`` depends on the folder (resolved against the working directory) and
    the file's own name; a symbolic link, or a display that does not end with the name, is left to
    ``display_path`` itself.
    """
    from .registry import display_path

    prefixes: dict[Path, str | None] = {}
    for record_file in files:
        path = record_file.path
        if "_shown" in record_file.__dict__ or path.is_symlink():
            continue
        prefix = prefixes.get(path.parent, "")
        if prefix == "":
            shown = display_path(path)
            record_file.__dict__["_shown"] = shown
            prefixes[path.parent] = shown[: -len(path.name)] if shown.endswith("/" + path.name) else None
        elif prefix is not None:
            record_file.__dict__["_shown"] = prefix + path.name


@contextlib.contextmanager
def one_save(root: Path) -> Iterator[None]:
    """Loads inside the block leave the saving to its end: the store is written once."""
    _deferred[0] += 1
    try:
        yield
    finally:
        _deferred[0] -= 1
    save(root)


def record_findings(root: Path, record: Record, compute: Any) -> list[Finding]:
    """The schema and hygiene findings of one record: ``compute(record)``, cached by content."""
    if not enabled() or record.data is None:
        return compute(record)
    store = store_for(root)
    rel = _relative(Path(root), record.file.path)
    entry = store.entry(rel)
    if entry is not None and entry[2] is not None:
        display = record.path
        return [finding_from_tuple(item, display) for item in entry[2]]
    findings = compute(record)
    if entry is not None:  # ``record`` was read in this process from the bytes of that digest
        entry[2] = [finding_to_tuple(f) for f in findings]
        store.dirty = True
    return findings


def save(root: Path) -> None:
    if enabled():
        store_for(root).save()


# --- whole validation results ------------------------------------------------------------------


def forget_read_ahead() -> None:
    """Drop the bytes kept by ``result_key``: a later load must read the files again."""
    _read_ahead.clear()


def every_file(root: Path) -> list[str]:
    """Every file under ``root`` but git's own: a superset of what the registry reads, so a
    result is keyed by anything that could change it (stray files and their names included)."""
    found: list[str] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != ".git")
        found.extend(os.path.join(folder, name) for name in sorted(names))
    return found


def result_key(root: Path, files: Iterable[str], extra: str) -> str | None:
    """A digest of every registry file's name and bytes, plus ``extra`` (date, options, cwd)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(program_key().encode("utf-8"))
    digest.update(extra.encode("utf-8"))
    prefix = len(str(root)) + 1
    for path in files:
        try:
            with open(path, "rb") as stream:
                raw = stream.read()
        except OSError:
            return None
        _read_ahead[path] = raw
        digest.update(path[prefix:].encode("utf-8", "surrogateescape"))
        digest.update(hashlib.blake2b(raw, digest_size=16).digest())
    return digest.hexdigest()


def cached_result(root: Path, key: str) -> tuple[list[Finding], int] | None:
    stored = _read_marshal(directory(root) / _RESULT)
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    try:
        return [finding_from_tuple(item) for item in stored["findings"]], int(stored["files_checked"])
    except (KeyError, TypeError, ValueError):
        return None


def store_result(root: Path, key: str, findings: list[Finding], files_checked: int) -> None:
    _write_marshal(directory(root) / _RESULT, {
        "key": key,
        "findings": [finding_to_tuple(f, with_path=True) for f in findings],
        "files_checked": files_checked,
    })


def lazy_registry(root: Path) -> Registry:
    """A registry whose records are loaded (from the cache) only if someone looks at them."""
    from .registry import Registry

    class LazyRegistry(Registry):
        def __init__(self, root: Path) -> None:
            self.root = root
            self._loaded: Registry | None = None

        def _load(self) -> Registry:
            if self._loaded is None:
                self._loaded = Registry.load(self.root)
            return self._loaded

        @property  # type: ignore[override]
        def records(self) -> list:
            return self._load().records

        @records.setter
        def records(self, value: list) -> None:
            self._load().records = value

        @property  # type: ignore[override]
        def load_findings(self) -> list:
            return self._load().load_findings

        @load_findings.setter
        def load_findings(self, value: list) -> None:
            self._load().load_findings = value

    return LazyRegistry(root)
