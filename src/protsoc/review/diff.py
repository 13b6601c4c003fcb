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
from protsoc.kernel.i18n import _, language, ngettext
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
# The base a diff is computed from when none is given (JSON keeps these words; text translates).
DEFAULT_BASE = "merge-base with the default branch"
# Mappings shown as one value rather than field by field.
_WHOLE_VALUES = {"source", "legal_basis", "cadence", "seal", "approval_rule", "chaired_by"}
_TEXT_KEYS = {"ar", "fr", "en"}
# Sentences are worded in the reader's language (``--lang``): each is one gettext message with
# named fields, so a translation can order them as its grammar wants. Record content, ids,
# field names and status codes are not translated: they are what the reader types or greps.


def _qualified(qualifier: str, value: str) -> str:
    if qualifier == "about":
        return _("about {value}").format(value=value)
    if qualifier == "more-than":
        return _("more than {value}").format(value=value)
    if qualifier == "less-than":
        return _("less than {value}").format(value=value)
    if qualifier == "at-least":
        return _("at least {value}").format(value=value)
    return value


@dataclass
class Sentence:
    text: str
    warning: bool = False
    # What the sentence is about when it is narrower than its record (``member technical/x``),
    # in words that do not depend on the language: ``protsoc history`` filters on it.
    about: str = ""


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
    if kind == "registry":
        return _("registry manifest")
    if kind == "roadmap":
        return _("roadmap")
    if not record_id:
        return kind
    labels = {
        "meeting": _("meeting {id}"),
        "committee": _("committee {id}"),
        "indicator": _("indicator {id}"),
        "action": _("action {id}"),
        "evaluation": _("evaluation {id}"),
        "programme": _("programme {id}"),
        "file": _("file {id}"),
    }
    return labels.get(kind, f"{kind} {{id}}").format(id=record_id)


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
    return DiffResult(base or DEFAULT_BASE, base_commit, head, records)


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
        if change.status == "A":
            said = _("file {path} added (not a registry record)")
        elif change.status == "D":
            said = _("file {path} removed (not a registry record)")
        elif change.status == "R":
            said = _("file {path} renamed (not a registry record)")
        else:
            said = _("file {path} changed (not a registry record)")
        return RecordDiff(
            "other",
            "file",
            change.path,
            change.path,
            change.old_path,
            [Sentence(said.format(path=change.path))],
        )
    kind, record_id = record_file.kind, record_file.expected_id
    old, _old_error = _parse(old_bytes)
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
                    _(
                        "{record}: the new version cannot be read ({error}); see `protsoc validate`"
                    ).format(record=record_label(kind, record_id), error=new_error),
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
                    _(
                        "{record}: repaired (the previous version could not be read as a record)"
                    ).format(record=record_label(kind, record_id))
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
                _("{old} renamed to {new} (file {old_path} -> {new_path})").format(
                    old=record_label(old_file.kind, old_file.expected_id),
                    new=record_label(kind, record_id),
                    old_path=change.old_path,
                    new_path=change.new_path,
                )
            )
        )
    elif change.status == "R":
        sentences.append(
            Sentence(
                _("{record}: file moved from {old_path} to {new_path}").format(
                    record=record_label(kind, record_id),
                    old_path=change.old_path,
                    new_path=change.new_path,
                )
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
            Sentence(
                _("{record}: re-formatted only (same content)").format(
                    record=record_label(kind, record_id)
                )
            )
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
        return None, _("not a mapping of fields")
    return data, None


# --- added / removed --------------------------------------------------------------------------


def _count(number: int, noun: str) -> str:
    """``3 decisions`` in the reader's language (gettext's plural forms: Arabic has six)."""
    if noun == "decision":
        said = ngettext("{count} decision", "{count} decisions", number)
    elif noun == "member":
        said = ngettext("{count} member", "{count} members", number)
    elif noun == "member post":
        said = ngettext("{count} member post", "{count} member posts", number)
    elif noun == "observation":
        said = ngettext("{count} observation", "{count} observations", number)
    elif noun == "approval":
        said = ngettext("{count} approval", "{count} approvals", number)
    else:
        said = ngettext("{count} entry", "{count} entries", number)
    return said.format(count=number)


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
            reason = _text(minutes.get("reason")) if minutes.get("reason") else _("no reason given")
            said = (
                _(
                    "erratum {id} added: corrects the minutes of {amends} "
                    "(reason: {reason}, approved)"
                )
                if minutes.get("status") == "approved"
                else _("erratum {id} added: corrects the minutes of {amends} (reason: {reason})")
            )
            yield Sentence(said.format(id=record_id, amends=minutes["amends"], reason=reason))
            return
        summary = [str(data.get("status", _("no status")))]
        if data.get("kind"):
            summary.append(str(data["kind"]))
        summary.append(_count(len(_items(data, "decisions")), "decision"))
        if minutes.get("status") == "approved":
            approvers = _count(len(_items(minutes, "approvals")), "member")
            summary.append(
                (
                    _("minutes approved by {members}, sealed")
                    if _mapping(minutes, "seal")
                    else _("minutes approved by {members}, not sealed")
                ).format(members=approvers)
            )
        yield Sentence(
            _("{subject} added ({summary})").format(subject=label, summary=_list(summary))
        )
    elif kind == "committee":
        summary = [
            str(data.get("kind", _("no kind"))),
            _count(len(_items(data, "members")), "member post"),
        ]
        yield Sentence(
            _("{subject} added ({summary})").format(subject=label, summary=_list(summary))
        )
    elif kind == "indicator":
        observations = _items(data, "observations")
        details = _count(len(observations), "observation")
        dated = [o for o in observations if isinstance(o, dict) and "date" in o]
        if dated:
            latest = max(dated, key=lambda o: str(o["date"]))
            details = _("{count}, latest {date} = {value}").format(
                count=details, date=latest["date"], value=_observed(latest, data)
            )
        yield Sentence(_("{subject} added ({summary})").format(subject=label, summary=details))
    elif kind == "action" and data.get("status"):
        yield Sentence(
            _("{subject} added ({summary})").format(subject=label, summary=data.get("status"))
        )
    else:
        yield Sentence(_("{subject} added").format(subject=label))


def _list(parts: list[str]) -> str:
    """Parts of a summary, joined with the language's comma (Arabic writes ،)."""
    return _(", ").join(parts)


def _removed(kind: str, record_id: str, data: dict[str, Any] | None) -> Iterator[Sentence]:
    label = record_label(kind, record_id)
    minutes = _mapping(data, "minutes")
    if kind == "meeting" and minutes.get("status") == "approved":
        yield Sentence(
            _("{record} removed, although its minutes were approved").format(record=label), True
        )
    elif kind == "committee":
        yield Sentence(
            _("{record} removed (committees are ended with `ended:`, not deleted)").format(
                record=label
            ),
            True,
        )
    else:
        yield Sentence(_("{subject} removed").format(subject=label))


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
        entry = f"{record_id}/{path[1]}"
        subject = (
            _("decision {id}").format(id=entry)
            if path[0] == "decisions"
            else _("agenda item {id}").format(id=entry)
        )
        field_path = path[2:]
    elif (
        kind == "meeting"
        and len(path) >= 2
        and path[0] == "attendance"
        and isinstance(path[1], _Key)
    ):
        subject = _("{record}: attendance of {member}").format(record=label, member=path[1])
        field_path = path[2:]
    elif len(path) >= 2 and isinstance(path[1], _Key):
        subject = _("{record}: {list} entry {key}").format(record=label, list=path[0], key=path[1])
        field_path = path[2:]
    if not field_path:  # a whole keyed entry
        if before is _MISSING:
            summary = _entry_summary(path[0], after)
            if summary:
                return Sentence(
                    _("{subject} added ({summary})").format(subject=subject, summary=summary)
                )
            return Sentence(_("{subject} added").format(subject=subject))
        if after is _MISSING:
            return Sentence(_("{subject} removed").format(subject=subject))
    # the Arabic wording is the text itself: "title changed", while "title.fr set to …"
    name = _path_text(
        field_path[:-1] if len(field_path) > 1 and field_path[-1] == "ar" else field_path
    )
    if not name:  # a whole value of the subject itself
        name = subject
    else:
        name = _("{subject}: {field}").format(subject=subject, field=name)
    if before is _MISSING:
        return Sentence(_("{field} set to {value}").format(field=name, value=_value(after, path)))
    if after is _MISSING:
        return Sentence(
            _("{field} removed (was {value})").format(field=name, value=_value(before, path))
        )
    if isinstance(before, list) and isinstance(after, list):
        return Sentence(
            _("{field}: {change}").format(field=name, change=_list_change(before, after))
        )
    return Sentence(
        _("{field} changed from {old} to {new}").format(
            field=name, old=_value(before, path), new=_value(after, path)
        )
    )


def _entry_summary(list_key: Any, entry: Any) -> str:
    if not isinstance(entry, dict):
        return ""
    if list_key == "attendance":
        return str(entry.get("status"))
    for key in ("text", "title", "name"):
        if key in entry:
            return _value(entry[key], ())
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
        parts.append(ngettext("{count} added", "{count} added", added).format(count=added))
    if removed:
        parts.append(ngettext("{count} removed", "{count} removed", removed).format(count=removed))
    return _("{changes} ({entries} now)").format(
        changes=_list(parts) if parts else _("reordered"), entries=_count(len(after), "entry")
    )


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
        described = cadence.describe(value)
        return described["ar"] if language() == "ar" else described["en"]
    if isinstance(value, dict) and "document" in value:
        return _shorten(str(value["document"]))
    if isinstance(value, (dict, list)):
        if isinstance(value, list):
            if value and all(isinstance(v, (str, int, float)) for v in value) and len(value) <= 5:
                return _shorten(", ".join(str(v) for v in value))
            return _count(len(value), "entry")
        return _shorten(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, bool):
        return "true" if value else "false"  # as typed in a command or a record
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
    if was_approved and seal.digest(old) != seal.digest(new):
        if old_seal and new_seal == old_seal:
            said = _(
                "approved minutes of {meeting} edited after approval: the content no longer "
                "matches its seal (a correction must be an erratum: `protsoc amend`)"
            )
        elif old_seal and new_seal:
            said = _(
                "approved minutes of {meeting} edited and sealed again (the approved content "
                "changed; a correction must be an erratum: `protsoc amend`)"
            )
        elif old_seal:
            said = _("approved minutes of {meeting} edited and their seal removed")
        else:
            said = _("approved minutes of {meeting} edited after approval")
        yield Sentence(said.format(meeting=meeting_id), True)
    elif was_approved and old_seal and not new_seal:
        # The content is the same, but nothing guards it any more: the first step of a two-commit
        # rewrite (remove the seal, then edit), never "re-formatted only".
        yield Sentence(
            _(
                "approved minutes of {meeting}: their seal removed (same content, no longer "
                "sealed; `protsoc verify-seals` still compares it with what was approved)"
            ).format(meeting=meeting_id),
            True,
        )
    old_approvals = _keyed(_items(old_minutes, "approvals"), "member") or {}
    new_approvals = _keyed(_items(new_minutes, "approvals"), "member") or {}
    added = [m for m in new_approvals if m not in old_approvals]
    removed = [m for m in old_approvals if m not in new_approvals]
    if is_approved and not was_approved:
        members = _count(len(new_approvals), "member")
        if new_minutes.get("approved_on"):
            said = (
                _("minutes of {meeting} approved by {members} on {date} (sealed)")
                if new_seal
                else _("minutes of {meeting} approved by {members} on {date} (not sealed)")
            )
        else:
            said = (
                _("minutes of {meeting} approved by {members} (sealed)")
                if new_seal
                else _("minutes of {meeting} approved by {members} (not sealed)")
            )
        yield Sentence(
            said.format(meeting=meeting_id, members=members, date=new_minutes.get("approved_on"))
        )
    elif not is_approved and was_approved:
        yield Sentence(
            _("minutes of {meeting} no longer approved (status {status})").format(
                meeting=meeting_id, status=new_minutes.get("status", _("removed"))
            ),
            True,
        )
    elif added:
        dates = {
            str(new_approvals[m].get("date")) for m in added if isinstance(new_approvals[m], dict)
        }
        said = (
            _("minutes of {meeting}: approval by {members} recorded on {dates} ({count} so far)")
            if dates
            else _("minutes of {meeting}: approval by {members} recorded ({count} so far)")
        )
        yield Sentence(
            said.format(
                meeting=meeting_id,
                members=_list(added),
                dates=_list(sorted(dates)),
                count=_count(len(new_approvals), "approval"),
            )
        )
    if removed:
        yield Sentence(
            _("minutes of {meeting}: approval by {members} removed").format(
                meeting=meeting_id, members=_list(removed)
            ),
            was_approved,
        )
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
        yield _generic(
            record_label("meeting", meeting_id), "meeting", meeting_id, path, before, after
        )


# --- indicators -------------------------------------------------------------------------------


def format_number(value: Any, indicator: dict[str, Any] | None = None) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if (indicator or {}).get("measure") == "percentage":
        return f"{_trim(value, 2)}%"
    magnitude = abs(value)
    if magnitude >= 1e9:
        return _("{value} billion").format(value=_trim(value / 1e9, 2))
    if magnitude >= 1e6:
        return _("{value} million").format(value=_trim(value / 1e6, 2))
    return indicator_numbers.format_number(value)


def _trim(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def _observed(observation: dict[str, Any], indicator: dict[str, Any]) -> str:
    shown = format_number(observation.get("value"), indicator)
    return _qualified(str(observation.get("qualifier", "exact")), shown)


def _observation_changes(
    label: str, old: dict[str, Any], new: dict[str, Any]
) -> Iterator[Sentence]:
    old_items = _keyed(_items(old, "observations"), "date")
    new_items = _keyed(_items(new, "observations"), "date")
    if old_items is None or new_items is None:
        if _items(old, "observations") != _items(new, "observations"):
            listed = _list_change(_items(old, "observations"), _items(new, "observations"))
            yield Sentence(
                _("{record}: observations: {change}").format(record=label, change=listed)
            )
        return
    ordered = sorted(new_items)
    for day in ordered:
        observation = new_items[day]
        if day not in old_items:
            earlier = [d for d in ordered if d < day] or [d for d in sorted(old_items) if d < day]
            change = None
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
                    change = f"{(value - previous) / previous * 100:+.1f}%"
            if change is not None:
                said = _("{record}: new observation {date} = {value} ({change} since {previous})")
            else:
                said = _("{record}: new observation {date} = {value}")
            yield Sentence(
                said.format(
                    record=label,
                    date=day,
                    value=_observed(observation, new),
                    change=change,
                    previous=earlier[-1] if earlier else "",
                )
            )
        elif old_items[day] != observation:
            before = old_items[day]
            if (before.get("value"), before.get("qualifier")) != (
                observation.get("value"),
                observation.get("qualifier"),
            ):
                yield Sentence(
                    _("{record}: observation {date} changed from {old} to {new}").format(
                        record=label,
                        date=day,
                        old=_observed(before, old),
                        new=_observed(observation, new),
                    ),
                    True,
                )
            else:
                fields = sorted(_path_text(path) for path, _a, _b in changes(before, observation))
                yield Sentence(
                    _("{record}: observation {date}: details changed ({fields})").format(
                        record=label, date=day, fields=_list(fields)
                    )
                )
    for day in old_items:
        if day not in new_items:
            yield Sentence(
                _("{record}: observation {date} removed (was {value})").format(
                    record=label, date=day, value=_observed(old_items[day], old)
                ),
                True,
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
                _("committee {id}: members: {change}").format(
                    id=committee_id,
                    change=_list_change(_items(old, "members"), _items(new, "members")),
                )
            )
        return
    for member_id in list(old_members) + [m for m in new_members if m not in old_members]:
        about = member_key(committee_id, member_id)
        subject = _("member {id}").format(id=f"{committee_id}/{member_id}")
        before, after = old_members.get(member_id), new_members.get(member_id)
        if before is None and after is not None:
            yield Sentence(
                _("{member} added ({role}, {title})").format(
                    member=subject,
                    role=after.get("role", _("no role")),
                    title=_text(_current_title(after)),
                ),
                about=about,
            )
            continue
        if after is None or before is None:
            yield Sentence(
                _(
                    "{member} removed (posts are ended with `until:`, never deleted; meetings "
                    "may still name it)"
                ).format(member=subject),
                True,
                about,
            )
            continue
        said = list(_dated_list(subject, "title", "title", before, after))
        said += _dated_list(subject, "holder", "name", before, after)
        rest_before = {k: v for k, v in before.items() if k not in ("titles", "holders")}
        rest_after = {k: v for k, v in after.items() if k not in ("titles", "holders")}
        for path, old_value, new_value in changes(rest_before, rest_after):
            if path == ("until",) and old_value is _MISSING:
                said.append(
                    Sentence(
                        _("{member}: post ended on {date}").format(member=subject, date=new_value)
                    )
                )
            else:
                said.append(_generic(subject, "member", member_id, path, old_value, new_value))
        for sentence in said:
            sentence.about = about
            yield sentence


def member_key(committee_id: str, member_id: str) -> str:
    """The ``about`` of the sentences on one member post; ``protsoc history`` filters on it."""
    return f"member {committee_id}/{member_id}"


def _current_title(member: dict[str, Any]) -> Any:
    titles = [t for t in _items(member, "titles") if isinstance(t, dict)]
    open_titles = [t for t in titles if "until" not in t] or titles
    return open_titles[-1].get("title") if open_titles else _("no title")


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
    is_title = noun == "title"
    for entry in new_entries:
        if not isinstance(entry, dict):
            continue
        previous = old_by_value.pop(
            json.dumps(entry.get(value_key), sort_keys=True, ensure_ascii=False), None
        )
        shown = _text(entry.get(value_key))
        if previous is None:
            if entry.get("since"):
                said = (
                    _("{member}: title changed since {date} to {value}")
                    if is_title
                    else _("{member}: new holder {value} since {date}")
                )
                date = entry["since"]
            elif entry.get("attested"):
                said = (
                    _("{member}: title changed (attested {date}) to {value}")
                    if is_title
                    else _("{member}: new holder {value} (attested {date})")
                )
                date = entry["attested"]
            else:
                said = (
                    _("{member}: title changed to {value}")
                    if is_title
                    else _("{member}: new holder {value}")
                )
                date = None
            yield Sentence(said.format(member=subject, value=shown, date=date))
        elif previous != entry:
            if entry.get("until") and not previous.get("until"):
                said = (
                    _("{member}: title {value} ends on {date}")
                    if is_title
                    else _("{member}: holder {value} ends on {date}")
                )
                yield Sentence(said.format(member=subject, value=shown, date=entry["until"]))
            else:
                fields = _list(sorted(_path_text(p) for p, _a, _b in changes(previous, entry)))
                said = (
                    _("{member}: title {value}: {fields} changed")
                    if is_title
                    else _("{member}: holder {value}: {fields} changed")
                )
                yield Sentence(said.format(member=subject, value=shown, fields=fields))
    for entry in old_by_value.values():
        said = (
            _("{member}: title {value} removed (the past is kept: close it with `until:` instead)")
            if is_title
            else _(
                "{member}: holder {value} removed (the past is kept: close it with `until:` "
                "instead)"
            )
        )
        yield Sentence(said.format(member=subject, value=_text(entry.get(value_key))), True)
