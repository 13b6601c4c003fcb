"""One way to write numbers everywhere protsoc shows one: documents, site, terminal, review.

The official texts the registry cites write «11.1 مليون», «1660 منصبا», «4.7 مليون»: a decimal
point and no thousands separator. Babel's ``ar_MA`` and ``fr_MA`` write «11.100.000» and «3,8», so a
Moroccan reader takes «3.100» for three point one, and the same figure read «11,100,000» in the
terminal. protsoc therefore writes, in every language and channel meant for people:

- a decimal point, never a comma;
- digits grouped by three with a narrow no-break space (U+202F) from 10 000 up — «12 500»,
  «1 250 000.50» — which no reader takes for a decimal point; four-digit numbers («1660», «2024»)
  stay whole, as the texts write them. U+202F is a common separator in the Unicode bidi algorithm:
  between digits it joins them into one number, so right-to-left text never reorders the groups,
  and no line ever breaks inside a number;
- amounts of money with their two decimals always («1 250 000.50»);
- never a float's noise (0.1 + 0.2 is written 0.3) and never a rounded figure the record states.

Machine channels (CSV, JSON) write ``plain`` numbers: no grouping, a decimal point.
Words around numbers (millions in Arabic documents, plurals) belong to the channel's wording.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

GROUP_SEPARATOR = "\u202f"
GROUPING_FROM = 10_000
MINUS = "-"


def _decimal(value: Any) -> Decimal | None:
    """The exact decimal a value stands for (a float without its binary noise)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        # 15 significant digits: every decimal a person typed survives, the binary noise of
        # arithmetic (0.1 + 0.2 = 0.30000000000000004) does not.
        return Decimal(format(value, ".15g"))
    try:
        parsed = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return parsed if parsed.is_finite() else None


def _digits(number: Decimal, places: int | None) -> tuple[str, str, str]:
    """(sign, whole digits, fraction digits) of ``number``, with ``places`` fraction digits when
    given, else as few as the value needs (trailing zeros dropped)."""
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    text = format(number, "f")
    sign = ""
    if text.startswith("-"):
        sign, text = MINUS, text[1:]
    whole, _, fraction = text.partition(".")
    if places is None:
        fraction = fraction.rstrip("0")
    if sign and not whole.strip("0") and not fraction.strip("0"):
        sign = ""  # never «-0»
    return sign, whole or "0", fraction


def _group(whole: str) -> str:
    if int(whole) < GROUPING_FROM:
        return whole
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
    return GROUP_SEPARATOR.join(groups)


def grouped(value: Any, places: int | None = None) -> str:
    """A number for people: «1660», «3.8», «12 500», «11 100 000» (U+202F between groups).

    ``places`` fixes the number of decimals (rounded half-even as ``Decimal.quantize``);
    without it the value keeps exactly the decimals it has. Text that is not a number is
    returned as it is."""
    number = _decimal(value)
    if number is None:
        return str(value)
    sign, whole, fraction = _digits(number, places)
    return sign + _group(whole) + (f".{fraction}" if fraction else "")


def money(amount: Any) -> str:
    """An amount of money for people, centimes always shown: «1 250 000.50», «980.00»."""
    return grouped(amount, places=2)


def plain(value: Any, places: int | None = None) -> str:
    """A number for machines (CSV cells, JSON strings): «1250000.5», «3.8», no grouping."""
    number = _decimal(value)
    if number is None:
        return str(value)
    sign, whole, fraction = _digits(number, places)
    return sign + whole + (f".{fraction}" if fraction else "")
