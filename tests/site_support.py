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

from test_render_support import MANIFEST, MEETING, SRC, build_registry, write

COMMIT_DAY = "2025-04-02"
APPROVED = {
    "status": "approved",
    "approved_on": "2025-03-20",
    "approvals": [
        {"member": "interior", "date": "2025-03-10"},
        {"member": "health", "date": "2025-03-20"},
    ],
}


def _budget(ident: str, year: int, kind: str, amount: str, day: str) -> dict[str, Any]:
    return {
        "id": ident,
        "year": year,
        "type": kind,
        "status": "committed",
        "amount": amount,
        "funding_source": "general-budget",
        "date": day,
    }


def _event(ident: str, kind: str, day: str, amount: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "type": kind,
        "date": day,
        "amount": amount,
        "funding_source": "general-budget",
        "reported_by": "steering/health",
        **extra,
    }


# A synthetic programme (not a real one: its name says so) with two fiscal years of budgets and
# a ledger; on 2025-06-01: revised budget 1,200,000 (2024) + 800,000 (2025) = 2,000,000.00;
# committed 900,000 - 100,000 + 600,000 = 1,400,000.00; paid 300,000 + 400,000 + 150,000.10 =
# 850,000.10; commitment rate 70.0 %, payment rate 60.7 %.
PROGRAMME: dict[str, Any] = {
    "id": "synthetic-programme",
    "name": {"ar": "برنامج تجريبي", "fr": "Programme fictif de test"},
    "committee": "steering",
    "owner": "steering/health",
    "budgets": [
        _budget("b1", 2024, "original", "1000000.00", "2024-01-01"),
        _budget("b2", 2024, "revised", "1200000.00", "2024-06-30"),
        _budget("b3", 2025, "original", "800000.00", "2025-01-01"),
    ],
    "transactions": [
        _event("t1", "commitment", "2024-02-01", "900000.00"),
        _event("t2", "payment", "2024-03-01", "300000.00"),
        _event("t3", "decommitment", "2024-07-01", "100000.00", corrects="t1"),
        _event("t4", "payment", "2024-09-01", "400000.00"),
        _event("t5", "commitment", "2025-02-01", "600000.00"),
        _event("t6", "payment", "2025-03-15", "150000.10"),
    ],
    "sources": [SRC],
}


def committed_registry(root: Path, approved: bool = False) -> Path:
    """The synthetic registry of the render tests (draft minutes unless ``approved``) with a
    synthetic programme and its ledger, committed on ``COMMIT_DAY`` so «last updated» is
    known."""
    meeting: dict[str, Any] = copy.deepcopy(MEETING)
    if approved:
        from protsoc.governance.seal import seal

        meeting["minutes"] = copy.deepcopy(APPROVED)
        meeting["minutes"]["seal"] = seal(meeting)  # approved minutes are sealed (seal-missing)
    registry = build_registry(root, meeting)
    manifest = copy.deepcopy(MANIFEST)
    manifest["funding_sources"] = [
        {"id": "general-budget", "kind": "general-budget", "name": {"ar": "الميزانية العامة"}}
    ]
    write(registry / "protsoc.yaml", manifest)
    write(registry / "programmes" / "synthetic-programme.yaml", PROGRAMME)
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
