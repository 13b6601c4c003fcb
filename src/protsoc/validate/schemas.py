"""JSON Schema validation of records, with messages a clerk can act on."""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from typing import Any

from protsoc.kernel.findings import Finding
from protsoc.kernel.i18n import _, ngettext
from protsoc.registry import yamlio
from protsoc.registry.schema_files import RECORD_KINDS, load_schemas
from protsoc.validate.fastpath import schema_valid


@lru_cache(maxsize=None)
def _validators() -> dict[str, Any]:
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource

    schemas = load_schemas()
    resources = []
    for name, schema in schemas.items():
        resource = Resource.from_contents(schema)
        # Records' schemas say `$ref: defs.schema.json#...`: resolvable both by the file name
        # (check-jsonschema, editors) and by the `$id`.
        resources.append((f"{name}.schema.json", resource))
        if "$id" in schema:
            resources.append((schema["$id"], resource))
    registry = Registry().with_resources(resources)
    checker = FormatChecker()
    return {
        kind: Draft202012Validator(schemas[kind], registry=registry, format_checker=checker)
        for kind in RECORD_KINDS
    }


def check(kind: str, data: Any, display: str, implicit: dict[tuple, str]) -> list[Finding]:
    """Schema findings for one record; ``implicit`` maps paths of YAML-typed plain scalars."""
    if schema_valid(kind, data):  # jsonschema-rs finds nothing to report: same findings, 60x sooner
        return []
    validator = _validators()[kind]
    findings: list[Finding] = []
    for error in validator.iter_errors(data):
        findings.append(_finding(_deepest(error), display, implicit))
    # `kind: no` fails both `type` and `enum`; once the YAML 1.1 surprise is named, the other
    # complaints about the same value only repeat it.
    surprises = {f.json_path for f in findings if f.rule == "yaml-implicit-type"}
    return [f for f in findings if f.rule == "yaml-implicit-type" or f.json_path not in surprises]


def _deepest(error: Any) -> Any:
    """For oneOf/anyOf, the branch error that explains most (e.g. the cadence rule's fields)."""
    from jsonschema.exceptions import best_match

    while error.context:
        error = best_match(_closest_branch(error))
    return error


def _closest_branch(error: Any) -> list[Any]:
    """The errors of the oneOf/anyOf branch the record was meant for: the branch whose fields
    the value uses most (a cadence with `min_meetings` and `per: P2Y` meant the frequency rule,
    so the finding is about `per`, not a missing `none`)."""
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(
            sub.relative_schema_path[0] if sub.relative_schema_path else None, []
        ).append(sub)
    if (
        len(branches) < 2
        or not isinstance(error.instance, dict)
        or not isinstance(error.validator_value, list)
    ):
        return list(error.context)
    keys = set(error.instance)

    def overlap(index: Any) -> int:
        branch = error.validator_value[index] if isinstance(index, int) else {}
        return len(keys & set(branch.get("properties", {}))) if isinstance(branch, dict) else 0

    best = max(branches, key=overlap)
    return branches[best]


