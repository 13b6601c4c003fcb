"""Time protsoc against check-jsonschema, side by side, on the same generated registry.

    python benchmarks/run.py --meetings 1000 --runs 5 [--check-jsonschema PATH] [--update-readme]

Each figure is the wall time of a whole process (start-up included) and its peak RSS, read with
``os.wait4`` (what ``/usr/bin/time -v`` prints), median [min-max] of ``--runs`` runs after one
untimed warm-up run. Commands that do not exist in this protsoc are skipped and listed as such.
The results go to ``benchmarks/results/<N>.json``; ``--update-readme`` rewrites the table of that
size in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMAS = ROOT / "schemas"
KIND_FOLDERS = {  # schema -> files of that kind, relative to the registry root
    "registry": ["protsoc.yaml"],
    "roadmap": ["roadmap/roadmap.yaml"],
    "committee": ["committees"],
    "meeting": ["meetings"],
    "action": ["roadmap/actions"],
    "indicator": ["roadmap/indicators"],
    "evaluation": ["roadmap/evaluations"],
}
LAST_CPU = [0.0]
ARGV_BUDGET = 1_000_000  # bytes of file names per check-jsonschema process (ARG_MAX is 2 MiB)


def timed(
    argv: list[str], cwd: Path, env: dict[str, str], check: bool = True
) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB and exit code of one process (CPU seconds in ``LAST_CPU``)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    process.returncode = code
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime  # its reaped worker processes included
    if check and code not in (0,):
        raise RuntimeError(f"{' '.join(argv[:4])}… exited {code}: {stderr[-2000:]}")
    return wall, usage.ru_maxrss / 1024, code


class Bench:
    def __init__(self, registry: Path, runs: int, env: dict[str, str]) -> None:
        self.registry = registry
        self.runs = runs
        self.env = env
        self.rows: list[dict[str, Any]] = []
        self.skipped: list[str] = []

    def measure(
        self,
        name: str,
        steps: list[tuple[list[str], Path]],
        before: Any = None,
        note: str = "",
        warmup: bool = True,
        runs: int | None = None,
        env: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Time ``steps`` (run one after the other; their times add up) ``runs`` times."""
        walls, rss, cpus = [], [], []
        for index in range((runs or self.runs) + (1 if warmup else 0)):
            if before:
                before()
            total, peak, cpu = 0.0, 0.0, 0.0
            for argv, cwd in steps:
                wall, memory, _ = timed(argv, cwd, env or self.env)
                total += wall
                cpu += LAST_CPU[0]
                peak = max(peak, memory)
            if warmup and index == 0:
                continue
            walls.append(total)
            rss.append(peak)
            cpus.append(cpu)
        row = {
            "name": name,
            "median": statistics.median(walls),
            "min": min(walls),
            "max": max(walls),
            "cpu": statistics.median(cpus),
            "runs": len(walls),
            "rss_mib": statistics.median(rss),
            "rss_max_mib": max(rss),
            "note": note,
        }
        self.rows.append(row)
        print(
            f"{name:55s} {row['median']:8.3f} s [{row['min']:.3f}-{row['max']:.3f}] cpu "
            f"{row['cpu']:.3f} s "
            f"{row['rss_mib']:6.0f} MiB",
            file=sys.stderr,
            flush=True,
        )
        return row


