"""The one Jinja factory of protsoc.

Templates run in Jinja's sandbox (a registry may ship its own templates, and a pull request may
change them), undefined variables are errors (``StrictUndefined``: never a silent blank in an
official document), and HTML output is autoescaped, so a decision text containing ``<script>``
is shown, not executed. Every filter is registered here, in ``FILTERS``.

Lookup order: ``--templates DIR``, then the registry's own ``templates/`` folder (next to
``registry/``), then the templates shipped with protsoc. Jinja is imported inside the functions:
the CLI must start without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from protsoc.documents import arabic
from protsoc.kernel import resources
from protsoc.kernel.errors import EnvironmentProblem, InvalidRecord

# A Latin or number run inside Arabic text. WeasyPrint resolves bidi per line, so such runs must
# be wrapped in <span dir="ltr"> or they come out reversed («4 000 000» → «000 000 4»), also when
# they wrap. A run is ASCII that starts and ends with a letter, digit or bracket: a closing
# bracket alone inside the span rendered «(RSU)» as «((RSU», and a sentence's final full stop
# must stay outside (in the RTL paragraph it belongs at the line's left end).
_LTR_RUN = re.compile(r"[A-Za-z0-9<(\[][ -~]*[A-Za-z0-9%>)\]]|[A-Za-z0-9]")


def ltr(value: Any) -> Any:
    """HTML: wrap every Latin/number run of ``value`` in ``<span dir="ltr">``, escaping the rest."""
    text = str(value)
    # Short values (dates, names, counts) repeat thousands of times in a report: memoised.
    return _markup()(_ltr_short(text) if len(text) <= 160 else _ltr_html(text))


@functools.cache
def _markup() -> Any:
    """markupsafe's Markup, imported on first use (not at start-up) but not on every call."""
    from markupsafe import Markup

    return Markup


def _ltr_html(text: str) -> str:
    """``ltr`` as a plain string. Escaping works character by character, so escaping each piece
    is escaping the whole; plain str joins are several times cheaper than Markup's ``%`` and
    ``join`` (a report applies this to tens of thousands of values)."""
    from markupsafe import escape

    pieces: list[str] = []
    position = 0
    for match in _LTR_RUN.finditer(text):
        start, end = match.span()
        pieces.append(escape(text[position:start]))
        pieces.append('<span dir="ltr">')
        pieces.append(escape(match.group(0)))
        pieces.append("</span>")
        position = end
    if not pieces:
        return str(escape(text))
    pieces.append(escape(text[position:]))
    return "".join(pieces)


_ltr_short = functools.lru_cache(maxsize=16384)(_ltr_html)


def text_of(value: Any, lang: str = "ar") -> str:
    """The wording of a multilingual record text ``{ar:, fr:, en:}`` (Arabic when ``lang`` is missing)."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ar") or "")
    return "" if value is None else str(value)


def md_escape(value: Any) -> str:
    """Markdown: keep record text from opening HTML tags or tables (``<``, ``|``)."""
    return str(value).replace("<", "&lt;").replace("|", "\\|")


def _date_filter(function: Callable[[Any], str]) -> Callable[[Any], str]:
    """A date filter whose bad input («2025-02-30») is an invalid-record error, not a crash."""

    def apply(value: Any) -> str:
        try:
            return function(value)
        except (TypeError, ValueError):
            raise InvalidRecord(
                f"{value!r} is not a date",
                "write dates as YYYY-MM-DD; `protsoc validate` lists every problem",
            ) from None

    return apply


FILTERS: dict[str, Callable[..., Any]] = {
    "date_ar": _date_filter(arabic.date_long),
    "day_ar": _date_filter(lambda value: arabic.date_long(value, with_weekday=True)),
    "weekday_ar": _date_filter(arabic.weekday),
    "month_year_ar": _date_filter(arabic.month_year),
    "num": arabic.number,
    "pct": arabic.percent,
    "count_ar": arabic.count,
    "text": text_of,
    "ltr": ltr,
    "md": md_escape,
}


def search_path(registry_root: Path | None = None, extra: Sequence[Path] = ()) -> list[Path]:
    """Folders searched for templates, first match wins."""
    folders: list[Path] = []
    for folder in extra:
        if not Path(folder).is_dir():
            raise EnvironmentProblem(
                f"the templates folder {folder} does not exist",
                "give an existing folder to --templates, or leave the option out",
            )
        folders.append(Path(folder))
    if registry_root is not None:
        own = registry_root.parent / "templates"
        if own.is_dir():
            folders.append(own)
    shipped = resources.template_dir()
    if shipped not in folders:
        folders.append(shipped)
    return folders


def environment(folders: Sequence[Path], hijri_starts: arabic.MonthStarts | None = None) -> Any:
    """A sandboxed Jinja environment over ``folders``; HTML templates (``*.html.j2``) autoescape."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(folder) for folder in folders]),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name) and name.endswith((".html.j2", ".html")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)

    def hijri_ar(value: Any) -> str:
        try:
            return arabic.hijri_long(value, hijri_starts)
        except (TypeError, ValueError) as error:
            raise InvalidRecord(
                f"no Hijri date for {value!r}: {error}",
                "check the record's date; the converter covers 1924-2077",
            ) from None

    env.filters["hijri_ar"] = hijri_ar
    return env


def render(
    template: str,
    context: dict[str, Any],
    folders: Sequence[Path],
    hijri_starts: arabic.MonthStarts | None = None,
) -> str:
    """Render one template; template mistakes become errors that name the template and line."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    env = environment(folders, hijri_starts)
    try:
        return str(env.get_template(template).render(**context))
    except TemplateNotFound as error:
        raise EnvironmentProblem(
            f"template {error.name} not found in {', '.join(str(f) for f in folders)}",
            "restore the template, or remove the overriding templates/ folder",
        ) from None
    except TemplateSyntaxError as error:
        raise InvalidRecord(
            f"template {error.filename or error.name}:{error.lineno}: {error.message}",
            "fix the template's Jinja syntax",
        ) from None
    except SecurityError as error:
        raise InvalidRecord(
            f"template {template} tried something the sandbox forbids: {error}",
            "templates may only read the document's data and use protsoc's filters",
        ) from None
    except UndefinedError as error:
        raise InvalidRecord(
            f"template {template} uses an undefined value: {error.message}",
            "use only the variables protsoc passes (see the shipped templates), "
            "or guard optional ones with `is defined`",
        ) from None
    except TemplateError as error:
        raise InvalidRecord(f"template {template} failed: {error}", "fix the template") from None
