"""Cross-record rule: approved minutes must still match their seal.

The seal (``minutes.seal``, written by ``protsoc approve``) is the digest of the meeting record's
canonical form when the minutes became approved (see ``protsoc.seal``). The circular has the
Steering Committee's decisions recorded in "minutes approved by its members" («محاضر اجتماع
مصادق عليها من طرف أعضائها»): once approved, their content is what the members approved, so a later
edit is reported; a correction is an erratum (``protsoc amend``), never a rewrite.
"""

from __future__ import annotations

from collections.abc import Iterator

from protsoc.governance import seal
from protsoc.kernel.findings import Finding
from protsoc.validate.rules import Context, rule

RULE_ID = "seal-broken"


def amend_hint(meeting_id: str) -> str:
    return (
        f"restore the approved content (`protsoc history {meeting_id}` shows the commits) and "
        f"record the correction as an erratum: `protsoc amend {meeting_id} --reason …`"
    )


@rule(per_file=True)
def approved_minutes_match_their_seal(ctx: Context) -> Iterator[Finding]:
    for meeting_id, record in ctx.meetings.items():
        if record.data is not None and seal.is_intact(record.data) is False:
            yield Finding(
                RULE_ID,
                f"the minutes of {meeting_id} no longer match their seal: the meeting record was "
                "edited after its minutes were approved",
                record.path,
                json_path=("minutes", "seal"),
                hint=amend_hint(meeting_id),
            )
