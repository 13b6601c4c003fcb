"""protsoc decisions"""

from __future__ import annotations

import re
from typing import Annotated, List, Optional

import typer

from protsoc.cli.options import (
    LangOption,
    LatenessAsOfOption,
    RegistryOption,
    TextOrJsonOption,
    check_format,
    parse_date,
)

FAIL_ON = ("late", "no-plan")


def decisions(
    committee: Annotated[
        Optional[str],
        typer.Option(
            "--committee",
            help="Only this committee's decisions (its id, e.g. steering).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        Optional[str],
        typer.Option(
            "--status",
            help="open (not done, late ones included), late or done.",
            show_default=False,
        ),
    ] = None,
    as_of: LatenessAsOfOption = None,
    output_format: TextOrJsonOption = "text",
    fail_on: Annotated[
        Optional[List[str]],
        typer.Option(
            "--fail-on",
            help="Exit 1 when any decision is late, or has no action plan (no-plan). Repeatable.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Decisions with no action plan are flagged: turning them into plans is the Technical
    Committee's job. Exit 0, or 1 with --fail-on when a decision is late / has no plan.
    """
    import dataclasses

    from protsoc.cli.output import stdout
    from protsoc.governance import followup
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    check_format(output_format, ("text", "json"))
    if status is not None and status not in followup.DECISION_STATES:
        raise UsageError(f"unknown --status {status!r}", "use open, late or done")
    for condition in fail_on or []:
        if condition not in FAIL_ON:
            raise UsageError(f"unknown --fail-on {condition!r}", "use late or no-plan")
    loaded = Registry.load(find_registry(registry))
    if committee is not None and committee not in loaded.by_id("committee"):
        known = ", ".join(sorted(loaded.by_id("committee"))) or "none"
        raise UsageError(f"no committee `{committee}` in the registry", f"use one of: {known}")
    everything = followup.follow_up(loaded, parse_date(as_of, "--as-of"), committee)  # type: ignore[arg-type]
    result = followup.select(everything, status)
    if output_format == "json":
        payload = {
            "as_of": result.as_of,
            "counts": result.counts(),
            **{k: v for k, v in dataclasses.asdict(result).items() if k != "as_of"},
        }
        typer.echo(json_document(payload))
    else:
        _print_text(stdout(), result, status)
    failing = ("late" in (fail_on or []) and everything.late) or (
        "no-plan" in (fail_on or []) and everything.without_plan
    )
    raise typer.Exit(1 if failing else 0)


def _print_text(console, result, status) -> None:  # type: ignore[no-untyped-def]
    from protsoc.cli.output import printable
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.cli.tables import print_table

    if not result.decisions:
        what = (
            _("no {status} decisions recorded as of {date}")
            if status
            else _("no decisions or recommendations recorded as of {date}")
        )
        console.print(what.format(status=status, date=result.as_of))
    else:
        # Arabic stays out of the table (terminals scramble it in cells): texts follow as lines.
        print_table(console, _table(result))
        # One print of all the lines (each parsed and wrapped as its own print would): rich's
        # per-print cost, ~19,000 times at 10,000 meetings, was most of the command's time.
        lines: list[tuple[str, ...]] = [("", "")]
        for decision in result.decisions:
            lines.append(
                (
                    f"[bold]{printable(decision.ref)}[/]: {printable(decision.text)}",
                    decision.ref,
                    decision.text,
                )
            )
            for action in decision.actions:
                lines.append(
                    (
                        f"  {printable(action.id)}: {printable(action.title)}",
                        f"  {action.id}",
                        action.title,
                    )
                )
        lines.append(("", ""))
        _print_lines(console, lines)
    for action in result.unlinked_actions:
        console.print(
            "[yellow]"
            + _("action {id} carries out no recorded decision").format(id=printable(action.id))
            + f"[/] ({printable(action.path)})"
        )
    if result.meetings_without_decisions:
        console.print(
            _("held meetings with no decision recorded: {meetings}").format(
                meetings=", ".join(result.meetings_without_decisions)
            )
        )
    counts = result.counts()
    console.print(
        ngettext(
            "{count} decision: {late} late, {without_plan} without action plan, {done} done "
            "({late_actions}) as of {date}",
            "{count} decisions: {late} late, {without_plan} without action plan, {done} done "
            "({late_actions}) as of {date}",
            counts["decisions"],
        ).format(
            count=counts["decisions"],
            late=counts["late"],
            without_plan=counts["without_plan"],
            done=counts["done"],
            late_actions=ngettext(
                "{count} late action", "{count} late actions", counts["late_actions"]
            ).format(count=counts["late_actions"]),
            date=result.as_of,
        )
    )
    if counts["without_plan"]:
        console.print(
            "[yellow]"
            + _("hint:")
            + "[/] "
            + _(
                "the Technical Committee turns every decision into an action plan: "
                "`protsoc add action DECISION --title … --owner … --due …`"
            )
        )


def _print_lines(console, lines) -> None:  # type: ignore[no-untyped-def]
    """What ``for markup, *_ in lines: console.print(markup)`` prints, in one print.

    Each line is ``(markup, name, text)`` (the markup being «name: text», the name maybe bold),
    or ``("", "")`` for an empty line. On a console that writes no styles (piped output), lines
    whose name and text rich shows as they are (no markup, emoji code or control character) are
    written directly when they fit, and wrapped by rich's own ``Text.wrap`` when they do not.
    """
    from rich.segment import Segment, Segments
    from rich.text import Text

    out = (
        _plain_lines(console, lines)
        if console.color_system is None and not console.legacy_windows
        else None
    )
    if out is None:
        console.print(Text("\n").join(console.render_str(markup) for markup, *_ in lines))
    else:
        console.print(Segments([Segment("".join(line + "\n" for line in out))]), crop=False)


_NOT_AS_IS = re.compile(r"[\x00-\x1f\x7f-\x9f\[\\:]")
# Characters of at most one cell each (ASCII and the Arabic block): such a line is no wider than
# its length, measured without rich's per-character lookups.
_NARROW = re.compile("[ -~\u0600-\u06ff]*").fullmatch


def _plain_lines(console, lines):  # type: ignore[no-untyped-def]
    from rich.cells import cell_len
    from rich.text import Text

    width = console.options.max_width
    out = []
    for markup, *parts in lines:
        if not markup:
            out.append("")
            continue
        name, text = parts
        if _NOT_AS_IS.search(name) or _NOT_AS_IS.search(text):
            return None
        line = f"{name}: {text}"
        if len(line) <= width and (_NARROW(line) or cell_len(line) <= width):
            out.append(line)
            continue
        for piece in Text(line).wrap(console, width, justify="default", overflow="fold"):
            if cell_len(piece.plain) > width:
                return None
            out.append(piece.plain)
    return out


_HEADINGS = ("decision", "kind", "owner", "due", "action plan", "status", "progress", "late")


def _table(result):  # type: ignore[no-untyped-def]
    """The decisions and their actions: at 10,000 meetings ~17,000 rows (cli/tables.py)."""
    from protsoc.cli.tables import Column, TableDescription

    rows = []
    for decision in result.decisions:
        state = {"late": ("late", "red"), "done": ("done", "green")}.get(
            decision.state, ("open", None)
        )
        rows.append(
            [
                (decision.ref, None),
                (decision.kind, None),
                (decision.owner or "—", None),
                (decision.due or "—", None),
                ("none", "yellow") if decision.no_plan else (str(len(decision.actions)), None),
                state,
                ("—" if decision.progress is None else f"{decision.progress} %", None),
                ("yes", "red") if decision.late else ("", None),
            ]
        )
        for action in decision.actions:
            rows.append(
                [
                    (f"  └ {action.id}", None),
                    ("action", None),
                    (action.owner or "—", None),
                    (action.due or "—", None),
                    ("", None),
                    (action.status, None),
                    (f"{action.progress} %", None),
                    (f"{action.days_late} d", "red") if action.late else ("", None),
                ]
            )
    return TableDescription(
        title=f"decisions as of {result.as_of}",
        columns=[
            Column(
                heading,
                justify="right" if heading == "progress" else "left",
                no_wrap=heading == "decision",
            )
            for heading in _HEADINGS
        ],
        rows=rows,
    )
