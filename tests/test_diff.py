"""`protsoc diff`: a change to the registry in words, record by record (real git repositories)."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import MEETING, SEED_MEETING, RegistryTree

INDICATOR: dict[str, Any] = {
    "id": "amo-tadamon-beneficiaries",
    "name": {"ar": "المستفيدون من نظام أمو-تضامن"},
    "measure": "count",
    "unit": {"ar": "مستفيد"},
    "owner": "steering",
    "observations": [
        {
            "date": "2024-11-26",
            "value": 11100000,
            "qualifier": "more-than",
            "source": {"document": SEED_MEETING},
        },
    ],
    "sources": [{"document": SEED_MEETING}],
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


def approve(tree: RegistryTree, rel: str, members: list[str], day: str = "2024-12-10") -> None:
    """What `protsoc approve` stores when the approvals reach the rule: approvals, status, seal."""
    from protsoc.governance import seal

    def change(data: dict[str, Any]) -> None:
        minutes = data.setdefault("minutes", {})  # keeps an erratum's amends and reason
        minutes.update(
            status="approved",
            approvals=[{"member": m, "date": day} for m in members],
            approved_on=day,
        )
        data["minutes"]["seal"] = seal.seal(data)

    tree.patch(rel, change)


def sentences(run: Any, tree: RegistryTree, *args: str) -> list[str]:
    outcome = run(["protsoc", "diff", *args, "--format", "json"], cwd=tree.repo)
    assert outcome.exit_code == 0, outcome.output
    document = json.loads(outcome.stdout)
    return [s["text"] for record in document["records"] for s in record["sentences"]]


def test_added_meeting_is_summarised(registry_tree: RegistryTree, run: Any) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting.update(
        id="steering/2025-06-10",
        date="2025-06-10",
        decisions=[
            {"id": "d1", "kind": "decision", "text": {"ar": "قرار أول"}},
            {"id": "d2", "kind": "recommendation", "text": {"ar": "توصية"}, "owner": "interior"},
        ],
    )
    registry_tree.write("meetings/steering/2025-06-10.yaml", meeting)

    outcome = run(["protsoc", "diff", "HEAD"], cwd=registry_tree.repo)

    assert outcome.exit_code == 0
    assert "- meeting steering/2025-06-10 added (held, 2 decisions)" in outcome.stdout


def test_removed_record(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.delete("meetings/steering/2024-11-26.yaml")

    assert sentences(run, registry_tree, "HEAD") == ["meeting steering/2024-11-26 removed"]


def test_changed_decision_owner(make_registry: Any, run: Any) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["decisions"] = [
        {"id": "d1", "kind": "decision", "text": {"ar": "قرار"}},
        {"id": "d2", "kind": "decision", "text": {"ar": "قرار ثان"}, "owner": "interior"},
    ]
    tree = make_registry({"meetings/steering/2024-11-26.yaml": meeting})
    tree.patch(
        "meetings/steering/2024-11-26.yaml",
        lambda data: data["decisions"][1].update(owner="health"),
    )

    assert sentences(run, tree, "HEAD") == [
        "decision steering/2024-11-26/d2: owner changed from interior to health"
    ]


def test_changed_fields_added_and_removed(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch(
        "meetings/steering/2024-11-26.yaml",
        {"place": None, "kind": "extraordinary", "status": "cancelled"},
    )

    said = sentences(run, registry_tree, "HEAD")

    assert "meeting steering/2024-11-26: status changed from held to cancelled" in said
    assert "meeting steering/2024-11-26: place removed (was «الرباط»)" in said
    assert "meeting steering/2024-11-26: kind set to extraordinary" in said


def test_renamed_file_is_one_rename_not_a_removal_and_an_addition(
    make_registry: Any, run: Any
) -> None:
    tree = make_registry(
        {"roadmap/indicators/amo-tadamon.yaml": {**INDICATOR, "id": "amo-tadamon"}}
    )
    git(
        tree.repo,
        "mv",
        "registry/roadmap/indicators/amo-tadamon.yaml",
        "registry/roadmap/indicators/amo-tadamon-beneficiaries.yaml",
    )
    tree.patch(
        "roadmap/indicators/amo-tadamon-beneficiaries.yaml", {"id": "amo-tadamon-beneficiaries"}
    )
    tree.commit("rename")

    said = sentences(run, tree, "HEAD~1", "HEAD")

    assert said == [
        "indicator amo-tadamon renamed to indicator amo-tadamon-beneficiaries (file "
        "registry/roadmap/indicators/amo-tadamon.yaml -> "
        "registry/roadmap/indicators/amo-tadamon-beneficiaries.yaml)"
    ]


def test_approval_of_minutes(registry_tree: RegistryTree, run: Any) -> None:
    approve(
        registry_tree,
        "meetings/steering/2024-11-26.yaml",
        ["head-of-government", "interior", "health"],
    )

    assert sentences(run, registry_tree, "HEAD") == [
        "minutes of steering/2024-11-26 approved by 3 members on 2024-12-10 (sealed)"
    ]


def test_single_approval_while_draft(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch(
        "meetings/steering/2024-11-26.yaml",
        {
            "minutes": {
                "status": "draft",
                "approvals": [{"member": "interior", "date": "2024-12-02"}],
            }
        },
    )

    assert sentences(run, registry_tree, "HEAD") == [
        "minutes of steering/2024-11-26: approval by interior recorded on 2024-12-02 (1 approval "
        "so far)"
    ]


def test_new_observation_with_qualifier_and_change(make_registry: Any, run: Any) -> None:
    tree = make_registry({"roadmap/indicators/amo-tadamon-beneficiaries.yaml": INDICATOR})
    tree.patch(
        "roadmap/indicators/amo-tadamon-beneficiaries.yaml",
        lambda data: data["observations"].append(
            {"date": "2025-06-30", "value": 11400000, "source": {"document": "report"}}
        ),
    )

    assert sentences(run, tree, "HEAD") == [
        "indicator amo-tadamon-beneficiaries: new observation 2025-06-30 = 11.4 million "
        "(+2.7% since 2024-11-26)"
    ]


def test_added_indicator_keeps_the_qualifier(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.write("roadmap/indicators/amo-tadamon-beneficiaries.yaml", INDICATOR)

    assert sentences(run, registry_tree, "HEAD") == [
        "indicator amo-tadamon-beneficiaries added (1 observation, latest 2024-11-26 = more than "
        "11.1 million)"
    ]


def test_member_title_changed_since(registry_tree: RegistryTree, run: Any) -> None:
    def rename(data: dict[str, Any]) -> None:
        interior = data["members"][1]
        interior["titles"][0]["until"] = "2024-12-31"
        interior["titles"].append(
            {"title": {"ar": "وزير الداخلية والجماعات الترابية"}, "since": "2025-01-01"}
        )

    registry_tree.patch("committees/steering.yaml", rename)

    said = sentences(run, registry_tree, "HEAD")

    assert said == [
        "member steering/interior: title «وزير الداخلية» ends on 2024-12-31",
        "member steering/interior: title changed since 2025-01-01 to «وزير الداخلية والجماعات "
        "الترابية»",
    ]


def test_removed_member_is_a_warning(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch("committees/steering.yaml", lambda data: data["members"].pop(2))

    outcome = run(["protsoc", "diff", "HEAD"], cwd=registry_tree.repo)

    assert "! member steering/health removed" in outcome.stdout


def test_reformatting_only_is_said_so(registry_tree: RegistryTree, run: Any) -> None:
    path = registry_tree.path("meetings/steering/2024-11-26.yaml")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "# a comment\n" + text.replace("status: held", "status: 'held'"), encoding="utf-8"
    )

    assert sentences(run, registry_tree, "HEAD") == [
        "meeting steering/2024-11-26: re-formatted only (same content)"
    ]


def test_no_change(registry_tree: RegistryTree, run: Any) -> None:
    outcome = run(["protsoc", "diff", "HEAD"], cwd=registry_tree.repo)

    assert outcome.exit_code == 0
    assert "no change to the registry" in outcome.stdout


def test_default_base_is_the_merge_base_with_main(registry_tree: RegistryTree, run: Any) -> None:
    git(registry_tree.repo, "checkout", "-q", "-b", "clerk/new-meeting")
    registry_tree.patch("meetings/steering/2024-11-26.yaml", {"status": "cancelled"})
    registry_tree.commit("cancel")
    git(registry_tree.repo, "checkout", "-q", "main")
    registry_tree.patch("meetings/steering/2024-11-26.yaml", {"number": 7})
    registry_tree.commit("number on main")
    git(registry_tree.repo, "checkout", "-q", "clerk/new-meeting")

    said = sentences(run, registry_tree)

    # compared with where the branch left main: main's later commit is not in this change
    assert said == ["meeting steering/2024-11-26: status changed from held to cancelled"]


def test_markdown_comment_lists_validate_findings(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch(
        "meetings/steering/2024-11-26.yaml",
        lambda data: data["attendance"].append({"member": "stranger", "status": "present"}),
    )

    outcome = run(["protsoc", "diff", "HEAD", "--format", "md"], cwd=registry_tree.repo)

    assert outcome.exit_code == 0  # diff informs; validate fails the build
    text = outcome.stdout
    assert text.startswith("<!-- protsoc-diff -->\n### protsoc: what this change does")
    assert "- meeting steering/2024-11-26: attendance of stranger added (present)" in text
    assert "❌ invalid: 1 error, 0 warnings (1 changed file checked)." in text
    assert "| ❌ | `registry/meetings/steering/2024-11-26.yaml:" in text and "`ref-member`" in text


def test_markdown_when_valid(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch("meetings/steering/2024-11-26.yaml", {"number": 1})

    text = run(["protsoc", "diff", "HEAD", "--format", "md"], cwd=registry_tree.repo).stdout

    assert "- meeting steering/2024-11-26: number set to 1" in text
    assert (
        "✅ `protsoc validate --changed-since`: valid (1 changed file checked, no findings)."
        in text
    )


def test_unknown_revision_is_a_usage_error(registry_tree: RegistryTree, run: Any) -> None:
    outcome = run(["protsoc", "diff", "no-such-branch"], cwd=registry_tree.repo)

    assert outcome.exit_code == 2
    assert "unknown revision 'no-such-branch'" in outcome.stderr
    assert "Traceback" not in outcome.output


def test_registry_outside_git_is_an_environment_error(tmp_path: Path, run: Any) -> None:
    import shutil

    from conftest import MINIMAL_FILES, dump

    root = tmp_path / "plain" / "registry"
    for rel, data in MINIMAL_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(dump(data), encoding="utf-8")
    outcome = run(["protsoc", "diff", "HEAD", "--registry", str(root)], cwd=tmp_path)

    assert outcome.exit_code == 2
    assert "not inside a git repository" in outcome.stderr
    shutil.rmtree(tmp_path / "plain")


def test_unknown_format(registry_tree: RegistryTree, run: Any) -> None:
    outcome = run(["protsoc", "diff", "HEAD", "--format", "html"], cwd=registry_tree.repo)

    assert outcome.exit_code == 2
    assert "unknown --format 'html'" in outcome.stderr


def test_subprocess_text_output(registry_tree: RegistryTree, run_process: Any) -> None:
    registry_tree.patch("meetings/steering/2024-11-26.yaml", {"status": "cancelled"})

    outcome = run_process(["protsoc", "diff", "HEAD"], cwd=registry_tree.repo)

    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.splitlines()[1:] == [
        "  - meeting steering/2024-11-26: status changed from held to cancelled"
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        (11400000, "11.4 million"),
        (4000000, "4 million"),
        (1660, "1660"),
        (12500, "12\u202f500"),
        (28, "28"),
        (2.5, "2.5"),
        (1.2e9, "1.2 billion"),
    ],
)
def test_number_formatting(value: float, expected: str) -> None:
    from protsoc.review.diff import format_number

    assert format_number(value) == expected


def test_batch_read_matches_single_reads(registry_tree: RegistryTree) -> None:
    from protsoc.registry.gitdiff import Git

    repo = Git(registry_tree.root)
    registry_tree.write("empty.txt", "")
    registry_tree.commit("an empty file")
    paths = [
        "registry/committees/steering.yaml",
        "registry/missing.yaml",
        "registry/committees",
        "registry/empty.txt",
        "registry/protsoc.yaml",
    ]

    assert repo.read_many("HEAD", paths) == {path: repo.read("HEAD", path) for path in paths}
    assert repo.read_many("HEAD", paths)["registry/empty.txt"] == b""


def test_registry_at_the_top_of_its_repository(tmp_path: Path, run: Any) -> None:
    from conftest import MINIMAL_FILES, dump, git_init

    top = tmp_path / "top"
    git_init(top)
    for rel, data in MINIMAL_FILES.items():
        (top / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / rel).write_text(dump(data), encoding="utf-8")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "registry at the top")
    (top / "README.md").write_text("not a record\n", encoding="utf-8")
    meeting = top / "meetings/steering/2024-11-26.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("status: held", "status: cancelled"),
        encoding="utf-8",
    )

    outcome = run(["protsoc", "diff", "HEAD", "--format", "json"], cwd=top)

    document = json.loads(outcome.stdout)
    said = [s["text"] for record in document["records"] for s in record["sentences"]]
    assert said == [
        "file README.md added (not a registry record)",
        "meeting steering/2024-11-26: status changed from held to cancelled",
    ]
    assert document["findings"] == []


def test_translation_added_to_a_text(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch(
        "meetings/steering/2024-11-26.yaml", {"place": {"ar": "الرباط", "fr": "Rabat"}}
    )

    assert sentences(run, registry_tree, "HEAD") == [
        "meeting steering/2024-11-26: place.fr set to «Rabat»"
    ]


def test_changed_arabic_wording(make_registry: Any, run: Any) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["decisions"] = [
        {"id": "d1", "kind": "decision", "text": {"ar": "تحيين لوحة القيادة", "en": "Update"}}
    ]
    tree = make_registry({"meetings/steering/2024-11-26.yaml": meeting})
    tree.patch(
        "meetings/steering/2024-11-26.yaml",
        lambda data: data["decisions"][0]["text"].update(ar="تحيين لوحة القيادة الوطنية"),
    )

    assert sentences(run, tree, "HEAD") == [
        "decision steering/2024-11-26/d1: text changed from «تحيين لوحة القيادة» to «تحيين لوحة "
        "القيادة الوطنية»"
    ]


def test_long_markdown_is_cut_but_keeps_the_warnings() -> None:
    from protsoc.review.diff import DiffResult, RecordDiff, Sentence
    from protsoc.review.reporters import as_markdown

    records = [
        RecordDiff(
            "added",
            "meeting",
            f"steering/2024-01-{n:03d}",
            "p",
            None,
            [Sentence(f"meeting steering/x-{n} added (held, no decisions)")],
        )
        for n in range(500)
    ]
    records.append(
        RecordDiff(
            "changed",
            "meeting",
            "steering/2024-11-26",
            "p",
            None,
            [Sentence("approved minutes of steering/2024-11-26 edited after approval", True)],
        )
    )

    text = as_markdown(DiffResult("main", "0" * 40, None, records))

    assert len(text) < 65536
    assert "- ⚠️ approved minutes of steering/2024-11-26 edited after approval" in text
    assert "- … and 201 more (run `protsoc diff` to see them all)" in text


def test_broken_then_repaired_file(registry_tree: RegistryTree, run: Any) -> None:
    path = registry_tree.path("meetings/steering/2024-11-26.yaml")
    good = path.read_bytes()
    path.write_bytes(good + b"status: held\n")  # a duplicate key: not a record any more
    broken = sentences(run, registry_tree, "HEAD")
    registry_tree.commit("broken")
    path.write_bytes(good)

    assert len(broken) == 1 and broken[0].startswith(
        "meeting steering/2024-11-26: the new version cannot be read"
    )
    assert sentences(run, registry_tree, "HEAD") == [
        "meeting steering/2024-11-26: repaired (the previous version could not be read as a record)"
    ]


def test_record_text_in_the_markdown_comment_stays_inline_and_inert(
    registry_tree: RegistryTree, run: Any
) -> None:
    """A pull request's record text reaches the comment protsoc posts: no heading, image
    (tracking pixel), link, mention or issue reference may come out of it."""
    hostile = (
        "held\n# pwned\n![x](https://tracker.example/p.png) [go](https://evil.example) @alice #12"
    )
    registry_tree.patch("meetings/steering/2024-11-26.yaml", {"status": hostile})

    text = run(["protsoc", "diff", "HEAD", "--format", "md"], cwd=registry_tree.repo).stdout

    ours = {"### protsoc: what this change does", "#### Meetings", "#### Validation"}
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert set(headings) <= ours, headings
    assert "![" not in text and "](https://" not in text
    assert "@alice" not in text and "#12" not in text
    assert "# pwned" in text  # still shown, inline
