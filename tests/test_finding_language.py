"""`protsoc validate` speaks the clerk's language: every finding's message and hint, the report's
labels and its counts, in Arabic, French or English (the default), while rule ids, record text,
file names and the JSON keys stay as they are; the cache never answers in another language."""

from __future__ import annotations

import copy
import json
import re
import string
from pathlib import Path
from typing import Any

import pytest
from conftest import MEETING, SEED_MEETING, PoolProbe, RegistryTree

SRC = Path(__file__).resolve().parent.parent / "src" / "protsoc"
# The modules whose messages are findings (the extraction command of kernel/i18n.py names them).
FINDING_SOURCES = [
    *sorted((SRC / "validate").glob("*.py")),
    *(SRC / "registry" / name for name in ("files.py", "layout.py", "records.py", "yamlio.py")),
]
MEETING_FILE = "meetings/steering/2024-11-26.yaml"
ACTION_FILE = "roadmap/actions/plan.yaml"


def broken_files() -> dict[str, Any]:
    """Synthetic test data: a meeting whose date differs from its file name, with an unknown
    status (schema enum), a decision citing an agenda item that is not on the agenda and a
    tatweel in its place (warning); an action at 100 % that is still in progress and lacks its
    title (schema required)."""
    meeting = copy.deepcopy(MEETING)
    meeting["date"] = "2024-11-27"
    meeting["status"] = "hled"
    meeting["place"] = {"ar": "الربـاط"}
    meeting["decisions"] = [
        {"id": "d1", "kind": "decision", "text": {"ar": "قرار تجريبي"}, "agenda_item": "item-9"}
    ]
    action = {
        "id": "plan",
        "decisions": ["steering/2024-11-26/d1"],
        "owner": "steering/health",
        "status": "in-progress",
        "progress": 100,
        "sources": [{"document": SEED_MEETING}],
    }
    return {MEETING_FILE: meeting, ACTION_FILE: action}


@pytest.fixture
def broken(make_registry) -> RegistryTree:  # type: ignore[no-untyped-def]
    return make_registry(broken_files())


def validate(run, tree: RegistryTree, language: str | None, *args: str):  # type: ignore[no-untyped-def]
    env = {"PROTSOC_LANG": language, "LANG": None, "LC_ALL": None, "LANGUAGE": None}
    return run(["protsoc", "validate", "--registry", str(tree.root), *args], env=env)


def rules(text: str) -> set[str]:
    return set(re.findall(r"\[([a-z0-9-]+)\]", text))


EXPECTED_RULES = {
    "meeting-date-mismatch",
    "schema-enum",
    "schema-required",
    "ref-agenda-item",
    "action-progress-not-done",
    "text-tatweel",
}


