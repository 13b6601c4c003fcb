"""Record text in a real terminal: shown, never obeyed (issue 13, item 5).

Clerks read record text in their terminal. Escape sequences (clear screen, window title, OSC 8
links) and rich markup (`[link=…]`, a stray `[/bold]`) stored in a record must reach the screen
as visible characters. Run through a real pseudo-terminal, as a clerk's shell runs protsoc.
"""

from __future__ import annotations

import copy
import os

import pytest
from conftest import STEERING

pexpect = pytest.importorskip("pexpect")

HOSTILE_NAME = "\x1b]0;owned\x07\x1b[2J[link=https://evil.example]انقر[/link] [/bold] اللجنة"


@pytest.fixture
def hostile_tree(make_registry):  # type: ignore[no-untyped-def]
    steering = copy.deepcopy(STEERING)
    steering["short_name"] = {"ar": HOSTILE_NAME}
    return make_registry({"committees/steering.yaml": steering})


def _on_a_terminal(args: list[str], cwd: str) -> tuple[int, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(COLUMNS="200", LINES="50", TERM="xterm-256color")
    child = pexpect.spawn("protsoc", args, cwd=cwd, env=env, timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


@pytest.mark.parametrize("args", [["show", "steering"], ["status"]])
def test_escape_sequences_and_markup_in_a_record_are_shown_not_run(hostile_tree, args) -> None:  # type: ignore[no-untyped-def]
    status, screen = _on_a_terminal(args, str(hostile_tree.repo))
    assert status in (0, 1), screen.decode("utf-8", "replace")  # never 3: `[/bold]` is text
    assert b"\x1b]0;" not in screen  # no window title
    assert b"\x1b[2J" not in screen  # no clear screen
    assert b"\x1b]8;" not in screen  # no hyperlink
    text = screen.decode("utf-8", "replace")
    # what was stored is visible: escaped by protsoc (status) or by YAML itself (show)
    assert "\\x1b]0;owned\\x07" in text or "\\e]0;owned\\a" in text
    assert "[link=https://evil.example]" in text and "[/bold]" in text


def test_no_command_prints_a_ci_workflow_command_from_record_text(
    make_registry, run_process
) -> None:  # type: ignore[no-untyped-def]
    """A committee's cadence source (any record text) with `\\n::error …` in it, on a registry
    that validates: no command's output may hold a line GitHub Actions would run."""
    steering = copy.deepcopy(STEERING)
    injected = "x\n::error file=README.md,line=1::INJECTED\n::add-mask::x"
    steering["cadence"]["source"]["section"] = injected
    steering["short_name"] = {"ar": injected}
    tree = make_registry({"committees/steering.yaml": steering})
    for command in (
        ["validate"],
        ["cadence"],
        ["status"],
        ["decisions"],
        ["list", "committees"],
        ["show", "steering"],
        ["report", "--format", "md"],
    ):
        outcome = run_process(["protsoc", *command], cwd=tree.repo)
        assert outcome.exit_code in (0, 1), (command, outcome.stderr)
        printed = outcome.stdout + outcome.stderr
        assert not [line for line in printed.splitlines() if line.lstrip().startswith("::")], (
            command
        )
