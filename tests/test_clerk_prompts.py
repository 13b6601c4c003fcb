"""Prompts on a real pseudo-terminal: missing fields are asked for, in the clerk's language."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SHIPPED_REGISTRY

pexpect = pytest.importorskip("pexpect")


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED_REGISTRY, tmp_path / "registry")
    return tmp_path


def spawn(args: list[str], cwd: Path, lang: str):  # type: ignore[no-untyped-def]
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(cwd),
        "PROTSOC_LANG": lang,
        "TERM": "dumb",
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    return pexpect.spawn("protsoc", args, cwd=str(cwd), env=env, encoding="utf-8", timeout=60)


def test_add_meeting_asks_in_arabic_with_choices_and_defaults(registry_copy: Path) -> None:
    child = spawn(["add", "meeting"], registry_copy, "ar")
    child.expect("اللجنة \\[steering/technical/")
    child.sendline("technical")
    child.expect("التاريخ \\(YYYY-MM-DD\\)")
    child.sendline("2025-04-01")
    child.expect("ساعة البدء \\(HH:MM\\) \\(اضغط Enter للتجاوز\\)")
    child.sendline("")
    child.expect("المكان")
    child.sendline("الرباط")
    child.expect("النوع \\[ordinary/extraordinary\\] \\[ordinary\\]")
    child.sendline("")  # the default
    child.expect("تم تسجيل registry/meetings/technical/2025-04-01.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    from protsoc.registry import yamlio

    meeting = yamlio.load_file(registry_copy / "registry/meetings/technical/2025-04-01.yaml").data
    assert meeting["kind"] == "ordinary"
    assert meeting["place"] == {"ar": "الرباط"}  # record content stays as typed
    assert "time" not in meeting


def test_a_wrong_choice_is_asked_again_in_french(registry_copy: Path) -> None:
    child = spawn(
        ["add", "attendance", "steering/2024-11-26", "minister-justice"], registry_copy, "fr"
    )
    child.expect("Présence \\[present/represented/excused/absent\\] \\[present\\]")
    child.sendline("là")
    child.expect("choisissez parmi : present, represented, excused, absent")
    child.sendline("represented")
    child.expect("Représenté par")
    child.sendline("الكاتب العام")
    child.expect("écrit : registry/meetings/steering/2024-11-26.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_without_a_terminal_missing_fields_are_errors_not_prompts(registry_copy: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        ["protsoc", "add", "meeting", "technical"], cwd=registry_copy, env={"PROTSOC_LANG": "en"}
    )
    assert result.exit_code == 2
    assert "--date is required" in result.stderr


def test_an_answer_is_checked_when_given_and_named_by_its_prompt(registry_copy: Path) -> None:
    """A wrong date is refused at once, named by the prompt (not an option the clerk never
    typed), and asked again; the text typed before it is not lost."""
    child = spawn(["add", "decision", "steering/2024-11-26"], registry_copy, "en")
    child.expect("Decision \\(Arabic\\)")
    child.sendline("نص القرار")
    child.expect("Kind \\[decision/recommendation\\]")
    child.sendline("reco")  # a unique beginning is enough
    child.expect_exact("Owner post [1-")  # numbered: the steering committee has many posts
    child.sendline("minster-interior")  # a typo
    child.expect_exact("did you mean minister-interior?")
    child.sendline("1")  # by its number
    child.expect("Due date \\(YYYY-MM-DD\\)")
    child.sendline("2026/12/20")
    child.expect_exact("Due date (YYYY-MM-DD) '2026/12/20' is not a real date")
    child.expect("Due date \\(YYYY-MM-DD\\)")
    child.sendline("2026-12-20")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "--due" not in child.before
    from protsoc.registry import yamlio

    meeting = yamlio.load_file(registry_copy / "registry/meetings/steering/2024-11-26.yaml").data
    decision = meeting["decisions"][-1]
    assert decision["kind"] == "recommendation" and decision["due"] == "2026-12-20"
    assert decision["text"] == {"ar": "نص القرار"}


def test_a_refusal_at_the_end_keeps_the_answers_for_the_next_run(registry_copy: Path) -> None:
    child = spawn(
        ["add", "decision", "steering/2024-11-27"], registry_copy, "en"
    )  # no such meeting
    child.expect("Decision \\(Arabic\\)")
    child.sendline("قرار طويل لا يعاد رقنه")
    child.expect("Kind")
    child.sendline("")
    child.expect_exact("Owner post")
    child.sendline("")
    child.expect("Due date")
    child.sendline("2026-12-20")
    child.expect_exact("your answers are kept")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    again = spawn(["add", "decision", "steering/2024-11-26"], registry_copy, "en")
    again.expect_exact("Decision (Arabic) [قرار طويل لا يعاد رقنه]")
    again.sendline("")  # Enter: the kept answer
    again.expect("Kind")
    again.sendline("")
    again.expect_exact("Owner post")
    again.sendline("")
    again.expect_exact("Due date (YYYY-MM-DD) [2026-12-20]")
    again.sendline("")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    from protsoc.registry import yamlio

    meeting = yamlio.load_file(registry_copy / "registry/meetings/steering/2024-11-26.yaml").data
    assert meeting["decisions"][-1]["text"] == {"ar": "قرار طويل لا يعاد رقنه"}
    assert meeting["decisions"][-1]["due"] == "2026-12-20"
