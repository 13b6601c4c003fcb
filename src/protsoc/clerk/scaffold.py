"""`protsoc init`: a new registry repository, ready for a clerk.

The committees are not written from code: they are copied byte for byte from the registry
shipped with protsoc (``resources.shipped_registry()``), whose every fact cites its source. The
new tree is first built in a staging folder next to the target and validated there; only a
valid tree is moved into place, and the first commit holds exactly the files ``init`` wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protsoc.kernel.errors import InvalidRecord, UsageError
from protsoc.kernel.i18n import _, ngettext
from protsoc.registry.layout import MANIFEST

README = """\
# Registry of the governance of the social-protection reform

This repository is kept with protsoc, installed from the source `PROTSOC` names in
`.github/workflows/validate.yml`; a clerk's computer installs the same with
`python -m pip install "<that source>"`. The records are YAML files under `registry/`; never
edit them by hand when a command exists: protsoc checks every change against the whole registry
before writing it, and commits exactly the files it touched.

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
    branches: [{branch}]
permissions:
  contents: read
env:
  # Where pip gets protsoc (the core: validating needs neither WeasyPrint nor matplotlib).
  # {justification}
  PROTSOC: {install}
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
          key: protsoc-${{{{ runner.os }}}}-${{{{ github.sha }}}}
          restore-keys: protsoc-${{{{ runner.os }}}}-
      - run: protsoc validate --format github
      - run: protsoc verify-seals --format github
        if: always()
      - run: protsoc codeowners --check
        if: always()
      # fails when a committee is in breach of its meeting rule (judged from {tracking_start})
      - run: protsoc cadence
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
  # Where pip gets protsoc, with the `documents` extra the site's charts need.
  # {justification}
  PROTSOC: {install_documents}
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
      - run: python -m pip install "${{PROTSOC:?set env.PROTSOC to the pinned protsoc source}}"
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build the site
        run: protsoc site -o public --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

PRE_COMMIT = """\
# pre-commit install  # then every commit is checked by protsoc validate
# pre-commit installs protsoc itself (language: python), from the same source as CI, into its own
# environment: a commit from a shell without protsoc on PATH is checked all the same.
repos:
  - repo: local
    hooks:
      - id: protsoc-validate
        name: protsoc validate
        entry: protsoc validate
        language: python
        additional_dependencies: [{install}]
        files: ^{prefix}registry/
        pass_filenames: false
        require_serial: true
"""

ROADMAP = """\
# The reform's roadmap: its axes, their indicators (indicators/), actions (actions/) and
# evaluations (evaluations/). Add the axes as the Steering Committee adopts them; every fact cites
# its source (schemas/roadmap.schema.json).
title:
  ar: خارطة طريق إصلاح وحكامة منظومة الحماية الاجتماعية
  en: Roadmap of the reform and governance of the social-protection system
owner: {owner}
axes: []
sources:
- document: {document}
  note: {note}
"""

LAYOUT_FOLDERS = (
    "committees",
    "meetings",
    "roadmap/actions",
    "roadmap/indicators",
    "roadmap/evaluations",
)


@dataclass(frozen=True)
class InstallSource:
    """What pip installs protsoc from in CI and in the pre-commit hook, and why that is right."""

    requirement: str
    justification: str

    def with_extra(self, extra: str) -> str:
        """The source with an extra: ``protsoc[documents]==1.0``, ``protsoc[documents] @ …``."""
        match = re.fullmatch(r"\s*protsoc\s*(\[[^\]]*\])?\s*(.*)", self.requirement, re.S)
        if match is None:  # a bare URL: pip needs the name to attach an extra
            return f"protsoc[{extra}] @ {self.requirement.strip()}"
        rest = match.group(2)
        return f"protsoc[{extra}]" + (f" {rest}" if rest.startswith("@") else rest)


