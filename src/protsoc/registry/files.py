"""The one way protsoc reads a registry file: a regular file, never more than the size limit.

Registry files arrive in pull requests. Reading them with ``Path.read_bytes`` follows a symbolic
link to ``/etc/shadow`` (whose lines then reach validation messages and CI annotations), waits
forever on a named pipe called ``x.yaml``, and reads ``/dev/zero`` or a 3 GB sparse file into
memory until the kernel kills the process. So every reader of record files goes through
``read_record_bytes``: it opens without following a symbolic link and without blocking, refuses
anything that is not a regular file before reading a byte of it, and never reads more than
``MAX_FILE_BYTES`` + 1 bytes, whatever size the file claims.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from protsoc.kernel.i18n import _

# The same limit as yamlio's (which sits above the import cost a warm run avoids): one place.
MAX_FILE_BYTES = 1024 * 1024

NOT_REGULAR = "file-not-regular"
UNREADABLE = "file-unreadable"
TOO_LARGE = "yaml-too-large"

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)  # opening a named pipe must not wait for a writer
    | getattr(os, "O_CLOEXEC", 0)
)


class RecordFileProblem(Exception):
    """A record file that is not read: ``rule`` is its finding's rule id."""

    def __init__(self, rule: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.hint = hint


def read_record_bytes(path: Path | str) -> bytes:
    """The bytes of a registry file; ``RecordFileProblem`` if it is not a regular file, is over
    the size limit, or cannot be read."""
    try:
        handle = os.open(path, _FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP or os.path.islink(path):
            raise _not_regular(_("a symbolic link")) from None
        raise _unreadable(error) from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(_kind_words(status.st_mode))
        if status.st_size > MAX_FILE_BYTES:
            raise too_large(status.st_size)
        parts = []
        left = MAX_FILE_BYTES + 1  # one byte more than allowed tells a file that grew meanwhile
        while left > 0:
            part = os.read(handle, left)
            if not part:
                break
            parts.append(part)
            left -= len(part)
    except OSError as error:
        raise _unreadable(error) from None
    finally:
        os.close(handle)
    raw = b"".join(parts)
    if len(raw) > MAX_FILE_BYTES:
        raise too_large(len(raw), more=True)
    return raw


def too_large(size: int, more: bool = False) -> RecordFileProblem:
    return RecordFileProblem(
        TOO_LARGE,
        (
            _("the file is more than {size} bytes; a registry record may be at most {limit} bytes")
            if more
            else _("the file is {size} bytes; a registry record may be at most {limit} bytes")
        ).format(size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"),
        _("split the record, or check that the file is really a registry record"),
    )


def _not_regular(what: str) -> RecordFileProblem:
    return RecordFileProblem(
        NOT_REGULAR,
        _("the file is {what}, not a regular file; protsoc does not read it").format(what=what),
        _("registry records are plain files: replace it by a copy of the record, or delete it"),
    )


def _unreadable(error: OSError) -> RecordFileProblem:
    return RecordFileProblem(
        UNREADABLE,
        _("cannot read the file: {reason}").format(reason=error.strerror or error),
        _("check the file's permissions"),
    )


def _kind_words(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISDIR(mode):
        return _("a folder")
    return _("not a regular file")


def git_mode_problem(mode: str) -> RecordFileProblem | None:
    """A git tree entry's mode that is no regular file (120000: a symbolic link; 160000: a
    submodule), as the problem the file on disk would be; None for a regular file."""
    if mode in ("100644", "100755"):
        return None
    return _not_regular(_("a symbolic link") if mode == "120000" else _("not a file in git"))
