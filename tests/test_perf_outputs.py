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


def _ltr_before(value: Any) -> Any:
    """The ``ltr`` filter as it was before it was memoised (Markup ``%`` and ``join``)."""
    from markupsafe import Markup, escape

    from protsoc.templating import _LTR_RUN

    text = str(value)
    pieces: list[Any] = []
    position = 0
    for match in _LTR_RUN.finditer(text):
        pieces.append(escape(text[position: match.start()]))
        pieces.append(Markup('<span dir="ltr">%s</span>') % match.group(0))
        position = match.end()
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


LTR_SAMPLES = [
    "", "لجنة القيادة", "4 000 000", "في 26 نونبر 2024", "السجل الاجتماعي الموحد (RSU).", "(RSU)",
    "<script>alert('x')</script> & \"quotes\"", "a", "%", "AMO-Tadamon 2025 <b>", "x" * 400 + " نص " + "(y)" * 100,
    12, 3.5, None, dt.date(2024, 11, 26),
]


@pytest.mark.parametrize("value", LTR_SAMPLES)
def test_ltr_gives_the_same_markup_as_before(value: Any) -> None:
    from markupsafe import Markup

    from protsoc.templating import ltr

    for _ in range(2):  # computed, then from the memo
        result = ltr(value)
        assert isinstance(result, Markup)
        assert result == _ltr_before(value)


def test_ltr_on_any_text_gives_the_same_markup_as_before() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from protsoc.templating import ltr

    alphabet = st.sampled_from(list("abcXYZ019 ()[]<>&\"'%.-،؛") + ["نونبر", "لجنة", "\u200f"])

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text: str) -> None:
        assert ltr(text) == _ltr_before(text)
        assert ltr(text) == _ltr_before(text)

    check()


def test_arabic_dates_are_the_babel_wording_also_when_memoised() -> None:
    from babel.dates import format_date

    from protsoc import arabic

    day = dt.date(2024, 11, 26)
    for value in (day, "2024-11-26", dt.datetime(2024, 11, 26, 10, 30)):
        for _ in range(2):
            assert arabic.date_long(value) == "26 نونبر 2024"
            assert arabic.date_long(value, with_weekday=True) == "الثلاثاء 26 نونبر 2024"
            assert arabic.weekday(value) == "الثلاثاء"
            assert arabic.month_year(value) == "نونبر 2024"
    for offset in range(0, 800, 7):
        other = day + dt.timedelta(days=offset)
        assert arabic.date_long(other) == arabic._clean(format_date(other, "d MMMM y", locale="ar_MA"))
    with pytest.raises(ValueError):
        arabic.date_long("2025-02-30")
    with pytest.raises(TypeError):
        arabic.date_long(["2025-02-03"])
