"""Helpers shared by the site tests: a synthetic registry committed on a known day, and a crawl
of a built site's links and assets."""

from __future__ import annotations

import copy
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from test_render_support import MEETING, build_registry, write

COMMIT_DAY = "2025-04-02"
APPROVED = {
    "status": "approved",
    "approved_on": "2025-03-20",
    "approvals": [
        {"member": "interior", "date": "2025-03-10"},
        {"member": "health", "date": "2025-03-20"},
    ],
}


def committed_registry(root: Path, approved: bool = False) -> Path:
    """The synthetic registry of the render tests (draft minutes unless ``approved``), committed
    on ``COMMIT_DAY`` so «last updated» is known."""
    meeting: dict[str, Any] = copy.deepcopy(MEETING)
    if approved:
        from protsoc.governance.seal import seal

        meeting["minutes"] = copy.deepcopy(APPROVED)
        meeting["minutes"]["seal"] = seal(meeting)  # approved minutes are sealed (seal-missing)
    registry = build_registry(root, meeting)
    commit(root, "synthetic registry")
    return registry


def commit(root: Path, message: str, day: str = COMMIT_DAY) -> None:
    stamp = f"{day}T10:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for args in (
        ["add", "-A"],
        [
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t.invalid",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "-m",
            message,
        ],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


__all__ = ["Page", "commit", "committed_registry", "links_of", "parse", "write"]


class Page(HTMLParser):
    """What a test needs of one HTML page: its links, the <html> attributes, headings, tables,
    images, inline scripts and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag.attribute, value)
        self.html_attrs: dict[str, str] = {}
        self.headings: list[int] = []
        self.ids: set[str] = set()
        self.tables = 0
        self.header_cells = 0
        self.images: list[dict[str, str | None]] = []
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.svgs: list[dict[str, str | None]] = []
        self._script_has_src = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.html_attrs = {k: v or "" for k, v in found.items()}
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "table":
            self.tables += 1
        if tag == "th":
            self.header_cells += 1
        if tag == "img":
            self.images.append(found)
        if tag == "svg":
            self.svgs.append(found)
        if tag == "script":
            if found.get("src"):
                self._script_has_src = True
            else:
                self.inline_scripts += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src", "action", "xlink:href") and value is not None:
                self.links.append((f"{tag}.{name}", value))


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def links_of(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".css":
        return [("css.url", url) for url in CSS_URL.findall(path.read_text(encoding="utf-8"))]
    return parse(path).links


VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Structure(HTMLParser):
    """Well-formedness as the templates promise it: every element closed, in order (no implied
    end tags are relied on), no attribute twice on one element, no id twice on one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.ids: set[str] = set()
        self.doctype = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append(f"<{tag}> repeats an attribute: {names}")
        for name, value in attrs:
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"id {value!r} twice")
                self.ids.add(str(value))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)  # <path .../> inside SVG

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"</{tag}> closes a void element")
        elif not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> while {self.open[-3:]} are open")
        else:
            self.open.pop()


def structure_problems(path: Path) -> list[str]:
    checker = Structure()
    checker.feed(path.read_text(encoding="utf-8"))
    checker.close()
    problems = checker.problems + ([f"unclosed: {checker.open}"] if checker.open else [])
    return problems + ([] if checker.doctype else ["no <!DOCTYPE html>"])
