"""Every mistake a clerk makes is corrected by command: set/remove entries, safely, in one commit.

Each correction goes through the same path as `add` (checked against the whole registry, one
commit with --commit); approved minutes are refused with the erratum command; a `set` that
changes nothing is a no-op; what is still referenced is not removed, and nothing is renumbered.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from protsoc.registry import yamlio

MEETING = "technical/2025-03-10"
FILE = "registry/meetings/technical/2025-03-10.yaml"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def clerk_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Clerk Amina\n\temail = clerk@example.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
    )
    return {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "PROTSOC_LANG": "en"}


@pytest.fixture
def meeting_repo(tmp_path, run, clerk_env) -> Path:  # type: ignore[no-untyped-def]
    """A held meeting with two agenda items, attendance, a guest, three decisions, an action."""
    repo = tmp_path / "repo"
    assert run(["init", str(repo)], env=clerk_env).exit_code == 0
    steps = [
        ["add", "meeting", "technical", "--date", "2025-03-10", "--time", "10:00"],
        ["add", "agenda-item", MEETING, "تتبع تنفيذ القرارات"],
        ["add", "agenda-item", MEETING, "لوحة القيادة الوطنية"],
        ["add", "attendance", MEETING, "sg-interior", "sg-health", "--status", "present"],
        ["add", "attendance", MEETING, "sg-justice", "--status", "absent"],
        ["add", "guest", MEETING, "محمد العلمي", "--capacity", "خبير"],
        ["add", "decision", MEETING, "إعداد مخطط عمل", "--agenda-item", "item-1"],
        ["add", "decision", MEETING, "قرار ثان", "--owner", "sg-health"],
        ["add", "decision", MEETING, "قرار ثالث"],
        ["add", "action", f"{MEETING}/d1", "--title", "مخطط العمل", "--owner", "sg-health"],
    ]
    for step in steps:
        result = run([*step, "--commit"], cwd=repo, env=clerk_env)
        assert result.exit_code == 0, (step, result.output)
    return repo


def meeting(repo: Path) -> dict:
    return yamlio.load_file(repo / FILE).data


def test_absent_by_mistake_is_corrected_and_then_approves(meeting_repo, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    refused = run(["approve", MEETING, "--by", "sg-justice"], cwd=repo, env=clerk_env)
    assert refused.exit_code != 0
    fixed = run(
        ["set", "attendance", MEETING, "sg-justice", "--status", "present", "--commit"],
        cwd=repo,
        env=clerk_env,
    )
    assert fixed.exit_code == 0, fixed.output
    assert "the attendance of sg-justice at technical/2025-03-10 is now present" in fixed.stdout
    assert git(repo, "log", "-1", "--format=%s").startswith(
        "meeting(technical): set attendance of sg-justice"
    )
    approved = run(
        ["approve", MEETING, "--by", "sg-justice", "--date", "2025-03-20"], cwd=repo, env=clerk_env
    )
    assert approved.exit_code == 0, approved.output


def test_represented_needs_by_and_by_goes_when_no_longer_represented(
    meeting_repo, run, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    base = ["set", "attendance", MEETING, "sg-health"]
    assert run([*base, "--status", "represented"], cwd=repo, env=clerk_env).exit_code == 2
    ok = run([*base, "--status", "represented", "--by", "المدير"], cwd=repo, env=clerk_env)
    assert ok.exit_code == 0, ok.output
    assert run([*base, "--status", "present"], cwd=repo, env=clerk_env).exit_code == 0
    line = next(a for a in meeting(repo)["attendance"] if a["member"] == "sg-health")
    assert line == {"member": "sg-health", "status": "present"}


def test_set_decision_agenda_item_and_guest(meeting_repo, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    steps = [
        ["set", "decision", f"{MEETING}/d2", "--text", "قرار ثان مصحح", "--due", "2025-09-30"],
        [
            "set",
            "agenda-item",
            MEETING,
            "item-2",
            "--title",
            "تحيين لوحة القيادة",
            "--priority",
            "1",
        ],
        ["set", "guest", MEETING, "guest-1", "--capacity", "خبير في الحماية الاجتماعية"],
    ]
    for step in steps:
        result = run([*step, "--commit"], cwd=repo, env=clerk_env)
        assert result.exit_code == 0, (step, result.output)
    data = meeting(repo)
    assert data["decisions"][1]["text"] == {"ar": "قرار ثان مصحح"}
    assert data["decisions"][1]["due"] == "2025-09-30"
    assert data["agenda"][1]["title"] == {"ar": "تحيين لوحة القيادة"}
    assert data["guests"][0]["capacity"] == {"ar": "خبير في الحماية الاجتماعية"}
    assert len(git(repo, "log", "--format=%s").splitlines()) == 11 + 3
    assert git(repo, "status", "--porcelain") == ""


def test_a_set_that_changes_nothing_is_a_no_op_even_on_approved_minutes(
    meeting_repo, run, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    head = git(repo, "rev-parse", "HEAD")
    same = run(
        ["set", "attendance", MEETING, "sg-interior", "--status", "present", "--commit"],
        cwd=repo,
        env=clerk_env,
    )
    assert same.exit_code == 0 and "nothing to change" in same.stdout
    assert git(repo, "rev-parse", "HEAD") == head
    approve(repo, run, clerk_env)
    before = (repo / FILE).read_bytes()
    same = run(["set", "decision", f"{MEETING}/d3", "--text", "قرار ثالث"], cwd=repo, env=clerk_env)
    assert same.exit_code == 0 and "nothing to change" in same.stdout
    changed = run(
        ["set", "decision", f"{MEETING}/d3", "--text", "قرار آخر"], cwd=repo, env=clerk_env
    )
    assert changed.exit_code == 2
    assert "approved and sealed" in changed.stderr
    assert f"protsoc amend {MEETING}" in changed.stderr
    removed = run(["remove", "guest", MEETING, "guest-1"], cwd=repo, env=clerk_env)
    assert removed.exit_code == 2 and "protsoc amend" in removed.stderr
    assert (repo / FILE).read_bytes() == before


def approve(repo: Path, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    run(["set", "meeting", MEETING, "--status", "held", "--commit"], cwd=repo, env=clerk_env)
    for member in ("sg-interior", "sg-health"):
        result = run(
            ["approve", MEETING, "--by", member, "--date", "2025-03-20", "--commit"],
            cwd=repo,
            env=clerk_env,
        )
        assert result.exit_code == 0, result.output
    assert meeting(repo)["minutes"]["status"] == "approved"


def test_references_are_named_and_nothing_is_renumbered(meeting_repo, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    before = (repo / FILE).read_bytes()
    referenced = run(["remove", "decision", f"{MEETING}/d1", "--commit"], cwd=repo, env=clerk_env)
    assert referenced.exit_code == 2
    assert "action technical-2025-03-10-d1" in referenced.stderr
    cited = run(["remove", "agenda-item", MEETING, "item-1", "--commit"], cwd=repo, env=clerk_env)
    assert cited.exit_code == 2 and f"{MEETING}/d1" in cited.stderr
    assert (repo / FILE).read_bytes() == before
    assert git(repo, "status", "--porcelain") == ""

    assert (
        run(["remove", "decision", f"{MEETING}/d2", "--commit"], cwd=repo, env=clerk_env).exit_code
        == 0
    )
    assert [d["id"] for d in meeting(repo)["decisions"]] == ["d1", "d3"]
    added = run(["add", "decision", MEETING, "قرار رابع", "--commit"], cwd=repo, env=clerk_env)
    assert added.exit_code == 0 and f"{MEETING}/d4" in added.stdout
    validated = run(["validate"], cwd=repo, env=clerk_env)
    assert validated.exit_code == 0 and "0 warnings" in validated.stdout, validated.output


def test_remove_action_guest_attendance_observation(meeting_repo, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    action = repo / "registry/roadmap/actions/technical-2025-03-10-d1.yaml"
    steps = [
        ["remove", "action", "technical-2025-03-10-d1"],
        ["remove", "decision", f"{MEETING}/d1"],
        ["remove", "agenda-item", MEETING, "item-1"],
        ["remove", "guest", MEETING, "guest-1"],
        ["remove", "attendance", MEETING, "sg-justice"],
    ]
    for step in steps:
        result = run([*step, "--commit"], cwd=repo, env=clerk_env)
        assert result.exit_code == 0, (step, result.output)
    assert not action.exists()
    assert git(repo, "show", "--name-status", "--format=", "HEAD~4").split() == [
        "D",
        "registry/roadmap/actions/technical-2025-03-10-d1.yaml",
    ]
    data = meeting(repo)
    assert "guests" not in data
    assert [a["id"] for a in data["agenda"]] == ["item-2"]
    assert [a["member"] for a in data["attendance"]] == ["sg-interior", "sg-health"]
    assert git(repo, "status", "--porcelain") == ""
    assert run(["validate"], cwd=repo, env=clerk_env).exit_code == 0


def test_set_indicator_and_remove_observation(meeting_repo, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    added = run(
        [
            "add",
            "indicator",
            "amo-insured",
            "--name",
            "المؤمنون",
            "--measure",
            "count",
            "--unit",
            "persons",
            "--commit",
        ],
        cwd=repo,
        env=clerk_env,
    )
    assert added.exit_code == 0, added.output
    for step in (
        [
            "set",
            "indicator",
            "amo-insured",
            "--target",
            "22000000",
            "--target-date",
            "2025-12-31",
            "--baseline",
            "8000000",
            "--baseline-date",
            "2020-12-31",
            "--frequency",
            "P1Y",
            "--direction",
            "higher",
        ],
        [
            "add",
            "observation",
            "amo-insured",
            "--value",
            "11000000",
            "--date",
            "2023-12-31",
            "--source",
            "تقرير الوكالة الوطنية للتأمين الصحي",
        ],
        ["remove", "observation", "amo-insured", "--date", "2023-12-31"],
    ):
        result = run([*step, "--commit"], cwd=repo, env=clerk_env)
        assert result.exit_code == 0, (step, result.output)
    data = yamlio.load_file(repo / "registry/roadmap/indicators/amo-insured.yaml").data
    assert data["target"]["value"] == 22000000 and data["target"]["date"] == "2025-12-31"
    assert data["baseline"]["value"] == 8000000
    assert data["frequency"] == "P1Y" and data["direction"] == "higher"
    assert data["observations"] == []
    same = run(["set", "indicator", "amo-insured", "--target", "22000000"], cwd=repo, env=clerk_env)
    assert same.exit_code == 0 and "nothing to change" in same.stdout
    assert run(["validate"], cwd=repo, env=clerk_env).exit_code == 0


# --- move meeting -------------------------------------------------------------------------------


def events(path: Path) -> dict[str, dict[str, str]]:
    """UID -> the event's unfolded properties, from an exported .ics file."""
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(e["uid"]): {key: e.get(key) for key in ("sequence", "dtstart", "dtend", "status")}
        for e in calendar.walk("VEVENT")
    }


