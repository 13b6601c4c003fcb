"""The checks of one registry file alone, and what the registry-wide rules need to know of it.

A file's YAML safety, schema, text hygiene and per-file rule findings (``rules.FILE_RULES``)
depend on nothing but its path and bytes. So ``protsoc validate`` computes them once per content
(``cache.CheckStore``), on every idle core when many files are new (``parallel``), and keeps of
each record only its ``rules.project``ion, the few fields the registry-wide rules read. A large
registry is then never held in memory whole, and an unchanged file costs one hash.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protsoc.kernel.findings import Finding, finding_to_tuple
from protsoc.registry.layout import RecordFile
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record, load_record, read_record


@dataclass
class FileCheck:
    """What validation keeps of one file."""

    digest: bytes | None  # of the bytes checked; None when the file could not be read
    findings: list[tuple]  # ``findings.to_tuple`` without the path, positions resolved
    projection: Any  # ``rules.project`` of the record; None when the file holds no record
    git_blob: str = ""  # the git blob id of the bytes checked (``validate --changed-since``)

    def as_tuple(self) -> tuple:
        return (self.digest, self.findings, self.projection, self.git_blob)


def check_files(files: list[RecordFile]) -> list[FileCheck]:
    """Check ``files``, each alone, in this process (the records are dropped afterwards)."""
    from protsoc.registry import cache
    from protsoc.validate import hygiene, rulebook, rules, schemas
    from protsoc.validate.positions import resolve_positions

    loaded: list[tuple[Record, list[Finding], bytes | None]] = []  # record, findings, bytes
    for record_file in files:
        raw, problem = read_record(record_file)
        findings: list[Finding]
        if raw is None:  # not a regular file, too large, unreadable: never parsed
            # read_record gives a problem whenever it gives no bytes
            record, findings = (
                Record(record_file, None, None),
                [problem] if problem is not None else [],
            )
        else:
            record, findings = load_record(record_file, raw)
        loaded.append((record, findings, raw))
    readable = [record for record, _, _ in loaded if record.data is not None]
    by_path: dict[str, list[Finding]] = {}
    if readable:
        # Per-file rules read each record alone: the registry's root plays no part, and they
        # must not read today's date (their findings are cached by content): a rule that does
        # meets None here and fails the tests at once.
        for finding in rulebook.run(Registry(Path(), readable), None, scope="file"):  # type: ignore[arg-type]
            by_path.setdefault(finding.path, []).append(finding)
    checks = []
    for record, findings, raw in loaded:
        document = record.document
        if record.data is not None and document is not None:
            findings.extend(schemas.check(record.kind, record.data, record.path, document.implicit))
            if hygiene.may_find(document.text):
                findings.extend(hygiene.check(record.data, record.path, document.text))
            findings.extend(by_path.get(record.path, ()))
        if document is not None:
            resolve_positions(findings, {record.path: document.text})
        projection = rules.project(record.kind, record.data) if record.data is not None else None
        checks.append(
            FileCheck(
                cache.content_digest(raw) if raw is not None else None,
                [finding_to_tuple(f) for f in findings],
                projection,
                git_blob_id(raw) if raw is not None else "",
            )
        )
    return checks


def git_blob_id(raw: bytes) -> str:
    """The id git gives these bytes as a blob (so a file git vouches is unchanged needs no
    reading)."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


def _checked_chunk(files: list[RecordFile]) -> list[bytes]:
    """In a worker process: the checks of a chunk of files, marshalled (cheap to send back)."""
    return [marshal.dumps(check.as_tuple()) for check in check_files(files)]


def check_all(files: list[RecordFile]) -> list[FileCheck]:
    """``check_files`` on every idle core when there are many files (``parallel``)."""
    from protsoc.registry import pool as parallel

    blobs = parallel.map_chunks(_checked_chunk, files)
    if blobs is None:  # in this process, a chunk at a time: memory holds one chunk's records
        return [
            check
            for start in range(0, len(files), parallel.CHUNK)
            for check in check_files(files[start : start + parallel.CHUNK])
        ]
    return [FileCheck(*marshal.loads(blob)) for blob in blobs]
