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


def test_a_refused_answer_is_named_by_its_prompt_not_by_an_option(registry_copy: Path) -> None:
    child = spawn(["add", "decision", "steering/2024-11-26"], registry_copy, "en")
    child.expect("Decision \\(Arabic\\)")
    child.sendline("نص القرار")
    child.expect("Kind \\[decision/recommendation\\]")
    child.sendline("")
    child.expect("Owner post")
    child.sendline("")
    child.expect("Due date \\(YYYY-MM-DD\\)")
    child.sendline("2026/12/20")
    child.expect("Due date \\(YYYY-MM-DD\\) '2026/12/20' is not a real date")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "--due" not in child.before
