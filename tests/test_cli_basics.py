"""The `protsoc` command itself: version, help, start-up cost, and the one error handler."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import protsoc
from protsoc.cli.output import guarded
from protsoc.kernel.errors import EnvironmentProblem, InvalidRecord, UsageError


def test_version(run, run_process) -> None:
    for outcome in (run(["protsoc", "--version"]), run_process(["protsoc", "--version"])):
        assert outcome.exit_code == 0
        assert outcome.stdout.strip() == f"protsoc {protsoc.__version__}"


def test_help_lists_the_commands(run_process) -> None:
    outcome = run_process(["protsoc", "--help"])
    assert outcome.exit_code == 0
    for command in ("validate", "status"):
        assert command in outcome.stdout


def test_no_arguments_shows_help_without_traceback(run_process) -> None:
    outcome = run_process(["protsoc"])
    assert "validate" in outcome.output
    assert "Traceback" not in outcome.output


def test_unknown_command_is_a_usage_error(run_process) -> None:
    outcome = run_process(["protsoc", "frobnicate"])
    assert outcome.exit_code == 2
    assert "Traceback" not in outcome.output


HEAVY = ("jinja2", "jsonschema", "git", "weasyprint")


def test_importing_the_cli_loads_no_heavy_module() -> None:
    """Start-up stays fast: heavy libraries are imported inside the functions that use them."""
    code = (
        "import sys, json, protsoc.cli.main; "
        f"print(json.dumps(sorted(m for m in {list(HEAVY)!r} if m in sys.modules)))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(completed.stdout) == [], (
        "importing protsoc.cli.main loaded heavy modules; move their imports into the functions "
        "that use them"
    )


def test_version_runs_without_heavy_modules() -> None:
    code = (
        "import sys, json\nfrom protsoc.cli.main import app\nfrom typer.testing import CliRunner\n"
        "CliRunner().invoke(app, ['--version'])\n"
        f"print(json.dumps(sorted(m for m in {list(HEAVY)!r} if m in sys.modules)))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(completed.stdout) == []


# --- the one error handler -----------------------------------------------------------------------


def _app(function) -> typer.Typer:  # type: ignore[no-untyped-def]
    app = typer.Typer()
    app.command("go")(guarded(function))
    app.command("other")(lambda: None)  # two commands, so `go` is a subcommand as in protsoc
    return app


@pytest.mark.parametrize(
    "error, code",
    [
        (InvalidRecord("the record is wrong", "fix the record"), 1),
        (UsageError("bad option", "use --this"), 2),
        (EnvironmentProblem("no git", "install git"), 2),
    ],
)
def test_protsoc_errors_become_message_hint_and_exit_code(error: Exception, code: int) -> None:
    def go() -> None:
        raise error

    result = CliRunner().invoke(_app(go), ["go"])
    assert result.exit_code == code
    assert result.stdout == ""
    assert f"error: {error.message}" in result.stderr  # type: ignore[attr-defined]
    assert f"hint: {error.hint}" in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.output


def test_markup_in_messages_is_printed_as_is() -> None:
    def go() -> None:
        raise UsageError("unknown value [red]x[/red]", "see [bold]docs[/]")

    result = CliRunner().invoke(_app(go), ["go"])
    assert "[red]x[/red]" in result.stderr and "[bold]docs[/]" in result.stderr


def test_a_bug_is_exit_3_with_a_log_and_no_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROTSOC_DEBUG", raising=False)

    def go() -> None:
        {}["missing"]

    result = CliRunner().invoke(_app(go), ["go"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "internal error" in result.stderr
    log = Path(result.stderr.split("details are in ")[1].split(";")[0].strip())
    try:
        text = log.read_text(encoding="utf-8")
        assert "KeyError: 'missing'" in text
        assert f"protsoc {protsoc.__version__}" in text
    finally:
        log.unlink(missing_ok=True)


def test_a_bug_shows_its_traceback_with_protsoc_debug(
    monkeypatch: pytest.MonkeyPatch, capfd
) -> None:
    monkeypatch.setenv("PROTSOC_DEBUG", "1")

    def go() -> None:
        raise RuntimeError("boom")

    result = CliRunner().invoke(_app(go), ["go"])
    assert result.exit_code == 3
    assert "RuntimeError: boom" in result.stderr + capfd.readouterr().err
    for line in result.stderr.splitlines():
        if "details are in" in line:
            Path(line.split("details are in ")[1].split(";")[0].strip()).unlink(missing_ok=True)


def test_ctrl_c_is_exit_130() -> None:
    def go() -> None:
        raise KeyboardInterrupt

    result = CliRunner().invoke(_app(go), ["go"])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
