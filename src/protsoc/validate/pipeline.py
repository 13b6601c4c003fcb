"""`protsoc validate`: YAML safety, schemas, cross-record rules and text hygiene in one pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, cast

from protsoc.kernel import dates
from protsoc.kernel.errors import UsageError
from protsoc.kernel.findings import Finding, Severity, finding_from_tuple
from protsoc.registry.layout import RecordFile
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record
from protsoc.validate import rulebook
from protsoc.validate.positions import resolve_in_files


@dataclass
class ValidationResult:
    findings: list[Finding]
    files_checked: int

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    def is_valid(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def validate(
    root: Path, paths: Iterable[Path] = (), today: dt.date | None = None
) -> ValidationResult:
    """Check the whole registry, or only ``paths`` (still resolved against the whole registry).
    What changed since a git revision is ``protsoc.validate.changed_since``'s."""
    paths = list(paths)
    checked = check_registry(root, today or dates.today())
    findings = checked.findings
    selected = _selected_files(root, checked.files, paths)
    if selected is not None:
        findings = [f for f in findings if f.path in selected]
    else:
        from protsoc.registry.layout import display_path
        from protsoc.validate import schema_copy

        findings.extend(schema_copy.findings(root, display_path))
    findings.sort(key=Finding.sort_key)
    count = len(selected) if selected is not None else len(checked.files)
    return ValidationResult(findings, count)


@dataclass
class RegistryCheck:
    """The findings of a whole registry, and how its registry-wide rules saw it."""

    files: list[RecordFile]
    findings: list[Finding]  # all of them, unsorted
    rule_findings: list[Finding]  # the registry-wide rules' share of ``findings``
    projections: Callable[[], list[Any]]  # each file's ``rules.project``ion (None: no record)


def check_registry(
    root: Path, today: dt.date, git_blobs: dict[str, str] | None = None
) -> RegistryCheck:
    """Every finding of the registry at ``root``.

    Each file alone is checked once per content (``filecheck``; ``cache.CheckStore`` keeps the
    result); the registry-wide rules run on the records' projections, again only when one of
    them (or the date, or the working directory that findings are named from) changed.
    ``git_blobs`` (registry-relative path -> git blob id) names files whose content git vouches
    for: their cached checks are found by that id, without reading them.
    """
    from protsoc.kernel import collector

    with collector.paused():  # thousands of acyclic records and findings are built
        return _check_registry(root, today, git_blobs or {})


def _check_registry(root: Path, today: dt.date, git_blobs: dict[str, str]) -> RegistryCheck:
    import hashlib
    import os

    from protsoc.registry import cache
    from protsoc.registry.layout import record_files
    from protsoc.validate import filecheck

    files, stray = record_files(root)
    store = cache.CheckStore(root) if cache.enabled() else None
    rels = [record_file.rel for record_file in files]
    known: list[tuple[list[tuple], bytes] | None] = [None] * len(files)
    if store is not None:
        for index, record_file in enumerate(files):
            blob = git_blobs.get(rels[index])
            known[index] = store.get_by_git_blob(rels[index], blob) if blob else None
            if known[index] is None:
                digest = cache.file_digest(record_file.location or record_file.path)
                known[index] = store.get(rels[index], digest) if digest is not None else None
    projected: dict[int, Any] = {}  # projections at hand: of the files checked in this run

    def check(indexes: list[int]) -> None:
        if not indexes:
            return
        for index, result in zip(indexes, filecheck.check_all([files[i] for i in indexes])):
            projected[index] = result.projection
            entry = (result.findings, cache.projection_digest(result.projection))
            known[index] = entry
            if store is not None:
                store.put(rels[index], result, entry[1])

    check([index for index, entry in enumerate(known) if entry is None])
    # From here on every file has its entry: the same list, typed without the None.
    checked = cast("list[tuple[list[tuple], bytes]]", known)

    def projections() -> list[Any]:
        lost = []
        for index in range(len(files)):
            if index not in projected:
                try:
                    projected[index] = store.projection(rels[index], checked[index][1])  # type: ignore[union-attr]
                except KeyError:  # the projections file was lost or is older: check the file again
                    lost.append(index)
        check(lost)
        return [projected[index] for index in range(len(files))]

    findings: list[Finding] = list(stray)
    for record_file, entry in zip(files, checked):
        display = record_file.display()
        findings.extend(finding_from_tuple(item, display) for item in entry[0])
    key = hashlib.blake2b(digest_size=20)
    for part in (
        today.isoformat(),
        os.getcwd(),
        *(f"{rel}\0{entry[1].hex()}" for rel, entry in zip(rels, checked)),
    ):
        key.update(part.encode("utf-8", "surrogateescape") + b"\n")
    rules_key = key.hexdigest()
    found = store.rule_findings(rules_key) if store is not None else None
    if found is None:
        view = Registry(root, [Record(f, p, None) for f, p in zip(files, projections())])
        found = rulebook.run(view, today, scope="registry")
        resolve_in_files(found, files)
        if store is not None:
            store.set_rule_findings(rules_key, found)
    if store is not None:
        store.keep_only(set(rels))
        store.save()
    return RegistryCheck(files, findings + found, found, projections)


def _selected_files(root: Path, files: list[RecordFile], paths: list[Path]) -> set[str] | None:
    if not paths:
        return None
    known = {record_file.path.resolve(): record_file.display() for record_file in files}
    selected: set[str] = set()
    for path in paths:
        resolved = path.resolve()
        if resolved.is_dir():
            matched = {shown for file, shown in known.items() if resolved in file.parents}
        else:
            matched = {known[resolved]} if resolved in known else set()
        if not matched:
            raise UsageError(
                f"{path} is not a record file of the registry at {root}",
                "give files under the registry's committees/, meetings/ or roadmap/ folders",
            )
        selected |= matched
    return selected


__all__ = ["ValidationResult", "validate", "Severity"]
