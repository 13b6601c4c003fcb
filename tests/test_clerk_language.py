"""Every command in the clerk's language (issue 14): `--lang` on every command and before it,
$PROTSOC_LANG everywhere, every message of cli/ and clerk/ translated into French and Arabic,
counts through ngettext. The commands run as the installed console script (a real process);
one prompt runs on a real pseudo-terminal."""

from __future__ import annotations

import gettext
import os
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import protsoc
from protsoc.kernel import i18n

SOURCE = Path(protsoc.__file__).resolve().parent
LOCALE = SOURCE / "locale"


# --- every command takes --lang -----------------------------------------------------------


def _leaf_commands() -> Iterator[tuple[str, Any]]:
    from protsoc.cli.main import COMMANDS, load_command

    for name in COMMANDS:
        command = load_command(name)
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for sub_name, sub in subcommands.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, command


def test_every_command_and_the_root_take_lang() -> None:
    import typer.main

    from protsoc.cli.main import app

    root = typer.main.get_command(app)
    assert any("--lang" in p.opts for p in root.params)
    commands = dict(_leaf_commands())
    assert len(commands) > 40  # the table, the groups and their subcommands
    without = [
        name for name, cmd in commands.items() if not any("--lang" in p.opts for p in cmd.params)
    ]
    assert without == []


# --- real commands, in French and Arabic ---------------------------------------------------


