"""protsoc init: a new registry repository with the circular's committees, copied, validated,
committed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import SHIPPED_REGISTRY, git_init


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Clerk\n\temail = clerk@example.invalid\n[init]\n\tdefaultBranch = main\n"
    )
    return {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "PROTSOC_LANG": "en"}


def test_init_creates_a_valid_committed_registry_repository(tmp_path, run_process, env) -> None:  # type: ignore[no-untyped-def]
    result = run_process(["protsoc", "init", "secretariat"], cwd=tmp_path, env=env)
    assert result.exit_code == 0, result.output
    assert "created the git repository" in result.stdout and "(6 committees)" in result.stdout
    repo = tmp_path / "secretariat"
    for path in sorted((SHIPPED_REGISTRY / "committees").glob("*.yaml")):
        written = (repo / "registry/committees" / path.name).read_bytes()
        modeline = b"# yaml-language-server: $schema=../../schemas/committee.schema.json\n"
        assert written == modeline + path.read_bytes()  # copied, not re-typed
    workflow = (repo / ".github/workflows/validate.yml").read_text()
    assert "pull_request" in workflow and "protsoc validate --format github" in workflow
    assert 'PROTSOC: "protsoc==0.1.0"' in workflow  # what PROTSOC_INSTALL (conftest) says
    hook = (repo / ".pre-commit-config.yaml").read_text()
    assert "entry: protsoc validate" in hook and "language: python" in hook
    assert 'additional_dependencies: ["protsoc==0.1.0"]' in hook
    assert "protsoc add meeting" in (repo / "README.md").read_text()
    assert (
        repo / "schemas/meeting.schema.json"
    ).is_file()  # the modelines of new files point there
    assert git(repo, "log", "--format=%s").splitlines() == [
        "registry: init (the six committees of the circular)"
    ]
    assert git(repo, "status", "--porcelain") == ""
    validated = run_process(["protsoc", "validate"], cwd=repo, env=env)
    assert validated.exit_code == 0, validated.output


def test_init_refuses_an_existing_registry(tmp_path, run, env) -> None:  # type: ignore[no-untyped-def]
    assert run(["protsoc", "init", str(tmp_path / "r")], env=env).exit_code == 0
    head = git(tmp_path / "r", "rev-parse", "HEAD")
    again = run(["protsoc", "init", str(tmp_path / "r")], env=env)
    assert again.exit_code == 2
    assert "already holds a registry" in again.stderr
    assert git(tmp_path / "r", "rev-parse", "HEAD") == head
    assert git(tmp_path / "r", "status", "--porcelain") == ""


def test_init_empty_has_the_layout_and_no_committees(tmp_path, run, env) -> None:  # type: ignore[no-untyped-def]
    result = run(["protsoc", "init", str(tmp_path / "r"), "--empty"], env=env)
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "r/registry/committees").glob("*.yaml"))
    for folder in (
        "committees",
        "meetings",
        "roadmap/actions",
        "roadmap/indicators",
        "roadmap/evaluations",
    ):
        assert (tmp_path / "r/registry" / folder).is_dir()
    assert (
        run(["protsoc", "validate", "--registry", str(tmp_path / "r/registry")], env=env).exit_code
        == 0
    )


def test_init_inside_an_existing_repository_commits_only_its_files(tmp_path, run, env) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "ministry"
    git_init(repo)
    (repo / "plan.md").write_text("work in progress\n")
    result = run(["protsoc", "init", str(repo / "governance")], env=env)
    assert result.exit_code == 0, result.output
    assert "created the git repository" not in result.stdout
    assert not (repo / "governance/.git").exists()
    files = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert "plan.md" not in files and "governance/registry/protsoc.yaml" in files
    assert ".github/workflows/validate.yml" in files  # at the repository's top, where CI reads it
    assert git(repo, "status", "--porcelain") == "?? plan.md\n"


def test_init_refuses_when_unrelated_changes_are_staged(tmp_path, run, env) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "ministry"
    git_init(repo)
    (repo / "a.txt").write_text("a\n")
    git(repo, "add", "a.txt")
    git(repo, "commit", "-q", "-m", "a")
    (repo / "b.txt").write_text("b\n")
    git(repo, "add", "b.txt")
    result = run(["protsoc", "init", str(repo / "governance")], env=env)
    assert result.exit_code == 2
    assert "other changes are already staged: b.txt" in result.stderr
    assert not (repo / "governance").exists()


def test_init_without_a_git_identity_writes_nothing(tmp_path, run) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "nobody"
    home.mkdir()
    result = run(
        ["protsoc", "init", str(tmp_path / "r")],
        env={
            "HOME": str(home),
            "GIT_CONFIG_NOSYSTEM": "1",
            "XDG_CONFIG_HOME": str(home),
            "PROTSOC_LANG": "en",
        },
    )
    assert result.exit_code == 2
    assert "git does not know who you are" in result.stderr
    assert not (tmp_path / "r").exists()


def test_the_wheel_carries_the_shipped_registry_and_the_catalogues(tmp_path: Path) -> None:
    """`protsoc init` copies the committees from package data, and messages need the .mo files."""
    import sys
    import zipfile

    from conftest import REPO_ROOT

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO_ROOT),
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    [built] = tmp_path.glob("protsoc-*.whl")
    names = set(zipfile.ZipFile(built).namelist())
    for path in sorted((SHIPPED_REGISTRY / "committees").glob("*.yaml")):
        assert f"protsoc/_data/registry/committees/{path.name}" in names
    assert "protsoc/_data/registry/protsoc.yaml" in names
    for language in ("ar", "fr"):
        assert f"protsoc/locale/{language}/LC_MESSAGES/protsoc.mo" in names
