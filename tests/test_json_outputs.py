"""Every `--format json` document carries format_version and matches its published JSON Schema
(schemas/output/), so that scripts can rely on the shape they were written for."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from conftest import SCHEMAS, SHIPPED_REGISTRY, git_init

OUTPUT_SCHEMAS = SCHEMAS / "output"
AS_OF = ["--as-of", "2026-11-22"]

# command line (without --format json) -> its schema's name
COMMANDS = {
    "validate": ["validate"],
    "verify-seals": ["verify-seals"],
    "cadence": ["cadence", *AS_OF],
    "dashboard": ["dashboard", *AS_OF],
    "decisions": ["decisions", *AS_OF],
    "roadmap": ["roadmap", *AS_OF],
    "evaluations": ["evaluations"],
    "status": ["status", *AS_OF],
    "list": ["list", "meetings"],
    "show": ["show", "steering/2024-11-26"],
    "history": ["history", "steering"],
    "diff": ["diff", "HEAD~1", "HEAD"],
    "programmes": ["programmes", *AS_OF],
    "finance": ["finance", *AS_OF],
}


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped registry in a git repository of two commits, the second one with an error
    (a meeting's unknown status) and a warning (a tatweel), so the findings lists are not empty."""
    repo = tmp_path_factory.mktemp("json") / "repo"
    git_init(repo)
    shutil.copytree(SHIPPED_REGISTRY, repo / "registry")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", "registry"], cwd=repo, check=True)
    committee = repo / "registry/committees/thematic-targeting.yaml"
    text = committee.read_text(encoding="utf-8")
    committee.write_text(text.replace("الاستهداف", "الاستهـداف", 1), encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "a tatweel"], cwd=repo, check=True)
    return repo


def schema(name: str) -> dict:  # type: ignore[type-arg]
    loaded = json.loads((OUTPUT_SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_json_output_matches_its_schema(name: str, repository: Path, run) -> None:  # type: ignore[no-untyped-def]
    outcome = run([*COMMANDS[name], "--format", "json"], cwd=repository)
    assert outcome.exit_code in (0, 1), outcome.output
    document = json.loads(outcome.stdout)
    assert next(iter(document)) == "format_version"
    errors = sorted(jsonschema.Draft202012Validator(schema(name)).iter_errors(document), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_validate_splits_errors_and_warnings_and_keeps_the_deprecated_list(
    repository: Path, run
) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(run(["validate", "--format", "json"], cwd=repository).stdout)
    warnings = document["findings"]["warnings"]
    assert [f["rule"] for f in warnings] == ["text-tatweel"]
    assert document["findings"]["errors"] == []
    assert document["errors"] == warnings  # format_version 1's mixed list, for one version
    assert schema("validate")["properties"]["errors"]["deprecated"] is True


def test_dashboard_series_carry_their_dates_and_qualifiers(repository: Path, run) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(run(["dashboard", *AS_OF, "--format", "json"], cwd=repository).stdout)
    measured = [row for row in document["indicators"] if row["observations"]]
    assert measured
    for row in measured:
        assert [o["value"] for o in row["observations"]] == row["series"]
        assert all(o["date"] and "qualifier" in o for o in row["observations"])


def test_every_command_with_json_output_has_a_schema_and_a_case() -> None:
    from protsoc.cli.main import COMMANDS as CLI, load_command

    with_json = set()
    for name in CLI:
        command = load_command(name)
        for sub in getattr(command, "commands", {"": command}).values():
            for param in sub.params:
                if "--format" in getattr(param, "opts", ()) and "json" in (param.help or ""):
                    with_json.add(name)
    schemas = {path.name[: -len(".schema.json")] for path in OUTPUT_SCHEMAS.glob("*.schema.json")}
    assert with_json <= set(COMMANDS), sorted(with_json - set(COMMANDS))
    assert schemas == set(COMMANDS)
