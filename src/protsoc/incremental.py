"""`protsoc validate --changed-since REV`: check what a change can break, not the whole registry.

- YAML safety, schema and hygiene checks run on the files changed since REV only;
- the cross-record rules run on the whole registry twice: as it is now, and as it was at REV
  (the current registry with the changed files put back to their REV version, read with
  ``git cat-file``; unchanged files are the same in both). A rule finding is reported when it is
  in a changed file, or when it is new in an unchanged file, i.e. the change broke it (a
  committee member deleted while an unchanged meeting names it);
- approved minutes sealed at REV whose content this change alters, whose seal it removes or
  replaces, or whose file it deletes are reported (``seal-changed``), even when someone sealed
  them again so that the plain seal check passes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import dates, hygiene, rules, schemas, seal, yamlio
from .findings import Finding
from .gitdiff import FileChange, Git
from .registry import Record, Registry, classify, display_path
from .seal_rules import amend_hint

SEAL_CHANGED = "seal-changed"


def validate_changed_since(root: Path, rev: str, today: dt.date | None = None):  # type: ignore[no-untyped-def]
    from .validation import ValidationResult, _resolve_positions

    today = today or dates.today()
    git = Git(root)
    base = git.resolve(rev)
    file_changes = [c for c in git.changes(base) if _in_registry(git, c)]
    registry = Registry.load(root)
    changed_now = {git.registry_relative(c.new_path) for c in file_changes if c.new_path}
    changed_records = [r for r in registry.records if _rel(root, r) in changed_now]
    changed_display = {r.path for r in changed_records}
    changed_display |= {display_path(root / rel) for rel in changed_now if rel}

    findings: list[Finding] = [f for f in registry.load_findings if f.path in changed_display]
    for record in changed_records:
        if record.data is None or record.document is None:
            continue
        findings.extend(schemas.check(record.kind, record.data, record.path, record.document.implicit))
        findings.extend(hygiene.check(record.data, record.path))

    now = rules.run(registry, today)
    before_registry, before_data = _registry_at_base(git, registry, base, file_changes, changed_now)
    before = {_key(f) for f in rules.run(before_registry, today)}
    findings.extend(f for f in now if f.path in changed_display or _key(f) not in before)
    shown_rev = rev[:10] if len(rev) == 40 and all(c in "0123456789abcdef" for c in rev) else rev
    findings.extend(_seal_changes(git, registry, file_changes, before_data, shown_rev))

    _resolve_positions(findings, registry.records)
    findings.sort(key=Finding.sort_key)
    return ValidationResult(findings, len(changed_records), registry)


def _in_registry(git: Git, change: FileChange) -> bool:
    return any(git.registry_relative(p) for p in (change.old_path, change.new_path) if p)


def _rel(root: Path, record: Record) -> str:
    return record.file.path.resolve().relative_to(root.resolve()).as_posix()


def _key(finding: Finding) -> tuple:
    return (finding.path, finding.rule, finding.message, finding.json_path)


def _registry_at_base(git: Git, registry: Registry, base: str, file_changes: list[FileChange],
                      changed_now: set) -> tuple[Registry, dict[str, dict]]:
    """The registry as it was at ``base``: unchanged records shared, changed ones read from git."""
    root = registry.root
    removed = {git.registry_relative(c.old_path) for c in file_changes if c.old_path}
    before = Registry(root=root)
    before.records = [r for r in registry.records if _rel(root, r) not in changed_now | removed]
    data_by_path: dict[str, dict] = {}
    raw_at_base = git.read_many(base, [c.old_path for c in file_changes if c.old_path])
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
        before.records.append(Record(record_file, data, document))
        if data is not None:
            data_by_path[change.old_path] = data
    return before, data_by_path


def _seal_changes(git: Git, registry: Registry, file_changes: list[FileChange],
                  before_data: dict[str, dict], rev: str) -> list[Finding]:
    findings: list[Finding] = []
    current = {_rel(registry.root, r): r for r in registry.records}
    for change in file_changes:
        old = before_data.get(change.old_path or "")
        if old is None or seal.is_intact(old) is not True:
            continue
        old_rel = git.registry_relative(change.old_path or "") or ""
        meeting_id = classify(registry.root, registry.root / old_rel)
        shown_id = meeting_id.expected_id if meeting_id else old_rel
        old_digest = old["minutes"]["seal"]["digest"]
        if change.new_path is None:
            findings.append(Finding(
                SEAL_CHANGED,
                f"the approved minutes of {shown_id}, sealed at {rev}, are deleted by this change",
                display_path(registry.root / old_rel), line=1, column=1,
                hint=f"approved minutes are never deleted: restore the file (`git checkout {rev} -- "
                f"{change.old_path}`); a correction is an erratum (`protsoc amend {shown_id} --reason …`)"))
            continue
        record = current.get(git.registry_relative(change.new_path) or "")
        if record is None or record.data is None or record.kind != "meeting":
            continue
        if seal.digest(record.data) == old_digest:
            continue  # same content (re-formatted, or moved with the same data)
        minutes = record.data.get("minutes")
        stored = minutes.get("seal") if isinstance(minutes, dict) else None
        new_digest = stored.get("digest") if isinstance(stored, dict) else None
        if new_digest == old_digest:
            continue  # the plain seal check (seal-broken) already reports this edit
        what = "removes their seal" if new_digest is None else "replaces their seal with a new one"
        findings.append(Finding(
            SEAL_CHANGED,
            f"the minutes of {shown_id} were approved and sealed at {rev}; this change edits the "
            f"approved content and {what}",
            record.path, json_path=("minutes", "seal") if new_digest else ("minutes",),
            hint=amend_hint(shown_id)))
    return findings
