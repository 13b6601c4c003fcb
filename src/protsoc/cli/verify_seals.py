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
    from protsoc.kernel.i18n import _, ngettext

    console = stdout()
    for finding in result.findings:
        console.print(f"[red]{printable(reporters.plain_line(finding))}[/]", soft_wrap=True)
        if finding.hint:
            console.print(
                f"    [dim]{reporters.hint_label()} {printable(finding.hint)}[/]", soft_wrap=True
            )
    verdict = "[green]" + _("intact") + "[/]" if valid else "[red]" + _("broken") + "[/]"
    console.print(
        _("{verdict}: {sealed}, {changed} since approval").format(
            verdict=verdict,
            sealed=ngettext(
                "{count} sealed minutes checked against history",
                "{count} sealed minutes checked against history",
                result.sealed,
            ).format(count=result.sealed),
            changed=ngettext("{count} changed", "{count} changed", len(result.findings)).format(
                count=len(result.findings)
            ),
        )
    )
    raise typer.Exit(0 if valid else 1)
