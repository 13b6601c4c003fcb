"""The `protsoc` command: the Typer application and its entry point.

Start-up is part of the interface (`protsoc --help` within 250 ms), so help costs only what it
shows, with public Typer and Click interfaces only:
- the command table `COMMANDS` (like pip's `commands_dict`): a command's module is imported only
  when that command runs or shows its own help; `protsoc --help` lists the commands from the
  table, where each summary is written once;
- Click's plain help and error messages rather than Typer's rich panels, whose renderer imports
  Markdown and traceback support protsoc does not use (about 70 ms).
tests/test_startup.py checks that every help screen is byte for byte what Typer prints with every
command loaded up front, and that help imports no command module and no rich.
"""

from __future__ import annotations

import inspect
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from protsoc.cli.options import LangOption, RegistryOption

# In the order of `protsoc --help`: overview and checks, documents, the clerk's commands, review,
# then the command groups (Typer has always listed `add` and `set` last).
# name: (module in protsoc.cli, its function or Typer app, its summary: the first paragraph of
# its help, written only here; see command_help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "status": (
        "status",
        "status",
        (
            "An overview of the registry: committees, chairs, members, cadence rules, last "
            "meetings, open items."
        ),
    ),
    "validate": (
        "validate",
        "validate",
        ("Check the registry: YAML safety, schemas, cross-record rules and Arabic text hygiene."),
    ),
    "verify-seals": (
        "verify_seals",
        "verify_seals",
        (
            "Check sealed minutes against git history: any change of sealed content since the "
            "commit that approved it."
        ),
    ),
    "cadence": (
        "cadence",
        "cadence",
        (
            "Meeting-cadence compliance: who is compliant, due soon or in breach, and when "
            "each next meeting is due."
        ),
    ),
    "calendar": (
        "calendar",
        "calendar",
        (
            "Export the meeting calendar as RFC 5545 (.ics): every meeting, plus an "
            "all-day reminder on each committee's next due date."
        ),
    ),
    "decisions": (
        "decisions",
        "decisions",
        (
            "Decisions and recommendations with their action plans: owner, due date, "
            "status, progress, lateness."
        ),
    ),
    "dashboard": (
        "dashboard",
        "dashboard",
        (
            "The national dashboard: per indicator the latest and previous values, "
            "change, target, freshness."
        ),
    ),
    "roadmap": (
        "roadmap",
        "roadmap",
        (
            "The roadmap: axes, milestones with planned and actual dates, linked actions, "
            "resources; what is late."
        ),
    ),
    "evaluations": (
        "evaluations",
        "evaluations",
        (
            "Evaluations: commissioning decision, independent body, scope, status, "
            "report, recommendations."
        ),
    ),
    "programmes": (
        "programmes",
        "programmes",
        (
            "Programmes: managing bodies, start, axis, committee, linked records, financial "
            "execution."
        ),
    ),
    "finance": (
        "programmes",
        "finance",
        "Financial follow-up: budget, committed, paid, spent, commitment and payment rates.",
    ),
    "render": (
        "render",
        "render",
        "Render the Arabic minutes or convocation of a meeting from the registry.",
    ),
    "report": (
        "report",
        "report",
        (
            "Render the follow-up report («تقرير التتبع»): cadence, decisions and actions, "
            "roadmap, evaluations, indicators."
        ),
    ),
    "site": (
        "site",
        "site",
        "Build the national dashboard as a static bilingual website (Arabic, French).",
    ),
    "init": (
        "init",
        "init",
        (
            "Create a registry repository: git init (unless DIR is already in one), the "
            "registry/ layout with\n"
            "the six committees of the 2018 circular (unless --empty), schemas, a README for "
            "clerks, a CI workflow,\n"
            "a pre-commit hook, and a first commit. Refuses to touch an existing registry."
        ),
    ),
    "approve": ("approve", "approve", "Record one member's approval of a meeting's minutes."),
    "list": ("list", "list_records", "List records of one kind as a table (or JSON for scripts)."),
    "show": (
        "show",
        "show",
        (
            "Print one record (its YAML as stored) and, for a meeting, where the approval of "
            "its minutes stands."
        ),
    ),
    "diff": ("diff", "diff", "Say what a change to the registry does, record by record, in words."),
    "amend": (
        "amend",
        "amend",
        ("Start an erratum of approved minutes: a new record MEETING-N that amends the original."),
    ),
    "history": (
        "history",
        "history",
        (
            "Show the git history of one record: who changed what, when, in which commit "
            "(renames followed)."
        ),
    ),
    "codeowners": (
        "codeowners",
        "codeowners",
        (
            "Write CODEOWNERS: each committee's files are reviewed by its secretariat's "
            "review_teams."
        ),
    ),
    "search": (
        "search",
        "search",
        "Find records and entries by their words (Arabic diacritics and letter variants ignored).",
    ),
    "undo": (
        "undo",
        "undo",
        "Undo protsoc's last step: revert its commit when it is HEAD and nothing is uncommitted.",
    ),
    "collect": (
        "collect",
        "app",
        (
            "The reporting round: a workbook (.xlsx) for a ministry's focal point to fill, and "
            "its import."
        ),
    ),
    "schemas": (
        "schemas",
        "app",
        "The repository's copy of the schemas (schemas/, for editors and check-jsonschema).",
    ),
    "add": (
        "add",
        "app",
        (
            "Add a record (committee, meeting, action…) or an entry of a meeting (agenda item, "
            "attendance…)."
        ),
    ),
    "set": (
        "set",
        "app",
        (
            "Update a record: a meeting's status, an action's progress, a member post's title "
            "or holder."
        ),
    ),
    "remove": (
        "remove",
        "app",
        (
            "Remove an entry typed by mistake (agenda item, attendance, guest, decision, "
            "action, observation)."
        ),
    ),
    "move": (
        "move",
        "app",
        "Move a meeting to another date: the file is renamed and every reference rewritten.",
    ),
}


