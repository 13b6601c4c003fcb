"""`pip install .` must give a protsoc that finds its schemas and templates without the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import REPO_ROOT, SCHEMAS, SHIPPED_REGISTRY


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip wheel .` builds from the checkout (hatchling comes from pip's cache/index)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO_ROOT), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    [built] = out.glob("protsoc-*.whl")
    return built


def test_wheel_carries_schemas_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in SCHEMAS.glob("*.schema.json"):
        assert f"protsoc/_data/schemas/{schema.name}" in names
    assert "protsoc/_data/schemas/meeting.schema.json" in names
    templates = [p for p in (REPO_ROOT / "templates").iterdir() if p.is_file()]
    for template in templates:
        assert f"protsoc/_data/templates/{template.name}" in names
    assert "protsoc/cli/main.py" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "protsoc = protsoc.cli.main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_wheel_carries_no_tests_or_caches(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert not [
        n for n in names if n.startswith("tests/") or "__pycache__" in n or n.endswith(".pyc")
    ]


def test_installed_wheel_works_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel into a fresh virtual environment (dependencies from this interpreter's
    site-packages, no network) and run it from a folder that is not the checkout."""
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300
    )
    python = venv / "bin" / "python"
    # The dependencies come from the environment running the tests. `--system-site-packages`
    # would show the base interpreter's packages, not this virtualenv's (where pip put them), so
    # this environment's site folders are appended with a .pth file. Appended means after the
    # new venv's own: the wheel's protsoc is found first, and the checkout's editable finder
    # (a .pth of this environment) is not run, since .pth files are read only in site folders.
    site_folder = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site_folder, "test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    registry = tmp_path / "work" / "registry"
    shutil.copytree(SHIPPED_REGISTRY, registry)
    env = {k: v for k, v in os.environ.items() if k not in ("PROTSOC_REGISTRY", "PYTHONPATH")}
    where = subprocess.run(
        [
            str(python),
            "-c",
            (
                "import json, protsoc, protsoc.kernel.resources as r; "
                "print(json.dumps([protsoc.__file__, str(r.schema_dir()), "
                "str(r.template_dir())]))"
            ),
        ],
        cwd=tmp_path / "work",
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    module, schemas, templates = json.loads(where.stdout)
    for path in (module, schemas, templates):
        assert str(venv) in path and str(REPO_ROOT) not in path
    assert Path(schemas, "meeting.schema.json").is_file()
    protsoc_bin = venv / "bin" / "protsoc"
    validated = subprocess.run(
        [str(protsoc_bin), "validate"],
        cwd=tmp_path / "work",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    status = subprocess.run(
        [str(protsoc_bin), "status", "--format", "json"],
        cwd=tmp_path / "work",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    assert {c["id"] for c in json.loads(status.stdout)["committees"]} >= {"steering", "technical"}


def test_package_data_is_tracked_by_git() -> None:
    """A clean clone must hold what the wheel needs: every schema and template is in git (an
    untracked or empty templates/ builds fine here and breaks `pip install .` elsewhere: hatch
    fails on a missing force-include folder and silently drops an empty one)."""
    if not (REPO_ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    tracked = set(
        subprocess.run(
            ["git", "ls-files", "schemas", "templates", "pyproject.toml", "README.md"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    on_disk = {
        p.relative_to(REPO_ROOT).as_posix()
        for folder in ("schemas", "templates")
        for p in (REPO_ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert "pyproject.toml" in tracked and "README.md" in tracked
    assert any(name.startswith("templates/") for name in tracked)
    assert sorted(on_disk - tracked) == []
