"""The shipped CI integration: .pre-commit-hooks.yaml and the documented GitHub workflow call
commands and options that exist, and the hook really runs on a registry repository."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO_ROOT, RegistryTree

HOOKS = REPO_ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = REPO_ROOT / "docs" / "github-workflow.yml"


def protsoc_lines(text: str) -> list[list[str]]:
    commands = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("protsoc "):
            commands.append(shlex.split(line.split(" > ")[0].split(" >> ")[0]))
    return commands


def workflow_commands() -> list[list[str]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    commands = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            commands += protsoc_lines(step.get("run", ""))
    return commands


def hook_commands() -> list[list[str]]:
    return [
        shlex.split(hook["entry"]) for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    ]


def test_hooks_file_is_valid_for_pre_commit() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["protsoc-validate", "protsoc-codeowners"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python" and hook["pass_filenames"] is False


def test_workflow_runs_validate_diff_and_cadence() -> None:
    commands = {tuple(c[:2]) for c in workflow_commands()}
    assert {("protsoc", "validate"), ("protsoc", "diff"), ("protsoc", "cadence")} <= commands
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "--format github" in text and "--format md" in text and "fetch-depth: 0" in text


def test_every_workflow_job_keeps_protsocs_cache_where_protsoc_writes_it(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from protsoc.clerk import scaffold
    from protsoc.registry import cache

    monkeypatch.delenv("PROTSOC_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.base_directory() == tmp_path / ".cache" / "protsoc"  # what the workflows cache
    for workflow in (
        yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")),
        yaml.safe_load(scaffold.WORKFLOW),
    ):
        for name, job in workflow["jobs"].items():
            cached = [
                s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/cache@")
            ]
            assert [s["with"]["path"] for s in cached] == ["~/.cache/protsoc"], name
            validate_at = next(
                i for i, s in enumerate(job["steps"]) if "protsoc validate" in s.get("run", "")
            )
            assert job["steps"].index(cached[0]) < validate_at, name


@pytest.mark.parametrize("command", workflow_commands() + hook_commands(), ids=" ".join)
def test_every_command_and_option_exists(command: list[str], run: Any) -> None:
    help_text = run([*command[:2], "--help"]).stdout
    assert "Usage: protsoc " + command[1] in " ".join(help_text.split())
    for token in command[2:]:
        if token.startswith("--"):
            assert token in help_text, f"{token} is not an option of protsoc {command[1]}"


def test_hook_entry_runs_on_a_registry_repository(
    registry_tree: RegistryTree, run_process: Any
) -> None:
    for command in hook_commands():
        outcome = run_process(command, cwd=registry_tree.repo)
        assert outcome.exit_code == 0, outcome.stdout + outcome.stderr


def test_review_doc_names_the_workflow(tmp_path: Path) -> None:
    doc = (REPO_ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    for words in (
        "docs/github-workflow.yml",
        "protsoc diff",
        "--changed-since",
        "seal-broken",
        "seal-changed",
        "protsoc amend",
        "protsoc history",
        "protsoc codeowners",
        ".pre-commit-hooks.yaml",
    ):
        assert words in doc


def test_workflow_matches_github_schema(python: str) -> None:
    import subprocess

    # check-jsonschema ships GitHub's workflow schema: no network needed
    completed = subprocess.run(
        [
            python,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_hooks_and_workflows_install_the_core_only() -> None:
    """Validating needs neither WeasyPrint nor matplotlib: the pre-commit hooks and the CI
    workflows (shipped and written by `protsoc init`) must not pull the `documents` extra."""
    from protsoc.clerk import scaffold

    texts = {
        "docs/github-workflow.yml": WORKFLOW.read_text(encoding="utf-8"),
        ".pre-commit-hooks.yaml": (REPO_ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"),
        # as init writes them, for a source pinned to a version
        "init's validate.yml": scaffold.WORKFLOW.format(
            branch="main",
            install='"protsoc==1.0"',
            justification="",
            tracking_start="2025-01-01",
        ),
        "init's .pre-commit-config.yaml": scaffold.PRE_COMMIT.format(
            install='"protsoc==1.0"', prefix=""
        ),
    }
    for name, text in texts.items():
        installs = [line for line in text.splitlines() if "pip install" in line]
        installs += [line for line in text.splitlines() if "additional_dependencies" in line]
        assert installs or name.endswith("-config.yaml") or name.endswith("hooks.yaml"), name
        for line in installs:
            assert "protsoc[" not in line and "weasyprint" not in line.lower(), (name, line)
            assert "matplotlib" not in line.lower(), (name, line)
