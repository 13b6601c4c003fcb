"""protsoc status"""

from __future__ import annotations

from typing import Optional

import typer
from typing_extensions import Annotated

from .options import RegistryOption, parse_date


def status(
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date of the overview (default: today in Morocco).", show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    registry: RegistryOption = None,
) -> None:
    """An overview of the registry: committees, chairs, members, cadence rules, last meetings, open items."""
    import dataclasses
    import json

    from ..errors import UsageError
    from ..registry import Registry, find_registry
    from ..status import overview
    from .output import stdout

    if output_format not in ("text", "json"):
        raise UsageError(f"unknown --format {output_format!r}", "use text or json")
    result = overview(Registry.load(find_registry(registry)), parse_date(as_of, "--as-of"))  # type: ignore[arg-type]
    if output_format == "json":
        typer.echo(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2))
        return
    _print_table(stdout(), result)


def _print_table(console, result) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(title=result.title, title_justify="right", show_lines=False)
    for heading in ("committee", "name", "chair", "members", "cadence rule", "last held", "open decisions", "open actions"):
        table.add_column(heading, justify="right" if heading in ("members", "open decisions", "open actions") else "left")
    for row in result.committees:
        table.add_row(
            row.id, row.short_name, row.chair or "—", str(row.members), row.cadence_en,
            row.last_meeting or "none recorded", str(row.open_decisions), str(row.open_actions),
        )
    console.print(table)
    console.print(f"{result.records} records; meetings tracked since {result.tracking_start or 'unknown'}")
