"""The rule that makes a meeting's minutes approved.

The circular says the Steering Committee's decisions are recorded in «محاضر اجتماع مصادق عليها
من طرف أعضائها» (minutes approved by its members) without saying how many. protsoc's default is a
majority of the member posts that attended (present or represented); a committee may record
another rule under ``approval_rule``:

- ``majority-of-attendees``: more than half of the attending member posts;
- ``majority-of-members``: more than half of the committee's member posts in office that day;
- ``all-attendees``: every attending member post;
- ``count``: at least ``count`` approvals.

Who may approve: only member posts of the committee. Under the attendee rules, only posts that
attended (a post that was absent cannot vouch for the minutes); under the member rules, any post
in office on the meeting's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_RULE = {"kind": "majority-of-attendees"}
ATTENDED = ("present", "represented")


@dataclass
class Tally:
    rule: str
    needed: int
    approvals: int
    voters: list[str]  # the posts whose approval counts

    @property
    def reached(self) -> bool:
        return self.needed > 0 and self.approvals >= self.needed


def in_office(member: dict[str, Any], day: str) -> bool:
    since, until = member.get("since"), member.get("until")
    return not (isinstance(since, str) and day < since) and not (
        isinstance(until, str) and day > until
    )


def member_posts(committee: dict[str, Any], day: str) -> list[str]:
    return [
        m["id"]
        for m in committee.get("members") or []
        if isinstance(m, dict) and "id" in m and in_office(m, day)
    ]


def attendees(meeting: dict[str, Any], committee: dict[str, Any]) -> list[str]:
    posts = {m.get("id") for m in committee.get("members") or [] if isinstance(m, dict)}
    return [
        entry["member"]
        for entry in meeting.get("attendance") or []
        if isinstance(entry, dict)
        and entry.get("status") in ATTENDED
        and entry.get("member") in posts
    ]


def rule_of(committee: dict[str, Any]) -> dict[str, Any]:
    rule = committee.get("approval_rule")
    return rule if isinstance(rule, dict) and "kind" in rule else DEFAULT_RULE


def voters(meeting: dict[str, Any], committee: dict[str, Any]) -> list[str]:
    """The posts that may approve these minutes under the committee's rule."""
    if rule_of(committee)["kind"] in ("majority-of-attendees", "all-attendees"):
        return attendees(meeting, committee)
    return member_posts(committee, str(meeting.get("date", "")))


def tally(meeting: dict[str, Any], committee: dict[str, Any]) -> Tally:
    rule = rule_of(committee)
    kind = rule["kind"]
    allowed = voters(meeting, committee)
    raw = meeting.get("minutes")
    minutes: dict[str, Any] = raw if isinstance(raw, dict) else {}
    approved_by = {a.get("member") for a in minutes.get("approvals") or [] if isinstance(a, dict)}
    count = len(approved_by & set(allowed))
    if kind == "all-attendees":
        needed = len(allowed)
    elif kind == "count":
        needed = int(rule.get("count") or 1)
    else:
        needed = len(allowed) // 2 + 1 if allowed else 0
    return Tally(kind, needed, count, allowed)
