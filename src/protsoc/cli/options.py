"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Collection, Optional

import typer

if TYPE_CHECKING:  # for annotations only: the module stays cheap to import
    import datetime as dt


def _or_the_groups(ctx: typer.Context, value: Optional[Path]) -> Optional[Path]:
    """`protsoc --registry DIR COMMAND` works like `protsoc COMMAND --registry DIR`, which wins
    when both are given: an absent command option takes the value the root group parsed (Click
    keeps it in the root context), so nothing reaches the library through the environment."""
    if value is None:
        value = ctx.find_root().params.get("registry")
    return value


RegistryOption = Annotated[
    Optional[Path],
    typer.Option(
        "--registry",
        callback=_or_the_groups,
        help="The registry folder (holding protsoc.yaml). Default: $PROTSOC_REGISTRY, else the "
        "registry/ folder of the current directory or its nearest parent.",
        show_default=False,
    ),
]


def parse_date(value: str | None, option: str) -> "dt.date | None":
    """An ISO date given on the command line, or a usage error naming the option."""
    import datetime as dt

    from protsoc.kernel.errors import UsageError

    if value is None:
        return None
    from protsoc.kernel.dates import FIRST_YEAR, LAST_YEAR

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option} {value!r} is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-22"
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(
            f"{option} {value!r} is outside the years protsoc computes with",
            f"give a date from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31",
        )
    return day


def check_format(value: str, choices: Collection[str]) -> str:
    """The ``--format`` value, or a usage error listing the formats the command offers."""
    from protsoc.kernel.errors import UsageError

    if value not in choices:
        raise UsageError(f"unknown --format {value!r}", f"use one of: {', '.join(choices)}")
    return value
