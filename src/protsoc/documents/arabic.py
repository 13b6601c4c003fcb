"""Arabic wording for rendered documents: Moroccan dates, Hijri dates, numbers and plurals.

Everything goes through Babel's ``ar_MA`` locale (never bare ``ar``: only ``ar_MA`` has the
Moroccan month names يناير … ماي … يوليوز غشت شتنبر … نونبر دجنبر, and Western digits).
Babel's medium/short patterns contain U+200F RIGHT-TO-LEFT MARK; we only use patterns without it
and strip bidi marks anyway, because rendered strings sometimes travel back into records.

Hijri dates come from ``hijridate`` (Umm al-Qura). Morocco fixes each month by local sighting of
the crescent and may start it one day later than Umm al-Qura (Ramadan 1446, Muharram 1447) or on
the same day (Ramadan 1444), so a single offset is wrong: the registry manifest keeps a table of
official month starts (``hijri_month_starts``) that overrides the computed calendar.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from protsoc.kernel import numbers

LOCALE = "ar_MA"
_BIDI_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)

# hijridate's Arabic month names; kept here as data so a secretariat can prefer other spellings
# (e.g. «ربيع الآخر») without touching the converter.
HIJRI_MONTHS = (
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الثاني",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
)
HIJRI_SUFFIX = "هـ"


def _clean(text: str) -> str:
    return text.translate(_BIDI_MARKS)


def to_date(value: Any) -> dt.date:
    """A date from a ``date`` or an ISO string (records keep dates as strings)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise TypeError(f"not a date: {value!r}")


# ---------------------------------------------------------------- Gregorian dates


def month_names() -> list[str]:
    """The twelve Moroccan month names, January first."""
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=LOCALE)
    return [_clean(names[month]) for month in range(1, 13)]


def weekday(value: Any) -> str:
    """«الثلاثاء» for 2024-11-26."""
    return _formatted(to_date(value), "EEEE")


def date_long(value: Any, with_weekday: bool = False) -> str:
    """«26 نونبر 2024», or «الثلاثاء 26 نونبر 2024» with the weekday."""
    return _formatted(to_date(value), "EEEE d MMMM y" if with_weekday else "d MMMM y")


def month_year(value: Any) -> str:
    """«نونبر 2024»."""
    return _formatted(to_date(value), "MMMM y")


@functools.lru_cache(maxsize=8192)
def _formatted(day: dt.date, pattern: str) -> str:
    """One Babel date format, memoised by (date, pattern): a report words the same dates tens of
    thousands of times, and each Babel call costs about 30 µs. The locale is fixed (``LOCALE``)."""
    from babel.dates import format_date

    return _clean(format_date(day, pattern, locale=LOCALE))


def time_of_day(value: str) -> str:
    """A record's ``HH:MM`` as written in minutes: «10:30» (digits stay Western)."""
    return value


# ---------------------------------------------------------------- Hijri dates

MonthStarts = Mapping[tuple[int, int], dt.date]


@dataclass(frozen=True)
class HijriDate:
    year: int
    month: int
    day: int
    official: bool  # True when an official Moroccan month start was applied

    @property
    def month_name(self) -> str:
        return HIJRI_MONTHS[self.month - 1]

    def __str__(self) -> str:
        return f"{self.day} {self.month_name} {self.year} {HIJRI_SUFFIX}"


def month_starts(manifest: Mapping[str, Any] | None) -> dict[tuple[int, int], dt.date]:
    """The manifest's ``hijri_month_starts`` table as {(year, month): first day}."""
    table: dict[tuple[int, int], dt.date] = {}
    entries = (manifest or {}).get("hijri_month_starts") or []
    for entry in entries if isinstance(entries, list) else []:
        try:
            table[(int(entry["year"]), int(entry["month"]))] = to_date(entry["starts"])
        except (KeyError, TypeError, ValueError):
            continue  # the schema reports malformed entries; rendering keeps going
    return table


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def hijri(value: Any, starts: MonthStarts | None = None) -> HijriDate:
    """The Hijri date of a Gregorian date, official Moroccan month starts first.

    A month with an official start covers the days from that start until the next month's
    official start, or at most 30 days (a Hijri month never has more). Other dates fall back to
    Umm al-Qura.
    """
    day = to_date(value)
    for (year, month), start in sorted((starts or {}).items(), reverse=True):
        offset = (day - start).days
        if not 0 <= offset < 30:
            continue
        following = (starts or {}).get(_next_month(year, month))
        if following is not None and day >= following:
            continue
        return HijriDate(year, month, offset + 1, official=True)
    try:
        from hijridate import Gregorian

        converted = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        raise ValueError(
            f"{day.isoformat()} is outside the Hijri converter's range (1924-2077)"
        ) from None
    return HijriDate(converted.year, converted.month, converted.day, official=False)


