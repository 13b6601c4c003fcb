"""protsoc evaluations"""

from __future__ import annotations


import typer

from protsoc.cli.options import LangOption, RegistryOption, TextOrJsonOption, check_format


def evaluations(
    output_format: TextOrJsonOption = "text",
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """The circular wants evaluations independent of the bodies that manage the programmes; one
    that is not is marked here and is an error of `protsoc validate` (evaluation-independence).
    """
    import dataclasses

    from protsoc.cli.output import stdout
    from protsoc.governance import evaluation
    from protsoc.kernel.json_output import document as json_document
    from protsoc.registry.layout import find_registry
    from protsoc.registry.loaded import Registry

    check_format(output_format, ("text", "json"))
    rows = evaluation.evaluations(Registry.load(find_registry(registry)))
    if output_format == "json":
        typer.echo(json_document({"evaluations": [dataclasses.asdict(r) for r in rows]}))
        return
    _print_text(stdout(), rows)


def _print_text(console, rows) -> None:  # type: ignore[no-untyped-def]
    from rich import box
    from rich.table import Table

    from protsoc.cli.output import printable
    from protsoc.kernel.i18n import _

    if not rows:
        console.print(
            _(
                "no evaluations recorded (the Steering Committee launches them; record one with "
                "`protsoc add evaluation` when a source reports it)"
            )
        )
        return
    table = Table(title="evaluations", box=box.SIMPLE_HEAD)
    for heading in (
        "evaluation",
        "kind",
        "status",
        "commissioned by",
        "evaluator",
        "independent",
        "report",
        "recommendations",
    ):
        table.add_column(heading, no_wrap=heading in ("evaluation", "commissioned by"))
    for row in rows:
        independent = "yes" if row.independent else f"[red]no ({', '.join(row.conflicts)})[/]"
        adopted = sum(1 for r in row.recommendations if r.decision_exists)
        recommendations = (
            f"{len(row.recommendations)} ({adopted} decided)" if row.recommendations else "—"
        )
        table.add_row(
            row.id,
            row.kind,
            row.status,
            row.commissioned_by or "—",
            f"{row.evaluator_id or '—'} ({row.evaluator_kind or '?'})",
            independent,
            row.report_reference or ("submitted" if row.report_title else "—"),
            recommendations,
        )
    console.print(table)
    console.print()
    for row in rows:
        console.print(f"[bold]{printable(row.id)}[/]: {printable(row.title)}")
        console.print(f"  evaluator: {printable(row.evaluator)}")
        if row.scope:
            bodies = (
                f" — managed by {', '.join(row.managing_bodies)}" if row.managing_bodies else ""
            )
            console.print(f"  scope: {printable(row.scope)}{printable(bodies)}")
        if row.commissioning_decision:
            console.print(
                f"  commissioned by {printable(row.commissioned_by)}: "
                f"{printable(row.commissioning_decision)}"
            )
        if row.report_title:
            when = f", {row.report_date}" if row.report_date else ""
            console.print(f"  report: {printable(row.report_title)}{printable(when)}")
        for rec in row.recommendations:
            became = f" -> {rec.decision}" if rec.decision else ""
            console.print(f"  {printable(rec.id)}: {printable(rec.text)}{printable(became)}")
