"""Options shared by several commands, declared once (name, default, help are a contract).

Where two commands give an option the same name but a different meaning, each keeps its own
declaration; an option written the same way in several commands lives here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Collection, List, Optional

import typer

if TYPE_CHECKING:  # for annotations only: the module stays cheap to import
    import datetime as dt


def _or_the_groups(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
    """`protsoc --registry DIR COMMAND` works like `protsoc COMMAND --registry DIR`, which wins
    when both are given (likewise `--lang`): an absent command option takes the value the root
    group parsed (Click keeps it in the root context), so nothing reaches the library through
    the environment."""
    if value is None and param.name is not None:
        value = ctx.find_root().params.get(param.name)
    return value


RegistryOption = Annotated[
    Optional[Path],
    typer.Option(
        "--registry",
        callback=_or_the_groups,
        help="The registry folder (holding protsoc.yaml). Default: $PROTSOC_REGISTRY, else the "
        "registry/ folder of the current directory or its nearest parent.",
        show_default=False,
    ),
]


Opt = Optional[str]  # noqa: UP045 - Typer reads annotations at runtime

# The message language: every command takes `--lang` (also before the command, `protsoc --lang
# ar status`); cli/output.guarded installs it before the command runs, so that a refusal, a
# prompt and a report all speak the clerk's language.
LangOption = Annotated[
    Opt,
    typer.Option(
        "--lang",
        callback=_or_the_groups,
        help=(
            "Language of prompts and messages: ar, fr or en (default: $PROTSOC_LANG, else the "
            "locale)."
        ),
        show_default=False,
    ),
]


def speak(ctx: typer.Context, document_language: str | None = None) -> None:
    """The message language of a command whose own `--lang` is a document's language (`site`,
    `collect template`): that language when the clerk typed it, else `protsoc --lang`, else
    $PROTSOC_LANG, else the locale."""
    from protsoc.kernel.i18n import set_language

    set_language(document_language or ctx.find_root().params.get("lang"))


def typed(ctx: typer.Context, parameter: str) -> bool:
    """Whether the clerk gave this option on the command line (not its default)."""
    source = ctx.get_parameter_source(parameter)
    return source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT")


# The clerk's writes
CommitOption = Annotated[
    bool,
    typer.Option(
        "--commit",
        help="Commit the change (only the files it touched) with a conventional message.",
    ),
]
BranchOption = Annotated[
    Opt,
    typer.Option(
        "--branch",
        help="Create and switch to this branch first (for a pull request).",
        show_default=False,
    ),
]
SourceOption = Annotated[
    Opt,
    typer.Option(
        "--source",
        help=(
            "The document this entry comes from (default: 'protsoc <command> by <git user.name> "
            "on <date>')."
        ),
        show_default=False,
    ),
]

# Output formats and filters of the reports
TextOrJsonOption = Annotated[str, typer.Option("--format", help="text or json.")]
FindingsFormatOption = Annotated[
    str, typer.Option("--format", help="text, json or github (workflow annotations).")
]
CommitteesOption = Annotated[
    Optional[List[str]],  # noqa: UP006, UP045 - Typer reads annotations at runtime
    typer.Option("--committee", help="Only this committee id (repeatable).", show_default=False),
]
LatenessAsOfOption = Annotated[
    Opt,
    typer.Option(
        "--as-of",
        help="Date on which lateness is judged (default: today in Morocco).",
        show_default=False,
    ),
]

# Fields that `protsoc add` and `protsoc set` both take, with the same meaning
PlaceOption = Annotated[Opt, typer.Option("--place", show_default=False)]
StartOption = Annotated[Opt, typer.Option("--start", show_default=False)]
MeetingKindOption = Annotated[
    Opt, typer.Option("--kind", help="ordinary or extraordinary.", show_default=False)
]
AttendanceStatusOption = Annotated[
    Opt,
    typer.Option("--status", help="present, represented, excused or absent.", show_default=False),
]
DecisionKindOption = Annotated[
    Opt, typer.Option("--kind", help="decision or recommendation.", show_default=False)
]
OwnerOption = Annotated[
    Opt, typer.Option("--owner", help="The post that carries it out.", show_default=False)
]
DueOption = Annotated[Opt, typer.Option("--due", help="YYYY-MM-DD.", show_default=False)]
AgendaItemOption = Annotated[
    Opt,
    typer.Option("--agenda-item", help="The agenda item it answers (item-N).", show_default=False),
]
ActionStatusOption = Annotated[
    Opt,
    typer.Option(
        "--status",
        help="not-started, in-progress, done, blocked or dropped.",
        show_default=False,
    ),
]
DirectionOption = Annotated[
    Opt, typer.Option("--direction", help="higher or lower is better.", show_default=False)
]


def parse_date(value: str | None, option: str) -> "dt.date | None":
    """An ISO date given on the command line, or a usage error naming the option."""
    import datetime as dt

    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.i18n import _

    if value is None:
        return None
    from protsoc.kernel.dates import FIRST_YEAR, LAST_YEAR

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("{what} {value!r} is not a date").format(what=option, value=value),
            _("write it as YYYY-MM-DD, e.g. 2026-11-22"),
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(
            _("{what} {value!r} is outside the years protsoc computes with").format(
                what=option, value=value
            ),
            _("give a date from {first}-01-01 to {last}-12-31").format(
                first=FIRST_YEAR, last=LAST_YEAR
            ),
        )
    return day


def check_format(value: str, choices: Collection[str]) -> str:
    """The ``--format`` value, or a usage error listing the formats the command offers."""
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.i18n import _

    if value not in choices:
        raise UsageError(
            _("unknown --format {value!r}").format(value=value),
            _("use one of: {choices}").format(choices=", ".join(choices)),
        )
    return value
