"""Start-up of `protsoc` (issues 8 and 12): `--help` imports no command module, no rich and no
heavy library, and says exactly what Typer says with every command loaded (Click's plain help, as
the application asks). No timings here: benchmarks/ has them."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Outcome
from typer.testing import CliRunner

from protsoc.cli.main import COMMANDS, load_command

# The plain Typer application, every command imported and registered up front (as protsoc was
# before its commands were loaded lazily): the reference for what `protsoc --help` must print.
EAGER_APP = """
import importlib

import typer

from protsoc.cli import main
from protsoc.cli.output import guarded

app = typer.Typer(name="protsoc", help=main.app.info.help, no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False, rich_markup_mode=None)
app.callback()(main._root)
for name, (module, attribute, _) in main.COMMANDS.items():
    target = getattr(importlib.import_module(f"protsoc.cli.{module}"), attribute)
    if isinstance(target, typer.Typer):
        app.add_typer(target, name=name, help=main.command_help(name, None))
    else:
        app.command(name, help=main.command_help(name, target.__doc__))(guarded(target))

if __name__ == "__main__":
    app(prog_name="protsoc")
"""

GROUPS = ("add", "set")

# Imported by none of the help screens: the libraries of the commands, rich (Click's plain help
# needs none of it; Typer's panels would bring Markdown and traceback rendering), pydantic.
HEAVY = (
    "jinja2",
    "jsonschema",
    "git",
    "weasyprint",
    "matplotlib",
    "yaml",
    "icalendar",
    "pydantic",
    "rich",
    "markdown_it",
    "pygments",
)


def _subcommands(group: str) -> list[str]:
    return list(load_command(group).commands)


def _help_screens() -> list[list[str]]:
    screens = [[], ["--help"], *([name, "--help"] for name in COMMANDS)]
    for group in GROUPS:
        screens += [[group], *([group, sub, "--help"] for sub in _subcommands(group))]
    return screens


def _eager_app():  # type: ignore[no-untyped-def]
    namespace: dict[str, object] = {"__name__": "eager"}
    exec(EAGER_APP, namespace)  # noqa: S102 - the test's own reference code, above
    return namespace["app"]


def test_each_summary_is_written_once_and_heads_its_command_help() -> None:
    """`protsoc --help` lists COMMANDS without importing the commands: each summary is written
    there only, and the command's own help starts with it."""
    import importlib

    import typer

    for name, (module, attribute, summary) in COMMANDS.items():
        command = load_command(name)
        assert inspect.cleandoc(command.help or "").split("\n\n")[0] == summary
        target = getattr(importlib.import_module(f"protsoc.cli.{module}"), attribute)
        if isinstance(target, typer.Typer):
            written = target.info.help if isinstance(target.info.help, str) else ""
        else:
            written = target.__doc__ or ""
        assert " ".join(summary.split()) not in " ".join(written.split()), (
            f"the summary of `protsoc {name}` is written twice: keep it in COMMANDS "
            "(src/protsoc/cli/main.py) only"
        )


@pytest.mark.parametrize(
    "args",
    [
        *_help_screens(),
        ["frobnicate"],
        ["stat"],
        ["status", "--bogus"],
        ["--version"],
    ],
    ids=lambda args: " ".join(args) or "(no arguments)",
)
def test_every_screen_is_what_typer_prints_with_every_command_loaded(args: list[str]) -> None:
    runner = CliRunner()
    env = {"COLUMNS": "100"}
    from protsoc.cli.main import app

    lazy = runner.invoke(app, args, env=env)
    eager = runner.invoke(_eager_app(), args, env=env)
    assert (lazy.exit_code, lazy.stdout, lazy.stderr) == (
        eager.exit_code,
        eager.stdout,
        eager.stderr,
    )
    assert type(lazy.exception) is type(eager.exception)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["status", "--help"],
        ["validate", "--help"],
        ["render", "--help"],
        ["add"],
        ["add", "meeting", "--help"],
        ["set", "action", "--help"],
    ],
    ids=lambda args: " ".join(args) or "(no arguments)",
)
def test_the_console_script_prints_what_typer_prints(
    args: list[str], run_process, tmp_path: Path
) -> None:
    """In a fresh process, as the console script, byte for byte."""
    script = tmp_path / "eager.py"
    script.write_text(EAGER_APP, encoding="utf-8")
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "PROTSOC_REGISTRY": None}
    lazy = run_process(["protsoc", *args], env=env)
    completed = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**_environment(), "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
    )
    eager = Outcome(completed.returncode, completed.stdout, completed.stderr)
    # `protsoc` and `protsoc add` alone print their help as Click does for any usage error: on
    # stderr, exit 2 (Typer's panels printed it on stdout).
    assert (lazy.stderr if args in ([], ["add"]) else lazy.stdout).strip(), lazy.stderr
    assert (lazy.exit_code, lazy.stdout, lazy.stderr) == (
        eager.exit_code,
        eager.stdout,
        eager.stderr,
    )


def _environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key != "PROTSOC_REGISTRY"}


def _modules_after(args: list[str], tmp_path: Path) -> set[str]:
    """The modules loaded by `protsoc ARGS` in a fresh interpreter."""
    listing = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        f"sys.argv = ['protsoc', *{args!r}]\n"
        "from protsoc.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"open({str(listing)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Usage: protsoc" in completed.stdout + completed.stderr
    return set(json.loads(listing.read_text()))


def test_help_imports_no_command_and_no_heavy_library(tmp_path: Path) -> None:
    for args in ([], ["--help"]):
        loaded = _modules_after(args, tmp_path)
        assert not {module.split(".")[0] for module in loaded} & set(HEAVY), args
        commands = {f"protsoc.cli.{module}" for module, _, _ in COMMANDS.values()}
        assert not loaded & commands, f"`protsoc {' '.join(args)}` imported command modules"
        assert "protsoc.registry" not in loaded


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--help"],
        ["report", "--help"],
        ["add"],
        ["add", "meeting", "--help"],
        ["set", "action", "--help"],
    ],
)
def test_command_help_imports_that_command_only(args: list[str], tmp_path: Path) -> None:
    loaded = _modules_after(args, tmp_path)
    assert not {module.split(".")[0] for module in loaded} & set(HEAVY)
    # the command's module and what it imports itself (report shares render's options)
    own = f"protsoc.cli.{COMMANDS[args[0]][0]}"
    code = f"import json, sys, {own}; print(json.dumps(sorted(sys.modules)))"
    its_imports = set(
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
    )
    commands = {f"protsoc.cli.{module}" for module, _, _ in COMMANDS.values()}
    assert loaded & commands == its_imports & commands, (
        f"`protsoc {' '.join(args)}` imported other commands' modules"
    )


def test_python_dash_m_protsoc(tmp_path: Path) -> None:
    version = subprocess.run(
        [sys.executable, "-m", "protsoc", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    from protsoc import __version__

    assert version.stdout.strip() == f"protsoc {__version__}"
    shown = subprocess.run(
        [sys.executable, "-m", "protsoc", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert "validate" in shown.stdout and "Traceback" not in shown.stderr


def _every_help_screen() -> list[object]:
    screens = [[name, "--help"] for name in COMMANDS]
    screens += [[group, sub, "--help"] for group in GROUPS for sub in _subcommands(group)]
    return screens


@pytest.mark.parametrize("args", _every_help_screen())
def test_every_help_screen_renders(args: list[str], run_process) -> None:
    outcome = run_process(["protsoc", *args])
    assert outcome.exit_code == 0, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert "Usage: protsoc " + " ".join(args[:-1]) in " ".join(outcome.stdout.split())