def install_source(distribution: Any = None) -> InstallSource:
    """The exact requirement of the protsoc that runs, when it can be known.

    From the installed distribution: a VCS checkout pinned to its commit, or the archive/wheel URL
    it came from (PEP 610 ``direct_url.json``); without one it came from a package index, and the
    version pins it. A local folder (an editable or ``pip install .`` install) names nothing that
    CI could fetch: then the caller must say where protsoc comes from (``--install``).
    """
    import importlib.metadata

    if distribution is None:
        try:
            distribution = importlib.metadata.distribution("protsoc")
        except importlib.metadata.PackageNotFoundError:
            raise _unknown_source(_("protsoc is not installed as a distribution")) from None
    version = distribution.version
    text = distribution.read_text("direct_url.json")
    if not text:
        return InstallSource(
            f"protsoc=={version}",
            f"protsoc {version} as installed here, from a package index (configure pip's index "
            "in CI if it is not pypi.org: PIP_INDEX_URL)",
        )
    try:
        direct = json.loads(text)
        url = direct["url"]
    except (ValueError, KeyError, TypeError):
        raise _unknown_source(_("its direct_url.json cannot be read")) from None
    subdirectory = direct.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if subdirectory else ""
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        return InstallSource(
            f"protsoc @ {vcs['vcs']}+{url}@{vcs['commit_id']}{fragment}",
            f"protsoc {version} as installed here, from {vcs['vcs']} at commit {vcs['commit_id']}",
        )
    if isinstance(direct.get("archive_info"), dict):
        return InstallSource(
            f"protsoc @ {url}{fragment}",
            f"protsoc {version} as installed here, from the archive it was installed from",
        )
    raise _unknown_source(
        _("it was installed from the local folder {url}, which CI cannot fetch").format(url=url)
    )


def _unknown_source(why: str) -> UsageError:
    return UsageError(
        _("cannot tell where CI should install protsoc from: {why}").format(why=why),
        _(
            "give it: --install 'protsoc==VERSION' (a package index) or "
            "--install 'protsoc @ git+https://FORGE/protsoc.git@COMMIT'"
        ),
    )


def checked_install(spec: str) -> InstallSource:
    """An install line given by the user (``--install``): one line, no quoting surprises."""
    if not spec.strip() or any(ch in spec for ch in "\n\r\"'`$"):
        raise UsageError(
            _("--install takes one pip requirement, without quotes or $: {spec!r}").format(
                spec=spec
            ),
            None,
        )
    return InstallSource(spec.strip(), "given to protsoc init --install")


@dataclass
class InitResult:
    directory: Path
    repository: Path
    created_repository: bool
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    committees: int = 0
    commit: str | None = None
    branch: str = "main"
    install: InstallSource | None = None
    tracking_start: dt.date | None = None


