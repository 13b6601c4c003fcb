"""Screenshots of the published site for the README: ``docs/img/site-<page>-<lang>.png``.

    python docs/screenshots.py [--registry registry] [--as-of 2026-12-01]

Builds the registry's site into a scratch folder, opens the home page, an indicator page, a
meeting page and the search results in headless Chromium (Debian ``chromium``), in Arabic and
French, at a desktop (1280 px) and a phone (390 px) width, and writes each pair side by side in
one PNG (desktop left, phone right): 8 images holding the 16 views. Each view is also kept
alone in ``--keep DIR`` when given, to look at it full size.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"desktop": (1280, 1000), "mobile": (390, 1500)}
# (name, page under the language folder, query per language)
VIEWS = [
    ("home", "index.html", {}),
    ("indicator", "indicators/amo-tadamon-beneficiaries.html", {}),
    ("meeting", "meetings/steering/2024-11-26.html", {}),
    ("search", "search.html", {"ar": "الاسر", "fr": "AMO"}),
]
GAP = 24


def shoot(chromium: str, url: str, size: tuple[int, int], target: Path) -> None:
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            f"--window-size={size[0]},{size[1]}",
            "--virtual-time-budget=5000",
            f"--screenshot={target}",
            url,
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )


def side_by_side(desktop: Path, mobile: Path, target: Path) -> None:
    from PIL import Image

    with Image.open(desktop) as left, Image.open(mobile) as right:
        height = max(left.height, right.height)
        sheet = Image.new("RGB", (left.width + GAP + right.width, height), "#9e9e9e")
        sheet.paste(left, (0, 0))
        sheet.paste(right, (left.width + GAP, 0))
        sheet.save(target, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", type=Path, default=ROOT / "registry")
    parser.add_argument("--as-of", default="2026-12-01")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    protsoc = shutil.which("protsoc") or "protsoc"
    with tempfile.TemporaryDirectory(prefix="protsoc-shots-") as scratch:
        site = Path(scratch) / "public"
        subprocess.run(
            [protsoc, "site", "-o", str(site), "--registry", str(args.registry)]
            + ["--as-of", args.as_of],
            check=True,
        )
        shots = args.keep or Path(scratch) / "shots"
        shots.mkdir(parents=True, exist_ok=True)
        for name, page, queries in VIEWS:
            for lang in ("ar", "fr"):
                url = (site / lang / page).as_uri()
                if lang in queries:
                    url += "?q=" + quote(queries[lang])
                views = {}
                for width, size in WIDTHS.items():
                    views[width] = shots / f"site-{name}-{lang}-{width}.png"
                    shoot(chromium, url, size, views[width])
                target = args.out / f"site-{name}-{lang}.png"
                side_by_side(views["desktop"], views["mobile"], target)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
