"""protsoc writes only what its own strict loader reads back."""

from protsoc import yamlio


def test_a_value_shared_twice_is_written_out_twice_not_as_an_alias() -> None:
    shared = {"ar": "وزارة الداخلية"}
    text = yamlio.dumps({"institution": shared, "secretariat": {"body": shared}})

    assert "&" not in text and "*" not in text
    assert yamlio.loads(text.encode("utf-8")).data == {
        "institution": {"ar": "وزارة الداخلية"},
        "secretariat": {"body": {"ar": "وزارة الداخلية"}},
    }


def test_dumped_arabic_stays_readable_and_multiline_text_uses_a_block() -> None:
    text = yamlio.dumps({"note": {"ar": "سطر أول\nسطر ثان"}, "title": {"ar": "لجنة القيادة"}})

    assert "لجنة القيادة" in text  # not \u escapes
    assert "|" in text
    assert yamlio.loads(text.encode("utf-8")).data["note"]["ar"] == "سطر أول\nسطر ثان"
