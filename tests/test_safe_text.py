"""Record text for each output channel: shown, never obeyed (protsoc.kernel.safe_text)."""

from __future__ import annotations

import csv
import io
import re

import pytest

from protsoc.kernel import safe_text

INJECTION = "x\n::error file=README.md,line=1::INJECTED\n::add-mask::x"


@pytest.mark.parametrize(
    "text",
    [
        "\x1b[2J\x1b[H",  # clear screen
        "\x1b]0;owned\x07",  # window title (OSC ... BEL)
        "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 link
        "bell\x07 nul\x00 del\x7f csi\x9b",
        "\u202eRTL override\u202c",
    ],
)
def test_terminal_shows_control_sequences_instead_of_running_them(text: str) -> None:
    shown = safe_text.terminal(text)
    assert not re.search("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown)
    assert "\\x" in shown or "\\u" in shown or "\\0" in shown  # visible, not dropped


def test_terminal_keeps_arabic_and_tabs_as_they_are() -> None:
    text = "اجتماع لجنة القيادة\t2024-11-26 (زيادة 3.6%)"
    assert safe_text.terminal(text) == text


def test_a_block_keeps_its_lines_but_not_their_escapes() -> None:
    assert safe_text.terminal("a: 1\nb: \x1b[31m", keep_newlines=True) == "a: 1\nb: \\x1b[31m"


def test_no_record_text_can_start_a_workflow_command() -> None:
    for text in (INJECTION, "::add-mask::secret", "  ::warning::x"):
        for line in safe_text.ci_log_line(text).split("\n"):
            assert not line.lstrip().startswith("::")  # the runner trims leading white space
        assert "\n" not in safe_text.ci_log_line(text)
        assert "\n" not in safe_text.github_data(text) and "\r" not in safe_text.github_data(text)


def test_github_properties_cannot_add_properties() -> None:
    assert safe_text.github_property("a,line=1:b%") == "a%2Cline=1%3Ab%25"


def test_markdown_stays_inline_and_inert() -> None:
    hostile = (
        "ok\n# Heading\n![pixel](https://tracker.example/p.png) [link](https://x.example) "
        "@alice #123 <img src=x onerror=alert(1)> `code` **bold** | cell"
    )
    shown = safe_text.markdown_inline(hostile)
    assert "\n" not in shown
    assert "![" not in shown and "](" not in shown.replace("\\](", "")
    assert "<img" not in shown and "&lt;img" in shown
    assert "@alice" not in shown and "#123" not in shown
    assert "https://" not in shown  # no bare URL to autolink
    assert "\\*\\*" in shown and "\\|" in shown


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1", "\r=1"],
)
def test_csv_cells_that_would_be_formulas_start_with_an_apostrophe(value: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([safe_text.csv_cell(value)])
    [[cell]] = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert cell == "'" + value


@pytest.mark.parametrize("value", [-2, 3.6, 0, "28", "نسبة", "2024-11-26"])
def test_numbers_and_plain_text_stay_what_they_are(value: object) -> None:
    assert safe_text.csv_cell(value) == value


def test_a_code_span_cannot_be_closed_early() -> None:
    assert safe_text.markdown_code("a`b\n[x](y)") == "a'b [x](y)"
