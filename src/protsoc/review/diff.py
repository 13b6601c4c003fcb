"""What a change to the registry does, record by record, in words (``protsoc diff``).

A YAML diff shows lines; reviewers approve meaning. Each changed file becomes a ``RecordDiff``
holding sentences such as "meeting steering/2025-06-10 added (held, 2 decisions)" or "indicator
amo-tadamon-beneficiaries: new observation 2025-06-30 = 11.4 million (+2.7%)". Sentences that a
reviewer must not miss (approved minutes edited, a member post deleted) are warnings.

Data in, data out: git access lives in ``gitdiff``, the text, Markdown and JSON forms in
``review.reporters``, printing in the CLI.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protsoc.governance import cadence, seal
from protsoc.governance import indicator as indicator_numbers
from protsoc.registry import yamlio
from protsoc.registry.gitdiff import FileChange, Git
from protsoc.registry.layout import classify

# Lists whose entries have a stable key: entries are matched by key, not by position.
KEYED_LISTS = {
    "members": "id",
    "decisions": "id",
    "agenda": "id",
    "guests": "id",
    "missions": "id",
    "attendance": "member",
    "approvals": "member",
    "observations": "date",
    "axes": "id",
    "milestones": "id",
    "principles": "id",
    "resources": "id",
    "recommendations": "id",
}
# Mappings shown as one value rather than field by field.
_WHOLE_VALUES = {"source", "legal_basis", "cadence", "seal", "approval_rule", "chaired_by"}
_TEXT_KEYS = {"ar", "fr", "en"}
_LABELS = {"registry": "registry manifest", "roadmap": "roadmap"}
_QUALIFIER_WORDS = {
    "about": "about ",
    "more-than": "more than ",
    "less-than": "less than ",
    "at-least": "at least ",
    "exact": "",
}


@dataclass
class Sentence:
    text: str
    warning: bool = False


@dataclass
class RecordDiff:
    """The change of one record (or of one file that is not a record)."""

    change: str  # added, removed, changed, renamed, reformatted, unreadable, other
    kind: str
    id: str
    path: str  # repository-relative path (new one, or the old one when removed)
    old_path: str | None = None
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def label(self) -> str:
        return record_label(self.kind, self.id)

    @property
    def has_warning(self) -> bool:
        return any(s.warning for s in self.sentences)

    def as_dict(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "kind": self.kind,
            "id": self.id,
            "path": self.path,
            "old_path": self.old_path,
            "sentences": [{"text": s.text, "warning": s.warning} for s in self.sentences],
        }


@dataclass
class DiffResult:
    base: str  # as given (or "merge-base with the default branch")
    base_commit: str
    head: str | None  # None: the working tree
    records: list[RecordDiff]

    def as_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "base_commit": self.base_commit,
            "head": self.head or "working tree",
            "records": [r.as_dict() for r in self.records],
        }


def record_label(kind: str, record_id: str) -> str:
    if kind in _LABELS:
        return _LABELS[kind]
    return f"{kind} {record_id}" if record_id else kind


# --- computing the diff ---------------------------------------------------------------------


def diff(registry_root: Path, base: str | None = None, head: str | None = None) -> DiffResult:
    """The semantic diff of the registry from ``base`` (default: merge-base with the default
    branch) to ``head`` (default: the working tree)."""
    git = Git(registry_root)
    base_commit = git.resolve(base) if base else git.default_base()
    head_commit = git.resolve(head) if head else None
    file_changes = git.changes(base_commit, head_commit)
    old = git.read_many(base_commit, [c.old_path for c in file_changes if c.old_path])
    new = git.read_many(head_commit, [c.new_path for c in file_changes if c.new_path])
    records = [
        describe(
            git.registry_root,
            change,
            git.registry_relative(change.old_path or ""),
            git.registry_relative(change.new_path or ""),
            old.get(change.old_path) if change.old_path else None,
            new.get(change.new_path) if change.new_path else None,
        )
        for change in file_changes
    ]
    return DiffResult(base or "merge-base with the default branch", base_commit, head, records)


def describe(
    root: Path,
    change: FileChange,
    old_rel: str | None,
    new_rel: str | None,
    old_bytes: bytes | None,
    new_bytes: bytes | None,
) -> RecordDiff:
    """Sentences for one changed file, given both versions' bytes (None when absent)."""
    old_file = classify(root, root / old_rel) if old_rel else None
    new_file = classify(root, root / new_rel) if new_rel else None
    record_file = new_file or old_file
    if record_file is None:
        verb = {"A": "added", "D": "removed", "R": "renamed"}.get(change.status, "changed")
        return RecordDiff(
            "other",
            "file",
            change.path,
            change.path,
            change.old_path,
            [Sentence(f"file {change.path} {verb} (not a registry record)")],
        )
    kind, record_id = record_file.kind, record_file.expected_id
    old, _ = _parse(old_bytes)
    new, new_error = _parse(new_bytes)
    if change.new_path and new_error:
        return RecordDiff(
            "unreadable",
            kind,
            record_id,
            change.path,
            change.old_path,
            [
                Sentence(
                    f"{record_label(kind, record_id)}: the new version cannot be read "
                    f"({new_error}); see `protsoc validate`",
                    True,
                )
            ],
        )
    if new is None or not change.new_path:
        return RecordDiff(
            "removed",
            kind,
            record_id,
            change.path,
            change.old_path,
            list(_removed(kind, record_id, old)),
        )
    if old is None and old_bytes is not None:
        return RecordDiff(
            "changed",
            kind,
            record_id,
            change.path,
            change.old_path,
            [
                Sentence(
                    f"{record_label(kind, record_id)}: repaired (the previous version could "
                    "not be read as a record)"
                )
            ],
        )
    if old is None or not change.old_path:
        return RecordDiff(
            "added", kind, record_id, change.path, None, list(_added(kind, record_id, new))
        )
    sentences: list[Sentence] = []
    what = "changed"
    if (
        change.status == "R"
        and old_file is not None
        and (old_file.kind, old_file.expected_id) != (kind, record_id)
    ):
        what = "renamed"
        sentences.append(
            Sentence(
                f"{record_label(old_file.kind, old_file.expected_id)} renamed to "
                f"{record_label(kind, record_id)} (file {change.old_path} -> {change.new_path})"
            )
        )
    elif change.status == "R":
        sentences.append(
            Sentence(
                f"{record_label(kind, record_id)}: file moved from {change.old_path} "
                f"to {change.new_path}"
            )
        )
    if (
        what == "renamed"
        and old_file is not None
        and old.get("id") == old_file.expected_id
        and new.get("id") == record_id
    ):
        old = {**old, "id": record_id}  # the id follows the file name: said once, above
    sentences.extend(_changed(kind, record_id, old, new))
    if not sentences:
        what = "reformatted"
        sentences.append(
            Sentence(f"{record_label(kind, record_id)}: re-formatted only (same content)")
        )
    return RecordDiff(what, kind, record_id, change.path, change.old_path, sentences)


