"""All YAML input and output of protsoc.

Registry files are read with a strict loader built on libyaml's composer:
- UTF-8 only; a byte-order mark or CRLF line ends are reported, not silently accepted;
- duplicate mapping keys are refused (PyYAML would keep the last one: a lost value);
- anchors and aliases are refused (registry records never need them, and "billion laughs"
  files must fail fast, in bounded memory);
- only plain data tags (str, int, float, bool, null) are accepted; timestamps stay strings, so
  ``2024-11-26`` is the string the schema's ``format: date`` expects;
- plain scalars that YAML 1.1 turned into something else than text (``no`` -> False,
  ``10:30`` -> 630) are remembered, so a schema error on them can say "quote it".

Positions are not kept for every value (that would cost memory on large registries): a finding
carries the JSON path of the value and ``locate`` finds its line by composing the file again.
"""

from __future__ import annotations

import math
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, cast

import yaml
from yaml.constructor import SafeConstructor

from protsoc.kernel.findings import path_from_links
from protsoc.kernel.i18n import _
from protsoc.registry import files

# libyaml's loader is 7-10x faster; never fall back silently (see ``using_libyaml``). Only its
# parser and composer are used (``yaml.compose``): the resolver below replaces PyYAML's, and
# ``_Builder`` replaces the constructor.
try:
    from yaml import CBaseLoader as _Composer
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - exercised only on machines without libyaml
    from yaml import BaseLoader as _Composer  # type: ignore[assignment]
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


MAX_FILE_BYTES = files.MAX_FILE_BYTES
# Registry numbers (counts of beneficiaries, budgets in dirhams, percentages) fit in 15 digits,
# which a float holds exactly: sums, charts and JSON stay exact and finite. A longer literal is
# refused before Python converts it (``yaml-number-too-large``) and kept as the text typed.
MAX_NUMBER_DIGITS = 15
MAX_NUMBER = 10**MAX_NUMBER_DIGITS - 1
MAX_NUMBER_TEXT = 40  # characters: digits, sign, point, exponent and `_` separators
NUMBER_TOO_LARGE = "yaml-number-too-large"
# Records nest a few levels (meeting > decisions > item > text); libyaml's composer recurses in C
# and crashes the process (segmentation fault) on ~100,000 nested brackets, Python at ~500.
MAX_DEPTH = 64

STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    STR_TAG,
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_LEADING_TAB = re.compile(r"^[ ]*\t", re.MULTILINE)
_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")
_SURPRISING_INT = re.compile(r"^[-+]?(0[0-7_]+|0[xob].*|[0-9][0-9_]*(:[0-5]?[0-9])+)$")
_OPENED_CONTEXT = re.compile(r"flow (sequence|mapping)|quoted scalar|block scalar")

_constructor = SafeConstructor()


class _Resolver:
    """PyYAML's YAML 1.1 implicit types for plain scalars, without its path-resolver machinery.

    The composer asks the resolver for the tag of every node; PyYAML's ``Resolver`` spends more
    time there (a third of a registry's parse) than libyaml spends parsing. The answers are the
    same: the same table of patterns, looked up by the scalar's first character.
    """

    # The composer calls these two for every node to drive path resolvers, which protsoc does not
    # use. C-level no-ops (a dict's ``get`` taking two arguments, ``clear`` of an empty dict
    # taking none) cost no Python frame: 3.6 million calls on 10,000 meetings.
    descend_resolver: Callable[..., Any] = {}.get
    ascend_resolver = {}.clear

    def resolve(
        self,
        kind: type,
        value: Any,
        implicit: tuple[bool, bool],
        _scalar: type = yaml.ScalarNode,
        _sequence: type = yaml.SequenceNode,
        _by_first_character: dict = yaml.resolver.Resolver.yaml_implicit_resolvers,
    ) -> str:
        if kind is _scalar:
            if implicit[0]:
                for tag, pattern in _by_first_character.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return STR_TAG
        return _SEQ_TAG if kind is _sequence else _MAP_TAG


