"""protsoc add … / set …: each record kind, the past kept, nothing overwritten, sources cited."""

from __future__ import annotations

import pytest

ENV = {"PROTSOC_LANG": "en"}


@pytest.fixture
def sh(registry_tree, run):  # type: ignore[no-untyped-def]
    """Run a protsoc command line in the registry's repository; returns the outcome."""

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return run(["protsoc", *args], cwd=registry_tree.repo, env=ENV)

    return invoke


def ok(outcome):  # type: ignore[no-untyped-def]
    assert outcome.exit_code == 0, outcome.output
    return outcome


def test_committee_and_member_posts_change_over_time_without_losing_the_past(
    sh, registry_tree
) -> None:  # type: ignore[no-untyped-def]
    ok(
        sh(
            "add",
            "committee",
            "working-group-rsu",
            "--name",
            "مجموعة العمل",
            "--kind",
            "working-group",
            "--parent",
            "steering",
            "--cadence",
            "1/P3M",
            "--source",
            "محضر لجنة القيادة",
        )
    )
    ok(
        sh(
            "add",
            "member",
            "working-group-rsu",
            "coordinator",
            "--title",
            "منسق",
            "--since",
            "2025-01-01",
            "--holder",
            "الأول",
        )
    )
    ok(
        sh(
            "set",
            "member",
            "working-group-rsu",
            "coordinator",
            "--title",
            "منسق عام",
            "--since",
            "2025-06-01",
        )
    )
    ok(
        sh(
            "set",
            "member",
            "working-group-rsu",
            "coordinator",
            "--holder",
            "الثاني",
            "--since",
            "2025-07-01",
        )
    )
    ok(sh("set", "member", "working-group-rsu", "coordinator", "--until", "2025-12-31"))
    data = registry_tree.read("committees/working-group-rsu.yaml")
    assert data["cadence"]["per"] == "P3M" and data["sources"] == [
        {"document": "محضر لجنة القيادة"}
    ]
    post = data["members"][0]
    assert [(t["title"]["ar"], t.get("since"), t.get("until")) for t in post["titles"]] == [
        ("منسق", "2025-01-01", "2025-05-31"),
        ("منسق عام", "2025-06-01", "2025-12-31"),
    ]
    assert [(h["name"]["ar"], h.get("until")) for h in post["holders"]] == [
        ("الأول", "2025-06-30"),
        ("الثاني", "2025-12-31"),
    ]
    assert post["until"] == "2025-12-31"
    ended = sh("set", "member", "working-group-rsu", "coordinator", "--until", "2026-01-31")
    assert ended.exit_code == 2 and "already ended on 2025-12-31" in ended.stderr
    duplicate = sh("add", "member", "working-group-rsu", "coordinator", "--title", "x")
    assert duplicate.exit_code == 2 and "already has a member post coordinator" in duplicate.stderr
    assert ok(sh("validate"))


def test_a_rename_before_the_current_title_starts_is_refused(sh, registry_tree) -> None:  # type: ignore[no-untyped-def]
    result = sh("set", "member", "steering", "health", "--title", "وزير", "--since", "2020-01-01")
    assert result.exit_code == 2 and "starts on 2021-10-07, after 2020-01-01" in result.stderr


def test_meeting_entries_and_their_ids(sh, registry_tree) -> None:  # type: ignore[no-untyped-def]
    meeting = "steering/2024-11-26"
    ok(sh("add", "agenda-item", meeting, "البند الأول"))
    ok(
        sh(
            "add",
            "agenda-item",
            meeting,
            "البند الثاني",
            "--priority",
            "1",
            "--proceedings",
            "نقاش",
        )
    )
    ok(sh("add", "guest", meeting, "البنك الدولي", "--capacity", "شريك تقني"))
    ok(
        sh(
            "add",
            "attendance",
            meeting,
            "health",
            "--status",
            "represented",
            "--by",
            "الكاتب العام",
        )
    )
    decision = ok(
        sh(
            "add",
            "decision",
            meeting,
            "توصية",
            "--kind",
            "recommendation",
            "--agenda-item",
            "item-2",
        )
    )
    assert decision.stdout.strip().endswith("steering/2024-11-26/d1")
    data = registry_tree.read("meetings/steering/2024-11-26.yaml")
    assert [a["id"] for a in data["agenda"]] == ["item-1", "item-2"]
    assert data["guests"] == [
        {"id": "guest-1", "name": {"ar": "البنك الدولي"}, "capacity": {"ar": "شريك تقني"}}
    ]
    assert data["attendance"][-1] == {
        "member": "health",
        "status": "represented",
        "represented_by": {"ar": "الكاتب العام"},
    }
    assert data["decisions"] == [
        {"id": "d1", "kind": "recommendation", "text": {"ar": "توصية"}, "agenda_item": "item-2"}
    ]
    twice = sh("add", "attendance", meeting, "health", "--status", "present")
    assert twice.exit_code == 2 and "already recorded" in twice.stderr
    no_by = sh("add", "attendance", meeting, "interior", "--status", "represented")
    assert no_by.exit_code == 2 and "--by is required" in no_by.stderr
    no_item = sh("add", "decision", meeting, "x", "--agenda-item", "item-9")
    assert no_item.exit_code == 2 and "has no agenda item item-9" in no_item.stderr