def test_findings_and_hints_in_arabic(run, broken: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    outcome = validate(run, broken, "ar")

    assert outcome.exit_code == 1
    out = outcome.stdout
    assert EXPECTED_RULES <= rules(out)  # rule ids are never translated
    assert "تاريخ الاجتماع 2024-11-27 يختلف عن التاريخ الوارد في اسم ملفه (2024-11-26)" in out
    assert "الإجراء منجز بنسبة 100٪ لكن وضعيته in-progress" in out
    assert "القرار d1: النقطة `item-9` غير مدرجة في جدول الأعمال" in out
    assert "ليست من القيم المقبولة" in out  # schema enum
    assert "الحقل الإلزامي `title`" in out  # schema required, the field's name kept
    assert "التطويل" in out
    # hints name the command that fixes it, in Arabic
    assert "إرشاد: إن كان قد أنجز: `protsoc set action plan --status done" in out
    assert "أعد تسمية الملف 2024-11-27.yaml" in out
    # the labels and the summary, with the Arabic plural forms
    assert re.search(r"2024-11-26\.yaml:\d+:\d+: خطأ \[schema-enum\]", out)
    assert re.search(r": تنبيه \[text-tatweel\]", out)
    assert "غير صالح:" in out and "تنبيه واحد" in out
    assert "hint:" not in out and "does not" not in out and " errors" not in out


def test_findings_and_hints_in_french(run, broken: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    outcome = validate(run, broken, "fr")

    out = outcome.stdout
    assert outcome.exit_code == 1
    assert EXPECTED_RULES <= rules(out)
    assert (
        "la date de la réunion, 2024-11-27, diffère de celle du nom de son fichier (2024-11-26)"
        in out
    )
    assert "l'action est réalisée à 100 % mais son statut est in-progress" in out
    assert "le point `item-9` ne figure pas à l'ordre du jour" in out
    assert "ne fait pas partie des valeurs admises" in out
    assert "le champ obligatoire `title`" in out
    assert "conseil : si elle est achevée : `protsoc set action plan --status done" in out
    assert re.search(r": erreur \[schema-enum\]", out)
    assert re.search(r": avertissement \[text-tatweel\]", out)
    assert re.search(
        r"non valide : \d+ fichiers vérifiés, \d+ erreurs, 1 avertissement$", out.strip()
    )


def test_english_by_default(run, broken: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    outcome = validate(run, broken, None)

    out = outcome.stdout
    assert EXPECTED_RULES <= rules(out)
    assert "the meeting's date 2024-11-27 differs from its file name (2024-11-26)" in out
    assert "the action is at 100 % but its status is in-progress" in out
    assert "hint: if it is finished: `protsoc set action plan --status done" in out
    assert re.search(r"invalid: \d+ files checked, \d+ errors, 1 warning$", out.strip())


def test_json_keeps_its_keys_and_values_in_any_language(run, broken: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    english = json.loads(validate(run, broken, "en", "--format", "json").stdout)
    arabic = json.loads(validate(run, broken, "ar", "--format", "json").stdout)

    def shape(document: dict[str, Any]) -> list[Any]:
        return [
            sorted(document),
            sorted(document["findings"]),
            [
                (sorted(f), f["file"], f["line"], f["rule"], f["severity"], f["json_path"])
                for f in document["findings"]["errors"] + document["findings"]["warnings"]
            ],
        ]

    assert shape(arabic) == shape(english)
    assert arabic["counts"] == english["counts"]
    messages = {f["rule"]: f["message"] for f in arabic["findings"]["errors"]}
    assert messages["action-progress-not-done"] == "الإجراء منجز بنسبة 100٪ لكن وضعيته in-progress"


def test_github_annotations_keep_the_command_and_the_rule_title(run, broken: RegistryTree) -> None:  # type: ignore[no-untyped-def]
    lines = validate(run, broken, "ar", "--format", "github").stdout.splitlines()

    annotation = next(line for line in lines if "action-progress-not-done" in line)
    assert annotation.startswith("::error file=")
    assert "title=protsoc action-progress-not-done::" in annotation
    assert "الإجراء منجز بنسبة 100٪" in annotation
    assert lines[-1].startswith("protsoc: ") and "تنبيه واحد" in lines[-1]


def test_a_run_in_arabic_after_one_in_english_prints_arabic(
    run_process, broken: RegistryTree, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The cache keeps findings worded: one file per language, never English served in Arabic."""
    cache_dir = tmp_path / "cache"

    def once(language: str) -> str:
        outcome = run_process(
            ["protsoc", "validate", "--registry", str(broken.root)],
            env={"PROTSOC_LANG": language, "PROTSOC_CACHE_DIR": str(cache_dir)},
        )
        assert outcome.exit_code == 1, outcome.stderr
        return outcome.stdout

    first_english = once("en")
    arabic = once("ar")
    second_english = once("en")
    arabic_again = once("ar")

    assert "the action is at 100 % but its status is in-progress" in first_english
    assert "الإجراء منجز بنسبة 100٪" in arabic and "the action is at" not in arabic
    assert second_english == first_english
    assert arabic_again == arabic
    names = {path.name for path in cache_dir.rglob("*.marshal")}
    assert {"checks.marshal", "checks.ar.marshal"} <= names


def test_worker_processes_word_findings_in_the_parent_s_language(  # type: ignore[no-untyped-def]
    run, make_registry, pool_workers: PoolProbe
) -> None:
    files = broken_files()
    for number in range(2, 6):  # enough files for a batch in each worker
        files[f"roadmap/actions/plan-{number}.yaml"] = dict(files[ACTION_FILE], id=f"plan-{number}")
    files[ACTION_FILE] = "\ufeff" + json.dumps(files[ACTION_FILE], ensure_ascii=False)
    tree = make_registry(files)

    outcome = run(
        ["protsoc", "validate", "--registry", str(tree.root), "--no-cache"],
        env={"PROTSOC_LANG": "ar"},
    )

    assert "يبدأ الملف بعلامة ترتيب البايتات (BOM)" in outcome.stdout  # worded while reading
    assert outcome.stdout.count("الحقل الإلزامي `title`") == 5  # worded by the per-file checks
    assert "lacks the required" not in outcome.stdout


# --- the catalogue ---------------------------------------------------------------------------


def finding_msgids() -> list[str | tuple[str, str]]:
    from babel.messages.extract import extract_from_file

    found: list[str | tuple[str, str]] = []
    for path in FINDING_SOURCES:
        for _line, message, _comments, _context in extract_from_file("python", str(path)):
            found.append(message)
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_finding_message_has_french_and_arabic_with_the_same_placeholders() -> None:
    from protsoc.locale.translations import T

    msgids = finding_msgids()
    assert len(msgids) > 200  # the extraction saw the findings
    problems = []
    for msgid in msgids:
        forms = msgid if isinstance(msgid, tuple) else (msgid,)
        wording = T.get(forms[0])
        if wording is None:
            problems.append(f"no French or Arabic for {forms[0]!r}")
            continue
        expected = placeholders(forms[-1])
        for language, words in zip(("fr", "ar"), wording):
            for form in words if isinstance(words, tuple) else (words,):
                if not form:
                    problems.append(f"empty {language} wording for {forms[0]!r}")
                elif not placeholders(form) <= expected or (
                    not isinstance(words, tuple) and placeholders(form) != expected
                ):
                    problems.append(f"{language} placeholders differ for {forms[0]!r}: {form!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_compiled_catalogue_holds_every_finding_wording(language: str) -> None:
    """The .mo files were regenerated after the wording changed (the command is in i18n.py)."""
    import gettext

    from protsoc.kernel.i18n import DOMAIN, LOCALE_DIR
    from protsoc.locale.translations import T

    catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    index = ("fr", "ar").index(language)
    stale = []
    for msgid in finding_msgids():
        if isinstance(msgid, tuple):
            continue
        if catalogue.gettext(msgid) != T[msgid][index]:
            stale.append(msgid)
    assert not stale, f"regenerate the catalogues: {stale[:5]}"


def test_a_refused_correction_says_why_in_the_clerk_s_language(run, make_registry) -> None:  # type: ignore[no-untyped-def]
    """The reason a change is refused is the finding the change would bring, in Arabic."""
    files = broken_files()
    meeting = copy.deepcopy(MEETING)
    meeting["decisions"] = [{"id": "d1", "kind": "decision", "text": {"ar": "قرار تجريبي"}}]
    action = dict(files[ACTION_FILE], progress=40, title={"ar": "مخطط عمل تجريبي"})
    tree = make_registry({MEETING_FILE: meeting, ACTION_FILE: action})
    before = tree.path(ACTION_FILE).read_bytes()

    outcome = run(
        ["protsoc", "set", "action", "plan", "--progress", "100", "--lang", "ar"],
        cwd=tree.repo,
    )

    assert outcome.exit_code == 1
    assert "[action-progress-not-done] الإجراء منجز بنسبة 100٪ لكن وضعيته in-progress" in (
        outcome.stderr
    )
    assert "إرشاد: إن كان قد أنجز: `protsoc set action plan --status done" in outcome.stderr
    assert tree.path(ACTION_FILE).read_bytes() == before
