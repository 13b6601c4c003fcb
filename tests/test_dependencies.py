"""The declared dependencies are exactly the imported ones: a package imported but not declared
works here by accident (typing_extensions did, through typer) and breaks elsewhere; a declared
one imported nowhere (GitPython was) only costs every install."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions

import pytest
from conftest import REPO_ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the check is the same on every version

SOURCE = REPO_ROOT / "src" / "protsoc"


def imported_top_level_names() -> set[str]:
    names: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"protsoc", "__future__"}


def normalised(requirement: str) -> str:
    name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = project["dependencies"] + project["optional-dependencies"]["documents"]
    return {normalised(requirement) for requirement in runtime}


def test_every_imported_package_is_declared_and_every_declared_one_imported() -> None:
    distributions = packages_distributions()
    imported = {
        normalised(distribution)
        for name in imported_top_level_names()
        for distribution in distributions.get(name, [name])
    }
    assert sorted(imported - declared()) == []
    assert sorted(declared() - imported) == []
