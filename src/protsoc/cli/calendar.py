"""protsoc calendar"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from protsoc.cli.options import LangOption, CommitteesOption, RegistryOption, parse_date


def calendar(
    output: Annotated[
        Optional[Path],
        typer.Option(
            "-o",
            "--output",
            help=(
                "Write the .ics file here (default: standard output). An existing file is read "
                "first, so that changed events get a higher SEQUENCE."
            ),
            show_default=False,
        ),
    ] = None,
    previous: Annotated[
        Optional[Path],
        typer.Option(
            "--previous",
            help="The previous export to compare with (default: the -o file when it exists).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        Optional[str],
        typer.Option(
            "--as-of",
            help="Date for the due-date reminders, YYYY-MM-DD (default: today in Morocco).",
            show_default=False,
        ),
    ] = None,
    committee: CommitteesOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Times are Africa/Casablanca with a VTIMEZONE from the tz database (Morocco moves to +00:00
    during Ramadan). UIDs are stable and SEQUENCE grows when a meeting's time, place or status
    changes, so re-importing or subscribing updates events instead of duplicating them. Cancelled
    meetings are exported as cancelled.
    """
    from protsoc.cli.output import stderr
    from protsoc.governance.meeting_calendar import export
    from protsoc.kernel import dates
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry
    from protsoc.registry.yamlio import write_atomic

    source = previous or (output if output is not None and output.exists() else None)
    if previous is not None and not previous.is_file():
        raise UsageError(
            f"--previous {previous} is not a file", "give the .ics file of the last export"
        )
    if output is not None and output.is_dir():
        raise UsageError(f"-o {output} is a folder", "give a file name, e.g. -o meetings.ics")
    day = parse_date(as_of, "--as-of") or dates.today()
    result = export(
        Registry.load(find_registry(registry)),
        day,  # type: ignore[arg-type]
        source.read_bytes() if source else None,
        committee,
    )
    text = result.data.decode("utf-8")
    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomic(output, text)
    stderr().print(
        _(
            "wrote {path}: {meetings} and {reminders} ({new} new, {updated} updated, {withdrawn} "
            "withdrawn)"
        ).format(
            path=output,
            meetings=ngettext("{count} meeting", "{count} meetings", result.meetings).format(
                count=result.meetings
            ),
            reminders=ngettext(
                "{count} due-date reminder", "{count} due-date reminders", result.reminders
            ).format(count=result.reminders),
            new=len(result.new),
            updated=len(result.updated),
            withdrawn=len(result.withdrawn),
        )
    )
