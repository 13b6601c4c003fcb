"""The write transaction of every clerk command: check in memory, write atomically, commit.

``execute`` runs one operation (a function from the ``Desk`` to a ``Plan``) under the
registry's lock:

1. load the registry, build the plan (refusing bad ids, unknown references, duplicates);
2. validate the resulting registry **in memory** (see ``check``): the changed records are
   parsed back from the exact text that would be written, and get every check of one file
   (schema, hygiene, per-file rules); the registry-wide rules run on the registry with them in
   place. Unchanged files are not checked again (their bytes do not change, so neither do their
   own findings), which keeps a write on a large registry to one load plus the registry-wide
   rules, whatever the number of files changed. Any error the change would introduce refuses
   the write: nothing is written and the findings are returned;
3. with ``--commit``, check the git repository (see ``gitrepo``) *before* writing;
4. write each file atomically (``yamlio.stage``: all new texts written beside their files and
   synced together, then each renamed into place); if anything fails midway, the files already
   written are put back as they were;
5. with ``--commit``, stage exactly those files and commit them with the plan's message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from protsoc.clerk import commits, writer
from protsoc.clerk.desk import Change, Desk, Plan
from protsoc.kernel.errors import EnvironmentProblem, InvalidRecord
from protsoc.kernel.findings import Finding
from protsoc.kernel.i18n import _
from protsoc.registry import yamlio
from protsoc.registry.layout import MANIFEST, classify
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record
from protsoc.validate import hygiene, rulebook, schemas
from protsoc.validate.positions import resolve_positions

LOCK_TIMEOUT_VAR = "PROTSOC_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 10.0


class RefusedChange(InvalidRecord):
    """The change would make the registry invalid; ``findings`` say why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(
            _("the change would make the registry invalid; nothing was written"),
            _("fix the values given (see the findings above) and run the command again"),
        )
        self.findings = findings


@dataclass
class Outcome:
    """What ``execute`` did: the plan, the files written, the commit and branch if any."""

    plan: Plan
    paths: list[Path]
    commit: str | None = None
    branch: str | None = None


def render(desk: Desk, plan: Plan) -> None:
    """Each change's new text, and that text as the strict loader reads it back (``check``
    validates that parse)."""
    for change in plan.changes:
        if change.removed:
            continue
        if change.template is not None:
            change.text, change.document = writer.update_read_back(
                change.kind, *change.template, change.data
            )
        elif change.old_text is None:
            change.text, change.document = writer.new_file_read_back(
                change.kind, change.data, change.path, desk.root
            )
        else:
            assert change.old_data is not None
            change.text, change.document = writer.update_read_back(
                change.kind, change.old_text, change.old_data, change.data
            )


def check(desk: Desk, plan: Plan) -> list[Finding]:
    """The errors the change would introduce into the registry (empty: the change is safe).

    An error is introduced when the registry after the change has it and the registry before
    did not: same rule, same file, same message. (The old versions of the changed files count
    their schema findings too; their hygiene, as before, does not.) Only what the change can
    affect is computed, which gives the same answer as checking every record of both
    registries (``tests/test_transaction_check.py`` compares the two on generated registries):

    - the schema, hygiene and per-file rule findings (``rules.FILE_RULES``) of the new texts,
      and the per-file rule and schema findings of the old versions of the changed files. An
      unchanged file's per-file findings are the same before and after (they depend on its
      bytes alone), so none of them can be introduced, and no other check reports under a
      per-file rule's id: they are not computed;
    - the registry-wide rules, once on the registry before the change and once after it.
    """
    registry = desk.registry
    today = dt.date.fromisoformat(desk.today)
    resolved = _resolver()
    changed = {resolved(change.path) for change in plan.changes}
    kept: list[Record] = []
    old_records: dict[Path, Record] = {}
    for record in registry.records:
        path = resolved(record.file.path)
        if path in changed:
            old_records[path] = record
        else:
            kept.append(record)
    new_records: list[Record] = []
    findings: list[Finding] = []
    for change in plan.changes:
        if change.removed:
            continue
        old = old_records.get(resolved(change.path))
        # the file's place in the layout, as loaded (its name for the user already worked out)
        record_file = old.file if old is not None else classify(registry.root, change.path)
        assert record_file is not None and record_file.kind == change.kind
        document = change.document
        if document is None:  # text set without ``render``: read it back here
            document = yamlio.loads(change.text.encode("utf-8"))
        record = Record(record_file, document.data, document)
        new_records.append(record)
        findings.extend(schemas.check(record.kind, record.data, record.path, document.implicit))
        if hygiene.may_find(document.text):  # else it can find nothing in this text
            findings.extend(hygiene.check(record.data, record.path))
    root = registry.root
    before = rulebook.run(registry, today, scope="registry")
    before += rulebook.run(Registry(root, list(old_records.values()), []), today, scope="file")
    before_keys = {_key(f) for f in before if f.is_error}
    for record in old_records.values():
        if record.data is not None and record.document is not None:
            before_keys |= {
                _key(f)
                for f in schemas.check(
                    record.kind, record.data, record.path, record.document.implicit
                )
            }
    findings.extend(rulebook.run(Registry(root, new_records, []), today, scope="file"))
    findings.extend(rulebook.run(Registry(root, kept + new_records, []), today, scope="registry"))
    introduced = [f for f in findings if f.is_error and _key(f) not in before_keys]
    resolve_positions(
        introduced, {r.path: r.document.text for r in new_records if r.document is not None}
    )
    return sorted(introduced, key=Finding.sort_key)


