"""The site's HTML pages, per language, through protsoc's one Jinja factory.

Pages get their words through small functions in the context (``w``, ``date``, ``num``…), not
through global filters: the factory's filters are the documents' and stay as they are. Record
text is untrusted (a pull request writes it): templates autoescape, and ``rt`` escapes it too
while marking an Arabic-only text inside a French page ``lang="ar" dir="rtl"``, so screen
readers switch voice and the browser lays it out right to left.

Every link is relative (``root`` is the way back to the site's top folder), so the same files
work from ``file://``, from a sub-folder of any static host and from GitHub Pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from protsoc.documents import arabic, templating
from protsoc.site import words
from protsoc.site.model import Site

TEMPLATE_DIR = "site"


def rt_for(lang: str) -> Callable[[Any], Any]:
    """The record-text function of a language's pages (see the module's docstring). Memoised:
    a large registry repeats the same committee names, post titles and decisions on thousands
    of pages, and isolating Latin runs costs tens of microseconds a text."""
    from markupsafe import Markup, escape

    done: dict[Any, Any] = {}

    def rt(value: Any) -> Any:
        key = tuple(sorted(value.items())) if isinstance(value, dict) else value
        try:
            return done[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable value (a list in a record): not memoised
            return _rt(value)
        found = done[key] = _rt(value)
        return found

    def _rt(value: Any) -> Any:
        if isinstance(value, dict):
            if value.get(lang):
                chosen, text = lang, str(value[lang])
            elif value.get("ar"):
                chosen, text = "ar", str(value["ar"])
            else:
                chosen, text = "", ""
        else:
            chosen, text = "ar", "" if value is None else str(value)
        if not text:
            return ""
        if chosen == "ar":
            inner = templating.ltr(text)  # Latin and number runs stay left to right
            if lang != "ar":
                return Markup('<span lang="ar" dir="rtl">') + inner + Markup("</span>")
            return inner
        return escape(text)

    return rt


def plain(value: Any, lang: str) -> str:
    """A record text as plain text (``<title>``, attributes, the search index)."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ar") or "")
    return "" if value is None else str(value)


def language_context(
    site: Site, lang: str, base_url: str, languages: Sequence[str] = words.LANGUAGES
) -> dict[str, Any]:
    """What every page of ``lang`` shares."""
    other = [code for code in languages if code != lang]

    def measure(value: Any, kind: str) -> str:
        return words.measure(value, kind, lang)

    return {
        "lang": lang,
        "dir": words.DIRECTION[lang],
        "colon": words.COLON[lang],
        "others": [{"code": code, "name": words.LANGUAGE_NAME[code]} for code in other],
        "base_url": base_url.rstrip("/") + "/" if base_url else "",
        "w": lambda key: words.word(key, lang),
        "pick": lambda table, key: words.pick(getattr(words, table), key, lang),
        "date": lambda value: words.date(value, lang),
        "num": lambda value: words.number(value, lang),
        "measure": measure,
        "amount": lambda value: words.amount(value, lang),
        "rate": lambda value: words.rate(value, lang),
        "signed": lambda value, kind: words.signed(value, kind, lang),
        "count": lambda value, noun: words.count(value, noun, lang),
        "rule": lambda committee: words.cadence_rule(committee["rule"], committee["rule_ar"], lang),
        "rt": rt_for(lang),
        "pt": lambda value: plain(value, lang),
        "site": site,
        "as_of": site.as_of,
        "committee_names": {c["id"]: c["short_name"] for c in site.committees},
        "indicator_names": {i["id"]: i["name"] for i in site.indicators},
    }


# The pages the menu links to: only they mark their own entry (aria-current).
MENU_PAGES = frozenset(
    (
        "index.html",
        "indicators/index.html",
        "committees/index.html",
        "meetings/index.html",
        "decisions.html",
        "roadmap.html",
        "evaluations.html",
        "programmes/index.html",
        "data.html",
        "search.html",
    )
)


class PageWriter:
    """Renders pages of one language into ``out/<lang>/``.

    The menu and the footer are the same on every page of one language and folder depth (the
    menu also marks the page it is on, for the menu's own pages): they are rendered once per
    such key and passed to the layout as ``nav`` and ``footer``, not again for each of the
    20,000 pages of a large registry."""

    def __init__(
        self, out: Path, folders: Sequence[Path], starts: arabic.MonthStarts | None
    ) -> None:
        self.out = out
        self.env = templating.environment(folders, starts)
        self.written: list[Path] = []
        self._parts: dict[tuple[str, str, str], Any] = {}

    def write(self, shared: dict[str, Any], relative: str, template: str, **page: Any) -> Path:
        """Render ``template`` to ``out/<lang>/<relative>``; ``relative`` uses ``/``."""
        depth = relative.count("/") + 1  # the language folder, then sub-folders
        context = {**shared, **page, "root": "../" * depth, "here": relative}
        context["nav"] = self._part("nav", context, relative if relative in MENU_PAGES else "")
        context["footer"] = self._part("footer", context, "")
        html = self._render(f"{TEMPLATE_DIR}/{template}", context)
        target = self.out / shared["lang"] / relative
        return self.put(target, html)

    def write_plain(self, relative: str, template: str, context: dict[str, Any]) -> Path:
        html = self._render(f"{TEMPLATE_DIR}/{template}", {**context, "root": ""})
        return self.put(self.out / relative, html)

    def put(self, target: Path, text: str) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.written.append(target)
        return target

    def _part(self, name: str, context: dict[str, Any], here: str) -> Any:
        from markupsafe import Markup

        key = (name, context["lang"] + context["root"], here)
        if key not in self._parts:  # rendered by autoescaping templates: safe as it is
            html = self._render(f"{TEMPLATE_DIR}/_{name}.html.j2", {**context, "here": here})
            self._parts[key] = Markup(html.rstrip("\n"))
        return self._parts[key]

    def _render(self, template: str, context: dict[str, Any]) -> str:
        from jinja2 import TemplateError

        from protsoc.kernel.errors import InvalidRecord

        try:
            return str(self.env.get_template(template).render(**context))
        except TemplateError as error:  # a broken or overriding template: name it
            raise InvalidRecord(
                f"template {template} failed: {error}", "fix the template"
            ) from None


def inline_chart(svg: str, label: str, lang: str, arabic_title: bool = False) -> str:
    """documents/charts.py's SVG, made an inline image: no XML prolog, a role and a name for
    screen readers (the data table after it is the accessible alternative). Its labels are in
    the page's language; ``lang="ar"`` only when a French page's chart keeps an Arabic title
    (a record without a French name)."""
    body = svg[svg.index("<svg") :]
    from markupsafe import escape

    attributes = f'<svg role="img" aria-label="{escape(label)}" class="chart-svg" focusable="false"'
    if arabic_title and lang != "ar":
        attributes += ' lang="ar"'
    return attributes + body[len("<svg") :]
