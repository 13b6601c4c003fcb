"""A repository made by `protsoc init` passes its own checks on its first day, and names an
install source for CI and pre-commit that it can justify."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import re
import subprocess
from pathlib import Path

import pytest

from protsoc.clerk.scaffold import InstallSource, install_source
from protsoc.kernel.errors import UsageError


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tname = Clerk\n\temail = clerk@example.invalid\n")
    return {
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "XDG_CONFIG_HOME": str(home),
        "PROTSOC_LANG": "en",
    }


def installed(
    tmp_path: Path, direct_url: dict[str, object] | None
) -> importlib.metadata.Distribution:
    """A real dist-info folder as pip writes it (PEP 610 direct_url.json when not from an index)."""
    info = tmp_path / "site" / "protsoc-0.3.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: protsoc\nVersion: 0.3.1\n")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url))
    return importlib.metadata.PathDistribution(info)


def test_a_protsoc_from_a_package_index_is_pinned_to_its_version(tmp_path: Path) -> None:
    assert install_source(installed(tmp_path, None)).requirement == "protsoc==0.3.1"


def test_a_protsoc_from_git_is_pinned_to_its_commit(tmp_path: Path) -> None:
    commit = "4f2c" * 10
    source = install_source(
        installed(
            tmp_path,
            {
                "url": "https://forge.example/gov/protsoc.git",
                "vcs_info": {"vcs": "git", "commit_id": commit, "requested_revision": "main"},
            },
        )
    )
    assert source.requirement == f"protsoc @ git+https://forge.example/gov/protsoc.git@{commit}"
    assert source.with_extra("documents") == (
        f"protsoc[documents] @ git+https://forge.example/gov/protsoc.git@{commit}"
    )


def test_a_protsoc_from_a_wheel_names_the_wheel(tmp_path: Path) -> None:
    url = "file:///srv/wheels/protsoc-0.3.1-py3-none-any.whl"
    source = install_source(installed(tmp_path, {"url": url, "archive_info": {}}))
    assert source.requirement == f"protsoc @ {url}"


def test_a_protsoc_from_a_local_folder_is_no_install_source(tmp_path: Path) -> None:
    dist = installed(tmp_path, {"url": "file:///home/me/protsoc", "dir_info": {"editable": True}})
    with pytest.raises(UsageError) as raised:
        install_source(dist)
    assert "--install" in (raised.value.hint or "")


def test_the_documents_extra_keeps_the_pin() -> None:
    assert (
        InstallSource("protsoc==1.2.0", "").with_extra("documents") == "protsoc[documents]==1.2.0"
    )


def test_init_without_a_known_source_asks_for_install_and_writes_nothing(
    tmp_path, run_process, env
) -> None:  # type: ignore[no-untyped-def]
    # the test venv's protsoc is an editable install of a local folder: nothing CI can fetch
    result = run_process(
        ["protsoc", "init", "r"], cwd=tmp_path, env={**env, "PROTSOC_INSTALL": None}
    )
    assert result.exit_code == 2
    assert "--install" in result.stderr
    assert not (tmp_path / "r").exists()


def test_a_new_repository_passes_its_own_checks_on_its_first_day(
    tmp_path, run_process, env
) -> None:  # type: ignore[no-untyped-def]
    result = run_process(["protsoc", "init", "r"], cwd=tmp_path, env=env)
    assert result.exit_code == 0, result.output
    repo = tmp_path / "r"
    assert git(repo, "branch", "--show-current").strip() == "main"
    assert "branches: [main]" in (repo / ".github/workflows/validate.yml").read_text()
    manifest = (repo / "registry/protsoc.yaml").read_text()
    assert f"tracking_start: '{dt.date.today().isoformat()}'" in manifest
    for command in (
        ["validate", "--format", "github"],
        ["cadence"],
        ["verify-seals"],
        ["codeowners", "--check"],
        ["roadmap"],
    ):
        outcome = run_process(["protsoc", *command], cwd=repo, env=env)
        assert outcome.exit_code == 0, (command, outcome.output)


def test_comments_and_modelines_point_to_files_of_the_new_repository(
    tmp_path, run_process, env
) -> None:  # type: ignore[no-untyped-def]
    assert run_process(["protsoc", "init", "r"], cwd=tmp_path, env=env).exit_code == 0
    repo = tmp_path / "r"
    for path in (repo / "registry").rglob("*.yaml"):
        text = path.read_text()
        assert "DOMAIN.md" not in text and "../shared" not in text
        modeline = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
        assert modeline, path
        assert (path.parent / modeline.group(1)).resolve().is_file(), path
        for named in re.findall(r"^#.*?\b(schemas/[\w.]+\.json)", text, re.M):
            assert (repo / named).is_file(), (path, named)


def test_the_branch_follows_gits_default_and_the_tracking_start_can_be_given(
    tmp_path, run_process, env
) -> None:  # type: ignore[no-untyped-def]
    gitconfig = Path(env["HOME"]) / ".gitconfig"
    gitconfig.write_text(gitconfig.read_text() + "[init]\n\tdefaultBranch = trunk\n")
    result = run_process(
        ["protsoc", "init", "r", "--tracking-start", "2025-01-15"], cwd=tmp_path, env=env
    )
    assert result.exit_code == 0, result.output
    repo = tmp_path / "r"
    assert git(repo, "branch", "--show-current").strip() == "trunk"
    assert "branches: [trunk]" in (repo / ".github/workflows/validate.yml").read_text()
    assert "tracking_start: '2025-01-15'" in (repo / "registry/protsoc.yaml").read_text()
    bad = run_process(
        ["protsoc", "init", "s", "--tracking-start", "15/01/2025"], cwd=tmp_path, env=env
    )
    assert bad.exit_code == 2 and not (tmp_path / "s").exists()