def test_a_moved_meeting_keeps_its_calendar_event_and_its_references(
    meeting_repo, run, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    ics = repo.parent / "calendar.ics"
    assert run(["calendar", "-o", str(ics)], cwd=repo, env=clerk_env).exit_code == 0
    uid = f"protsoc:meeting:{MEETING}"
    before = events(ics)
    assert int(before[uid]["sequence"]) == 0
    # a timed meeting without an end time lasts the documented default (two hours)
    assert (before[uid]["dtend"].dt - before[uid]["dtstart"].dt).seconds == 2 * 3600

    moved = run(
        ["move", "meeting", MEETING, "--date", "2025-03-12", "--commit"], cwd=repo, env=clerk_env
    )
    assert moved.exit_code == 0, moved.output
    assert "technical/2025-03-10 moved to 2025-03-12" in moved.stdout
    assert git(repo, "status", "--porcelain") == ""
    touched = git(repo, "show", "--no-renames", "--name-only", "--format=", "HEAD").split()
    assert sorted(touched) == [
        "registry/meetings/technical/2025-03-10.yaml",
        "registry/meetings/technical/2025-03-12.yaml",
        "registry/roadmap/actions/technical-2025-03-10-d1.yaml",
    ]
    assert not (repo / FILE).exists()
    data = yamlio.load_file(repo / "registry/meetings/technical/2025-03-12.yaml").data
    assert (data["id"], data["date"], data["uid"]) == ("technical/2025-03-12", "2025-03-12", uid)
    action = yamlio.load_file(repo / "registry/roadmap/actions/technical-2025-03-10-d1.yaml").data
    assert action["decisions"] == ["technical/2025-03-12/d1"]
    assert run(["validate"], cwd=repo, env=clerk_env).exit_code == 0

    assert run(["calendar", "-o", str(ics)], cwd=repo, env=clerk_env).exit_code == 0
    after = events(ics)
    meetings = [u for u in after if u.startswith("protsoc:meeting:")]
    assert meetings == [uid]  # one event, rescheduled: no cancellation plus a new one
    assert int(after[uid]["sequence"]) == 1
    assert str(after[uid]["dtstart"].dt.date()) == "2025-03-12"


def test_a_new_meeting_stores_its_calendar_uid(meeting_repo) -> None:  # type: ignore[no-untyped-def]
    assert meeting(meeting_repo)["uid"] == f"protsoc:meeting:{MEETING}"


def test_moving_approved_minutes_is_refused_and_changes_nothing(
    meeting_repo, run, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    approve(repo, run, clerk_env)
    before = (repo / FILE).read_bytes()
    head = git(repo, "rev-parse", "HEAD")
    refused = run(
        ["move", "meeting", MEETING, "--date", "2025-03-12", "--commit"], cwd=repo, env=clerk_env
    )
    assert refused.exit_code == 2
    assert "approved and sealed" in refused.stderr and "protsoc amend" in refused.stderr
    assert (repo / FILE).read_bytes() == before
    assert git(repo, "status", "--porcelain") == "" and git(repo, "rev-parse", "HEAD") == head


# --- undo, and the way out of a dirty file ------------------------------------------------------


def test_undo_reverts_protsocs_last_step_by_a_commit(meeting_repo, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    before = (repo / FILE).read_bytes()
    wrong = run(
        ["set", "decision", f"{MEETING}/d3", "--text", "خطأ", "--commit"], cwd=repo, env=clerk_env
    )
    assert wrong.exit_code == 0, wrong.output
    undone = run(["undo"], cwd=repo, env=clerk_env)
    assert undone.exit_code == 0, undone.output
    assert "undone: meeting(technical): set decision d3" in undone.stdout
    assert (repo / FILE).read_bytes() == before
    log = git(repo, "log", "--format=%s").splitlines()
    assert log[0] == "undo: meeting(technical): set decision d3 of 2025-03-10 (text)"
    assert git(repo, "status", "--porcelain") == ""
    redone = run(["undo"], cwd=repo, env=clerk_env)
    assert redone.exit_code == 0
    assert git(repo, "log", "-1", "--format=%s").startswith(
        "redo: meeting(technical): set decision"
    )


def test_undo_refuses_a_dirty_tree_and_a_commit_made_by_hand(meeting_repo, run, clerk_env) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    head = git(repo, "rev-parse", "HEAD")
    notes = repo / "notes.txt"
    notes.write_text("work in progress\n")
    dirty = run(["undo"], cwd=repo, env=clerk_env)
    assert dirty.exit_code == 2
    assert "uncommitted changes: notes.txt" in dirty.stderr
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "status", "--porcelain") == "?? notes.txt\n"
    git(repo, "add", "notes.txt")
    git(repo, "commit", "-q", "-m", "meeting(technical): notes")  # by hand, protsoc's style
    by_hand = run(["undo"], cwd=repo, env=clerk_env)
    assert by_hand.exit_code == 2 and "not made by a protsoc command" in by_hand.stderr
    assert "git revert" in by_hand.stderr
    assert git(repo, "status", "--porcelain") == ""


def test_commit_refused_on_a_dirty_file_gives_the_git_commands(
    meeting_repo, run, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    forgot = run(["set", "decision", f"{MEETING}/d3", "--text", "نص أول"], cwd=repo, env=clerk_env)
    assert forgot.exit_code == 0
    refused = run(
        ["set", "decision", f"{MEETING}/d2", "--text", "نص ثان", "--commit"],
        cwd=repo,
        env=clerk_env,
    )
    assert refused.exit_code == 2
    err = " ".join(refused.stderr.split())
    assert f"git -C {repo} diff HEAD -- {FILE}" in err
    assert f'git -C {repo} add -- {FILE} && git -C {repo} commit -m "…" -- {FILE}' in err
    assert f"git -C {repo} restore --source=HEAD --staged --worktree -- {FILE}" in err
    subprocess.run(
        ["git", "-C", str(repo), "restore", "--source=HEAD", "--staged", "--worktree", "--", FILE],
        check=True,
    )
    again = run(
        ["set", "decision", f"{MEETING}/d2", "--text", "نص ثان", "--commit"],
        cwd=repo,
        env=clerk_env,
    )
    assert again.exit_code == 0, again.output


# --- search, Hijri month starts -----------------------------------------------------------------


def test_fold_ignores_diacritics_tatweel_and_letter_variants() -> None:
    from protsoc.clerk.search import fold

    assert fold("القـرارَات") == fold("القرارات")
    assert fold("إعداد") == fold("اعداد") == fold("أعداد")
    assert fold("مؤسسة") == fold("مؤسسه")
    assert fold("على") == fold("علي")
    assert fold("Rabat") == fold("RABAT")


def test_search_finds_entries_by_their_words_with_the_id_to_use(
    meeting_repo, run, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    found = run(["search", "اعداد مخطط"], cwd=repo, env=clerk_env)  # stored: «إعداد مخطط عمل»
    assert found.exit_code == 0, found.output
    assert f"{MEETING}/d1  (decision)  إعداد مخطط عمل" in found.stdout
    assert f"protsoc set decision {MEETING}/d1 --text …" in found.stdout
    only = run(["search", "مخطط", "--kind", "action"], cwd=repo, env=clerk_env)
    assert "technical-2025-03-10-d1  (action)" in only.stdout and "(decision)" not in only.stdout
    assert "1 match" in only.stdout
    nothing = run(["search", "لا شيء هنا"], cwd=repo, env=clerk_env)
    assert nothing.exit_code == 1 and "0 matches" in nothing.stdout


def test_set_hijri_month_records_the_official_start_with_its_source(
    meeting_repo, run, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = meeting_repo
    command = ["set", "hijri-month", "1446-09", "--starts", "2025-03-02"]
    no_source = run(command, cwd=repo, env=clerk_env)
    assert no_source.exit_code == 2 and "--source is required" in no_source.stderr
    source = "بلاغ وزارة الأوقاف والشؤون الإسلامية"
    recorded = run([*command, "--source", source, "--commit"], cwd=repo, env=clerk_env)
    assert recorded.exit_code == 0, recorded.output
    manifest = yamlio.load_file(repo / "registry/protsoc.yaml").data
    assert manifest["hijri_month_starts"] == [
        {"year": 1446, "month": 9, "starts": "2025-03-02", "source": {"document": source}}
    ]
    again = run([*command, "--source", source], cwd=repo, env=clerk_env)
    assert again.exit_code == 0 and "nothing to change" in again.stdout
    far = run(
        ["set", "hijri-month", "1446-10", "--starts", "2025-05-02", "--source", source],
        cwd=repo,
        env=clerk_env,
    )
    assert far.exit_code == 2 and "computed: 2025-03-30" in far.stderr
    assert run(["validate"], cwd=repo, env=clerk_env).exit_code == 0
