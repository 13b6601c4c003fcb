"""Arabic text hygiene: characters that make a reviewer see something else than what is stored.

Bidirectional embedding/override/isolate controls reorder text on screen (the "Trojan source"
trick): a reviewer approving a pull request would read a different number or name. They are
errors. Look-alike Persian letters, tatweel, invisible characters and Arabic-Indic digits in
machine fields make searches, sorting and ids fail silently: warnings, with the fix.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Iterator

from protsoc.kernel.findings import Finding, Severity
from protsoc.kernel.i18n import _
from protsoc.registry.records import iter_strings
from protsoc.validate import fastpath

_BIDI_CONTROLS = {
    chr(code): name
    for code, name in [
        (0x202A, "LEFT-TO-RIGHT EMBEDDING"),
        (0x202B, "RIGHT-TO-LEFT EMBEDDING"),
        (0x202C, "POP DIRECTIONAL FORMATTING"),
        (0x202D, "LEFT-TO-RIGHT OVERRIDE"),
        (0x202E, "RIGHT-TO-LEFT OVERRIDE"),
        (0x2066, "LEFT-TO-RIGHT ISOLATE"),
        (0x2067, "RIGHT-TO-LEFT ISOLATE"),
        (0x2068, "FIRST STRONG ISOLATE"),
        (0x2069, "POP DIRECTIONAL ISOLATE"),
    ]
}
_INVISIBLE = {
    chr(code): name
    for code, name in [
        (0x200B, "ZERO WIDTH SPACE"),
        (0x200C, "ZERO WIDTH NON-JOINER"),
        (0x200D, "ZERO WIDTH JOINER"),
        (0x200E, "LEFT-TO-RIGHT MARK"),
        (0x200F, "RIGHT-TO-LEFT MARK"),
        (0x2060, "WORD JOINER"),
        (0x061C, "ARABIC LETTER MARK"),
        (0xFEFF, "ZERO WIDTH NO-BREAK SPACE"),
    ]
}
_PERSIAN = {
    "\u06cc": ("ی", "ي", "U+06CC FARSI YEH", "U+064A ARABIC YEH"),
    "\u06a9": ("ک", "ك", "U+06A9 KEHEH", "U+0643 ARABIC KAF"),
}
_TATWEEL = "\u0640"
_ARABIC_INDIC = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_TO_WESTERN = {code: str(index) for index, code in enumerate(range(0x0660, 0x066A))}
_TO_WESTERN.update({code: str(index) for index, code in enumerate(range(0x06F0, 0x06FA))})
# Fields holding machine values (ids, dates, times, references) rather than prose.
_MACHINE_KEYS = {
    "id",
    "date",
    "since",
    "until",
    "attested",
    "due",
    "start",
    "end",
    "time",
    "end_time",
    "opened_at",
    "closed_at",
    "written_on",
    "as_of",
    "committee",
    "member",
    "owner",
    "parent",
    "chair",
    "axis",
    "created",
    "ended",
    "approved_on",
    "completed_on",
    "planned",
    "actual",
    "valid_from",
    "valid_until",
    "tracking_start",
    "decisions",
    "commissioned_by",
}


# Control characters a record's text may not hold: every C0 control but TAB and LF, DEL and the C1
# controls. YAML refuses them written raw, but a double-quoted "\e[2J", "\a" or "\0" stores
# them: terminals would obey them, and a NUL ends strings in C libraries that read the data.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check(data: Any, display: str, raw_text: str = "") -> Iterator[Finding]:
    """The hygiene findings of one record; ``raw_text``, the file's text when known, is also
    searched for bidirectional controls wherever they stand (comments and keys too: Trojan
    Source hides in comments), each reported at its own line and column."""
    if raw_text:
        yield from _check_raw(raw_text, display)
    for path, text in iter_strings(data):
        yield from _check_text(text, path, display, raw_text)


def _check_raw(text: str, display: str) -> Iterator[Finding]:
    for line_number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            if char in _BIDI_CONTROLS:
                yield _bidi_finding(char, display, line=line_number, column=column)


def _bidi_finding(
    char: str, display: str, path: tuple = (), line: int | None = None, column: int | None = None
) -> Finding:
    return Finding(
        "text-bidi-control",
        _(
            "hidden bidirectional control {code} {name}: the text shown to reviewers differs from "
            "the text stored"
        ).format(code=f"U+{ord(char):04X}", name=_BIDI_CONTROLS[char]),
        display,
        Severity.ERROR,
        line=line,
        column=column,
        json_path=path,
        hint=_("delete the character; right-to-left layout is the renderer's job, not the data's"),
    )


def _check_text(text: str, path: tuple, display: str, raw_text: str = "") -> Iterator[Finding]:
    for char in sorted(set(_CONTROL.findall(text))):
        yield Finding(
            "text-control-character",
            _(
                "control character {code} in the text (written as an escape such as "
                '"\\e" or "\\0"): terminals and other programs would obey it'
            ).format(code=f"U+{ord(char):04X}"),
            display,
            Severity.ERROR,
            json_path=path,
            hint=_("delete it; only tabs and line breaks may stand in text"),
        )
    for char, name in _BIDI_CONTROLS.items():
        if char in text and char not in raw_text:  # a literal one is reported where it stands
            yield _bidi_finding(char, display, path)
    for char, name in _INVISIBLE.items():
        if char in text:
            yield Finding(
                "text-invisible",
                _("invisible character {code} {name}").format(code=f"U+{ord(char):04X}", name=name),
                display,
                Severity.WARNING,
                json_path=path,
                hint=_(
                    "delete it: it breaks searching and comparing names (Babel's medium date "
                    "formats insert U+200F; never copy them into records)"
                ),
            )
    if _ARABIC_LETTER.search(text):
        for char, (shown, fixed, name, arabic) in _PERSIAN.items():
            if char in text:
                yield Finding(
                    "text-persian-letter",
                    _(
                        "Persian letter {name} «{shown}» in Arabic text; it looks like {arabic} "
                        "but is a different character"
                    ).format(name=name, shown=shown, arabic=arabic),
                    display,
                    Severity.WARNING,
                    json_path=path,
                    hint=_("replace «{shown}» with «{fixed}» ({arabic})").format(
                        shown=shown, fixed=fixed, arabic=arabic
                    ),
                )
    if _TATWEEL in text:
        yield Finding(
            "text-tatweel",
            _("tatweel (U+0640 «ـ») stretches letters for display and breaks searching"),
            display,
            Severity.WARNING,
            json_path=path,
            hint=_("delete the tatweel characters"),
        )
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    if _ARABIC_INDIC.search(text) and (
        key in _MACHINE_KEYS or re.fullmatch(r"[\d\u0660-\u0669\u06f0-\u06f9:/-]+", text)
    ):
        western = text.translate(_TO_WESTERN)
        yield Finding(
            "text-arabic-digits",
            _("Arabic-Indic digits in a date or id: `{text}`").format(text=text),
            display,
            Severity.WARNING,
            json_path=path,
            hint=_(
                "write it with Western digits: `{western}` (Arabic documents still show Western "
                "digits in Morocco)"
            ).format(western=western),
        )


@cache
def _hygiene_trigger() -> re.Pattern[str] | None:
    chars = set(_BIDI_CONTROLS) | set(_INVISIBLE) | set(_PERSIAN)
    chars.add(_TATWEEL)
    chars |= {chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
    digits = _ARABIC_INDIC.pattern
    if not (digits.startswith("[") and digits.endswith("]")):
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + digits[1:-1] + "\\\\]")


def may_find(text: str) -> bool:
    """False only when the checks of this module cannot find anything in a file of this text.

    One regular-expression search of the file for any character they look for (or a backslash,
    which could write one as an escape) is much cheaper than walking every string of the record.
    ``PROTSOC_NO_FASTPATH=1`` turns it off, as the schema fast path."""
    if not fastpath.enabled():
        return True
    trigger = _hygiene_trigger()
    return trigger is None or trigger.search(text) is not None
