"""The registry's index (``Registry.of_kind`` / ``by_id`` / ``meetings_of``, issue 8).

Commands ask these once per committee; the index answers from a table built once instead of
scanning every record each time. What users rely on is that the answers are the ones a scan
gives, also after code appends to ``registry.records`` or replaces the list (incremental
validation, the clerk's "after" registry, the lazy registry of the cache). No timings here.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED_REGISTRY

from protsoc.registry.layout import RecordFile
from protsoc.registry.loaded import Registry
from protsoc.registry.records import Record, is_erratum


# The scans the index replaces, kept as the reference.
def scan_of_kind(registry: Registry, kind: str) -> list[Record]:
    return [r for r in registry.records if r.kind == kind and r.data is not None]


def scan_by_id(registry: Registry, kind: str) -> dict[str, Record]:
    return {r.id: r for r in scan_of_kind(registry, kind)}


def scan_meetings_of(registry: Registry, committee_id: Any, errata: bool = True) -> list[Record]:
    meetings = [
        m
        for m in scan_of_kind(registry, "meeting")
        if m.data and m.data.get("committee") == committee_id and (errata or not is_erratum(m.data))
    ]
    return sorted(meetings, key=lambda m: (str(m.data.get("date", "")), m.id))  # type: ignore[union-attr]


def assert_same_as_a_scan(registry: Registry, committees: list[Any]) -> None:
    for kind in (
        "registry",
        "committee",
        "meeting",
        "roadmap",
        "action",
        "indicator",
        "evaluation",
        "nothing",
    ):
        assert registry.of_kind(kind) == scan_of_kind(registry, kind), kind
        assert registry.by_id(kind) == scan_by_id(registry, kind), kind
        assert list(registry.by_id(kind)) == list(scan_by_id(registry, kind)), kind
    for committee in committees:
        for errata in (True, False):
            assert registry.meetings_of(committee, errata=errata) == scan_meetings_of(
                registry, committee, errata
            )


@pytest.fixture()
def shipped(tmp_path: Path) -> Registry:
    root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, root)
    return Registry.load(root)


def _meeting(
    registry: Registry, committee: str, day: str, suffix: str = "", **fields: Any
) -> Record:
    stem = day + suffix
    path = registry.root / "meetings" / committee / f"{stem}.yaml"
    data = {
        "id": f"{committee}/{stem}",
        "committee": committee,
        "date": day,
        "status": "held",
        **fields,
    }
    return Record(
        RecordFile("meeting", path, f"{committee}/{stem}", f"meetings/{committee}/{stem}.yaml"),
        data,
        None,
    )


def _committees(registry: Registry) -> list[Any]:
    return sorted(registry.by_id("committee")) + ["no-such-committee", None]


def test_the_index_answers_what_a_scan_of_the_shipped_registry_answers(shipped: Registry) -> None:
    assert shipped.of_kind("meeting"), "the shipped registry has meetings"
    assert_same_as_a_scan(shipped, _committees(shipped))


def test_an_appended_record_is_seen_by_the_next_lookup(shipped: Registry) -> None:
    committee = min(shipped.by_id("committee"))
    before = shipped.meetings_of(committee)
    added = _meeting(shipped, committee, "1999-01-01")  # sorts first
    shipped.records.append(added)
    assert shipped.meetings_of(committee) == [added, *before]
    assert shipped.by_id("meeting")[added.id] is added
    assert_same_as_a_scan(shipped, _committees(shipped))


def test_a_replaced_list_is_seen_even_with_the_same_length(shipped: Registry) -> None:
    committee = min(shipped.by_id("committee"))
    shipped.meetings_of(committee)  # build the index
    old = shipped.records
    last_meeting = next(r for r in reversed(old) if r.kind == "meeting")
    swapped = [_meeting(shipped, committee, "2001-02-03") if r is last_meeting else r for r in old]
    assert len(swapped) == len(old)
    shipped.records = swapped
    assert last_meeting not in shipped.of_kind("meeting")
    assert any(m.id == f"{committee}/2001-02-03" for m in shipped.meetings_of(committee))
    assert_same_as_a_scan(shipped, _committees(shipped))


def test_a_smaller_registry_built_from_a_loaded_one_has_its_own_index(shipped: Registry) -> None:
    shipped.by_id("meeting")
    kept = [r for r in shipped.records if r.kind != "meeting"]
    smaller = Registry(shipped.root, kept, [])
    assert smaller.of_kind("meeting") == [] and smaller.by_id("meeting") == {}
    assert shipped.of_kind("meeting"), "the original keeps its meetings"
    shipped.records = kept
    assert shipped.of_kind("meeting") == []


def test_records_changed_in_place_are_seen_after_invalidate(shipped: Registry) -> None:
    meeting = shipped.of_kind("meeting")[0]
    committee = meeting.data["committee"]  # type: ignore[index]
    assert meeting in shipped.meetings_of(committee)
    moved = Record(meeting.file, {**(meeting.data or {}), "committee": "elsewhere"}, None)
    shipped.records[shipped.records.index(meeting)] = moved  # same list, same length
    shipped.invalidate()
    assert meeting not in shipped.meetings_of(committee)
    assert shipped.meetings_of("elsewhere") == [moved]
    assert_same_as_a_scan(shipped, [*_committees(shipped), "elsewhere"])


def test_callers_get_copies_that_cannot_corrupt_the_index(shipped: Registry) -> None:
    committee = min(shipped.by_id("committee"))
    shipped.of_kind("meeting").clear()
    shipped.by_id("committee").clear()
    shipped.meetings_of(committee).reverse()
    shipped.meetings_of(committee, errata=False).clear()
    assert_same_as_a_scan(shipped, _committees(shipped))


def test_errata_odd_committees_and_dates_group_like_the_scan(tmp_path: Path) -> None:
    registry = Registry(tmp_path)
    records = [
        _meeting(registry, "a", "2024-03-01"),
        _meeting(registry, "a", "2024-01-01", "-2"),
        _meeting(registry, "a", "2024-01-01"),
        _meeting(registry, "a", "2024-02-01", minutes={"amends": "a/2024-01-01"}),  # an erratum
        _meeting(registry, "b", "2024-01-05"),
    ]
    odd = copy.deepcopy(records[4])
    odd.data["committee"] = ["a"]  # type: ignore[index]  # unhashable: equal to no committee id
    undated = _meeting(registry, "a", "2023-01-01")
    del undated.data["date"]  # type: ignore[union-attr]
    empty = Record(RecordFile("meeting", tmp_path / "x.yaml", "a/x", "meetings/a/x.yaml"), {}, None)
    unreadable = Record(
        RecordFile("meeting", tmp_path / "y.yaml", "a/y", "meetings/a/y.yaml"), None, None
    )
    no_committee = _meeting(registry, "a", "2024-04-04")
    del no_committee.data["committee"]  # type: ignore[union-attr]
    registry.records = [*records, odd, undated, empty, unreadable, no_committee]
    assert [m.id for m in registry.meetings_of("a")] == [  # an undated meeting sorts first
        "a/2023-01-01",
        "a/2024-01-01",
        "a/2024-01-01-2",
        "a/2024-02-01",
        "a/2024-03-01",
    ]
    assert [m.id for m in registry.meetings_of("a", errata=False)] == [
        "a/2023-01-01",
        "a/2024-01-01",
        "a/2024-01-01-2",
        "a/2024-03-01",
    ]
    assert_same_as_a_scan(registry, ["a", "b", None, ["a"], "x"])
