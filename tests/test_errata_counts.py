"""An erratum corrects a meeting's minutes; it is not a second meeting.

Cadence, the status overview, the calendar and the decisions follow-up must count the original
meeting once, whatever errata follow it.
"""

import copy
import datetime as dt

from conftest import MEETING

from protsoc.governance import cadence, followup, status
from protsoc.registry.loaded import Registry

AS_OF = dt.date(2026, 11, 22)


def _meeting_with_a_decision() -> dict:
    meeting = copy.deepcopy(MEETING)
    meeting["decisions"] = [{"id": "d1", "kind": "decision", "text": {"ar": "إعداد مخطط عمل"}}]
    meeting["minutes"] = {
        "status": "approved",
        "approvals": [{"member": "interior", "date": "2024-12-02"}],
    }
    return meeting


def _erratum_of(original: dict) -> dict:
    erratum = copy.deepcopy(original)
    erratum["id"] = "steering/2024-11-26-2"
    erratum["minutes"] = {
        "status": "draft",
        "amends": "steering/2024-11-26",
        "reason": {"ar": "تصحيح خطأ مادي"},
    }
    return erratum


def test_an_erratum_is_not_counted_as_a_held_meeting_nor_its_decisions_listed_twice(
    make_registry,
) -> None:
    original = _meeting_with_a_decision()
    tree = make_registry(
        {
            "meetings/steering/2024-11-26.yaml": original,
            "meetings/steering/2024-11-26-2.yaml": _erratum_of(original),
        }
    )
    registry = Registry.load(tree.root)

    steering = cadence.by_committee(registry, AS_OF)["steering"]
    assert steering is not None and steering.last_held is not None
    assert steering.last_held.id == "steering/2024-11-26"

    row = next(r for r in status.overview(registry, AS_OF).committees if r.id == "steering")
    assert row.meetings_held == 1
    assert row.open_decisions == 1

    refs = [d.ref for d in followup.follow_up(registry, AS_OF).decisions]
    assert refs == ["steering/2024-11-26/d1"]
