"""`protsoc validate` as users run it: formats, exit codes, --strict, PATHs, finding the
registry."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, RegistryTree

MEETING = "meetings/steering/2024-11-26.yaml"
COMMITTEE = "committees/steering.yaml"
FINDING_LINE = re.compile(
    r"^(?P<file>\S+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning) "
    r"\[(?P<rule>[a-z0-9-]+)\] (?P<message>.+)$"
)


@pytest.fixture
def broken(make_registry) -> RegistryTree:
    """A registry with one error (unknown status) and one warning (tatweel) in the meeting."""
    tree = make_registry()
    tree.patch(MEETING, {"status": "hled", "place": {"ar": "الربـاط"}})
    return tree


@pytest.fixture
def warned(make_registry) -> RegistryTree:
    """A registry whose only finding is a warning (a zero-width space)."""
    tree = make_registry()
    tree.patch(MEETING, {"place": {"ar": "الر\u200bباط"}})
    return tree


# --- text ----------------------------------------------------------------------------------


def test_valid_registry_text(registry_tree: RegistryTree, run) -> None:
    outcome = run(["protsoc", "validate"], cwd=registry_tree.repo)
    assert outcome.exit_code == 0
    assert outcome.stdout.strip() == "valid: 3 files checked, 0 errors, 0 warnings"
    assert outcome.stderr == ""


def test_invalid_registry_text_lines(broken: RegistryTree, run) -> None:
    outcome = run(["protsoc", "validate"], cwd=broken.repo)
    assert outcome.exit_code == 1
    lines = [FINDING_LINE.match(line) for line in outcome.stdout.splitlines()]
    findings = [m.groupdict() for m in lines if m]
    assert {(f["file"], f["line"], f["severity"], f["rule"]) for f in findings} == {
        (f"registry/{MEETING}", "4", "error", "schema-enum"),
        (f"registry/{MEETING}", "6", "warning", "text-tatweel"),
    }
    assert f"registry/{MEETING}" in outcome.stdout.splitlines()[0]  # grouped under the file name
    assert "hint: did you mean `held`?" in outcome.stdout
    assert outcome.stdout.rstrip().endswith("invalid: 3 files checked, 1 error, 1 warning")


def test_text_is_plain_when_piped(broken: RegistryTree, run_process) -> None:
    outcome = run_process(["protsoc", "validate"], cwd=broken.repo)
    assert outcome.exit_code == 1
    assert "\x1b[" not in outcome.stdout  # no colour codes in a pipe
    assert f"registry/{MEETING}:4:1: error [schema-enum]" in outcome.stdout


# --- json ----------------------------------------------------------------------------------


def test_json_document_shape(broken: RegistryTree, run) -> None:
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=broken.repo)
    assert outcome.exit_code == 1
    report = json.loads(outcome.stdout)
    assert set(report) >= {"valid", "errors", "counts", "files_checked"}
    assert report["valid"] is False
    assert report["files_checked"] == 3
    assert report["counts"] == {"errors": 1, "warnings": 1}
    for entry in report["errors"]:
        assert set(entry) >= {"file", "line", "column", "rule", "severity", "message", "json_path"}
        assert isinstance(entry["line"], int) and isinstance(entry["column"], int)
    by_rule = {e["rule"]: e for e in report["errors"]}
    assert by_rule["schema-enum"]["json_path"] == "$.status"
    assert by_rule["schema-enum"]["severity"] == "error"
    assert by_rule["schema-enum"]["file"] == f"registry/{MEETING}"
    assert by_rule["text-tatweel"]["json_path"] == "$.place.ar"
    assert by_rule["text-tatweel"]["severity"] == "warning"
    assert "الربـاط" not in outcome.stdout or "\\u" not in outcome.stdout  # Arabic is not escaped


def test_json_of_a_valid_registry(registry_tree: RegistryTree, run) -> None:
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=registry_tree.repo)
    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout) == {
        "format_version": 2,
        "valid": True,
        "files_checked": 3,
        "counts": {"errors": 0, "warnings": 0},
        "findings": {"errors": [], "warnings": []},
        "errors": [],  # deprecated: errors and warnings mixed, as in format_version 1
    }


def test_json_splits_errors_and_warnings(broken: RegistryTree, run) -> None:
    report = json.loads(run(["validate", "--format", "json"], cwd=broken.repo).stdout)
    assert [f["rule"] for f in report["findings"]["errors"]] == ["schema-enum"]
    assert [f["rule"] for f in report["findings"]["warnings"]] == ["text-tatweel"]
    # the format_version 1 key, kept one version (deprecated): both, mixed
    assert sorted(f["rule"] for f in report["errors"]) == ["schema-enum", "text-tatweel"]


def test_json_path_of_list_items(make_registry, run) -> None:
    tree = make_registry()
    tree.patch(
        MEETING, lambda m: m["attendance"].append({"member": "finance", "status": "present"})
    )
    report = json.loads(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo).stdout)
    [entry] = report["errors"]
    assert (entry["rule"], entry["json_path"]) == ("ref-member", "$.attendance[2].member")


# --- github ----------------------------------------------------------------------------------


def test_github_annotations(broken: RegistryTree, run) -> None:
    outcome = run(["protsoc", "validate", "--format", "github"], cwd=broken.repo)
    assert outcome.exit_code == 1
    lines = outcome.stdout.splitlines()
    error = next(line for line in lines if line.startswith("::error "))
    warning = next(line for line in lines if line.startswith("::warning "))
    assert error.startswith(
        f"::error file=registry/{MEETING},line=4,col=1,title=protsoc schema-enum::"
    )
    assert "[schema-enum]" in error and "did you mean `held`?" in error
    assert warning.startswith(f"::warning file=registry/{MEETING},line=6,col=3,")
    assert lines[-1] == "protsoc: 3 files checked, 1 errors, 1 warnings"


def test_github_names_files_from_the_repository_root_whatever_the_working_directory(
    broken: RegistryTree, run
) -> None:
    """A step with `working-directory:` must still annotate the right file; text stays relative
    to where the user stands."""
    inside = broken.root / "meetings"
    github = run(["validate", "--format", "github"], cwd=inside).stdout
    assert f"::error file=registry/{MEETING},line=4," in github
    text = run(["validate"], cwd=inside).stdout
    assert f"{MEETING.removeprefix('meetings/')}:4:1: error [schema-enum]" in text
    outside = run(
        ["validate", "--format", "github", "--registry", str(broken.root)], cwd=broken.repo.parent
    ).stdout
    assert f"::error file=registry/{MEETING},line=4," in outside


def test_github_escapes_newlines_and_percent(make_registry, run) -> None:
    tree = make_registry()
    tree.write(MEETING, "id: x\n% not yaml\n")
    outcome = run(["protsoc", "validate", "--format", "github"], cwd=tree.repo)
    annotations = [line for line in outcome.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("\n" not in a for a in annotations)


# --- exit codes, --strict ----------------------------------------------------------------------


def test_warnings_pass_unless_strict(warned: RegistryTree, run) -> None:
    relaxed = run(["protsoc", "validate"], cwd=warned.repo)
    assert relaxed.exit_code == 0
    assert "[text-invisible]" in relaxed.stdout
    assert "valid: 3 files checked, 0 errors, 1 warning" in relaxed.stdout
    strict = run(["protsoc", "validate", "--strict"], cwd=warned.repo)
    assert strict.exit_code == 1
    assert "invalid: 3 files checked, 0 errors, 1 warning" in strict.stdout
    assert (
        json.loads(
            run(["protsoc", "validate", "--strict", "--format", "json"], cwd=warned.repo).stdout
        )["valid"]
        is False
    )


def test_unknown_format_is_a_usage_error(registry_tree: RegistryTree, run) -> None:
    outcome = run(["protsoc", "validate", "--format", "xml"], cwd=registry_tree.repo)
    assert outcome.exit_code == 2
    assert outcome.stdout == ""
    assert "unknown --format 'xml'" in outcome.stderr
    assert "text, json, github" in outcome.stderr


def test_unknown_option_is_a_usage_error(registry_tree: RegistryTree, run_process) -> None:
    outcome = run_process(["protsoc", "validate", "--nope"], cwd=registry_tree.repo)
    assert outcome.exit_code == 2
    assert "Traceback" not in outcome.output


# --- PATHs ----------------------------------------------------------------------------------------


def test_given_paths_only_report_their_own_findings(make_registry, run) -> None:
    tree = make_registry()
    tree.patch(COMMITTEE, {"kind": "ministerial-ish"})  # broken, but not checked below
    outcome = run(["protsoc", "validate", "registry/" + MEETING, "--format", "json"], cwd=tree.repo)
    report = json.loads(outcome.stdout)
    assert outcome.exit_code == 0, report
    assert report["files_checked"] == 1
    whole = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert whole.exit_code == 1
    assert [e["rule"] for e in json.loads(whole.stdout)["errors"]] == ["schema-enum"]


def test_given_paths_resolve_references_against_the_whole_registry(make_registry, run) -> None:
    tree = make_registry()
    # The meeting names a member that exists in the committee file: valid even when only the
    # meeting is checked; a member that does not exist is reported.
    tree.patch(MEETING, lambda m: m["attendance"].append({"member": "health", "status": "absent"}))
    assert run(["protsoc", "validate", "registry/" + MEETING], cwd=tree.repo).exit_code == 0
    tree.patch(MEETING, lambda m: m["attendance"].append({"member": "finance", "status": "absent"}))
    outcome = run(["protsoc", "validate", "registry/" + MEETING], cwd=tree.repo)
    assert outcome.exit_code == 1
    assert "[ref-member]" in outcome.stdout


def test_given_folder_checks_the_files_under_it(make_registry, run) -> None:
    tree = make_registry()
    tree.patch(COMMITTEE, {"kind": "ministerial-ish"})
    tree.write(
        "meetings/steering/2024-12-02.yaml",
        {**tree.read(MEETING), "id": "steering/2024-12-02", "date": "2024-12-02", "status": "hled"},
    )
    report = json.loads(
        run(["protsoc", "validate", "registry/meetings", "--format", "json"], cwd=tree.repo).stdout
    )
    assert report["files_checked"] == 2
    assert {e["file"] for e in report["errors"]} == {"registry/meetings/steering/2024-12-02.yaml"}


def test_path_outside_the_registry_is_a_usage_error(
    registry_tree: RegistryTree, run, tmp_path: Path
) -> None:
    stray = tmp_path / "elsewhere.yaml"
    stray.write_text("id: x\n", encoding="utf-8")
    outcome = run(["protsoc", "validate", str(stray)], cwd=registry_tree.repo)
    assert outcome.exit_code == 2
    assert "is not a record file of the registry" in outcome.stderr
    missing = run(
        ["protsoc", "validate", "registry/meetings/steering/1999-01-01.yaml"],
        cwd=registry_tree.repo,
    )
    assert missing.exit_code == 2


# --- finding the registry -------------------------------------------------------------------------


def test_registry_option(registry_tree: RegistryTree, run, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for given in (registry_tree.root, registry_tree.repo):  # the registry, or the repo holding it
        outcome = run(["protsoc", "validate", "--registry", str(given)], cwd=elsewhere)
        assert outcome.exit_code == 0, outcome.stderr
        assert "3 files checked" in outcome.stdout


def test_registry_from_environment(broken: RegistryTree, run, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outcome = run(
        ["protsoc", "validate"], cwd=elsewhere, env={"PROTSOC_REGISTRY": str(broken.root)}
    )
    assert outcome.exit_code == 1
    assert "[schema-enum]" in outcome.stdout


def test_option_beats_environment(make_registry, run, tmp_path: Path) -> None:
    good = make_registry(name="good")
    bad = make_registry(name="bad")
    bad.patch(MEETING, {"status": "hled"})
    outcome = run(
        ["protsoc", "validate", "--registry", str(good.root)],
        cwd=tmp_path,
        env={"PROTSOC_REGISTRY": str(bad.root)},
    )
    assert outcome.exit_code == 0


def test_registry_found_from_a_subfolder(broken: RegistryTree, run) -> None:
    outcome = run(
        ["protsoc", "validate", "--format", "json"], cwd=broken.root / "meetings" / "steering"
    )
    assert outcome.exit_code == 1
    # file names are shown relative to the current directory
    assert json.loads(outcome.stdout)["errors"][0]["file"] == "2024-11-26.yaml"


def test_no_registry_found_is_exit_2_with_a_hint(tmp_path: Path, run, run_process) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for outcome in (
        run(["protsoc", "validate"], cwd=empty),
        run_process(["protsoc", "validate"], cwd=empty),
    ):
        assert outcome.exit_code == 2
        assert outcome.stdout == ""
        assert "no registry found" in outcome.stderr
        assert "--registry" in outcome.stderr and "protsoc init" in outcome.stderr
        assert "Traceback" not in outcome.output


@pytest.mark.parametrize("origin", ["option", "environment"])
def test_registry_pointing_nowhere_is_exit_2(tmp_path: Path, run, origin: str) -> None:
    nowhere = tmp_path / "not-a-registry"
    nowhere.mkdir()
    if origin == "option":
        outcome = run(["protsoc", "validate", "--registry", str(nowhere)], cwd=tmp_path)
        assert "--registry points to" in outcome.stderr
    else:
        outcome = run(["protsoc", "validate"], cwd=tmp_path, env={"PROTSOC_REGISTRY": str(nowhere)})
        assert "PROTSOC_REGISTRY points to" in outcome.stderr
    assert outcome.exit_code == 2
    assert "protsoc.yaml" in outcome.stderr


# --- bad input never shows a traceback ------------------------------------------------------------


def test_dangling_link_is_a_finding(make_registry, run) -> None:
    tree = make_registry()
    os.symlink(tree.root / "nowhere.yaml", tree.root / "meetings" / "steering" / "2024-12-02.yaml")
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert outcome.exit_code == 1
    [entry] = json.loads(outcome.stdout)["errors"]
    assert (entry["rule"], entry["file"], entry["line"]) == (
        "file-not-regular",
        "registry/meetings/steering/2024-12-02.yaml",
        1,
    )


BAD_INPUTS = {
    "alias bomb": (
        "l0: &l0 [a, a, a, a, a, a, a, a, a]\n"
        + "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10))
    ).encode(),
    "windows-1256": "id: x\nplace:\n  ar: الرباط\n".encode("cp1256", "replace"),
    "utf-16": "id: x\n".encode("utf-16"),
    "binary": bytes(range(256)),
    "control character": b"id: x\nplace: \x00\x19\n",
    "python tag": b"id: !!python/object/apply:os.system ['echo pwned']\n",
    "deep nesting": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "list": b"- 1\n- 2\n",
    "scalar": b"just text\n",
    "empty": b"",
    "huge": b"a: '" + b"x" * (1024 * 1024 + 10) + b"'\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_findings_not_a_traceback(make_registry, run_process, name: str) -> None:
    tree = make_registry()
    tree.write(MEETING, BAD_INPUTS[name])
    for output_format in ("text", "json"):
        outcome = run_process(["protsoc", "validate", "--format", output_format], cwd=tree.repo)
        assert outcome.exit_code == 1, outcome.output
        assert "Traceback" not in outcome.output
        assert "internal error" not in outcome.output
    assert json.loads(outcome.stdout)["errors"][0]["file"] == f"registry/{MEETING}"


def test_the_whole_invalid_corpus_at_once_gives_no_traceback(make_registry, run) -> None:
    """Every broken example file, each under its own name, in one registry."""
    tree = make_registry()
    index = 0
    for path in sorted((EXAMPLES / "invalid").rglob("*.yaml")):
        if path.name == "expect.yaml":
            continue
        index += 1
        tree.write(
            f"meetings/steering/2020-01-{index:02d}.yaml"
            if index <= 28
            else f"meetings/steering/2020-02-{index - 28:02d}.yaml",
            path.read_bytes(),
        )
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert outcome.exit_code == 1
    assert json.loads(outcome.stdout)["counts"]["errors"] > index


def test_every_problem_of_every_file_is_reported_together(make_registry, run) -> None:
    tree = make_registry()
    tree.patch(COMMITTEE, {"kind": "ministerial-ish"})
    tree.patch(MEETING, {"status": "hled", "number": "3"})
    tree.write("meetings/steering/2024-12-02.yaml", b"id: [\n")
    report = json.loads(run(["protsoc", "validate", "--format", "json"], cwd=tree.repo).stdout)
    assert {(e["file"].split("/", 1)[1], e["rule"]) for e in report["errors"]} == {
        (COMMITTEE, "schema-enum"),
        (MEETING, "schema-enum"),
        (MEETING, "schema-type"),
        ("meetings/steering/2024-12-02.yaml", "yaml-syntax"),
    }
    assert report["counts"]["errors"] == 4


def test_text_is_coloured_on_a_terminal(broken: RegistryTree, run_process) -> None:
    outcome = run_process(
        ["protsoc", "validate"],
        cwd=broken.repo,
        env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm-256color"},
    )
    assert outcome.exit_code == 1
    assert "\x1b[" in outcome.stdout  # rich colours errors red and warnings yellow
    assert "[schema-enum]" in outcome.stdout


def test_long_findings_stay_on_one_line_when_piped(make_registry, run_process) -> None:
    tree = make_registry()
    long_id = "member-" + "x" * 150
    tree.patch(MEETING, lambda m: m["attendance"].append({"member": long_id, "status": "present"}))
    outcome = run_process(["protsoc", "validate"], cwd=tree.repo)
    [line] = [line for line in outcome.stdout.splitlines() if "[ref-member]" in line]
    assert FINDING_LINE.match(line)
    assert line.endswith("nor a listed guest")


# --- record text is shown, never obeyed ----------------------------------------------------------

INJECTED = "x\n::error file=README.md,line=1::INJECTED\n::add-mask::x\x1b]0;owned\x07"


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_record_text_quoted_in_findings_cannot_run_in_a_ci_log_or_a_terminal(
    make_registry, run_process, output_format: str
) -> None:
    """A value quoted by a finding (here a status outside the schema's list) must not start a
    line of its own (GitHub runs lines that begin with `::`) nor carry escape sequences."""
    from conftest import MEETING as MEETING_RECORD

    tree = make_registry(
        {"meetings/steering/2024-11-26.yaml": {**MEETING_RECORD, "status": INJECTED}}
    )
    outcome = run_process(["protsoc", "validate", "--format", output_format], cwd=tree.repo)
    assert outcome.exit_code == 1
    assert "\x1b" not in outcome.stdout and "\x07" not in outcome.stdout
    commands = [line for line in outcome.stdout.splitlines() if line.lstrip().startswith("::")]
    if output_format == "text":
        assert commands == []
        assert "\\n::error file=README.md" in outcome.stdout  # shown, escaped
    else:
        # only protsoc's own annotations, each naming the real file
        assert commands and all(
            line.startswith("::error file=registry/meetings/steering/2024-11-26.yaml,")
            for line in commands
        )
        assert "`x%0A::error file=README.md,line=1::INJECTED%0A::add-mask::x" in outcome.stdout
