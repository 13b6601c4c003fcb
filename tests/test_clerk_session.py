"""The clerk's whole session, for real: init, a Technical Committee meeting, approval, one commit
per step.

And every bad input a clerk can type gets a clear error and leaves `git status` clean.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

DATE = "2025-03-10"
MEETING = f"technical/{DATE}"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def clerk_env(tmp_path: Path) -> dict[str, str]:
    """A HOME of its own with a git identity, so the test never reads the developer's config."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Clerk Amina\n\temail = clerk@example.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
    )
    return {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "PROTSOC_LANG": "en"}


@pytest.fixture
def session_repo(tmp_path: Path, run_process, clerk_env) -> Path:  # type: ignore[no-untyped-def]
    repo = tmp_path / "registry-repo"
    result = run_process(["protsoc", "init", str(repo)], env=clerk_env)
    assert result.exit_code == 0, result.output
    return repo


def test_a_whole_session_makes_one_commit_per_step_and_validates(
    tmp_path, run_process, clerk_env
) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "registry-repo"
    steps = [
        ["init", str(repo)],
        [
            "add",
            "meeting",
            "technical",
            "--date",
            DATE,
            "--time",
            "10:00",
            "--place",
            "الرباط",
            "--commit",
        ],
        [
            "add",
            "agenda-item",
            MEETING,
            "تتبع تنفيذ قرارات لجنة القيادة",
            "--priority",
            "1",
            "--commit",
        ],
        [
            "add",
            "agenda-item",
            MEETING,
            "لوحة القيادة الوطنية: تحيين المؤشرات",
            "--priority",
            "2",
            "--commit",
        ],
        [
            "add",
            "attendance",
            MEETING,
            "sg-interior",
            "sg-economy-finance",
            "sg-health",
            "--status",
            "present",
            "--commit",
        ],
        [
            "add",
            "attendance",
            MEETING,
            "director-general-cnss",
            "--status",
            "represented",
            "--by",
            "المدير المساعد",
            "--commit",
        ],
        ["add", "attendance", MEETING, "sg-justice", "--status", "excused", "--commit"],
        [
            "add",
            "decision",
            MEETING,
            "إعداد مخطط عمل لتنزيل قرارات لجنة القيادة",
            "--agenda-item",
            "item-1",
            "--owner",
            "sg-health",
            "--due",
            "2025-06-30",
            "--commit",
        ],
        [
            "add",
            "decision",
            MEETING,
            "تحيين مؤشرات لوحة القيادة الوطنية كل ثلاثة أشهر",
            "--kind",
            "recommendation",
            "--agenda-item",
            "item-2",
            "--commit",
        ],
        ["add", "action", f"{MEETING}/d1", "--title", "مخطط عمل تنزيل القرارات", "--commit"],
        ["approve", MEETING, "--by", "sg-interior", "--date", "2025-03-20", "--commit"],
        ["approve", MEETING, "--by", "sg-health", "--date", "2025-03-21", "--commit"],
        ["approve", MEETING, "--by", "director-general-cnss", "--date", "2025-03-24", "--commit"],
    ]
    for step in steps:
        result = run_process(
            ["protsoc", *step], cwd=repo if step[0] != "init" else tmp_path, env=clerk_env
        )
        assert result.exit_code == 0, (step, result.output)
    log = git(repo, "log", "--format=%s").splitlines()
    assert len(log) == len(steps)
    assert log[-1].startswith("registry: init")
    assert log[0].startswith(
        "minutes(technical): director-general-cnss approves 2025-03-10; minutes approved (3/3"
    )
    assert "meeting(technical): add 2025-03-10" in log
    assert git(repo, "status", "--porcelain") == ""
    # each commit touched exactly the file of its step
    assert git(repo, "show", "--name-only", "--format=", "HEAD~3").split() == [
        "registry/roadmap/actions/technical-2025-03-10-d1.yaml"
    ]

    validated = run_process(["protsoc", "validate"], cwd=repo, env=clerk_env)
    assert validated.exit_code == 0, validated.output
    assert "valid:" in validated.stdout

    from protsoc.governance import seal
    from protsoc.registry import yamlio

    meeting = yamlio.load_file(repo / "registry/meetings/technical/2025-03-10.yaml").data
    assert meeting["minutes"]["status"] == "approved"
    assert meeting["minutes"]["approved_on"] == "2025-03-24"
    assert [a["member"] for a in meeting["minutes"]["approvals"]] == [
        "sg-interior",
        "sg-health",
        "director-general-cnss",
    ]
    assert seal.is_intact(meeting) is True
    assert [d["id"] for d in meeting["decisions"]] == ["d1", "d2"]
    action = yamlio.load_file(repo / "registry/roadmap/actions/technical-2025-03-10-d1.yaml").data
    assert action["decisions"] == ["technical/2025-03-10/d1"]
    assert action["owner"] == "technical/sg-health"  # the decision's owner, qualified
    assert action["due"] == "2025-06-30"
    assert action["sources"][0]["document"].startswith("protsoc add action by Clerk Amina on ")


