"""A value the clerk typed is checked by the library, which names the field, not an option."""

from __future__ import annotations

import pytest

from protsoc.clerk import inputs
from protsoc.clerk.inputs import InvalidInput
from protsoc.cli.clerk import field_label


def test_a_refused_value_names_its_field_until_the_cli_names_how_it_was_given() -> None:
    with pytest.raises(InvalidInput) as refused:
        inputs.date("2025-02-30", "due")
    assert refused.value.field == "due"
    assert refused.value.message == "due '2025-02-30' is not a real date"
    assert refused.value.named("--due").message == "--due '2025-02-30' is not a real date"
    assert refused.value.named("Due date").hint == refused.value.hint


def test_braces_typed_by_the_clerk_are_quoted_as_typed() -> None:
    with pytest.raises(InvalidInput) as refused:
        inputs.slug("a{what}b", "id")
    assert refused.value.named("--id").message == "--id 'a{what}b' is not a valid id"


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("due", "--due"),
        ("completed_on", "--completed-on"),
        ("decision.text", "the decision's text"),
        ("action.title", "the action's title (--title)"),
        ("committee", "the committee"),
    ],
)
def test_the_cli_names_a_field_by_its_option_or_its_words(field: str, label: str) -> None:
    assert field_label(field) == label


def test_allowed_values_and_numbers() -> None:
    assert inputs.choice("held", "status", ("planned", "held")) == "held"
    assert inputs.choice(None, "status", ("planned", "held"), required=False) is None
    assert inputs.number("11100000", "value") == 11100000
    assert inputs.number("2.5", "value") == 2.5
    assert inputs.percentage(100, "progress") == 100
    with pytest.raises(InvalidInput) as refused:
        inputs.percentage(150, "progress")
    assert refused.value.named("--progress").message == "--progress 150 is not a percentage"