def protsoc_run(
    args: list[str], cwd: Path, lang_env: str | None = None, locale: str = "C.UTF-8"
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PROTSOC_", "LC_", "LANG"))
    }
    env.update({"LANG": locale, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
    env["PYTHONIOENCODING"] = "utf-8"
    if lang_env is not None:
        env["PROTSOC_LANG"] = lang_env
    return subprocess.run(
        ["protsoc", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("args", "lang_env", "expected"),
    [
        (["status", "--lang", "fr"], None, "3 enregistrements ; réunions suivies depuis le 2018"),
        (["--lang", "ar", "status"], None, "3 سجلات؛ تتبع الاجتماعات منذ 2018"),
        (
            ["cadence", "--lang", "fr", "--as-of", "2025-01-15"],
            None,
            "Périodicité des réunions au 2025-01-15 (échéance proche = prochaine réunion due "
            "dans 30 jours)",
        ),
        (
            ["cadence", "--as-of", "2025-01-15"],
            "ar",
            "دورية الاجتماعات في 2025-01-15 (قرب الأجل = الاجتماع المقبل مستحق خلال 30 يوما)",
        ),
        (
            ["validate", "--lang", "fr"],
            None,
            "valide : 3 fichiers vérifiés, 0 erreur, 0 avertissement",
        ),
        (["--lang", "ar", "validate"], None, "صالح: 3 ملفات مفحوصة، لا أخطاء، لا تنبيهات"),
        (["validate", "registry/committees/steering.yaml"], "fr", "1 fichier vérifié"),
        (["validate", "registry/committees/steering.yaml"], "ar", "ملف واحد مفحوص"),
        # a command's --lang wins over `protsoc --lang`, which wins over $PROTSOC_LANG
        (["--lang", "ar", "validate", "--lang", "en"], "fr", "valid: 3 files checked, 0 errors"),
        (["--lang", "fr", "validate"], "ar", "valide : 3 fichiers vérifiés"),
    ],
)
def test_reports_speak_the_clerks_language(
    registry_tree, args: list[str], lang_env: str | None, expected: str
) -> None:  # type: ignore[no-untyped-def]
    done = protsoc_run(args, registry_tree.repo, lang_env)
    # cadence exits 1 when a committee is in breach (the minimal registry's steering is)
    assert done.returncode in ((0, 1) if "cadence" in args else (0,)), done.stderr
    assert expected in one_line(done.stdout)


@pytest.mark.parametrize(
    ("args", "lang_env", "error", "hint"),
    [
        (
            ["show", "technical/2099-01-01"],
            "fr",
            "erreur : aucun enregistrement ne porte l'identifiant 'technical/2099-01-01'",
            "conseil : une réunion s'écrit <comité>/<AAAA-MM-JJ>",
        ),
        (
            ["--lang", "ar", "show", "technical/2099-01-01"],
            None,
            "خطأ: لا يوجد أي سجل بالمعرف 'technical/2099-01-01'",
            "إرشاد: يكتب معرف الاجتماع <اللجنة>/<YYYY-MM-DD>",
        ),
        (
            ["render", "memo", "steering/2024-11-26", "--lang", "fr"],
            None,
            "erreur : document inconnu 'memo'",
            "le rapport de suivi s'obtient avec `protsoc report`",
        ),
        (
            ["add", "agenda-item", "steering/2099-01-01", "بند"],
            "ar",
            "خطأ: لا يوجد اجتماع steering/2099-01-01",
            "إرشاد:",
        ),
    ],
)
def test_refusals_speak_the_clerks_language(
    registry_tree, args: list[str], lang_env: str | None, error: str, hint: str
) -> None:  # type: ignore[no-untyped-def]
    before = subprocess.run(
        ["git", "status", "--porcelain"], cwd=registry_tree.repo, capture_output=True, text=True
    ).stdout
    done = protsoc_run(args, registry_tree.repo, lang_env)
    assert done.returncode in (1, 2)
    assert error in one_line(done.stderr) and hint in one_line(done.stderr)
    assert "Traceback" not in done.stderr
    after = subprocess.run(
        ["git", "status", "--porcelain"], cwd=registry_tree.repo, capture_output=True, text=True
    ).stdout
    assert after == before


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_help_takes_lang(registry_tree, lang: str) -> None:  # type: ignore[no-untyped-def]
    for args in (["render", "--help", "--lang", lang], ["--lang", lang, "render", "--help"]):
        done = protsoc_run(args, registry_tree.repo)
        assert done.returncode == 0, done.stderr
        assert "--lang" in done.stdout and "Usage: protsoc render" in done.stdout


@pytest.mark.parametrize(
    ("args", "lang_env", "named"),
    [
        (["validate", "--lang", "de"], None, "--lang 'de'"),
        (["--lang", "xx", "status"], None, "--lang 'xx'"),
        (["cadence"], "klingon", "PROTSOC_LANG 'klingon'"),
        (["render", "minutes", "steering/2024-11-26"], "de", "PROTSOC_LANG 'de'"),
    ],
)
def test_an_unknown_language_is_a_usage_error(
    registry_tree, args: list[str], lang_env: str | None, named: str
) -> None:  # type: ignore[no-untyped-def]
    done = protsoc_run(args, registry_tree.repo, lang_env)
    assert done.returncode == 2
    assert named in done.stderr and "use one of: ar, fr, en" in done.stderr
    assert done.stdout == ""


def test_the_root_lang_reaches_the_prompts_and_their_refusals(registry_tree) -> None:  # type: ignore[no-untyped-def]
    pexpect = pytest.importorskip("pexpect")
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(registry_tree.repo),
        "PROTSOC_LANG": "ar",
        "TERM": "dumb",
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    child = pexpect.spawn(
        "protsoc",
        ["--lang", "fr", "add", "agenda-item"],
        cwd=str(registry_tree.repo),
        env=env,
        encoding="utf-8",
        timeout=60,
    )
    child.expect(r"Réunion \(<comité>/<AAAA-MM-JJ>\)")
    child.sendline("steering/2099-01-01")
    child.expect(r"Point de l'ordre du jour \(en arabe\)")
    child.sendline("بند تجريبي")
    child.expect(r"Priorité \(1 = la première\) \(Entrée pour passer\)")
    child.sendline("deux")  # asked again, in French (Click's English refusal came before)
    child.expect("'deux' n'est pas un nombre entier")
    child.expect(r"Priorité \(1 = la première\) \(Entrée pour passer\)")
    child.sendline("")  # Enter skips an optional number
    child.expect("erreur : aucune réunion steering/2099-01-01")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus != 0


# --- the catalogues ------------------------------------------------------------------------

# The modules whose messages are extracted (kernel/i18n.py gives the command); validate/ has
# its own catalogue of findings.
EXTRACTED = [
    *sorted((SOURCE / "clerk").glob("*.py")),
    SOURCE / "registry" / "gitrepo.py",
    SOURCE / "governance" / "catalog.py",
    SOURCE / "governance" / "finance.py",  # the words of the finance codes
    *sorted((SOURCE / "cli").glob("*.py")),
    *sorted((SOURCE / "review").glob("*.py")),  # what a change does: diff, history, dry run
]


def _translations() -> dict[Any, Any]:
    sys.path.insert(0, str(LOCALE))
    try:
        import translations  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(LOCALE))
    return dict(translations.T)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """The messages of cli/ and clerk/, extracted now by Babel as the release does."""
    from babel.messages.pofile import read_po

    pot = tmp_path_factory.mktemp("pot") / "protsoc.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "--no-location",
            "--sort-output",
            "-k",
            "_t",
            "-o",
            str(pot),
            *map(str, EXTRACTED),
        ],
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as stream:
        return [message for message in read_po(stream) if message.id]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_of_cli_and_clerk_has_french_and_arabic(extracted: list[Any]) -> None:
    wording = _translations()
    assert len(extracted) > 400
    missing = [m.id for m in extracted if (m.id[0] if m.pluralizable else m.id) not in wording]
    assert missing == [], "add them to src/protsoc/locale/translations.py"


def test_translations_keep_the_placeholders_and_the_plural_forms(extracted: list[Any]) -> None:
    wording = _translations()
    problems = []
    for message in extracted:
        if message.pluralizable:
            singular, plural = message.id
            fr, ar = wording[singular]
            allowed = _fields(singular) | _fields(plural)
            if not (
                isinstance(fr, tuple) and len(fr) == 3 and isinstance(ar, tuple) and len(ar) == 6
            ):
                problems.append(f"{singular!r}: French needs 3 forms, Arabic 6")
                continue
            forms = [*fr, *ar]
        else:
            allowed = _fields(message.id)
            forms = list(wording[message.id])
            if not all(isinstance(form, str) for form in forms):
                problems.append(f"{message.id!r}: a plain message has one French, one Arabic text")
                continue
        for form in forms:
            if not _fields(form) <= allowed:
                problems.append(f"{form!r} names {_fields(form) - allowed}")
    assert problems == []


def test_the_compiled_catalogues_hold_every_translation(extracted: list[Any]) -> None:
    """translations.py was run after the last change: the .mo files answer every message."""
    wording = _translations()
    for index, language in enumerate(("fr", "ar")):
        catalogue = gettext.translation("protsoc", LOCALE, languages=[language])
        for message in extracted:
            if message.pluralizable:
                singular, plural = message.id
                expected = wording[singular][index]
                assert catalogue.ngettext(singular, plural, 2) == expected[2], (language, singular)
            else:
                expected = wording[message.id][index]
                assert catalogue.gettext(message.id) == expected, (language, message.id)


# --- plurals -------------------------------------------------------------------------------


@pytest.fixture
def speaking() -> Iterator[Any]:
    def speak(language: str) -> Any:
        i18n.set_language(language)
        return lambda singular, plural, n: i18n.ngettext(singular, plural, n).format(count=n)

    yield speak
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("language", "one", "two", "eleven"),
    [
        ("en", "1 error", "2 errors", "11 errors"),
        ("fr", "1 erreur", "2 erreurs", "11 erreurs"),
        ("ar", "خطأ واحد", "خطآن", "11 خطأ"),
    ],
)
def test_counts_agree_with_the_number(speaking, language, one, two, eleven) -> None:  # type: ignore[no-untyped-def]
    count = speaking(language)
    assert [count("{count} error", "{count} errors", n) for n in (1, 2, 11)] == [one, two, eleven]


