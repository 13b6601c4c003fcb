"""Turn findings into text, JSON or GitHub workflow annotations (data in, strings out)."""

from __future__ import annotations

import json
from typing import Callable

from protsoc.kernel.findings import Finding, count

FORMATS = ("text", "json", "github")


def as_json(findings: list[Finding], files_checked: int, valid: bool) -> str:
    document = {
        "valid": valid,
        "files_checked": files_checked,
        "counts": count(findings),
        "errors": [f.as_dict() for f in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: list[Finding], files_checked: int, valid: bool) -> str:
    """GitHub Actions workflow commands: one annotation per finding, on its exact line."""
    lines = []
    for f in findings:
        level = "error" if f.is_error else "warning"
        message = f"[{f.rule}] {f.message}" + (f" — {f.hint}" if f.hint else "")
        lines.append(
            f"::{level} file={_escape_property(f.path)},line={f.line or 1},col={f.column or 1},"
            f"title={_escape_property('protsoc ' + f.rule)}::{_escape_data(message)}"
        )
    totals = count(findings)
    lines.append(
        f"protsoc: {files_checked} files checked, {totals['errors']} errors, {totals['warnings']} warnings"
    )
    return "\n".join(lines)


def plain_line(f: Finding) -> str:
    return f"{f.path}:{f.line or 1}:{f.column or 1}: {f.severity.value} [{f.rule}] {f.message}"


REPORTERS: dict[str, Callable[[list[Finding], int, bool], str]] = {
    "json": as_json,
    "github": as_github,
}