class _Listed(TyperCommand):
    """A command as `protsoc --help` lists it: its name and summary, its module not imported."""


def command_help(name: str, details: str | None) -> str:
    """The help of `protsoc NAME`: its summary from `COMMANDS`, then what its docstring adds."""
    summary = COMMANDS[name][2]
    return f"{summary}\n\n{inspect.cleandoc(details)}" if details else summary


def load_command(name: str) -> Any:
    """The real click command `name`, built by Typer from its module (imported now)."""
    import importlib

    import typer.main

    from protsoc.cli.output import guarded

    module, attribute, _ = COMMANDS[name]
    target = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
    holder = typer.Typer(rich_markup_mode=None)  # plain help, as `app` (below)
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name, help=command_help(name, None))
    else:
        help_text = command_help(name, target.__doc__)
        holder.command(name, help=help_text)(guarded(target))
    return typer.main.get_group(holder).commands[name]


class _LazyGroup(TyperGroup):
    """The root group: every command listed from `COMMANDS`, built only when it is asked for.

    Click's lazy-loading group (its documentation, "Lazily Loading Subcommands") with one step
    more: help rendering sees the `_Listed` stand-ins, so listing the commands imports none of
    them; anything else that looks a command up (running it, `protsoc COMMAND --help`, shell
    completion) gets the real one.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for name, (_, _, summary) in COMMANDS.items():
            self.commands.setdefault(name, _Listed(name=name, help=summary))
        self._listing = False

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Listed) and not self._listing:
            command = self.commands[cmd_name] = load_command(cmd_name)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


app = typer.Typer(
    name="protsoc",
    cls=_LazyGroup,
    help="Keep the governance registry of Morocco's social-protection reform: YAML records in git, "
    "checked and rendered.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Click's plain help and error messages: Typer's rich panels import its Markdown and
    # traceback renderers (markdown-it, pygments), ~70 ms more, putting `protsoc --help` over
    # its 250 ms budget (pyproject.toml, "typer" has the numbers).
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from protsoc import __version__

        typer.echo(f"protsoc {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """protsoc: the social-protection governance registry."""
    # `lang` and `registry` are read by each command's own --lang and --registry options when
    # those are absent (cli/options.py): declared here only so that they may come before the
    # command (`protsoc --lang ar status`).


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # Answered before Typer builds its command tree: scripts and CI probe the version often.
        from protsoc import __version__

        print(f"protsoc {__version__}")
        return
    try:
        app()
    finally:
        _print_cache_warnings()


def _print_cache_warnings() -> None:
    """The cache's one-line warnings (a cache folder others can write is not used), on stderr."""
    cache = sys.modules.get("protsoc.registry.cache")  # not imported: no cache was used
    for line in cache.take_warnings() if cache is not None else ():
        print(line, file=sys.stderr)
