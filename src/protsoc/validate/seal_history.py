"""`protsoc verify-seals`: seals anchored in history, not in the file that carries them.

A seal is a digest stored next to what it seals, so whoever can edit the file can also recompute
it or delete it: `validate` alone saw nothing in a pull request of two commits, (1) delete the
seal block, (2) edit a decision (issue 13). History is what cannot be rewritten in a pull request:
for every meeting file, this walks the commits that touched it (oldest first, along the first
parent), finds the commit where its minutes were first approved with an intact seal, and compares
the meeting as it is now (the working tree) with the content sealed then. Any difference is a
`seal-history` error naming the sealing commit and the first commit after which the content
stayed different, whoever recomputed the digest and however many commits it took. Errata are new
records (``MEETING-N``), never a rewrite of the original, so no change of sealed content is
legitimate.

With ``changed_since``, only changes made after the merge base of that revision and HEAD (what
``git diff REV...HEAD`` shows, a whole pull request for a branch name) or not yet committed are
reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from protsoc.governance import seal
from protsoc.kernel.findings import Finding
from protsoc.kernel.i18n import _
from protsoc.registry import yamlio
from protsoc.registry.gitdiff import Git
from protsoc.registry.layout import classify, display_path

RULE_ID = "seal-history"
WORKTREE = "the working tree"


@dataclass
class SealCheck:
    findings: list[Finding]
    sealed: int  # sealed meeting records found in history


def _meeting_data(raw: bytes | None) -> dict | None:
    if raw is None:
        return None
    try:
        document = yamlio.loads(raw)
    except yamlio.YamlError:
        return None
    return document.data if isinstance(document.data, dict) else None


def _approved_and_sealed(data: dict | None) -> bool:
    if data is None:
        return False
    minutes = data.get("minutes")
    return (
        isinstance(minutes, dict)
        and minutes.get("status") == "approved"
        and seal.is_intact(data) is True
    )


def verify_seals(root: Path, changed_since: str | None = None) -> SealCheck:
    git = Git(root)
    root = Path(root)
    recent: set[str] | None = None
    shown_base = None
    if changed_since is not None:
        base = git.merge_base(changed_since)
        recent = set(git.commits_between(base))
        shown_base = base[:10]
    history = git.first_parent_file_history(git.repo_path("meetings"))
    wanted = [
        (commit, path) for path, steps in history.items() for commit, present in steps if present
    ]
    contents = dict(zip(wanted, git.read_objects(wanted)))
    findings: list[Finding] = []
    sealed_count = 0
    for path, steps in sorted(history.items()):
        rel = git.registry_relative(path)
        if rel is None:
            continue
        sealed_digest = sealed_at = None
        states: list[tuple[str, str | None, dict | None]] = []  # (commit, digest, data)
        for commit, present in steps:
            data = _meeting_data(contents.get((commit, path))) if present else None
            if sealed_digest is None:
                if _approved_and_sealed(data):
                    sealed_digest, sealed_at = seal.digest(data), commit  # type: ignore[arg-type]
                continue
            states.append((commit, seal.digest(data) if data is not None else None, data))
        if sealed_digest is None:
            continue
        sealed_count += 1
        on_disk = root / rel
        current = _meeting_data(on_disk.read_bytes()) if on_disk.is_file() else None
        states.append((WORKTREE, seal.digest(current) if current is not None else None, current))
        final_commit, final_digest, final_data = states[-1]
        if final_digest == sealed_digest:
            continue
        # the first commit after which the content never again matched what was sealed
        diverged = final_commit
        for commit, digest, _data in reversed(states):
            if digest == sealed_digest:
                break
            diverged = commit
        if recent is not None and diverged != WORKTREE and diverged not in recent:
            continue  # changed before the base: not this change's doing
        record_file = classify(root, on_disk)
        meeting_id = record_file.expected_id if record_file is not None else rel
        where = (
            _("in the working tree")
            if diverged == WORKTREE
            else _("by commit {commit}").format(commit=diverged[:10])
        )
        if final_data is None:
            state = _("the file is deleted or unreadable")
        elif seal.is_intact(final_data) is None:
            state = _("its seal is removed")
        elif seal.is_intact(final_data):
            state = _("its seal was recomputed to match")
        else:
            state = _("its seal no longer matches")
        since = _(" (after the merge base {base})").format(base=shown_base) if shown_base else ""
        sealed = str(sealed_at)[:10]
        findings.append(
            Finding(
                RULE_ID,
                _(
                    "the minutes of {id}, approved and sealed by commit {commit}, were changed "
                    "{where}{since}; {state}"
                ).format(id=meeting_id, commit=sealed, where=where, since=since, state=state),
                display_path(on_disk),
                line=1,
                column=1,
                hint=_(
                    "restore the approved content (`git show {commit}:{path}`); a correction is "
                    "an erratum: `protsoc amend {id} --reason …`"
                ).format(commit=sealed, path=path, id=meeting_id),
            )
        )
    findings.sort(key=Finding.sort_key)
    return SealCheck(findings, sealed_count)
