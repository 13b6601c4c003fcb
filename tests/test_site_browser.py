"""The built site in a real browser: headless Chromium (Debian's ``chromium``, which .ci/run
installs) runs axe-core's WCAG 2.1 A/AA rules on every page type, in Arabic and French, at a
desktop and a phone width, and lists every resource the page loaded (Resource Timing): all must
be files of the site. It also runs the search page with an Arabic query typed without hamza.

axe-core comes from the npm registry (``npm install axe-core@4``) into a cache folder on first
use, or from $PROTSOC_AXE_CORE (a path to axe.min.js). Without Chromium, or without axe-core and
npm, these tests skip and say why.

The runner is a script file added to a copy of each page (the pages' CSP allows scripts of the
site only, so it cannot be inline); Chromium's ``--dump-dom`` with a virtual time budget lets
axe finish before the page's DOM, with the runner's result in it, is printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from site_support import committed_registry

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does)"
)
AXE_CACHE = (
    Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "protsoc-tests" / "axe-core"
)
WIDTHS = {"desktop": "1280,2000", "mobile": "390,1600"}
# (page type, path under the language folder): every page type, each in Arabic and French, at
# a desktop and a phone width. The root page (the language choice) is checked once per width.
PAGES = [
    ("home", "index.html"),
    ("indicators", "indicators/index.html"),
    ("indicator", "indicators/amo-tns-beneficiaries.html"),
    ("committees", "committees/index.html"),
    ("committee", "committees/steering.html"),
    ("meetings", "meetings/index.html"),
    ("meeting", "meetings/steering/2025-03-04.html"),
    ("decisions", "decisions.html"),
    ("roadmap", "roadmap.html"),
    ("evaluations", "evaluations.html"),
    ("programmes", "programmes/index.html"),
    ("programme", "programmes/synthetic-programme.html"),
    ("data", "data.html"),
    ("search", "search.html?q=" + quote("تسجيل")),
]
RUNNER = """
(function () {
  function done(violations) {
    var resources = performance.getEntriesByType("resource").map(function (e) { return e.name; });
    var pre = document.createElement("pre");
    pre.id = "protsoc-test-result";
    var overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    pre.textContent = JSON.stringify(
      { violations: violations, resources: resources, overflow: overflow }
    );
    document.body.appendChild(pre);
  }
  axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }
  })
    .then(function (result) {
      done(result.violations.map(function (v) {
        return {
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map(function (n) { return n.target.join(" ") + " " + n.failureSummary; })
        };
      }));
    }, function (error) { done([{ id: "axe-error", nodes: [String(error)] }]); });
})();
"""


def axe_core() -> Path:
    given = os.environ.get("PROTSOC_AXE_CORE")
    if given and Path(given).is_file():
        return Path(given)
    cached = AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if cached.is_file():
        return cached
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("axe-core is not available and npm is not installed to fetch it")
    AXE_CACHE.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(AXE_CACHE), "--no-audit", "--no-fund", "axe-core@4"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 or not cached.is_file():
        pytest.skip(f"npm could not install axe-core: {result.stderr.strip()[-300:]}")
    return cached


def chromium(url: str, width: str, *extra: str) -> str:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width}",
        "--virtual-time-budget=15000",
        *extra,
        "--dump-dom",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic registry (approved minutes, decisions, an action plan, an indicator with a
    target) built as a site, with the axe runner added to each page of a copy."""
    root = tmp_path_factory.mktemp("browser")
    registry = committed_registry(root / "repo", approved=True)
    out = root / "public"
    result = subprocess.run(
        ["protsoc", "site", "-o", str(out), "--as-of", "2025-06-01", "--registry", str(registry)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def audited(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("audited") / "public"
    shutil.copytree(site, copy)
    shutil.copyfile(axe_core(), copy / "assets" / "axe.min.js")
    (copy / "assets" / "axe-runner.js").write_text(RUNNER, encoding="utf-8")
    for page in copy.rglob("*.html"):
        depth = len(page.relative_to(copy).parts) - 1
        back = "../" * depth
        html = page.read_text(encoding="utf-8")
        scripts = (
            f'<script src="{back}assets/axe.min.js"></script>'
            f'<script src="{back}assets/axe-runner.js"></script>'
        )
        page.write_text(html.replace("</body>", scripts + "</body>"), encoding="utf-8")
    return copy


CASES = [
    pytest.param(kind, lang, path, width, id=f"{kind}-{lang}-{width}")
    for kind, path in PAGES
    for lang in ("ar", "fr")
    for width in WIDTHS
] + [pytest.param("root", "", "index.html", width, id=f"root-{width}") for width in WIDTHS]


@pytest.mark.parametrize("kind, lang, path, width", CASES)
def test_axe_finds_no_wcag_violation_and_nothing_is_loaded_from_outside(
    audited: Path, kind: str, lang: str, path: str, width: str
) -> None:
    page, _, query = path.partition("?")
    url = (audited / lang / page if lang else audited / page).as_uri() + (
        f"?{query}" if query else ""
    )
    dom = chromium(url, WIDTHS[width])
    found = re.search(r'<pre id="protsoc-test-result">(.*?)</pre>', dom, re.DOTALL)
    assert found, f"axe did not finish on {kind} ({lang}, {width})"
    result = json.loads(
        found.group(1)
        .replace("&quot;", '"')
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )
    assert result["violations"] == [], json.dumps(
        result["violations"], ensure_ascii=False, indent=1
    )
    outside = [name for name in result["resources"] if not name.startswith("file://")]
    assert outside == []
    # nothing wider than the window: on a phone only a table scrolls, inside its own region
    assert result["overflow"] <= 0, f"{kind} ({lang}, {width}) is {result['overflow']}px too wide"
    if kind == "search":
        assert "<li><a href=" in dom  # the index loaded and the query found something


def test_search_in_the_browser_ignores_hamza_and_diacritics(site: Path) -> None:
    # «اطلاق تقييم» typed without hamza finds the decision «إطلاق تقييم مستقل …»
    url = (site / "ar" / "search.html").as_uri() + "?q=" + quote("اطلاق تقييم")
    dom = chromium(url, WIDTHS["desktop"])
    results = dom.split('<ul id="results"', 1)[1].split("</ul>", 1)[0]
    assert "إطلاق تقييم مستقل" in results
    assert 'href="meetings/steering/2025-03-04.html"' in results
    assert "<script>" not in results  # the untrusted title was inserted as text


def test_a_screenshot_of_the_arabic_home_is_drawn(site: Path, tmp_path: Path) -> None:
    shot = tmp_path / "home.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=1280,1600",
        f"--screenshot={shot}",
        (site / "ar" / "index.html").as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_the_audit_does_report_a_violation_when_there_is_one(audited: Path, tmp_path: Path) -> None:
    """Zero violations above mean something only if the runner reports what it finds."""
    page = audited / "ar" / "data.html"
    broken = page.with_name("broken.html")
    broken.write_text(
        page.read_text(encoding="utf-8").replace(
            "<h1>", '<img src="../assets/fonts/none.png" width="3000" height="10"><h1>', 1
        ),
        encoding="utf-8",
    )
    dom = chromium(broken.as_uri(), WIDTHS["mobile"])
    assert "image-alt" in dom
    found = re.search(r'<pre id="protsoc-test-result">(.*?)</pre>', dom, re.DOTALL)
    assert found and json.loads(found.group(1).replace("&quot;", '"'))["overflow"] > 2000


# ---------------------------------------------------------------- keyboard, through WebDriver

CHROMEDRIVER = shutil.which("chromedriver")
TAB, ENTER = "\ue004", "\ue007"


class Keyboard:
    """A page driven with keys only, through chromedriver's W3C WebDriver protocol (plain HTTP:
    no client library needed)."""

    def __init__(self, driver: str, width: int = 1280) -> None:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [driver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(200):  # until it listens (it answers /status when ready)
            try:
                if self._call("GET", "/status")["ready"]:
                    break
            except OSError:
                pass
            self.process.poll()
            assert self.process.returncode is None, "chromedriver exited"
            time.sleep(0.1)
        options = {
            "binary": str(CHROMIUM),
            "args": ["--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},1000"],
        }
        session = self._call(
            "POST",
            "/session",
            {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}},
        )
        self.session = f"/session/{session['sessionId']}"

    def _call(self, method: str, path: str, body: dict | None = None) -> Any:
        from urllib.request import Request, urlopen

        data = None if body is None else json.dumps(body).encode("utf-8")
        request = Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urlopen(request, timeout=120) as response:
            return json.loads(response.read().decode("utf-8"))["value"]

    def open(self, url: str) -> None:
        self._call("POST", f"{self.session}/url", {"url": url})

    def press(self, *keys: str) -> None:
        actions = []
        for key in keys:
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self._call(
            "POST",
            f"{self.session}/actions",
            {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]},
        )

    def script(self, source: str) -> Any:
        return self._call("POST", f"{self.session}/execute/sync", {"script": source, "args": []})

    def focused(self) -> dict[str, Any]:
        return dict(
            self.script(
                "var e = document.activeElement, r = e.getBoundingClientRect();"
                "return {tag: e.tagName.toLowerCase(), id: e.id, cls: e.className,"
                " href: e.getAttribute('href'), visible: r.width > 0 && r.height > 0"
                " && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth};"
            )
        )

    def close(self) -> None:
        try:
            self._call("DELETE", self.session)
        finally:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def keyboard() -> Any:
    if CHROMEDRIVER is None:
        pytest.skip("chromedriver is not installed (apt-get install chromium-driver)")
    driver = Keyboard(CHROMEDRIVER)
    yield driver
    driver.close()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_keyboard_reaches_the_skip_link_the_menu_and_every_region(
    keyboard: Keyboard, site: Path, lang: str
) -> None:
    keyboard.open((site / lang / "index.html").as_uri())
    keyboard.press(TAB)
    first = keyboard.focused()
    assert first["cls"] == "skip" and first["visible"]  # shown when focused, first in order
    keyboard.press(ENTER)
    assert keyboard.script("return location.hash;") == "#content"
    assert keyboard.focused()["id"] == "content"  # the skip link moved the focus to the content

    keyboard.open((site / lang / "index.html").as_uri())
    menu = keyboard.script(
        "return Array.from(document.querySelectorAll('nav.main a'))"
        ".map(function (a) { return a.getAttribute('href'); });"
    )
    regions = keyboard.script("return document.querySelectorAll('[role=region]').length;")
    reached = []
    for _ in range(200):  # every focusable element once, in order, until the end of the page
        keyboard.press(TAB)
        now = keyboard.focused()
        if now["tag"] == "body" or (reached and now == reached[0]):
            break
        assert now["visible"], now  # no focus on something the reader cannot see
        reached.append(now)
    hrefs = [item["href"] for item in reached if item["tag"] == "a"]
    remaining = iter(hrefs)
    assert all(href in remaining for href in menu), hrefs  # the whole menu, in its order
    assert any(
        item["href"].endswith(f"/{'fr' if lang == 'ar' else 'ar'}/index.html")
        for item in reached
        if item["href"]
    )  # the language switch
    assert sum(1 for item in reached if item["tag"] == "div") == regions  # scrollable tables


def test_search_works_from_the_keyboard_alone(keyboard: Keyboard, site: Path) -> None:
    keyboard.open((site / "ar" / "search.html").as_uri())
    for _ in range(40):  # Tab to the search field
        keyboard.press(TAB)
        if keyboard.focused()["id"] == "q":
            break
    assert keyboard.focused()["id"] == "q"
    keyboard.press(*"اطلاق", ENTER)  # typed without hamza; Enter submits the form
    for _ in range(100):
        count = keyboard.script(
            "return location.search.indexOf('q=') >= 0 ?"
            " document.querySelectorAll('#results li').length : -1;"
        )
        if count > 0:
            break
    assert count > 0
    assert "إطلاق تقييم مستقل" in keyboard.script(
        "return document.getElementById('results').textContent;"
    )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) needed")
def test_a_printed_page_keeps_the_content_and_drops_the_menu_and_footer(
    site: Path, tmp_path: Path
) -> None:
    """Chromium's own print (print media, the site's print stylesheet) read back as text."""
    pdf = tmp_path / "programme.pdf"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        (site / "fr" / "programmes" / "synthetic-programme.html").as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Programme fictif de test" in text and "Taux d'engagement" in text
    assert "850" in text and "42.5" in text  # the whole table, its last column included
    assert "Données ouvertes" not in text  # menu and footer are screen-only
    assert "Aller au contenu" not in text and "Royaume du Maroc" not in text
