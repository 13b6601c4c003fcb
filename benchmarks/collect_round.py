"""Time a whole reporting round on a generated registry (issue 17): template, fill every row,
import with one commit.

    python benchmarks/generate.py --meetings 10000 --seed 1 /tmp/reg10k
    python benchmarks/collect_round.py /tmp/reg10k /tmp/collect-bench

The registry is copied to WORK (never written in place) and made a git repository. So that the
template holds the issue's 2,000 actions and 300 indicators, the copy reopens the generated
done actions (status in-progress, progress 95) and adds copies of indicators up to 300. Every
row is then filled (progress + 1, a new value one month after the last) with openpyxl, and the
import runs with --commit, then again (nothing to do). Each of --runs rounds starts from the
registry as first committed (the round before is reset away); its template run also warms the
cache, as a clerk's own template would. Times are wall-clock and CPU (user + sys, children
included) of the console script: median [min-max] over the rounds, with the load average.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def sh(*args: str, cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + sys of the process and the workers it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def summary(times: list[tuple[float, float]]) -> str:
    walls, cpus = sorted(t[0] for t in times), sorted(t[1] for t in times)
    return (
        f"{statistics.median(walls):.2f} s [{walls[0]:.2f}-{walls[-1]:.2f}], "
        f"CPU {statistics.median(cpus):.2f} s"
    )


def prepare(source: Path, work: Path, indicators: int) -> Path:
    if work.exists():
        shutil.rmtree(work)
    root = work / "registry"
    shutil.copytree(source, root)
    for path in (root / "roadmap" / "actions").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if "\nstatus: done\n" in text:
            text = text.replace("\nstatus: done\n", "\nstatus: in-progress\n")
            text = text.replace("\nprogress: 100\n", "\nprogress: 95\n")
            text = re.sub(r"\ncompleted_on: [^\n]*", "", text)
            path.write_text(text, encoding="utf-8")
    folder = root / "roadmap" / "indicators"
    existing = sorted(folder.glob("*.yaml"))
    for number in range(indicators - len(existing)):
        original = existing[number % len(existing)]
        copy_id = f"{original.stem}-copy-{number}"
        text = original.read_text(encoding="utf-8").replace(
            f"id: {original.stem}\n", f"id: {copy_id}\n", 1
        )
        (folder / f"{copy_id}.yaml").write_text(text, encoding="utf-8")
    for args in (
        ["git", "init", "-q"],
        ["git", "config", "user.name", "bench"],
        ["git", "config", "user.email", "bench@example.org"],
        ["git", "add", "-A"],
        ["git", "commit", "-qm", "registry"],
    ):
        subprocess.run(args, cwd=work, check=True)
    return root


def fill(path: Path) -> tuple[int, int]:
    import datetime as dt

    import openpyxl

    book = openpyxl.load_workbook(path)
    actions, indicators = book.worksheets[1], book.worksheets[2]
    for row in actions.iter_rows(min_row=2):
        progress = row[5].value if isinstance(row[5].value, int) else 0
        row[7].value = min(progress + 1, 99)
        row[9].value = "2026-11-30"
    for row in indicators.iter_rows(min_row=2):
        last = dt.date.fromisoformat(row[4].value) if row[4].value else dt.date(2025, 1, 1)
        row[6].value = (row[3].value or 0) + 1
        row[8].value = min(last + dt.timedelta(days=31), dt.date(2026, 11, 30)).isoformat()
    book.save(path)
    return actions.max_row - 1, indicators.max_row - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("registry", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    root = prepare(options.registry, options.work, options.indicators)
    first = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()
    book = options.work / "all.xlsx"
    protsoc = [str(Path(sys.executable).parent / "protsoc")]
    load = os.getloadavg()[0]
    templates, imports, agains = [], [], []
    for _ in range(options.runs):
        subprocess.run(["git", "reset", "-q", "--hard", first], cwd=root, check=True)
        templates.append(sh(*protsoc, "collect", "template", "--all", "-o", str(book), cwd=root))
        actions, indicators = fill(book)
        imports.append(sh(*protsoc, "collect", "import", str(book), "--commit", cwd=root))
        agains.append(sh(*protsoc, "collect", "import", str(book), cwd=root))
    print(f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after; {options.runs} rounds")
    print(f"template: {actions} actions, {indicators} indicators: {summary(templates)}")
    print(f"import, every row changed, one commit: {summary(imports)}")
    print(f"import again (nothing to do): {summary(agains)}")


if __name__ == "__main__":
    main()
