"""What the clerk's commands share: options, prompts on a terminal, running and reporting a plan."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer


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
# The answers typed during this command (field -> answer): kept when the command is refused, so
# that the next run offers them as defaults (an Arabic decision text is not typed twice).
_ANSWERS: dict[str, str] = {}
# Choice lists longer than this are shown as numbered lines (one id per line, its title beside).
NUMBERED_FROM = 7

_DATE_FIELDS = {
    "date",
    "due",
    "since",
    "until",
    "start",
    "starts",
    "created",
    "completed_on",
    "as_of",
}
_TIME_FIELDS = {"time", "end_time"}


def ask(
    value: Any,
    prompt: str,
    *,
    field: str | None = None,
    choices: Sequence[str] | None = None,
    default: Any = None,
    kind: type = str,
    required: bool = True,
    labels: dict[str, str] | None = None,
) -> Any:
    """The value given as an option, else (on a terminal) the clerk's answer, else None.

    Each answer is checked when it is given (a date, a time, a meeting id, one of the choices)
    and asked again with the reason. A choice is accepted by its number, its id or a unique
    beginning of it; a typo gets "did you mean". Long choice lists are numbered lines with each
    id's title (``labels``). An answer kept from a refused run is offered as the default.
    """
    if value is not None or not interactive():
        return value
    from protsoc.kernel.i18n import _

    if field is not None:
        _PROMPTED[field] = prompt
        kept = _kept().get(field)
        if kept is not None and (not choices or kept in choices):
            default = kept
    if choices and (len(choices) >= NUMBERED_FROM or labels):
        width = max(len(choice) for choice in choices)
        for number, choice in enumerate(choices, 1):
            title = (labels or {}).get(choice, "")
            typer.echo(f"  {number:>2}  {choice:<{width}}  {title}".rstrip())
        prompt = f"{prompt} [1-{len(choices)}]"
    elif choices:
        prompt = f"{prompt} [{'/'.join(choices)}]"
    if not required and default is None:
        skip = _("Enter to skip")
        prompt = f"{prompt} ({skip})"
        default = ""
    while True:
        # Read as text and converted here: Click's own conversion refused the empty answer
        # that "Enter to skip" offers, in English ("'' is not a valid int").
        answer = typer.prompt(
            prompt,
            default=None if default is None else str(default),  # None: Click asks again
            show_default=default not in (None, ""),
            type=str,
        ).strip()
        if answer == "" and not required:
            return None
        problem = None
        if kind is not str:
            try:
                answer = kind(answer)
            except ValueError:
                typer.echo(_("{answer!r} is not a whole number").format(answer=answer), err=True)
                continue
        if choices:
            answer, problem = pick(str(answer), choices)
        if problem is None and field is not None:
            problem = check_answer(field, answer, _PROMPTED.get(field, prompt))
        if problem is not None:
            typer.echo(problem, err=True)
            continue
        if field is not None:
            _ANSWERS[field] = str(answer)
        return answer


def pick(answer: str, choices: Sequence[str]) -> tuple[str, str | None]:
    """The choice meant by ``answer`` (a number, an id, a unique beginning), or why not."""
    import difflib

    from protsoc.kernel.i18n import _

    if answer.isdigit() and 1 <= int(answer) <= len(choices) and answer not in choices:
        return choices[int(answer) - 1], None
    if answer in choices:
        return answer, None
    starting = [choice for choice in choices if answer and choice.startswith(answer)]
    if len(starting) == 1:
        return starting[0], None
    if len(starting) > 1:
        return answer, _("{answer!r} begins several choices: {choices}").format(
            answer=answer, choices=", ".join(starting)
        )
    close = difflib.get_close_matches(answer, choices, n=1, cutoff=0.6)
    if close:
        return answer, _("{answer!r} is not one of the choices; did you mean {choice}?").format(
            answer=answer, choice=close[0]
        )
    return answer, _("choose one of: {choices}").format(choices=", ".join(choices))


def check_answer(field: str, answer: Any, prompt: str) -> str | None:
    """Why ``answer`` cannot be taken for ``field`` (the library's own check), or None."""
    from protsoc.clerk import inputs
    from protsoc.kernel.errors import UsageError

    if not isinstance(answer, str):
        return None
    try:
        if field in _DATE_FIELDS:
            inputs.date(answer, field)
        elif field in _TIME_FIELDS:
            inputs.clock(answer, field)
        elif field == "meeting":
            inputs.meeting_id(answer)
    except inputs.InvalidInput as invalid:
        refused = invalid.named(prompt)
        return f"{refused.message} ({refused.hint})" if refused.hint else refused.message
    except UsageError as refused:
        return f"{refused.message} ({refused.hint})" if refused.hint else refused.message
    return None


def _command_key() -> str:
    """This command (``add decision``) in this folder: whose kept answers are whose."""
    import os
    import sys

    from protsoc.cli.main import COMMANDS

    # The command's words as typed: the first argument that names a command, and for a group
    # (`add`, `set`, …) the word after it. (Read from argv: Typer keeps Click's current context
    # to itself, and protsoc does not depend on click.)
    arguments = sys.argv[1:]
    words: list[str] = []
    for index, word in enumerate(arguments):
        if word in COMMANDS:
            words = [word]
            if COMMANDS[word][1] == "app" and index + 1 < len(arguments):
                words.append(arguments[index + 1])
            break
    return f"{os.getcwd()} {' '.join(words)}"


def _answers_file() -> Path | None:
    """Beside the caches; None without a cache folder (no home directory): answers are then not
    kept, never in a shared temp folder."""
    from protsoc.registry.cache import base_directory

    folder = base_directory()
    return folder / "answers.json" if folder is not None else None


def _kept() -> dict[str, str]:
    """The answers kept from this command's last refused run (empty if none)."""
    import json

    path = _answers_file()
    if path is None:
        return {}
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    kept = saved.get(_command_key()) if isinstance(saved, dict) else None
    return kept if isinstance(kept, dict) else {}


def _keep_answers(answers: dict[str, str] | None) -> None:
    """Keep this command's answers (None: forget them). Best effort: a clerk's command never
    fails because this small file cannot be written."""
    import json

    path = _answers_file()
    if path is None:
        return
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        saved = saved if isinstance(saved, dict) else {}
    except (OSError, ValueError):
        saved = {}
    key = _command_key()
    if answers is None and key not in saved:
        return
    if answers is None:
        saved.pop(key, None)
    else:
        saved[key] = answers
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:
        pass


def start(lang: str | None) -> None:
    from protsoc.kernel.i18n import set_language

    _PROMPTED.clear()
    _ANSWERS.clear()
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
    from protsoc.cli.output import stderr
    from protsoc.kernel.errors import ProtsocError
    from protsoc.kernel.i18n import _

    try:
        outcome = _execute(registry, operation, commit=commit, branch=branch, source=source)
    except ProtsocError:
        if _ANSWERS:
            _keep_answers(dict(_ANSWERS))
            stderr().print(
                _(
                    "your answers are kept: run the same command again and press Enter to "
                    "accept each one"
                )
            )
        raise
    if _ANSWERS:
        _keep_answers(None)
    return outcome


def _execute(
    registry: Path | None,
    operation: Callable[[Any], Any],
    *,
    commit: bool,
    branch: str | None,
    source: str | None,
) -> Any:
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
        from protsoc.validate.reporters import hint_label, plain_line

        console = stderr()
        for finding in refused.findings:
            console.print(f"[red]{printable(plain_line(finding))}[/]")
            if finding.hint:
                console.print(f"    [dim]{hint_label()} {printable(finding.hint)}[/]")
        raise
    console = stdout()
    if outcome.plan.said:
        from protsoc.cli.output import printable

        # One sentence, one line: the terminal wraps it, rich does not break it (it may quote
        # ids and commands the clerk copies).
        console.print(printable(outcome.plan.said), soft_wrap=True)
    for path in outcome.paths:
        if path.exists():
            console.print(_("wrote {path}").format(path=display_path(path)))
        else:
            console.print(_("deleted {path}").format(path=display_path(path)))
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


def member_titles(registry: Path | None, committee: str | None) -> dict[str, str]:
    """Each member post's current Arabic title, shown beside its id in a choice list."""
    if not interactive() or not committee:
        return {}
    from protsoc.kernel.errors import ProtsocError
    from protsoc.registry.loaded import Registry

    try:
        record = Registry.load(registry_root(registry)).by_id("committee").get(committee)
    except ProtsocError:
        return {}
    titles = {}
    for member in ((record.data if record else None) or {}).get("members") or []:
        if not isinstance(member, dict) or "id" not in member:
            continue
        current = [t for t in member.get("titles") or [] if isinstance(t, dict)]
        title = current[-1].get("title") if current else None
        if isinstance(title, dict) and isinstance(title.get("ar"), str):
            titles[member["id"]] = title["ar"]
    return titles
