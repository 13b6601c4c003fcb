"""Programmes and their financial follow-up: the rates a reader relies on, worked out by hand.

Two programmes with budgets over two fiscal years, commitments, payments, a correction (a
decommitment) and a donor's money in euros; `protsoc finance` and `protsoc programmes` run as
real processes on that registry; bad ledger entries get their finding and exit 1.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest
from conftest import MANIFEST

SEED = [{"document": "seeds/004_736f315ecc4f7e21.txt"}]


def _manifest() -> dict[str, Any]:
    manifest = copy.deepcopy(MANIFEST)
    manifest["funding_sources"] = [
        {"id": "general-budget", "kind": "general-budget", "name": {"ar": "الميزانية العامة"}},
        {"id": "donor-x", "kind": "donor", "name": {"ar": "ممول"}},
    ]
    return manifest


def _event(ident: str, kind: str, date: str, amount: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "type": kind,
        "date": date,
        "amount": amount,
        "funding_source": extra.pop("funding_source", "general-budget"),
        "reported_by": "steering/health",
        **extra,
    }


def _budget(ident: str, year: int, kind: str, amount: str, date: str, **extra: Any) -> dict:
    return {
        "id": ident,
        "year": year,
        "type": kind,
        "status": extra.pop("status", "committed"),
        "amount": amount,
        "funding_source": extra.pop("funding_source", "general-budget"),
        "date": date,
        **extra,
    }


ALPHA = {
    "id": "alpha",
    "name": {"ar": "برنامج ألف"},
    "owner": "steering/health",
    "budgets": [
        _budget("b1", 2024, "original", "1000000.00", "2024-01-01"),
        _budget("b2", 2024, "revised", "1200000.00", "2024-06-30"),
        _budget("b3", 2025, "original", "800000.00", "2025-01-01"),
    ],
    "transactions": [
        _event("t1", "commitment", "2024-02-01", "900000.00", reference="visa 2024/17"),
        _event("t2", "payment", "2024-03-01", "300000.00"),
        _event("t3", "decommitment", "2024-07-01", "100000.00", corrects="t1"),
        _event("t4", "payment", "2024-09-01", "400000.00"),
        _event("t5", "commitment", "2025-02-01", "600000.00"),
        _event("t6", "payment", "2025-03-15", "150000.10"),
    ],
    "sources": SEED,
}

EUR = {"mad_per_unit": "10.80", "date": "2025-01-01"}
BETA = {
    "id": "beta",
    "name": {"ar": "برنامج باء"},
    "owner": "steering/interior",
    "budgets": [
        _budget(
            "b1",
            2025,
            "original",
            "100000.00",
            "2025-01-01",
            status="indicative",
            funding_source="donor-x",
            currency="EUR",
            exchange_rate=EUR,
        )
    ],
    "transactions": [
        _event(
            "t1",
            "commitment",
            "2025-03-01",
            "50000.00",
            funding_source="donor-x",
            currency="EUR",
            exchange_rate={"mad_per_unit": "10.85", "date": "2025-03-01"},
        ),
        _event(
            "t2",
            "payment",
            "2025-04-01",
            "20000.00",
            funding_source="donor-x",
            currency="EUR",
            exchange_rate={"mad_per_unit": "10.90", "date": "2025-04-01"},
        ),
    ],
    "sources": SEED,
}


@pytest.fixture
def finance_tree(make_registry):  # type: ignore[no-untyped-def]
    return make_registry(
        {
            "protsoc.yaml": _manifest(),
            "programmes/alpha.yaml": ALPHA,
            "programmes/beta.yaml": BETA,
        }
    )


def _rows(report: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(row["group"], row["id"]): row for row in report["rows"]}


def test_rates_match_the_figures_worked_out_by_hand(finance_tree, run_process) -> None:
    assert run_process(["protsoc", "validate"], cwd=finance_tree.repo).exit_code == 0
    outcome = run_process(
        ["protsoc", "finance", "--as-of", "2025-06-30", "--format", "json"], cwd=finance_tree.repo
    )
    assert outcome.exit_code == 0, outcome.stderr
    report = json.loads(outcome.stdout)
    assert report["currency"] == "MAD"
    alpha = _rows(report)[("programme", "alpha")]
    # both years: budgets 1,200,000 (2024, revised) + 800,000 (2025); commitments
    # 900,000 - 100,000 + 600,000; payments 300,000 + 400,000 + 150,000.10
    assert alpha["original_budget"] == "1800000.00"
    assert alpha["revised_budget"] == "2000000.00"
    assert alpha["committed"] == "1400000.00"
    assert alpha["paid"] == "850000.10"
    assert alpha["commitment_rate"] == "0.7000"  # 1,400,000 / 2,000,000
    assert alpha["payment_rate"] == "0.6071"  # 850,000.10 / 1,400,000
    assert alpha["execution_rate"] == "0.4250"  # 850,000.10 / 2,000,000
    years = {period["year"]: period for period in alpha["by_period"]}
    assert years[2024]["revised_budget"] == "1200000.00"
    assert years[2024]["committed"] == "800000.00"  # the decommitment corrects t1
    assert years[2024]["commitment_rate"] == "0.6667"  # 800,000 / 1,200,000
    assert years[2024]["payment_rate"] == "0.8750"  # 700,000 / 800,000
    assert years[2025]["commitment_rate"] == "0.7500"  # 600,000 / 800,000
    assert years[2025]["execution_rate"] == "0.1875"  # 150,000.10 / 800,000

    beta = _rows(report)[("programme", "beta")]
    # euros at each entry's own rate: 100,000 x 10.80; 50,000 x 10.85; 20,000 x 10.90
    assert beta["revised_budget"] == "1080000.00"
    assert beta["committed"] == "542500.00"
    assert beta["paid"] == "218000.00"
    assert beta["commitment_rate"] == "0.5023"  # 542,500 / 1,080,000
    assert beta["payment_rate"] == "0.4018"  # 218,000 / 542,500
    assert beta["by_funding_source"]["donor-x"]["paid"] == "218000.00"

    owners = _rows(report)
    assert owners[("owner", "steering/health")]["paid"] == "850000.10"


def test_a_past_date_sees_the_budget_and_ledger_of_that_day(finance_tree, run) -> None:
    outcome = run(
        ["protsoc", "finance", "--as-of", "2024-05-01", "--programme", "alpha", "--format", "json"],
        cwd=finance_tree.repo,
    )
    alpha = _rows(json.loads(outcome.stdout))[("programme", "alpha")]
    # before the revision (2024-06-30) and the decommitment (2024-07-01)
    assert alpha["revised_budget"] == "1000000.00"
    assert alpha["committed"] == "900000.00"
    assert alpha["paid"] == "300000.00"
    assert alpha["commitment_rate"] == "0.9000"
    assert alpha["payment_rate"] == "0.3333"
    assert ("programme", "beta") not in _rows(json.loads(outcome.stdout))


def test_no_report_for_the_closed_quarter_fails_ci_when_asked(finance_tree, run_process) -> None:
    args = ["protsoc", "finance", "--as-of", "2025-06-30"]
    plain = run_process([*args, "--format", "json"], cwd=finance_tree.repo)
    report = json.loads(plain.stdout)
    assert report["report_period"] == "2025-Q2"
    # beta paid on 2025-04-01; alpha recorded nothing between April and June
    assert report["not_reported"] == [
        {"kind": "programme", "id": "alpha", "owner": "steering/health"}
    ]
    assert plain.exit_code == 0
    failing = run_process([*args, "--fail-on", "no-report"], cwd=finance_tree.repo)
    assert failing.exit_code == 1
    assert "not reported for 2025-Q2" in failing.stdout
    assert "programme alpha (owner steering/health)" in failing.stdout


def test_quarters_and_csv(finance_tree, run) -> None:
    quarters = run(
        ["protsoc", "finance", "--as-of", "2025-06-30", "--by", "quarter", "--format", "json"],
        cwd=finance_tree.repo,
    )
    periods = {
        p["quarter"]: p
        for p in _rows(json.loads(quarters.stdout))[("programme", "alpha")]["by_period"]
    }
    assert periods["2024-Q3"]["committed"] == "-100000.00"
    assert periods["2025-Q1"]["paid"] == "150000.10"
    table = run(
        ["protsoc", "finance", "--as-of", "2025-06-30", "--format", "csv"], cwd=finance_tree.repo
    )
    lines = table.stdout.splitlines()
    assert lines[0].startswith("group,id,original_budget,revised_budget,committed,paid")
    assert "programme,alpha,1800000.00,2000000.00,1400000.00,850000.10,0.00,0.7000" in lines[1]


def test_text_tables_use_the_documents_number_convention(finance_tree, run_process) -> None:
    outcome = run_process(["protsoc", "finance", "--as-of", "2025-06-30"], cwd=finance_tree.repo)
    assert "2\u202f000\u202f000.00" in outcome.stdout
    assert "70.0 %" in outcome.stdout
    programmes = run_process(
        ["protsoc", "programmes", "--as-of", "2025-06-30"], cwd=finance_tree.repo
    )
    assert programmes.exit_code == 0
    assert "committed 70.0 %, paid 60.7 %" in programmes.stdout


def test_amounts_are_exact_decimals() -> None:
    from protsoc.governance import finance

    ledger = finance.Ledger("programme", "p", "p", None, None, None, None)
    ledger.events = finance.read_events(
        [
            {"id": "a", "type": "payment", "date": "2025-01-01", "amount": "0.1"},
            {"id": "b", "type": "payment", "date": "2025-01-02", "amount": "0.2"},
        ]
    )
    import datetime as dt

    paid = finance.figures(ledger, dt.date(2025, 12, 31)).paid
    assert paid == Decimal("0.30") and str(paid) == "0.30"
    assert finance.format_mad(Decimal("1234567.5")) == "1\u202f234\u202f567.50"
    for bad in ("1000.125", 0.1, "1,000.00", "-5.00", "1e3"):
        with pytest.raises(finance.AmountError):
            finance.parse_amount(bad)


@pytest.mark.parametrize(
    ("event", "rule"),
    [
        (_event("t9", "payment", "2199-01-01", "10.00"), "finance-event-future"),
        (_event("t9", "payment", "2025-01-01", "10.125"), "finance-amount-centimes"),
        (
            _event("t9", "payment", "2025-01-01", "10.00", funding_source="x"),
            "finance-unknown-funding-source",
        ),
        (_event("t9", "payment", "2025-01-01", "10.00", currency="USD"), "finance-currency-rate"),
        (
            _event(
                "t9",
                "payment",
                "2025-01-01",
                "10.00",
                currency="USD",
                exchange_rate={"mad_per_unit": "9.9"},
            ),
            "finance-currency-rate",
        ),
    ],
)
def test_bad_ledger_entries_get_their_finding_and_exit_1(
    finance_tree, run, event: dict, rule: str
) -> None:
    finance_tree.patch("programmes/alpha.yaml", lambda data: data["transactions"].append(event))
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=finance_tree.repo)
    assert outcome.exit_code == 1
    found = [e for e in json.loads(outcome.stdout)["errors"] if e["rule"] == rule]
    assert found and found[0]["file"] == "registry/programmes/alpha.yaml"


def test_an_unquoted_amount_is_refused_as_a_yaml_number(finance_tree, run) -> None:
    text = finance_tree.path("programmes/alpha.yaml").read_text(encoding="utf-8")
    finance_tree.write(
        "programmes/alpha.yaml", text.replace("amount: '150000.10'", "amount: 150000.10")
    )
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=finance_tree.repo)
    assert outcome.exit_code == 1
    assert "yaml-implicit-type" in {e["rule"] for e in json.loads(outcome.stdout)["errors"]}


def test_overspending_is_a_warning_with_the_figures(finance_tree, run) -> None:
    finance_tree.patch(
        "programmes/alpha.yaml",
        lambda data: data["transactions"].append(
            _event("t9", "commitment", "2025-05-01", "300000.00")
        ),
    )
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=finance_tree.repo)
    assert outcome.exit_code == 0
    (warning,) = [
        e
        for e in json.loads(outcome.stdout)["errors"]
        if e["rule"] == "finance-commitments-over-budget"
    ]
    assert (
        "900\u202f000.00 MAD exceed the revised budget of 800\u202f000.00 MAD" in warning["message"]
    )


def test_the_independence_rule_reads_the_programmes_managing_bodies(make_registry, run) -> None:
    tree = make_registry(
        {
            "programmes/direct-support.yaml": {
                "id": "direct-support",
                "name": {"ar": "الدعم الاجتماعي المباشر"},
                "managing_bodies": [
                    {"id": "support-agency", "name": {"ar": "الوكالة"}, "source": SEED[0]}
                ],
                "sources": SEED,
            },
            "roadmap/evaluations/support-review.yaml": {
                "id": "support-review",
                "title": {"ar": "تقييم"},
                "kind": "evaluation",
                "programme": "direct-support",
                "evaluator": {"id": "support-agency", "name": {"ar": "الوكالة"}, "kind": "other"},
                "scope": {"title": {"ar": "الدعم"}},
                "status": "planned",
                "sources": SEED,
            },
        }
    )
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    rules = {e["rule"] for e in json.loads(outcome.stdout)["errors"]}
    assert "evaluation-independence" in rules and outcome.exit_code == 1


def test_the_shipped_registry_shows_no_figure_rather_than_zeros(tmp_path, run) -> None:
    import shutil
    from pathlib import Path

    shipped = Path(__file__).resolve().parent.parent / "registry"
    copy_of = tmp_path / "registry"
    shutil.copytree(shipped, copy_of)
    outcome = run(["protsoc", "finance", "--registry", str(copy_of), "--format", "json"])
    report = json.loads(outcome.stdout)
    assert report["recorded"] is False and report["rows"] == []
    text = run(["protsoc", "programmes", "--registry", str(copy_of)])
    assert "no budget and no ledger event is recorded" in text.stdout
    assert "0.00" not in text.stdout
    listed = run(["protsoc", "programmes", "--registry", str(copy_of), "--format", "json"])
    ids = {p["id"] for p in json.loads(listed.stdout)["programmes"]}
    assert ids == {
        "ramed",
        "amo-tadamon",
        "amo-tns",
        "direct-social-support",
        "unified-social-register",
        "national-population-register",
    }


def test_the_clerk_appends_budgets_and_events_and_never_edits_them(make_registry, run) -> None:
    tree = make_registry({"protsoc.yaml": _manifest()})
    repo = tree.repo
    added = run(
        [
            "protsoc",
            "add",
            "programme",
            "gamma",
            "--name",
            "برنامج جيم",
            "--owner",
            "steering/health",
            "--managed-by",
            "agency=الوكالة",
            "--start",
            "2023-12",
        ],
        cwd=repo,
    )
    assert added.exit_code == 0, added.output
    for args in (
        [
            "budget",
            "gamma",
            "--year",
            "2025",
            "--amount",
            "1000",
            "--status",
            "committed",
            "--source",
            "general-budget",
            "--cite",
            "synthetic budget note 2025",
            "--date",
            "2025-01-02",
        ],
        [
            "transaction",
            "gamma",
            "--type",
            "commitment",
            "--amount",
            "0.1",
            "--date",
            "2025-02-01",
            "--source",
            "general-budget",
            "--reference",
            "visa 1/2025",
        ],
        [
            "transaction",
            "gamma",
            "--type",
            "commitment",
            "--amount",
            "0.2",
            "--date",
            "2025-02-02",
            "--source",
            "general-budget",
        ],
    ):
        outcome = run(["protsoc", "add", *args], cwd=repo)
        assert outcome.exit_code == 0, outcome.output
    before = tree.path("programmes/gamma.yaml").read_text(encoding="utf-8")
    corrected = run(
        [
            "protsoc",
            "add",
            "transaction",
            "gamma",
            "--type",
            "decommitment",
            "--amount",
            "0.1",
            "--date",
            "2025-03-01",
            "--funding-source",
            "general-budget",
            "--corrects",
            "t1",
        ],
        cwd=repo,
    )
    assert corrected.exit_code == 0, corrected.output
    after = tree.path("programmes/gamma.yaml").read_text(encoding="utf-8")
    # append-only: the correction is a new entry after the others, which stay as they were
    head = before.split("sources:\n- document")[0]
    assert after.startswith(head)
    data = tree.read("programmes/gamma.yaml")
    assert data["start"] == "2023-12"  # as precise as the source, no day made up
    # --source is the source of funds, --cite the document; --funding-source (t3) is an alias
    assert data["budgets"][0]["funding_source"] == "general-budget"
    assert data["budgets"][0]["source"] == {"document": "synthetic budget note 2025"}
    assert "source" not in data["transactions"][0]
    assert [e["id"] for e in data["transactions"]] == ["t1", "t2", "t3"]
    assert data["transactions"][2] == {
        "id": "t3",
        "type": "decommitment",
        "date": "2025-03-01",
        "amount": "0.10",
        "funding_source": "general-budget",
        "reported_by": "steering/health",
        "corrects": "t1",
    }
    report = json.loads(
        run(["protsoc", "finance", "--as-of", "2025-12-31", "--format", "json"], cwd=repo).stdout
    )
    gamma = _rows(report)[("programme", "gamma")]
    assert gamma["committed"] == "0.20"  # 0.10 + 0.20 - 0.10, exactly

    refused = run(
        [
            "protsoc",
            "add",
            "transaction",
            "gamma",
            "--type",
            "payment",
            "--amount",
            "5",
            "--date",
            "2199-01-01",
            "--funding-source",
            "general-budget",
        ],
        cwd=repo,
    )
    assert refused.exit_code == 1
    assert "finance-event-future" in refused.stderr
    assert tree.path("programmes/gamma.yaml").read_text(encoding="utf-8") == after
    euros = run(
        [
            "protsoc",
            "add",
            "transaction",
            "gamma",
            "--type",
            "payment",
            "--amount",
            "5",
            "--currency",
            "EUR",
            "--date",
            "2025-04-01",
            "--funding-source",
            "general-budget",
        ],
        cwd=repo,
    )
    assert euros.exit_code == 2 and "needs --rate" in euros.stderr


def test_the_report_has_a_financial_section(finance_tree, run, tmp_path) -> None:
    import shutil
    from pathlib import Path

    markdown = run(
        ["protsoc", "report", "--as-of", "2025-06-30", "--format", "md"], cwd=finance_tree.repo
    )
    assert markdown.exit_code == 0, markdown.output
    section = markdown.stdout.split("## 6. التتبع المالي للبرامج")[1]
    # protsoc's one number convention: «2 000 000.00» (narrow spaces), «70%», «60.7%»
    assert (
        "| برنامج | برنامج ألف | 2\u202f000\u202f000.00 | 1\u202f400\u202f000.00 | 850\u202f000.10 "
        "| 70% | 60.7% | 42.5% |" in section
    )
    assert "لم تقدم تقريرا ماليا عن الفصل 2025-Q2: برنامج ألف (steering/health)" in section
    html = run(
        ["protsoc", "report", "--as-of", "2025-06-30", "--format", "html"], cwd=finance_tree.repo
    )
    # the heading, not the line of the table of contents
    finance_part = html.stdout.split("<h2>6. التتبع المالي للبرامج</h2>")[1]
    assert finance_part.count('<img class="chart" src="data:image/svg+xml;base64,') == 2

    shipped = Path(__file__).resolve().parent.parent / "registry"
    shutil.copytree(shipped, tmp_path / "shipped")
    plain = run(["protsoc", "report", "--registry", str(tmp_path / "shipped"), "--format", "md"])
    nothing = plain.stdout.split("## 6. التتبع المالي للبرامج")[1]
    assert "لا تتضمن المصادر المتوفرة أي معطى مالي" in nothing
    assert "0.00" not in nothing and "0,00" not in nothing


def test_status_and_dashboard_carry_a_finance_block(finance_tree, run) -> None:
    status = run(
        ["protsoc", "status", "--as-of", "2025-06-30", "--format", "json"], cwd=finance_tree.repo
    )
    block = json.loads(status.stdout)["finance"]
    assert block["committed"] == "1942500.00"  # 1,400,000 (alpha) + 542,500 (beta)
    assert block["commitment_rate"] == "0.6307"  # 1,942,500 / 3,080,000
    assert block["not_reported"] == 1
    text = run(["protsoc", "status", "--as-of", "2025-06-30"], cwd=finance_tree.repo)
    assert (
        "2 programmes: committed 1\u202f942\u202f500.00 of 3\u202f080\u202f000.00 MAD"
        in text.stdout
    )
    board = run(
        ["protsoc", "dashboard", "--as-of", "2025-06-30", "--format", "json"], cwd=finance_tree.repo
    )
    assert json.loads(board.stdout)["finance"]["paid"] == "1068000.10"


def test_the_review_diff_words_the_money(finance_tree, run) -> None:
    def add_events(data: dict) -> None:
        data["transactions"].append(_event("t7", "commitment", "2025-05-02", "300000.00"))
        data["transactions"].append(_event("t8", "payment", "2025-05-03", "49999.90"))

    finance_tree.patch("programmes/alpha.yaml", add_events)
    said = run(["protsoc", "diff"], cwd=finance_tree.repo).stdout
    assert (
        "- programme alpha: commitment of 300\u202f000.00 MAD on 2025-05-02 recorded (t7)" in said
    )
    assert (
        "- programme alpha: commitments rose by 300\u202f000.00 MAD to 1\u202f700\u202f000.00 MAD "
        "(commitment rate 85.0 %)" in said
    )
    assert "- programme alpha: payments rose by 49\u202f999.90 MAD to 900\u202f000.00 MAD" in said
    # The same sentences in the reader's language (the words the issue asks for: «ارتفع الالتزام»)
    arabic = run(["protsoc", "--lang", "ar", "diff"], cwd=finance_tree.repo).stdout
    assert (
        "- البرنامج alpha: ارتفع الالتزام بـ 300\u202f000.00 درهم ليبلغ "
        "1\u202f700\u202f000.00 درهم (نسبة الالتزام 85.0 %)" in arabic
    ), arabic
    assert "- البرنامج alpha: تسجيل أداء بمبلغ 49\u202f999.90 درهم بتاريخ 2025-05-03 (t8)" in arabic
    french = run(["protsoc", "diff", "--lang", "fr"], cwd=finance_tree.repo).stdout
    assert (
        "- programme alpha : les engagements augmentent de 300\u202f000.00 MAD, à "
        "1\u202f700\u202f000.00 MAD (taux d'engagement 85.0 %)" in french
    ), french
    finance_tree.commit("two events")

    def edit_history(data: dict) -> None:
        data["transactions"][0]["amount"] = "950000.00"

    finance_tree.patch("programmes/alpha.yaml", edit_history)
    edited = run(["protsoc", "diff"], cwd=finance_tree.repo).stdout
    assert (
        "! programme alpha: ledger event t1 (commitment of 2024-02-01) edited; the ledger is "
        "append-only" in edited
    )
    markdown = run(["protsoc", "diff", "--format", "md"], cwd=finance_tree.repo).stdout
    assert "#### Programmes" in markdown
    arabic = run(["protsoc", "diff", "--lang", "ar"], cwd=finance_tree.repo).stdout
    assert (
        "! البرنامج alpha: تعديل العملية t1 (التزام بتاريخ 2024-02-01)؛ السجل المالي لا يقبل إلا "
        "الإضافة" in arabic
    ), arabic


# Money on a programme and on its action (synthetic figures): the programme records 2025 itself,
# the action records 2025 and 2026. Rule (README, "counted once"): the programme's own lines are
# its figures for 2025 and the action's 2025 lines are a breakdown of them; for 2026, when the
# programme records nothing itself, the action's figures roll up to it.
DELTA = {
    "id": "delta",
    "name": {"ar": "برنامج دال"},
    "owner": "steering/health",
    "budgets": [_budget("b1", 2025, "original", "1000.00", "2025-01-01")],
    "transactions": [_event("t1", "commitment", "2025-02-01", "600.00")],
    "sources": SEED,
}
DELTA_ACTION = {
    "id": "delta-works",
    "title": {"ar": "إجراء تجريبي"},
    "decisions": [],
    "owner": "steering/interior",
    "status": "in-progress",
    "progress": 10,
    "programme": "delta",
    "budgets": [
        _budget("b1", 2025, "original", "400.00", "2025-01-01"),
        _budget("b2", 2026, "original", "200.00", "2026-01-01"),
    ],
    "transactions": [
        _event("t1", "commitment", "2025-02-10", "300.00"),
        _event("t2", "commitment", "2026-02-01", "100.00"),
        _event("t3", "payment", "2026-03-01", "50.00"),
    ],
    "sources": SEED,
}


def test_programme_and_action_money_is_counted_once(make_registry, run_process) -> None:
    tree = make_registry(
        {
            "protsoc.yaml": _manifest(),
            "programmes/delta.yaml": DELTA,
            "roadmap/actions/delta-works.yaml": DELTA_ACTION,
        }
    )
    checked = run_process(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert checked.exit_code == 0, checked.stdout  # a warning, not an error
    warned = [
        e for e in json.loads(checked.stdout)["errors"] if e["rule"] == "finance-double-count"
    ]
    assert [(w["file"], w["severity"]) for w in warned] == [
        ("registry/roadmap/actions/delta-works.yaml", "warning")
    ]
    assert "fiscal year 2025" in warned[0]["message"]

    outcome = run_process(
        ["protsoc", "finance", "--as-of", "2026-06-30", "--format", "json"], cwd=tree.repo
    )
    assert outcome.exit_code == 0, outcome.stderr
    rows = _rows(json.loads(outcome.stdout))
    delta = rows[("programme", "delta")]
    # 2025: the programme's own 1,000 budget and 600 committed (the action's 400 and 300 are
    # inside them); 2026: the action's 200 budget, 100 committed, 50 paid roll up.
    # Summed twice it would read 1,600 / 1,000.
    assert delta["revised_budget"] == "1200.00"
    assert delta["committed"] == "700.00"
    assert delta["paid"] == "50.00"
    assert delta["commitment_rate"] == "0.5833"  # 700 / 1,200
    assert delta["payment_rate"] == "0.0714"  # 50 / 700
    assert delta["execution_rate"] == "0.0417"  # 50 / 1,200
    years = {period["year"]: period for period in delta["by_period"]}
    assert (years[2025]["revised_budget"], years[2025]["committed"]) == ("1000.00", "600.00")
    assert (years[2026]["revised_budget"], years[2026]["committed"]) == ("200.00", "100.00")
    assert delta["by_funding_source"]["general-budget"]["committed"] == "700.00"
    # the action's own row is all of its money: 400 + 200, 300 + 100, 50
    works = rows[("action", "delta-works")]
    assert (works["revised_budget"], works["committed"], works["paid"]) == (
        "600.00",
        "400.00",
        "50.00",
    )
    # an owner's total holds what it records: the action's owner all of the action's money,
    # the programme's owner the programme's own lines
    assert rows[("owner", "steering/interior")]["committed"] == "400.00"
    assert rows[("owner", "steering/health")]["committed"] == "600.00"

    quarters = run_process(
        ["protsoc", "finance", "--as-of", "2026-06-30", "--by", "quarter", "--format", "json"],
        cwd=tree.repo,
    )
    periods = {
        p["quarter"]: p
        for p in _rows(json.loads(quarters.stdout))[("programme", "delta")]["by_period"]
    }
    assert periods["2025-Q1"]["committed"] == "600.00"  # not 900
    assert periods["2026-Q1"]["committed"] == "100.00"

    status = run_process(
        ["protsoc", "status", "--as-of", "2026-06-30", "--format", "json"], cwd=tree.repo
    )
    money = json.loads(status.stdout)["finance"]
    assert (money["revised_budget"], money["committed"], money["paid"]) == (
        "1200.00",
        "700.00",
        "50.00",
    )
