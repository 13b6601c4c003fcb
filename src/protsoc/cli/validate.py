"""protsoc validate"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from protsoc.cli.options import LangOption, FindingsFormatOption, RegistryOption, check_format


def validate(
    paths: Annotated[
        Optional[List[Path]],
        typer.Argument(
            help=(
                "Files or folders to check (default: the whole registry). References are still "
                "resolved against the whole registry."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: FindingsFormatOption = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings make the registry invalid too.")
    ] = False,
    lang: LangOption = None,
    registry: RegistryOption = None,
    changed_since: Annotated[
        Optional[str],
        typer.Option(
            "--changed-since",
            metavar="REV",
            help=(
                "Check only the files changed since the git revision REV, every cross-record rule "
                "those changes could break, and seals broken against REV's version."
            ),
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help=(
                "Neither read nor write the cache of unchanged files' results (also: "
                "PROTSOC_NO_CACHE=1)."
            ),
        ),
    ] = False,
) -> None:
    """Exit 0 valid (warnings allowed unless --strict), 1 invalid, 2 usage or environment error."""
    from protsoc.cli.output import stdout
    from protsoc.kernel.errors import UsageError
    from protsoc.registry.cache import switched_off
    from protsoc.registry.layout import find_registry
    from protsoc.validate import reporters
    from protsoc.validate.pipeline import validate as run_validation

    check_format(output_format, reporters.FORMATS)
    if paths and changed_since is not None:
        raise UsageError(
            "give files or --changed-since, not both",
            "--changed-since REV picks the changed files itself",
        )
    with switched_off(no_cache):
        if changed_since is not None:
            from protsoc.validate.changed_since import validate_changed_since

            result = validate_changed_since(find_registry(registry), changed_since)
        else:
            result = run_validation(find_registry(registry), paths or [])
    valid = result.is_valid(strict)
    if output_format == "text":
        _print_text(stdout(), result, valid)
    else:
        findings = result.findings
        if output_format == "github":
            findings = reporters.repository_paths(findings, find_registry(registry))
        typer.echo(reporters.REPORTERS[output_format](findings, result.files_checked, valid))
    raise typer.Exit(0 if valid else 1)


def _print_text(console, result, valid: bool) -> None:  # type: ignore[no-untyped-def]
    from protsoc.cli.output import printable
    from protsoc.kernel.safe_text import ci_log_line, terminal
    from protsoc.validate.reporters import hint_label, plain_hint, plain_line, summary_line, verdict

    current = None
    for finding in result.findings:
        if finding.path != current:
            if current is not None:
                console.print()
            console.print(f"[bold]{printable(ci_log_line(terminal(finding.path)))}[/]")
            current = finding.path
        colour = "red" if finding.is_error else "yellow"
        # One finding, one line, however long: editors, CI problem matchers and grep read
        # `file:line:col: ...` lines, and a wrapped message would lose its end.
        console.print(f"[{colour}]{printable(plain_line(finding))}[/]", soft_wrap=True)
        if finding.hint:
            console.print(
                f"    [dim]{hint_label()} {printable(plain_hint(finding))}[/]", soft_wrap=True
            )
    errors, warnings = len(result.errors), len(result.warnings)
    if result.findings:
        console.print()
    colour = "green" if valid else "red"
    console.print(
        summary_line(f"[{colour}]{verdict(valid)}[/]", result.files_checked, errors, warnings)
    )