def _parse(raw: bytes | None) -> tuple[dict[str, Any] | None, str | None]:
    if raw is None:
        return None, None
    try:
        data = yamlio.loads(raw).data
    except yamlio.YamlError as error:
        return None, error.problem.message
    if not isinstance(data, dict):
        return None, "not a mapping of fields"
    return data, None


# --- added / removed --------------------------------------------------------------------------


def _count(number: int, noun: str, plural: str | None = None) -> str:
    if number == 0:
        return f"no {plural or noun + 's'}"
    return f"1 {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def _mapping(data: Any, key: str) -> dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _items(data: Any, key: str) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _added(kind: str, record_id: str, data: dict[str, Any]) -> Iterator[Sentence]:
    label = record_label(kind, record_id)
    if kind == "meeting":
        minutes = _mapping(data, "minutes")
        if minutes.get("amends"):
            reason = _text(minutes.get("reason")) if minutes.get("reason") else "no reason given"
            approved = ", approved" if minutes.get("status") == "approved" else ""
            yield Sentence(
                f"erratum {record_id} added: corrects the minutes of {minutes['amends']} "
                f"(reason: {reason}{approved})"
            )
            return
        summary = [str(data.get("status", "no status"))]
        if data.get("kind"):
            summary.append(str(data["kind"]))
        summary.append(_count(len(_items(data, "decisions")), "decision"))
        if minutes.get("status") == "approved":
            sealed = "sealed" if _mapping(minutes, "seal") else "not sealed"
            summary.append(
                f"minutes approved by {_count(len(_items(minutes, 'approvals')), 'member')}, "
                f"{sealed}"
            )
        yield Sentence(f"{label} added ({', '.join(summary)})")
    elif kind == "committee":
        yield Sentence(
            f"{label} added ({data.get('kind', 'no kind')}, "
            f"{_count(len(_items(data, 'members')), 'member post')})"
        )
    elif kind == "indicator":
        observations = _items(data, "observations")
        details = _count(len(observations), "observation")
        dated = [o for o in observations if isinstance(o, dict) and "date" in o]
        if dated:
            latest = max(dated, key=lambda o: str(o["date"]))
            details += f", latest {latest['date']} = {_observed(latest, data)}"
        yield Sentence(f"{label} added ({details})")
    elif kind == "action":
        status = data.get("status")
        yield Sentence(f"{label} added" + (f" ({status})" if status else ""))
    else:
        yield Sentence(f"{label} added")


