"""`protsoc validate --changed-since REV`: check what a change can break, not the whole registry.

- every finding in a file changed since REV is reported (YAML safety, schema, hygiene, rules);
- in an unchanged file, only a registry-wide rule's finding that the change caused is reported
  (a committee member deleted while an unchanged meeting names it): one that is not found on the
  registry as it was at REV (the changed files put back to their REV version, read with
  ``git cat-file``). Per-file findings of unchanged files cannot be caused by the change;
- approved minutes sealed at REV whose content this change alters, whose seal it removes or
  replaces, or whose file it deletes are reported (``seal-changed``), even when someone sealed
  them again so that the plain seal check passes.

It runs on ``validation.check_registry``, so unchanged files cost a hash (``cache.CheckStore``),
and the registry at REV is only rebuilt when an unchanged file has a registry-wide finding.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from protsoc.governance import seal
from protsoc.kernel import dates
from protsoc.kernel.findings import Finding
from protsoc.kernel.i18n import _
from protsoc.registry import yamlio
from protsoc.registry.files import RecordFileProblem, git_mode_problem, read_record_bytes
from protsoc.registry.gitdiff import FileChange, Git
from protsoc.registry.layout import RecordFile, classify, display_path
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record
from protsoc.validate import rulebook, rules
from protsoc.validate.seal_rules import amend_hint

SEAL_CHANGED = "seal-changed"


def validate_changed_since(root: Path, rev: str, today: dt.date | None = None):  # type: ignore[no-untyped-def]
    from protsoc.validate.pipeline import ValidationResult, check_registry
    from protsoc.validate.positions import resolve_in_files

    today = today or dates.today()
    git = Git(root)
    # The merge base, as `git diff REV...HEAD`: with a branch name, every commit of the pull
    # request is compared, so a seal removed in one commit and content edited in the next is seen.
    base = git.merge_base(rev)
    file_changes = [c for c in git.changes(base) if _in_registry(git, c)]
    changed_now = {git.registry_relative(c.new_path) for c in file_changes if c.new_path}
    # What git reports unchanged since the base is the base's blob: its cached checks are found by
    # the blob id, without reading the file (CI on a large registry reads only what changed).
    unchanged = {rel: blob for rel, blob in git.blobs(base).items() if rel not in changed_now}
    checked = check_registry(root, today, unchanged)
    changed_files = [f for f in checked.files if f.rel in changed_now]
    changed_display = {f.display() for f in changed_files}
    changed_display |= {display_path(root / rel) for rel in changed_now if rel}

    findings = [f for f in checked.findings if f.path in changed_display]
    findings = _git_special_files(git, root, changed_now, findings)
    elsewhere = [f for f in checked.rule_findings if f.path not in changed_display]
    raw_at_base = git.read_many(base, [c.old_path for c in file_changes if c.old_path])
    before_data = _data_at_base(raw_at_base)
    if elsewhere:
        before_registry = _registry_at_base(
            git, root, checked, file_changes, changed_now, raw_at_base
        )
        before = {_key(f) for f in rulebook.run(before_registry, today, scope="registry")}
        findings.extend(f for f in elsewhere if _key(f) not in before)
    shown_rev = rev[:10] if len(rev) == 40 and all(c in "0123456789abcdef" for c in rev) else rev
    findings.extend(
        _seal_changes(git, Path(root), changed_files, file_changes, before_data, shown_rev)
    )

    resolve_in_files(findings, changed_files)
    findings.sort(key=Finding.sort_key)
    return ValidationResult(findings, len(changed_files))


def _git_special_files(
    git: Git, root: Path, changed_now: set, findings: list[Finding]
) -> list[Finding]:
    """A changed file that git stores as a symbolic link (mode 120000) is reported as such, its
    other findings dropped, even where it was checked out as a plain file (``core.symlinks``)."""
    special = {rel: mode for rel, mode in git.special_in_index().items() if rel in changed_now}
    if not special:
        return findings
    shown = {display_path(root / rel): mode for rel, mode in special.items()}
    kept = [f for f in findings if f.path not in shown]
    for path, mode in shown.items():
        problem = git_mode_problem(mode)
        if problem is not None:
            kept.append(
                Finding(problem.rule, problem.message, path, line=1, column=1, hint=problem.hint)
            )
    return kept


def _data_at_base(raw_at_base: dict[str, bytes | None]) -> dict[str, dict]:
    """The records of the changed files as they were at the base revision, by git path."""
    found = {}
    for path, raw in raw_at_base.items():
        try:
            document = yamlio.loads(raw) if raw is not None else None
        except yamlio.YamlError:
            continue
        if document is not None and isinstance(document.data, dict):
            found[path] = document.data
    return found


def _in_registry(git: Git, change: FileChange) -> bool:
    return any(git.registry_relative(p) for p in (change.old_path, change.new_path) if p)


def _key(finding: Finding) -> tuple:
    return (finding.path, finding.rule, finding.message, finding.json_path)


def _registry_at_base(
    git: Git,
    root: Path,
    checked,
    file_changes: list[FileChange],  # type: ignore[no-untyped-def]
    changed_now: set,
    raw_at_base: dict[str, bytes | None],
) -> Registry:
    """The registry as the registry-wide rules saw it at ``base``: unchanged records' projections
    shared, changed ones read from git."""
    removed = {git.registry_relative(c.old_path) for c in file_changes if c.old_path}
    before = Registry(root=root)
    before.records = [
        Record(f, projection, None)
        for f, projection in zip(checked.files, checked.projections())
        if f.rel not in changed_now | removed
    ]
    for change in file_changes:
        rel = git.registry_relative(change.old_path) if change.old_path else None
        if not rel or change.old_path is None:
            continue
        record_file = classify(root, root / rel)
        raw = raw_at_base.get(change.old_path)
        if record_file is None or raw is None:
            continue
        try:
            document: yamlio.Document | None = yamlio.loads(raw)
        except yamlio.YamlError:
            document = None
        data = document.data if document is not None and isinstance(document.data, dict) else None
        before.records.append(
            Record(
                record_file,
                rules.project(record_file.kind, data) if data is not None else None,
                None,
            )
        )
    return before


def _seal_changes(
    git: Git,
    root: Path,
    changed_files: list[RecordFile],
    file_changes: list[FileChange],
    before_data: dict[str, dict],
    rev: str,
) -> list[Finding]:
    findings: list[Finding] = []
    current = {f.rel: f for f in changed_files}
    for change in file_changes:
        old = before_data.get(change.old_path or "")
        if old is None or seal.is_intact(old) is not True:
            continue
        old_rel = git.registry_relative(change.old_path or "") or ""
        meeting_id = classify(root, root / old_rel)
        shown_id = meeting_id.expected_id if meeting_id else old_rel
        old_digest = old["minutes"]["seal"]["digest"]
        if change.new_path is None:
            findings.append(
                Finding(
                    SEAL_CHANGED,
                    _(
                        "the approved minutes of {id}, sealed at {rev}, are deleted by this change"
                    ).format(id=shown_id, rev=rev),
                    display_path(root / old_rel),
                    line=1,
                    column=1,
                    hint=_(
                        "approved minutes are never deleted: restore the file (`git checkout "
                        "{rev} -- {path}`); a correction is an erratum (`protsoc amend {id} "
                        "--reason …`)"
                    ).format(rev=rev, path=change.old_path, id=shown_id),
                )
            )
            continue
        record_file = current.get(git.registry_relative(change.new_path) or "")
        data = (
            _data(record_file)
            if record_file is not None and record_file.kind == "meeting"
            else None
        )
        if record_file is None or data is None:
            continue
        if seal.digest(data) == old_digest:
            continue  # same content (re-formatted, or moved with the same data)
        minutes = data.get("minutes")
        stored = minutes.get("seal") if isinstance(minutes, dict) else None
        new_digest = stored.get("digest") if isinstance(stored, dict) else None
        if new_digest == old_digest:
            continue  # the plain seal check (seal-broken) already reports this edit
        what = (
            _(
                "the minutes of {id} were approved and sealed at {rev}; this change edits the "
                "approved content and removes their seal"
            )
            if new_digest is None
            else _(
                "the minutes of {id} were approved and sealed at {rev}; this change edits the "
                "approved content and replaces their seal with a new one"
            )
        )
        findings.append(
            Finding(
                SEAL_CHANGED,
                what.format(id=shown_id, rev=rev),
                record_file.display(),
                json_path=("minutes", "seal") if new_digest else ("minutes",),
                hint=amend_hint(shown_id),
            )
        )
    return findings


def _data(record_file: RecordFile) -> dict | None:
    try:
        document = yamlio.loads(read_record_bytes(record_file.path))
    except (RecordFileProblem, yamlio.YamlError):
        return None
    return document.data if isinstance(document.data, dict) else None