def kind_files(registry: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind, places in KIND_FOLDERS.items():
        files: list[str] = []
        for place in places:
            path = registry / place
            if path.is_file():
                files.append(place)
            elif path.is_dir():
                files.extend(
                    sorted(p.relative_to(registry).as_posix() for p in path.rglob("*.yaml"))
                )
        if files:
            found[kind] = files
    return found


def bundled_schemas(out: Path) -> Path:
    """Each record schema with the shared definitions copied in (no external ``$ref``).

    check-jsonschema resolves ``defs.schema.json`` from the current directory and, through
    ``referencing``, re-reads and re-crawls it on every lookup (about 20 ms per meeting file);
    the bundled copies measure its validation without that penalty.
    """
    out.mkdir(parents=True, exist_ok=True)
    defs = json.loads((SCHEMAS / "defs.schema.json").read_text(encoding="utf-8"))["$defs"]
    for path in SCHEMAS.glob("*.schema.json"):
        if path.name == "defs.schema.json":
            continue
        text = path.read_text(encoding="utf-8").replace('"defs.schema.json#/$defs/', '"#/$defs/')
        schema = json.loads(text)
        shared = json.loads(json.dumps(defs).replace('"defs.schema.json#/$defs/', '"#/$defs/'))
        schema["$defs"] = {**shared, **schema.get("$defs", {})}
        (out / path.name).write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    return out


def check_jsonschema_steps(
    tool: str, registry: Path, schema_dir: Path, absolute: bool
) -> list[tuple[list[str], Path]]:
    """One check-jsonschema process per record kind (and per ARGV_BUDGET of file names)."""
    steps = []
    for kind, files in kind_files(registry).items():
        names = [str(registry / f) for f in files] if absolute else files
        batch: list[str] = []
        size = 0
        for name in names + [None]:  # type: ignore[list-item]
            if name is None or size + len(name) + 1 > ARGV_BUDGET:
                if batch:
                    schema = (
                        f"{kind}.schema.json"
                        if absolute
                        else str(schema_dir / f"{kind}.schema.json")
                    )
                    steps.append(
                        (
                            [tool, "--schemafile", schema, *batch],
                            schema_dir if absolute else registry,
                        )
                    )
                batch, size = [], 0
            if name is not None:
                batch.append(name)
                size += len(name) + 1
    return steps


def protsoc_commands(protsoc: str) -> tuple[set[str], str]:
    text = subprocess.run([protsoc, "--help"], capture_output=True, text=True, check=True).stdout
    commands = {word for line in text.splitlines() for word in line.replace("│", " ").split()[:1]}
    validate_help = subprocess.run(
        [protsoc, "validate", "--help"], capture_output=True, text=True, check=True
    ).stdout
    return commands, validate_help


def draft_meeting(registry: Path) -> Path:
    """The steering committee's latest meeting: its minutes are a draft, so editing it breaks no
    seal."""
    return max((registry / "meetings" / "steering").glob("*.yaml"))


def git(registry: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=registry, check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--registry", type=Path, help="reuse a generated registry (copied first)")
    parser.add_argument(
        "--check-jsonschema",
        default=shutil.which("check-jsonschema") or "check-jsonschema",
        help="the check-jsonschema executable to compare with",
    )
    parser.add_argument(
        "--check-jsonschema-plain",
        default=None,
        help="a second check-jsonschema (e.g. without ruamel.yaml.clib), timed on the same files",
    )
    parser.add_argument(
        "--skip-unbundled",
        action="store_true",
        help="do not time check-jsonschema with the project's unbundled schemas (slow)",
    )
    parser.add_argument(
        "--only",
        nargs="*",
        help="run only these groups: startup validate cj changed status cadence report",
    )
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args(argv)

    protsoc = shutil.which("protsoc") or "protsoc"
    work = Path(tempfile.mkdtemp(prefix="protsoc-bench-"))
    registry = work / "registry"
    if args.registry:
        shutil.copytree(args.registry, registry)
    else:
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--meetings",
                str(args.meetings),
                "--seed",
                str(args.seed),
                str(registry),
            ],
            check=True,
        )
    cache_dir = work / "cache"
    env = {**os.environ, "PROTSOC_CACHE_DIR": str(cache_dir), "PROTSOC_REGISTRY": str(registry)}
    env.pop("PROTSOC_NO_CACHE", None)
    bench = Bench(registry, args.runs, env)
    groups = set(
        args.only or ["startup", "validate", "cj", "changed", "status", "cadence", "report"]
    )
    commands, validate_help = protsoc_commands(protsoc)
    files = sum(len(f) for f in kind_files(registry).values())
    load_before = os.getloadavg()

    def clear_cache() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    if "startup" in groups:
        bench.measure("python -c pass", [([sys.executable, "-c", "pass"], work)])
        bench.measure("protsoc --version", [([protsoc, "--version"], work)])
        bench.measure("protsoc --help", [([protsoc, "--help"], work)])
    if "validate" in groups:
        bench.measure(
            "protsoc validate, cold (no cache yet)",
            [([protsoc, "validate"], work)],
            before=clear_cache,
            note="full: YAML safety, schema, cross-record rules, hygiene; writes the cache",
        )
        bench.measure(
            "protsoc validate --no-cache",
            [([protsoc, "validate", "--no-cache"], work)],
            note="the same work, cache neither read nor written",
        ) if "--no-cache" in validate_help else bench.skipped.append(
            "validate --no-cache: option not present"
        )
        if "--no-cache" in validate_help:
            bench.measure(
                "protsoc validate --no-cache, one process (PROTSOC_WORKERS=1)",
                [([protsoc, "validate", "--no-cache"], work)],
                env={**env, "PROTSOC_WORKERS": "1"},
                note="the same without the process pool",
            )
        bench.measure("protsoc validate, warm (nothing changed)", [([protsoc, "validate"], work)])
        target = draft_meeting(registry)
        original = target.read_text(encoding="utf-8")
        counter = iter(range(1, 1_000_000))

        def touch_one() -> None:
            target.write_text(
                original.replace(
                    "synthetic record for benchmarks", f"synthetic record, edit {next(counter)}"
                ),
                encoding="utf-8",
            )

        bench.measure(
            "protsoc validate, warm, 1 file changed",
            [([protsoc, "validate"], work)],
            before=touch_one,
            note="a wording change: no projection changes, the registry-wide findings are reused",
        )
        target.write_text(original, encoding="utf-8")
        added: list[Path] = []

        def add_one() -> None:
            # a new meeting (the draft one under a new date) makes the registry-wide rules run again
            day = f"2026-07-{len(added) + 1:02d}"
            stem = target.stem
            added.append(target.with_name(f"{day}.yaml"))
            added[-1].write_text(
                original.replace(f"id: steering/{stem}", f"id: steering/{day}").replace(
                    f"date: '{stem}'", f"date: '{day}'"
                ),
                encoding="utf-8",
            )

        bench.measure(
            "protsoc validate, warm, 1 meeting added",
            [([protsoc, "validate"], work)],
            before=add_one,
            note="a new record: the registry-wide rules run again on every projection",
        )
        for path in added:
            path.unlink()
    if "cj" in groups:
        bundled = bundled_schemas(work / "bundled")
        bench.measure(
            f"check-jsonschema, bundled schemas ({Path(args.check_jsonschema).parent.parent.name})",
            check_jsonschema_steps(args.check_jsonschema, registry, bundled, absolute=False),
            note="schema only; one process per record kind; the schemas with defs inlined",
        )
        if args.check_jsonschema_plain:
            bench.measure(
                "check-jsonschema as pip installs it, bundled schemas",
                check_jsonschema_steps(
                    args.check_jsonschema_plain, registry, bundled, absolute=False
                ),
                note="ruamel.yaml without its C extension",
                runs=max(1, min(args.runs, 3)),
            )
        if not args.skip_unbundled:
            bench.measure(
                "check-jsonschema, the project's schemas as they are",
                check_jsonschema_steps(args.check_jsonschema, registry, SCHEMAS, absolute=True),
                note="run from schemas/ so `defs.schema.json` resolves",
                runs=max(1, min(args.runs, 3)),
            )
    if "changed" in groups:
        if "--changed-since" in validate_help:
            git(registry, "init", "-q")
            git(registry, "add", "-A")
            git(
                registry,
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@example.org",
                "commit",
                "-qm",
                "base",
            )
            target = draft_meeting(registry)
            original = target.read_text(encoding="utf-8")
            counter2 = iter(range(1, 1_000_000))

            def commit_one_change() -> None:
                target.write_text(
                    original.replace(
                        "synthetic record for benchmarks",
                        f"synthetic record, commit {next(counter2)}",
                    ),
                    encoding="utf-8",
                )
                git(
                    registry,
                    "-c",
                    "user.name=bench",
                    "-c",
                    "user.email=bench@example.org",
                    "commit",
                    "-qam",
                    "one change",
                )

            bench.measure(
                "protsoc validate --changed-since HEAD~1 (1 file)",
                [([protsoc, "validate", "--changed-since", "HEAD~1"], registry)],
                before=commit_one_change,
            )
        else:
            bench.skipped.append("validate --changed-since: option not present in this protsoc")
    for group, name, argv_tail in (
        ("status", "protsoc status", ["status"]),
        ("cadence", "protsoc cadence", ["cadence"]),
        ("report", "protsoc report --format html", ["report", "--format", "html"]),
    ):
        if group not in groups:
            continue
        if argv_tail[0] not in commands:
            bench.skipped.append(f"{name}: command not present in this protsoc")
            continue
        try:
            first, _, _ = timed([protsoc, *argv_tail], work, env, check=False)
            runs = args.runs if first < 60 else 1
            bench.measure(name, [([protsoc, *argv_tail], work)], warmup=False, runs=runs)
        except RuntimeError as error:
            bench.skipped.append(f"{name}: failed ({error})")
    results = {
        "meetings": args.meetings,  # with --registry: as given (the generator's --meetings)
        "files": files,
        "runs": args.runs,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": (
            f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}"
        ),
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "rows": bench.rows,
        "skipped": bench.skipped,
    }
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / f"{args.meetings}.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    table = markdown(results)
    print(table)
    if args.update_readme:
        update_readme(args.meetings, table)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def markdown(results: dict[str, Any]) -> str:
    rows = results["rows"]
    by_name = {row["name"]: row for row in rows}
    anchor = next(
        (row for row in rows if row["name"].startswith("check-jsonschema, bundled")), None
    )
    python = by_name.get("python -c pass")
    lines = [
        (
            f"N = {results['meetings']} meetings, {results['files']} files; {results['runs']} runs "
            "per figure; "
            f"{results['date']}; {results['machine']}; load average before/after "
            f"{results['load_average_before_after'][0]}/{results['load_average_before_after'][1]}"
        ),
        "",
        "| command | wall, median | [min–max] | CPU (user+sys), median | peak RSS, median | ratio "
        "(wall medians) |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = ""
        if anchor and row["name"].startswith("protsoc validate"):
            ratio = (
                f"{anchor['median'] / row['median']:.1f}× faster than check-jsonschema (bundled)"
            )
        elif anchor and row["name"].startswith("check-jsonschema") and row is not anchor:
            ratio = f"{row['median'] / anchor['median']:.1f}× check-jsonschema (bundled)"
        elif python and row["name"].startswith("protsoc --"):
            ratio = f"{row['median'] / python['median']:.1f}× python -c pass"
        cpu = f"{row['cpu']:.3f} s" if "cpu" in row else "not measured"
        lines.append(
            f"| `{row['name']}` | {row['median']:.3f} s | [{row['min']:.3f}–{row['max']:.3f}] "
            f"| {cpu} | {row['rss_mib']:.0f} MiB | {ratio} |"
        )
    for skipped in results["skipped"]:
        lines.append(f"| skipped: {skipped} | | | | | |")
    return "\n".join(lines)


def update_readme(meetings: int, table: str) -> None:
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    begin, end = f"<!-- results {meetings} begin -->", f"<!-- results {meetings} end -->"
    block = f"{begin}\n{table}\n{end}"
    if begin in text and end in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.replace("<!-- results end -->", f"{block}\n\n<!-- results end -->")
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
