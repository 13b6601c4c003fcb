"""Write every read-only command's output on a registry into a folder, to compare two versions.

    python benchmarks/outputs.py --registry registry /tmp/out-before
    ... change the code ...
    python benchmarks/outputs.py --registry registry /tmp/out-after
    diff -r /tmp/out-before /tmp/out-after

Each command's stdout, stderr and exit code land in one file named after the command line. A
restructuring that must not change what users see is checked this way on the shipped registry
and on a generated one (``benchmarks/generate.py --meetings 2000``). The date is fixed with
``--as-of`` wherever a command takes it, so two runs on different days compare.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

AS_OF = "2026-11-22"
COMMANDS: list[list[str]] = [
    ["validate"],
    ["validate", "--format", "json"],
    ["validate", "--format", "github"],
    ["validate", "--no-cache"],
    ["status", "--as-of", AS_OF],
    ["status", "--as-of", AS_OF, "--format", "json"],
    ["cadence", "--as-of", AS_OF],
    ["cadence", "--as-of", AS_OF, "--format", "json"],
    ["calendar", "--as-of", AS_OF],
    ["decisions", "--as-of", AS_OF],
    ["decisions", "--as-of", AS_OF, "--format", "json"],
    ["dashboard", "--as-of", AS_OF],
    ["dashboard", "--as-of", AS_OF, "--format", "json"],
    ["dashboard", "--as-of", AS_OF, "--format", "csv"],
    ["roadmap", "--as-of", AS_OF],
    ["roadmap", "--as-of", AS_OF, "--format", "json"],
    ["evaluations", "--as-of", AS_OF],
    ["evaluations", "--as-of", AS_OF, "--format", "json"],
    ["report", "--as-of", AS_OF, "--format", "md"],
    ["report", "--as-of", AS_OF, "--format", "html"],
    ["list", "committees"],
    ["list", "members"],
    ["list", "meetings"],
    ["list", "decisions"],
    ["list", "actions"],
    ["list", "indicators"],
    ["list", "evaluations"],
    ["list", "meetings", "--format", "json"],
    ["show", "steering"],
    ["codeowners", "--check"],
    ["--help"],
    ["--version"],
]
HELP_OF = [
    "status",
    "validate",
    "cadence",
    "calendar",
    "decisions",
    "dashboard",
    "roadmap",
    "evaluations",
    "render",
    "report",
    "init",
    "approve",
    "list",
    "show",
    "diff",
    "amend",
    "history",
    "codeowners",
    "add",
    "set",
]


def first_meetings(registry: Path, count: int) -> list[str]:
    found = sorted(registry.glob("meetings/*/*.yaml"))[:count]
    return [f"{path.parent.name}/{path.stem}" for path in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", type=Path, required=True)
    parser.add_argument("--protsoc", default="protsoc", help="the console script to run")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    registry = args.registry.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    commands = list(COMMANDS) + [[name, "--help"] for name in HELP_OF]
    for meeting in first_meetings(registry, 2):
        commands += [
            ["show", meeting],
            ["render", "minutes", meeting, "--format", "md"],
            ["render", "minutes", meeting, "--format", "html"],
            ["render", "convocation", meeting, "--format", "md"],
            ["render", "convocation", meeting, "--format", "html"],
        ]
    env = dict(os.environ, COLUMNS="120", NO_COLOR="1", PROTSOC_LANG="en", TERM="dumb")
    env.pop("PROTSOC_REGISTRY", None)
    for command in commands:
        full = [
            args.protsoc,
            *command[:1],
            *(
                ["--registry", str(registry)]
                if command[0] not in ("--help", "--version") and "--help" not in command
                else []
            ),
            *command[1:],
        ]
        done = subprocess.run(full, capture_output=True, env=env, cwd=registry.parent, check=False)
        name = re.sub(r"[^A-Za-z0-9.-]+", "_", " ".join(command)).strip("_") or "none"
        text = (
            b"exit "
            + str(done.returncode).encode()
            + b"\n--- stdout\n"
            + done.stdout
            + b"\n--- stderr\n"
            + done.stderr
        )
        text = text.replace(str(registry).encode(), b"<REGISTRY>")
        text = re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:<NOW>", text)  # the export's own time
        (args.out / f"{name}.txt").write_bytes(text)
    print(f"{len(commands)} outputs written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
