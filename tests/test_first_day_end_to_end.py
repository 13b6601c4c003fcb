"""The whole first day of a registry repository, as a new secretariat lives it.

`protsoc init` writes the repository; then, from a shell without protsoc on PATH, the workflow's
own install line installs protsoc into a fresh virtual environment, the workflow's commands run
there, and pre-commit (with the config init wrote) installs protsoc by itself, blocks a broken
record with a clear message and lets the repaired one pass.

Offline and self-contained: protsoc and its core dependencies are built as wheels into a local
folder that pip uses as its only package source (``--find-links``, no index); protsoc itself is
named by its file URL, as `init --install` or a wheel install writes it. Slow (one venv build,
one pre-commit environment): marked ``slow``, and still part of ``python -m pytest``.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def shell(
    command: list[str], cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check:
        assert done.returncode == 0, (command, done.stdout[-3000:], done.stderr[-3000:])
    return done


def test_init_then_ci_and_pre_commit_from_a_plain_shell(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is needed")
    version = importlib.metadata.version("protsoc")
    wheels = tmp_path / "wheels"
    # protsoc's wheel and every core dependency's, plus what pip needs to build pre-commit's
    # placeholder package for a local hook: the only packages the fresh environments can see
    shell(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "-w", str(wheels), str(ROOT)],
        ROOT,
        dict(os.environ),
    )
    shell(
        [sys.executable, "-m", "pip", "download", "--quiet", "-d", str(wheels), "setuptools"],
        ROOT,
        dict(os.environ),
    )
    [wheel] = wheels.glob(f"protsoc-{version}-*.whl")
    requirement = f"protsoc @ {wheel.as_uri()}"

    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tname = Clerk\n\temail = clerk@example.invalid\n")
    plain = {
        # a plain shell: no protsoc on PATH, pip sees only the local wheels
        "PATH": os.pathsep.join(
            p for p in ("/usr/local/bin", "/usr/bin", "/bin") if Path(p).is_dir()
        ),
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "XDG_CONFIG_HOME": str(home),
        "PROTSOC_LANG": "en",
        "PROTSOC_CACHE_DIR": str(tmp_path / "cache"),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "LANG": "C.UTF-8",
    }
    protsoc = Path(sys.executable).with_name("protsoc")
    shell([str(protsoc), "init", "secretariat", "--install", requirement], tmp_path, plain)
    repo = tmp_path / "secretariat"
    workflow = yaml.safe_load((repo / ".github/workflows/validate.yml").read_text())
    assert workflow["env"]["PROTSOC"] == requirement
    steps = [step["run"] for step in workflow["jobs"]["validate"]["steps"] if "run" in step]
    [install_line] = [line for line in steps if "pip install" in line]

    # CI: a fresh venv, the workflow's install line, then the workflow's commands
    venv = tmp_path / "ci-venv"
    shell([sys.executable, "-m", "venv", str(venv)], tmp_path, plain)
    ci = {**plain, "PATH": f"{venv / 'bin'}{os.pathsep}{plain['PATH']}", **workflow["env"]}
    shell(["bash", "-c", install_line], repo, ci)
    commands = [line for line in steps if line.startswith("protsoc ")]
    assert {line.split()[1] for line in commands} >= {
        "validate",
        "verify-seals",
        "codeowners",
        "cadence",
    }
    assert "protsoc validate --format github" in commands
    for line in commands:
        shell(["bash", "-c", line], repo, ci)
    # the installed protsoc names its own source the same way (PEP 610's direct_url.json)
    shell(["protsoc", "init", "second"], tmp_path, ci)
    second = yaml.safe_load((tmp_path / "second/.github/workflows/validate.yml").read_text())
    assert second["env"]["PROTSOC"] == requirement

    # pre-commit from the plain shell: it installs protsoc from the same source by itself
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    first = shell(pre_commit, repo, plain)
    assert "protsoc validate" in first.stdout and "Passed" in first.stdout
    steering = repo / "registry/committees/steering.yaml"
    good = steering.read_text()
    steering.write_text(good.replace("id: steering", "id: Steering Committee", 1))
    blocked = shell(pre_commit, repo, plain, check=False)
    assert blocked.returncode == 1
    assert "Failed" in blocked.stdout
    assert re.search(r"registry/committees/steering\.yaml:\d+", blocked.stdout), blocked.stdout
    steering.write_text(good)
    assert "Passed" in shell(pre_commit, repo, plain).stdout
