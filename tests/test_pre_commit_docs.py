"""The `rev:` the documentation gives for protsoc's pre-commit hooks exists and carries them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
REV = re.compile(r"^\s*#?\s*rev: (\S+)", re.M)


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_documented_rev_is_a_commit_that_ships_the_python_hooks() -> None:
    documented = {
        REV.findall((ROOT / "docs/review.md").read_text(encoding="utf-8"))[0],
        REV.findall((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0],
    }
    assert len(documented) == 1, documented  # the docs and the hooks file agree
    [rev] = documented
    # a full commit id: a tag that no release created, or a branch, would fail or move
    assert re.fullmatch(r"[0-9a-f]{40}", rev), rev
    inside = git("rev-parse", "--is-inside-work-tree").stdout.strip() == "true"
    if not inside or git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        pytest.skip("needs the project's full git history (not an sdist or a shallow clone)")
    shown = git("show", f"{rev}:.pre-commit-hooks.yaml")
    assert shown.returncode == 0, f"{rev} is not a commit of this repository: {shown.stderr}"
    hooks = {hook["id"]: hook for hook in yaml.safe_load(shown.stdout)}
    assert hooks["protsoc-validate"]["language"] == "python"
    assert hooks["protsoc-validate"]["entry"] == "protsoc validate"
    # the hook installs the core: at that revision, WeasyPrint is not a core dependency
    pyproject = git("show", f"{rev}:pyproject.toml").stdout
    core = pyproject.split("[project.optional-dependencies]")[0]
    assert "weasyprint" not in core.lower() and "matplotlib" not in core.lower()


def test_no_documented_workflow_installs_an_unpinned_protsoc() -> None:
    """A bare `protsoc` is a name nobody has claimed on the package index: whoever registers it
    would run code in the registry's CI. The documented workflows leave the source to fill in
    (their install step fails with a clear message while it is empty)."""
    for path in sorted((ROOT / "docs").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = workflow.get("env", {}).get("PROTSOC")
        if source is None:
            continue
        assert source == "" or re.search(r"==|@", source), (path.name, source)
        text = path.read_text(encoding="utf-8")
        assert 'pip install "$PROTSOC"' not in text, path.name
