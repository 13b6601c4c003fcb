"""`protsoc diff`, `history` and the pull-request comment in the reader's language.

The same change read in Arabic, French and English (real git repositories): the words change,
the ids, field names and record text stay as they are, and the member filter of `history` does
not depend on the language.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from conftest import MEETING, RegistryTree
from test_diff import INDICATOR, approve, git


def _add_meeting(tree: RegistryTree, decisions: int) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting.update(
        id="steering/2025-06-10",
        date="2025-06-10",
        decisions=[
            {"id": f"d{n}", "kind": "decision", "text": {"ar": f"قرار {n}"}}
            for n in range(1, decisions + 1)
        ],
    )
    tree.write("meetings/steering/2025-06-10.yaml", meeting)


def _said(run: Any, tree: RegistryTree, *args: str) -> str:
    outcome = run(["protsoc", *args], cwd=tree.repo)
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout


def test_an_added_meeting_in_three_languages(registry_tree: RegistryTree, run: Any) -> None:
    _add_meeting(registry_tree, 2)

    arabic = _said(run, registry_tree, "--lang", "ar", "diff", "HEAD")
    french = _said(run, registry_tree, "diff", "HEAD", "--lang", "fr")
    english = _said(run, registry_tree, "diff", "HEAD")

    assert "- إضافة الاجتماع steering/2025-06-10 (held، قراران)" in arabic
    assert arabic.startswith("تغييرات السجل من HEAD (")
    assert "- ajout : réunion steering/2025-06-10 (held, 2 décisions)" in french
    assert "- meeting steering/2025-06-10 added (held, 2 decisions)" in english


def test_plural_forms_follow_each_language(registry_tree: RegistryTree, run: Any) -> None:
    _add_meeting(registry_tree, 11)

    assert "(held، 11 قرارا)" in _said(run, registry_tree, "diff", "HEAD", "--lang", "ar")
    assert "(held, 11 décisions)" in _said(run, registry_tree, "diff", "HEAD", "--lang", "fr")


def test_approval_and_observation_sentences(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.write("roadmap/indicators/amo-tadamon-beneficiaries.yaml", INDICATOR)
    registry_tree.commit("indicator")
    approve(registry_tree, "meetings/steering/2024-11-26.yaml", ["head-of-government"])

    def observe(data: dict[str, Any]) -> None:
        data["observations"].append(
            {"date": "2025-06-30", "value": 11400000, "source": INDICATOR["sources"][0]}
        )

    registry_tree.patch("roadmap/indicators/amo-tadamon-beneficiaries.yaml", observe)

    arabic = _said(run, registry_tree, "diff", "HEAD", "--lang", "ar")
    assert (
        "- المؤشر amo-tadamon-beneficiaries: قيمة جديدة بتاريخ 2025-06-30 = 11.4 مليون "
        "(+2.7% منذ 2024-11-26)" in arabic
    ), arabic
    assert "المصادقة على محضر steering/2024-11-26 من طرف عضو واحد بتاريخ 2024-12-10" in arabic
    french = _said(run, registry_tree, "diff", "HEAD", "--lang", "fr")
    assert "nouvelle valeur au 2025-06-30 = 11.4 millions (+2.7% depuis le 2024-11-26)" in french
    assert "procès-verbal de steering/2024-11-26 approuvé par 1 membre le 2024-12-10" in french


def test_the_pull_request_comment_in_arabic(registry_tree: RegistryTree, run: Any) -> None:
    registry_tree.delete("meetings/steering/2024-11-26.yaml")
    comment = _said(run, registry_tree, "diff", "HEAD", "--format", "md", "--lang", "ar")

    assert "### protsoc: ما يحدثه هذا التغيير" in comment
    assert "#### الاجتماعات" in comment
    assert "- حذف الاجتماع steering/2024-11-26" in comment
    # JSON keeps its field names; only the sentences are in the reader's language
    document = json.loads(
        _said(run, registry_tree, "diff", "HEAD", "--format", "json", "--lang", "fr")
    )
    assert document["records"][0]["change"] == "removed"
    assert document["records"][0]["sentences"][0]["text"] == (
        "suppression : réunion steering/2024-11-26"
    )


def test_member_history_in_arabic_keeps_its_filter(registry_tree: RegistryTree, run: Any) -> None:
    def rename(data: dict[str, Any]) -> None:
        data["members"][1]["titles"].append(
            {"title": {"ar": "وزير الداخلية والجماعات الترابية"}, "since": "2025-01-01"}
        )

    registry_tree.patch("committees/steering.yaml", rename)
    git(registry_tree.repo, "commit", "-qam", "member(steering): interior renamed")
    registry_tree.patch("committees/steering.yaml", {"note": {"ar": "ملاحظة"}})
    git(registry_tree.repo, "commit", "-qam", "committee(steering): note")

    for language, expected in (
        (
            "ar",
            "المقعد steering/interior: صفة جديدة «وزير الداخلية والجماعات الترابية» "
            "ابتداء من 2025-01-01",
        ),
        (
            "fr",
            "siège steering/interior : nouvel intitulé «وزير الداخلية والجماعات الترابية» "
            "depuis le 2025-01-01",
        ),
    ):
        document = json.loads(
            _said(
                run,
                registry_tree,
                "history",
                "steering/interior",
                "--format",
                "json",
                "--lang",
                language,
            )
        )
        assert [c["subject"] for c in document["commits"]] == [
            "member(steering): interior renamed",
            "minimal registry",
        ]
        assert document["commits"][0]["changes"] == [expected]
    text = _said(run, registry_tree, "history", "steering/interior", "--lang", "ar")
    assert text.startswith("تاريخ steering/interior (")


def test_the_validation_table_of_the_comment_in_french(
    registry_tree: RegistryTree, run: Any
) -> None:
    registry_tree.patch(
        "meetings/steering/2024-11-26.yaml",
        lambda data: data["attendance"].append({"member": "stranger", "status": "present"}),
    )

    text = _said(run, registry_tree, "diff", "HEAD", "--format", "md", "--lang", "fr")

    assert "#### Validation" in text
    assert "❌ non valide : 1 erreur, 0 avertissement (1 fichier modifié vérifié)." in text
    assert "| | fichier | règle | constat |" in text
    assert "`ref-member`" in text and "conseil :" in text
    arabic = _said(run, registry_tree, "diff", "HEAD", "--format", "md", "--lang", "ar")
    assert "❌ غير صالح: خطأ واحد، لا تنبيهات (فحص ملف معدل واحد)." in arabic
    assert "| | الملف | القاعدة | الملاحظة |" in arabic
