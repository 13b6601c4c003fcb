"""The shipped 2024-11-26 meeting holds only what its source, a press article, says (issue 15,
finding 13): the agenda is what the article says the meeting focused on; the topics it reports
are proceedings quoted word for word and marked as reported by the press, never agenda items."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO_ROOT, SHIPPED_REGISTRY

SEEDS = next(
    (p for p in (REPO_ROOT / "seeds", REPO_ROOT.parent / "shared" / "seeds") if p.is_dir()), None
)
MEETING = SHIPPED_REGISTRY / "meetings" / "steering" / "2024-11-26.yaml"


def _meeting() -> dict:
    return yaml.safe_load(MEETING.read_text(encoding="utf-8"))


def test_the_agenda_is_what_the_article_says_the_meeting_focused_on() -> None:
    agenda = _meeting()["agenda"]
    assert [item["id"] for item in agenda] == ["item-1", "item-2"]
    assert all("proceedings" not in item for item in agenda)


@pytest.mark.skipif(SEEDS is None, reason="the seeds folder is not next to the checkout")
def test_reported_proceedings_are_quoted_word_for_word_from_the_article() -> None:
    meeting = _meeting()
    reported = meeting["reported"]
    assert len(reported) >= 3
    for entry in reported:
        seed = (SEEDS / Path(entry["source"]["document"]).name).read_text(encoding="utf-8")  # type: ignore[operator]
        assert re.sub(r"\s+", " ", entry["quote"]) in re.sub(r"\s+", " ", seed)
    # the journalist's commentary on the new agency is not what the meeting did
    assert not any("الوكالة الوطنية للدعم الاجتماعي" in entry["quote"] for entry in reported)


def test_the_minutes_mark_them_as_reported_by_the_press(run) -> None:
    result = run(
        ["protsoc", "render", "minutes", "steering/2024-11-26", "--registry", str(SHIPPED_REGISTRY)]
    )
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "ما أوردته الصحافة عن أشغال الاجتماع" in md
    assert md.index("## جدول الأعمال") < md.index("ما أوردته الصحافة") < md.index("## ملحق")
    agenda = md[md.index("## جدول الأعمال") : md.index("## الحضور")]
    assert "الدعم الاجتماعي المباشر" not in agenda
    assert "يذكر المصدر أيضا" not in md[: md.index("## ملحق")]  # source commentary: annex only
