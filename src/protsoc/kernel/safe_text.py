"""Record text made harmless for each place protsoc writes it: one module, used by every output.

Registry files arrive in pull requests from many bodies, so any text field may hold what a
reader's software would obey instead of show:
- a terminal obeys escape sequences (clear the screen, retitle the window, OSC 8 links) and a
  newline inside a one-line field lets the text start a line of its own;
- GitHub Actions runs a log line that starts with ``::`` as a workflow command (``::add-mask::``,
  ``::error file=…``), and reads ``%``, CR and LF specially inside an annotation;
- Markdown in a pull-request comment turns text into headings, links, images (which fetch from
  anywhere: tracking pixels), ``@mentions`` that notify people and ``#123`` references;
- a spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula (OWASP's
  "CSV injection").
Each function takes text as stored and returns text that shows the same characters and does
nothing else. Where a character cannot be shown as itself it is shown escaped (``\\x1b``), never
dropped, so a reviewer sees that something was there.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but TAB, DEL and the C1 controls; LF and CR are included because in a one-line
# field a line break lets record text begin a line of its own (a CI log line beginning `::`).
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates reorder what is shown ("Trojan Source").
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b", "\x00": "\\0"}


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str, keep_newlines: bool = False) -> str:
    """Text for a terminal line: control characters and bidi controls shown as escapes.

    ``keep_newlines`` keeps LF for multi-line text shown as a block (a record's YAML, a message of
    several lines), where lines of their own are expected: every other control is still escaped,
    and no line can begin a CI workflow command (see ``ci_log_line``)."""
    if keep_newlines:
        return "\n".join(ci_log_line(line) for line in text.split("\n"))
    text = _CONTROL.sub(_shown, text)
    return _BIDI.sub(_shown, text)


def github_data(text: str) -> str:
    """The message part of a GitHub workflow command (after the second ``::``)."""
    return terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A property of a GitHub workflow command (``file=…,title=…``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def ci_log_line(text: str) -> str:
    """A line printed to a CI log: never a workflow command, whatever the record text holds.

    The text is escaped as for a terminal (so it holds no line break of its own); a line that
    would still begin with ``::`` after leading white space (the runner trims it before looking)
    gets a backslash before the ``::``, which shows that something was escaped and is no command."""
    shown = terminal(text)
    stripped = shown.lstrip()
    if stripped.startswith("::"):
        return shown[: len(shown) - len(stripped)] + "\\" + stripped
    return shown


# What can open a construct inside a line: emphasis, links and images, table cells,
# strike-through. (Line-start constructs cannot happen: line breaks are folded. Backticks are
# left alone: a code span only makes text inert, and protsoc's own sentences use them.)
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]!|~])")
_MENTION = re.compile(r"([@#])(?=[\w])")
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)")


def markdown_inline(text: str) -> str:
    """Text for one line of a Markdown comment: shown literally, inline, inert.

    Line breaks fold to spaces (no heading, list or quote can start); HTML is escaped; the
    punctuation that opens inline constructs is backslash-escaped (no link, image, emphasis
    or table cell break); a zero-width space after ``@`` and ``#`` stops mentions and issue
    references,
    and one after ``scheme:`` stops bare URLs from becoming links."""
    text = " ".join(terminal(line) for line in re.split(r"\r\n|\r|\n", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _MENTION.sub(lambda m: m.group(1) + "&#8203;", text)
    return _SCHEME.sub(lambda m: m.group(1) + ":&#8203;", text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell that a spreadsheet shows and never runs (OWASP's advice: a text
    that begins with ``=``, ``+``, ``-``, ``@``, TAB or CR gets a leading apostrophe). Numbers
    stay numbers: only text is changed."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def markdown_code(text: str) -> str:
    """Text for a Markdown code span (written between single backticks): one line, no backtick
    of its own, so the span cannot end early; inside it nothing else is interpreted."""
    return " ".join(terminal(line) for line in re.split(r"\r\n|\r|\n", text)).replace("`", "'")
