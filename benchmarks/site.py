"""Time ``protsoc site`` on the shipped registry and on a generated one, with the machine's load.

    python benchmarks/site.py [--registry DIR]... [--runs 3] [--as-of 2026-12-01]

Each figure is a whole ``protsoc site`` process (start-up, validation, pages, data, archive),
read with ``os.wait4``: wall seconds, CPU seconds (user + sys, worker processes included) and
peak RSS. Every run writes into a fresh folder (a rebuild over a previous site also deletes the
old files: timed apart, "rebuild"). One untimed warm-up run fills the validation cache, as a
secretariat's machine has it. The load average (1 min) is printed before and after each run:
on a shared machine, wall time follows the load and CPU time is the steadier figure.

With no ``--registry``, the shipped registry is timed; generate the large one first:

    python benchmarks/generate.py --meetings 10000 --seed 1 /tmp/reg10k
    git -C /tmp/reg10k init -q && git -C /tmp/reg10k add -A && git -C /tmp/reg10k commit -qm gen
    python benchmarks/site.py --registry registry --registry /tmp/reg10k
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load() -> float:
    return os.getloadavg()[0]


def timed(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one process; it must exit 0."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {process.returncode}: {errors[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", action="append", type=Path, default=[])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--as-of", default="2026-12-01")
    parser.add_argument("--protsoc", default=shutil.which("protsoc") or "protsoc")
    args = parser.parse_args()
    registries = args.registry or [ROOT / "registry"]
    print(f"cores: {os.cpu_count()}; python {sys.version.split()[0]}")
    print(
        "| registry | pages | wall s median [min–max] | CPU s median | peak RSS MiB "
        "| load before→after |"
    )
    print("|---|---:|---|---:|---:|---|")
    for registry in registries:
        with tempfile.TemporaryDirectory(prefix="protsoc-site-bench-") as scratch:
            base = [args.protsoc, "site", "--registry", str(registry), "--as-of", args.as_of]
            timed([*base, "-o", str(Path(scratch) / "warm-up")])
            walls, cpus, rss, loads = [], [], [], []
            for run in range(args.runs):
                before = load()
                wall, cpu, peak = timed([*base, "-o", str(Path(scratch) / f"run-{run}")])
                walls.append(wall)
                cpus.append(cpu)
                rss.append(peak)
                loads.append(f"{before:.1f}→{load():.1f}")
            pages = sum(1 for _ in (Path(scratch) / "run-0").rglob("*.html"))
            before = load()
            rebuild_wall, rebuild_cpu, _ = timed([*base, "-o", str(Path(scratch) / "run-0")])
            print(
                f"| {registry} | {pages} | {statistics.median(walls):.1f} "
                f"[{min(walls):.1f}–{max(walls):.1f}] | {statistics.median(cpus):.1f} | "
                f"{max(rss):.0f} | {', '.join(loads)} |"
            )
            print(
                f"| {registry} (rebuild over the previous site) | {pages} | {rebuild_wall:.1f} | "
                f"{rebuild_cpu:.1f} | | {before:.1f}→{load():.1f} |"
            )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
