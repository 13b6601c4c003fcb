"""Undoing the clerk's last step, and saying how to clear the way for ``--commit``.

``protsoc undo`` reverts the last commit protsoc made, and only that: it must be HEAD (a commit
someone made afterwards would be undone under their feet otherwise), the work tree must be
clean (the revert must not mix with work in progress), and it must not be the repository's
first commit. The undo is itself a commit (``undo: <what was undone>``), so the history keeps
both the mistake and its correction; undoing an undo redoes the step (``redo: …``).

protsoc's commits are recognised by the trailer ``clerk.commits`` adds to each of them; a commit
made by hand, even one with the same subject, is never undone.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from protsoc.clerk.commits import is_ours, with_trailer
from protsoc.kernel.i18n import _
from protsoc.registry.gitrepo import GitProblem


@dataclass
class Undone:
    sha: str
    subject: str
    undone_sha: str
    files: list[str]
    message: str


def undo_subject(subject: str) -> str:
    """``undo: X``; undoing that gives ``redo: X`` (not ``undo: undo: X``), and so on."""
    if subject.startswith("undo: "):
        return "redo: " + subject[len("undo: ") :]
    if subject.startswith("redo: "):
        return "undo: " + subject[len("redo: ") :]
    return "undo: " + subject


def undo(root: Path) -> Undone:
    """Revert protsoc's last commit (see the module docstring); refuse anything else."""
    from protsoc.clerk.transaction import locked
    from protsoc.registry import gitrepo

    with locked(root):
        repo = gitrepo.Repo.find(root)
        repo.check_repository()
        if not repo.has_commits():
            raise GitProblem(_("there is nothing to undo: the repository has no commit"), None)
        head = repo.git("log", "-1", "--format=%H%n%P%n%s%n%B").stdout.splitlines()
        sha, parents, subject, body = head[0], head[1].split(), head[2], "\n".join(head[3:])
        if not is_ours(body):
            raise GitProblem(
                _("the last commit ({sha} {subject}) was not made by a protsoc command").format(
                    sha=sha[:7], subject=subject
                ),
                _(
                    "protsoc undoes only its own last step; to undo another commit, "
                    "use git revert {sha}"
                ).format(sha=sha[:7]),
            )
        if len(parents) != 1:
            raise GitProblem(
                _("the last commit ({sha}) is the repository's first or a merge").format(
                    sha=sha[:7]
                ),
                _("there is no single step before it to go back to"),
            )
        dirty = repo.git("status", "--porcelain", "--untracked-files=all").stdout.splitlines()
        if dirty:
            files = [line[3:] for line in dirty]
            raise GitProblem(
                _("the work tree has uncommitted changes: {files}").format(files=", ".join(files)),
                _(
                    "undo must not mix with work in progress. See them: git -C {top} status; "
                    "commit them, or discard them (git -C {top} restore --staged --worktree -- "
                    "FILE), then run protsoc undo again"
                ).format(top=shlex.quote(str(repo.top))),
            )
        files = repo.git("show", "--no-renames", "--name-only", "--format=", "HEAD").stdout.split()
        reverted = repo.git("revert", "--no-commit", "HEAD", check=False)
        if reverted.returncode != 0:  # pragma: no cover - a clean tree reverts its HEAD cleanly
            repo.git("revert", "--abort", check=False)
            raise GitProblem(
                _("git could not undo {sha}: {error}").format(
                    sha=sha[:7], error=reverted.stderr.strip()
                ),
                None,
            )
        message = with_trailer(f"{undo_subject(subject)}\n\nThis reverts commit {sha}.", "undo")
        repo.git("commit", "-q", "-m", message)
        new_sha = repo.git("rev-parse", "--short", "HEAD").stdout.strip()
        return Undone(new_sha, subject, sha[:7], files, undo_subject(subject))