def _resolver() -> Callable[[Path], Path]:
    """``Path.resolve`` for many files of few folders: each folder is resolved once (a file
    that is a symbolic link itself is resolved whole)."""
    folders: dict[Path, Path] = {}

    def resolved(path: Path) -> Path:
        if path.is_symlink():
            return path.resolve()
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        return folder / path.name

    return resolved


def _key(finding: Finding) -> tuple:
    return (finding.rule, finding.path, finding.message)


def lock_timeout() -> float:
    """``$PROTSOC_LOCK_TIMEOUT`` in seconds; a value that is not one is a usage error (exit 2)."""
    given = os.environ.get(LOCK_TIMEOUT_VAR, "").strip()
    if not given:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(given)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or not 0 <= seconds <= 86400:
        raise EnvironmentProblem(
            _("{variable}={value!r} is not a number of seconds").format(
                variable=LOCK_TIMEOUT_VAR, value=given
            ),
            _("set it to a number of seconds between 0 and 86400, e.g. 10, or unset it"),
        )
    return seconds


@contextlib.contextmanager
def locked(root: Path, timeout: float | None = None) -> Iterator[None]:
    """Serialise writers of one registry: an exclusive lock on the registry folder itself.

    Locking the folder (not a lock file) leaves nothing behind in the work tree. The loser waits
    up to ``$PROTSOC_LOCK_TIMEOUT`` seconds (default 10), then fails with a clear message.
    """
    if timeout is None:
        timeout = lock_timeout()
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks on folders
        yield
        return
    handle = os.open(root, os.O_RDONLY)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise EnvironmentProblem(
                        _("another protsoc command is writing to this registry"),
                        _("wait for it to finish, then run the command again"),
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def execute(
    root: Path,
    operation: Callable[[Desk], Plan],
    *,
    commit: bool = False,
    branch: str | None = None,
    source: str | None = None,
    today: dt.date | None = None,
) -> Outcome:
    """Run one clerk operation safely (see the module docstring)."""
    from protsoc.registry import gitrepo

    if (root / MANIFEST).is_file() is False:  # pragma: no cover - find_registry guarantees it
        raise EnvironmentProblem(_("{root} is not a registry").format(root=root), None)
    with locked(root):
        writer.remove_dead_writers_files(root)
        repo = gitrepo.Repo.find(root) if commit or branch else None
        if repo is not None:
            repo.check_repository(new_branch=bool(branch))
            if branch:
                repo.check_new_branch(branch)
        desk = Desk(root, today=today, source=source)
        plan = operation(desk)
        if not plan.changes:  # a correction whose values are already stored: a no-op
            return Outcome(plan, [])
        render(desk, plan)
        problems = check(desk, plan)
        if problems:
            raise RefusedChange(problems)
        paths = [change.path for change in plan.changes]
        previous_branch: str | None = None
        if repo is not None:
            commits.check_clean_paths(repo, paths)
            if branch:
                previous_branch = repo.create_branch(branch)
        # The rollback puts back these bytes, not the decoded text: a BOM, CRLF line ends or
        # anything else the loader normalised would otherwise be lost, and git would show the
        # file modified after a refused commit. Folders created for new files go too.
        original = {
            change.path: change.path.read_bytes()
            for change in plan.changes
            if change.old_text is not None
        }
        created_folders = _missing_folders(root, paths)
        written: list[Change] = []
        staged: yamlio.Staged | None = None
        try:
            # Every new text on disk and synced first, in one wait for the disk; then each
            # file is renamed into place (atomic, as ``write_atomic``).
            staged = yamlio.stage(
                [(change.path, change.text) for change in plan.changes if not change.removed]
            )
            for change in plan.changes:
                if change.removed:
                    change.path.unlink()
                else:
                    staged.install(change.path)
                written.append(change)
            sha = (
                repo.commit(paths, commits.with_trailer(plan.message))
                if repo is not None and commit
                else None
            )
        except BaseException:
            if staged is not None:
                staged.discard()
            for change in written:
                if change.path in original:
                    yamlio.write_atomic(change.path, original[change.path])
                else:
                    change.path.unlink(missing_ok=True)
            for folder in created_folders:
                with contextlib.suppress(OSError):  # not empty: something else was put there
                    folder.rmdir()
            if repo is not None and branch and previous_branch is not None:
                repo.drop_branch(branch, previous_branch)
            raise
        return Outcome(plan, paths, sha, branch)


def _missing_folders(root: Path, paths: list[Path]) -> list[Path]:
    """The folders that writing ``paths`` will create, deepest first (to remove on rollback)."""
    missing: list[Path] = []
    for path in paths:
        folder = path.parent
        while folder != root and root in folder.parents and not folder.exists():
            if folder not in missing:
                missing.append(folder)
            folder = folder.parent
    return sorted(missing, key=lambda folder: len(folder.parts), reverse=True)
