"""The shipped registry/ is real: valid, and with the exact membership of the 2018 circular.

The expected Arabic strings are the circular's wording as listed in ../shared/DOMAIN.md (seeds
000/001).
Read-only: nothing here writes into registry/ (the autouse guard in conftest.py checks it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO_ROOT, SHIPPED_REGISTRY

from protsoc.registry import yamlio

SEEDS = REPO_ROOT.parent / "shared" / "seeds"

STEERING_MEMBERS_2018 = [
    "وزير الدولة المكلف بحقوق الإنسان",
    "وزير الداخلية",
    "وزير العدل",
    "وزير الاقتصاد والمالية",
    "وزير الفلاحة والصيد البحري والتنمية القروية والمياه والغابات",
    "وزير التربية الوطنية والتكوين المهني والتعليم العالي والبحث العلمي",
    "وزير الصناعة والاستثمار والتجارة والاقتصاد الرقمي",
    "وزير التجهيز والنقل واللوجيستيك والماء",
    "وزير الصحة",
    "وزير السياحة والنقل الجوي والصناعة التقليدية والاقتصاد الاجتماعي",
    "وزيرة الأسرة والتضامن والمساواة والتنمية الاجتماعية",
    "وزير الشغل والإدماج المهني",
    "الوزير المنتدب لدى رئيس الحكومة المكلف بالشؤون العامة والحكامة",
    "الوزير المنتدب لدى وزير الشؤون الخارجية والتعاون الدولي المكلف بالمغاربة المقيمين بالخارج "
    "وشؤون الهجرة",
    "رئيس هيئة مراقبة التأمينات والاحتياط الاجتماعي",
    "المدير العام للصندوق الوطني للضمان الاجتماعي",
    "مدير الصندوق الوطني لمنظمات الاحتياط الاجتماعي",
    "مدير الوكالة الوطنية للتأمين الصحي",
]
BODIES = STEERING_MEMBERS_2018[14:]  # ACAPS, CNSS, CNOPS, ANAM

THEMATIC_LEAD_MINISTRIES = {
    "thematic-governance": "الوزارة المكلفة بالشؤون العامة والحكامة",
    "thematic-health-coverage": "وزارة الصحة",
    "thematic-social-assistance": "وزارة الأسرة والتضامن والمساواة والتنمية الاجتماعية",
    "thematic-targeting": "وزارة الداخلية",
}


def committee(committee_id: str) -> dict[str, Any]:
    path = SHIPPED_REGISTRY / "committees" / f"{committee_id}.yaml"
    if not path.is_file():
        pytest.fail(f"registry/committees/{committee_id}.yaml is missing")
    return yamlio.load_file(path).data


def first_title(member: dict[str, Any]) -> str:
    """The post's title in the 2018 circular: its earliest title."""
    return member["titles"][0]["title"]["ar"]


