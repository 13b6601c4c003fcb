"""protsoc roadmap"""

from __future__ import annotations


import typer

from protsoc.cli.options import (
    LangOption,
    LatenessAsOfOption,
    RegistryOption,
    TextOrJsonOption,
    check_format,
    parse_date,
)


def roadmap(
    as_of: LatenessAsOfOption = None,
    output_format: TextOrJsonOption = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    import dataclasses

    from protsoc.cli.output import stdout
    from protsoc.governance import roadmap as roadmap_module
    from protsoc.kernel.errors import UsageError
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    check_format(output_format, ("text", "json"))
    loaded = Registry.load(find_registry(registry))
    if not loaded.of_kind("roadmap"):
        raise UsageError(
            f"the registry at {loaded.root} has no roadmap/roadmap.yaml",
            "create it with a title, `owner:` (the Steering Committee's id) and `sources:`",
        )
    result = roadmap_module.view(loaded, parse_date(as_of, "--as-of"))  # type: ignore[arg-type]
    if output_format == "json":
        payload = dataclasses.asdict(result)
        payload["late"] = {
            "milestones": [m.id for m in result.late_milestones],
            "actions": [a.id for a in result.late_actions],
        }
        typer.echo(json_document(payload))
        return
    _print_text(stdout(), result)


def _print_text(console, result) -> None:  # type: ignore[no-untyped-def]
    from rich import box
    from rich.table import Table

    from protsoc.cli.output import printable
    from protsoc.kernel import numbers
    from protsoc.kernel.i18n import _, ngettext

    console.print(f"[bold]{printable(result.title)}[/]")
    console.print(
        f"owner: {result.owner or '—'}; adopted by: {result.adopted_by or 'no decision recorded'}; "
        f"as of {result.as_of}"
    )
    console.print()
    table = Table(title="axes", box=box.SIMPLE_HEAD)
    for heading in (
        "axis",
        "committee",
        f"{result.owner or ''} mission".strip(),
        "actions",
        "late",
        "milestones",
        "indicators",
    ):
        table.add_column(
            heading,
            no_wrap=True,
            justify="right"
            if heading in ("actions", "late", "milestones", "indicators")
            else "left",
        )
    for axis in result.axes:
        late = sum(1 for a in axis.actions if a.late)
        mission = (
            axis.mission.split("#", 1)[1]
            if axis.mission and axis.mission.startswith(f"{result.owner}#")
            else axis.mission
        )
        table.add_row(
            axis.id,
            axis.committee or "—",
            mission or "—",
            str(len(axis.actions)),
            f"[red]{late}[/]" if late else "0",
            str(len(axis.milestones)),
            str(len(axis.indicators)),
        )
    console.print(table)
    for axis in result.axes:
        console.print(f"[bold]{printable(axis.id)}[/]: {printable(axis.title)}")
    if result.milestones:
        console.print()
        milestones = Table(title="milestones (overall trajectory)", box=box.SIMPLE_HEAD)
        for heading in ("milestone", "axis", "planned", "actual", "state", "actions"):
            milestones.add_column(heading)
        for m in result.milestones:
            state = {
                "late": f"[red]late {m.days_late} d[/]",
                "reached-late": f"[yellow]reached {m.days_late} d late[/]",
            }.get(m.state, m.state)
            milestones.add_row(
                m.id,
                m.axis or "—",
                m.planned or "—",
                m.actual or "—",
                state,
                ", ".join(m.actions) or "—",
            )
        console.print(milestones)
        for m in result.milestones:
            console.print(f"[bold]{printable(m.id)}[/]: {printable(m.title)}")
    if result.resources:
        console.print()
        console.print("[bold]" + _("mobilised resources") + "[/]")
        for r in result.resources:
            amount = (
                f" — {numbers.grouped(r.amount)} {r.currency or ''}".rstrip()
                if r.amount is not None
                else ""
            )
            console.print(
                f"  {printable(r.id)} ({printable(r.axis or 'all axes')}): "
                f"{printable(r.title)}{printable(amount)}"
            )
    if result.principles:
        console.print()
        console.print("[bold]" + _("guiding principles") + "[/]")
        for text in result.principles:
            console.print(f"  - {printable(text)}")
    console.print()
    if result.missing:
        console.print(
            "[yellow]"
            + _("not recorded:")
            + "[/] "
            + _("{items} (no source gives them yet)").format(items=", ".join(result.missing))
        )
    late_m, late_a = result.late_milestones, result.late_actions
    if late_m or late_a:
        late_milestones = ngettext("{count} milestone", "{count} milestones", len(late_m)).format(
            count=len(late_m)
        )
        late_actions = ngettext("{count} action", "{count} actions", len(late_a)).format(
            count=len(late_a)
        )
        late_label = _("late:")
        console.print(
            f"[red]{late_label}[/] {late_milestones} ({', '.join(m.id for m in late_m) or '—'}), "
            f"{late_actions} ({', '.join(a.id for a in late_a) or '—'})"
        )
    else:
        console.print(_("nothing late"))
    if result.note_en:
        console.print(f"[dim]note: {printable(result.note_en)}[/]")
