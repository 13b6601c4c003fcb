"""A clerk's whole session in Arabic on a real terminal: each mistake made, then corrected by
command, one commit per step; the refusals leave the repository exactly as it was."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

WRONG_DAY = "2025-03-10"
RIGHT_DAY = "2025-03-11"
WRONG = f"technical/{WRONG_DAY}"
RIGHT = f"technical/{RIGHT_DAY}"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Clerk Amina\n\temail = clerk@example.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
    )
    return home


def spawn(args: list[str], cwd: Path, home: Path):  # type: ignore[no-untyped-def]
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PROTSOC_LANG": "ar",
        "PROTSOC_CACHE_DIR": str(home / "cache"),
        "TERM": "dumb",
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    return pexpect.spawn(
        "protsoc", args, cwd=str(cwd), env=env, encoding="utf-8", timeout=90, dimensions=(50, 200)
    )


def step(
    args: list[str], cwd: Path, home: Path, *expected: str, answers=(), status: int = 0
) -> str:  # type: ignore[no-untyped-def]
    """Run one command on a terminal, answer its prompts, expect its messages in order."""
    child = spawn(args, cwd, home)
    for prompt, answer in answers:
        child.expect_exact(prompt)
        child.sendline(answer)
    seen = ""
    for text in expected:
        try:
            child.expect_exact(text)
        except pexpect.EOF:
            raise AssertionError(f"{args}: expected {text!r} in {seen + str(child.before)!r}")
        seen += str(child.before) + str(child.after)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == status, (args, child.before)
    return str(child.before)


def test_every_mistake_is_corrected_by_command_in_arabic(tmp_path: Path, home: Path) -> None:
    repo = tmp_path / "repo"
    # the install line CI would use cannot be told from an editable checkout: say it
    step(["init", str(repo), "--install", "protsoc==0.1.0"], tmp_path, home)
    commits = 1
    meeting_file = repo / f"registry/meetings/{WRONG}.yaml"
    ics = tmp_path / "calendar.ics"

    # The meeting, typed with the wrong date, and its content, with mistakes.
    making = [
        [
            "add",
            "meeting",
            "technical",
            "--date",
            WRONG_DAY,
            "--time",
            "10:00",
            "--place",
            "الرباط",
            "--kind",
            "ordinary",
        ],
        ["add", "agenda-item", WRONG, "تتبع تنفيذ قرارات لجنة القيادة", "--priority", "1"],
        ["add", "agenda-item", WRONG, "لوحة القيادة الوطنية", "--priority", "2"],
        ["add", "agenda-item", WRONG, "نقطة مكررة بالخطأ", "--priority", "3"],
        ["add", "attendance", WRONG, "sg-interior", "sg-health", "--status", "present"],
        ["add", "attendance", WRONG, "sg-justice", "--status", "absent"],  # was present
        ["add", "guest", WRONG, "محمد العلمي", "--capacity", "خبير"],
        [
            "add",
            "decision",
            WRONG,
            "اعداد مخطط عمل لتنزيل القرارت",
            "--kind",
            "decision",
            "--agenda-item",
            "item-1",
            "--owner",
            "sg-health",
            "--due",
            "2025-06-30",
        ],  # القرارت
        [
            "add",
            "decision",
            WRONG,
            "تحيين مؤشرات لوحة القيادة",
            "--kind",
            "recommendation",
            "--agenda-item",
            "item-2",
            "--owner",
            "sg-interior",
            "--due",
            "2025-09-30",
        ],
        ["add", "action", f"{WRONG}/d1", "--title", "مخطط العمل", "--status", "not-started"],
    ]
    for args in making:
        step([*args, "--commit"], repo, home, "تم الإيداع")
        commits += 1
    step(["calendar", "-o", str(ics)], repo, home)

    # Wrong attendance status, corrected at the prompts (member and status chosen there).
    step(
        ["set", "attendance", WRONG, "--commit"],
        repo,
        home,
        "أصبحت حالة حضور sg-justice في technical/2025-03-10: حاضر",
        "تم الإيداع",
        answers=[("مقعد العضو", "sg-justice"), ("الحالة", "present")],
    )
    # A typo in a decision.
    step(
        ["set", "decision", f"{WRONG}/d1", "--text", "إعداد مخطط عمل لتنزيل القرارات", "--commit"],
        repo,
        home,
        "تم تعديل القرار technical/2025-03-10/d1",
    )
    # A decision still carried out by an action is not removed; nothing moves.
    before = meeting_file.read_bytes()
    step(
        ["remove", "decision", f"{WRONG}/d1", "--commit"],
        repo,
        home,
        "تعذر حذف القرار technical/2025-03-10/d1 بسبب إحالات قائمة في: "
        "action technical-2025-03-10-d1",
        status=2,
    )
    assert meeting_file.read_bytes() == before and git(repo, "status", "--porcelain") == ""
    # The wrong date: the meeting moves, the action follows.
    step(
        ["move", "meeting", WRONG, "--date", RIGHT_DAY, "--commit"],
        repo,
        home,
        f"تم نقل {WRONG} إلى {RIGHT_DAY} (أصبح معرفه {RIGHT})",
        "؛ وتم تحيين الإحالات في: action technical-2025-03-10-d1",
    )
    moved_file = repo / f"registry/meetings/{RIGHT}.yaml"
    # An agenda item typed twice.
    step(
        ["remove", "agenda-item", RIGHT, "item-3", "--commit"],
        repo,
        home,
        "تم حذف النقطة item-3 من جدول أعمال technical/2025-03-11",
    )
    # A wrong step, then undone; undo on a dirty tree is refused first.
    step(
        ["set", "guest", RIGHT, "guest-1", "--capacity", "خطأ", "--commit"],
        repo,
        home,
        "تم الإيداع",
    )
    clean = moved_file.read_bytes()
    (repo / "notes.txt").write_text("مسودة\n", encoding="utf-8")
    step(["undo"], repo, home, "يحتوي مجلد العمل على تعديلات غير مودعة: notes.txt", status=2)
    assert moved_file.read_bytes() == clean
    assert git(repo, "status", "--porcelain") == "?? notes.txt\n"
    (repo / "notes.txt").unlink()
    step(["undo"], repo, home, "تم الإلغاء: meeting(technical): set guest guest-1")
    commits += 6  # set attendance, set decision, move, remove agenda-item, set guest, undo
    log = git(repo, "log", "--format=%s").splitlines()
    assert len(log) == commits, log
    assert log[0] == "undo: meeting(technical): set guest guest-1 of 2025-03-11 (capacity)"
    assert log[3] == "meeting(technical): move 2025-03-10 to 2025-03-11"
    assert git(repo, "status", "--porcelain") == ""
    step(["validate"], repo, home, "صالح: تم فحص 10 ملفات، بدون أخطاء")  # in Arabic too

    from protsoc.registry import yamlio

    meeting = yamlio.load_file(moved_file).data
    assert [a["id"] for a in meeting["agenda"]] == ["item-1", "item-2"]
    assert {a["member"]: a["status"] for a in meeting["attendance"]}["sg-justice"] == "present"
    assert meeting["decisions"][0]["text"] == {"ar": "إعداد مخطط عمل لتنزيل القرارات"}
    assert meeting["guests"][0]["capacity"] == {"ar": "خبير"}
    action = yamlio.load_file(repo / "registry/roadmap/actions/technical-2025-03-10-d1.yaml").data
    assert action["decisions"] == [f"{RIGHT}/d1"]

    # One calendar event, rescheduled with a higher SEQUENCE.
    step(["calendar", "-o", str(ics)], repo, home)
    from icalendar import Calendar

    events = [
        e
        for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
        if str(e["uid"]).startswith("protsoc:meeting:")
    ]
    assert [str(e["uid"]) for e in events] == [f"protsoc:meeting:{WRONG}"]
    assert int(events[0]["sequence"]) == 1
    assert events[0]["dtstart"].dt.date().isoformat() == RIGHT_DAY

    # Approved minutes are not moved; the refusal changes nothing.
    # (a meeting added after its date is held already)
    for member in ("sg-interior", "sg-health", "sg-justice"):
        step(["approve", RIGHT, "--by", member, "--date", "2025-03-20", "--commit"], repo, home)
        if yamlio.load_file(moved_file).data["minutes"]["status"] == "approved":
            break
    approved = moved_file.read_bytes()
    head = git(repo, "rev-parse", "HEAD")
    step(
        ["move", "meeting", RIGHT, "--date", "2025-03-12", "--commit"],
        repo,
        home,
        f"محضر {RIGHT} مصادق عليه ومختوم",
        f"protsoc amend {RIGHT}",
        status=2,
    )
    assert moved_file.read_bytes() == approved
    assert git(repo, "status", "--porcelain") == "" and git(repo, "rev-parse", "HEAD") == head
