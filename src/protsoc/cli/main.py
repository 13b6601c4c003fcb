"""The `protsoc` command: the Typer application and its entry point.

Start-up is part of the interface (`protsoc --help` under 150 ms, issue 8), so help costs only
what it shows:
- the command modules are imported only when their command runs: `protsoc --help` lists the
  commands from `COMMANDS`, whose help lines tests/test_startup.py checks against the commands;
- Typer's help renderer is imported without the Markdown and traceback modules it never uses here;
- a group's absent options skip Typer's pydantic conversion.
tests/test_startup.py checks that every help screen is byte for byte what plain Typer prints.
"""

from __future__ import annotations

import sys
import types
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from protsoc.cli.options import RegistryOption

# In the order of `protsoc --help`: overview and checks, documents, the clerk's commands, review,
# then the command groups (Typer has always listed `add` and `set` last).
# name: (module in protsoc.cli, its function or Typer app, the first paragraph of its help)
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
}


class _Listed(TyperCommand):
    """A command as `protsoc --help` lists it: its name and help line, its module not imported."""


def load_command(name: str) -> Any:
    """The real click command `name`, built by Typer from its module (imported now)."""
    import importlib

    import typer.main

    from protsoc.cli.output import guarded

    module, attribute, _ = COMMANDS[name]
    target = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
    holder = typer.Typer()
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name, cls=_Group)
    else:
        holder.command(name)(guarded(target))
    return typer.main.get_group(holder).commands[name]


class _DeferredClass(type):
    """A class of a module not imported yet: using it (calling it, reading an attribute) imports it."""

    def real(cls) -> Any:
        import importlib

        return getattr(importlib.import_module(cls.__module__), cls.__name__)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls.real(), name)


class _DeferredModule(types.ModuleType):
    """Stands for a module while typer.rich_utils is imported: `_DEFERRED` classes are deferred."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system probing (__path__...): a plain module
            raise AttributeError(name)
        if name in _DEFERRED.get(self.__name__, ()):
            return _DeferredClass(name, (), {"__module__": self.__name__})
        # Anything else is needed now: the real module replaces the stand-in.
        import importlib

        del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


# Typer's help renderer imports these at its top for markdown help text and pretty tracebacks,
# which protsoc does not use (rich markup; pretty_exceptions_enable=False): markdown-it, pygments
# and rich.pretty are about 40 ms of the 150 ms budget of `protsoc --help`.
_DEFERRED = {"rich.markdown": ("Markdown",), "rich.traceback": ("Traceback",)}


def _import_help_renderer() -> None:
    """Import typer.rich_utils with `_DEFERRED`'s modules left for the first real use."""
    if "typer.rich_utils" in sys.modules:
        return
    placed = [name for name in _DEFERRED if name not in sys.modules]
    for name in placed:
        sys.modules[name] = _DeferredModule(name)
    try:
        import typer.rich_utils  # noqa: F401
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), _DeferredModule):
                del sys.modules[name]


class _GroupOption(TyperOption):
    """An option of a group (`protsoc --registry`, `--help`): an absent value needs no conversion.

    Typer converts every value with a pydantic adapter, and builds one (importing pydantic, about
    80 ms) even for an absent value, which it converts to None: that alone would put
    `protsoc COMMAND --help` over its budget. Same result, without the adapter.
    """

    def process_value(self, ctx: Any, value: Any) -> Any:
        if value is None and not self.required and not self.multiple and self.nargs == 1:
            return None if self.callback is None else self.callback(ctx, self, None)
        return super().process_value(ctx, value)


class _Group(TyperGroup):
    """A group (`protsoc`, `protsoc add`, `protsoc set`) whose own options are `_GroupOption`s.

    A group's options are parsed before its command's, so `protsoc add meeting --help` would
    convert `protsoc`'s and `add`'s absent --help through pydantic.
    """

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:
            if type(param) is TyperOption:
                param.__class__ = _GroupOption
        return params

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _import_help_renderer()
        super().format_help(ctx, formatter)


class _LazyGroup(_Group):
    """The root group: every command listed from `COMMANDS`, built only when it is asked for.

    Help rendering sees the `_Listed` stand-ins; anything else that looks a command up (running it,
    `protsoc COMMAND --help`, shell completion) gets the real one.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for name, (_, _, help_line) in COMMANDS.items():
            self.commands.setdefault(name, _Listed(name=name, help=help_line))
        self._listing = False

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        if "--help" in (sys.argv[1:] if args is None else args):
            # `protsoc COMMAND --help`: Typer's commands render their help with the same renderer
            _import_help_renderer()
        return super().main(args, *rest, **kwargs)

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
    registry: RegistryOption = None,
) -> None:
    """protsoc: the social-protection governance registry."""
    if registry is not None:
        # `protsoc --registry DIR <command>` works like `protsoc <command> --registry DIR`
        # (which still wins when both are given): the commands read the same variable.
        import os

        from protsoc.registry.layout import ENV_VAR

        os.environ[ENV_VAR] = str(registry)


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
