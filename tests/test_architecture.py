"""The folder layout is the architecture, and this test holds it.

Layers, from the top: ``cli`` -> {``clerk``, ``review``, ``documents``} -> ``validate`` ->
``governance`` -> ``registry`` -> ``kernel``. A module may import from its own package or from a
package below it, never from one above or beside it; no import cycle, counting imports inside
functions and under ``TYPE_CHECKING`` (they hide a cycle, they do not remove it); Typer and rich
only under ``cli/``; no private name of another library.

    python -m pytest tests/test_architecture.py
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "protsoc"

# The rank of each package: an import must go to a lower rank or stay in its package.
LAYERS = {
    "kernel": 0,
    "registry": 1,
    "governance": 2,
    "validate": 3,
    "clerk": 4,
    "review": 4,
    "documents": 4,
    "site": 5,
    "cli": 6,
}
# Modules outside the packages: the package face (the version), ``python -m protsoc``, and the
# script that writes the message catalogues (run by hand, never imported).
OUTSIDE = {
    "protsoc": 0,
    "protsoc.__main__": 7,
    "protsoc.locale.translations": 0,
    # plain data (the wording of findings) that the catalogue script merges: imports nothing
    "protsoc.locale.finding_translations": -1,
    # likewise the wording of the review's sentences (diff, history, dry run)
    "protsoc.locale.review_translations": -1,
}
CLI_ONLY = ("typer", "rich", "click")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def rank(module: str) -> int:
    if module in OUTSIDE:
        return OUTSIDE[module]
    return LAYERS[module.split(".")[1]]


def package_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else ""


def imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, imported module, names) for every import statement of a file, wherever it stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: use an absolute import"
            yield node.lineno, node.module or "", [alias.name for alias in node.names]


def protsoc_edges() -> dict[str, set[tuple[str, int]]]:
    """Each module's protsoc imports, as (module, line); ``from protsoc.x import y`` counts as an
    import of ``protsoc.x.y`` when y is a module, of ``protsoc.x`` otherwise."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    edges: dict[str, set[tuple[str, int]]] = {name: set() for name in modules}
    for name, path in modules.items():
        for line, target, names in imports(path):
            if target != "protsoc" and not target.startswith("protsoc."):
                continue
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]
            for found in submodules or [target]:
                if found != name:
                    edges[name].add((found, line))
    return edges


def test_every_import_points_down_the_layers() -> None:
    wrong = []
    for source, targets in protsoc_edges().items():
        for target, line in targets:
            if target == "protsoc":  # the version number, from the package face
                continue
            same_package = package_of(source) == package_of(target) and source not in OUTSIDE
            if not same_package and rank(target) >= rank(source):
                wrong.append(f"{source}:{line} imports {target}")
    assert not wrong, "imports that point up or sideways:\n" + "\n".join(sorted(wrong))


def test_no_import_cycle() -> None:
    edges = {
        source: {target for target, _ in targets} for source, targets in protsoc_edges().items()
    }
    cycles = strongly_connected(edges)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(sorted(c)) for c in cycles)


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative; returns the components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_typer_and_rich_only_in_the_cli() -> None:
    wrong = [
        f"{module_name(path)}:{line} imports {target}"
        for path in PACKAGE.rglob("*.py")
        if not module_name(path).startswith("protsoc.cli")
        for line, target, _ in imports(path)
        if target.split(".")[0] in CLI_ONLY
    ]
    assert not wrong, "the library must not print or parse arguments:\n" + "\n".join(wrong)


def test_no_private_names_of_other_libraries() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        for line, target, names in imports(path):
            if target == "protsoc" or target.startswith("protsoc.") or target == "__future__":
                continue
            private = [part for part in target.split(".") if part.startswith("_")]
            private += [name for name in names if name.startswith("_")]
            if private:
                wrong.append(f"{module_name(path)}:{line} {target} {private}")
        wrong += [f"{module_name(path)}:{line} {name}" for line, name in private_attributes(path)]
        text = path.read_text(encoding="utf-8")
        if "sys.modules[" in text or "__class__ =" in text:
            wrong.append(f"{module_name(path)}: plants modules or swaps a class")
    assert not wrong, "private names of other libraries:\n" + "\n".join(wrong)


def private_attributes(path: Path) -> Iterator[tuple[int, str]]:
    """``X._name`` where X is a name imported from another library
    (``Path._make_child_relpath``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    foreign: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and not node.names[0].name.startswith("protsoc"):
            foreign |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not (node.module or "").startswith("protsoc"):
            foreign |= {alias.asname or alias.name for alias in node.names}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in foreign
            and node.attr.startswith("_")
            and not node.attr.endswith("__")
        ):
            yield node.lineno, f"{node.value.id}.{node.attr}"


@pytest.mark.parametrize(
    ("source", "target"),
    [("protsoc.kernel.errors", "protsoc.registry.layout"), ("protsoc.clerk.x", "protsoc.review.y")],
)
def test_the_layer_rule_refuses_what_it_should(source: str, target: str) -> None:
    """The rule itself: an upward import and a sideways one are both refused."""
    assert package_of(source) != package_of(target)
    assert rank(target) >= rank(source)


def test_the_cycle_finder_finds_a_hidden_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(edges) == [{"a", "b", "c"}]
