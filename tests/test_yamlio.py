"""The strict YAML loader and the one output style (protsoc.yamlio)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protsoc.registry import yamlio
from protsoc.registry.yamlio import YamlError


def load(text: str | bytes) -> yamlio.Document:
    return yamlio.loads(text.encode("utf-8") if isinstance(text, str) else text)


def problem(text: str | bytes) -> yamlio.YamlProblem:
    with pytest.raises(YamlError) as caught:
        load(text)
    return caught.value.problem


# --- what is accepted, and how it is typed ---------------------------------------------------


def test_plain_record_loads_with_timestamps_kept_as_strings() -> None:
    document = load("id: steering/2024-11-26\ndate: 2024-11-26\nnumber: 3\nplace:\n  ar: الرباط\n")
    assert document.data == {
        "id": "steering/2024-11-26",
        "date": "2024-11-26",
        "number": 3,
        "place": {"ar": "الرباط"},
    }
    assert document.problems == []


def test_implicitly_typed_plain_scalars_are_remembered_with_their_source_text() -> None:
    document = load("kind: no\ncount: 12\nquoted: 'no'\nlist:\n- yes\n")
    assert document.data == {"kind": False, "count": 12, "quoted": "no", "list": [True]}
    assert document.implicit[("kind",)] == "no"
    assert document.implicit[("count",)] == "12"
    assert document.implicit[("list", 0)] == "yes"
    assert ("quoted",) not in document.implicit


def test_empty_value_is_null_and_remembered() -> None:
    document = load("place:\nnote: ~\n")
    assert document.data == {"place": None, "note": None}
    assert ("place",) in document.implicit


# --- what is refused, with its rule and position ---------------------------------------------


def test_duplicate_key_is_refused_at_its_second_occurrence() -> None:
    found = problem("id: a\nstatus: held\nstatus: planned\n")
    assert (found.rule, found.line, found.column) == ("yaml-duplicate-key", 3, 1)
    assert "first on line 2" in found.message


def test_duplicate_key_in_nested_mapping() -> None:
    found = problem("place:\n  ar: الرباط\n  ar: فاس\n")
    assert (found.rule, found.line, found.column) == ("yaml-duplicate-key", 3, 3)


@pytest.mark.parametrize(
    "text, line",
    [
        ("base: &b {a: 1}\nother: *b\n", 1),
        ("a: 1\nb:\n  <<: {x: 1}\n", 3),
        ("a: 1\nlist:\n- &x one\n- *x\n", 3),
    ],
)
def test_anchors_aliases_and_merge_keys_are_refused(text: str, line: int) -> None:
    found = problem(text)
    assert (found.rule, found.line) == ("yaml-alias", line)


def _bomb(levels: int, width: int) -> str:
    text = "l0: &l0 [" + ", ".join(['"lol"'] * width) + "]\n"
    for level in range(1, levels):
        text += f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]\n"
    return text


def test_alias_bomb_fails_fast_in_bounded_memory() -> None:
    # 10^12 "lol" once expanded; refused at the first anchor, before anything is expanded.
    text = _bomb(12, 10)
    tracemalloc.start()
    try:
        found = problem(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (found.rule, found.line, found.column) == ("yaml-alias", 1, 5)
    assert peak < 20 * 1024 * 1024


def test_merge_key_without_anchor_is_refused() -> None:
    found = problem("a:\n  <<: {x: 1}\n")
    assert found.rule == "yaml-alias"


@pytest.mark.parametrize(
    "text",
    [
        "status: !!python/object/apply:os.system ['true']\n",
        "data: !!binary aGVsbG8=\n",
        "items: !!set {a, b}\n",
        "note: !custom x\n",
        "pairs: !!omap [a: 1]\n",
    ],
)
def test_tags_are_refused(text: str) -> None:
    found = problem(text)
    assert (found.rule, found.line) == ("yaml-tag", 1)


@pytest.mark.parametrize(
    "text, words",
    [
        ("on: x\n", "the boolean true"),
        ("1: x\n", "the number 1"),
        ("null: x\n", "null"),
    ],
)
def test_keys_must_be_text(text: str, words: str) -> None:
    found = problem(text)
    assert found.rule == "yaml-implicit-type"
    assert words in found.message
    assert found.hint and "quote" in found.hint


def test_tab_indentation_names_the_tab() -> None:
    found = problem("place:\n\tar: x\n")
    assert (found.rule, found.line, found.column) == ("yaml-tab", 2, 1)


def test_unclosed_bracket_is_located_where_it_opens() -> None:
    found = problem("id: a\ntags: [a, b\nplace:\n  ar: x\n")
    assert (found.rule, found.line) == ("yaml-syntax", 2)


def test_unclosed_quote_is_located_where_it_opens() -> None:
    found = problem('id: a\nnote: "never closed\nplace: x\n')
    assert (found.rule, found.line) == ("yaml-syntax", 2)


def test_two_documents_are_refused() -> None:
    found = problem("id: a\n---\nid: b\n")
    assert (found.rule, found.line) == ("yaml-syntax", 2)
    assert "more than one YAML document" in found.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_files_hold_no_record(text: str) -> None:
    assert problem(text).rule == "yaml-empty"


def test_invalid_utf8_is_located() -> None:
    raw = b"id: a\nplace:\n  ar: " + "الرباط".encode("cp1256") + b"\n"
    found = problem(raw)
    assert (found.rule, found.line, found.column) == ("yaml-encoding", 3, 7)
    assert "Windows-1256" in (found.hint or "")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(encoding: str) -> None:
    raw = "id: a\n".encode(encoding)
    if encoding != "utf-16":
        raw = ("\ufeff" + "id: a\n").encode(encoding)
    assert problem(raw).rule == "yaml-encoding"


def test_bom_is_a_warning_and_the_data_is_read() -> None:
    document = load(b"\xef\xbb\xbfid: a\n")
    assert document.data == {"id": "a"}
    assert [(w.rule, w.line, w.is_error) for w in document.problems] == [("yaml-bom", 1, False)]


def test_crlf_is_a_warning_and_the_data_is_read() -> None:
    document = load(b"id: a\r\nplace:\r\n  ar: x\r\n")
    assert document.data == {"id": "a", "place": {"ar": "x"}}
    assert [(w.rule, w.line, w.column) for w in document.problems] == [("yaml-crlf", 1, 1)]
    assert "\r" not in document.text


def test_too_large_is_refused_before_parsing() -> None:
    raw = b"note: '" + b"x" * (yamlio.MAX_FILE_BYTES + 1) + b"'\n"
    found = problem(raw)
    assert (found.rule, found.line) == ("yaml-too-large", 1)


def test_load_file_reads_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: a\n")
    assert yamlio.load_file(path).data == {"id": "a"}


# --- locate ----------------------------------------------------------------------------------


def test_locate_finds_keys_list_items_and_nearest_parent() -> None:
    text = "id: a\nattendance:\n- member: x\n  status: present\n- member: y\n  status: absent\n"
    assert yamlio.locate(text, ()) == (1, 1)
    assert yamlio.locate(text, ("attendance",)) == (2, 1)
    assert yamlio.locate(text, ("attendance", 1)) == (5, 3)
    assert yamlio.locate(text, ("attendance", 1, "status")) == (6, 3)
    assert yamlio.locate(text, ("attendance", 1, "missing")) == (5, 3)  # nearest parent
    assert yamlio.locate(text, ("attendance", 9)) == (2, 1)
    assert yamlio.locate("a: [", ("a",)) is None


# --- writing -----------------------------------------------------------------------------------


def test_dumps_keeps_arabic_order_and_quotes_surprises() -> None:
    data = {
        "id": "x",
        "kind": "no",
        "time": "10:30",
        "date": "2024-11-26",
        "place": {"ar": "الرباط"},
        "note": {"ar": "سطر\nسطر"},
    }
    text = yamlio.dumps(data)
    assert "الرباط" in text  # not \u escapes
    assert text.index("id:") < text.index("kind:") < text.index("time:")  # given order
    assert "note:\n  ar: |" in text
    assert load(text).data == data  # `no`, `10:30` and the date stay text


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "x.yaml"
    yamlio.write_atomic(target, "id: a\n")
    yamlio.write_atomic(target, "id: b\n")
    assert target.read_bytes() == b"id: b\n"
    assert [p.name for p in target.parent.iterdir()] == ["x.yaml"]


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("id: old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        yamlio.write_atomic(target, "id: \udc80\n")  # a lone surrogate cannot be UTF-8
    assert target.read_text(encoding="utf-8") == "id: old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]


def test_staged_files_change_only_when_installed(tmp_path: Path) -> None:
    """``stage`` (many files, one wait for the disk): nothing is replaced before ``install``,
    and ``discard`` leaves no temporary file."""
    first, second, new = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "sub" / "c.yaml"
    first.write_text("id: a\n", encoding="utf-8")
    second.write_text("id: b\n", encoding="utf-8")
    first.chmod(0o640)
    staged = yamlio.stage([(first, "id: a2\n"), (second, b"id: b2\n"), (new, "id: c\n")])
    assert first.read_text(encoding="utf-8") == "id: a\n" and not new.exists()
    staged.install(first)
    assert first.read_text(encoding="utf-8") == "id: a2\n"
    assert first.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions
    staged.discard()
    assert second.read_text(encoding="utf-8") == "id: b\n" and not new.exists()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.yaml", "b.yaml"]


def test_a_stage_that_fails_replaces_nothing_and_leaves_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("id: a\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        yamlio.stage([(first, "id: a2\n"), (second, "id: \udc80\n")])
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
    assert first.read_text(encoding="utf-8") == "id: a\n"


def test_write_atomic_writes_lf_only(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    yamlio.write_atomic(target, "a: 1\nb: 2\n")
    assert b"\r" not in target.read_bytes()


# --- properties ----------------------------------------------------------------------------------

_YAMLISH = st.lists(
    st.sampled_from(
        list(" \n\t:-[]{},&*!|>'\"#%@`?~=<.0123456789abnoyesul")
        + [
            "\r",
            "\ufeff",
            "ي",
            "ی",
            "\u202e",
            "\u200b",
            "no",
            "on",
            "10:30",
            "2024-02-30",
            "  ",
            "- ",
            ": ",
            "&a ",
            "*a",
            "<<: ",
            "!!str ",
            "---\n",
        ]
    ),
    max_size=60,
).map("".join)


def _assert_clean(raw: bytes) -> None:
    try:
        document = yamlio.loads(raw)
    except YamlError as error:
        found = error.problem
        assert found.rule.startswith("yaml-")
        assert found.message
        assert found.line is None or found.line >= 1
        return
    assert isinstance(document.text, str)
    for warning in document.problems:
        assert warning.rule.startswith("yaml-")


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_data_or_a_yaml_problem(raw: bytes) -> None:
    _assert_clean(raw)


@settings(max_examples=600, deadline=None)
@given(_YAMLISH)
def test_random_yamlish_text_gives_data_or_a_yaml_problem(text: str) -> None:
    _assert_clean(text.encode("utf-8", "surrogatepass"))


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    # registry numbers: at most 15 digits (larger ones are yaml-number-too-large, kept as text)
    st.floats(min_value=-yamlio.MAX_NUMBER, max_value=yamlio.MAX_NUMBER, allow_nan=False),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from(
        [
            "no",
            "yes",
            "on",
            "off",
            "10:30",
            "2024-11-26",
            "~",
            "null",
            "",
            " x",
            "x ",
            "&a",
            "*a",
            "!tag",
            "# c",
            "0o17",
            "1e3",
        ]
    ),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=8), _DATA, min_size=1, max_size=5))
def test_dumps_then_loads_gives_the_same_data(data: dict) -> None:
    assert yamlio.loads(yamlio.dumps(data).encode("utf-8")).data == data


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("a: b\nc: \x19x\n", 2, 4),
        ("a: &x \x19\n", 1, 7),  # also on the anchor-refusing path
        ("a: \x7f\n", 1, 4),
    ],
)
def test_control_characters_are_located(text: str, line: int, column: int) -> None:
    found = problem(text)
    assert (found.rule, found.line, found.column) == ("yaml-syntax", line, column)
    assert "control character" in found.message


@pytest.mark.parametrize("depth", [yamlio.MAX_DEPTH + 2, 1000, 300_000])
def test_deep_bracket_nesting_is_refused_without_crashing(depth: int) -> None:
    # 100,000 nested brackets crash libyaml's composer with a segmentation fault: refused first.
    found = problem("a: " + "[" * depth + "]" * depth + "\n")
    assert (found.rule, found.line) == ("yaml-too-deep", 1)


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(" " * level + "k:\n" for level in range(200)) + " " * 200 + "v: 1\n"
    found = problem(text)
    assert found.rule == "yaml-too-deep"


def test_brackets_inside_text_are_not_nesting() -> None:
    text = "note:\n  ar: '" + "[" * 500 + "'\n"
    assert load(text).data == {"note": {"ar": "[" * 500}}


def test_nesting_at_the_limit_is_accepted() -> None:
    depth = yamlio.MAX_DEPTH - 1
    assert load("a: " + "[" * depth + "]" * depth + "\n").data["a"]


@pytest.mark.parametrize(
    "text, rule",
    [
        ("a: !!bool maybe\n", "yaml-tag"),
        ("a: !!int twelve\n", "yaml-tag"),
        ("a: !!float x\n", "yaml-tag"),
        ("? [a, b]\n: 1\n", "yaml-syntax"),
        ("{a: 1}: 2\n", "yaml-syntax"),
    ],
)
def test_values_python_cannot_hold_as_plain_data_are_refused(text: str, rule: str) -> None:
    found = problem(text)
    assert (found.rule, found.line) == (rule, 1)
    assert "ScalarNode" not in found.message  # no parser internals in messages


def test_explicit_plain_tags_are_read() -> None:
    assert load("a: !!str 1\nb: !!int '3'\nc: !!float 2\n").data == {"a": "1", "b": 3, "c": 2.0}


def reported(text: str) -> tuple[yamlio.YamlProblem, object]:
    """The one error a file that still loads carries, and the value kept for the field."""
    document = load(text)
    errors = [p for p in document.problems if p.is_error]
    assert len(errors) == 1
    return errors[0], next(iter(document.data.values()))


@pytest.mark.parametrize(
    "text, number",
    [
        ("time: 10:30\n", "630"),
        ("order: 010\n", "8"),
        ("value: 0x1F\n", "31"),
        ("value: 0b101\n", "5"),
    ],
)
def test_numbers_yaml_11_reads_in_another_base_are_errors(text: str, number: str) -> None:
    # `10:30` -> 630 and `010` -> 8: the digits no longer mean what was typed, in any field.
    found, kept = reported(text)
    assert (found.rule, found.line) == ("yaml-implicit-type", 1)
    assert f"the number {number}" in found.message
    assert found.hint and "quote it" in found.hint
    assert kept == text.split(": ", 1)[1].strip()  # the text typed, not the misread number


@pytest.mark.parametrize("text", ["value: .nan\n", "value: -.inf\n", "value: 1.0e+999\n"])
def test_numbers_that_are_not_finite_are_errors(text: str) -> None:
    found, kept = reported(text)
    assert (found.rule, found.line) == ("yaml-implicit-type", 1)
    assert isinstance(kept, str)


def test_a_misread_number_does_not_hide_the_rest_of_the_file() -> None:
    document = load("time: 10:30\nend_time: 011\n")
    assert [(p.rule, p.line) for p in document.problems] == [
        ("yaml-implicit-type", 1),
        ("yaml-implicit-type", 2),
    ]


@pytest.mark.parametrize(
    "text, value",
    [
        ("a: 0\n", 0),
        ("a: 10\n", 10),
        ("a: 1_000\n", 1000),
        ("a: '010'\n", "010"),
        ("a: '10:30'\n", "10:30"),
    ],
)
def test_decimal_numbers_and_quoted_digits_are_read(text: str, value: object) -> None:
    assert load(text).data == {"a": value}
