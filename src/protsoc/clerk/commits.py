"""How protsoc commits: a trailer that marks its commits, and the refusal of a dirty file.

Every commit a clerk command makes carries the trailer ``Protsoc-Step: …`` (the subject stays
the conventional one-liner ``git log --oneline`` shows), so that ``protsoc undo`` can tell
protsoc's last step from a commit made by hand.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from protsoc.kernel.i18n import _
from protsoc.registry.gitrepo import GitProblem

TRAILER = "Protsoc-Step"


def with_trailer(message: str, step: str = "write") -> str:
    """A commit message as protsoc commits it: the message, then a trailer marking it as ours."""
    return f"{message}\n\n{TRAILER}: {step}"


def is_ours(message: str) -> bool:
    return any(line.startswith(f"{TRAILER}:") for line in message.splitlines())


def dirty_refusal(top: Path, files: Sequence[str]) -> GitProblem:
    """The refusal of ``--commit`` when the files to change hold uncommitted changes: the exact
    commands that show them, and that commit or discard them, ready to paste."""
    quoted = " ".join(shlex.quote(name) for name in files)
    where = shlex.quote(str(top))
    return GitProblem(
        _("files this command must change have uncommitted changes: {files}").format(
            files=", ".join(files)
        ),
        _(
            "the commit must hold only this step. See the changes: git -C {top} status --short "
            "-- {files} && git -C {top} diff HEAD -- {files}; keep them: git -C {top} add -- "
            '{files} && git -C {top} commit -m "…" -- {files}; or discard them: git -C {top} '
            "restore --source=HEAD --staged --worktree -- {files} (a new file: rm it). Then run "
            "the command again."
        ).format(top=where, files=quoted),
    )


def check_clean_paths(repo, paths: Sequence[Path]) -> None:  # type: ignore[no-untyped-def]
    """Refuse ``--commit`` on files holding uncommitted work (``dirty_refusal`` says how)."""
    relative = [repo.relative(path) for path in paths]
    dirty = repo.git(
        "status", "--porcelain", "--untracked-files=all", "--", *relative
    ).stdout.splitlines()
    if dirty:
        raise dirty_refusal(repo.top, [line[3:] for line in dirty])
