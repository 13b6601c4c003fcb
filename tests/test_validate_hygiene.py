"""Arabic text hygiene: what is flagged, with which severity and fix, and what is left alone."""

from __future__ import annotations

import pytest

from protsoc.kernel.findings import Severity
from protsoc.validate import hygiene


def findings(data: object) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.json_path_text()) for f in hygiene.check(data, "x.yaml")]


@pytest.mark.parametrize(
    "code", [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
)
def test_every_bidi_control_is_an_error(code: int) -> None:
    assert findings({"place": {"ar": f"الرباط{chr(code)}"}}) == [
        ("text-bidi-control", "error", "$.place.ar")
    ]


@pytest.mark.parametrize("code", [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x061C, 0xFEFF])
def test_invisible_characters_are_warnings(code: int) -> None:
    assert findings({"note": {"ar": f"نص{chr(code)}نص"}}) == [
        ("text-invisible", "warning", "$.note.ar")
    ]


def test_persian_letters_in_arabic_text_are_warnings_with_the_replacement() -> None:
    [finding] = list(hygiene.check({"title": {"ar": "وزیر"}}, "x.yaml"))
    assert (finding.rule, finding.severity) == ("text-persian-letter", Severity.WARNING)
    assert "«ي»" in (finding.hint or "")
    [kaf] = list(hygiene.check({"title": {"ar": "کتاب"}}, "x.yaml"))
    assert "«ك»" in (kaf.hint or "")


def test_persian_letters_outside_arabic_text_are_left_alone() -> None:
    assert findings({"title": {"fr": "ی"}}) == []  # no Arabic letter: not Arabic text


def test_tatweel_is_a_warning() -> None:
    assert findings({"name": {"ar": "الحمـــاية"}}) == [("text-tatweel", "warning", "$.name.ar")]


@pytest.mark.parametrize(
    "data, path, western",
    [
        ({"date": "٢٠٢٤-١١-٢٦"}, "$.date", "2024-11-26"),
        ({"id": "steering/۲۰۲۴-۱۱-۲۶"}, "$.id", "steering/2024-11-26"),  # Persian digits too
        ({"decisions": ["steering/2024-11-26/d١"]}, "$.decisions[0]", "steering/2024-11-26/d1"),
        ({"note": {"ar": "٢٠٢٤-١١-٢٦"}}, "$.note.ar", "2024-11-26"),  # a bare date, even in text
    ],
)
def test_arabic_indic_digits_in_dates_and_ids_are_warnings_with_western_digits(
    data: dict, path: str, western: str
) -> None:
    result = list(hygiene.check(data, "x.yaml"))
    assert [(f.rule, f.json_path_text()) for f in result] == [("text-arabic-digits", path)]
    assert result[0].severity is Severity.WARNING
    assert f"`{western}`" in (result[0].hint or "")


def test_arabic_indic_digits_in_prose_are_left_alone() -> None:
    assert findings({"note": {"ar": "أكثر من ١١٫١ مليون مستفيد"}}) == []


def test_clean_arabic_text_has_no_finding() -> None:
    assert (
        findings(
            {
                "name": {"ar": "اللجنة الوزارية لقيادة إصلاح وحكامة منظومة الحماية الاجتماعية"},
                "value": 11100000,
                "date": "2024-11-26",
            }
        )
        == []
    )


def test_every_string_is_checked_with_its_path() -> None:
    data = {"members": [{"titles": [{"title": {"ar": "وزير\u202e"}}]}]}
    assert findings(data) == [("text-bidi-control", "error", "$.members[0].titles[0].title.ar")]


def test_one_finding_per_character_kind() -> None:
    rules = [rule for rule, _, _ in findings({"ar": "\u202eا\u202eب\u200bـی"})]
    assert sorted(rules) == [
        "text-bidi-control",
        "text-invisible",
        "text-persian-letter",
        "text-tatweel",
    ]
