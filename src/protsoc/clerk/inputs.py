"""Checking a value a clerk typed: ids, dates, times, allowed values, text, numbers, percentages.

Each check names the *field* the value was for (``due``, ``decision.text``…), not the way it
was typed: the same value may come from an option (``--due``), from a prompt, or from a future
form. An ``InvalidInput`` keeps the field and a message template with a ``{what}`` slot; the
command-line layer fills the slot with what the clerk actually used (``InvalidInput.named``).
Until then the message names the field itself.
"""

from __future__ import annotations

import math
import re

from protsoc.kernel import dates
from protsoc.kernel.errors import UsageError
from protsoc.kernel.i18n import _
from protsoc.registry import yamlio
from protsoc.registry.layout import is_slug

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_MEETING_ID = re.compile(r"^([a-z0-9][a-z0-9-]*)/(\d{4}-\d{2}-\d{2}(?:-[1-9]\d*)?)$")
DECISION_REF = re.compile(r"^([a-z0-9][a-z0-9-]*/\d{4}-\d{2}-\d{2}(?:-[1-9]\d*)?)/(d[1-9]\d*)$")
POST_REF = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*$")


class InvalidInput(UsageError):
    """A value typed for ``field`` is missing or not acceptable.

    ``problem`` is the (translated) message with ``{what}`` where the field is named; ``named``
    gives the same error naming the field as the clerk gave it (an option, a prompt).
    """

    def __init__(self, field: str, problem: str, hint: str | None, label: str | None = None):
        self.field = field
        self.problem = problem
        super().__init__(problem.format(what=label or field), hint)

    def named(self, label: str) -> InvalidInput:
        return InvalidInput(self.field, self.problem, self.hint, label)


def quoted(value: object) -> str:
    """A value as the problem templates quote it (``{value!r}``), safe to put into a template."""
    return repr(value).replace("{", "{{").replace("}", "}}")


def slug(value: str | None, field: str) -> str:
    """An id typed by a user: a slug, never a path (``../x``, ``/etc``, NUL are refused)."""
    if value is None or value == "":
        raise InvalidInput(
            field,
            _("{what} is required"),
            _("give it as an option, or run on a terminal to be asked"),
        )
    if not is_slug(value) or len(value) > 80:
        raise InvalidInput(
            field,
            _("{what} {value!r} is not a valid id").replace("{value!r}", quoted(value)),
            _(
                "ids are lowercase ASCII letters, digits and hyphens (e.g. sg-interior); "
                "they name files, "
                "so '/', '..', spaces and other characters are refused"
            ),
        )
    return value


def date(value: str | None, field: str, required: bool = False) -> str | None:
    """A real calendar date written YYYY-MM-DD (None when not given and not required)."""
    if value is None or value == "":
        if required:
            raise InvalidInput(field, _("{what} is required"), _("write it as YYYY-MM-DD"))
        return None
    if not _DATE.match(value) or dates.parse(value) is None:
        if _DATE.match(value) and not dates.FIRST_YEAR <= int(value[:4]) <= dates.LAST_YEAR:
            raise InvalidInput(
                field,
                _("{what} {value!r} is outside the years protsoc computes with").replace(
                    "{value!r}", quoted(value)
                ),
                _("give a date from {first}-01-01 to {last}-12-31").format(
                    first=dates.FIRST_YEAR, last=dates.LAST_YEAR
                ),
            )
        raise InvalidInput(
            field,
            _("{what} {value!r} is not a real date").replace("{value!r}", quoted(value)),
            _("write an existing date as YYYY-MM-DD, e.g. 2025-02-28"),
        )
    return value


def clock(value: str | None, field: str) -> str | None:
    """A time of day, HH:MM on the 24-hour clock."""
    if value is None or value == "":
        return None
    if not _TIME.match(value):
        raise InvalidInput(
            field,
            _("{what} {value!r} is not a time").replace("{value!r}", quoted(value)),
            _("write it as HH:MM on the 24-hour clock, e.g. 10:30"),
        )
    return value


def choice(
    value: str | None, field: str, allowed: tuple[str, ...], required: bool = True
) -> str | None:
    """One of the allowed values (governance.vocabulary holds the lists)."""
    if value is None or value == "":
        if required:
            raise InvalidInput(
                field,
                _("{what} is required"),
                _("use one of: {choices}").format(choices=", ".join(allowed)),
            )
        return None
    if value not in allowed:
        raise InvalidInput(
            field,
            _("{what} {value!r} is not one of the allowed values").replace(
                "{value!r}", quoted(value)
            ),
            _("use one of: {choices}").format(choices=", ".join(allowed)),
        )
    return value


def text(value: str | None, field: str, required: bool = True) -> dict[str, str] | None:
    """Free text as typed (record content is never translated), as the registry's {ar: …}."""
    if value is None or not value.strip():
        if required:
            raise InvalidInput(
                field,
                _("{what} is required"),
                _("give it as an option, or run on a terminal to be asked"),
            )
        return None
    if "\x00" in value:
        raise InvalidInput(field, _("{what} holds a NUL character"), _("retype the text"))
    return {"ar": value.strip()}


def meeting_id(value: str | None) -> str:
    """A meeting id, <committee>/<YYYY-MM-DD>[-N] (whether it exists is the desk's question)."""
    if not value:
        raise InvalidInput(
            "meeting",
            _("the meeting is required"),
            _("give it as <committee>/<YYYY-MM-DD>, e.g. technical/2025-03-10"),
        )
    if not _MEETING_ID.match(value):
        raise InvalidInput(
            "meeting",
            _("{value!r} is not a meeting id").replace("{value!r}", quoted(value)),
            _("give it as <committee>/<YYYY-MM-DD>, e.g. technical/2025-03-10"),
        )
    return value


def percentage(value: int | None, field: str) -> int | None:
    """A whole percentage from 0 to 100 (None when not given)."""
    if value is not None and not 0 <= value <= 100:
        raise InvalidInput(
            field,
            _("{what} {value} is not a percentage").replace("{value}", quoted(value)),
            _("give a whole number from 0 to 100"),
        )
    return value


def number(value: str | None, field: str) -> int | float:
    """A figure in Western digits: an int when written as one, else a float."""
    if value is None or value == "":
        raise InvalidInput(
            field,
            # Still names the option: its translations would change with a {what} template.
            _("--value is required"),
            _("give the figure in the indicator's unit (e.g. 11100000)"),
        )
    try:
        figure = float(value)
    except ValueError:
        raise InvalidInput(
            field,
            _("{what} {value!r} is not a number").replace("{value!r}", quoted(value)),
            _(
                "write the number with Western digits and a dot, "
                "in units (11100000, not 11.1 million)"
            ),
        ) from None
    if not math.isfinite(figure) or len(value) > yamlio.MAX_NUMBER_TEXT:
        raise InvalidInput(
            field,
            _("{what} {value!r} is not a number").replace("{value!r}", quoted(value[:40])),
            None,
        )
    if abs(figure) > yamlio.MAX_NUMBER:
        raise InvalidInput(
            field,
            _("{what} {value!r} is beyond what protsoc computes").replace(
                "{value!r}", quoted(value[:40])
            ),
            _("registry numbers are at most {digits} digits").format(
                digits=yamlio.MAX_NUMBER_DIGITS
            ),
        )
    return (
        int(figure)
        if figure.is_integer() and "." not in value and "e" not in value.lower()
        else figure
    )
