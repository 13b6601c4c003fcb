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
    assert html.unescape(re.sub(r'</?span(?: dir="ltr")?>', "", marked)) == text
    assert (
        re.sub(r'<span dir="ltr">|</span>', "", marked).count("<") == 0
    )  # every other < is escaped


def test_ltr_wraps_latin_and_number_runs() -> None:
    assert (
        str(templating.ltr("حوالي 3.800.000 مستفيد"))
        == 'حوالي <span dir="ltr">3.800.000</span> مستفيد'
    )
    assert str(templating.ltr("نظام (AMO TNS).")) == 'نظام <span dir="ltr">(AMO TNS)</span>.'


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
