"""Domain exceptions.

Every failure a user can cause is a ``ProtsocError`` carrying a message, a hint saying what to
do next, and the exit code the CLI must use. The CLI turns them into output in one place
(``protsoc.cli.main``); the library never prints.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130


class ProtsocError(Exception):
    """A failure the user can act on."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(ProtsocError):
    """The command was called wrongly (bad option value, unknown id...)."""

    exit_code = EXIT_USAGE


class EnvironmentProblem(ProtsocError):
    """Something outside the registry is missing: no registry found, a missing tool..."""

    exit_code = EXIT_USAGE


class RegistryNotFound(EnvironmentProblem):
    pass


class InvalidRecord(ProtsocError):
    """A record cannot be read or would make the registry invalid."""

    exit_code = EXIT_INVALID