def init(
    directory: Path,
    empty: bool = False,
    today: dt.date | None = None,
    install: InstallSource | None = None,
    tracking_start: dt.date | None = None,
) -> InitResult:
    """Write and commit a new registry repository under ``directory``.

    ``install`` is where CI and the pre-commit hook get protsoc (default: the exact source of the
    protsoc that runs, or a UsageError when it cannot be known). ``tracking_start`` is the first
    day cadence is judged (default: today), so the new repository passes its own checks.
    """
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
    install = install or install_source()
    start = tracking_start or today or dt.date.today()
    branch = (repo.branch() if repo is not None else None) or _default_branch(probe)

    plan: dict[Path, bytes] = {}  # path relative to `directory` -> content
    plan[Path("registry") / MANIFEST] = (
        _modeline("registry", 1) + _new_manifest((shipped / MANIFEST).read_text("utf-8"), start)
    ).encode("utf-8")
    committees = 0
    if not empty:
        for path in sorted((shipped / "committees").glob("*.yaml")):
            plan[Path("registry/committees") / path.name] = (
                _modeline("committee", 2).encode("utf-8") + path.read_bytes()
            )
            committees += 1
        # the roadmap's owner is the Steering Committee: without committees there is no owner yet
        plan[Path("registry/roadmap/roadmap.yaml")] = (
            _modeline("roadmap", 2)
            + ROADMAP.format(
                owner="steering",
                document=json.dumps(CIRCULAR, ensure_ascii=False),
                note=json.dumps(
                    "The Steering Committee draws up the roadmap (part I of the circular).",
                    ensure_ascii=False,
                ),
            )
        ).encode("utf-8")
    for folder in LAYOUT_FOLDERS:
        if not any(rel.parent == Path("registry") / folder for rel in plan):
            plan[Path("registry") / folder / ".gitkeep"] = b""
    for path in sorted(schema_dir().glob("*.schema.json")):
        plan[Path("schemas") / path.name] = path.read_bytes()
    extras = {Path("README.md"): README}
    top_relative = (
        Path(os.path.relpath(repository, directory)) if repository != directory else Path()
    )
    quoted = json.dumps(install.requirement)  # a YAML double-quoted string
    extras[top_relative / ".github/workflows/validate.yml"] = WORKFLOW.format(
        branch=branch,
        install=quoted,
        justification=install.justification,
        tracking_start=start.isoformat(),
    )
    extras[top_relative / ".github/workflows/site.yml"] = SITE_WORKFLOW.format(
        install_documents=json.dumps(install.with_extra("documents")),
        justification=install.justification,
    )
    prefix = "" if repository == directory else directory.relative_to(repository).as_posix() + "/"
    extras[top_relative / ".pre-commit-config.yaml"] = PRE_COMMIT.format(
        install=quoted, prefix=re.escape(prefix)
    )
    result = InitResult(
        directory,
        repository,
        top is None,
        committees=committees,
        branch=branch,
        install=install,
        tracking_start=start,
    )
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
            repo = gitrepo.Repo.init(directory, branch)
            result.created_repository = True
        paths = [directory / rel for rel in plan]
        what = (
            _("the six committees of the circular")
            if committees == 6
            else (
                _("no committees")
                if committees == 0
                else ngettext("{count} committee", "{count} committees", committees).format(
                    count=committees
                )
            )
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


# How the shipped committees cite the circular (a document of protsoc's own sources).
CIRCULAR = "seeds/001_966c0b29bf8d288b.txt"


def _modeline(kind: str, depth: int) -> str:
    """The schema modeline of a file ``depth`` folders below the repository's schemas/ sibling."""
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json\n"


def _new_manifest(shipped: str, start: dt.date) -> str:
    """The shipped manifest with this repository's tracking start and comments that resolve here."""
    lines = shipped.splitlines(keepends=True)
    kept: list[str] = [
        "# The registry's manifest (schemas/registry.schema.json). The sources' `seeds/…`\n",
        "# names are the texts of the 2018 circular as protsoc's own registry catalogues them.\n",
    ]
    skipping = False
    for line in lines:
        if line.startswith("# The registry's manifest"):
            continue
        if line.startswith(("tracking_start:", "tracking_note:")):
            skipping = True
            continue
        if skipping and line.startswith((" ", "-")):
            continue
        skipping = False
        kept.append(line)
    day = start.isoformat()
    note = {
        "ar": f"يبدأ تتبع الاجتماعات في هذا السجل من تاريخ {day}؛"
        " لا يعتبر غياب محاضر قبل هذا التاريخ إخلالا بالدورية.",
        "en": f"Meetings are tracked from {day}, when this registry was created; cadence is not"
        " judged before that date.",
    }
    position = next((i for i, line in enumerate(kept) if line.startswith("timezone:")), len(kept))
    kept[position:position] = [
        f"tracking_start: '{day}'\n",
        "tracking_note:\n",
        f"  ar: {json.dumps(note['ar'], ensure_ascii=False)}\n",
        f"  en: {json.dumps(note['en'], ensure_ascii=False)}\n",
    ]
    return "".join(kept)


def _default_branch(probe: Any) -> str:
    """git's init.defaultBranch when the user set one, else main (what the workflows name)."""
    configured = probe.git("config", "--get", "init.defaultBranch", check=False).stdout.strip()
    return configured or "main"


def _existing_ancestor(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


class _ignore:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


@dataclass
class SchemaSync:
    folder: Path
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    commit: str | None = None


def sync_schemas(root: Path, commit: bool = False) -> SchemaSync:
    """Make the repository's schemas/ a byte-for-byte copy of the schemas protsoc validates with.

    Files that differ or are missing are rewritten, schema files protsoc does not ship are
    removed (an uncommitted edit of the copy is the drift itself: it is overwritten); with
    ``commit``, exactly those paths go into one commit.
    """
    from protsoc.kernel.resources import schema_dir
    from protsoc.registry import gitrepo
    from protsoc.registry.yamlio import write_atomic
    from protsoc.validate import schema_copy

    copy = schema_copy.compare(root)
    folder = schema_copy.copy_folder(root)
    if copy is None and folder.is_dir():  # protsoc's own folder (its checkout): nothing to sync
        return SchemaSync(folder)
    own = schema_dir()
    names = (
        copy.differing + copy.missing
        if copy is not None
        else sorted(path.name for path in own.glob("*.schema.json"))
    )
    extra = copy.extra if copy is not None else []
    result = SchemaSync(folder)
    touched = [folder / name for name in [*names, *extra]]
    repo = None
    if commit and touched:
        top = gitrepo.work_tree(root)
        if top is None:
            raise gitrepo.GitProblem(
                _("{path} is not in a git repository").format(path=root), _("drop --commit")
            )
        repo = gitrepo.Repo(top)
        repo.check_repository()
    folder.mkdir(exist_ok=True)
    for name in names:
        write_atomic(folder / name, (own / name).read_bytes())
        result.written.append(folder / name)
    for name in extra:
        (folder / name).unlink()
        result.removed.append(folder / name)
    changed = (
        repo is not None
        and repo.git(
            "status", "--porcelain", "--", *(repo.relative(path) for path in touched)
        ).stdout.strip()
    )
    if repo is not None and changed:  # else the sync only undid uncommitted edits
        result.commit = repo.commit(
            touched, f"schemas: sync the copy with protsoc's schemas ({len(touched)} files)"
        )
    return result
