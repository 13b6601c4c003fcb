"""``protsoc site``: validate, compute, write every page, the data and the assets.

Nothing is published from an invalid registry: validation runs first and an invalid registry
is an error before any file is written. The site is written to a fresh folder next to the
output and swapped in at the end, so a failed build leaves the previous site as it was.
An existing output folder is replaced only when protsoc wrote it (it holds ``MARKER``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protsoc.documents import arabic, charts, templating
from protsoc.kernel import resources
from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.site import data, gitdates, model, words
from protsoc.site.pages import PageWriter, inline_chart, language_context

MARKER = ".protsoc-site"
# Debian's fonts-hosny-amiri (SIL Open Font License 1.1): bundled with its licence so pages
# never ask a font server; without it the pages fall back to the reader's own fonts.
AMIRI_FOLDERS = (
    Path("/usr/share/fonts/opentype/fonts-hosny-amiri"),
    Path("/usr/share/fonts/truetype/fonts-hosny-amiri"),
)
AMIRI_LICENCE = Path("/usr/share/doc/fonts-hosny-amiri/copyright")
FONT_FILES = (("Amiri-Regular.ttf", "normal"), ("Amiri-Bold.ttf", "bold"))


@dataclass
class Built:
    """What a build wrote."""

    out: Path
    pages: int
    files: int
    archive: str
    languages: tuple[str, ...]
    font_bundled: bool


def parse_languages(value: str | None) -> tuple[str, ...]:
    """``ar,fr`` -> ("ar", "fr"), Arabic first whatever the order given."""
    if value is None:
        return words.LANGUAGES
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [code for code in chosen if code not in words.LANGUAGES]
    if unknown or not chosen:
        raise UsageError(
            f"--lang {value!r}: the site speaks {', '.join(words.LANGUAGES)}",
            "e.g. --lang ar,fr or --lang ar",
        )
    return tuple(code for code in words.LANGUAGES if code in chosen)


def build(
    registry_root: Path,
    out: Path,
    as_of: dt.date | None = None,
    base_url: str = "",
    languages: Sequence[str] = words.LANGUAGES,
    templates: Sequence[Path] = (),
    pdf: bool = False,
) -> Built:
    """Build the site into ``out``; ``pdf`` also renders each approved meeting's minutes as PDF
    with the documents layer (documents/render.py, the same file as ``protsoc render minutes``)
    and links it from the meeting's pages. Draft minutes are never rendered."""
    from protsoc.kernel import dates
    from protsoc.registry.loaded import Registry
    from protsoc.validate.pipeline import validate

    _check_output(out)
    if base_url and not base_url.startswith(("https://", "http://")):
        raise UsageError(
            f"--base-url {base_url!r} is not an http(s) address",
            "e.g. --base-url https://example.org/dashboard/",
        )
    result = validate(registry_root, [])
    if not result.is_valid(False):
        raise InvalidRecord(
            f"the registry is invalid ({len(result.errors)} errors): nothing was published",
            "run `protsoc validate`, fix what it lists, then build the site again",
        )
    as_of = as_of or dates.today()
    registry = Registry.load(registry_root)
    content = model.build(registry, as_of, gitdates.last_commit_days(registry_root))

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".protsoc-site-", dir=out.parent))
    try:
        if pdf:
            _minutes_pdfs(staging, content, registry, templates)
        built = _write(staging, content, registry, tuple(languages), base_url, templates)
        (staging / MARKER).write_text(
            "written by protsoc site; replaced by each build\n", encoding="utf-8"
        )
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    built.out = out
    return built


def _minutes_pdfs(out: Path, content: model.Site, registry: Any, templates: Sequence[Path]) -> None:
    """``minutes/<committee>/<date>.pdf`` for every approved meeting; each meeting entry gets the
    file's path (relative to the site's top folder) as ``pdf``."""
    from protsoc.documents.render import render

    for meeting in content.meetings:
        if not meeting["approved"]:  # drafts are never published, not even as a PDF
            continue
        rendered = render(registry, "minutes", "pdf", meeting_id=meeting["id"], templates=templates)
        relative = f"minutes/{meeting['id']}.pdf"
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        data = rendered.content
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        meeting["pdf"] = relative


