"""One number convention across protsoc (kernel/numbers.py)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protsoc.kernel import numbers

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (1660, "1660"),  # four digits stay whole, as the official texts write them
        (9999, "9999"),
        (10000, f"10{NNBSP}000"),
        (11_100_000, f"11{NNBSP}100{NNBSP}000"),
        (3.8, "3.8"),
        (0.1 + 0.2, "0.3"),  # no binary noise
        (11_100_000.0, f"11{NNBSP}100{NNBSP}000"),
        (-12500, f"-12{NNBSP}500"),
        (-0.0, "0"),
        (Decimal("1250000.50"), f"1{NNBSP}250{NNBSP}000.5"),
        ("not a number", "not a number"),
    ],
)
def test_grouped(value: object, written: str) -> None:
    assert numbers.grouped(value) == written


def test_money_always_shows_centimes_and_never_goes_through_a_float() -> None:
    assert numbers.money(Decimal("1250000.5")) == f"1{NNBSP}250{NNBSP}000.50"
    assert numbers.money(Decimal("980")) == "980.00"
    assert numbers.money(Decimal("12345678901234.01")) == (
        f"12{NNBSP}345{NNBSP}678{NNBSP}901{NNBSP}234.01"
    )


def test_the_group_separator_keeps_a_number_whole_in_right_to_left_text() -> None:
    # A common separator between two digits resolves to a number (UAX #9, rule W4): the groups
    # of «1 250 000» are never reordered inside Arabic text; a plain space would let them.
    assert unicodedata.bidirectional(NNBSP) == "CS"
    assert unicodedata.bidirectional(" ") == "WS"
    # and a line never breaks inside it
    assert unicodedata.category(NNBSP) == "Zs" and "NO-BREAK" in unicodedata.name(NNBSP)


@given(st.decimals(min_value=-(10**15), max_value=10**15, places=2, allow_nan=False))
def test_what_people_read_is_the_machines_number(amount: Decimal) -> None:
    shown = numbers.money(amount)
    assert "," not in shown
    assert Decimal(shown.replace(NNBSP, "")) == amount
    assert Decimal(numbers.plain(amount)) == amount
    whole = shown.lstrip("-").split(".")[0]
    assert all(len(group) == 3 for group in whole.split(NNBSP)[1:])
