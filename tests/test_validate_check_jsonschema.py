"""The schemas work outside protsoc: `check-jsonschema --schemafile schemas/<kind>.schema.json`,
offline (the shared definitions are resolved from the file next to the schema)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO_ROOT, SHIPPED_REGISTRY

pytestmark = pytest.mark.skipif(
    shutil.which("check-jsonschema") is None, reason="check-jsonschema is in the test extra"
)

# Any attempt to reach the network goes to a closed local port and fails.
OFFLINE = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
}


def check(schema: Path, files: list[Path], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **OFFLINE}
    return subprocess.run(
        ["check-jsonschema", "--no-cache", "--schemafile", str(schema), *map(str, files)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


KINDS = {
    "meeting": "meetings/*/*.yaml",
    "committee": "committees/*.yaml",
    "registry": "protsoc.yaml",
    "roadmap": "roadmap/roadmap.yaml",
    "indicator": "roadmap/indicators/*.yaml",
    "action": "roadmap/actions/*.yaml",
    "evaluation": "roadmap/evaluations/*.yaml",
}


def test_issue_command_from_the_repository_root() -> None:
    """The exact line of the issue: relative paths, run at the repository root."""
    meetings = sorted(SHIPPED_REGISTRY.glob("meetings/*/*.yaml"))
    assert meetings
    result = check(
        Path("schemas/meeting.schema.json"), [m.relative_to(REPO_ROOT) for m in meetings], REPO_ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_records_pass_their_schema_from_any_folder(kind: str, tmp_path: Path) -> None:
    files = sorted(SHIPPED_REGISTRY.glob(KINDS[kind]))
    if not files:
        pytest.skip(f"the shipped registry holds no {kind} record yet")
    result = check(REPO_ROOT / "schemas" / f"{kind}.schema.json", files, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_meeting_fails(tmp_path: Path) -> None:
    broken = tmp_path / "2024-11-26.yaml"
    text = (SHIPPED_REGISTRY / "meetings" / "steering" / "2024-11-26.yaml").read_text(
        encoding="utf-8"
    )
    broken.write_text(text.replace("status: held", "status: hled", 1), encoding="utf-8")
    result = check(REPO_ROOT / "schemas" / "meeting.schema.json", [broken], tmp_path)
    assert result.returncode == 1
    assert "hled" in result.stdout + result.stderr
    assert "Failure resolving $ref" not in result.stdout + result.stderr


def test_the_positive_examples_pass_check_jsonschema(tmp_path: Path) -> None:
    valid = Path(__file__).parent / "examples" / "valid"
    for kind, pattern in KINDS.items():
        files = sorted(valid.glob(pattern))
        if files:
            result = check(REPO_ROOT / "schemas" / f"{kind}.schema.json", files, tmp_path)
            assert result.returncode == 0, (kind, result.stdout + result.stderr)
