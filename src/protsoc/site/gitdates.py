"""«آخر تحديث»: the day of the last commit that touched each record file.

One ``git log --name-only`` over the registry folder gives every file's last commit in a single
process (a ``git log -1 -- <path>`` per record is one process per record: minutes for a large
registry). Outside a git work tree, or with git missing, there is no such date and pages say
nothing rather than something false.
"""

from __future__ import annotations

from pathlib import Path

from protsoc.registry import gitrepo


def last_commit_days(registry_root: Path) -> dict[Path, str]:
    """Resolved file path -> ISO day (``%cs``) of the latest commit touching it."""
    top = gitrepo.work_tree(registry_root)
    if top is None:
        return {}
    result = gitrepo.run(
        top,
        "log",
        "--format=%x00%cs",
        "--name-only",
        "--no-renames",
        "-z",
        "--",
        str(registry_root.resolve()),
        check=False,
    )
    if result.returncode != 0:  # e.g. a repository without any commit yet
        return {}
    found: dict[Path, str] = {}
    day = ""
    # With -z, each commit is "\0<day>\n" then its file names, each ended by "\0".
    for field in result.stdout.split("\0"):
        field = field.strip("\n")
        if not field:
            continue
        if len(field) == 10 and field[4] == "-" and field[7] == "-" and field[:4].isdigit():
            day = field
            continue
        if "\n" in field:  # "<day>\n<first file>" when git joins them
            head, _, rest = field.partition("\n")
            day, field = head, rest
        if day:
            found.setdefault((top / field).resolve(), day)
    return found
