"""Consoles and the one place where exceptions become messages and exit codes."""

from __future__ import annotations

import errno
import functools
import os
import sys
import tempfile
import traceback
from typing import Any, Callable, TypeVar

import typer

from protsoc.kernel.errors import EXIT_BUG, EXIT_INTERRUPTED, EXIT_USAGE, ProtsocError

F = TypeVar("F", bound=Callable[..., Any])


def stdout() -> Any:
    import sys

    from rich.console import Console

    # Piped output (CI logs, files) gets a fixed 132-column layout instead of rich's 80.
    width = None if sys.stdout.isatty() else 132
    return Console(highlight=False, width=width)


def stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def guarded(function: F) -> F:
    """Run a command so that no traceback ever reaches the user.

    ProtsocError -> its message and hint, its exit code (1 invalid input, 2 usage/environment);
    Ctrl-C -> 130; anything else is a bug: a short message, the traceback in a log file, exit 3
    (the traceback is printed with PROTSOC_DEBUG=1).
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from protsoc.kernel import i18n
        from protsoc.kernel.i18n import _

        try:
            # Every command speaks the clerk's language from its first message: its --lang
            # (else `protsoc --lang`, cli/options.py), else $PROTSOC_LANG, else the locale. A
            # language protsoc does not speak is a usage error (exit 2), named as given.
            language = kwargs.get("lang")
            i18n.set_language(language if isinstance(language, str) else None)
            _refuse_undecodable(kwargs)
            return function(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except ProtsocError as error:
            console = stderr()
            error_label, hint_label = _("error:"), _("hint:")
            console.print(f"[bold red]{error_label}[/] {printable(error.message)}")
            if error.hint:
                console.print(f"[dim]{hint_label}[/] {printable(error.hint)}")
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            stderr().print(_("interrupted"))
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OSError as error:
            if error.errno not in _ENVIRONMENT_ERRNOS:
                return _bug()
            # The machine, not protsoc: a full disk, a file-size limit, a read-only folder.
            what = (
                _("cannot use {path}: {reason}") if error.filename else _("cannot go on: {reason}")
            ).format(path=error.filename, reason=error.strerror or str(error))
            stderr().print("[bold red]" + _("error:") + "[/] " + printable(what))
            raise typer.Exit(EXIT_USAGE) from None
        except Exception:
            return _bug()

    return wrapper  # type: ignore[return-value]


_ENVIRONMENT_ERRNOS = {
    errno.ENOSPC,
    errno.EFBIG,
    errno.EDQUOT,
    errno.EROFS,
    errno.EACCES,
    errno.EPERM,
    errno.EIO,
}


def _bug() -> None:
    """Anything else is a bug: a short message, the traceback in a log file, exit 3."""
    if os.environ.get("PROTSOC_DEBUG"):
        traceback.print_exc()
    from protsoc.kernel.i18n import _

    log = _write_bug_log()
    stderr().print(
        "[bold red]"
        + _("protsoc hit an internal error")
        + "[/] "
        + _(
            "(a bug, not your data). The details are in {log}; please attach that file when "
            "you report it."
        ).format(log=log)
    )
    raise typer.Exit(EXIT_BUG) from None


def _refuse_undecodable(arguments: dict[str, Any]) -> None:
    """Text arguments must be UTF-8: Python keeps other bytes as lone surrogates, which no file,
    terminal or git message can hold (writing one ended in exit 3). Paths are left alone: a file
    name may be any bytes."""
    from protsoc.kernel.errors import UsageError

    for name, value in arguments.items():
        for text in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(text, str) and not _is_utf8(text):
                raise UsageError(
                    f"the value given for `{name.replace('_', '-')}` is not valid UTF-8 text "
                    f"({text.encode('utf-8', 'backslashreplace').decode('ascii', 'replace')})",
                    "type it again in a UTF-8 terminal, or convert it (iconv -t UTF-8)",
                )


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(text: str) -> str:
    """Record text (or a message quoting it) for a rich console: control characters shown
    escaped, no line that CI would run (``kernel/safe_text``), and rich markup escaped, so that
    ``[link=…]`` or ``[/bold]`` in a record is printed, not interpreted."""
    from rich.markup import escape

    from protsoc.kernel.safe_text import terminal

    return escape(terminal(str(text), keep_newlines=True))


def _write_bug_log() -> str:
    from protsoc import __version__

    handle, name = tempfile.mkstemp(prefix="protsoc-bug-", suffix=".log")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(f"protsoc {__version__}, Python {sys.version}\nargs: {sys.argv}\n\n")
        stream.write(traceback.format_exc())
    return name
