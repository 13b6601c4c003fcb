"""`protsoc validate`: YAML safety, schemas, cross-record rules and text hygiene in one pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import dates, hygiene, rules, schemas, yamlio
from .errors import UsageError
from .findings import Finding, Severity
from .registry import Record, Registry


@dataclass
class ValidationResult:
    findings: list[Finding]
    files_checked: int
    registry: Registry = field(repr=False)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    def is_valid(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def validate(root: Path, paths: Iterable[Path] = (), today: dt.date | None = None,
             changed_since: str | None = None) -> ValidationResult:
    """Check the whole registry, or only ``paths`` (still resolved against the whole registry),
    or only what changed since the git revision ``changed_since`` (see ``protsoc.incremental``)."""
    if changed_since is not None:
        from .incremental import validate_changed_since

        return validate_changed_since(root, changed_since, today)
    from . import cache

    paths = list(paths)
    today = today or dates.today()
    try:
        key = _result_key(root, paths, today)  # None when the cache is off
        hit = cache.cached_result(root, key) if key else None
        if hit is not None:  # not one byte changed since the last run: the same findings
            return ValidationResult(hit[0], hit[1], cache.lazy_registry(root))
        with cache.one_save(root):
            registry = Registry.load(root)  # parses the very bytes the key was computed from
            cache.forget_read_ahead()
            selected = _selected_files(registry, paths)
            findings: list[Finding] = list(registry.load_findings)
            for record in registry.records:
                if record.data is not None and record.document is not None:
                    findings.extend(cache.record_findings(root, record, _record_checks))
    finally:
        cache.forget_read_ahead()
    findings.extend(rules.run(registry, today))
    if selected is not None:
        findings = [f for f in findings if f.path in selected]
    _resolve_positions(findings, registry.records)
    findings.sort(key=Finding.sort_key)
    checked = len(selected) if selected is not None else len(registry.records)
    if key:
        cache.store_result(root, key, findings, checked)
    return ValidationResult(findings, checked, registry)


def _record_checks(record: Record) -> list[Finding]:
    """The checks that look at one file alone (cached by its content in ``protsoc.cache``)."""
    assert record.data is not None and record.document is not None
    from .fastpath import hygiene_may_find

    findings = schemas.check(record.kind, record.data, record.path, record.document.implicit)
    if hygiene_may_find(record.document.text):
        findings.extend(hygiene.check(record.data, record.path))
    return findings


def _result_key(root: Path, paths: list[Path], today: dt.date) -> str | None:
    """What a whole result depends on: every file's name and bytes, the date, cwd and the paths.

    The cross-record rules must read nothing but the registry's files and ``today``; a rule that
    needs more must add it here.
    """
    import os

    from . import cache

    if not cache.enabled():
        return None
    extra = "|".join([today.isoformat(), os.getcwd(), *sorted(str(p.resolve()) for p in paths)])
    return cache.result_key(Path(root), cache.every_file(Path(root)), extra)


def _selected_files(registry: Registry, paths: list[Path]) -> set[str] | None:
    if not paths:
        return None
    known = {record.file.path.resolve(): record.path for record in registry.records}
    selected: set[str] = set()
    for path in paths:
        resolved = path.resolve()
        if resolved.is_dir():
            matched = {shown for file, shown in known.items() if resolved in file.parents}
        else:
            matched = {known[resolved]} if resolved in known else set()
        if not matched:
            raise UsageError(
                f"{path} is not a record file of the registry at {registry.root}",
                "give files under the registry's committees/, meetings/ or roadmap/ folders",
            )
        selected |= matched
    return selected


def _resolve_positions(findings: list[Finding], records: list[Record]) -> None:
    resolve_positions(findings, {r.path: r.document.text for r in records if r.document is not None})


def resolve_positions(findings: list[Finding], texts: dict[str, str]) -> None:
    """Give every finding a line and column from its JSON path, composing each file at most once
    and only when one of its findings needs it."""
    locators: dict[str, Any] = {}
    for finding in findings:
        if finding.line is not None:
            continue
        text = texts.get(finding.path)
        if text is not None and finding.path not in locators:
            locators[finding.path] = yamlio.locator(text)
        position = locators[finding.path](finding.json_path) if text is not None else None
        finding.line, finding.column = position or (1, 1)


__all__ = ["ValidationResult", "validate", "Severity"]