def _check_output(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file", "give -o a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UsageError(
            f"{out} is not empty and was not written by `protsoc site`",
            "give -o a new or empty folder, or the folder of a previous build",
        )


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write(
    out: Path,
    content: model.Site,
    registry: Any,
    languages: tuple[str, ...],
    base_url: str,
    templates: Sequence[Path],
) -> Built:
    folders = templating.search_path(registry.root, templates)
    writer = PageWriter(out, folders, arabic.month_starts(registry.manifest))
    font_bundled = _assets(out, folders)
    _, archive = data.write(content, out)
    datasets = [
        {"name": name, "description": spec["description"], "schema": data.schema_path(name)}
        for name, spec in data.DATASETS.items()
    ]
    meetings_of: dict[str, list[dict[str, Any]]] = {}
    for meeting in content.meetings:
        meetings_of.setdefault(meeting["committee"], []).append(meeting)
    axis_titles = {a["id"]: a["title"] for a in content.roadmap["axes"]}
    action_titles = {x["id"]: x["title"] for a in content.roadmap["axes"] for x in a["actions"]}
    contexts = {}
    for lang in languages:
        shared = contexts[lang] = language_context(content, lang, base_url, languages)
        shared["axis_titles"] = axis_titles
        shared["meetings_of"] = meetings_of
        shared["action_titles"] = action_titles
        shared["evaluation_titles"] = {e["id"]: e["title"] for e in content.evaluations}
        writer.write(shared, "index.html", "home.html.j2")
        writer.write(shared, "indicators/index.html", "indicators.html.j2")
        chart_words = words.chart_words(lang)
        for item in content.indicators:
            chart = ""
            if item["observations"]:
                name = shared["pt"](item["name"])
                svg = charts.indicator_chart_svg(
                    name,
                    shared["pt"](item["unit"]),
                    item["observations"],
                    item["target"],
                    chart_words,
                )
                label = f"{words.word('chart', lang)}{words.COLON[lang]} {name}"
                chart = _markup(inline_chart(svg, label, lang, _arabic_only(item, lang)))
            writer.write(
                shared, f"indicators/{item['id']}.html", "indicator.html.j2", i=item, chart=chart
            )
        writer.write(shared, "committees/index.html", "committees.html.j2")
        for committee in content.committees:
            writer.write(
                shared, f"committees/{committee['id']}.html", "committee.html.j2", c=committee
            )
        writer.write(shared, "meetings/index.html", "meetings.html.j2")
        writer.write(shared, "decisions.html", "decisions.html.j2")
        writer.write(shared, "roadmap.html", "roadmap.html.j2")
        writer.write(shared, "evaluations.html", "evaluations.html.j2")
        if content.programmes:
            writer.write(shared, "programmes/index.html", "programmes.html.j2")
            for item in content.programmes:
                writer.write(shared, f"programmes/{item['id']}.html", "programme.html.j2", p=item)
        writer.write(shared, "data.html", "data.html.j2", datasets=datasets, archive=archive)
        writer.write(shared, "search.html", "search.html.j2")
        writer.put(out / "assets" / f"search-{lang}.js", _search_index(content, lang))
    _meeting_pages_of(writer, contexts, content.meetings)
    writer.write_plain(
        "index.html",
        "root.html.j2",
        {
            "title_ar": words.word("site_title", "ar"),
            "title_fr": words.word("site_title", "fr"),
            "languages": languages,
        },
    )
    (out / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve every file as is
    files = sum(1 for path in out.rglob("*") if path.is_file())
    pages = sum(1 for path in out.rglob("*.html"))
    return Built(out, pages, files, archive, languages, font_bundled)


# What the forked workers of ``_meeting_pages_of`` render from: set just before they are forked
# (they inherit it), cleared after. Only the page numbers travel between processes.
_JOB: dict[str, Any] = {}


def _meeting_pages_of(
    writer: PageWriter, contexts: dict[str, dict[str, Any]], meetings: list[dict[str, Any]]
) -> None:
    """One page per meeting and language: nearly all of a large registry's pages (20,000 of
    20,500 at 10,000 meetings). Each is independent, so they are written on every idle core
    (registry/pool.py: worker processes only when there are many pages and free cores)."""
    from protsoc.registry import pool

    pages = [(lang, index) for lang in contexts for index in range(len(meetings))]
    _JOB.update(writer=writer, contexts=contexts, meetings=meetings)
    try:
        if pool.map_chunks(_write_meeting_pages, pages) is None:
            _write_meeting_pages(pages)
    finally:
        _JOB.clear()


def _write_meeting_pages(pages: list[tuple[str, int]]) -> list[int]:
    writer, contexts, meetings = _JOB["writer"], _JOB["contexts"], _JOB["meetings"]
    for lang, index in pages:
        meeting = meetings[index]
        writer.write(contexts[lang], f"meetings/{meeting['id']}.html", "meeting.html.j2", m=meeting)
    return [len(pages)]


def _arabic_only(item: dict[str, Any], lang: str) -> bool:
    """A French page's chart still has an Arabic title when the record has no French name."""
    return lang != "ar" and not item["name"].get(lang)


def _markup(html: str) -> Any:
    from markupsafe import Markup

    return Markup(html)  # documents/charts.py escapes every text it writes into the SVG


def _assets(out: Path, folders: Sequence[Path]) -> bool:
    """site.css (with @font-face when Amiri is bundled), search.js, the fonts and their licence."""
    static = _static_folder(folders)
    assets = out / "assets"
    (assets / "fonts").mkdir(parents=True, exist_ok=True)
    faces = []
    font_folder = next(
        (folder for folder in AMIRI_FOLDERS if (folder / FONT_FILES[0][0]).is_file()), None
    )
    if font_folder is not None:
        for name, weight in FONT_FILES:
            if (font_folder / name).is_file():
                shutil.copyfile(font_folder / name, assets / "fonts" / name)
                faces.append(
                    f'@font-face {{ font-family: "Amiri"; font-weight: {weight}; font-style: '
                    "normal; "
                    f'font-display: swap; src: url("fonts/{name}") format("truetype"); }}\n'
                )
        if AMIRI_LICENCE.is_file():
            shutil.copyfile(AMIRI_LICENCE, assets / "fonts" / "Amiri-LICENSE.txt")
    css = (static / "site.css").read_text(encoding="utf-8")
    (assets / "site.css").write_text("".join(faces) + css, encoding="utf-8")
    shutil.copyfile(static / "search.js", assets / "search.js")
    return bool(faces)


def _static_folder(folders: Sequence[Path]) -> Path:
    for folder in folders:
        candidate = folder / "site" / "static"
        if (candidate / "site.css").is_file():
            return candidate
    return resources.template_dir() / "site" / "static"


def _search_index(content: model.Site, lang: str) -> str:
    """``window.PROTSOC_SEARCH = [...]``: a script, not JSON, because browsers refuse to
    ``fetch`` a file next to a page opened from ``file://``. URLs are relative to search.html."""

    def text(value: Any) -> str:
        if isinstance(value, dict):
            return str(value.get(lang) or value.get("ar") or "")
        return "" if value is None else str(value)

    entries = []
    kind = {
        key: words.word(key, lang)
        for key in (
            "indicators",
            "committees",
            "meetings",
            "decisions",
            "roadmap",
            "evaluations",
            "programmes",
        )
    }
    for item in content.indicators:
        entries.append(
            {
                "t": text(item["name"]),
                "u": f"indicators/{item['id']}.html",
                "k": kind["indicators"],
                "x": " ".join([item["id"], text(item["unit"]), text(item["note"])]),
            }
        )
    for committee in content.committees:
        entries.append(
            {
                "t": text(committee["name"]),
                "u": f"committees/{committee['id']}.html",
                "k": kind["committees"],
                "x": " ".join(
                    [committee["id"], text(committee["short_name"])]
                    + [m["title"] + " " + m["holder"] for m in committee["members"]]
                ),
            }
        )
    names = {c["id"]: text(c["short_name"]) for c in content.committees}
    for meeting in content.meetings:
        extra = []
        if meeting["minutes"]:
            extra = [a["title"] for a in meeting["minutes"]["agenda"]] + [
                d["text"] for d in meeting["minutes"]["decisions"]
            ]
        entries.append(
            {
                "t": (
                    f"{names.get(meeting['committee'], meeting['committee'])} — "
                    f"{words.date(meeting['date'], lang)}"
                ),
                "u": f"meetings/{meeting['id']}.html",
                "k": kind["meetings"],
                "x": " ".join([meeting["id"], *extra]),
            }
        )
    for decision in content.decisions:
        entries.append(
            {
                "t": decision["text"],
                "u": f"meetings/{decision['meeting']}.html",
                "k": kind["decisions"],
                "x": " ".join(
                    [decision["ref"], decision["owner"]] + [a["title"] for a in decision["actions"]]
                ),
            }
        )
    for axis in content.roadmap["axes"]:
        entries.append(
            {
                "t": text(axis["title"]),
                "u": f"roadmap.html#axis-{axis['id']}",
                "k": kind["roadmap"],
                "x": " ".join(a["title"] for a in axis["actions"]),
            }
        )
    for item in content.programmes:
        entries.append(
            {
                "t": text(item["name"]),
                "u": f"programmes/{item['id']}.html",
                "k": kind["programmes"],
                "x": " ".join(
                    [item["id"], text(item["short_name"]), text(item["note"])]
                    + [str(body.get("name") or "") for body in item["managing_bodies"]]
                ),
            }
        )
    for evaluation in content.evaluations:
        entries.append(
            {
                "t": text(evaluation["title"]),
                "u": "evaluations.html",
                "k": kind["evaluations"],
                "x": text(evaluation["evaluator"]),
            }
        )
    return "window.PROTSOC_SEARCH = " + json.dumps(entries, ensure_ascii=False) + ";\n"
