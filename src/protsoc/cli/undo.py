"""protsoc undo: take back protsoc's last commit, by a commit that says what was undone."""

from __future__ import annotations

from protsoc.cli.clerk import registry_root, start
from protsoc.cli.options import LangOption, RegistryOption


def undo(lang: LangOption = None, registry: RegistryOption = None) -> None:
    """The revert is a commit of its own that says what was undone; anything else (a commit made
    by hand, a dirty tree, a step that is not HEAD) is refused with the reason."""
    from protsoc.clerk import undo as undoing
    from protsoc.cli.output import printable, stdout
    from protsoc.kernel.i18n import _

    start(lang)
    done = undoing.undo(registry_root(registry))
    console = stdout()
    console.print(
        printable(
            _("undone: {subject} ({sha}); files restored: {files}").format(
                subject=done.subject, sha=done.undone_sha, files=", ".join(done.files)
            )
        )
    )
    console.print(
        printable(_("committed {sha}: {message}").format(sha=done.sha, message=done.message))
    )
