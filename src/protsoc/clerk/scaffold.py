"""`protsoc init`: a new registry repository, ready for a clerk.

The committees are not written from code: they are copied byte for byte from the registry
shipped with protsoc (``resources.shipped_registry()``), whose every fact cites its source. The
new tree is first built in a staging folder next to the target and validated there; only a
valid tree is moved into place, and the first commit holds exactly the files ``init`` wrote.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.kernel.i18n import _
from protsoc.registry.layout import MANIFEST

README = """\
# Registry of the governance of the social-protection reform

This repository is kept with [protsoc](https://pypi.org/project/protsoc/). The records are YAML
files under `registry/`; never edit them by hand when a command exists: protsoc checks every
change against the whole registry before writing it, and commits exactly the files it touched.

## The clerk's everyday commands

```sh
protsoc add meeting technical --date 2025-03-10 --place "الرباط" --commit
protsoc add agenda-item technical/2025-03-10 "…" --priority 1 --commit
protsoc add attendance technical/2025-03-10 sg-interior sg-health --status present --commit
protsoc add decision technical/2025-03-10 "…" --owner sg-health --due 2025-06-30 --commit
protsoc add action technical/2025-03-10/d1 --title "…" --commit
protsoc approve technical/2025-03-10 --by sg-interior --commit
protsoc list meetings --committee technical
protsoc show technical/2025-03-10
protsoc validate
```

Run a command without its options on a terminal and it asks for what is missing. Messages and
prompts speak Arabic, French or English (`--lang ar|fr|en` or `PROTSOC_LANG`). Add
`--branch NAME` to work on a branch and open a pull request; the CI workflow in
`.github/workflows/validate.yml` checks every pull request with `protsoc validate --format github`,
and `.github/workflows/site.yml` publishes the national dashboard (`protsoc site`) on GitHub Pages.

Every entry cites its source: give `--source "…"` (the minutes' reference, the convocation…);
without it protsoc records who typed the entry and when.
"""

WORKFLOW = """\
# Checks every pull request (and main) with protsoc validate and verifies every seal against
# history; findings appear as annotations. Read-only: it runs on the pull request's files.
name: validate
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
env:
  # Where pip gets protsoc: set it to your organisation's source of protsoc, pinned to a version
  # (a package index name, or git+https://<your forge>/<protsoc repository>@<tag>).
  PROTSOC: "protsoc"
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # verify-seals reads each sealed record's history
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: python -m pip install "$PROTSOC"
      # protsoc's cache is keyed by file content: a restored one only saves time
      - uses: actions/cache@v4
        with:
          path: ~/.cache/protsoc
          key: protsoc-${{ runner.os }}-${{ github.sha }}
          restore-keys: protsoc-${{ runner.os }}-
      - run: protsoc validate --format github
      - run: protsoc verify-seals --format github
        if: always()
"""

SITE_WORKFLOW = """\
# Publishes the national dashboard (protsoc site) on GitHub Pages from the default branch.
# Settings > Pages > Source: GitHub Actions. An invalid registry publishes nothing.
name: site

on:
  push:
  schedule:
    - cron: "30 5 * * *" # 05:30 UTC (06:30 in Morocco)
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # Where pip gets protsoc: a released version, or the project's repository (pin a tag).
  PROTSOC: "protsoc"
  PYTHONIOENCODING: utf-8

jobs:
  build:
    if: github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: The Amiri font (bundled into the site with its licence)
        run: sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends \
fonts-hosny-amiri
      - run: python -m pip install "$PROTSOC"
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build the site
        run: protsoc site -o public --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

PRE_COMMIT = """\
# pre-commit install  # then every commit is checked by protsoc validate
repos:
  - repo: local
    hooks:
      - id: protsoc-validate
        name: protsoc validate
        entry: protsoc validate
        language: system
        files: ^registry/
        pass_filenames: false
"""

LAYOUT_FOLDERS = (
    "committees",
    "meetings",
    "roadmap/actions",
    "roadmap/indicators",
    "roadmap/evaluations",
)


@dataclass
class InitResult:
    directory: Path
    repository: Path
    created_repository: bool
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    committees: int = 0
    commit: str | None = None


def init(directory: Path, empty: bool = False, today: dt.date | None = None) -> InitResult:
    from protsoc.kernel.resources import data_dir, schema_dir
    from protsoc.registry import gitrepo
    from protsoc.validate.pipeline import validate

    directory = directory.expanduser().resolve()
    for existing in (directory / "registry" / MANIFEST, directory / MANIFEST):
        if existing.exists():
            raise UsageError(
                _("{path} already holds a registry").format(path=existing.parent),
                _("init never overwrites a registry; use protsoc add/set to change it"),
            )
    if directory.exists() and not directory.is_dir():
        raise UsageError(_("{path} is a file, not a folder").format(path=directory), None)
    top = gitrepo.work_tree(directory)
    repo = gitrepo.Repo(top) if top is not None else None
    probe = gitrepo.Repo(_existing_ancestor(directory))
    probe.identity()  # the first commit needs one: refuse before writing anything
    if repo is not None:
        if repo.branch() is None:
            raise gitrepo.GitProblem(
                _("HEAD is detached (no branch is checked out)"), _("check out a branch first")
            )
        staged = (
            repo.git("diff", "--cached", "--name-only").stdout.split() if repo.has_commits() else []
        )
        if staged:
            raise gitrepo.GitProblem(
                _("other changes are already staged: {files}").format(files=", ".join(staged)),
                _("commit or unstage them first: init commits only its own files"),
            )
    repository = top or directory
    shipped = data_dir("registry")

    plan: dict[Path, bytes] = {}  # path relative to `directory` -> content
    plan[Path("registry") / MANIFEST] = (shipped / MANIFEST).read_bytes()
    committees = 0
    if not empty:
        for path in sorted((shipped / "committees").glob("*.yaml")):
            plan[Path("registry/committees") / path.name] = path.read_bytes()
            committees += 1
    for folder in LAYOUT_FOLDERS:
        if not any(rel.parent == Path("registry") / folder for rel in plan):
            plan[Path("registry") / folder / ".gitkeep"] = b""
    for path in sorted(schema_dir().glob("*.schema.json")):
        plan[Path("schemas") / path.name] = path.read_bytes()
    extras = {Path("README.md"): README}
    top_relative = (
        Path(os.path.relpath(repository, directory)) if repository != directory else Path()
    )
    extras[top_relative / ".github/workflows/validate.yml"] = WORKFLOW
    extras[top_relative / ".github/workflows/site.yml"] = SITE_WORKFLOW
    extras[top_relative / ".pre-commit-config.yaml"] = PRE_COMMIT
    result = InitResult(directory, repository, top is None, committees=committees)
    for extra, words in extras.items():
        if (directory / extra).exists():
            result.skipped.append(directory / extra)
        else:
            plan[extra] = words.encode("utf-8")
    for rel in plan:
        if (directory / rel).exists():
            raise UsageError(
                _("{path} already exists").format(path=directory / rel),
                _("init never overwrites files; choose an empty folder"),
            )

    staging_parent = _existing_ancestor(directory)
    staging = Path(tempfile.mkdtemp(prefix=".protsoc-init-", dir=staging_parent))
    moved: list[Path] = []
    created_dirs: list[Path] = []
    try:
        for rel, content in plan.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        checked = validate(staging / "registry", today=today)
        if checked.errors:
            details = "; ".join(f"{f.path}:{f.line}: {f.message}" for f in checked.errors[:5])
            raise InvalidRecord(
                _("the registry shipped with protsoc does not validate: {details}").format(
                    details=details
                ),
                _("nothing was written; please report this bug"),
            )
        for rel in plan:
            target = directory / rel
            missing = [parent for parent in reversed(target.parents) if not parent.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            created_dirs.extend(missing)
            os.replace(staging / rel, target)
            moved.append(target)
        if repo is None:
            repo = gitrepo.Repo.init(directory)
            result.created_repository = True
        paths = [directory / rel for rel in plan]
        what = (
            _("the six committees of the circular")
            if committees == 6
            else (_("no committees") if committees == 0 else f"{committees} committees")
        )
        result.commit = repo.commit(paths, f"registry: init ({what})")
        result.files = paths
    except BaseException:
        for done in moved:
            done.unlink(missing_ok=True)
        for created in reversed(created_dirs):
            with _ignore():
                created.rmdir()
        if result.created_repository and repo is not None:
            shutil.rmtree(directory / ".git", ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _existing_ancestor(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


class _ignore:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True