def test_arabic_has_six_forms_and_french_three(speaking) -> None:  # type: ignore[no-untyped-def]
    count = speaking("ar")
    files = [
        count("{count} file checked", "{count} files checked", n) for n in (0, 1, 2, 3, 11, 100)
    ]
    assert files == [
        "لم يفحص أي ملف",
        "ملف واحد مفحوص",
        "ملفان مفحوصان",
        "3 ملفات مفحوصة",
        "11 ملفا مفحوصا",
        "100 ملف مفحوص",
    ]
    assert count("{count} day late", "{count} days late", 103) == "متأخر بـ103 أيام"
    count = speaking("fr")
    assert [count("{count} record", "{count} records", n) for n in (0, 1, 2, 1_000_000)] == [
        "0 enregistrement",
        "1 enregistrement",
        "2 enregistrements",
        "1000000 d'enregistrements",
    ]


def test_one_error_and_one_warning_in_a_real_run(make_registry) -> None:  # type: ignore[no-untyped-def]
    """A meeting with an unknown status (one error) and a tatweel (one warning)."""
    tree = make_registry()
    tree.patch("meetings/steering/2024-11-26.yaml", {"status": "hled", "place": {"ar": "الربـاط"}})
    last_lines = {}
    for language in ("en", "fr", "ar"):
        done = protsoc_run(["validate", "--lang", language], tree.repo)
        assert done.returncode == 1
        last_lines[language] = done.stdout.rstrip().splitlines()[-1]
    assert last_lines == {
        "en": "invalid: 3 files checked, 1 error, 1 warning",
        "fr": "non valide : 3 fichiers vérifiés, 1 erreur, 1 avertissement",
        "ar": "غير صالح: 3 ملفات مفحوصة، خطأ واحد، تنبيه واحد",
    }
