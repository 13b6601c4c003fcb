"""A loaded registry: every record of the folder, indexed by kind, id and committee."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protsoc.kernel.findings import Finding
from protsoc.registry.layout import record_files
from protsoc.registry.records import Record, is_erratum


@dataclass
class Registry:
    """A loaded registry: its records by kind and id, and the findings met while loading."""

    root: Path
    records: list[Record] = field(default_factory=list)
    load_findings: list[Finding] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> "Registry":
        registry = cls(root=root)
        files, stray = record_files(root)
        registry.load_findings.extend(stray)
        from protsoc.registry import (
            cache,  # unchanged files come from the content-hash cache (issue 8)
        )

        for record, findings in cache.load_records(Path(root), files):
            registry.records.append(record)
            registry.load_findings.extend(findings)
        return registry

    # The index: the parsed records by kind, each kind's records by id, and the meetings by
    # committee, built on first use instead of scanning every record on each call (commands ask
    # ``of_kind``/``by_id``/``meetings_of`` once per committee: quadratic at 10,000 meetings).
    #
    # It is keyed on the identity and length of ``self.records`` (the list object itself is kept,
    # so its id cannot be reused by another list): code that replaces the list (``registry.records
    # = [...]``: incremental.py, LazyRegistry) or appends to it (``records.append``: Registry.load,
    # incremental.py) gets a fresh index on its next call, with no hook to remember. Not keyed on
    # anything finer because nothing in protsoc changes records in place: writers (clerk.py)
    # build a new Registry. Code that does replace an element or edit a record's ``data`` in
    # place must call ``invalidate()``. Callers get copies, so they cannot corrupt the index.

    def _indexed(self) -> _Index:
        records = self.records
        index = self.__dict__.get("_index")  # not a dataclass field: LazyRegistry skips __init__
        if index is None or index.records is not records or index.length != len(records):
            index = self.__dict__["_index"] = _Index(records)
        return index

    def invalidate(self) -> None:
        """Forget the index after changing ``records`` in place (not needed after an append or
        after assigning a new list)."""
        self.__dict__.pop("_index", None)

    def of_kind(self, kind: str) -> list[Record]:
        """The kind's parsed records (``data`` not None), in load order."""
        return list(self._indexed().kind(kind))

    def by_id(self, kind: str) -> dict[str, Record]:
        """The kind's parsed records by id (the last one wins when two share an id)."""
        return dict(self._indexed().ids(kind))

    @property
    def manifest(self) -> dict[str, Any]:
        found = self.of_kind("registry")
        return found[0].data if found and found[0].data else {}

    @property
    def roadmap(self) -> dict[str, Any]:
        found = self.of_kind("roadmap")
        return found[0].data if found and found[0].data else {}

    def meetings_of(self, committee_id: str, errata: bool = True) -> list[Record]:
        """The committee's meeting records by date; ``errata=False`` leaves out errata, which
        correct a meeting's minutes but are not meetings of their own (cadence, counts,
        follow-up)."""
        meetings = self._indexed().meetings(committee_id)
        return list(meetings) if errata else [m for m in meetings if not is_erratum(m.data)]


class _Index:
    """What ``Registry`` looks up, computed once per list of records (see ``Registry._indexed``)."""

    def __init__(self, records: list[Record]) -> None:
        self.records = records
        self.length = len(records)
        self._kinds: dict[str, list[Record]] = {}
        for record in records:
            if record.data is not None:
                self._kinds.setdefault(record.kind, []).append(record)
        self._ids: dict[str, dict[str, Record]] = {}
        self._meetings: dict[Any, list[Record]] | None = None

    def kind(self, kind: str) -> list[Record]:
        return self._kinds.get(kind, [])

    def ids(self, kind: str) -> dict[str, Record]:
        found = self._ids.get(kind)
        if found is None:
            found = self._ids[kind] = {record.id: record for record in self.kind(kind)}
        return found

    def meetings(self, committee_id: Any) -> list[Record]:
        if self._meetings is None:
            grouped: dict[Any, list[Record]] = {}
            for meeting in self.kind("meeting"):
                if not meeting.data:  # an empty mapping belongs to no committee
                    continue
                try:
                    grouped.setdefault(meeting.data.get("committee"), []).append(meeting)
                except TypeError:  # an unhashable committee (a list): equal to no committee id
                    continue
            for meetings in grouped.values():  # stable: records with the same date keep load order
                meetings.sort(key=lambda m: (str(m.data.get("date", "")), m.id))  # type: ignore[union-attr]
            self._meetings = grouped
        try:
            return self._meetings.get(committee_id, [])
        except TypeError:  # asked for an unhashable committee id: scan, as before the index
            found = [
                m
                for m in self.kind("meeting")
                if m.data and m.data.get("committee") == committee_id
            ]
            return sorted(found, key=lambda m: (str(m.data.get("date", "")), m.id))  # type: ignore[union-attr]
