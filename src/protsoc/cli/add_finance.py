"""protsoc add programme | budget | transaction: thin commands over ``clerk.finance``.

``register(app)`` adds them to the `protsoc add` group (called once by cli/add.py).

On ``add budget`` and ``add transaction`` ``--source`` is the source of funds, as the finance
contract spells it (``--source general-budget``): there, "source" can only mean where the money
comes from. ``--funding-source`` stays accepted as its alias. The document the entry is taken
from, ``--source`` on every other ``add``, is ``--cite`` on these two.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from protsoc.cli.clerk import start
from protsoc.cli.clerk import run as run_operation
from protsoc.cli.options import (
    BranchOption,
    CommitOption,
    LangOption,
    RegistryOption,
    SourceOption,
    StartOption,
)
from protsoc.cli.output import guarded

Opt = Optional[str]  # noqa: UP045 - Typer reads it at runtime

HolderArgument = Annotated[
    Opt,
    typer.Argument(
        metavar="PROGRAMME|ACTION", help="The programme's or action's id.", show_default=False
    ),
]
AmountOption = Annotated[
    Opt,
    typer.Option(
        "--amount", help="Exact amount, at most two decimals: 1250000.50.", show_default=False
    ),
]
FundingOption = Annotated[
    Opt,
    typer.Option(
        "--source",
        "--funding-source",
        help="Source of funds, as declared in protsoc.yaml's funding_sources.",
        show_default=False,
    ),
]
CiteOption = Annotated[
    Opt,
    typer.Option(
        "--cite",
        help=(
            "The document this entry comes from (default: 'protsoc <command> by <git user.name> "
            "on <date>')."
        ),
        show_default=False,
    ),
]
CurrencyOption = Annotated[
    Opt, typer.Option("--currency", help="ISO 4217 code; default MAD.", show_default=False)
]
RateOption = Annotated[
    Opt, typer.Option("--rate", help="MAD per unit of --currency.", show_default=False)
]
RateDateOption = Annotated[
    Opt, typer.Option("--rate-date", help="The date of --rate.", show_default=False)
]


def _operations():  # type: ignore[no-untyped-def]
    from protsoc.clerk import finance

    return finance


@guarded
def programme(
    programme_id: Annotated[Opt, typer.Argument(metavar="ID", show_default=False)] = None,
    name: Annotated[Opt, typer.Option("--name", help="Arabic name.", show_default=False)] = None,
    name_fr: Annotated[Opt, typer.Option("--name-fr", show_default=False)] = None,
    managed_by: Annotated[
        list[str] | None,
        typer.Option(
            "--managed-by",
            help="A managing body, as ID=Arabic name. Repeatable.",
            show_default=False,
        ),
    ] = None,
    start_date: StartOption = None,
    axis: Annotated[Opt, typer.Option("--axis", show_default=False)] = None,
    committee: Annotated[Opt, typer.Option("--committee", show_default=False)] = None,
    owner: Annotated[
        Opt,
        typer.Option(
            "--owner", help="committee/member accountable for reporting.", show_default=False
        ),
    ] = None,
    source: SourceOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add a programme the committees follow up (registry/programmes/<id>.yaml)."""
    start(lang)
    operations = _operations()
    run_operation(
        registry,
        lambda desk: operations.add_programme(
            desk, programme_id, name, name_fr, managed_by, start_date, axis, committee, owner
        ),
        commit=commit,
        branch=branch,
        source=source,
    )


@guarded
def budget(
    holder: HolderArgument = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Fiscal year.", show_default=False)
    ] = None,
    amount: AmountOption = None,
    kind: Annotated[str, typer.Option("--kind", help="original or revised.")] = "original",
    status: Annotated[
        str, typer.Option("--status", help="indicative or committed (voted).")
    ] = "indicative",
    funding_source: FundingOption = None,
    day: Annotated[
        Opt, typer.Option("--date", help="When adopted (default: today).", show_default=False)
    ] = None,
    currency: CurrencyOption = None,
    rate: RateOption = None,
    rate_date: RateDateOption = None,
    cite: CiteOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Add a budget of one fiscal year to a programme or action (a revision is a new budget)."""
    start(lang)
    operations = _operations()
    run_operation(
        registry,
        lambda desk: operations.add_budget(
            desk, holder, year, amount, funding_source, kind, status, day, currency, rate, rate_date
        ),
        commit=commit,
        branch=branch,
        source=cite,
    )


@guarded
def transaction(
    holder: HolderArgument = None,
    event_type: Annotated[
        Opt,
        typer.Option(
            "--type", help="commitment, decommitment, payment or expenditure.", show_default=False
        ),
    ] = None,
    amount: AmountOption = None,
    day: Annotated[Opt, typer.Option("--date", show_default=False)] = None,
    funding_source: FundingOption = None,
    reported_by: Annotated[
        Opt,
        typer.Option(
            "--reported-by",
            help="committee/member (default: the record's owner).",
            show_default=False,
        ),
    ] = None,
    reference: Annotated[
        Opt, typer.Option("--reference", help="Visa or payment order number.", show_default=False)
    ] = None,
    corrects: Annotated[
        Opt,
        typer.Option("--corrects", help="Id of the event this one corrects.", show_default=False),
    ] = None,
    currency: CurrencyOption = None,
    rate: RateOption = None,
    rate_date: RateDateOption = None,
    cite: CiteOption = None,
    commit: CommitOption = False,
    branch: BranchOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
) -> None:
    """Append a ledger event to a programme or action; corrections are new events, never edits."""
    start(lang)
    operations = _operations()
    run_operation(
        registry,
        lambda desk: operations.add_transaction(
            desk,
            holder,
            event_type,
            amount,
            day,
            funding_source,
            reported_by,
            reference,
            corrects,
            currency,
            rate,
            rate_date,
        ),
        commit=commit,
        branch=branch,
        source=cite,
    )


def register(app: typer.Typer) -> None:
    app.command("programme")(programme)
    app.command("budget")(budget)
    app.command("transaction")(transaction)
