"""The git history of one record: who changed what, when, in which commit (renames followed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protsoc.kernel.errors import UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.gitdiff import FileChange, Git
from protsoc.registry.layout import is_slug, split_meeting_stem
from protsoc.review.diff import Sentence, describe, member_key

# Where a record of each kind lives, from its id (the layout of registry.py).
_KIND_FOLDERS = {
    "committee": "committees",
    "action": "roadmap/actions",
    "indicator": "roadmap/indicators",
    "evaluation": "roadmap/evaluations",
    "programme": "programmes",
}


@dataclass
class HistoryEntry:
    commit: str
    author: str
    email: str
    date: str
    subject: str
    path: str
    old_path: str | None
    sentences: list[Sentence] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "author": self.author,
            "email": self.email,
            "date": self.date,
            "subject": self.subject,
            "path": self.path,
            "old_path": self.old_path,
            "changes": [s.text for s in self.sentences],
        }


@dataclass
class History:
    record_id: str
    path: str
    entries: list[HistoryEntry]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.record_id,
            "path": self.path,
            "commits": [e.as_dict() for e in self.entries],
        }


def record_path(git: Git, record_id: str) -> str:
    """The repository path of a record given its id (``KIND:ID`` when an id is ambiguous).

    A decision reference (``steering/2024-11-26/d2``) is the history of its meeting file.
    Records deleted since are found in the history too.
    """
    kind, _, bare = record_id.rpartition(":") if ":" in record_id else ("", "", record_id)
    bare = bare.strip().strip("/")
    if bare.endswith(".yaml"):
        return bare if git.prefix and bare.startswith(git.prefix + "/") else git.repo_path(bare)
    if bare in ("roadmap", "protsoc", "manifest") and not kind:
        return git.repo_path("roadmap/roadmap.yaml" if bare == "roadmap" else "protsoc.yaml")
    parts = bare.split("/")
    if member_ref(record_id) is not None:
        return git.repo_path(f"committees/{parts[0]}.yaml")
    if kind in ("", "meeting") and len(parts) in (2, 3):
        return git.repo_path(f"meetings/{parts[0]}/{parts[1]}.yaml")
    if kind and kind not in _KIND_FOLDERS:
        raise UsageError(
            f"unknown record kind {kind!r}", f"use one of: meeting, {', '.join(_KIND_FOLDERS)}"
        )
    folders = {kind: _KIND_FOLDERS[kind]} if kind else _KIND_FOLDERS
    candidates = {k: git.repo_path(f"{folder}/{bare}.yaml") for k, folder in folders.items()}
    existing = {k: p for k, p in candidates.items() if (git.top / p).is_file()}
    if not existing:
        existing = {k: p for k, p in candidates.items() if git.path_exists_in_history(p)}
    if len(existing) > 1:
        raise UsageError(
            f"{bare!r} is the id of several records ({', '.join(sorted(existing))})",
            f"say which one as KIND:ID, e.g. {min(existing)}:{bare}",
        )
    if not existing:
        raise UsageError(
            f"no record {record_id!r} in the registry or its history",
            "give a record id: a committee, <committee>/<YYYY-MM-DD> for a meeting, an "
            "action, indicator or evaluation id, or the file's path",
        )
    return next(iter(existing.values()))


def member_ref(record_id: str) -> tuple[str, str] | None:
    """``technical/sg-health`` (or ``member:technical/sg-health``): a member post of a committee."""
    kind, _, bare = record_id.rpartition(":") if ":" in record_id else ("", "", record_id)
    parts = bare.strip().strip("/").split("/")
    if (
        kind in ("", "member")
        and len(parts) == 2
        and split_meeting_stem(parts[1]) is None
        and all(is_slug(part) for part in parts)
    ):
        return parts[0], parts[1]
    return None


def history(registry_root: Path, record_id: str, details: bool = True) -> History:
    """The commits that touched a record, newest first.

    For a member post (``committee/member``): the commits of its committee's file that changed
    that post, and the one that created the file.
    """
    git = Git(registry_root)
    path = record_path(git, record_id)
    member = member_ref(record_id)
    focus = member_key(*member) if member else None
    logs = git.log_follow(path)
    wanted: list[tuple[str, str]] = []
    if details or focus:  # both versions of the file at every commit, in one git process
        for log in logs:
            if log.parent and log.old_path and log.status != "A":
                wanted.append((log.parent, log.old_path))
            if log.status != "D":
                wanted.append((log.commit, log.path))
    contents = dict(zip(wanted, git.read_objects(wanted)))
    entries = []
    for log in logs:
        entry = HistoryEntry(
            log.commit, log.author, log.email, log.date, log.subject, log.path, log.old_path
        )
        if details or focus:
            old_path = log.old_path if log.status != "A" else None
            change = FileChange(
                log.status if log.status in "ADMR" else "M",
                old_path,
                None if log.status == "D" else log.path,
            )
            old_bytes = contents.get((log.parent, old_path)) if log.parent and old_path else None
            new_bytes = contents.get((log.commit, log.path)) if log.status != "D" else None
            if old_bytes is None and change.status != "A":
                change = FileChange("A", None, log.path)
            record = describe(
                git.registry_root,
                change,
                git.registry_relative(old_path or ""),
                git.registry_relative(log.path),
                old_bytes,
                new_bytes,
            )
            entry.sentences = record.sentences
            if focus and record.change != "added":
                entry.sentences = [s for s in record.sentences if s.about == focus]
                if not entry.sentences:
                    continue
            if not details:
                entry.sentences = []
        entries.append(entry)
    if not entries:
        raise UsageError(
            f"{path} has no commits yet", "commit the record first (`git add` and `git commit`)"
        )
    return History(record_id, path, entries)


def as_text(result: History) -> str:
    lines = [
        _("history of {id} ({path}), newest first:").format(id=result.record_id, path=result.path)
    ]
    for entry in result.entries:
        lines.append("")
        lines.append(f"{entry.commit[:10]}  {entry.date}  {entry.author} <{entry.email}>")
        lines.append(f"    {entry.subject}")
        if entry.old_path and entry.old_path != entry.path:
            lines.append(
                "    " + _("renamed: {old} -> {new}").format(old=entry.old_path, new=entry.path)
            )
        for sentence in entry.sentences:
            lines.append(f"    {'! ' if sentence.warning else '- '}{sentence.text}")
    return "\n".join(lines)
