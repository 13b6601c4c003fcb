"""Where a finding is: line and column from its JSON path, reading a file only when needed."""

from __future__ import annotations

from typing import Any

from protsoc.kernel.findings import Finding
from protsoc.registry.files import RecordFileProblem, read_record_bytes
from protsoc.registry.layout import RecordFile


def resolve_in_files(findings: list[Finding], files: list[RecordFile]) -> None:
    """Positions for findings of records held without their text: read the files that need it."""
    from protsoc.registry import yamlio

    wanted = {f.path for f in findings if f.line is None}
    texts: dict[str, str] = {}
    for record_file in files:
        display = record_file.display()
        if display in wanted:
            try:
                texts[display] = yamlio.decode(read_record_bytes(record_file.path))[0]
            except (RecordFileProblem, yamlio.YamlError):
                pass
    resolve_positions(findings, texts)


def resolve_positions(findings: list[Finding], texts: dict[str, str]) -> None:
    """Give every finding a line and column from its JSON path, composing each file at most once
    and only when one of its findings needs it."""
    from protsoc.registry import yamlio

    locators: dict[str, Any] = {}
    for finding in findings:
        if finding.line is not None:
            continue
        text = texts.get(finding.path)
        if text is not None and finding.path not in locators:
            locators[finding.path] = yamlio.locator(text)
        position = locators[finding.path](finding.json_path) if text is not None else None
        finding.line, finding.column = position or (1, 1)
