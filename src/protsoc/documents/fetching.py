"""What WeasyPrint may fetch while it turns protsoc's HTML into a PDF: protsoc's own files and
``data:`` URLs, nothing else.

Left to itself WeasyPrint fetches every URL a document names: a registry's template (which a pull
request may change) holding ``<link rel="attachment" href="file:///etc/shadow">`` embedded that
file in the PDF, a relative ``../../..`` reached the same files, and ``<img src="http://…">``
made requests from the machine that renders (issue 13). Jinja's sandbox cannot see any of this:
it happens after the template has rendered. So WeasyPrint gets this module's fetcher (its public
``url_fetcher`` argument), which serves:
- ``data:`` URLs (the report's charts are embedded so);
- ``file:`` URLs of regular files inside protsoc's shipped templates folder (the base URL the
  document is rendered against, so a relative reference can only resolve there);
and refuses every other URL: ``file:`` elsewhere, symbolic links, and every network scheme. A
refusal stops the PDF: the error names the URL and, when it can find it, the template and line
that wrote it.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

from protsoc.kernel.errors import InvalidRecord


def allowed_file(url: str, shipped: Path) -> bool:
    """Whether ``url`` (a ``file:`` URL) names a regular file inside ``shipped``, no link
    followed."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return False
    path = Path(url2pathname(unquote(parts.path)))
    if not path.is_absolute() or ".." in path.parts:
        return False
    try:
        relative = path.relative_to(shipped)
    except ValueError:
        return False
    current = shipped
    for piece in relative.parts:
        current = current / piece
        try:
            mode = current.lstat().st_mode
        except OSError:
            return False
        if stat.S_ISLNK(mode):
            return False
    return stat.S_ISREG(mode) if relative.parts else False


def is_allowed(url: str, shipped: Path) -> bool:
    scheme = urlsplit(url).scheme.lower()
    if scheme == "data":
        return True
    return scheme == "file" and allowed_file(url, shipped)


class Guard:
    """The fetcher's memory: the URLs it refused, for the error raised after WeasyPrint stops."""

    def __init__(self, shipped: Path) -> None:
        self.shipped = shipped.resolve()
        self.base_url = self.shipped.as_uri() + "/"
        self.refused: list[str] = []

    def check(self, url: str) -> None:
        if not is_allowed(url, self.shipped):
            self.refused.append(url)
            raise PermissionError(f"protsoc does not fetch {url}")

    def url_fetcher(self) -> Any:
        """A WeasyPrint ``url_fetcher`` that fetches only what ``check`` lets through."""
        from weasyprint import urls  # type: ignore[import-untyped]

        guard = self
        if hasattr(urls, "URLFetcher"):  # WeasyPrint 66 and later: a class to derive from

            class ShippedOnlyFetcher(urls.URLFetcher):  # type: ignore[misc]
                def fetch(self, url: str, headers: Any = None) -> Any:
                    guard.check(url)
                    return super().fetch(url, headers)

            return ShippedOnlyFetcher(fail_on_errors=True)

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:  # WeasyPrint 61-65: a function
            guard.check(url)
            return urls.default_url_fetcher(url, *args, **kwargs)

        return fetch

    def error(self, html: str, folders: Sequence[Path]) -> InvalidRecord:
        url = self.refused[0]
        where = locate(url, html, self.base_url, folders)
        return InvalidRecord(
            f"{where} refers to {shorten(url)}, which protsoc does not fetch: a document may use "
            "only protsoc's own files and data: URLs (nothing from the network or elsewhere on "
            "this machine)",
            "remove the reference from the template; embed an image as a data: URL instead",
        )


_REFERENCE = re.compile(
    r"""(?:\b(?:href|src|data|poster|srcset)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])"""
    r"""([^"'\s)>]+)""",
    re.IGNORECASE,
)


def shorten(url: str) -> str:
    return url if len(url) <= 200 else url[:200] + "…"


def locate(url: str, html: str, base_url: str, folders: Sequence[Path]) -> str:
    """Where the refused ``url`` comes from: ``template NAME line N`` when a template holds the
    reference as written, else the line of the rendered HTML."""
    from protsoc.documents.templating import template_files

    written: list[tuple[str, int]] = []
    for line_number, line in enumerate(html.splitlines(), start=1):
        for match in _REFERENCE.finditer(line):
            raw = match.group(1)
            if urljoin(base_url, raw).split("#")[0] == url.split("#")[0]:
                written.append((raw, line_number))
    for raw, _ in written:
        for name, path in template_files(folders):
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            for line_number, line in enumerate(lines, start=1):
                if raw in line:
                    return f"template {name} ({path}) line {line_number}"
    if written:
        return f"the rendered document, line {written[0][1]}"
    return "the rendered document"
