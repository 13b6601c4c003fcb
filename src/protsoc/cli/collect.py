"""protsoc collect …: the reporting round with ministries, by workbook (.xlsx)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from protsoc.cli.clerk import registry_root, start
from protsoc.cli.options import (
    BranchOption,
    CommitOption,
    LangOption,
    RegistryOption,
    check_format,
    speak,
    typed,
)
from protsoc.cli.output import guarded

app = typer.Typer(no_args_is_help=True)  # its summary is in cli/main.py's COMMANDS

Opt = Optional[str]  # noqa: UP045 - Typer reads it at runtime


@app.command("template")
@guarded
def template(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="The workbook to write (.xlsx).", show_default=False),
    ],
    owner: Annotated[
        Opt,
        typer.Option(
            "--owner", help="The reporting post, <committee>/<member>.", show_default=False
        ),
    ] = None,
    committee: Annotated[
        Opt,
        typer.Option(
            "--committee", help="Every action and indicator of a committee.", show_default=False
        ),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Every open action and every indicator.")
    ] = False,
    as_of: Annotated[
        Opt,
        typer.Option(
            "--as-of", help="The reporting date YYYY-MM-DD (default: today).", show_default=False
        ),
    ] = None,
    # The workbook's language; messages follow it when it is typed (cli/options.speak).
    workbook_lang: Annotated[
        str, typer.Option("--lang", help="Language of the workbook: ar (right to left) or fr.")
    ] = "ar",
    format_: Annotated[
        str,
        typer.Option(
            "--format", help="xlsx (a workbook), or csv (-o names a folder, one CSV per sheet)."
        ),
    ] = "xlsx",
    registry: RegistryOption = None,
) -> None:
    """Write the workbook one reporting body fills: open actions, indicators, programmes' money."""
    from protsoc.clerk import collect, inputs
    from protsoc.cli.output import stdout
    from protsoc.kernel import dates
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.i18n import _, language, ngettext
    from protsoc.registry.loaded import Registry

    speak(ctx, workbook_lang if typed(ctx, "workbook_lang") else None)
    start(language())
    check_format(format_, ("xlsx", "csv"))
    if format_ == "xlsx" and output.suffix.lower() != ".xlsx":
        raise UsageError(
            _("{path}: the template is written as .xlsx").format(path=output),
            _("give -o NAME.xlsx"),
        )
    today = dates.today().isoformat()
    day = inputs.date(as_of, "--as-of") or today
    loaded = Registry.load(registry_root(registry))
    selection = collect.select(loaded, owner, committee, everything)
    if format_ == "csv":
        collect.template_csv(output, selection, workbook_lang, day, today, loaded)
    else:
        collect.template(loaded, output, selection, workbook_lang, day, today)
    stdout().print(
        _("wrote {path}: {actions}, {indicators} for {body}").format(
            path=output,
            actions=ngettext("{count} action", "{count} actions", len(selection.actions)).format(
                count=len(selection.actions)
            ),
            indicators=ngettext(
                "{count} indicator", "{count} indicators", len(selection.indicators)
            ).format(count=len(selection.indicators)),
            body=selection.body,
        )
    )
    if selection.ledgers:
        stdout().print(
            _("with a financial sheet: {count} programmes and actions").format(
                count=len(selection.ledgers)
            )
        )


@app.command("import")
@guarded
def import_(
    workbook: Annotated[
        Path, typer.Argument(metavar="FILE.xlsx", help="The returned workbook.", show_default=False)
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Say what would change, record by record; write nothing."),
    ] = False,
    commit: CommitOption = False,
    branch: BranchOption = None,
    format_: Annotated[
        str,
        typer.Option("--format", help="xlsx, or csv (FILE is then the folder of CSV files)."),
    ] = "xlsx",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Import a returned workbook: every row checked, all applied or none (one commit)."""
    from protsoc.clerk import collect
    from protsoc.clerk.transaction import RefusedChange, execute
    from protsoc.cli.output import printable, stderr, stdout
    from protsoc.kernel.i18n import _
    from protsoc.registry.layout import display_path

    start(lang)
    root = registry_root(registry)
    check_format(format_, ("xlsx", "csv"))
    returned = collect.read_returned(workbook, csv=format_ == "csv")
    try:
        if dry_run:
            _desk, plan = collect.preview(root, returned)
            _describe(root, plan)
            return
        outcome = execute(root, collect.applying(returned), commit=commit, branch=branch)
    except collect.NothingToDo:
        stdout().print(_("nothing to do: every row is empty or imported already"))
        return
    except collect.WorkbookRefused as refused:
        console = stderr()
        for problem in refused.problems:
            console.print(f"[red]{printable(str(problem))}[/]")
        raise
    except RefusedChange as refused:
        from protsoc.validate.reporters import plain_line

        console = stderr()
        for finding in refused.findings:
            line = plain_line(finding)
            path = Path(finding.path)
            kind = {"actions": "action", "indicators": "indicator", "programmes": "programme"}.get(
                path.parent.name
            )
            where = returned.row_of(kind, path.stem) if kind else None
            if where is not None:
                line = str(collect.Problem(where[0], where[1], None, line))
            console.print(f"[red]{printable(line)}[/]")
        raise
    console = stdout()
    for path in outcome.paths:
        console.print(_("wrote {path}").format(path=display_path(path)))
    if outcome.branch:
        console.print(_("on the new branch {branch}").format(branch=outcome.branch))
    if outcome.commit:
        console.print(
            _("committed {sha}: {message}").format(
                sha=outcome.commit, message=printable(outcome.plan.message)
            )
        )


def _describe(root: Path, plan: object) -> None:
    """The plan in the review diff's sentences, record by record."""
    from protsoc.cli.output import printable, stdout
    from protsoc.kernel.i18n import _, ngettext
    from protsoc.registry.gitdiff import FileChange
    from protsoc.review.diff import describe

    console = stdout()
    changes = getattr(plan, "changes")
    if not changes:
        console.print(_("nothing to do: every row is empty or imported already"))
        return
    for change in changes:
        relative = change.path.resolve().relative_to(root.resolve()).as_posix()
        record = describe(
            root,
            FileChange("M", relative, relative),
            relative,
            relative,
            (change.old_text or "").encode("utf-8"),
            change.text.encode("utf-8"),
        )
        for sentence in record.sentences:
            console.print(printable(sentence.text))
    console.print(
        ngettext(
            "dry run: nothing was written ({count} record would change)",
            "dry run: nothing was written ({count} records would change)",
            len(changes),
        ).format(count=len(changes))
    )
