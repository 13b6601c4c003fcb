"""What the clerk's commands share: options, prompts on a terminal, running and reporting a plan."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

CommitOption = Annotated[
    bool,
    typer.Option(
        "--commit",
        help="Commit the change (only the files it touched) with a conventional message.",
    ),
]
BranchOption = Annotated[
    str | None,
    typer.Option(
        "--branch",
        help="Create and switch to this branch first (for a pull request).",
        show_default=False,
    ),
]
SourceOption = Annotated[
    str | None,
    typer.Option(
        "--source",
        help=(
            "The document this entry comes from (default: 'protsoc <command> by <git user.name> "
            "on <date>')."
        ),
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=(
            "Language of prompts and messages: ar, fr or en (default: $PROTSOC_LANG, else the "
            "locale)."
        ),
        show_default=False,
    ),
]


def _t(message: str) -> str:
    """A message in the clerk's language (``_t`` is the keyword ``pybabel extract`` looks for)."""
    from protsoc.kernel.i18n import _

    return _(message)


def vocabulary() -> Any:
    """The allowed values read from the schemas, for the choices of prompts (imported lazily)."""
    from protsoc.governance import vocabulary as allowed

    return allowed


def ask_meeting(value: Any) -> Any:
    """The MEETING argument, asked for on a terminal when it is missing."""
    return ask(value, _t("Meeting (<committee>/<YYYY-MM-DD>)"), field="meeting")


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# The fields answered at a prompt during this command, with the prompt's words: a refused
# answer is then named as the clerk saw it asked, not by an option they never typed.
_PROMPTED: dict[str, str] = {}


def ask(
    value: Any,
    prompt: str,
    *,
    field: str | None = None,
    choices: Sequence[str] | None = None,
    default: Any = None,
    kind: type = str,
    required: bool = True,
) -> Any:
    """The value given as an option, else (on a terminal) the clerk's answer, else None.

    Choices and the default are shown in the prompt; the library checks the answer either way,
    and names ``field`` by this prompt if it refuses the answer.
    """
    if value is not None or not interactive():
        return value
    from protsoc.kernel.i18n import _

    if field is not None:
        _PROMPTED[field] = prompt
    if choices:
        prompt = f"{prompt} [{'/'.join(choices)}]"
    if not required and default is None:
        skip = _("Enter to skip")
        prompt = f"{prompt} ({skip})"
        default = ""
    while True:
        answer = typer.prompt(
            prompt, default=default, show_default=default not in (None, ""), type=kind
        )
        if isinstance(answer, str):
            answer = answer.strip()
        if choices and answer not in choices and (answer or required):
            typer.echo(_("choose one of: {choices}").format(choices=", ".join(choices)), err=True)
            continue
        if answer == "" and not required:
            return None
        return answer


def start(lang: str | None) -> None:
    from protsoc.kernel.i18n import set_language

    _PROMPTED.clear()
    set_language(lang)


def registry_root(registry: Path | None) -> Path:
    from protsoc.registry.layout import find_registry

    return find_registry(registry)


def run(
    registry: Path | None,
    operation: Callable[[Any], Any],
    *,
    commit: bool,
    branch: str | None,
    source: str | None,
) -> Any:
    """Execute a clerk operation and report it; refused changes print their findings (exit 1).

    A value the library refuses is named as the clerk gave it (``field_label``).
    """
    from protsoc.clerk.inputs import InvalidInput
    from protsoc.clerk.transaction import RefusedChange, execute
    from protsoc.cli.output import stderr, stdout
    from protsoc.kernel.i18n import _
    from protsoc.registry.layout import display_path

    try:
        outcome = execute(
            registry_root(registry), operation, commit=commit, branch=branch, source=source
        )
    except InvalidInput as invalid:
        raise invalid.named(field_label(invalid.field)) from None
    except RefusedChange as refused:
        from protsoc.cli.output import printable
        from protsoc.validate.reporters import plain_line

        console = stderr()
        for finding in refused.findings:
            console.print(f"[red]{printable(plain_line(finding))}[/]")
            if finding.hint:
                console.print(f"    [dim]hint: {printable(finding.hint)}[/]")
        raise
    console = stdout()
    for path in outcome.paths:
        console.print(_("wrote {path}").format(path=display_path(path)))
    if outcome.branch:
        console.print(_("on the new branch {branch}").format(branch=outcome.branch))
    if outcome.commit:
        console.print(
            _("committed {sha}: {message}").format(sha=outcome.commit, message=outcome.plan.message)
        )
    return outcome


def field_label(field: str) -> str:
    """How a message names a field the library checked, as the clerk gave it.

    An answer to a prompt is named by the prompt; a value given by option, by the option
    (``due`` → ``--due``); arguments, and fields whose option does not say enough, by the words
    here.
    """
    if field in _PROMPTED:
        return _PROMPTED[field]
    words = {
        "committee": _t("the committee"),
        "committee.id": _t("the committee id"),
        "committee.name": _t("the name (--name)"),
        "member": _t("the member"),
        "member.id": _t("the member id"),
        "member.title": _t("the title (--title)"),
        "agenda_item.title": _t("the agenda item's text"),
        "guest.name": _t("the guest's name"),
        "decision.text": _t("the decision's text"),
        "action": _t("the action"),
        "action.title": _t("the action's title (--title)"),
        "indicator": _t("the indicator"),
        "indicator.id": _t("the indicator id"),
        "evaluation.id": _t("the evaluation id"),
        "programme.id": _t("the programme id"),
        "programme_or_action": _t("the programme or action"),
        "managed_by": _t("--managed-by NAME (after =)"),
    }
    return words.get(field) or "--" + field.rpartition(".")[2].replace("_", "-")


def known(registry: Path | None, kind: str) -> list[str]:
    """Ids of a kind, for the choices of a prompt (empty when no registry is found)."""
    if not interactive():
        return []
    from protsoc.kernel.errors import ProtsocError
    from protsoc.registry.loaded import Registry

    try:
        return sorted(Registry.load(registry_root(registry)).by_id(kind))
    except ProtsocError:
        return []


def members_of(registry: Path | None, committee: str | None) -> list[str]:
    if not interactive() or not committee:
        return []
    from protsoc.kernel.errors import ProtsocError
    from protsoc.registry.loaded import Registry

    try:
        record = Registry.load(registry_root(registry)).by_id("committee").get(committee)
    except ProtsocError:
        return []
    data = record.data if record else None
    return [m["id"] for m in (data or {}).get("members") or [] if isinstance(m, dict) and "id" in m]
