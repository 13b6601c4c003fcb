"""What the speed-ups of status, cadence and the report (issue 8) must not change.

Each fast path is checked against the plain computation it replaces, on the same inputs: the
decision/action links of ``protsoc status``, the ``ltr`` filter and the memoised Arabic dates of
the report. No timings here (they are in benchmarks/README.md).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import SHIPPED_REGISTRY

from protsoc import status
from protsoc.registry import Registry


def _action(decisions: Any, state: str = "in-progress") -> Any:
    return SimpleNamespace(data={"decisions": decisions, "status": state})


def _old_citing(actions: list, refs: list[str]) -> list:
    return [a for a in actions if set((a.data or {}).get("decisions", [])) & set(refs)]


@pytest.mark.parametrize("odd", [False, True])
def test_status_links_answer_like_asking_every_action(odd: bool) -> None:
    actions = [
        _action(["c/2024-01-01/d1"], "done"),
        _action(["c/2024-01-01/d1", "c/2024-01-01/d2"], "dropped"),
        _action(["c/2024-01-01/d2", "c/2024-01-01/d2"], "in-progress"),  # cited twice
        _action(["c/2024-02-01/d1"], "done"),
        _action([], "done"),
        SimpleNamespace(data=None),
        _action(["x/2024-01-01/d1", 7], "done"),  # not all strings: asked the old way
    ]
    if odd:
        actions.append(_action("c/2024-03-01/d1", "done"))  # a string, not a list: substring semantics
    links = status._ActionLinks(actions)
    refs = ["c/2024-01-01/d1", "c/2024-01-01/d2", "c/2024-02-01/d1", "c/2024-03-01/d1", "c/2024-03-01/d",
            "x/2024-01-01/d1", "nothing"]
    for ref in refs:
        assert links.closed(ref) == status._decision_closed(ref, actions), ref
    for chosen in ([], refs[:1], refs[1:3], refs, ["c", "/"]):
        assert links.citing(chosen) == _old_citing(actions, chosen), chosen


def test_status_of_the_shipped_registry_counts_open_items_as_before(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    shutil.copytree(SHIPPED_REGISTRY, root)
    registry = Registry.load(root)
    day = dt.date(2026, 11, 22)
    result = status.overview(registry, day)
    actions = registry.of_kind("action")
    for row in result.committees:
        meetings = registry.meetings_of(row.id, errata=False)
        decisions = [f"{m.id}/{d.get('id')}" for m in meetings for d in (m.data or {}).get("decisions", [])
                     if isinstance(d, dict)]
        assert row.open_decisions == sum(1 for ref in decisions if not status._decision_closed(ref, actions))
        assert row.open_actions == sum(1 for a in _old_citing(actions, decisions)
                                       if (a.data or {}).get("status") not in ("done", "dropped"))
