"""Start-up of `protsoc` (issue 8): `--help` imports no command module and no heavy library, and
says exactly what Typer says with every command loaded. No timings here: benchmarks/ has them."""

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
                  pretty_exceptions_enable=False, add_completion=False)
app.callback()(main._root)
for name, (module, attribute, _) in main.COMMANDS.items():
    target = getattr(importlib.import_module(f"protsoc.cli.{module}"), attribute)
    if isinstance(target, typer.Typer):
        app.add_typer(target, name=name)
    else:
        app.command(name)(guarded(target))

if __name__ == "__main__":
    app(prog_name="protsoc")
"""

GROUPS = ("add", "set")

# Imported by none of the help screens: the libraries of the commands, and what Typer would import
# for help text or option values protsoc does not need to render help.
HEAVY = (
    "jinja2",
    "jsonschema",
    "git",
    "weasyprint",
    "matplotlib",
    "yaml",
    "icalendar",
    "pydantic",
    "rich.markdown",
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


def test_the_table_says_what_each_command_says() -> None:
    """`protsoc --help` lists COMMANDS without importing them: each line must be the command's own."""
    for name, (_, _, help_line) in COMMANDS.items():
        command = load_command(name)
        first_paragraph = inspect.cleandoc(command.help or "").split("\n\n")[0]
        assert help_line == first_paragraph, (
            f"the help of `protsoc {name}` changed: copy its first paragraph into "
            "COMMANDS in src/protsoc/cli/main.py"
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
    """In a fresh process (where the help renderer is imported the quick way), byte for byte."""
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
    assert lazy.stdout.strip(), lazy.stderr
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
    assert "Usage: protsoc" in completed.stdout
    return set(json.loads(listing.read_text()))


def test_help_imports_no_command_and_no_heavy_library(tmp_path: Path) -> None:
    for args in ([], ["--help"]):
        loaded = _modules_after(args, tmp_path)
        assert not loaded & set(HEAVY), args
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
    assert not loaded & set(HEAVY)
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


def test_markdown_and_tracebacks_still_work_after_help(tmp_path: Path) -> None:
    """Help leaves rich.markdown and rich.traceback unimported, not broken: a Typer application
    that renders Markdown help, in the same process after `protsoc --help`, still does."""
    code = (
        "import sys\n"
        "sys.argv = ['protsoc', '--help']\n"
        "from protsoc.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'rich.markdown' not in sys.modules\n"
        "import typer\n"
        "from typer.testing import CliRunner\n"
        "other = typer.Typer(rich_markup_mode='markdown')\n"
        "@other.command()\n"
        "def go() -> None:\n"
        "    '''Some **bold** words.'''\n"
        "result = CliRunner().invoke(other, ['--help'])\n"
        "print('MARKDOWN:', ' '.join(result.stdout.split()))\n"
        "import rich.markdown, rich.traceback, typer.rich_utils\n"
        "assert rich.markdown.__file__ and rich.traceback.__file__\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError as error:\n"
        "    shown = typer.rich_utils.Traceback.from_exception(type(error), error, None)\n"
        "print('TRACEBACK:', type(shown).__module__)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Some bold words." in completed.stdout
    assert "**" not in completed.stdout.split("MARKDOWN:")[1]
    assert "TRACEBACK: rich.traceback" in completed.stdout


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