def _finding(error: Any, display: str, implicit: dict[tuple, str]) -> Finding:
    path = tuple(error.absolute_path)
    validator = error.validator
    where = _where(path)
    hint = None
    rule = f"schema-{_kebab(validator)}"
    # Any other JSON Schema keyword: jsonschema's own (English) words, after the field's name.
    message = _("{where}: {detail}").format(where=where, detail=error.message)
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        rule = "schema-required"
        message = _("{where} lacks the required field `{field}`").format(where=where, field=missing)
        hint = _("add the field `{field}`; see its description in schemas/").format(field=missing)
    elif validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        path = path + (extra[0],) if extra else path
        rule = "schema-unknown-field"
        message = _("{where} has an unknown field `{field}`").format(
            where=where, field=", ".join(extra)
        )
        close = (
            difflib.get_close_matches(extra[0], error.schema.get("properties", {}), n=1)
            if extra
            else []
        )
        allowed = ", ".join(error.schema.get("properties", {}))
        hint = (
            _("did you mean `{value}`?").format(value=close[0])
            if close
            else _("allowed fields: {fields}").format(fields=allowed)
        )
    elif validator in ("type", "const") and path in implicit and _expects_text(error):
        rule = "yaml-implicit-type"
        message = _("{where} should be {expected}").format(where=where, expected=_expected(error))
        hint = yamlio.implicit_hint(implicit[path], error.instance)
    elif validator == "type":
        message = _("{where} should be {expected}, not {actual}").format(
            where=where, expected=_expected(error), actual=_json_type(error.instance)
        )
    elif validator == "const":
        expected = json.dumps(error.validator_value, ensure_ascii=False)
        message = _("{where} must be {expected}, not {actual}").format(
            where=where, expected=expected, actual=json.dumps(error.instance, ensure_ascii=False)
        )
        hint = _("write `{field}: {expected}`").format(
            field=path[-1] if path else "…", expected=expected
        )
    elif validator == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        message = _("{where}: `{value}` is not one of the allowed values").format(
            where=where, value=error.instance
        )
        hint = _("use one of: {choices}").format(choices=choices)
        close = difflib.get_close_matches(
            str(error.instance), [str(c) for c in error.validator_value], n=1
        )
        if close:
            hint = _("did you mean `{value}`? (allowed: {choices})").format(
                value=close[0], choices=choices
            )
    elif validator == "format" and error.validator_value == "date":
        message = _("{where}: `{value}` is not a real calendar date").format(
            where=where, value=error.instance
        )
        hint = _("write an existing date as YYYY-MM-DD")
    elif validator == "format":
        message = _("{where}: `{value}` is not a valid {format}").format(
            where=where, value=error.instance, format=error.validator_value
        )
    elif validator == "pattern":
        message = _("{where}: `{value}` does not have the expected form").format(
            where=where, value=error.instance
        )
        hint = error.schema.get("description")
    elif validator in ("minimum", "exclusiveMinimum"):
        message = (
            _("{where}: {value} is below the minimum ({limit})")
            if validator == "minimum"
            else _("{where}: {value} must be more than {limit}")
        ).format(where=where, value=error.instance, limit=error.validator_value)
    elif validator in ("maximum", "exclusiveMaximum"):
        message = (
            _("{where}: {value} is above the maximum ({limit})")
            if validator == "maximum"
            else _("{where}: {value} must be less than {limit}")
        ).format(where=where, value=error.instance, limit=error.validator_value)
    elif validator == "minItems":
        message = ngettext(
            "{where} must list at least {count} item",
            "{where} must list at least {count} items",
            error.validator_value,
        ).format(where=where, count=error.validator_value)
    elif validator == "minLength":
        message = _("{where} must not be empty").format(where=where)
    return Finding(rule, message, display, json_path=path, hint=hint)


def _kebab(name: str) -> str:
    """Rule ids are lowercase slugs: `minItems` -> `min-items`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _expects_text(error: Any) -> bool:
    """Whether the schema wanted text where YAML typed a plain scalar by itself.

    Only then is "quote it" the fix; `format_version: 2` against `const: 1` is a wrong number,
    and an empty `place:` where a mapping is expected is a missing value.
    """
    if error.validator == "const":
        return isinstance(error.validator_value, str)
    expected = error.validator_value
    return "string" in (expected if isinstance(expected, list) else [expected])


def _where(path: tuple) -> str:
    if not path:
        return _("the record")
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"`{text}`"


def _expected(error: Any) -> str:
    if error.validator == "const":
        return f"`{error.validator_value}`"
    expected = error.validator_value
    names = {
        "string": _("text"),
        "integer": _("a whole number"),
        "number": _("a number"),
        "boolean": _("true or false"),
        "object": _("a mapping of fields"),
        "array": _("a list"),
        "null": _("empty"),
    }
    if isinstance(expected, list):
        return _(" or ").join(names[item] if item in names else item for item in expected)
    return names.get(expected, expected)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if value is None:
        return _("empty")
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    return _("a mapping")
