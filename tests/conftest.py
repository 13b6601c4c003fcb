"""Shared fixtures of the protsoc test suite.

- ``make_registry()``: a minimal *valid* registry (manifest, one committee with members, one held
  meeting) inside a real ``git init`` repository in ``tmp_path``; returns a ``RegistryTree`` with
  helpers to write, patch, read and delete files.
- ``run([...])``: the CLI through ``typer.testing.CliRunner`` (stdout and stderr kept apart).
- ``run_process([...])``: the installed ``protsoc`` console script in a real subprocess.
- ``pool_workers``: runs a test once in one process and once on a pool of two worker processes
  (``PROTSOC_WORKERS``), and checks that the pool really ran.
- an autouse guard that fails any test which modifies the shipped ``registry/`` of the checkout.

Other test modules may add fixtures here; keep them general and documented.
"""

from __future__ import annotations

import copy
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_REGISTRY = REPO_ROOT / "registry"
SCHEMAS = REPO_ROOT / "schemas"
EXAMPLES = Path(__file__).resolve().parent / "examples"

SEED_CIRCULAR = "seeds/000_02509a23915112cd.txt"
SEED_MEETING = "seeds/004_736f315ecc4f7e21.txt"

# --- the minimal valid registry ------------------------------------------------------------

MANIFEST: dict[str, Any] = {
    "format_version": 1,
    "title": {"ar": "سجل حكامة منظومة الحماية الاجتماعية"},
    "legal_basis": {
        "title": {"ar": "إصلاح وحكامة منظومة الحماية الاجتماعية بالمغرب"},
        "date": "2018-04-03",
        "sources": [{"document": SEED_CIRCULAR}],
    },
    "tracking_start": "2018-04-03",
}

STEERING: dict[str, Any] = {
    "id": "steering",
    "name": {"ar": "اللجنة الوزارية لقيادة إصلاح وحكامة منظومة الحماية الاجتماعية"},
    "short_name": {"ar": "لجنة القيادة"},
    "kind": "ministerial",
    "chair": "head-of-government",
    "legal_basis": {"document": SEED_CIRCULAR},
    "cadence": {
        "min_meetings": 1,
        "per": "P1Y",
        "mode": "calendar",
        "source": {"document": SEED_CIRCULAR},
    },
    "members": [
        {
            "id": "head-of-government",
            "role": "chair",
            "titles": [{"title": {"ar": "رئيس الحكومة"}}],
            "sources": [{"document": SEED_CIRCULAR}],
        },
        {
            "id": "interior",
            "role": "member",
            "titles": [{"title": {"ar": "وزير الداخلية"}}],
            "sources": [{"document": SEED_CIRCULAR}],
        },
        {
            "id": "health",
            "role": "member",
            "titles": [
                {"title": {"ar": "وزير الصحة"}, "since": "2018-04-03", "until": "2021-10-06"},
                {"title": {"ar": "وزير الصحة والحماية الاجتماعية"}, "since": "2021-10-07"},
            ],
            "sources": [{"document": SEED_CIRCULAR}],
        },
    ],
    "sources": [{"document": SEED_CIRCULAR}],
}

MEETING: dict[str, Any] = {
    "id": "steering/2024-11-26",
    "committee": "steering",
    "date": "2024-11-26",
    "status": "held",
    "place": {"ar": "الرباط"},
    "attendance": [
        {"member": "head-of-government", "status": "present"},
        {"member": "interior", "status": "present"},
    ],
    "sources": [{"document": SEED_MEETING}],
}

MINIMAL_FILES: dict[str, dict[str, Any]] = {
    "protsoc.yaml": MANIFEST,
    "committees/steering.yaml": STEERING,
    "meetings/steering/2024-11-26.yaml": MEETING,
}


def dump(data: Any) -> str:
    """YAML text in protsoc's one output style."""
    from protsoc.registry import yamlio

    return yamlio.dumps(data)


