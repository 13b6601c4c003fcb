"""protsoc diff"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.options import LangOption, RegistryOption, check_format


def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help=(
                "The revision to compare with (default: the merge-base of HEAD with the default "
                "branch)."
            ),
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            help=(
                "The revision to describe (default: the working tree, uncommitted and new files "
                "included)."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", help="text, md (a pull-request comment, with validate's findings) or json."
        ),
    ] = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Exit 0 whatever the change (use `protsoc validate` to fail a build), 2 on a usage or git
    error."""
    from protsoc.registry.layout import find_registry
    from protsoc.review.diff import diff as describe_change
    from protsoc.review.reporters import REPORTERS, WITH_FINDINGS

    check_format(output_format, tuple(REPORTERS))
    root = find_registry(registry)
    result = describe_change(root, base, head)
    validation, note = None, None
    if output_format in WITH_FINDINGS:
        if head is None:
            from protsoc.validate.changed_since import validate_changed_since

            validation = validate_changed_since(root, result.base_commit)
        else:
            note = (
                "validate's findings are shown when HEAD is the working tree "
                "(check out the branch and omit HEAD)"
            )
    typer.echo(REPORTERS[output_format](result, validation, note), nl=False)
