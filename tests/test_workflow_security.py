"""The shipped workflows are safe for pull requests from forks (SECURITY.md): the workflow that
runs protsoc on a pull request's files holds a read-only token, verifies seals against history,
and the one write (the comment) is a separate `workflow_run` workflow that runs nothing of the
pull request's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO_ROOT

REGISTRY_WORKFLOW = REPO_ROOT / "docs" / "github-workflow.yml"
COMMENT_WORKFLOW = REPO_ROOT / "docs" / "github-comment-workflow.yml"


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on` as true
    return workflow


def test_the_workflow_on_pull_request_files_can_only_read() -> None:
    workflow = load(REGISTRY_WORKFLOW)

    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert "permissions" not in job
        for step in job["steps"]:
            assert "secrets." not in str(step) and "GH_TOKEN" not in str(step.get("env", {}))


def test_the_comment_is_posted_by_a_workflow_run_that_runs_nothing_from_the_pull_request() -> None:
    workflow = load(COMMENT_WORKFLOW)

    assert list(workflow["on"]) == ["workflow_run"]
    assert workflow["on"]["workflow_run"]["workflows"] == [load(REGISTRY_WORKFLOW)["name"]]
    assert workflow["permissions"] == {"actions": "read", "pull-requests": "write"}
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert not any("checkout" in str(step.get("uses", "")) for step in steps)
    assert not any("protsoc" in str(step.get("run", "")).split("protsoc-")[0] for step in steps)


def test_both_workflows_verify_seals_against_history() -> None:
    from protsoc.clerk import scaffold

    documented = REGISTRY_WORKFLOW.read_text(encoding="utf-8")
    assert 'protsoc verify-seals --changed-since "$BASE" --format github' in documented
    assert "protsoc verify-seals --format github" in documented
    assert "protsoc verify-seals --format github" in scaffold.WORKFLOW
    assert "fetch-depth: 0" in scaffold.WORKFLOW
    assert "permissions:\n  contents: read" in scaffold.WORKFLOW


@pytest.mark.parametrize("path", [COMMENT_WORKFLOW, REGISTRY_WORKFLOW])
def test_workflows_match_githubs_schema(python: str, path: Path) -> None:
    completed = subprocess.run(
        [
            python,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