def _removed(kind: str, record_id: str, data: dict[str, Any] | None) -> Iterator[Sentence]:
    label = record_label(kind, record_id)
    minutes = _mapping(data, "minutes")
    if kind == "meeting" and minutes.get("status") == "approved":
        yield Sentence(f"{label} removed, although its minutes were approved", True)
    elif kind == "committee":
        yield Sentence(f"{label} removed (committees are ended with `ended:`, not deleted)", True)
    else:
        yield Sentence(f"{label} removed")


# --- changed ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Key:
    """An entry of a keyed list, in a change path: ("decisions", _Key("d2"), "owner")."""

    value: Any

    def __str__(self) -> str:
        return str(self.value)


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= _TEXT_KEYS


def _keyed(items: list, key: str) -> dict[Any, Any] | None:
    result: dict[Any, Any] = {}
    for item in items:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get(key), (str, int))
            or item[key] in result
        ):
            return None
        result[item[key]] = item
    return result


def changes(old: Any, new: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any, Any]]:
    """Leaf changes from ``old`` to ``new``: (path, old value, new value); a missing side is
    ``_MISSING``. Keyed lists are matched by key, other lists compared whole."""
    if old == new:
        return
    last = path[-1] if path else None
    both_text = _is_text(old) and _is_text(new)
    if (
        isinstance(old, dict)
        and isinstance(new, dict)
        and last not in _WHOLE_VALUES
        and (both_text or (not _is_text(old) and not _is_text(new)))
    ):
        for key in list(old) + [k for k in new if k not in old]:
            yield from changes(old.get(key, _MISSING), new.get(key, _MISSING), path + (key,))
        return
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and isinstance(last, str)
        and last in KEYED_LISTS
    ):
        old_items, new_items = _keyed(old, KEYED_LISTS[last]), _keyed(new, KEYED_LISTS[last])
        if old_items is not None and new_items is not None:
            for key in list(old_items) + [k for k in new_items if k not in old_items]:
                yield from changes(
                    old_items.get(key, _MISSING), new_items.get(key, _MISSING), path + (_Key(key),)
                )
            return
    yield path, old, new


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()


def _changed(
    kind: str, record_id: str, old: dict[str, Any], new: dict[str, Any]
) -> Iterator[Sentence]:
    label = record_label(kind, record_id)
    if kind == "meeting":
        yield from _minutes_changes(record_id, old, new)
        old, new = _without(old, "minutes"), _without(new, "minutes")
    if kind == "indicator":
        yield from _observation_changes(label, old, new)
        old, new = _without(old, "observations"), _without(new, "observations")
    if kind == "committee":
        yield from _member_changes(record_id, old, new)
        old, new = _without(old, "members"), _without(new, "members")
    if kind in ("programme", "action"):
        from protsoc.review.finance_diff import finance_changes

        yield from (Sentence(text, warning) for text, warning in finance_changes(label, old, new))
        old = _without(_without(old, "budgets"), "transactions")
        new = _without(_without(new, "budgets"), "transactions")
    for path, before, after in changes(old, new):
        yield _generic(label, kind, record_id, path, before, after)


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


