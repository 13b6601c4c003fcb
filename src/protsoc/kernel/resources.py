"""Where protsoc finds its schemas and templates.

In a wheel they travel as package data (``protsoc/_data/``); in a source checkout or an
editable install they are the repository's top-level ``schemas/`` and ``templates/``.
"""

from __future__ import annotations

from pathlib import Path

from protsoc.kernel.errors import EnvironmentProblem

_PACKAGE = Path(__file__).resolve().parent.parent  # the protsoc package: kernel/ is one level down


def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise EnvironmentProblem(
        f"protsoc's {name}/ folder is missing from the installation",
        "reinstall protsoc (python -m pip install --force-reinstall protsoc)",
    )


def schema_dir() -> Path:
    return data_dir("schemas")


def template_dir() -> Path:
    return data_dir("templates")
