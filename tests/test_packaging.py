"""`pip install .` must give a protsoc that finds its schemas and templates without the source
tree."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import yaml
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


def install_in_fresh_venv(wheel: Path, venv: Path, dependencies: list[str]) -> Path:
    """Install the wheel alone into a new virtual environment whose dependencies are the
    ``dependencies`` site folders (no network); returns its python."""
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
    Path(site_folder, "test-dependencies.pth").write_text("\n".join(dependencies) + "\n")
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
    return python


def this_environment() -> list[str]:
    return sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})


def test_installed_wheel_works_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel into a fresh virtual environment (dependencies from this interpreter's
    site-packages, no network) and run it from a folder that is not the checkout."""
    venv = tmp_path / "venv"
    python = install_in_fresh_venv(wheel, venv, this_environment())
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


DOCUMENTS_ONLY = ("weasyprint", "matplotlib")


def test_the_core_install_leaves_documents_libraries_to_the_extra(wheel: Path) -> None:
    """`pip install protsoc` must not bring WeasyPrint or matplotlib (most of an installed
    protsoc): the wheel requires them only with the `documents` extra."""
    metadata_name = next(
        n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/METADATA")
    )
    metadata = zipfile.ZipFile(wheel).read(metadata_name).decode()
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    for library in DOCUMENTS_ONLY:
        mine = [line for line in requires if line.split()[1].lower().startswith(library)]
        assert mine and all("extra == 'documents'" in line for line in mine), requires
    assert "Provides-Extra: documents" in metadata


def test_without_the_documents_extra_pdf_and_charts_name_the_install_command(
    wheel: Path, tmp_path: Path
) -> None:
    """A real core install: a fresh venv whose dependencies are this environment's site folder
    less WeasyPrint and matplotlib (every other top-level entry linked), as `pip install protsoc`
    leaves it. PDF and charts exit 2 with one line naming the command; Markdown and chart-free
    HTML still work."""
    core_site = tmp_path / "core-site"
    core_site.mkdir()
    for folder in this_environment():
        for entry in Path(folder).iterdir():
            hidden = entry.name.lower().startswith(DOCUMENTS_ONLY) or entry.suffix == ".pth"
            if not hidden and not (core_site / entry.name).exists():
                (core_site / entry.name).symlink_to(entry)
    python = install_in_fresh_venv(wheel, tmp_path / "venv", [str(core_site)])
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.util as u; print(u.find_spec('weasyprint'), "
            "u.find_spec('matplotlib'), u.find_spec('jinja2') is not None)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.split() == ["None", "None", "True"]
    work = tmp_path / "work"
    shutil.copytree(SHIPPED_REGISTRY, work / "registry")
    # a chart is drawn only for a series of two or more values: give one indicator a second one
    series = work / "registry" / "roadmap" / "indicators" / "amo-tns-beneficiaries.yaml"
    indicator = yaml.safe_load(series.read_text(encoding="utf-8"))
    later = {**copy.deepcopy(indicator["observations"][0]), "date": "2025-06-30", "value": 4000000}
    indicator["observations"].append(later)
    series.write_text(yaml.safe_dump(indicator, allow_unicode=True), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PROTSOC_REGISTRY", "PYTHONPATH")}
    env["PROTSOC_CACHE_DIR"] = str(tmp_path / "cache")
    protsoc_bin = tmp_path / "venv" / "bin" / "protsoc"
    install = "python -m pip install 'protsoc[documents]'"

    def protsoc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(protsoc_bin), *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    meeting = "steering/2024-11-26"
    pdf = protsoc("render", "minutes", meeting, "-f", "pdf", "-o", "minutes.pdf")
    assert pdf.returncode == 2, pdf.stderr
    assert "Traceback" not in pdf.stderr
    assert f"error: PDF output needs WeasyPrint, which is not installed: {install}\n" in pdf.stderr
    assert not (work / "minutes.pdf").exists()
    charts = protsoc("report", "-f", "html", "-o", "report.html")
    assert charts.returncode == 2, charts.stderr
    assert f"error: charts need matplotlib, which is not installed: {install}\n" in charts.stderr
    assert not (work / "report.html").exists()
    for args in (("render", "minutes", meeting, "-f", "html"), ("report", "-f", "md")):
        done = protsoc(*args)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip()
    assert protsoc("validate").returncode == 0
