"""Arabic wording: Moroccan months, weekdays, Hijri dates with official overrides, numbers,
plurals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protsoc.documents import arabic

MOROCCAN_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_month_names_are_the_moroccan_ones() -> None:
    assert arabic.month_names() == MOROCCAN_MONTHS


@pytest.mark.parametrize(
    "day, expected",
    [
        ("2024-11-26", "الثلاثاء 26 نونبر 2024"),
        ("2025-05-02", "الجمعة 2 ماي 2025"),
        ("2025-08-14", "الخميس 14 غشت 2025"),
        ("2021-09-29", "الأربعاء 29 شتنبر 2021"),
        ("2023-12-01", "الجمعة 1 دجنبر 2023"),
        ("2024-07-08", "الاثنين 8 يوليوز 2024"),
    ],
)
def test_date_with_weekday_and_moroccan_month(day: str, expected: str) -> None:
    assert arabic.date_long(day, with_weekday=True) == expected
    assert arabic.date_long(dt.date.fromisoformat(day)) == expected.split(" ", 1)[1]


def test_dates_never_carry_bidi_marks() -> None:
    # Babel's medium/short patterns contain U+200F; nothing we produce may carry it.
    for month in range(1, 13):
        day = dt.date(2025, month, 3)
        for text in (arabic.date_long(day, True), arabic.month_year(day), arabic.weekday(day)):
            assert not set(text) & set(BIDI_MARKS), repr(text)


def test_hijri_date_of_the_steering_meeting_falls_back_to_umm_al_qura() -> None:
    hijri = arabic.hijri("2024-11-26")
    assert (hijri.year, hijri.month, hijri.day, hijri.official) == (1446, 5, 24, False)
    assert str(hijri) == "24 جمادى الأولى 1446 هـ"
    assert arabic.hijri_long("2018-04-03") == "17 رجب 1439 هـ"


# Test data only (the shipped manifest holds no official month starts: no seed states one).
# Morocco started Ramadan 1446 on 2 March 2025 and Muharram 1447 on 27 June 2025, one day after
# Umm al-Qura; Sha'ban 1446 started on 31 January 2025.
MANIFEST = {
    "hijri_month_starts": [
        {"year": 1446, "month": 8, "starts": "2025-01-31", "source": {"document": "test"}},
        {"year": 1446, "month": 9, "starts": "2025-03-02", "source": {"document": "test"}},
        {"year": 1447, "month": 1, "starts": "2025-06-27", "source": {"document": "test"}},
    ]
}


def test_manifest_table_is_read() -> None:
    starts = arabic.month_starts(MANIFEST)
    assert starts[(1446, 9)] == dt.date(2025, 3, 2)
    assert arabic.month_starts({}) == {}
    assert arabic.month_starts(None) == {}


@pytest.mark.parametrize(
    "day, umm_al_qura, official",
    [
        ("2025-03-01", (1446, 9, 1), (1446, 8, 30)),  # Umm al-Qura already in Ramadan, Morocco not
        ("2025-03-02", (1446, 9, 2), (1446, 9, 1)),
        ("2025-06-26", (1447, 1, 1), None),  # Dhu al-Hijja 1446 has no official entry
        ("2025-06-27", (1447, 1, 2), (1447, 1, 1)),
    ],
)
def test_official_month_starts_override_umm_al_qura(
    day: str, umm_al_qura: tuple, official: tuple | None
) -> None:
    computed = arabic.hijri(day)
    assert (computed.year, computed.month, computed.day) == umm_al_qura
    overridden = arabic.hijri(day, arabic.month_starts(MANIFEST))
    if official is None:
        assert (overridden.year, overridden.month, overridden.day, overridden.official) == (
            *umm_al_qura,
            False,
        )
    else:
        assert (overridden.year, overridden.month, overridden.day, overridden.official) == (
            *official,
            True,
        )


def test_an_official_month_ends_where_the_next_official_month_starts() -> None:
    starts = arabic.month_starts(MANIFEST)
    assert str(arabic.hijri("2025-03-01", starts)) == "30 شعبان 1446 هـ"
    # Without an entry for Shawwal the official Ramadan runs its 30 days at most...
    assert str(arabic.hijri("2025-03-31", starts)) == "30 رمضان 1446 هـ"
    assert arabic.hijri("2025-04-01", starts).official is False
    # ...and the secretariat's entry for 1 Shawwal (31 March 2025 in Morocco) ends it.
    with_shawwal = {**starts, (1446, 10): dt.date(2025, 3, 31)}
    assert str(arabic.hijri("2025-03-30", with_shawwal)) == "29 رمضان 1446 هـ"
    assert str(arabic.hijri("2025-03-31", with_shawwal)) == "1 شوال 1446 هـ"


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, "لا اجتماع"),
        (1, "اجتماع واحد"),
        (2, "اجتماعان"),
        (3, "3 اجتماعات"),
        (10, "10 اجتماعات"),
        (11, "11 اجتماعا"),
        (99, "99 اجتماعا"),
        (100, "100 اجتماع"),
        (102, "102 اجتماع"),
        (103, "103 اجتماعات"),
        (111, "111 اجتماعا"),
        (1000, "1000 اجتماع"),
        (10000, "10\u202f000 اجتماع"),
    ],
)
def test_meeting_counts_follow_arabic_grammar(n: int, expected: str) -> None:
    assert arabic.count(n, "meeting") == expected


def test_other_nouns() -> None:
    assert arabic.count(2, "member") == "عضوان"
    assert arabic.count(4, "member") == "4 أعضاء"
    assert arabic.count(18, "member") == "18 عضوا"
    assert arabic.count(1, "recommendation") == "توصية واحدة"


def test_numbers_use_a_decimal_point_and_narrow_spaces_between_groups() -> None:
    # Babel's ar_MA would write «4.000.000» and «3,8»: read «3.100» as three point one
    assert arabic.number(4000000) == "4\u202f000\u202f000"
    assert arabic.number(4000000.0) == "4\u202f000\u202f000"
    assert arabic.number(3.8) == "3.8"
    assert arabic.number(3100) == "3100"
    assert arabic.percent(85) == "85%"


@given(st.integers(min_value=0, max_value=10**7))
def test_counts_are_clean_and_use_western_digits(n: int) -> None:
    text = arabic.count(n, "decision")
    assert not set(text) & set(BIDI_MARKS)
    assert not any("\u0660" <= ch <= "\u0669" for ch in text)
    assert "قرار" in text


def test_join() -> None:
    assert arabic.join(["أ", "ب", "ج"]) == "أ، ب وج"
    assert arabic.join(["أ"]) == "أ"
    assert arabic.join([]) == ""
