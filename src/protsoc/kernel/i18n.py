"""Messages in the clerk's language: Arabic, French or English, through gettext catalogues.

The language is ``--lang``, else ``$PROTSOC_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``, ``LANGUAGE``), else English. Record content is never translated: only prompts and
messages. Catalogues live in ``protsoc/locale/<lang>/LC_MESSAGES/protsoc.mo``; Babel extracts
them and ``protsoc/locale/translations.py`` holds the French and Arabic wording (validation's
findings and hints in ``protsoc/locale/finding_translations.py``, the review's sentences in
``protsoc/locale/review_translations.py``; ``_`` and ``ngettext`` are
Babel's default keywords, ``_t`` the clerk's and the CLI's marker)::

    pybabel extract --no-location --sort-output -k _t -o src/protsoc/locale/protsoc.pot \
        src/protsoc/clerk/*.py src/protsoc/registry/gitrepo.py \
        src/protsoc/governance/catalog.py src/protsoc/governance/finance.py \
        src/protsoc/cli/*.py \
        src/protsoc/validate/*.py src/protsoc/registry/files.py src/protsoc/registry/layout.py \
        src/protsoc/registry/records.py src/protsoc/registry/yamlio.py src/protsoc/review/*.py
    python src/protsoc/locale/translations.py   # writes <lang>/LC_MESSAGES/protsoc.po and .mo
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

from protsoc.kernel.errors import UsageError

LANGUAGES = ("ar", "fr", "en")
DOMAIN = "protsoc"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
ENV_VAR = "PROTSOC_LANG"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def detect(option: str | None = None) -> str:
    """The language to use: the option, the environment variable, the locale, English."""
    for given, origin in ((option, "--lang"), (os.environ.get(ENV_VAR), ENV_VAR)):
        if given:
            code = given.strip().lower()[:2]
            if code not in LANGUAGES:
                raise UsageError(
                    f"{origin} {given!r} is not a language protsoc speaks",
                    f"use one of: {', '.join(LANGUAGES)}",
                )
            return code
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def set_language(option: str | None = None) -> str:
    """Install the catalogue of the detected language for the rest of the process."""
    global _translation, _language
    _language = detect(option)
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language], fallback=True)
    return _language


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    return _translation.ngettext(singular, plural, number)
