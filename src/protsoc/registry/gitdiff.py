"""Git access for review commands: changed files, files at a revision, a file's log.

The git CLI is called through ``subprocess`` (one process per question, no repository object to
build): it is the fastest way for the few questions review asks, and it behaves exactly as the
user's own ``git`` does. Paths given to and returned by this module are relative to the
repository's top level, with forward slashes, as git prints them.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from protsoc.kernel.errors import EnvironmentProblem, UsageError

WORKTREE = None  # a "revision" of None means the working tree (files on disk)
_REGULAR_MODES = ("100644", "100755")  # git's modes of files; 120000 is a symbolic link


@dataclass(frozen=True)
class FileChange:
    """One changed file: status A (added), D (deleted), M (modified) or R (renamed)."""

    status: str
    old_path: str | None  # None when added
    new_path: str | None  # None when deleted

    @property
    def path(self) -> str:
        return self.new_path or self.old_path or ""


@dataclass(frozen=True)
class LogEntry:
    """One commit touching a file, with the file's path after that commit (renames followed)."""

    commit: str
    author: str
    email: str
    date: str
    subject: str
    status: str
    old_path: str | None
    path: str
    parent: str | None = None  # first parent (None for a root commit)


class Git:
    """The git repository holding a registry folder."""

    def __init__(self, registry_root: Path) -> None:
        self.registry_root = registry_root.resolve()
        top = self._run(
            ["rev-parse", "--show-toplevel"], cwd=self.registry_root, what="find the repository"
        )
        self.top = Path(top.decode("utf-8").strip()).resolve()
        self.prefix = self.registry_root.relative_to(self.top).as_posix()
        if self.prefix == ".":
            self.prefix = ""

    # --- running git ----------------------------------------------------------------------

    def _run(
        self,
        args: list[str],
        cwd: Path | None = None,
        what: str = "run git",
        allow_fail: bool = False,
    ) -> bytes:
        env = dict(os.environ, GIT_PAGER="cat", LC_ALL="C", GIT_OPTIONAL_LOCKS="0")
        try:
            completed = subprocess.run(
                ["git", *args], cwd=cwd or self.top, capture_output=True, env=env, check=False
            )
        except FileNotFoundError:
            raise EnvironmentProblem(
                "git is not installed (or not on PATH)",
                "install git: review commands read the registry's history",
            ) from None
        if completed.returncode != 0:
            if allow_fail:
                return b""
            message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = message[-1] if message else f"exit code {completed.returncode}"
            if "not a git repository" in reason:
                raise EnvironmentProblem(
                    f"the registry at {cwd or self.top} is not inside a git repository",
                    "review commands compare versions of the registry: run `git init` and commit "
                    "it first",
                )
            raise EnvironmentProblem(
                f"git could not {what}: {reason}",
                "check the revision names and that the repository is not corrupt",
            )
        return completed.stdout

    # --- revisions ------------------------------------------------------------------------

    def resolve(self, rev: str) -> str:
        """The commit id of ``rev``, or a usage error naming it."""
        if rev.startswith("-"):
            raise UsageError(
                f"{rev!r} is not a revision", "give a branch, tag or commit, e.g. main or HEAD~1"
            )
        out = self._run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
            allow_fail=True,
        )
        if not out.strip():
            raise UsageError(
                f"unknown revision {rev!r}",
                "give a branch, tag or commit of this repository (see `git log --oneline`); "
                "in CI, fetch the base branch first (actions/checkout with fetch-depth: 0)",
            )
        return out.decode().strip()

    def default_base(self) -> str:
        """Merge-base of HEAD with the default branch (what a pull request is compared with)."""
        candidates: list[str] = []
        github_base = os.environ.get("GITHUB_BASE_REF")
        if github_base:
            candidates.append(f"origin/{github_base}")
        origin_head = (
            self._run(
                ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], allow_fail=True
            )
            .decode()
            .strip()
        )
        if origin_head:
            candidates.append(origin_head)
        candidates += ["origin/main", "origin/master", "main", "master"]
        for candidate in candidates:
            out = self._run(["merge-base", "HEAD", candidate], allow_fail=True).strip()
            if out:
                return out.decode()
        raise UsageError(
            "cannot tell which branch this change is compared with",
            "give the base revision explicitly, e.g. `protsoc diff main` or "
            "`--changed-since origin/main` (no main/master branch and no origin/HEAD found)",
        )

    def merge_base(self, rev: str) -> str:
        """The merge base of ``rev`` and HEAD: what ``git diff REV...HEAD`` compares with, so a
        branch name covers every commit of a pull request, not only its last one."""
        commit = self.resolve(rev)
        out = self._run(["merge-base", commit, "HEAD"], allow_fail=True).strip()
        if not out:
            raise UsageError(
                f"{rev!r} and HEAD have no common ancestor",
                "give a revision of this branch's history, e.g. the pull request's base branch",
            )
        return out.decode()

    def commits_between(self, base: str) -> list[str]:
        """The commits of HEAD that are not in ``base``'s history (``git rev-list base..HEAD``)."""
        out = self._run(["rev-list", f"{base}..HEAD"], what="list the commits since the base")
        return out.decode().split()

    def first_parent_file_history(self, folder: str) -> dict[str, list[tuple[str, bool]]]:
        """Per file under ``folder``: (commit, file present after it), oldest first, for every
        commit of HEAD's first-parent history that changed the file (a merge counts as the
        change it brings to its first parent)."""
        out = self._run(
            [
                "log",
                "--first-parent",
                "-m",
                "--reverse",
                "--no-renames",
                "--raw",
                "--no-abbrev",
                "-z",
                "--format=%x01%H",
                "--",
                folder or ".",
            ],
            allow_fail=True,  # a repository without commits has no history
        )
        history: dict[str, list[tuple[str, bool]]] = {}
        for block in out.decode("utf-8", "surrogateescape").split("\x01")[1:]:
            # with -z: the commit id, NUL, then per file ":modes blobs status" NUL path NUL
            commit, _, rest = block.partition("\0")
            fields = [field.strip("\n") for field in rest.split("\0") if field.strip("\n")]
            for meta, path in zip(fields[0::2], fields[1::2]):
                status = meta.split()[-1] if meta.split() else "M"
                history.setdefault(path, []).append((commit.strip(), not status.startswith("D")))
        return history

    # --- changes ------------------------------------------------------------------------------

    def changes(self, base: str, head: str | None = WORKTREE) -> list[FileChange]:
        """Files under the registry changed from ``base`` to ``head`` (None: the working tree,
        including files not yet added to git), renames detected."""
        args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", base]
        if head is not None:
            args.append(head)
        args += ["--", self.prefix or "."]
        fields = self._run(args, what=f"compare with {base}").decode("utf-8").split("\0")
        changes: list[FileChange] = []
        index = 0
        while index < len(fields) and fields[index]:
            status = fields[index][0]
            if status in "RC":
                old, new = fields[index + 1], fields[index + 2]
                index += 3
                changes.append(
                    FileChange("R", old, new) if status == "R" else FileChange("A", None, new)
                )
                continue
            path = fields[index + 1]
            index += 2
            if status == "A":
                changes.append(FileChange("A", None, path))
            elif status == "D":
                changes.append(FileChange("D", path, None))
            else:  # M, T (type change), U (unmerged)
                changes.append(FileChange("M", path, path))
        if head is None:
            untracked = self._run(
                ["ls-files", "-z", "--others", "--exclude-standard", "--", self.prefix or "."]
            )
            for path in untracked.decode("utf-8").split("\0"):
                if path:
                    changes.append(FileChange("A", None, path))
        return sorted(changes, key=lambda c: c.path)

    def blobs(self, rev: str) -> dict[str, str]:
        """Registry-relative path -> git blob id of every file of the registry at ``rev``."""
        out = self._run(
            ["ls-tree", "-r", "-z", "--full-tree", rev, "--", self.prefix or "."],
            what=f"list the files of {rev}",
        )
        found = {}
        for line in out.decode("utf-8", "surrogateescape").split("\0"):
            meta, _, path = line.partition("\t")
            parts = meta.split()
            rel = self.registry_relative(path) if len(parts) == 3 and parts[1] == "blob" else None
            if rel and parts[0] in _REGULAR_MODES:  # a symbolic link's blob is its target's name
                found[rel] = parts[2]
        return found

    def special_in_index(self) -> dict[str, str]:
        """Registry-relative path -> git mode of every staged file that is no regular file (a
        symbolic link, 120000): with ``core.symlinks=false`` it is checked out as a plain file
        holding the target's name, and only git still says what it is."""
        out = self._run(
            ["ls-files", "-s", "-z", "--", self.prefix or "."], what="list the staged files"
        )
        found = {}
        for line in out.decode("utf-8", "surrogateescape").split("\0"):
            meta, _, path = line.partition("\t")
            parts = meta.split()
            rel = self.registry_relative(path) if len(parts) == 3 else None
            if rel and parts[0] not in _REGULAR_MODES:
                found[rel] = parts[0]
        return found

    def read(self, rev: str | None, path: str) -> bytes | None:
        """A file's bytes at ``rev`` (None: on disk), or None when it does not exist there."""
        if rev is None:
            from protsoc.registry.files import RecordFileProblem, read_record_bytes

            try:
                return read_record_bytes(self.top / path)
            except RecordFileProblem:  # absent, or no regular file: nothing protsoc reads
                return None
        out = subprocess.run(
            ["git", "cat-file", "blob", f"{rev}:{path}"],
            cwd=self.top,
            capture_output=True,
            check=False,
        )
        return out.stdout if out.returncode == 0 else None

    def read_many(self, rev: str | None, paths: list[str]) -> dict[str, bytes | None]:
        """Many files at ``rev`` with one ``git cat-file --batch`` process (None: absent)."""
        if rev is None or len(paths) < 2:
            return {path: self.read(rev, path) for path in paths}
        return dict(zip(paths, self.read_objects([(rev, path) for path in paths])))

    def read_objects(self, wanted: list[tuple[str, str]]) -> list[bytes | None]:
        """Files given as (revision, path) pairs, read by one ``git cat-file --batch``."""
        if not wanted:
            return []
        request = "".join(f"{rev}:{path}\n" for rev, path in wanted).encode("utf-8")
        completed = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=self.top,
            input=request,
            capture_output=True,
            check=False,
        )
        out, position = completed.stdout, 0
        found: list[bytes | None] = []
        for _ in wanted:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            position = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                found.append(out[position : position + size])
                position += size + 1
            else:  # "<object> missing", or not a file (a tree, a submodule)
                if len(header) == 3:
                    position += int(header[2]) + 1
                found.append(None)
        return found

    def registry_relative(self, path: str) -> str | None:
        """``registry/committees/x.yaml`` -> ``committees/x.yaml`` (None when outside the
        registry)."""
        if not self.prefix:
            return path
        if path.startswith(self.prefix + "/"):
            return path[len(self.prefix) + 1 :]
        return None

    def repo_path(self, registry_rel: str) -> str:
        return f"{self.prefix}/{registry_rel}" if self.prefix else registry_rel

    # --- history --------------------------------------------------------------------------------

    def log_follow(self, path: str) -> list[LogEntry]:
        """Every commit that touched ``path`` (following renames), newest first."""
        out = self._run(
            [
                "log",
                "--follow",
                "-M",
                "--no-color",
                "--name-status",
                "-z",
                "--format=%x01%H%x1f%an%x1f%ae%x1f%aI%x1f%P%x1f%s",
                "--",
                path,
            ],
            what=f"read the history of {path}",
        )
        entries: list[LogEntry] = []
        for block in out.decode("utf-8", "replace").split("\x01")[1:]:
            # with -z: header NUL, then (after a newline) status NUL path [NUL new path] NUL
            header, *rest = block.split("\0")
            commit, author, email, date, parents, subject = (header.split("\x1f", 5) + [""] * 6)[:6]
            fields = [f.strip("\n") for f in rest if f.strip("\n")]
            status, old_path, new_path = "M", None, path
            if fields:
                code = fields[0][0]
                if code in "RC" and len(fields) >= 3:
                    status, old_path, new_path = "R", fields[1], fields[2]
                elif len(fields) >= 2:
                    status, new_path = code, fields[1]
                    old_path = new_path if code in "MT" else None
            entries.append(
                LogEntry(
                    commit,
                    author,
                    email,
                    date,
                    subject,
                    status,
                    old_path,
                    new_path,
                    parents.split()[0] if parents.split() else None,
                )
            )
        return entries

    def path_exists_in_history(self, path: str) -> bool:
        return bool(
            self._run(["log", "-1", "--format=%H", "--all", "--", path], allow_fail=True).strip()
        )
