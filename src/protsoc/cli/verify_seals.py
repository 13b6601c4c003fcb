"""protsoc verify-seals"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.options import LangOption, FindingsFormatOption, RegistryOption, check_format


def verify_seals(
    output_format: FindingsFormatOption = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
    changed_since: Annotated[
        Optional[str],
        typer.Option(
            "--changed-since",
            metavar="REV",
            help=(
                "Report only what changed after the merge base of REV and HEAD (a branch name "
                "covers the whole pull request)."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Exit 0 when every sealed record is as approved, 1 otherwise, 2 usage or environment error."""
    from protsoc.cli.output import printable, stdout
    from protsoc.registry.layout import find_registry
    from protsoc.validate import reporters
    from protsoc.validate.seal_history import verify_seals as check

    check_format(output_format, reporters.FORMATS)
    result = check(find_registry(registry), changed_since)
    valid = not result.findings
    if output_format != "text":
        findings = result.findings
        if output_format == "github":
            findings = reporters.repository_paths(findings, find_registry(registry))
        typer.echo(reporters.REPORTERS[output_format](findings, result.sealed, valid))
        raise typer.Exit(0 if valid else 1)
    console = stdout()
    for finding in result.findings:
        console.print(f"[red]{printable(reporters.plain_line(finding))}[/]", soft_wrap=True)
        if finding.hint:
            console.print(f"    [dim]hint: {printable(finding.hint)}[/]", soft_wrap=True)
    verdict = "[green]intact[/]" if valid else "[red]broken[/]"
    console.print(
        f"{verdict}: {result.sealed} sealed minutes checked against history, "
        f"{len(result.findings)} changed since approval"
    )
    raise typer.Exit(0 if valid else 1)