def _generic(
    label: str, kind: str, record_id: str, path: tuple, before: Any, after: Any
) -> Sentence:
    subject, field_path = label, path
    if (
        kind == "meeting"
        and len(path) >= 2
        and path[0] in ("decisions", "agenda")
        and isinstance(path[1], _Key)
    ):
        noun = "decision" if path[0] == "decisions" else "agenda item"
        subject, field_path = f"{noun} {record_id}/{path[1]}", path[2:]
    elif (
        kind == "meeting"
        and len(path) >= 2
        and path[0] == "attendance"
        and isinstance(path[1], _Key)
    ):
        subject, field_path = f"{label}: attendance of {path[1]}", path[2:]
    elif len(path) >= 2 and isinstance(path[1], _Key):
        subject, field_path = f"{label}: {path[0]} entry {path[1]}", path[2:]
    if not field_path:  # a whole keyed entry
        if before is _MISSING:
            return Sentence(f"{subject} added{_entry_summary(path[0], after)}")
        if after is _MISSING:
            return Sentence(f"{subject} removed")
    # the Arabic wording is the text itself: "title changed", while "title.fr set to …"
    name = _path_text(
        field_path[:-1] if len(field_path) > 1 and field_path[-1] == "ar" else field_path
    )
    prefix = f"{subject}: " if name else f"{subject} "
    if before is _MISSING:
        return Sentence(f"{prefix}{name} set to {_value(after, path)}")
    if after is _MISSING:
        return Sentence(f"{prefix}{name} removed (was {_value(before, path)})")
    if isinstance(before, list) and isinstance(after, list):
        return Sentence(f"{prefix}{name}: {_list_change(before, after)}")
    return Sentence(f"{prefix}{name} changed from {_value(before, path)} to {_value(after, path)}")


def _entry_summary(list_key: Any, entry: Any) -> str:
    if not isinstance(entry, dict):
        return ""
    if list_key == "attendance":
        return f" ({entry.get('status')})"
    for key in ("text", "title", "name"):
        if key in entry:
            return f": {_value(entry[key], ())}"
    return ""


def _path_text(path: tuple) -> str:
    text = ""
    for part in path:
        if isinstance(part, (_Key, int)):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _list_change(before: list, after: list) -> str:
    old = [json.dumps(item, sort_keys=True, ensure_ascii=False) for item in before]
    new = [json.dumps(item, sort_keys=True, ensure_ascii=False) for item in after]
    added = sum(1 for item in new if item not in old)
    removed = sum(1 for item in old if item not in new)
    parts = []
    if added:
        parts.append(f"{added} added")
    if removed:
        parts.append(f"{removed} removed")
    return (", ".join(parts) if parts else "reordered") + f" ({len(after)} entries now)"


