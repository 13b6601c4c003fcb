"""The worker pool (``protsoc.registry.pool``): a failing worker is a bug reported, never hidden.

The pool once caught every exception and did the work again in one process: a worker that broke
on some file cost a second pass and was never heard of. Now only "no processes can be started
here" falls back to one process; anything a worker raises reaches the CLI's handler of bugs
(exit 3, the traceback, the worker's included, in a log file).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest


def _bug_log(stderr: str) -> Path:
    return Path(stderr.split("details are in ")[1].split(";")[0].strip())


@pytest.mark.parametrize("command", [["validate"], ["status"]])
def test_a_worker_that_raises_is_exit_3_with_its_log_not_done_again(
    command: list[str],
    make_registry: Any,
    run: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """validate checks files in ``filecheck.check_files``, other commands load them in
    ``records.load_record``: either raising in a worker (a forked child inherits the patch;
    the test's own process is left alone, so a fallback to it would succeed) is exit 3."""
    from protsoc.registry import pool, records
    from protsoc.validate import filecheck

    monkeypatch.setenv(pool.ENV_WORKERS, "2")
    monkeypatch.setenv("PROTSOC_NO_CACHE", "1")
    monkeypatch.delenv("PROTSOC_DEBUG", raising=False)
    tree = make_registry()
    test_process = os.getpid()
    redone = tmp_path / "redone"

    def breaking(function: Any) -> Any:
        def in_worker_only(*args: Any) -> Any:
            if os.getpid() != test_process:
                raise RuntimeError("a worker broke on purpose")
            redone.write_text("the test's process did the work", encoding="utf-8")
            return function(*args)

        return in_worker_only

    monkeypatch.setattr(filecheck, "check_files", breaking(filecheck.check_files))
    monkeypatch.setattr(records, "load_record", breaking(records.load_record))
    outcome = run(["protsoc", *command], cwd=tree.repo)
    assert outcome.exit_code == 3, outcome.output
    assert "internal error" in outcome.stderr
    assert "Traceback" not in outcome.output
    assert not redone.exists()
    log = _bug_log(outcome.stderr)
    try:
        text = log.read_text(encoding="utf-8")
    finally:
        log.unlink(missing_ok=True)
    assert "RuntimeError: a worker broke on purpose" in text
    assert "in in_worker_only" in text  # the worker's own traceback came back with it


def test_without_processes_the_work_is_done_in_this_process(
    make_registry: Any, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no process can be started (a sandbox forbidding fork), validation runs in one
    process with the same result. Forking is refused by replacing ``os.fork``: the tests run as
    a user whose process limit cannot be lowered for real (root ignores RLIMIT_NPROC)."""
    from protsoc.registry import pool

    tree = make_registry()
    tree.patch("meetings/steering/2024-11-26.yaml", {"kind": "ordinaire"})
    monkeypatch.setenv("PROTSOC_NO_CACHE", "1")
    monkeypatch.setenv(pool.ENV_WORKERS, "1")
    alone = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert alone.exit_code == 1 and "schema-enum" in alone.stdout

    def no_fork() -> int:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setenv(pool.ENV_WORKERS, "2")
    refused = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert (refused.exit_code, refused.stdout) == (alone.exit_code, alone.stdout)