class _Parser(_Resolver, _Composer):  # type: ignore[misc,valid-type]
    """libyaml's parser and composer with the resolver above (``yaml.compose``/``yaml.parse``)."""


def using_libyaml() -> bool:
    return _Composer.__name__.startswith("C")


@dataclass
class YamlProblem:
    """A problem found while reading a file (before any schema is applied)."""

    rule: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    is_error: bool = True


class YamlError(Exception):
    """The file cannot be turned into data; ``problem`` says where and why."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class Document:
    """A loaded YAML file: its data, the implicitly typed plain scalars, and warnings."""

    data: Any
    text: str
    implicit: dict[tuple, str] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)  # non-fatal: warnings and errors


def decode(raw: bytes) -> tuple[str, list[YamlProblem]]:
    """Decode registry bytes as UTF-8, reporting a BOM and CRLF line ends as warnings."""
    warnings: list[YamlProblem] = []
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(
            YamlProblem(
                "yaml-too-large",
                _(
                    "the file is {size} bytes; a registry record may be at most {limit} bytes"
                ).format(size=f"{len(raw):,}", limit=f"{MAX_FILE_BYTES:,}"),
                1,
                1,
                _("split the record, or check that the file is really a registry record"),
            )
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(
            YamlProblem(
                "yaml-encoding",
                _("the file is UTF-16; registry files must be UTF-8"),
                1,
                1,
                _("save the file as UTF-8 (without BOM)"),
            )
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        warnings.append(
            YamlProblem(
                "yaml-bom",
                _("the file starts with a UTF-8 byte-order mark"),
                1,
                1,
                _("save the file as UTF-8 without BOM"),
                is_error=False,
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            YamlProblem(
                "yaml-encoding",
                _("byte {byte} is not valid UTF-8").format(byte=f"0x{raw[exc.start]:02x}"),
                line,
                column,
                _(
                    "save the file as UTF-8; Arabic text typed in another encoding "
                    "(e.g. Windows-1256) must be converted"
                ),
            )
        ) from None
    if "\r\n" in text:
        line = text[: text.index("\r\n")].count("\n") + 1
        warnings.append(
            YamlProblem(
                "yaml-crlf",
                _("the file has Windows (CRLF) line ends"),
                line,
                1,
                _("convert to LF line ends (git config core.autocrlf input)"),
                is_error=False,
            )
        )
        text = text.replace("\r\n", "\n")
    return text, warnings


def loads(raw: bytes) -> Document:
    """Parse one registry file strictly; raises ``YamlError`` with a located problem."""
    text, warnings = decode(raw)
    if "&" in text or "*" in text:
        _refuse_anchors(text)
    if _bracket_depth_bound(text) > MAX_DEPTH:
        _refuse_deep_nesting(text)
    try:
        node = yaml.compose(text, Loader=_Parser)
    except yaml.YAMLError as exc:
        raise YamlError(_parse_problem(exc, text)) from None
    if node is None or (
        isinstance(node, yaml.ScalarNode)
        and node.tag == "tag:yaml.org,2002:null"
        and node.value in ("", "~")
        and not node.style
    ):  # a lone `---`
        raise YamlError(
            YamlProblem(
                "yaml-empty",
                _("the file holds no record"),
                1,
                1,
                _("write the record's fields, or delete the file"),
            )
        )
    builder = _Builder()
    data = builder.build(node)
    return Document(
        data=data, text=text, implicit=builder.implicit, problems=warnings + builder.problems
    )


def load_file(path: Path) -> Document:
    """Parse a registry file read by ``files.read_record_bytes`` (which raises ``RecordFileProblem``
    for a file that is not a regular file, too large or unreadable)."""
    from protsoc.registry.files import read_record_bytes

    return loads(read_record_bytes(path))


class _Builder:
    """Turns a composed node tree into plain Python data, enforcing the strict rules.

    It runs on every value of every file, so it is written for speed: paths are kept as
    (parent, key) links and made into tuples only for the few values that need one; anchors and
    aliases never reach it (``loads`` refuses them on the text first); keys are interned, since a
    large registry repeats the same few field names hundreds of thousands of times.
    """

    def __init__(self) -> None:
        self.implicit: dict[tuple, str] = {}
        # Problems that do not stop reading the file (the value is kept as the text typed), so
        # the file's other findings are still reported.
        self.problems: list[YamlProblem] = []

    def build(self, node: yaml.Node) -> Any:
        return self._build(node, None, 0)

    def _build(self, node: yaml.Node, link: tuple | None, depth: int) -> Any:
        if depth > MAX_DEPTH:  # block nesting (brackets are refused before composing)
            raise YamlError(_depth_problem(node.start_mark))
        kind = node.__class__
        if kind is _ScalarNode:
            if node.tag == STR_TAG:
                return node.value
            # mypy cannot narrow on ``kind is _ScalarNode`` (an exact-class test, cheaper than
            # isinstance on this hot path), hence the cast.
            return self._scalar(cast(yaml.ScalarNode, node), link)
        depth += 1
        if kind is _SequenceNode:
            if node.tag != _SEQ_TAG:
                raise YamlError(_tag_problem(node))
            return [
                self._build(item, (link, index), depth) for index, item in enumerate(node.value)
            ]
        if node.tag != _MAP_TAG:
            raise YamlError(_tag_problem(node))
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is _ScalarNode and key_node.tag == STR_TAG:
                key = _intern(key_node.value)
            else:
                key = self._key(key_node, link)
            if key in mapping:
                raise YamlError(_duplicate_problem(cast(yaml.MappingNode, node), key_node, key))
            mapping[key] = self._build(value_node, (link, key), depth)
        return mapping

    def _key(self, key_node: yaml.Node, link: tuple | None) -> str:
        line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlError(_alias_problem(key_node.start_mark))
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError(
                YamlProblem(
                    "yaml-syntax",
                    _("a list or a mapping is used as a key; keys are field names"),
                    line,
                    column,
                    _("check the `?` or the brackets before the colon"),
                )
            )
        key = self._scalar(key_node, link)
        if not isinstance(key, str):
            raise YamlError(
                YamlProblem(
                    "yaml-implicit-type",
                    _("the key `{key}` is read by YAML as {type}, not as text").format(
                        key=key_node.value, type=_type_words(key)
                    ),
                    line,
                    column,
                    _("quote it: {quoted}").format(quoted=f'"{key_node.value}":'),
                )
            )
        return key

    def _scalar(self, node: yaml.ScalarNode, link: tuple | None) -> Any:
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            raise YamlError(_tag_problem(node))
        if (tag == _INT_TAG or tag == _FLOAT_TAG) and len(node.value) > MAX_NUMBER_TEXT:
            # Before Python reads it: 4,300 digits and more make int() fail, a hexadecimal of
            # 4,000 digits makes an int whose decimal text no message could print.
            self.problems.append(_number_problem(node))
            return node.value
        try:
            if tag == STR_TAG or tag == "tag:yaml.org,2002:timestamp":
                value: Any = node.value
            elif tag == "tag:yaml.org,2002:int":
                value = _constructor.construct_yaml_int(node)
            elif tag == "tag:yaml.org,2002:float":
                value = _constructor.construct_yaml_float(node)
            elif tag == "tag:yaml.org,2002:bool":
                value = _constructor.construct_yaml_bool(node)
            else:
                value = None
        except (ValueError, KeyError, TypeError):  # an explicit tag on a value it cannot read
            raise YamlError(
                YamlProblem(
                    "yaml-tag",
                    _("`{value}` cannot be read as the tagged type `{type}`").format(
                        value=node.value, type=tag.rsplit(":", 1)[-1]
                    ),
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    _("remove the tag (the `!!...` before the value)"),
                )
            ) from None
        if tag == "tag:yaml.org,2002:int" and not node.style and _SURPRISING_INT.match(node.value):
            # YAML 1.1 reads `010` as 8 and `10:30` as 630: the digits no longer mean what the
            # clerk typed, in a number field as much as in a text field.
            base = (
                _("base 60")
                if ":" in node.value
                else _("octal")
                if _OCTAL.match(node.value)
                else _("not decimal")
            )
            self.problems.append(
                YamlProblem(
                    "yaml-implicit-type",
                    _(
                        "the unquoted `{text}` is read by YAML 1.1 as the number {value} ({base})"
                    ).format(text=node.value, value=value, base=base),
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    _(
                        'quote it ("{text}") if it is a time or text; write the number in '
                        "decimal digits without a leading zero if it is a number"
                    ).format(text=node.value),
                )
            )
            return node.value
        if (tag == _INT_TAG or tag == _FLOAT_TAG) and (
            isinstance(value, (int, float)) and not -MAX_NUMBER <= value <= MAX_NUMBER
        ):  # infinities and NaN go on to their own message below
            if not (isinstance(value, float) and not math.isfinite(value)):
                self.problems.append(_number_problem(node))
                return node.value
        if isinstance(value, float) and not math.isfinite(value):
            # `.nan` / `.inf` would pass `type: number` and then break every sum and chart.
            self.problems.append(
                YamlProblem(
                    "yaml-implicit-type",
                    (
                        _(
                            "`{text}` is read by YAML as not-a-number; registry numbers must "
                            "be finite"
                        )
                        if math.isnan(value)
                        else _(
                            "`{text}` is read by YAML as infinity; registry numbers must be finite"
                        )
                    ).format(text=node.value),
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    _('write the number, or quote it ("{text}") if it is text').format(
                        text=node.value
                    ),
                )
            )
            return node.value
        if tag != STR_TAG and not node.style:  # plain: None (Python) or "" (libyaml)
            self.implicit[path_from_links(link)] = node.value
        return value


_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode
_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL_TAG, _NULL_TAG = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"


def _number_problem(node: yaml.ScalarNode) -> YamlProblem:
    shown = node.value if len(node.value) <= 24 else f"{node.value[:20]}…"
    return YamlProblem(
        NUMBER_TOO_LARGE,
        _(
            "the number `{number}` ({length} characters) is beyond what protsoc computes: "
            "registry numbers are at most {digits} digits (±{limit})"
        ).format(
            number=shown,
            length=f"{len(node.value):,}",
            digits=MAX_NUMBER_DIGITS,
            limit=f"{MAX_NUMBER:,}",
        ),
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        _("check the value; a count is written in units, without separators"),
    )


_intern = sys.intern


def _duplicate_problem(
    mapping_node: yaml.MappingNode, key_node: yaml.Node, key: str
) -> YamlProblem:
    first = next(
        k
        for k, _ in mapping_node.value
        if isinstance(k, yaml.ScalarNode) and k.value == key_node.value
    )
    line = key_node.start_mark.line + 1
    return YamlProblem(
        "yaml-duplicate-key",
        _(
            "the key `{key}` appears twice in the same mapping (first on line {line}); YAML "
            "would silently keep only the last value"
        ).format(key=key, line=first.start_mark.line + 1),
        line,
        key_node.start_mark.column + 1,
        _("keep one of the two values and delete the other line"),
    )


def _type_words(value: Any) -> str:
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if value is None:
        return _("null (nothing)")
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    return type(value).__name__


def implicit_hint(source_text: str, value: Any) -> str:
    """Words for a schema error on a plain scalar YAML typed by itself."""
    if value is None and source_text in ("", "~"):
        return _("the value is empty; write the text, or delete the line if the field is optional")
    return _(
        'YAML 1.1 reads the unquoted `{text}` as {type}; quote it ("{text}") to keep it as text'
    ).format(text=source_text, type=_type_words(value))


def _refuse_anchors(text: str) -> None:
    try:
        for event in yaml.parse(text, Loader=_Parser):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor:
                raise YamlError(_alias_problem(event.start_mark))
    except yaml.YAMLError as exc:
        raise YamlError(_parse_problem(exc, text)) from None


def _parse_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(exc, yaml.MarkedYAMLError):
        return _syntax_problem(exc, text)
    if isinstance(exc, yaml.reader.ReaderError):
        # Control characters (other than tab and line ends) are not allowed anywhere in YAML.
        position = exc.position if isinstance(exc.position, int) else 0
        before = text[:position]
        code = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        )
        return YamlProblem(
            "yaml-syntax",
            _("the control character {code} is not allowed in a YAML file").format(
                code=f"U+{code:04X}"
            ),
            before.count("\n") + 1,
            position - (before.rfind("\n") + 1) + 1,
            _(
                "delete it (it is invisible in most editors; it often comes from copying out of "
                "a PDF)"
            ),
        )
    return YamlProblem("yaml-syntax", f"not valid YAML: {exc}", 1, 1)  # pragma: no cover


_BRACKETS = re.compile(r"[\[\]{}]")


def _bracket_depth_bound(text: str) -> int:
    """An upper bound of the flow nesting depth (brackets inside quotes count too)."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _refuse_deep_nesting(text: str) -> None:
    """Walk the parser's events (no recursion) and stop at the first level too deep."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Parser):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH + 1:  # + the record's own mapping
                    raise YamlError(_depth_problem(event.start_mark))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        # PyYAML 6.0.4's scanner has a nesting limit of its own (about 1,000 levels), met while
        # it reads ahead, before the parser yields the event at our limit: the same finding.
        if "maximum nesting depth" in str(exc) and getattr(exc, "problem_mark", None) is not None:
            raise YamlError(_depth_problem(exc.problem_mark)) from None  # type: ignore[attr-defined]
        raise YamlError(_parse_problem(exc, text)) from None


def _depth_problem(mark: Any) -> YamlProblem:
    return YamlProblem(
        "yaml-too-deep",
        _("lists and mappings are nested more than {depth} levels deep").format(depth=MAX_DEPTH),
        mark.line + 1,
        mark.column + 1,
        _("a registry record nests a few levels; check the brackets and the indentation here"),
    )


def _alias_problem(mark: Any) -> YamlProblem:
    return YamlProblem(
        "yaml-alias",
        _("YAML anchors, aliases and merge keys (&, *, <<) are not allowed in registry records"),
        mark.line + 1,
        mark.column + 1,
        _("write the value out in full; a record must read the same to every reviewer"),
    )


def _tag_problem(node: yaml.Node) -> YamlProblem:
    return YamlProblem(
        "yaml-tag",
        _(
            "the YAML tag `{tag}` is not allowed; records hold only text, numbers, booleans, "
            "lists and mappings"
        ).format(tag=node.tag),
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        _("remove the tag (the `!...` before the value)"),
    )


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    reason = exc.problem or exc.context or "invalid YAML"
    opened = exc.context_mark
    if (
        exc.context
        and opened is not None
        and mark is not None
        and opened.line < mark.line
        and _OPENED_CONTEXT.search(exc.context)
    ):
        # An unclosed bracket or quote is noticed lines later (often at the end of the file);
        # the line to fix is where it was opened.
        reason = (
            f"{reason} ({exc.context} that starts here; the parser gave up on line {mark.line + 1})"
        )
        mark = opened
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.split("\n")
    for number in range(line, 0, -1):
        if number <= len(lines) and _LEADING_TAB.match(lines[number - 1]):
            return YamlProblem(
                "yaml-tab",
                _("a tab character is used for indentation; YAML allows only spaces there"),
                number,
                lines[number - 1].index("\t") + 1,
                _("replace the tab with spaces (two per level, as in the other records)"),
            )
    if "expected a single document" in str(exc):
        return YamlProblem(
            "yaml-syntax",
            _("the file holds more than one YAML document (a `---` separator)"),
            line,
            column,
            _("keep one record per file"),
        )
    return YamlProblem(
        "yaml-syntax",
        _("not valid YAML: {reason}").format(reason=reason),
        line,
        column,
        _("check the indentation and quoting on this line and the one above"),
    )


def locate(text: str, json_path: tuple) -> tuple[int, int] | None:
    """Line and column (1-based) of the value at ``json_path``, or of its nearest parent.

    For a mapping entry, the position of its key is returned: that is where a reader looks.
    """
    return locator(text)(json_path)


def locator(text: str) -> Callable[[tuple], tuple[int, int] | None]:
    """``locate`` for many paths of one file, composing the file once."""
    try:
        root = yaml.compose(text, Loader=_Parser)
    except yaml.YAMLError:
        root = None
    return lambda json_path: _position(root, json_path) if root is not None else None


def _position(node: Any, json_path: tuple) -> tuple[int, int]:
    mark = node.start_mark
    for part in json_path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    mark, node = key_node.start_mark, value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1


# --- writing -----------------------------------------------------------------------------


class _RepresenterDumper(_Dumper):  # type: ignore[misc, valid-type]
    """PyYAML's safe dumper, writing protsoc's style (``dumps_by_representer``)."""

    def ignore_aliases(self, data: Any) -> bool:
        # A value shared by two places in the data must be written out twice: the strict
        # loader refuses anchors and aliases, so protsoc must never write them.
        return True


def _str_representer(dumper: _RepresenterDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(STR_TAG, value, style=style)


_RepresenterDumper.add_representer(str, _str_representer)


class _BlockDumper(_Resolver, _RepresenterDumper):
    """The same, asking the loader's resolver (above) whether each scalar would read back as
    text when written plain: PyYAML's answers, without its path machinery."""


