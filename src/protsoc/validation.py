"""`protsoc validate`: YAML safety, schemas, cross-record rules and text hygiene in one pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

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
    registry = Registry.load(root)
    selected = _selected_files(registry, list(paths))
    findings: list[Finding] = list(registry.load_findings)
    for record in registry.records:
        if record.data is None or record.document is None:
            continue
        findings.extend(schemas.check(record.kind, record.data, record.path, record.document.implicit))
        findings.extend(hygiene.check(record.data, record.path))
    findings.extend(rules.run(registry, today or dates.today()))
    if selected is not None:
        findings = [f for f in findings if f.path in selected]
    _resolve_positions(findings, registry.records)
    findings.sort(key=Finding.sort_key)
    checked = len(selected) if selected is not None else len(registry.records)
    return ValidationResult(findings, checked, registry)


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
    """Give every finding a line and column, composing each file again only when needed."""
    texts = {r.path: r.document.text for r in records if r.document is not None}
    for finding in findings:
        if finding.line is not None:
            continue
        text = texts.get(finding.path)
        position = yamlio.locate(text, finding.json_path) if text is not None else None
        finding.line, finding.column = position or (1, 1)


__all__ = ["ValidationResult", "validate", "Severity"]
