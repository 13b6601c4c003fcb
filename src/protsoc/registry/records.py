"""A record: one registry file parsed into data, with the problems met while reading it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from protsoc.kernel.findings import Finding, Severity
from protsoc.kernel.i18n import _
from protsoc.registry.files import RecordFileProblem, read_record_bytes
from protsoc.registry.layout import RecordFile

if TYPE_CHECKING:
    from protsoc.registry import yamlio


@dataclass
class Record:
    """A record loaded from disk; ``data`` is None when the file could not be parsed."""

    file: RecordFile
    data: dict[str, Any] | None
    document: yamlio.Document | None

    @property
    def kind(self) -> str:
        return self.file.kind

    @property
    def id(self) -> str:
        return self.file.expected_id

    @property
    def path(self) -> str:
        return self.file.display()


def load_record(record_file: RecordFile, raw: bytes | None = None) -> tuple[Record, list[Finding]]:
    """Read (unless ``raw`` holds its bytes) and parse one file; parse problems become findings,
    never exceptions."""
    from protsoc.registry import (
        yamlio,  # not at the top: a warm `validate` reads no YAML (15 ms of imports)
    )

    display = record_file.display()
    if raw is None:
        raw, problem = read_record(record_file)
        if raw is None:
            return Record(record_file, None, None), [problem]  # type: ignore[list-item]
    try:
        document = yamlio.loads(raw)
    except yamlio.YamlError as exc:
        return Record(record_file, None, None), [_finding_from_problem(exc.problem, display)]
    findings = [_finding_from_problem(problem, display) for problem in document.problems]
    if not isinstance(document.data, dict):
        findings.append(
            Finding(
                "yaml-not-mapping",
                _(
                    "a record must be a YAML mapping of fields (key: value), not a list or a "
                    "single value"
                ),
                display,
                line=1,
                column=1,
                hint=_("start the file with the record's fields, e.g. `id: …`"),
            )
        )
        return Record(record_file, None, document), findings
    return Record(record_file, document.data, document), findings


def read_record(record_file: RecordFile) -> tuple[bytes | None, Finding | None]:
    """A record file's bytes, or the finding that says why they are not read (a symbolic link, a
    named pipe, a device, a file over the size limit: see ``files.read_record_bytes``)."""
    try:
        return read_record_bytes(record_file.path), None
    except RecordFileProblem as problem:
        return None, Finding(
            problem.rule,
            problem.message,
            record_file.display(),
            line=1,
            column=1,
            hint=problem.hint,
        )


def _finding_from_problem(problem: yamlio.YamlProblem, display: str) -> Finding:
    return Finding(
        problem.rule,
        problem.message,
        display,
        Severity.ERROR if problem.is_error else Severity.WARNING,
        problem.line,
        problem.column,
        hint=problem.hint,
    )


def is_erratum(meeting: Any) -> bool:
    """True for an erratum record (``minutes.amends``): it corrects another meeting's minutes."""
    minutes = meeting.get("minutes") if isinstance(meeting, dict) else None
    return isinstance(minutes, dict) and isinstance(minutes.get("amends"), str)


def iter_strings(value: Any, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    """Every string in a record, with its JSON path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_strings(item, path + (index,))
