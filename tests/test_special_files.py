"""Registry files are regular files: symbolic links, named pipes, devices and huge files are
reported (``file-not-regular``, ``yaml-too-large``) and never read.

Every case is the real thing: a real symbolic link to ``/etc/passwd`` or ``/dev/zero``, a real
named pipe (protsoc runs in a subprocess with a timeout, so a hang fails the test instead of
hanging it), a real 3 GB sparse file, a symbolic link committed to git.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from protsoc.registry.files import RecordFileProblem, read_record_bytes

SECRET = "a-secret-line: only-root-may-read-this"
EVIL = "committees/evil.yaml"


def _secret(tmp_path: Path) -> Path:
    target = tmp_path / "secret.txt"
    target.write_text(f"{SECRET}\nother: line\n", encoding="utf-8")
    return target


def _errors(outcome) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(outcome.stdout)["errors"]


@pytest.mark.parametrize("target", ["secret", "/dev/zero", "/etc/passwd", "dangling"])
def test_a_symbolic_link_is_reported_and_never_read(
    make_registry, run_process, tmp_path, target
) -> None:
    tree = make_registry()
    pointed = {
        "secret": _secret(tmp_path),
        "dangling": tmp_path / "nowhere.yaml",
    }.get(target, Path(target))
    os.symlink(pointed, tree.root / EVIL)
    outcome = run_process(["validate", "--format", "json"], cwd=tree.repo, timeout=60)
    assert outcome.exit_code == 1
    [error] = _errors(outcome)
    assert (error["rule"], error["file"], error["line"]) == (
        "file-not-regular",
        f"registry/{EVIL}",
        1,
    )
    assert "symbolic link" in error["message"]
    assert SECRET not in outcome.output and "root:" not in outcome.output
    text = run_process(["validate"], cwd=tree.repo, timeout=60)
    assert text.exit_code == 1 and SECRET not in text.output


def test_show_does_not_print_a_linked_file(make_registry, run_process, tmp_path) -> None:
    tree = make_registry()
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"id: evil\nnote: {SECRET}\n", encoding="utf-8")
    os.symlink(secret, tree.root / EVIL)
    outcome = run_process(["show", "evil"], cwd=tree.repo, timeout=60)
    assert SECRET not in outcome.output
    assert outcome.exit_code != 0


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["status"],
        ["list", "committees"],
        ["add", "agenda-item", "steering/2024-11-26", "البند"],
    ],
)
def test_a_named_pipe_is_reported_without_waiting_for_a_writer(
    make_registry, run_process, command
) -> None:
    tree = make_registry()
    os.mkfifo(tree.root / EVIL)
    try:
        outcome = run_process(command, cwd=tree.repo, env={"PROTSOC_LANG": "en"}, timeout=60)
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test guards against
        pytest.fail(f"protsoc {' '.join(command)} waited on a named pipe")
    assert "Traceback" not in outcome.stderr
    if command == ["validate"]:
        assert outcome.exit_code == 1
        assert "file-not-regular" in outcome.stdout
        assert "named pipe" in outcome.stdout


def test_a_sparse_file_of_3_gb_is_refused_without_reading_it(make_registry) -> None:
    tree = make_registry()
    with open(tree.root / EVIL, "wb") as stream:
        stream.truncate(3 * 1024**3)
    # 3 GB read into memory would need more than this address-space limit (1 GB) allows.
    completed = subprocess.run(
        ["sh", "-c", "ulimit -v 1000000 && exec protsoc validate --format json"],
        cwd=tree.repo,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    [error] = json.loads(completed.stdout)["errors"]
    assert error["rule"] == "yaml-too-large"
    assert "3,221,225,472 bytes" in error["message"]


def test_the_reader_stops_at_the_limit_whatever_the_file_claims() -> None:
    # A character device says it holds 0 bytes and never ends: refused before any byte is read.
    with pytest.raises(RecordFileProblem) as raised:
        read_record_bytes("/dev/zero")
    assert raised.value.rule == "file-not-regular"
    assert "device" in raised.value.message


def test_a_file_gone_between_listing_and_reading_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(RecordFileProblem) as raised:
        read_record_bytes(tmp_path / "gone.yaml")
    assert raised.value.rule == "file-unreadable"


def test_a_committed_symbolic_link_never_reaches_github_annotations(
    make_registry, run_process, tmp_path
) -> None:
    tree = make_registry()
    os.symlink(_secret(tmp_path), tree.root / EVIL)
    tree.commit("a symbolic link")
    outcome = run_process(
        ["validate", "--changed-since", "HEAD~1", "--format", "github"], cwd=tree.repo, timeout=60
    )
    assert outcome.exit_code == 1
    assert SECRET not in outcome.output
    assert "file-not-regular" in outcome.stdout


def test_a_link_checked_out_as_a_plain_file_is_still_a_link_for_git(
    make_registry, run_process, tmp_path
) -> None:
    """With core.symlinks=false (Windows, some CI checkouts) git writes the link as a file holding
    the target's name; only git's mode 120000 says what it is."""
    tree = make_registry()
    subprocess.run(["git", "config", "core.symlinks", "false"], cwd=tree.repo, check=True)
    target = _secret(tmp_path).as_posix().encode()
    blob = (
        subprocess.run(
            ["git", "hash-object", "-w", "--stdin"],
            cwd=tree.repo,
            input=target,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    subprocess.run(
        ["git", "update-index", "--add", "--cacheinfo", f"120000,{blob},registry/{EVIL}"],
        cwd=tree.repo,
        check=True,
    )
    (tree.root / EVIL).write_bytes(target)
    outcome = run_process(
        ["validate", "--changed-since", "HEAD", "--format", "json"], cwd=tree.repo, timeout=60
    )
    assert outcome.exit_code == 1
    [error] = _errors(outcome)
    assert (error["rule"], error["file"]) == ("file-not-regular", f"registry/{EVIL}")