@dataclass
class RegistryTree:
    """A registry on disk in a git repository: ``repo`` is the repository, ``root`` its
    registry/."""

    repo: Path
    root: Path
    written: list[str] = field(default_factory=list, repr=False)

    def path(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, content: str | bytes | Mapping[str, Any]) -> Path:
        """Write a file under the registry: a mapping is dumped as YAML, text as UTF-8, bytes as
        is."""
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        elif isinstance(content, str):
            target.write_bytes(content.encode("utf-8"))
        else:
            target.write_bytes(dump(dict(content)).encode("utf-8"))
        self.written.append(rel)
        return target

    def read(self, rel: str) -> dict[str, Any]:
        """A registry file as data (with protsoc's strict loader)."""
        from protsoc.registry import yamlio

        return yamlio.load_file(self.root / rel).data

    def patch(self, rel: str, change: Mapping[str, Any] | Callable[[dict[str, Any]], Any]) -> Path:
        """Rewrite a YAML file: merge a mapping of top-level fields (value None deletes the field),
        or call ``change(data)`` to edit the data in place."""
        data = copy.deepcopy(self.read(rel))
        if callable(change):
            change(data)
        else:
            for key, value in change.items():
                if value is None:
                    data.pop(key, None)
                else:
                    data[key] = value
        return self.write(rel, data)

    def reset(self) -> None:
        """Put the minimal registry's files back as they were (other files stay)."""
        for rel, data in MINIMAL_FILES.items():
            self.write(rel, copy.deepcopy(data))

    def delete(self, rel: str) -> None:
        (self.root / rel).unlink()

    def commit(self, message: str = "registry") -> None:
        """Commit everything in the repository (for tests where git history matters)."""
        _git(self.repo, "add", "-A")
        _git(self.repo, "commit", "-q", "-m", message)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def git_init(repo: Path) -> None:
    """A real git repository with an identity, so commits work on any machine."""
    repo.mkdir(parents=True, exist_ok=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.name", "protsoc tests")
    _git(repo, "config", "user.email", "tests@protsoc.invalid")
    _git(repo, "config", "commit.gpgsign", "false")


@pytest.fixture
def make_registry(tmp_path: Path) -> Callable[..., RegistryTree]:
    """Factory: ``make_registry(files=None, commit=True, name="repo")`` -> RegistryTree.

    Builds ``tmp_path/<name>/registry/`` holding the minimal valid registry (``MINIMAL_FILES``),
    overridden/extended by ``files`` (relative path -> mapping, text or bytes; None removes a
    minimal file), inside a real git repository, committed once unless ``commit=False``.
    """

    def factory(
        files: Mapping[str, Any] | None = None, commit: bool = True, name: str = "repo"
    ) -> RegistryTree:
        repo = tmp_path / name
        git_init(repo)
        tree = RegistryTree(repo=repo, root=repo / "registry")
        contents: dict[str, Any] = {rel: copy.deepcopy(data) for rel, data in MINIMAL_FILES.items()}
        for rel, data in (files or {}).items():
            if data is None:
                contents.pop(rel, None)
            else:
                contents[rel] = data
        for rel, data in contents.items():
            tree.write(rel, data)
        if commit:
            tree.commit("minimal registry")
        return tree

    return factory


@pytest.fixture
def registry_tree(make_registry: Callable[..., RegistryTree]) -> RegistryTree:
    """The minimal valid registry, ready to use."""
    return make_registry()


# --- running the CLI -----------------------------------------------------------------------


@dataclass
class Outcome:
    """What a CLI run produced, the same shape for CliRunner and subprocess runs."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _clean_env(env: Mapping[str, str | None] | None) -> dict[str, str | None]:
    # A developer's PROTSOC_REGISTRY must never leak into a test; rich must not wrap or colour.
    base: dict[str, str | None] = {
        "PROTSOC_REGISTRY": None,
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "PROTSOC_DEBUG": None,
    }
    base.update(env or {})
    return base


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Outcome]:
    """``run(["validate", "--format", "json"], cwd=..., env={...})`` through typer's CliRunner.

    A leading "protsoc" is accepted, so tests read like shell lines. stdout and stderr are
    separate (typer's CliRunner keeps them apart). Exceptions are not swallowed silently: a
    command that raised shows up as a failed test, not as exit code 1.
    """
    from typer.testing import CliRunner

    from protsoc.cli.main import app

    def invoke(
        args: Sequence[str],
        cwd: Path | None = None,
        env: Mapping[str, str | None] | None = None,
        input: str | None = None,
    ) -> Outcome:
        args = list(args)
        if args and args[0] == "protsoc":
            args = args[1:]
        if cwd is not None:
            monkeypatch.chdir(cwd)
        result = CliRunner().invoke(
            app, args, env=_clean_env(env), input=input, catch_exceptions=False
        )
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def run_process() -> Callable[..., Outcome]:
    """``run_process(["protsoc", "validate"], cwd=...)``: the installed console script for real."""

    def invoke(
        args: Sequence[str],
        cwd: Path | None = None,
        env: Mapping[str, str | None] | None = None,
        input: str | None = None,
        timeout: float = 120,
    ) -> Outcome:
        args = list(args)
        if not args or args[0] != "protsoc":
            args = ["protsoc", *args]
        full_env = dict(os.environ)
        for key, value in _clean_env(env).items():
            if value is None:
                full_env.pop(key, None)
            else:
                full_env[key] = value
        full_env.setdefault("PYTHONIOENCODING", "utf-8")
        completed = subprocess.run(
            args,
            cwd=cwd,
            env=full_env,
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )
        return Outcome(completed.returncode, completed.stdout, completed.stderr)

    return invoke


@pytest.fixture(scope="session")
def python() -> str:
    """The interpreter running the tests (the one protsoc is installed into)."""
    return sys.executable


@pytest.fixture(autouse=True)
def _install_source_for_init(monkeypatch: pytest.MonkeyPatch) -> None:
    """`protsoc init` writes where CI installs protsoc from; the test venv's editable install
    names a local folder CI cannot fetch, so tests say it (``--install``) through the variable."""
    monkeypatch.setenv("PROTSOC_INSTALL", "protsoc==0.1.0")


@pytest.fixture(autouse=True)
def _private_validation_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """protsoc's validation cache (``protsoc.cache``) goes to the test session's temporary folder,
    never to the developer's ~/.cache (subprocesses inherit the variable)."""
    monkeypatch.setenv("PROTSOC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "protsoc-cache"))


# --- guard: the shipped registry is never touched --------------------------------------------


def tree_digest(root: Path) -> str:
    """A digest of every file name and content under ``root`` (empty when it does not exist)."""
    digest = hashlib.sha256()
    if not root.exists():
        return ""
    for path in sorted(p for p in root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if "__pycache__" in rel:
            continue
        digest.update(rel.encode("utf-8") + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
        digest.update(b"\1")
    return digest.hexdigest()


@pytest.fixture(autouse=True)
def _shipped_registry_untouched(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that modifies the checkout's registry/ (copy it to tmp_path instead).

    The lead may edit registry/ while the suite runs; if this guard fires on a test that never
    writes files, rerun it before suspecting the test.
    """
    before = tree_digest(SHIPPED_REGISTRY)
    yield
    after = tree_digest(SHIPPED_REGISTRY)
    if before != after:
        pytest.fail(
            f"{request.node.nodeid} modified the shipped registry/ ({SHIPPED_REGISTRY}); tests "
            "must "
            "copy it to tmp_path (shutil.copytree) and work on the copy",
            pytrace=False,
        )


# --- the worker pool, on and off ---------------------------------------------------------------


@dataclass
class PoolProbe:
    """The batches of files checked or loaded while a test ran: (process id, number of files)."""

    workers: int
    parent: int  # the test's own process
    log: Path

    def batches(self) -> list[tuple[int, int]]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="ascii").split()
        return [(int(pid), int(count)) for pid, count in zip(lines[::2], lines[1::2])]

    def worker_pids(self) -> set[int]:
        return {pid for pid, _ in self.batches() if pid != self.parent}


@pytest.fixture(params=[1, 2], ids=["1-worker", "2-workers"])
def pool_workers(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path_factory
) -> Iterator[PoolProbe]:
    """The test, once in one process and once on two worker processes (``PROTSOC_WORKERS``, which
    also lifts the pool's threshold of 400 files: the test registries are far smaller).

    The functions that check (validate) or load (other commands) a batch of files record which
    process ran them, in a file: forked workers inherit the recording and append to it. Afterwards,
    on two workers every batch of two files or more must have run in another process than the
    test's (a pool that silently fell back to this process fails the test), and on one worker every
    batch in the test's. Runs of the console script in a subprocess are not seen.
    """
    from protsoc.registry import pool
    from protsoc.validate import filecheck

    monkeypatch.setenv(pool.ENV_WORKERS, str(request.param))
    probe = PoolProbe(request.param, os.getpid(), tmp_path_factory.mktemp("pool") / "batches")

    def recorded(function: Callable[[list[Any]], Any]) -> Callable[[list[Any]], Any]:
        def run_batch(files: list[Any]) -> Any:
            with open(probe.log, "a", encoding="ascii") as stream:  # one short append: atomic
                stream.write(f"{os.getpid()} {len(files)}\n")
            return function(files)

        return run_batch

    monkeypatch.setattr(filecheck, "check_files", recorded(filecheck.check_files))
    monkeypatch.setattr(pool, "_load_chunk", recorded(pool._load_chunk))
    yield probe
    batches = probe.batches()
    if probe.workers == 1:
        assert probe.worker_pids() == set(), f"one worker, yet batches ran elsewhere: {batches}"
    else:
        in_test_process = [count for pid, count in batches if pid == probe.parent and count > 1]
        assert not in_test_process, (
            f"two workers, yet batches of {in_test_process} files ran in the test's process"
        )
