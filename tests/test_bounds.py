"""Valid or plain input never ends in exit 3: numbers, dates, arguments, variables and I/O errors
are bounded and reported (exit 1 for the registry, exit 2 for the command line or the machine).

Each case is one that ended in "protsoc hit an internal error" before, run through the real CLI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SHIPPED_REGISTRY

INDICATOR = "roadmap/indicators/amo-tadamon-beneficiaries.yaml"
READERS = [
    ["validate"],
    ["dashboard"],
    ["report"],
    ["list", "indicators"],
    ["status"],
    ["cadence"],
    ["calendar"],
]


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped registry (it has indicators with observations); returns its folder."""
    shutil.copytree(SHIPPED_REGISTRY, tmp_path / "registry")
    return tmp_path / "registry"


def _set_first_value(root: Path, written: str) -> None:
    path = root / INDICATOR
    text = path.read_text(encoding="utf-8")
    head, marker, rest = text.partition("  value: ")
    assert marker, "the shipped indicator has an observation"
    path.write_text(head + marker + written + rest[rest.index("\n") :], encoding="utf-8")


@pytest.mark.parametrize(
    "written",
    [
        "9" * 4000,
        "0x" + "f" * 4000,
        "1.7976931348623157e+308",
        '!!int "1' + "0" * 5000 + '"',
    ],
    ids=["4000-digits", "hexadecimal-4000-digits", "largest-float", "tagged-10-power-5000"],
)
def test_a_number_protsoc_cannot_compute_is_a_finding_not_a_crash(
    shipped: Path, run, written: str
) -> None:
    _set_first_value(shipped, written)
    for command in READERS:
        outcome = run(["protsoc", *command], cwd=shipped.parent, env={"PROTSOC_LANG": "en"})
        assert outcome.exit_code in (0, 1), (command, outcome.output[-400:])
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=shipped.parent)
    rules = {error["rule"] for error in json.loads(outcome.stdout)["errors"]}
    assert "yaml-number-too-large" in rules
    assert "yaml-tag" not in rules


def test_add_observation_refuses_a_value_of_4000_digits(shipped: Path, run) -> None:
    before = (shipped / INDICATOR).read_bytes()
    for value in ["9" * 4000, "9" * 300, "1e300"]:
        outcome = run(
            [
                "protsoc",
                "add",
                "observation",
                "amo-tadamon-beneficiaries",
                "--date",
                "2025-01-01",
                "--value",
                value,
                "--source",
                "a source",
            ],
            cwd=shipped.parent,
            env={"PROTSOC_LANG": "en"},
        )
        assert outcome.exit_code == 2, outcome.output
        assert "--value" in outcome.stderr
    assert (shipped / INDICATOR).read_bytes() == before


def test_a_planned_meeting_on_9999_12_31_does_not_break_the_calendar(registry_tree, run) -> None:
    registry_tree.write(
        "meetings/steering/9999-12-31.yaml",
        {
            "id": "steering/9999-12-31",
            "committee": "steering",
            "date": "9999-12-31",
            "status": "planned",
            "sources": [{"document": "seeds/004_736f315ecc4f7e21.txt"}],
        },
    )
    for command in (["calendar"], ["cadence"], ["status"], ["list", "meetings"], ["report"]):
        outcome = run(["protsoc", *command], cwd=registry_tree.repo)
        assert outcome.exit_code in (0, 1), (command, outcome.output[-400:])
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=registry_tree.repo)
    assert outcome.exit_code == 1
    assert any(e["rule"] == "schema-pattern" for e in json.loads(outcome.stdout)["errors"])


@pytest.mark.parametrize("command", ["cadence", "report", "calendar"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_as_of_outside_the_years_protsoc_computes_with(registry_tree, run, command, day) -> None:
    outcome = run(["protsoc", command, "--as-of", day], cwd=registry_tree.repo)
    assert outcome.exit_code == 2, outcome.output
    assert "--as-of" in outcome.stderr


def test_due_soon_days_beyond_ten_years(registry_tree, run) -> None:
    outcome = run(["protsoc", "cadence", "--due-soon-days", "999999999"], cwd=registry_tree.repo)
    assert outcome.exit_code == 2
    assert "--due-soon-days" in outcome.stderr


def test_a_non_utf8_byte_in_an_argument(registry_tree) -> None:
    completed = subprocess.run(
        [b"protsoc", b"add", b"agenda-item", b"steering/2024-11-26", b"x\xffy"],
        cwd=registry_tree.repo,
        capture_output=True,
        env=dict(os.environ, PROTSOC_LANG="en", NO_COLOR="1"),
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert b"not valid UTF-8" in completed.stderr
    assert b"Traceback" not in completed.stderr
    assert (
        subprocess.run(
            ["git", "status", "--porcelain"],
            cwd=registry_tree.repo,
            capture_output=True,
            check=True,
        ).stdout
        == b""
    )


def test_a_file_size_limit_while_writing_leaves_the_file_and_exits_2(registry_tree) -> None:
    meeting = registry_tree.path("meetings/steering/2024-11-26.yaml")
    before = meeting.read_bytes()
    completed = subprocess.run(
        [
            "sh",
            "-c",
            # 1 KiB: smaller than the meeting with its new agenda item
            'ulimit -f 1 && exec protsoc add agenda-item steering/2024-11-26 "$(printf "%0900d" '
            '0)"',
        ],
        cwd=registry_tree.repo,
        capture_output=True,
        text=True,
        env=dict(os.environ, PROTSOC_LANG="en", NO_COLOR="1"),
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert "cannot write" in completed.stderr and "2024-11-26.yaml" in completed.stderr
    assert "File too large" in completed.stderr
    assert meeting.read_bytes() == before
    assert sorted(p.name for p in meeting.parent.iterdir()) == ["2024-11-26.yaml"]


def test_a_previous_calendar_with_a_sequence_beyond_rfc_5545(registry_tree, run, tmp_path) -> None:
    export = tmp_path / "meetings.ics"
    assert run(["protsoc", "calendar", "-o", str(export)], cwd=registry_tree.repo).exit_code == 0
    text = export.read_text(encoding="utf-8")
    assert "SEQUENCE:0" in text
    export.write_text(text.replace("SEQUENCE:0", "SEQUENCE:99999999999", 1), encoding="utf-8")
    outcome = run(["protsoc", "calendar", "--previous", str(export)], cwd=registry_tree.repo)
    assert outcome.exit_code == 2, outcome.output
    assert "SEQUENCE" in outcome.stderr