def hijri_long(value: Any, starts: MonthStarts | None = None) -> str:
    """«24 جمادى الأولى 1446 هـ»."""
    return str(hijri(value, starts))


# ---------------------------------------------------------------- numbers and plurals


def number(value: Any) -> str:
    """A number as protsoc writes numbers for people (kernel/numbers.py): «1660», «3.8»,
    «4 000 000» with narrow no-break spaces."""
    return numbers.grouped(value)


def amount(value: Any) -> str:
    """An amount of money, centimes always shown: «1 250 000.50». ``value`` is a
    ``decimal.Decimal``: formatted exactly, never through a float."""
    return numbers.money(value)


def percent(value: Any) -> str:
    """«85%» from 85 (records keep percentages as 0-100)."""
    return f"{number(value)}%"


def plural_category(count: float) -> str:
    """The CLDR plural category of a count in Arabic: zero one two few many other."""
    from babel import Locale

    return str(Locale.parse(LOCALE).plural_form(count))


@dataclass(frozen=True)
class Noun:
    """An Arabic noun's forms after a number.

    ``one``/``two`` are whole phrases («اجتماع واحد», «اجتماعان»); ``few`` (3-10) is the plural
    («اجتماعات»), ``many`` (11-99) the accusative singular («اجتماعا»), ``other`` (100, 1000…) the
    genitive singular («اجتماع»); ``zero`` is a whole phrase («لا اجتماع»).
    """

    one: str
    two: str
    few: str
    many: str
    other: str
    zero: str


NOUNS: dict[str, Noun] = {
    "meeting": Noun("اجتماع واحد", "اجتماعان", "اجتماعات", "اجتماعا", "اجتماع", "لا اجتماع"),
    "member": Noun("عضو واحد", "عضوان", "أعضاء", "عضوا", "عضو", "لا عضو"),
    "decision": Noun("قرار واحد", "قراران", "قرارات", "قرارا", "قرار", "لا قرار"),
    "recommendation": Noun("توصية واحدة", "توصيتان", "توصيات", "توصية", "توصية", "لا توصية"),
    "action": Noun("إجراء واحد", "إجراءان", "إجراءات", "إجراء", "إجراء", "لا إجراء"),
    "item": Noun("نقطة واحدة", "نقطتان", "نقط", "نقطة", "نقطة", "لا نقطة"),
    "day": Noun("يوم واحد", "يومان", "أيام", "يوما", "يوم", "لا يوم"),
    "indicator": Noun("مؤشر واحد", "مؤشران", "مؤشرات", "مؤشرا", "مؤشر", "لا مؤشر"),
}


def count(value: int, noun: str | Noun) -> str:
    """A count with the noun in the right Arabic form: «اجتماع واحد», «اجتماعان», «3 اجتماعات»,
    «11 اجتماعا», «100 اجتماع»."""
    forms = NOUNS[noun] if isinstance(noun, str) else noun
    category = plural_category(value)
    if category in ("zero", "one", "two"):
        return getattr(forms, category)
    return f"{number(value)} {getattr(forms, category)}"


# ---------------------------------------------------------------- numbers in official documents

# The seeds and the official texts write «11.1 مليون», «1660 منصبا», «4.7 مليون»: large round
# counts in millions in words; other digits as kernel/numbers.py writes them for every channel.
# A no-break space glues a number to its word:
# a line never ends between «1.7» and «مليون».
NBSP = "\u00a0"


