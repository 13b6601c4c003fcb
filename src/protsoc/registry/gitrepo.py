"""The git operations of the clerk's commands, through the `git` program.

The git command line is used (not GitPython) because each clerk command needs only a handful of
plumbing calls and `git` starts in milliseconds, while importing GitPython costs about 0.1 s
(`python -X importtime -c "import git"`), more than a whole command, and GitPython itself runs
the same `git` program for status, add, commit and log. Every call is ``git -C <work tree> …``
with a fixed argument list (no shell).

Safety contract of ``--commit``: before anything is written the repository is checked (a work
tree, a branch checked out, no merge, rebase, cherry-pick, revert, am or bisect in progress, no
index.lock, an identity, nothing already staged, the files to touch without uncommitted
changes); then exactly the touched files are staged and committed with ``git commit -- <paths>``,
so unrelated work in the tree is never swept into the commit. When the commit fails (a hook
refuses), the clerk's transaction puts back the files' exact bytes: the commit or the tree as it
was, nothing in between.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from protsoc.kernel.errors import EnvironmentProblem, ProtsocError
from protsoc.kernel.i18n import _


class GitProblem(EnvironmentProblem):
    """The repository is not in a state where protsoc may commit."""


# Operations that leave the repository between two states, found by the file git keeps while
# they last; the first match wins (``rebase-apply`` holds both `git am` and the apply backend of
# `git rebase`: ``rebase-apply/applying`` tells am apart, so it comes first).
IN_PROGRESS: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("MERGE_HEAD", ("a merge", "git commit", "git merge --abort")),
    ("rebase-apply/applying", ("a git am", "git am --continue", "git am --abort")),
    ("rebase-merge", ("a rebase", "git rebase --continue", "git rebase --abort")),
    ("rebase-apply", ("a rebase", "git rebase --continue", "git rebase --abort")),
    ("REBASE_HEAD", ("a rebase", "git rebase --continue", "git rebase --abort")),
    (
        "CHERRY_PICK_HEAD",
        ("a cherry-pick", "git cherry-pick --continue", "git cherry-pick --abort"),
    ),
    ("REVERT_HEAD", ("a revert", "git revert --continue", "git revert --abort")),
    ("sequencer", ("a cherry-pick", "git cherry-pick --continue", "git cherry-pick --abort")),
    ("BISECT_LOG", ("a bisect", "git bisect reset", "git bisect reset")),
)


def _sequence_reverts(sequencer: Path) -> bool:
    """Whether a stopped multi-commit sequence is a revert (its todo lines say ``revert``)."""
    try:
        todo = (sequencer / "todo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return todo.lstrip().startswith("revert")


def _git_program() -> str:
    program = shutil.which("git")
    if program is None:
        raise GitProblem(
            _("git is not installed"),
            _("install git (e.g. apt-get install git), or run without --commit"),
        )
    return program


def run(
    cwd: Path, *args: str, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", **(env or {})}
    result = subprocess.run(
        [_git_program(), "-C", str(cwd), *args],
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
    )
    if check and result.returncode != 0:
        raise GitProblem(
            _("git {command} failed: {error}").format(command=args[0], error=result.stderr.strip()),
            _("fix the repository with git, then run the command again"),
        )
    return result


def work_tree(path: Path) -> Path | None:
    """The top folder of the git work tree holding ``path``, or None."""
    if shutil.which("git") is None:
        return None
    folder = path if path.is_dir() else path.parent
    while not folder.exists():
        folder = folder.parent
    result = run(folder, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        return None
    return Path(result.stdout.strip()).resolve()


@dataclass
class Repo:
    top: Path

    @classmethod
    def find(cls, path: Path) -> Repo:
        top = work_tree(path)
        if top is None:
            raise GitProblem(
                _("{path} is not inside a git repository").format(path=path),
                _("run `git init` there (or `protsoc init`), or leave out --commit"),
            )
        return cls(top)

    @classmethod
    def init(cls, folder: Path, branch: str | None = None) -> Repo:
        folder.mkdir(parents=True, exist_ok=True)
        run(folder, "init", "-q", *([f"--initial-branch={branch}"] if branch else []))
        return cls(folder.resolve())

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run(self.top, *args, check=check)

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.top).as_posix()

    # --- checks ------------------------------------------------------------------------------

    def identity(self) -> tuple[str, str]:
        name = (
            os.environ.get("GIT_AUTHOR_NAME")
            or self.git("config", "user.name", check=False).stdout.strip()
        )
        email = (
            os.environ.get("GIT_AUTHOR_EMAIL")
            or self.git("config", "user.email", check=False).stdout.strip()
        )
        if not name or not email:
            raise GitProblem(
                _("git does not know who you are (user.name and user.email are not set)"),
                _(
                    'run: git config --global user.name "Your Name" && '
                    "git config --global user.email you@example.org"
                ),
            )
        return name, email

    def branch(self) -> str | None:
        result = self.git("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
        return result.stdout.strip() if result.returncode == 0 else None

    def has_commits(self) -> bool:
        return self.git("rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode == 0

    def check_ready(self, paths: Sequence[Path]) -> None:
        """Refuse, before anything is written, every state in which the commit would be unsafe."""
        self.check_repository()
        self.check_paths(paths)

    def check_repository(self, new_branch: bool = False) -> None:
        """The repository-wide conditions (checked before the command even reads the registry)."""
        self.identity()
        # before the detached-HEAD check: a rebase or a bisect detaches HEAD, and saying which
        # operation is under way (and how to end it) is the useful message
        self.check_not_in_progress()
        if self.branch() is None and not new_branch:
            raise GitProblem(
                _("HEAD is detached (no branch is checked out)"),
                _("check out a branch first (git switch main), or give --branch NAME"),
            )
        conflicted = self.git("diff", "--name-only", "--diff-filter=U").stdout.split()
        if conflicted:
            raise GitProblem(
                _("the repository has unresolved conflicts: {files}").format(
                    files=", ".join(conflicted)
                ),
                _("resolve them and commit, then run the command again"),
            )
        staged = (
            self.git("diff", "--cached", "--name-only").stdout.split()
            if self.has_commits()
            else self.git("ls-files", "--cached").stdout.split()
        )
        if staged:
            raise GitProblem(
                _("other changes are already staged: {files}").format(files=", ".join(staged)),
                _(
                    "commit or unstage them first (git restore --staged FILE): protsoc commits "
                    "only "
                    "the files it changes"
                ),
            )

    def git_paths(self, *names: str) -> list[Path]:
        """Where git keeps each of ``names`` for this work tree (``git rev-parse --git-path``:
        per-worktree state such as MERGE_HEAD or index.lock is not always under ``.git/``)."""
        arguments = [argument for name in names for argument in ("--git-path", name)]
        lines = self.git("rev-parse", *arguments).stdout.splitlines()
        return [(self.top / line).resolve() for line in lines]

    def check_not_in_progress(self) -> None:
        """Refuse to commit in the middle of another git operation (its commit would take ours
        along, or ours would be lost when it is aborted), naming the commands that end it."""
        markers = [marker for marker, _operation in IN_PROGRESS] + ["index.lock"]
        *found, index_lock = self.git_paths(*markers)
        for path, (_marker, operation) in zip(found, IN_PROGRESS):
            if path.exists():
                what, finish, abort = operation
                if path.name == "sequencer" and _sequence_reverts(path):
                    what, finish, abort = "a revert", "git revert --continue", "git revert --abort"
                raise GitProblem(
                    _("the repository is in the middle of {what}").format(what=what),
                    _(
                        "finish it with `{finish}` or abort it with `{abort}`, then run the "
                        "command again"
                    ).format(finish=finish, abort=abort),
                )
        if index_lock.exists():
            raise GitProblem(
                _("git's index is locked: {path} exists").format(path=index_lock),
                _(
                    "another git command is running, or one was killed and left its lock; if no "
                    "git command is running, remove it: rm -f '{path}'"
                ).format(path=index_lock),
            )

    def check_paths(self, paths: Sequence[Path]) -> None:
        """The files to touch must hold no uncommitted work, which the commit would sweep in."""
        relative = [self.relative(path) for path in paths]
        dirty = self.git(
            "status", "--porcelain", "--untracked-files=all", "--", *relative
        ).stdout.splitlines()
        if dirty:
            raise dirty_refusal(self.top, [line[3:] for line in dirty])

    def check_new_branch(self, name: str) -> None:
        if self.git("check-ref-format", "--branch", name, check=False).returncode != 0:
            raise GitProblem(
                _("{name!r} is not a valid branch name").format(name=name),
                _("use letters, digits, '-', '/' (e.g. clerk/technical-2025-03-10)"),
            )
        if (
            self.git(
                "rev-parse", "--verify", "--quiet", f"refs/heads/{name}", check=False
            ).returncode
            == 0
        ):
            raise GitProblem(
                _("the branch {name} already exists").format(name=name),
                _("choose another name, or switch to it with git and run without --branch"),
            )

    # --- changes -----------------------------------------------------------------------------

    def create_branch(self, name: str) -> str:
        """Create and check out ``name``; returns what was checked out before (a branch or a
        commit)."""
        previous = self.branch() or self.git("rev-parse", "HEAD").stdout.strip()
        self.git("switch", "-q", "-c", name)
        return previous

    def drop_branch(self, name: str, back_to: str) -> None:
        """Undo ``create_branch`` after a failure: back to where the clerk was, the new branch
        gone."""
        is_branch = (
            self.git(
                "rev-parse", "--verify", "--quiet", f"refs/heads/{back_to}", check=False
            ).returncode
            == 0
        )
        self.git("switch", "-q", *(() if is_branch else ("--detach",)), back_to, check=False)
        self.git("branch", "-q", "-D", name, check=False)

    def commit(self, paths: Sequence[Path], message: str) -> str:
        relative = [self.relative(path) for path in paths]
        self.git("add", "--", *relative)
        try:
            self.git("commit", "-q", "-m", message, "--", *relative)
        except ProtsocError:
            self.git(
                "reset", "-q", "--", *relative, check=False
            ) if self.has_commits() else self.git(
                "rm", "-q", "--cached", "--", *relative, check=False
            )
            raise
        return self.git("rev-parse", "--short", "HEAD").stdout.strip()


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
