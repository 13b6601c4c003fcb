"""The allowed values of the registry's closed fields, read from the shipped JSON Schemas.

The schemas are the one place where, say, the statuses of an action are written down; every
other module (the clerk's checks and prompts, the follow-up, the cadence) takes its list from
here, so that adding a value to a schema's ``enum`` is the whole change. The order is the
schema's, which is also the order in which prompts offer the values.
"""

from __future__ import annotations

from typing import Any

from protsoc.registry.schema_files import load_schemas

# Where each vocabulary lives: (schema, JSON pointer to the object holding the `enum`).
LOCATIONS: dict[str, tuple[str, str]] = {
    "MEETING_STATUSES": ("meeting", "/properties/status"),
    "MEETING_KINDS": ("meeting", "/properties/kind"),
    "ATTENDANCE_STATUSES": ("meeting", "/properties/attendance/items/properties/status"),
    "DECISION_KINDS": ("meeting", "/properties/decisions/items/properties/kind"),
    "MINUTES_STATUSES": ("meeting", "/properties/minutes/properties/status"),
    "ACTION_STATUSES": ("action", "/properties/status"),
    "COMMITTEE_KINDS": ("committee", "/properties/kind"),
    "MEMBER_ROLES": ("committee", "/properties/members/items/properties/role"),
    "APPROVAL_RULE_KINDS": ("committee", "/properties/approval_rule/properties/kind"),
    "MEASURES": ("indicator", "/properties/measure"),
    "DIRECTIONS": ("indicator", "/properties/direction"),
    "QUALIFIERS": ("defs", "/$defs/qualifier"),
    "HONORIFICS": ("defs", "/$defs/honorific"),
    "PERIODS": ("defs", "/$defs/period"),
    "CADENCE_MODES": ("defs", "/$defs/cadence/oneOf/0/properties/mode"),
    "EVALUATION_KINDS": ("evaluation", "/properties/kind"),
    "EVALUATOR_KINDS": ("evaluation", "/properties/evaluator/properties/kind"),
    "EVALUATION_STATUSES": ("evaluation", "/properties/status"),
    "BUDGET_TYPES": ("defs", "/$defs/budget/properties/type"),
    "BUDGET_STATUSES": ("defs", "/$defs/budget/properties/status"),
    "FINANCIAL_EVENT_TYPES": ("defs", "/$defs/financial_event/properties/type"),
    "FUNDING_KINDS": ("defs", "/$defs/funding_source/properties/kind"),
}


def enum_at(schema: str, pointer: str) -> tuple[str, ...]:
    """The ``enum`` of the schema object at ``pointer`` (a JSON Pointer, RFC 6901)."""
    node: Any = load_schemas()[schema]
    for part in pointer.strip("/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return tuple(node["enum"])


MEETING_STATUSES = enum_at(*LOCATIONS["MEETING_STATUSES"])
MEETING_KINDS = enum_at(*LOCATIONS["MEETING_KINDS"])
ATTENDANCE_STATUSES = enum_at(*LOCATIONS["ATTENDANCE_STATUSES"])
DECISION_KINDS = enum_at(*LOCATIONS["DECISION_KINDS"])
MINUTES_STATUSES = enum_at(*LOCATIONS["MINUTES_STATUSES"])
ACTION_STATUSES = enum_at(*LOCATIONS["ACTION_STATUSES"])
COMMITTEE_KINDS = enum_at(*LOCATIONS["COMMITTEE_KINDS"])
MEMBER_ROLES = enum_at(*LOCATIONS["MEMBER_ROLES"])
APPROVAL_RULE_KINDS = enum_at(*LOCATIONS["APPROVAL_RULE_KINDS"])
MEASURES = enum_at(*LOCATIONS["MEASURES"])
DIRECTIONS = enum_at(*LOCATIONS["DIRECTIONS"])
QUALIFIERS = enum_at(*LOCATIONS["QUALIFIERS"])
HONORIFICS = enum_at(*LOCATIONS["HONORIFICS"])
PERIODS = enum_at(*LOCATIONS["PERIODS"])
CADENCE_MODES = enum_at(*LOCATIONS["CADENCE_MODES"])
EVALUATION_KINDS = enum_at(*LOCATIONS["EVALUATION_KINDS"])
EVALUATOR_KINDS = enum_at(*LOCATIONS["EVALUATOR_KINDS"])
EVALUATION_STATUSES = enum_at(*LOCATIONS["EVALUATION_STATUSES"])
BUDGET_TYPES = enum_at(*LOCATIONS["BUDGET_TYPES"])
BUDGET_STATUSES = enum_at(*LOCATIONS["BUDGET_STATUSES"])
FINANCIAL_EVENT_TYPES = enum_at(*LOCATIONS["FINANCIAL_EVENT_TYPES"])
FUNDING_KINDS = enum_at(*LOCATIONS["FUNDING_KINDS"])
