"""The Jinja factory: the ltr filter never loses or injects text; filters are all registered."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from protsoc.documents import templating
from protsoc.kernel import resources


@given(
    st.text(
        alphabet=st.sampled_from(
            list("abcXYZ019 .,:/%()<>&\"'-") + ["ا", "ب", "ة", "،", "«", "»", " "]
        ),
        max_size=60,
    )
)
def test_ltr_keeps_the_text_and_only_adds_ltr_spans(text: str) -> None:
    marked = str(templating.ltr(text))
    tags = r'<span dir="ltr"(?: class="nowrap")?>|</span>'
    assert html.unescape(re.sub(tags, "", marked)) == text
    assert re.sub(tags, "", marked).count("<") == 0  # every other < is escaped


def test_ltr_wraps_latin_runs_and_numbers_the_bidi_algorithm_would_split() -> None:
    assert (
        str(templating.ltr("حوالي 4 000 000 مستفيد"))
        == 'حوالي <span dir="ltr">4 000 000</span> مستفيد'
    )
    assert str(templating.ltr("الهاتف +212 5 37")) == 'الهاتف <span dir="ltr">+212 5 37</span>'
    # a plain number is laid out by the bidi algorithm, as Arabic text lays it out («%3.6»)
    assert str(templating.ltr("حوالي 11.1 مليون")) == "حوالي 11.1 مليون"


def test_ltr_leaves_paired_brackets_to_the_surrounding_text() -> None:
    """Issue 15: «(زيادة 3.6%)» was printed «(زيادة (3.6%»: the closing bracket was inside the
    left-to-right span. A bracket whose partner is outside the run stays outside it."""
    assert str(templating.ltr("(زيادة 3.6%)")) == "(زيادة 3.6%)"
    assert str(templating.ltr("نظام (AMO TNS).")) == 'نظام (<span dir="ltr">AMO TNS</span>).'
    assert str(templating.ltr("(RSU) السجل")) == '(<span dir="ltr">RSU</span>) السجل'
    assert str(templating.ltr("(AMO 2025)")) == '(<span dir="ltr">AMO 2025</span>)'
    assert str(templating.ltr("دالة f(x) و")) == 'دالة <span dir="ltr">f(x)</span> و'


def test_hyphenated_names_and_whole_dates_never_break(tmp_path) -> None:
    """Issue 15: lines broke inside «AMO- / Tadamon», «26 / نونبر 2024», «10 رمضان / 1446 هـ»,
    «1.7 / مليون». HTML glues them with no-break spaces; Markdown keeps plain spaces."""
    assert str(templating.ltr("نظام AMO-Tadamon")) == (
        'نظام <span dir="ltr" class="nowrap">AMO-Tadamon</span>'
    )
    body = "{{ d | date_ar }}|{{ d | hijri_ar }}|{{ 1700000 | count_ar('طفل') }}"
    (tmp_path / "t.html.j2").write_text(body, encoding="utf-8")
    (tmp_path / "t.md.j2").write_text(body, encoding="utf-8")
    context = {"d": "2025-03-10"}
    html_text = templating.render("t.html.j2", context, [tmp_path])
    assert (
        html_text
        == "10\u00a0مارس\u00a02025|10\u00a0رمضان\u00a01446\u00a0هـ|1.7\u00a0مليون\u00a0طفل"
    )
    markdown = templating.render("t.md.j2", context, [tmp_path])
    assert markdown == "10 مارس 2025|10 رمضان 1446 هـ|1.7 مليون طفل"


@given(st.text(alphabet=st.sampled_from(list("aZ09 ()[]%.-+") + ["ب", "،"]), max_size=40))
def test_no_isolated_run_holds_an_unpaired_bracket(text: str) -> None:
    for start, end in templating.ltr_runs(text):
        run = text[start:end]
        depth = 0
        for character in run:
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(character, 0)
            assert depth >= 0, run
        assert depth == 0, run


def test_every_shipped_template_uses_only_registered_filters() -> None:
    env = templating.environment([resources.template_dir()])
    used = set()
    for path in resources.template_dir().glob("*.j2"):
        used |= set(re.findall(r"\|\s*([a-z_]+)", path.read_text(encoding="utf-8")))
    builtin = {"length", "list", "selectattr"}
    assert used - builtin <= set(env.filters)
    assert {"date_ar", "day_ar", "hijri_ar", "num", "count_ar", "ltr", "md", "text"} <= set(
        env.filters
    )


def test_html_templates_autoescape_and_markdown_templates_do_not() -> None:
    env = templating.environment([resources.template_dir()])
    assert env.autoescape("minutes.html.j2") is True
    assert env.autoescape("minutes.md.j2") is False
