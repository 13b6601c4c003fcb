"""Findings: every problem protsoc reports about a registry is one ``Finding``."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Iterable


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


JsonPath = tuple  # a tuple of str keys and int indexes, from the record's root


@dataclass
class Finding:
    """One problem in one file.

    ``path`` is the file as given to the user (relative to the registry's parent when
    possible); ``json_path`` locates the value inside the record, and is what ``line`` and
    ``column`` are resolved from when the YAML parser did not give them directly.
    """

    rule: str
    message: str
    path: str
    severity: Severity = Severity.ERROR
    line: int | None = None
    column: int | None = None
    json_path: JsonPath = field(default_factory=tuple)
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def json_path_text(self) -> str:
        text = "$"
        for part in self.json_path:
            text += f"[{part}]" if isinstance(part, int) else f".{part}"
        return text

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, self.rule, self.message)

    def as_dict(self) -> dict:
        return {
            "file": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "json_path": self.json_path_text(),
        }


def count(findings: Iterable[Finding]) -> dict[str, int]:
    errors = warnings = 0
    for finding in findings:
        if finding.is_error:
            errors += 1
        else:
            warnings += 1
    return {"errors": errors, "warnings": warnings}


def path_from_links(link: tuple | None) -> tuple:
    """A JSON path from a (parent link, key) chain: walks over large records keep their paths as
    such links, one small tuple a step, and make the path only for the value that needs one."""
    keys = []
    while link is not None:
        link, key = link
        keys.append(key)
    return tuple(reversed(keys))


def finding_to_tuple(finding: Finding, with_path: bool = False) -> tuple:
    """A finding as plain data, cheap to marshal: what the cache stores and workers send back."""
    return (
        finding.rule,
        finding.message,
        finding.severity.value,
        finding.line,
        finding.column,
        tuple(finding.json_path),
        finding.hint,
        finding.path if with_path else None,
    )


def finding_from_tuple(item: tuple, path: str | None = None) -> Finding:
    rule, message, severity, line, column, json_path, hint, stored_path = item
    return Finding(
        rule,
        message,
        path if path is not None else stored_path,
        Severity(severity),
        line,
        column,
        tuple(json_path),
        hint,
    )