def test_meetings_same_day_future_and_set(sh, registry_tree) -> None:  # type: ignore[no-untyped-def]
    ok(
        sh(
            "add",
            "meeting",
            "steering",
            "--date",
            "2024-11-26",
            "--same-day",
            "--kind",
            "extraordinary",
        )
    )
    assert registry_tree.read("meetings/steering/2024-11-26-2.yaml")["kind"] == "extraordinary"
    future = sh("add", "meeting", "steering", "--date", "2199-01-01", "--status", "held")
    assert future.exit_code == 2 and "cannot be held yet" in future.stderr
    ok(sh("add", "meeting", "steering", "--date", "2199-01-01", "--time", "09:30"))
    planned = registry_tree.read("meetings/steering/2199-01-01.yaml")
    assert planned["status"] == "planned" and planned["time"] == "09:30"
    assert planned["sources"][0]["document"].startswith("protsoc add meeting by protsoc tests on ")
    ok(sh("set", "meeting", "steering/2199-01-01", "--status", "cancelled"))
    assert registry_tree.read("meetings/steering/2199-01-01.yaml")["status"] == "cancelled"
    bad_time = sh("set", "meeting", "steering/2199-01-01", "--time", "25:00")
    assert bad_time.exit_code == 2 and "is not a time" in bad_time.stderr
    missing = sh("set", "meeting", "steering/2030-01-01", "--status", "held")
    assert missing.exit_code == 2 and "no meeting steering/2030-01-01" in missing.stderr


def test_actions_indicators_observations_evaluations(sh, registry_tree) -> None:  # type: ignore[no-untyped-def]
    ok(
        sh(
            "add",
            "decision",
            "steering/2024-11-26",
            "تقييم",
            "--owner",
            "health",
            "--due",
            "2025-12-31",
        )
    )
    ok(sh("add", "action", "steering/2024-11-26/d1", "--title", "إعداد", "--id", "plan-health"))
    ok(sh("set", "action", "plan-health", "--status", "done", "--date", "2025-06-01"))
    action = registry_tree.read("roadmap/actions/plan-health.yaml")
    assert (
        action["owner"],
        action["due"],
        action["status"],
        action["progress"],
        action["completed_on"],
    ) == ("steering/health", "2025-12-31", "done", 100, "2025-06-01")
    assert action["updates"] == [{"date": "2025-06-01", "status": "done"}]
    bad = sh("set", "action", "plan-health", "--progress", "140")
    assert bad.exit_code == 2 and "is not a percentage" in bad.stderr
    ok(
        sh(
            "add",
            "indicator",
            "amo-tadamon",
            "--name",
            "المستفيدون",
            "--measure",
            "count",
            "--unit",
            "مستفيد",
            "--owner",
            "steering",
        )
    )
    ok(
        sh(
            "add",
            "observation",
            "amo-tadamon",
            "--value",
            "11100000",
            "--date",
            "2024-11-26",
            "--qualifier",
            "more-than",
            "--source",
            "seeds/004_736f315ecc4f7e21.txt",
            "--as-reported",
            "أكثر من 11.1 مليون",
        )
    )
    indicator = registry_tree.read("roadmap/indicators/amo-tadamon.yaml")
    assert indicator["observations"] == [
        {
            "date": "2024-11-26",
            "value": 11100000,
            "qualifier": "more-than",
            "as_reported": {"ar": "أكثر من 11.1 مليون"},
            "source": {"document": "seeds/004_736f315ecc4f7e21.txt"},
        }
    ]
    nosource = sh("add", "observation", "amo-tadamon", "--value", "1", "--date", "2024-12-01")
    assert nosource.exit_code == 2 and "--source is required" in nosource.stderr
    notnumber = sh(
        "add",
        "observation",
        "amo-tadamon",
        "--value",
        "11,1 مليون",
        "--date",
        "2024-12-01",
        "--source",
        "x",
    )
    assert notnumber.exit_code == 2 and "is not a number" in notnumber.stderr
    ok(
        sh(
            "add",
            "evaluation",
            "ramed",
            "--title",
            "تقييم",
            "--kind",
            "evaluation",
            "--evaluator-id",
            "igf",
            "--evaluator-name",
            "المفتشية العامة للمالية",
            "--evaluator-kind",
            "inspectorate",
            "--scope",
            "راميد",
            "--commissioned-by",
            "steering/2024-11-26/d1",
        )
    )
    assert (
        registry_tree.read("roadmap/evaluations/ramed.yaml")["commissioned_by"]
        == "steering/2024-11-26/d1"
    )
    exists = sh(
        "add", "indicator", "amo-tadamon", "--name", "x", "--measure", "count", "--unit", "y"
    )
    assert exists.exit_code == 2 and "already exists" in exists.stderr
    assert ok(sh("validate"))