_DUMP_OPTIONS: dict[str, Any] = {
    "allow_unicode": True,
    "sort_keys": False,
    "default_flow_style": False,
    "width": 100,
    "indent": 2,
}


def dumps(data: Any) -> str:
    """The one output style of protsoc: block style, Unicode kept, key order as given.

    The text ``yaml.dump`` writes with these options, made faster: the nodes of the values
    records hold (mappings, lists, text, integers, booleans, null) are built here directly, as
    PyYAML's safe representer builds them, and anything else goes through that representer
    (``tests/test_yamlio_dump.py`` compares the two on every record it can find). Writing a
    workbook's 2,300 records dumps each twice: the representer's dispatch was half the time.
    """
    import io

    stream = io.StringIO()
    dumper = _BlockDumper(stream, **_DUMP_OPTIONS)
    try:
        dumper.open()
        dumper.serialize(_node(dumper, data))
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


def _node(dumper: Any, value: Any) -> yaml.Node:
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(STR_TAG, value, style="|" if "\n" in value else None)
    if kind is dict:
        return yaml.MappingNode(
            _MAP_TAG,
            [(_node(dumper, key), _node(dumper, item)) for key, item in value.items()],
            flow_style=False,
        )
    if kind is list:
        return yaml.SequenceNode(
            _SEQ_TAG, [_node(dumper, item) for item in value], flow_style=False
        )
    if kind is int:
        return yaml.ScalarNode(_INT_TAG, str(value))
    if kind is bool:
        return yaml.ScalarNode(_BOOL_TAG, "true" if value else "false")
    if value is None:
        return yaml.ScalarNode(_NULL_TAG, "null")
    return cast(yaml.Node, dumper.represent_data(value))  # floats, dates…: PyYAML's own way


