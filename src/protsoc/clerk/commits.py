"""How protsoc commits: a trailer that marks its commits, and the refusal of a dirty file
(worded in registry/gitrepo.dirty_refusal, which every --commit path raises).

Every commit a clerk command makes carries the trailer ``Protsoc-Step: …`` (the subject stays
the conventional one-liner ``git log --oneline`` shows), so that ``protsoc undo`` can tell
protsoc's last step from a commit made by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from protsoc.registry.gitrepo import dirty_refusal

TRAILER = "Protsoc-Step"


def with_trailer(message: str, step: str = "write") -> str:
    """A commit message as protsoc commits it: the message, then a trailer marking it as ours."""
    return f"{message}\n\n{TRAILER}: {step}"


def is_ours(message: str) -> bool:
    return any(line.startswith(f"{TRAILER}:") for line in message.splitlines())


def check_clean_paths(repo, paths: Sequence[Path]) -> None:  # type: ignore[no-untyped-def]
    """Refuse ``--commit`` on files holding uncommitted work (``dirty_refusal`` says how)."""
    relative = [repo.relative(path) for path in paths]
    dirty = repo.git(
        "status", "--porcelain", "--untracked-files=all", "--", *relative
    ).stdout.splitlines()
    if dirty:
        raise dirty_refusal(repo.top, [line[3:] for line in dirty])