def document_number(value: Any) -> str:
    """A number as the documents write it: «1660», «3.8», «11.1 مليون», «4 ملايين».

    A count of a million or more is written in millions only when that is exact to two decimals
    (11,100,000 → «11.1 مليون»); otherwise all its digits are kept («11 123 456»): the document
    never rounds a figure the record states."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(str(value))
        except ValueError:
            return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) >= 1_000_000 and value % 10_000 == 0:
        millions = value / 1_000_000
        if millions == 1:
            return "مليون"
        if millions == 2:
            return "مليونان"
        digits = f"{millions:.2f}".rstrip("0").rstrip(".")
        word = "ملايين" if millions.is_integer() and 3 <= millions <= 10 else "مليون"
        return f"{digits}{NBSP}{word}"
    return numbers.grouped(value)


def document_percent(value: Any) -> str:
    """«3.6%» from 3.6 (records keep percentages as 0-100)."""
    return f"{document_number(value)}%"


# The indicator units of the registries, with their forms after a number (see ``Noun``).
UNITS: dict[str, Noun] = {
    "مرسوم": Noun("مرسوم واحد", "مرسومان", "مراسيم", "مرسوما", "مرسوم", "لا مرسوم"),
    "منصب": Noun("منصب واحد", "منصبان", "مناصب", "منصبا", "منصب", "لا منصب"),
    "مستفيد": Noun("مستفيد واحد", "مستفيدان", "مستفيدين", "مستفيدا", "مستفيد", "لا مستفيد"),
    "أسرة": Noun("أسرة واحدة", "أسرتان", "أسر", "أسرة", "أسرة", "لا أسرة"),
    "طفل": Noun("طفل واحد", "طفلان", "أطفال", "طفلا", "طفل", "لا طفل"),
    "شخص": Noun("شخص واحد", "شخصان", "أشخاص", "شخصا", "شخص", "لا شخص"),
    "شخص مسن": Noun(
        "شخص مسن واحد", "شخصان مسنان", "أشخاص مسنين", "شخصا مسنا", "شخص مسن", "لا شخص مسن"
    ),
    "عامل مستقل": Noun(
        "عامل مستقل واحد",
        "عاملان مستقلان",
        "عمال مستقلين",
        "عاملا مستقلا",
        "عامل مستقل",
        "لا عامل مستقل",
    ),
    "نقطة اتصال": Noun(
        "نقطة اتصال واحدة", "نقطتا اتصال", "نقط اتصال", "نقطة اتصال", "نقطة اتصال", "لا نقطة اتصال"
    ),
    "حملة": Noun("حملة واحدة", "حملتان", "حملات", "حملة", "حملة", "لا حملة"),
    "قافلة": Noun("قافلة واحدة", "قافلتان", "قوافل", "قافلة", "قافلة", "لا قافلة"),
    "لقاء": Noun("لقاء واحد", "لقاءان", "لقاءات", "لقاء", "لقاء", "لا لقاء"),
    "نداء": Noun("نداء واحد", "نداءان", "نداءات", "نداء", "نداء", "لا نداء"),
    "وكالة ثابتة": Noun(
        "وكالة ثابتة واحدة",
        "وكالتان ثابتتان",
        "وكالات ثابتة",
        "وكالة ثابتة",
        "وكالة ثابتة",
        "لا وكالة ثابتة",
    ),
    "وكالة متنقلة": Noun(
        "وكالة متنقلة واحدة",
        "وكالتان متنقلتان",
        "وكالات متنقلة",
        "وكالة متنقلة",
        "وكالة متنقلة",
        "لا وكالة متنقلة",
    ),
}


def document_count(value: Any, noun: str | Noun) -> str:
    """``count`` with the documents' numbers, glued to the noun by a no-break space: «28 مرسوما»,
    «1660 منصبا», «11.1 مليون مستفيد» (after «مليون» the noun is a genitive singular)."""
    forms = NOUNS.get(noun) if isinstance(noun, str) else noun
    if forms is None and isinstance(noun, str):
        forms = UNITS.get(noun)
    if forms is None:  # a unit without known forms: the number and the unit as recorded
        return f"{document_number(value)}{NBSP}{noun}" if noun else document_number(value)
    numeral = document_number(value)
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if not whole:  # «3.8 مليون», «2.5 مرسوم»: a fraction takes the genitive singular
        return f"{numeral}{NBSP}{forms.other}"
    if "مليون" in numeral or "ملايين" in numeral:
        return f"{numeral}{NBSP}{forms.other}"
    category = plural_category(int(value))
    if category in ("zero", "one", "two"):
        return getattr(forms, category)
    return f"{numeral}{NBSP}{getattr(forms, category)}"


def join(items: Iterable[str]) -> str:
    """Arabic enumeration: «أ، ب و ج»."""
    values = [item for item in items if item]
    if len(values) <= 1:
        return "".join(values)
    return "، ".join(values[:-1]) + " و" + values[-1]
