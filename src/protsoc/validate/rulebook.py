"""Every cross-record rule in one book: the core rules (``rules``) and those that the seals
(``seal_rules``), the follow-up (``followup_rules``) and the money of the programmes
(``finance_rules``) add with ``@rule``. Running the rules goes
through here, so that no rule module is forgotten and none imports the module that runs it."""

from __future__ import annotations

import datetime as dt

from protsoc.kernel.findings import Finding
from protsoc.registry.loaded import Registry
from protsoc.validate import finance_rules, followup_rules, seal_rules
from protsoc.validate.rules import FILE_RULES, RULES, Context

# The rule modules register their rules when imported; naming them keeps the import meaningful.
RULE_MODULES = (followup_rules, seal_rules, finance_rules)


def run(registry: Registry, today: dt.date, scope: str = "all") -> list[Finding]:
    """The findings of the rules of ``scope``: "all", "file" (``FILE_RULES``) or "registry" (the
    rest)."""
    context = Context(registry, today)
    findings: list[Finding] = []
    for name, function in RULES.items():
        if scope == "all" or (name in FILE_RULES) == (scope == "file"):
            findings.extend(function(context))
    return findings
