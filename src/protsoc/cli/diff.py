"""protsoc diff"""

from __future__ import annotations

from typing import Annotated

import typer

from protsoc.cli.options import RegistryOption, check_format


def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="The revision to compare with (default: the merge-base of HEAD with the default branch).",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            help="The revision to describe (default: the working tree, uncommitted and new files included).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", help="text, md (a pull-request comment, with validate's findings) or json."
        ),
    ] = "text",
    registry: RegistryOption = None,
) -> None:
    """Say what a change to the registry does, record by record, in words.

    Exit 0 whatever the change (use `protsoc validate` to fail a build), 2 on a usage or git error.
    """
    from protsoc.registry.layout import find_registry
    from protsoc.review import diff as review

    check_format(output_format, review.RENDERERS)
    root = find_registry(registry)
    result = review.diff(root, base, head)
    if output_format == "text":
        typer.echo(review.as_text(result))
        return
    validation, note = None, None
    if head is None:
        from protsoc.validate.changed_since import validate_changed_since

        validation = validate_changed_since(root, result.base_commit)
    else:
        note = "validate's findings are shown when HEAD is the working tree (check out the branch and omit HEAD)"
    if output_format == "md":
        typer.echo(review.as_markdown(result, validation, note), nl=False)
    else:
        typer.echo(review.as_json(result, validation.findings if validation else None))