def dumps_by_representer(data: Any) -> str:
    """``dumps`` the plain way, through PyYAML's representer (what ``dumps`` must equal)."""
    return yaml.dump(data, Dumper=_RepresenterDumper, **_DUMP_OPTIONS)


def write_atomic(path: Path, content: str | bytes) -> None:
    """The one way protsoc writes a file: a crash leaves the old content or the new, never half.

    Text is written as UTF-8 with LF line ends. Only regular files are replaced by a rename:
    ``-o /dev/null``, ``/dev/stdout`` or a named pipe are written to in place (renaming over them
    would replace a device by a file, as root). A new file gets the usual permissions (mkstemp's
    0600 would hide it from the rest of the team); a replaced file keeps its own.
    """
    data = _encoded(content)
    mode = _mode_of(path)
    if mode is not None and not _is_regular(mode):
        _write_in_place(path, data)
        return
    temp_name = _write_beside(path, data, mode, sync=True)
    try:
        os.replace(temp_name, path)
    except OSError as error:  # a full disk, a file-size limit, a quota: the old file is intact
        Path(temp_name).unlink(missing_ok=True)
        raise _write_problem(path, error) from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


class Staged:
    """Many files written atomically, each as ``write_atomic`` writes one, with one wait for
    the disk instead of one per file (``stage``).

    Every new content is first written to a temporary file beside its target, then all of them
    are synced together (the disk commits the lot in a few journal writes, where a sync per file
    waits for one each: 2,300 files of a workbook import took seconds), and ``install`` renames
    each into place. ``discard`` removes the temporary files not installed.
    """

    def __init__(self) -> None:
        self._temps: dict[Path, str] = {}
        self._in_place: dict[Path, bytes] = {}  # devices and pipes: written when installed

    def install(self, path: Path) -> None:
        if path in self._in_place:
            _write_in_place(path, self._in_place.pop(path))
            return
        temp_name = self._temps.pop(path)
        try:
            os.replace(temp_name, path)
        except OSError as error:
            Path(temp_name).unlink(missing_ok=True)
            raise _write_problem(path, error) from None

    def discard(self) -> None:
        for temp_name in self._temps.values():
            Path(temp_name).unlink(missing_ok=True)
        self._temps.clear()
        self._in_place.clear()