def _text(value: Any) -> str:
    if _is_text(value):
        shown = value.get("ar") or value.get("en") or value.get("fr") or ""
        return f"«{_shorten(shown)}»"
    return _shorten(str(value))


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(value: Any, path: tuple) -> str:
    last = path[-1] if path else None
    if _is_text(value):
        return _text(value)
    if isinstance(value, str) and last in _TEXT_KEYS:
        return f"«{_shorten(value)}»"
    if last == "cadence":
        return cadence.describe(value)["en"]
    if isinstance(value, dict) and "document" in value:
        return _shorten(str(value["document"]))
    if isinstance(value, (dict, list)):
        if isinstance(value, list):
            if value and all(isinstance(v, (str, int, float)) for v in value) and len(value) <= 5:
                return _shorten(", ".join(str(v) for v in value))
            return _count(len(value), "entry", "entries")
        return _shorten(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return _shorten(str(value))


# --- minutes ----------------------------------------------------------------------------------


def _minutes_changes(
    meeting_id: str, old: dict[str, Any], new: dict[str, Any]
) -> Iterator[Sentence]:
    old_minutes, new_minutes = _mapping(old, "minutes"), _mapping(new, "minutes")
    was_approved = old_minutes.get("status") == "approved"
    is_approved = new_minutes.get("status") == "approved"
    old_seal = _mapping(old_minutes, "seal").get("digest")
    new_seal = _mapping(new_minutes, "seal").get("digest")
    subject = f"minutes of {meeting_id}"
    if was_approved and seal.digest(old) != seal.digest(new):
        if old_seal and new_seal == old_seal:
            yield Sentence(
                f"approved {subject} edited after approval: the content no longer matches "
                "its seal (a correction must be an erratum: `protsoc amend`)",
                True,
            )
        elif old_seal and new_seal:
            yield Sentence(
                f"approved {subject} edited and sealed again (the approved content changed; "
                "a correction must be an erratum: `protsoc amend`)",
                True,
            )
        elif old_seal:
            yield Sentence(f"approved {subject} edited and their seal removed", True)
        else:
            yield Sentence(f"approved {subject} edited after approval", True)
    elif was_approved and old_seal and not new_seal:
        # The content is the same, but nothing guards it any more: the first step of a two-commit
        # rewrite (remove the seal, then edit), never "re-formatted only".
        yield Sentence(
            f"approved {subject}: their seal removed (same content, no longer sealed; "
            "`protsoc verify-seals` still compares it with what was approved)",
            True,
        )
    old_approvals = _keyed(_items(old_minutes, "approvals"), "member") or {}
    new_approvals = _keyed(_items(new_minutes, "approvals"), "member") or {}
    added = [m for m in new_approvals if m not in old_approvals]
    removed = [m for m in old_approvals if m not in new_approvals]
    if is_approved and not was_approved:
        approvers = len(new_approvals)
        sealed = " (sealed)" if new_seal else " (not sealed)"
        on = f" on {new_minutes['approved_on']}" if new_minutes.get("approved_on") else ""
        yield Sentence(f"{subject} approved by {_count(approvers, 'member')}{on}{sealed}")
    elif not is_approved and was_approved:
        yield Sentence(
            f"{subject} no longer approved (status {new_minutes.get('status', 'removed')})", True
        )
    elif added:
        dates = {
            str(new_approvals[m].get("date")) for m in added if isinstance(new_approvals[m], dict)
        }
        on = f" on {', '.join(sorted(dates))}" if dates else ""
        yield Sentence(
            f"{subject}: approval by {', '.join(added)} recorded{on} "
            f"({_count(len(new_approvals), 'approval')} so far)"
        )
    if removed:
        yield Sentence(f"{subject}: approval by {', '.join(removed)} removed", was_approved)
    rest_old = {
        k: v
        for k, v in old_minutes.items()
        if k not in ("status", "approvals", "seal", "approved_on")
    }
    rest_new = {
        k: v
        for k, v in new_minutes.items()
        if k not in ("status", "approvals", "seal", "approved_on")
    }
    for path, before, after in changes(rest_old, rest_new, ("minutes",)):
        yield _generic(f"meeting {meeting_id}", "meeting", meeting_id, path, before, after)


# --- indicators -------------------------------------------------------------------------------


def format_number(value: Any, indicator: dict[str, Any] | None = None) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if (indicator or {}).get("measure") == "percentage":
        return f"{_trim(value, 2)}%"
    magnitude = abs(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{_trim(value / size, 2)} {word}"
    return indicator_numbers.format_number(value)


def _trim(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def _observed(observation: dict[str, Any], indicator: dict[str, Any]) -> str:
    qualifier = _QUALIFIER_WORDS.get(str(observation.get("qualifier", "exact")), "")
    return f"{qualifier}{format_number(observation.get('value'), indicator)}"


def _observation_changes(
    label: str, old: dict[str, Any], new: dict[str, Any]
) -> Iterator[Sentence]:
    old_items = _keyed(_items(old, "observations"), "date")
    new_items = _keyed(_items(new, "observations"), "date")
    if old_items is None or new_items is None:
        if _items(old, "observations") != _items(new, "observations"):
            listed = _list_change(_items(old, "observations"), _items(new, "observations"))
            yield Sentence(f"{label}: observations: {listed}")
        return
    ordered = sorted(new_items)
    for day in ordered:
        observation = new_items[day]
        if day not in old_items:
            earlier = [d for d in ordered if d < day] or [d for d in sorted(old_items) if d < day]
            change = ""
            if earlier:
                previous = (new_items.get(earlier[-1]) or old_items.get(earlier[-1]) or {}).get(
                    "value"
                )
                value = observation.get("value")
                if (
                    isinstance(previous, (int, float))
                    and isinstance(value, (int, float))
                    and previous
                ):
                    change = f" ({(value - previous) / previous * 100:+.1f}% since {earlier[-1]})"
            yield Sentence(
                f"{label}: new observation {day} = {_observed(observation, new)}{change}"
            )
        elif old_items[day] != observation:
            before = old_items[day]
            if (before.get("value"), before.get("qualifier")) != (
                observation.get("value"),
                observation.get("qualifier"),
            ):
                yield Sentence(
                    f"{label}: observation {day} changed from {_observed(before, old)} to "
                    f"{_observed(observation, new)}",
                    True,
                )
            else:
                fields = sorted(_path_text(p) for p, _, _ in changes(before, observation))
                yield Sentence(f"{label}: observation {day}: details changed ({', '.join(fields)})")
    for day in old_items:
        if day not in new_items:
            yield Sentence(
                f"{label}: observation {day} removed (was {_observed(old_items[day], old)})", True
            )


# --- committee members -----------------------------------------------------------------------


def _member_changes(
    committee_id: str, old: dict[str, Any], new: dict[str, Any]
) -> Iterator[Sentence]:
    old_members = _keyed(_items(old, "members"), "id")
    new_members = _keyed(_items(new, "members"), "id")
    if old_members is None or new_members is None:
        if _items(old, "members") != _items(new, "members"):
            yield Sentence(
                f"committee {committee_id}: members: "
                f"{_list_change(_items(old, 'members'), _items(new, 'members'))}"
            )
        return
    for member_id in list(old_members) + [m for m in new_members if m not in old_members]:
        subject = f"member {committee_id}/{member_id}"
        before, after = old_members.get(member_id), new_members.get(member_id)
        if before is None and after is not None:
            yield Sentence(
                f"{subject} added ({after.get('role', 'no role')}, {_text(_current_title(after))})"
            )
            continue
        if after is None or before is None:
            yield Sentence(
                f"{subject} removed (posts are ended with `until:`, never deleted; meetings "
                "may still name it)",
                True,
            )
            continue
        yield from _dated_list(subject, "title", "title", before, after)
        yield from _dated_list(subject, "holder", "name", before, after)
        rest_before = {k: v for k, v in before.items() if k not in ("titles", "holders")}
        rest_after = {k: v for k, v in after.items() if k not in ("titles", "holders")}
        for path, old_value, new_value in changes(rest_before, rest_after):
            if path == ("until",) and old_value is _MISSING:
                yield Sentence(f"{subject}: post ended on {new_value}")
            else:
                yield _generic(subject, "member", member_id, path, old_value, new_value)


def _current_title(member: dict[str, Any]) -> Any:
    titles = [t for t in _items(member, "titles") if isinstance(t, dict)]
    open_titles = [t for t in titles if "until" not in t] or titles
    return open_titles[-1].get("title") if open_titles else "no title"


def _dated_list(
    subject: str, noun: str, value_key: str, before: dict[str, Any], after: dict[str, Any]
) -> Iterator[Sentence]:
    """Titles and holders: a new entry is a change "since" its date; closing one gives it an end."""
    list_key = noun + "s"
    old_entries, new_entries = _items(before, list_key), _items(after, list_key)
    if old_entries == new_entries:
        return
    old_by_value = {
        json.dumps(e.get(value_key), sort_keys=True, ensure_ascii=False): e
        for e in old_entries
        if isinstance(e, dict)
    }
    for entry in new_entries:
        if not isinstance(entry, dict):
            continue
        previous = old_by_value.pop(
            json.dumps(entry.get(value_key), sort_keys=True, ensure_ascii=False), None
        )
        shown = _text(entry.get(value_key))
        if previous is None:
            when = (
                f" since {entry['since']}"
                if entry.get("since")
                else f" (attested {entry['attested']})"
                if entry.get("attested")
                else ""
            )
            if noun == "title":
                yield Sentence(f"{subject}: title changed{when} to {shown}")
            else:
                yield Sentence(f"{subject}: new holder {shown}{when}")
        elif previous != entry:
            if entry.get("until") and not previous.get("until"):
                yield Sentence(f"{subject}: {noun} {shown} ends on {entry['until']}")
            else:
                fields = ", ".join(sorted(_path_text(p) for p, _, _ in changes(previous, entry)))
                yield Sentence(f"{subject}: {noun} {shown}: {fields} changed")
    for entry in old_by_value.values():
        yield Sentence(
            f"{subject}: {noun} {_text(entry.get(value_key))} removed (the past is kept: "
            "close it with `until:` instead)",
            True,
        )