BAD_INPUTS = [
    pytest.param(
        ["add", "meeting", "finance", "--date", DATE],
        2,
        "unknown committee 'finance'",
        id="unknown-committee",
    ),
    pytest.param(
        ["add", "meeting", "technical", "--date", "2025-02-30"],
        2,
        "'2025-02-30' is not a real date",
        id="bad-date",
    ),
    pytest.param(
        ["add", "meeting", "technical", "--date", "20250210"],
        2,
        "is not a real date",
        id="compact-date",
    ),
    pytest.param(
        ["add", "meeting", "technical", "--date", DATE],
        2,
        "already has a meeting on 2025-03-10",
        id="duplicate-meeting",
    ),
    pytest.param(
        ["add", "attendance", MEETING, "minister-interior", "--status", "present"],
        2,
        "'minister-interior' is not a member post of technical",
        id="member-not-in-committee",
    ),
    pytest.param(
        ["add", "meeting", "../x", "--date", DATE],
        2,
        "'../x' is not a valid id",
        id="path-escaping-committee",
    ),
    pytest.param(
        ["add", "agenda-item", "../../etc/2025-03-10", "x"],
        2,
        "is not a meeting id",
        id="path-escaping-meeting",
    ),
    pytest.param(
        ["add", "action", f"{MEETING}/d1", "--title", "x", "--id", "../../../x"],
        2,
        "is not a valid id",
        id="path-escaping-action",
    ),
    pytest.param(
        [
            "add",
            "committee",
            "/etc/passwd",
            "--name",
            "x",
            "--kind",
            "technical",
            "--cadence",
            "none",
        ],
        2,
        "is not a valid id",
        id="absolute-path-id",
    ),
    pytest.param(
        ["add", "committee", "a\x01b", "--name", "x", "--kind", "technical", "--cadence", "none"],
        2,
        "is not a valid id",
        id="control-character-id",
    ),
    pytest.param(
        ["approve", MEETING, "--by", "sg-justice", "--date", "2025-03-20"],
        2,
        "sg-justice did not attend technical/2025-03-10",
        id="approval-by-non-attendee",
    ),
    pytest.param(
        ["approve", MEETING, "--by", "guest-1", "--date", "2025-03-20"],
        2,
        "guest-1 is a guest of technical/2025-03-10",
        id="approval-by-guest",
    ),
    pytest.param(
        ["approve", MEETING, "--by", "minister-health", "--date", "2025-03-20"],
        2,
        "'minister-health' is not a member post of technical",
        id="approval-by-stranger",
    ),
    pytest.param(
        ["add", "decision", MEETING, "x", "--owner", "nobody"],
        2,
        "'nobody' is not a member post",
        id="unknown-owner",
    ),
    pytest.param(
        ["add", "agenda-item", MEETING, "بند \u202e مقلوب"],
        1,
        "the change would make the registry invalid",
        id="bidi-control-refused-by-validation",
    ),
]


def _protsoc(args: list[str], cwd: Path, env: dict[str, str]) -> None:
    import os

    completed = subprocess.run(
        ["protsoc", *args],
        cwd=cwd,
        env={**os.environ, "PROTSOC_INSTALL": "protsoc==0.1.0", **env, "PROTSOC_REGISTRY": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, (args, completed.stdout, completed.stderr)


@pytest.fixture(scope="module")
def meeting_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Built once: an initialised registry with a held Technical Committee meeting, a guest, a
    decision."""
    base = tmp_path_factory.mktemp("template")
    home = base / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Clerk Amina\n\temail = clerk@example.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
    )
    env = {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "PROTSOC_LANG": "en"}
    repo = base / "repo"
    _protsoc(["init", str(repo)], base, env)
    for step in (
        ["add", "meeting", "technical", "--date", DATE, "--commit"],
        [
            "add",
            "attendance",
            MEETING,
            "sg-interior",
            "sg-health",
            "--status",
            "present",
            "--commit",
        ],
        ["add", "attendance", MEETING, "sg-justice", "--status", "absent", "--commit"],
        ["add", "guest", MEETING, "خبير في الحماية الاجتماعية", "--commit"],
        ["add", "decision", MEETING, "قرار", "--owner", "sg-health", "--commit"],
    ):
        _protsoc(step, repo, env)
    return repo, env


@pytest.fixture
def meeting_repo(
    meeting_template: tuple[Path, dict[str, str]], tmp_path: Path, clerk_env: dict[str, str]
) -> Path:
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(meeting_template[0], repo, symlinks=True)
    return repo


@pytest.mark.parametrize(("args", "code", "message"), BAD_INPUTS)
def test_bad_input_is_a_clear_error_and_leaves_git_status_clean(
    meeting_repo, run, clerk_env, args, code, message
) -> None:  # type: ignore[no-untyped-def]
    head = git(meeting_repo, "rev-parse", "HEAD")
    result = run(["protsoc", *args, "--commit"], cwd=meeting_repo, env=clerk_env)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert "hint:" in result.stderr
    assert git(meeting_repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(meeting_repo, "rev-parse", "HEAD") == head


def test_bad_inputs_in_a_real_process_too(meeting_repo, run_process, clerk_env) -> None:  # type: ignore[no-untyped-def]
    result = run_process(
        ["protsoc", "add", "meeting", "technical", "--date", "2025-02-30", "--commit"],
        cwd=meeting_repo,
        env=clerk_env,
    )
    assert result.exit_code == 2
    assert "error: --date '2025-02-30' is not a real date" in result.stderr
    assert result.stdout == ""
    assert git(meeting_repo, "status", "--porcelain") == ""