def stage(files: list[tuple[Path, str | bytes]]) -> Staged:
    """Write each content beside its file and sync them all; nothing is replaced yet (see
    ``Staged``). On any failure the temporary files are removed and the error raised."""
    staged = Staged()
    try:
        for path, content in files:
            data = _encoded(content)
            mode = _mode_of(path)
            if mode is not None and not _is_regular(mode):
                staged._in_place[path] = data
            else:
                staged._temps[path] = _write_beside(path, data, mode)
        for path, temp_name in staged._temps.items():
            try:
                handle = os.open(temp_name, os.O_RDONLY)
                try:
                    os.fsync(handle)
                finally:
                    os.close(handle)
            except OSError as error:
                raise _write_problem(path, error) from None
    except BaseException:
        staged.discard()
        raise
    return staged


def _encoded(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def _mode_of(path: Path) -> int | None:
    """The mode of the file to replace (None: a new file); a folder or an unreadable place is a
    usage error."""
    import stat

    from protsoc.kernel.errors import UsageError

    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}", "choose another file") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError(f"{path} is a folder", "give a file name, e.g. minutes.pdf")
    return mode


def _write_in_place(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise _write_problem(path, error) from None


def _write_beside(path: Path, data: bytes, mode: int | None, sync: bool = False) -> str:
    """A new temporary file in ``path``'s folder holding ``data`` with the permissions the file
    will have (synced to disk with ``sync``): its name."""
    import stat

    from protsoc.kernel.errors import UsageError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise UsageError(
            f"cannot write {path}: {error.strerror}", "choose a writable place"
        ) from None
    try:
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        else:
            os.chmod(temp_name, stat.S_IMODE(mode))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
    except OSError as error:  # a full disk, a file-size limit, a quota: the old file is intact
        Path(temp_name).unlink(missing_ok=True)
        raise _write_problem(path, error) from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return temp_name


def _write_problem(path: Path, error: OSError) -> Exception:
    from protsoc.kernel.errors import EnvironmentProblem

    return EnvironmentProblem(
        f"cannot write {path}: {error.strerror or error}",
        "free some disk space (or raise the file-size limit or quota), then run the command "
        "again; the file was left as it was",
    )


def problem_to_tuple(problem: YamlProblem) -> tuple:
    """A problem as plain data (``YamlProblem(*tuple)`` rebuilds it): for the cache and the
    workers."""
    return (
        problem.rule,
        problem.message,
        problem.line,
        problem.column,
        problem.hint,
        problem.is_error,
    )
