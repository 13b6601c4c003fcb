"""Whatever a file holds, `validate` answers with findings, never with another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RegistryTree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protsoc.kernel.findings import Finding
from protsoc.registry import yamlio
from protsoc.validate.pipeline import validate

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PLACES = [
    "meetings/steering/2024-11-26.yaml",
    "committees/steering.yaml",
    "protsoc.yaml",
    "roadmap/roadmap.yaml",
    "roadmap/actions/a.yaml",
    "roadmap/indicators/i.yaml",
    "roadmap/evaluations/e.yaml",
]

# Field names the rules look at, so random records reach the rules' code paths.
_KEYS = st.sampled_from(
    [
        "id",
        "committee",
        "date",
        "status",
        "members",
        "attendance",
        "member",
        "guests",
        "decisions",
        "owner",
        "agenda",
        "agenda_item",
        "minutes",
        "approvals",
        "amends",
        "chair",
        "parent",
        "role",
        "on_behalf_of",
        "convened_by",
        "chaired_by",
        "post",
        "since",
        "until",
        "titles",
        "title",
        "axes",
        "axis",
        "milestone",
        "milestones",
        "target",
        "set_by",
        "commissioned_by",
        "adopted_by",
        "observations",
        "ar",
        "represented_by",
        "start",
        "due",
        "time",
        "end_time",
        "cadence",
        "recommendations",
    ]
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.sampled_from(
        [
            "steering",
            "steering/2024-11-26",
            "steering/2024-11-26/d1",
            "head-of-government",
            "interior",
            "held",
            "approved",
            "represented",
            "chair",
            "d1",
            "d2",
            "2024-11-26",
            "2099-01-01",
            "٢٠٢٤",
            "\u202e",
            "ی",
            "",
            "x/y/z",
        ]
    ),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=15,
)


def _check(root: Path) -> None:
    result = validate(root)
    assert all(
        isinstance(f, Finding) and f.line and f.line >= 1 and f.column and f.column >= 1
        for f in result.findings
    )


@pytest.fixture
def tree(make_registry) -> RegistryTree:
    return make_registry(commit=False)


@PROPERTY_SETTINGS
@given(raw=st.binary(max_size=400), place=st.sampled_from(PLACES))
def test_random_bytes_in_any_record_give_findings(
    tree: RegistryTree, raw: bytes, place: str
) -> None:
    tree.reset()
    tree.write(place, raw)
    _check(tree.root)


@PROPERTY_SETTINGS
@given(data=st.dictionaries(_KEYS, _DATA, max_size=8), place=st.sampled_from(PLACES))
def test_random_records_give_findings(tree: RegistryTree, data: dict, place: str) -> None:
    tree.reset()
    tree.write(place, yamlio.dumps(data) if data else "{}\n")
    _check(tree.root)


@PROPERTY_SETTINGS
@given(data=_DATA)
def test_random_members_and_attendance_give_findings(tree: RegistryTree, data: object) -> None:
    tree.reset()
    tree.patch("committees/steering.yaml", lambda c: c["members"].append(data))
    tree.patch("meetings/steering/2024-11-26.yaml", lambda m: m["attendance"].append(data))
    _check(tree.root)