def in_order(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(members, key=lambda m: m.get("order", 0))


# --- valid ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--strict"]])
def test_shipped_registry_validates(run, extra: list[str]) -> None:
    outcome = run(["protsoc", "validate", "--format", "json", *extra], cwd=REPO_ROOT)
    report = json.loads(outcome.stdout)
    assert report["errors"] == []
    assert outcome.exit_code == 0
    assert report["files_checked"] >= 8  # manifest, 6 committees, the 2024-11-26 meeting


def test_shipped_registry_validates_in_a_real_process(run_process) -> None:
    outcome = run_process(["protsoc", "validate"], cwd=REPO_ROOT)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.startswith("valid:")


# --- the Steering Committee (circular, أولا - II) -------------------------------------------------


def test_steering_committee_has_its_chair_and_18_member_posts() -> None:
    steering = committee("steering")
    assert steering["kind"] == "ministerial"
    assert steering["name"]["ar"] == "اللجنة الوزارية لقيادة إصلاح وحكامة منظومة الحماية الاجتماعية"
    assert steering["short_name"]["ar"] == "لجنة القيادة"
    members = steering["members"]
    chairs = [m for m in members if m["role"] == "chair"]
    assert len(chairs) == 1
    assert steering["chair"] == chairs[0]["id"]
    assert first_title(chairs[0]) == "رئيس الحكومة"
    posts = in_order([m for m in members if m["role"] == "member"])
    assert len(posts) == 18
    assert len(members) == 19
    assert [first_title(m) for m in posts] == STEERING_MEMBERS_2018


def test_steering_member_ids_are_unique_slugs() -> None:
    ids = [m["id"] for m in committee("steering")["members"]]
    assert len(ids) == len(set(ids))


def test_renamed_health_ministry_keeps_its_2018_title() -> None:
    health = next(m for m in committee("steering")["members"] if first_title(m) == "وزير الصحة")
    later = [t["title"]["ar"] for t in health["titles"][1:]]
    assert "وزير الصحة والحماية الاجتماعية" in later  # seed 004, 2024-11-27


def test_steering_cadence_and_secretariat() -> None:
    steering = committee("steering")
    assert {k: steering["cadence"][k] for k in ("min_meetings", "per")} == {
        "min_meetings": 1,
        "per": "P1Y",
    }
    assert steering["secretariat"]["body"]["ar"] == "مصالح رئيس الحكومة"
    assert len(steering["missions"]) == 5


# --- the Technical Committee (circular, ثانيا - II) -----------------------------------------------


def test_technical_committee_has_the_secretaries_general_and_the_four_bodies() -> None:
    steering_ministers = [
        m
        for m in in_order(committee("steering")["members"])
        if m["role"] == "member" and first_title(m) not in BODIES
    ]
    assert len(steering_ministers) == 14
    technical = committee("technical")
    assert technical["kind"] == "technical"
    assert technical.get("parent") == "steering"
    members = technical["members"]
    secretaries = [m for m in members if "on_behalf_of" in m]
    # one secretary-general per ministry represented in the Steering Committee
    assert sorted(m["on_behalf_of"] for m in secretaries) == sorted(
        f"steering/{m['id']}" for m in steering_ministers
    )
    assert all(first_title(m).startswith("الكاتب العام") for m in secretaries)
    others = [m for m in members if "on_behalf_of" not in m]
    assert sorted(first_title(m) for m in others) == sorted(BODIES)
    assert len(members) == 18
    assert all(m["role"] == "member" for m in members)


def test_technical_cadence_is_six_months() -> None:
    cadence = committee("technical")["cadence"]
    assert (cadence["min_meetings"], cadence["per"]) == (1, "P6M")


# --- the four thematic committees (circular, ثانيا - IV) ------------------------------------------


@pytest.mark.parametrize("committee_id", sorted(THEMATIC_LEAD_MINISTRIES))
def test_thematic_committee_and_its_lead_ministry(committee_id: str) -> None:
    thematic = committee(committee_id)
    assert thematic["kind"] == "thematic"
    assert thematic["parent"] == "steering"
    assert thematic["lead_ministry"]["ar"] == THEMATIC_LEAD_MINISTRIES[committee_id]
    assert thematic["cadence"].get("none") is True  # the circular sets no cadence for them


def test_exactly_the_six_committees_of_the_circular() -> None:
    shipped = sorted(p.stem for p in (SHIPPED_REGISTRY / "committees").glob("*.yaml"))
    assert shipped == sorted(["steering", "technical", *THEMATIC_LEAD_MINISTRIES])


# --- the meeting of 2024-11-26 and the sources ----------------------------------------------------


def test_steering_meeting_of_2024_11_26() -> None:
    meeting = yamlio.load_file(SHIPPED_REGISTRY / "meetings" / "steering" / "2024-11-26.yaml").data
    assert (meeting["id"], meeting["committee"], meeting["date"], meeting["status"]) == (
        "steering/2024-11-26",
        "steering",
        "2024-11-26",
        "held",
    )
    assert meeting["place"]["ar"] == "الرباط"
    assert any(s["document"] == "seeds/004_736f315ecc4f7e21.txt" for s in meeting["sources"])


def _documents(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["document"]] if isinstance(value.get("document"), str) else []
        return found + [d for item in value.values() for d in _documents(item)]
    if isinstance(value, list):
        return [d for item in value for d in _documents(item)]
    return []


def test_every_cited_seed_exists() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not next to this checkout")
    cited: set[str] = set()
    for path in SHIPPED_REGISTRY.rglob("*.yaml"):
        cited |= {d for d in _documents(yamlio.load_file(path).data) if d.startswith("seeds/")}
    assert cited
    missing = sorted(d for d in cited if not (SEEDS / Path(d).name).is_file())
    assert not missing


def test_every_record_cites_a_source() -> None:
    for path in SHIPPED_REGISTRY.rglob("*.yaml"):
        data = yamlio.load_file(path).data
        assert _documents(data), f"{path.relative_to(REPO_ROOT)} cites no source"


def test_status_of_the_shipped_registry(run) -> None:
    outcome = run(["protsoc", "status", "--format", "json"], cwd=REPO_ROOT)
    assert outcome.exit_code == 0
    rows = {c["id"]: c for c in json.loads(outcome.stdout)["committees"]}
    assert set(rows) == {"steering", "technical", *THEMATIC_LEAD_MINISTRIES}
    assert rows["steering"]["members"] == 19
    assert rows["steering"]["chair"] == "رئيس الحكومة"
    assert rows["steering"]["last_meeting"] == "2024-11-26"
    assert rows["technical"]["members"] == 18


def test_expected_titles_are_the_circulars_own_words() -> None:
    """The strings this file expects are not paraphrases: each is verbatim in seed 000 or 001."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not next to this checkout")
    circular = "".join(
        (SEEDS / name).read_text(encoding="utf-8")
        for name in ("000_02509a23915112cd.txt", "001_966c0b29bf8d288b.txt")
    )
    for title in STEERING_MEMBERS_2018:
        assert title in circular, title
