"""Turn findings into text, JSON or GitHub workflow annotations (data in, strings out)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable

from protsoc.kernel.findings import Finding, count
from protsoc.kernel.i18n import _, ngettext
from protsoc.kernel.safe_text import ci_log_line, github_data, github_property, terminal

FORMATS = ("text", "json", "github")


def severity_label(finding: Finding) -> str:
    """``error`` or ``warning`` in the reader's language (JSON keeps the stable ``severity``)."""
    return _("error") if finding.is_error else _("warning")


def hint_label() -> str:
    return _("hint:")


def verdict(valid: bool) -> str:
    return _("valid") if valid else _("invalid")


def summary_line(verdict_text: str, files_checked: int, errors: int, warnings: int) -> str:
    """``invalid: N files checked, …`` (French puts a space before the colon); ``verdict_text``
    is ``verdict(valid)``, possibly marked up by the caller."""
    return _("{verdict}: {counts}").format(
        verdict=verdict_text, counts=counts_line(files_checked, errors, warnings)
    )


def counts_line(files_checked: int, errors: int, warnings: int) -> str:
    """``N files checked, N errors, N warnings`` with each count's plural form in the reader's
    language (never "1 errors")."""
    return _("{files}, {errors}, {warnings}").format(
        files=ngettext("{count} file checked", "{count} files checked", files_checked).format(
            count=files_checked
        ),
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )


def as_json(findings: list[Finding], files_checked: int, valid: bool) -> str:
    from protsoc.kernel.json_output import document

    payload = {
        "valid": valid,
        "files_checked": files_checked,
        "counts": count(findings),
        "findings": {
            "errors": [f.as_dict() for f in findings if f.is_error],
            "warnings": [f.as_dict() for f in findings if not f.is_error],
        },
        # Deprecated (format_version 1): errors and warnings mixed; read `findings` instead.
        # Kept for format_version 2 only.
        "errors": [f.as_dict() for f in findings],
    }
    return document(payload)


def as_github(findings: list[Finding], files_checked: int, valid: bool) -> str:
    """GitHub Actions workflow commands: one annotation per finding, on its exact line.

    The command (``::error``) and the title (the rule id) are GitHub's and the scripts' keys; the
    annotation's text is in the detected language, the reviewer's (English by default)."""
    lines = []
    for f in findings:
        level = "error" if f.is_error else "warning"
        message = f"[{f.rule}] {f.message}" + (f" — {f.hint}" if f.hint else "")
        lines.append(
            f"::{level} file={github_property(f.path)},line={f.line or 1},col={f.column or 1},"
            f"title={github_property('protsoc ' + f.rule)}::{github_data(message)}"
        )
    totals = count(findings)
    lines.append("protsoc: " + counts_line(files_checked, totals["errors"], totals["warnings"]))
    return "\n".join(lines)


def repository_paths(findings: list[Finding], root: Path) -> list[Finding]:
    """The findings with their files named from the repository's top (git's work tree, else the
    registry's parent), whatever the working directory: GitHub resolves annotation paths from
    the checkout's root, also for a step run with `working-directory:`."""
    from protsoc.registry import gitrepo

    top = (gitrepo.work_tree(root) or root.resolve().parent).resolve()
    here = Path.cwd()
    named = []
    for finding in findings:
        try:
            shown = (here / finding.path).resolve().relative_to(top).as_posix()
        except (ValueError, OSError):  # outside the repository: keep the name it has
            shown = finding.path
        named.append(dataclasses.replace(finding, path=shown))
    return named


def plain_line(f: Finding) -> str:
    """``file:line:col: severity [rule] message`` on one line: a message quotes record text, which
    is shown escaped, so that it can neither run in a terminal nor begin a line of a CI log."""
    return ci_log_line(
        f"{terminal(f.path)}:{f.line or 1}:{f.column or 1}: {severity_label(f)} [{f.rule}] "
        f"{terminal(f.message)}"
    )


def plain_hint(f: Finding) -> str:
    """A finding's hint, shown as ``plain_line`` shows its message."""
    return terminal(f.hint or "")


REPORTERS: dict[str, Callable[[list[Finding], int, bool], str]] = {
    "json": as_json,
    "github": as_github,
}
