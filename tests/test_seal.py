"""Sealed minutes: `validate` fails (seal-broken) when approved minutes are edited, and only
then."""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml
from conftest import MEETING, RegistryTree
from test_diff import approve

MEETING_FILE = "meetings/steering/2024-11-26.yaml"


def approved_tree(make_registry: Any) -> RegistryTree:
    meeting = copy.deepcopy(MEETING)
    meeting["decisions"] = [
        {"id": "d1", "kind": "decision", "text": {"ar": "تعميم التغطية الصحية"}}
    ]
    tree = make_registry({MEETING_FILE: meeting})
    approve(tree, MEETING_FILE, ["head-of-government", "interior"])
    tree.commit("approve the minutes")
    return tree


def test_approved_minutes_are_valid(make_registry: Any, run: Any) -> None:
    tree = approved_tree(make_registry)

    outcome = run(["protsoc", "validate"], cwd=tree.repo)

    assert outcome.exit_code == 0, outcome.stdout


def test_one_character_edit_breaks_the_seal(make_registry: Any, run: Any) -> None:
    tree = approved_tree(make_registry)
    path = tree.path(MEETING_FILE)
    path.write_text(path.read_text(encoding="utf-8").replace("تعميم", "تعميمم"), encoding="utf-8")

    outcome = run(["protsoc", "validate", "--format", "json"], cwd=tree.repo)

    assert outcome.exit_code == 1
    findings = json.loads(outcome.stdout)["errors"]
    assert [(f["rule"], f["file"], f["json_path"]) for f in findings] == [
        ("seal-broken", "registry/meetings/steering/2024-11-26.yaml", "$.minutes.seal")
    ]
    assert "protsoc amend steering/2024-11-26" in findings[0]["hint"]


def test_editing_a_number_breaks_the_seal_in_a_real_process(
    make_registry: Any, run_process: Any
) -> None:
    tree = approved_tree(make_registry)
    tree.patch(MEETING_FILE, {"number": 3})

    outcome = run_process(["protsoc", "validate"], cwd=tree.repo)

    assert outcome.exit_code == 1
    assert (
        "error [seal-broken] the minutes of steering/2024-11-26 no longer match their seal"
        in outcome.stdout
    )


def test_reformatting_is_no_false_alarm(make_registry: Any, run: Any) -> None:
    tree = approved_tree(make_registry)
    data = tree.read(MEETING_FILE)

    def reverse(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: reverse(value[key]) for key in reversed(list(value))}
        if isinstance(value, list):
            return [reverse(item) for item in value]
        return value

    # other key order, every scalar double-quoted, flow style, other indentation, a comment
    text = yaml.dump(
        reverse(data),
        allow_unicode=True,
        sort_keys=False,
        default_style='"',
        default_flow_style=True,
        width=70,
        indent=4,
    )
    tree.write(MEETING_FILE, "# re-formatted by hand\n" + text)
    assert '"status": "held"' in text and "{" in text  # really quoted, really flow style

    outcome = run(["protsoc", "validate"], cwd=tree.repo)

    assert outcome.exit_code == 0, outcome.stdout
    assert "seal" not in outcome.stdout


def test_draft_minutes_can_be_edited(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.patch(MEETING_FILE, {"minutes": {"status": "draft"}, "number": 4})

    assert run(["protsoc", "validate"], cwd=registry_tree.repo).exit_code == 0


def test_canonical_form_ignores_key_order_but_not_values() -> None:
    from protsoc.governance import seal

    meeting = {
        "id": "a/2024-01-01",
        "minutes": {"status": "approved", "seal": {"digest": "x"}},
        "date": "2024-01-01",
    }
    reordered = {"date": "2024-01-01", "minutes": {"status": "approved"}, "id": "a/2024-01-01"}

    assert seal.digest(meeting) == seal.digest(reordered)
    assert seal.digest(meeting) != seal.digest({**reordered, "date": "2024-01-02"})
