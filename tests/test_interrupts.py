"""Ctrl-C and kill -9: exit 130 with one line, no traceback, no partial file, nothing left behind.

Real signals to real processes. Ctrl-C in a terminal sends SIGINT to the whole foreground process
group (protsoc and its worker processes), so the tests start protsoc in a session of its own and
signal the group. Subprocess timeouts, not timing assertions, catch a hang.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def large_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,500 generated meetings: a cold validation takes seconds on two workers."""
    folder = tmp_path_factory.mktemp("interrupts") / "registry"
    subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "benchmarks" / "generate.py"),
            "--meetings",
            "1500",
            str(folder),
        ],
        check=True,
        capture_output=True,
    )
    return folder


def _interrupted(
    args: list[str], delay: float, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run protsoc, press Ctrl-C after ``delay`` seconds; fails the test if it does not end."""
    full_env = dict(os.environ, NO_COLOR="1", TERM="dumb", PROTSOC_LANG="en", **(env or {}))
    full_env.pop("PROTSOC_REGISTRY", None)
    process = subprocess.Popen(
        ["protsoc", *args],
        cwd=cwd,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(delay)
    try:
        os.killpg(process.pid, signal.SIGINT)
    except ProcessLookupError:  # already finished: the caller sees its exit code
        pass
    try:
        stdout, stderr = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:  # pragma: no cover - the hang this guards against
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"protsoc {' '.join(args)} did not end after Ctrl-C")
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


@pytest.mark.parametrize("delay", [0.8, 1.2, 1.6, 2.0])
def test_ctrl_c_during_a_two_worker_validation(large_registry: Path, delay: float) -> None:
    outcome = _interrupted(
        ["validate", "--registry", str(large_registry)],
        delay,
        large_registry.parent,
        env={"PROTSOC_WORKERS": "2", "PROTSOC_NO_CACHE": "1"},
    )
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert "ForkPoolWorker" not in outcome.stderr
    if outcome.returncode != 0:  # a very fast machine may finish first
        assert outcome.returncode == 130
        assert outcome.stderr.strip() == "interrupted"


@pytest.mark.parametrize("delay", [1.0, 1.8])
def test_ctrl_c_during_a_pdf_report_writes_no_pdf(
    large_registry: Path, tmp_path: Path, delay: float
) -> None:
    pytest.importorskip("weasyprint")
    target = tmp_path / "report.pdf"
    outcome = _interrupted(
        ["report", "--format", "pdf", "-o", str(target), "--registry", str(large_registry)],
        delay,
        tmp_path,
    )
    assert outcome.returncode == 130, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary file either


def test_the_next_writer_removes_what_a_killed_writer_left(registry_tree, run) -> None:
    meeting = registry_tree.path("meetings/steering/2024-11-26.yaml")
    # What `kill -9` during ``write_atomic`` leaves: its temporary file, never renamed.
    left = meeting.parent / f".{meeting.name}.k9x_2abc.tmp"
    left.write_bytes(meeting.read_bytes()[:40])
    unrelated = meeting.parent / ".notes.tmp"
    unrelated.write_text("a person's file", encoding="utf-8")
    outcome = run(
        ["protsoc", "add", "agenda-item", "steering/2024-11-26", "البند الأول"],
        cwd=registry_tree.repo,
        env={"PROTSOC_LANG": "en"},
    )
    assert outcome.exit_code == 0, outcome.output
    assert not left.exists()
    assert unrelated.exists()


@pytest.mark.parametrize("value", ["abc", "nan", "-1", "1e400"])
def test_a_lock_timeout_that_is_not_seconds_is_a_usage_error(registry_tree, run, value) -> None:
    outcome = run(
        ["protsoc", "add", "agenda-item", "steering/2024-11-26", "البند الأول"],
        cwd=registry_tree.repo,
        env={"PROTSOC_LANG": "en", "PROTSOC_LOCK_TIMEOUT": value},
    )
    assert outcome.exit_code == 2
    assert "PROTSOC_LOCK_TIMEOUT" in outcome.stderr
