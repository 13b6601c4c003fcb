"""Numbers one way in every document (issue 15, findings 5, 7 and 8): a decimal point, no
thousands separator a reader takes for a decimal point, large counts in millions in words,
units that agree with their number, a no-break space between a number and its word."""

from __future__ import annotations

import pytest

from protsoc.documents import arabic
from protsoc.documents.templating import FILTERS

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (1660, "1660"),
        (3100, "3100"),
        (3.8, "3.8"),
        (11_100_000, f"11.1{NBSP}مليون"),
        (4_000_000, f"4{NBSP}ملايين"),
        (5_400_000, f"5.4{NBSP}مليون"),
        (1_000_000, "مليون"),
        (11_123_456, "11\u202f123\u202f456"),  # never rounded away
        (12_500, "12\u202f500"),
        (0, "0"),
    ],
)
def test_document_number(value: float, written: str) -> None:
    assert arabic.document_number(value) == written
    assert "," not in written


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [
        (28, "مرسوم", "28 مرسوما"),
        (1660, "منصب", "1660 منصبا"),
        (3, "مرسوم", "3 مراسيم"),
        (1, "منصب", "منصب واحد"),
        (2, "أسرة", "أسرتان"),
        (3100, "نقطة اتصال", "3100 نقطة اتصال"),
        (11_100_000, "مستفيد", "11.1 مليون مستفيد"),
        (4_000_000, "أسرة", "4 ملايين أسرة"),
        (7, "وحدة غير معروفة", "7 وحدة غير معروفة"),
    ],
)
def test_indicator_units_agree_with_their_number(value: int, unit: str, written: str) -> None:
    quantity = arabic.document_count(value, unit)
    assert quantity.replace(NBSP, " ") == written
    # a line never ends between a number and its word
    if " " in written and written.split(" ")[0][0].isdigit():
        assert NBSP in quantity


def test_the_documents_filters_use_the_documents_numbers() -> None:
    assert FILTERS["pct"](3.6) == "3.6%"
    assert {"num", "count_ar"} <= set(FILTERS)
    assert arabic.document_count(12, "meeting") == f"12{NBSP}اجتماعا"
