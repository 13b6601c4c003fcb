"""Cross-record rule: approved minutes carry a seal (``seal-missing``) and still match it.

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
from protsoc.kernel.i18n import _
from protsoc.validate.rules import Context, rule

RULE_ID = "seal-broken"
MISSING = "seal-missing"


def amend_hint(meeting_id: str) -> str:
    return _(
        "restore the approved content (`protsoc history {id}` shows the commits) and record the "
        "correction as an erratum: `protsoc amend {id} --reason …`"
    ).format(id=meeting_id)


@rule(per_file=True)
def approved_minutes_match_their_seal(ctx: Context) -> Iterator[Finding]:
    for meeting_id, record in ctx.meetings.items():
        if (
            record.data is not None
            and _approved(record.data)
            and seal.is_intact(record.data) is None
        ):
            # Without a seal, nothing shows what the members approved: removing the seal was the
            # first step of a rewrite that no single commit revealed (issue 13).
            yield Finding(
                MISSING,
                _("the minutes of {id} are approved but carry no seal").format(id=meeting_id),
                record.path,
                json_path=("minutes",),
                hint=_(
                    "approve minutes with `protsoc approve`, which seals them; if the seal was "
                    "removed, restore it from the history (`protsoc history {id}`)"
                ).format(id=meeting_id),
            )
        if record.data is not None and seal.is_intact(record.data) is False:
            yield Finding(
                RULE_ID,
                _(
                    "the minutes of {id} no longer match their seal: the meeting record was "
                    "edited after its minutes were approved"
                ).format(id=meeting_id),
                record.path,
                json_path=("minutes", "seal"),
                hint=amend_hint(meeting_id),
            )


def _approved(meeting: dict) -> bool:
    minutes = meeting.get("minutes")
    return isinstance(minutes, dict) and minutes.get("status") == "approved"
