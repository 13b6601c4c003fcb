"""Cross-record rules at their boundaries (the corpus shows each rule firing once; here: when
not)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import MEETING, STEERING, RegistryTree

from protsoc.validate.pipeline import validate

MEETING_FILE = "meetings/steering/2024-11-26.yaml"
COMMITTEE_FILE = "committees/steering.yaml"


def rules(tree: RegistryTree, today: dt.date = dt.date(2026, 1, 1)) -> list[tuple[str, str]]:
    """(rule, file relative to registry/) of every finding."""
    result = validate(tree.root, today=today)
    return sorted((f.rule, f.path.split("registry/", 1)[-1]) for f in result.findings)


def meeting_on(day: str, **fields: object) -> dict:
    return {**MEETING, "id": f"steering/{day}", "date": day, **fields}


@pytest.mark.parametrize(
    "today, expected",
    [
        (dt.date(2025, 3, 10), []),  # held on the day itself
        (dt.date(2025, 3, 11), []),
        (dt.date(2025, 3, 9), [("meeting-held-in-future", "meetings/steering/2025-03-10.yaml")]),
    ],
)
def test_held_meeting_is_judged_against_today(
    make_registry, today: dt.date, expected: list
) -> None:
    tree = make_registry({"meetings/steering/2025-03-10.yaml": meeting_on("2025-03-10")})
    assert rules(tree, today) == expected


@pytest.mark.parametrize("status", ["planned", "cancelled"])
def test_future_meetings_that_are_not_held_are_fine(make_registry, status: str) -> None:
    tree = make_registry(
        {"meetings/steering/2099-01-05.yaml": meeting_on("2099-01-05", status=status)}
    )
    assert rules(tree) == []


@pytest.mark.parametrize(
    "stem, valid",
    [
        ("2024-11-26-2", True),
        ("2024-11-26-10", True),
        ("2024-11-26-0", False),
        ("2024-11-26-01", False),
        ("2024-11-31", False),
        ("2023-02-29", False),
        ("2024-02-29", True),
        ("26-11-2024", False),
    ],
)
def test_meeting_file_names(make_registry, stem: str, valid: bool) -> None:
    date = stem[:10] if stem[:4].isdigit() else "2024-11-26"
    tree = make_registry(
        {f"meetings/steering/{stem}.yaml": {**MEETING, "id": f"steering/{stem}", "date": date}}
    )
    found = [rule for rule, file in rules(tree) if file == f"meetings/steering/{stem}.yaml"]
    assert ("meeting-file-name" not in found) is valid, found


def test_same_day_on_until_and_since_is_fine(make_registry) -> None:
    tree = make_registry()
    tree.patch(
        COMMITTEE_FILE,
        lambda c: c["members"][1]["titles"][0].update(since="2020-01-01", until="2020-01-01"),
    )
    assert rules(tree) == []


def test_end_time_before_time(make_registry) -> None:
    tree = make_registry()
    tree.patch(MEETING_FILE, {"time": "11:00", "end_time": "10:30"})
    assert rules(tree) == [("date-order", MEETING_FILE)]


def _committee(committee_id: str, parent: str | None) -> dict:
    data = {**STEERING, "id": committee_id, "kind": "thematic", "members": [], "chair": None}
    data.pop("chair")
    if parent:
        data["parent"] = parent
    return data


def test_cycle_of_three_reports_each_member_of_the_cycle_only(make_registry) -> None:
    tree = make_registry(
        {
            "committees/a.yaml": _committee("a", "b"),
            "committees/b.yaml": _committee("b", "c"),
            "committees/c.yaml": _committee("c", "a"),
            "committees/d.yaml": _committee("d", "a"),  # hangs off the cycle: not itself in one
        }
    )
    assert [f for f in rules(tree) if f[0] == "committee-cycle"] == [
        ("committee-cycle", "committees/a.yaml"),
        ("committee-cycle", "committees/b.yaml"),
        ("committee-cycle", "committees/c.yaml"),
    ]


def test_posts_of_another_committee_are_named_with_its_id(make_registry) -> None:
    tree = make_registry(
        {
            "committees/technical.yaml": {
                **_committee("technical", "steering"),
                "members": [
                    {
                        **STEERING["members"][1],
                        "id": "sg-interior",
                        "on_behalf_of": "steering/interior",
                    }
                ],
            }
        }
    )
    assert rules(tree) == []
    tree.patch(
        "committees/technical.yaml",
        lambda c: c["members"][0].update(on_behalf_of="steering/finance"),
    )
    assert rules(tree) == [("ref-post", "committees/technical.yaml")]
    tree.patch(
        "committees/technical.yaml", lambda c: c["members"][0].update(on_behalf_of="interior")
    )
    assert rules(tree) == [("ref-post", "committees/technical.yaml")]  # not a technical post


def test_guests_may_attend_and_members_approve(make_registry) -> None:
    tree = make_registry()
    tree.patch(
        MEETING_FILE,
        {
            "guests": [{"id": "expert", "name": {"ar": "خبير"}}],
            "attendance": [*MEETING["attendance"], {"member": "expert", "status": "present"}],
            "minutes": {
                "status": "approved",
                "approvals": [{"member": "interior", "date": "2024-12-01"}],
            },
        },
    )
    tree.patch(MEETING_FILE, reseal)  # approved minutes are sealed (seal-missing otherwise)
    assert rules(tree) == []

    def guest_approves(meeting: dict) -> None:
        meeting["minutes"]["approvals"].append({"member": "expert", "date": "2024-12-01"})
        reseal(meeting)

    tree.patch(MEETING_FILE, guest_approves)
    assert rules(tree) == [("ref-member", MEETING_FILE)]  # a guest does not approve minutes


def reseal(meeting: dict) -> None:
    from protsoc.governance import seal

    meeting["minutes"].pop("seal", None)
    meeting["minutes"]["seal"] = seal.seal(meeting)


def test_decision_numbering_accepts_a_gap_and_reports_the_first_disorder_once(
    make_registry,
) -> None:
    """A removed decision leaves a gap (d3 stays d3: letters and actions quote it); a decision
    out of order is still reported, once."""
    tree = make_registry()
    decision = {"kind": "decision", "text": {"ar": "قرار"}}
    tree.patch(
        MEETING_FILE,
        {"decisions": [{"id": "d1", **decision}, {"id": "d3", **decision}]},
    )
    assert validate(tree.root, today=dt.date(2026, 1, 1)).findings == []
    tree.patch(
        MEETING_FILE,
        {
            "decisions": [
                {"id": "d1", **decision},
                {"id": "d3", **decision},
                {"id": "d2", **decision},
                {"id": "d4", **decision},
            ]
        },
    )
    result = validate(tree.root, today=dt.date(2026, 1, 1))
    [finding] = result.findings
    assert (finding.rule, finding.json_path_text(), finding.severity.value) == (
        "decision-numbering",
        "$.decisions[2].id",
        "warning",
    )
    assert result.is_valid() and not result.is_valid(strict=True)


def test_id_must_match_the_file_even_in_case(make_registry) -> None:
    tree = make_registry({"committees/Steering.yaml": {**STEERING, "id": "steering"}})
    assert ("id-mismatch", "committees/Steering.yaml") in rules(tree)
