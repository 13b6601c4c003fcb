"""The corpus of example files: add a case = add a file.

``tests/examples/invalid/<rule-id>/<case>.yaml`` is one broken file. Its first lines say what
must happen (they are YAML comments, so they do not change the record)::

    # expect: <rule-id> line <N>     the rule that must fire, on line N of this very file
    # about: <why this case exists>
    # place: <path under registry/>  where the file goes in an otherwise valid registry

A case may also be a folder holding ``expect.yaml`` (rule, line, file, about) and files laid out
as under ``registry/`` (for rules that need several files, or files whose bytes cannot carry a
comment, like UTF-16).

``tests/examples/valid/`` is laid out like ``registry/``: added to the minimal registry, it must
validate without a single finding, even with ``--strict``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, RegistryTree

INVALID = EXAMPLES / "invalid"
VALID = EXAMPLES / "valid"
_EXPECT = re.compile(rb"^# expect: (?P<rule>[a-z0-9-]+) line (?P<line>\d+)\r?$", re.MULTILINE)
_PLACE = re.compile(rb"^# place: (?P<place>\S+)\r?$", re.MULTILINE)


@dataclass
class Case:
    rule: str
    line: int
    place: str  # the file the finding must be reported on, relative to registry/
    files: dict[str, bytes]  # relative to registry/ -> raw bytes
    warning: bool = False

    @property
    def name(self) -> str:
        return f"{self.rule}/{self.place}"


def _file_case(path: Path) -> Case:
    raw = path.read_bytes()
    head = raw[:600].removeprefix(b"\xef\xbb\xbf")
    expect = _EXPECT.search(head)
    place = _PLACE.search(head)
    assert expect and place, f"{path} lacks its `# expect:` / `# place:` header"
    return Case(
        expect["rule"].decode(),
        int(expect["line"]),
        place["place"].decode(),
        {place["place"].decode(): raw},
    )


def _folder_case(folder: Path) -> Case:
    meta = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "expect.yaml"
    }
    return Case(meta["rule"], int(meta["line"]), meta["file"], files)


def _cases() -> list:
    cases = []
    for rule_folder in sorted(p for p in INVALID.iterdir() if p.is_dir()):
        for entry in sorted(rule_folder.iterdir()):
            if entry.is_dir():
                case = _folder_case(entry)
            elif entry.suffix in (".yaml", ".yml"):
                case = _file_case(entry)
            else:
                continue
            assert case.rule == rule_folder.name, (
                f"{entry} declares {case.rule} in folder {rule_folder.name}"
            )
            cases.append(pytest.param(case, id=f"{rule_folder.name}/{entry.stem}"))
    return cases


CASES = _cases()


def _place(tree: RegistryTree, case: Case) -> None:
    for rel, raw in case.files.items():
        tree.write(rel, raw)


@pytest.mark.parametrize("case", CASES)
def test_invalid_example_reports_its_rule_on_its_line(case: Case, make_registry, run) -> None:
    tree = make_registry()
    _place(tree, case)
    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)
    assert "Traceback" not in outcome.output
    report = json.loads(outcome.stdout)
    expected_file = f"registry/{case.place}"
    hits = [e for e in report["errors"] if e["rule"] == case.rule]
    assert hits, (
        f"{case.rule} not reported; got "
        f"{[(e['rule'], e['file'], e['line']) for e in report['errors']]}"
    )
    located = [(e["file"], e["line"]) for e in hits]
    assert (expected_file, case.line) in located, f"{case.rule} reported at {located}"
    hit = next(e for e in hits if (e["file"], e["line"]) == (expected_file, case.line))
    assert hit["column"] >= 1
    assert hit["message"]
    if hit["severity"] == "error":
        assert outcome.exit_code == 1 and report["valid"] is False
    else:
        # a warning alone keeps the registry valid, unless --strict
        strict = run(["protsoc", "validate", "--strict", "--format", "json"], cwd=tree.repo)
        assert strict.exit_code == 1
        assert json.loads(strict.stdout)["valid"] is False


def _emitted_rule_ids() -> set[str]:
    """Every literal rule id the source code can emit (schema-* ids are built from validators)."""
    source = Path(__file__).resolve().parent.parent / "src" / "protsoc"
    found: set[str] = set()
    pattern = re.compile(
        r'"((?:yaml|schema|text|ref|layout|meeting|id|duplicate|committee|attendance'
        r'|date|minutes|decision|file|finance)-[a-z-]+)"'
    )
    for module in (
        "registry/yamlio.py",
        "registry/layout.py",
        "registry/records.py",
        "registry/files.py",
        "validate/schemas.py",
        "validate/rules.py",
        "validate/hygiene.py",
        "validate/finance_rules.py",
    ):
        found |= set(pattern.findall((source / module).read_text(encoding="utf-8")))
    return found


# Rules a corpus file cannot trigger: tested in test_yamlio.py / test_validate_cli.py instead.
NOT_IN_CORPUS = {
    "yaml-too-large": "test_yamlio.py::test_too_large_is_refused_before_parsing",
    "file-unreadable": (
        "test_special_files.py::test_a_file_gone_between_listing_and_reading_is_unreadable"
    ),
    "file-not-regular": "test_special_files.py (real symbolic links, named pipes, git mode 120000)",
}


def test_every_rule_id_has_a_corpus_case() -> None:
    covered = {case.values[0].rule for case in CASES}
    missing = _emitted_rule_ids() - covered - set(NOT_IN_CORPUS)
    assert not missing, f"add tests/examples/invalid/<rule>/<case>.yaml for: {sorted(missing)}"


def test_valid_examples_have_no_findings(make_registry, run) -> None:
    tree = make_registry()
    for path in VALID.rglob("*.yaml"):
        tree.write(path.relative_to(VALID).as_posix(), path.read_bytes())
    outcome = run(["protsoc", "validate", "--strict", "--format", "json"], cwd=tree.repo)
    report = json.loads(outcome.stdout)
    assert report["errors"] == []
    assert outcome.exit_code == 0
    assert report["files_checked"] == 3 + sum(
        1
        for p in VALID.rglob("*.yaml")
        if p.relative_to(VALID).as_posix()
        not in ("committees/steering.yaml", "meetings/steering/2024-11-26.yaml")
    )


def test_corpus_files_are_kept_byte_for_byte() -> None:
    """CRLF, BOM and non-UTF-8 cases must not be normalised by git
    (tests/examples/.gitattributes)."""
    assert b"\r\n" in (INVALID / "yaml-crlf" / "crlf.yaml").read_bytes()
    assert (INVALID / "yaml-bom" / "bom.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    attributes = (EXAMPLES / ".gitattributes").read_text(encoding="utf-8")
    assert "-text" in attributes
