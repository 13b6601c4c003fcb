"""A synthetic registry for the rendering tests: every field the documents show, plus hostile text.

Imported by tests/test_render_*.py (pytest puts tests/ on sys.path); it holds no tests itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from protsoc.registry import yamlio

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "registry"
SRC = {"document": "tests/synthetic"}


def t(ar: str) -> dict[str, str]:
    return {"ar": ar}


MANIFEST: dict[str, Any] = {
    "format_version": 1,
    "title": t("سجل حكامة إصلاح منظومة الحماية الاجتماعية"),
    "legal_basis": {
        "kind": t("منشور"),
        "title": t("منشور تجريبي"),
        "issuer": t("رئيس الحكومة"),
        "date": "2018-04-03",
        "sources": [SRC],
    },
    "tracking_start": "2018-04-03",
    "hijri_month_starts": [],
}

COMMITTEE: dict[str, Any] = {
    "id": "steering",
    "name": t("اللجنة الوزارية لقيادة إصلاح وحكامة منظومة الحماية الاجتماعية"),
    "short_name": t("لجنة القيادة"),
    "kind": "ministerial",
    "chair": "head-of-government",
    "legal_basis": SRC,
    "cadence": {"min_meetings": 1, "per": "P1Y", "mode": "calendar", "source": SRC},
    "members": [
        {
            "id": "head-of-government",
            "role": "chair",
            "titles": [{"title": t("رئيس الحكومة")}],
            "sources": [SRC],
        },
        {
            "id": "interior",
            "role": "member",
            "titles": [{"title": t("وزير الداخلية")}],
            "sources": [SRC],
        },
        {
            "id": "finance",
            "role": "member",
            "titles": [{"title": t("وزير الاقتصاد والمالية")}],
            "sources": [SRC],
        },
        {
            "id": "health",
            "role": "member",
            "titles": [
                {"title": t("وزير الصحة"), "until": "2021-10-06"},
                {"title": t("وزير الصحة والحماية الاجتماعية"), "since": "2021-10-07"},
            ],
            "sources": [SRC],
        },
        {
            "id": "justice",
            "role": "member",
            "titles": [{"title": t("وزير العدل")}],
            "sources": [SRC],
        },
        {
            "id": "cnss",
            "role": "member",
            "titles": [{"title": t("المدير العام للصندوق الوطني للضمان الاجتماعي (CNSS)")}],
            "sources": [SRC],
        },
    ],
    "sources": [SRC],
}

MEETING: dict[str, Any] = {
    "id": "steering/2025-03-04",
    "committee": "steering",
    "date": "2025-03-04",
    "time": "10:30",
    "end_time": "12:45",
    "place": t("الرباط، مقر رئاسة الحكومة"),
    "kind": "ordinary",
    "status": "held",
    "number": 7,
    "convened_by": "head-of-government",
    "chaired_by": {"post": "head-of-government"},
    "agenda": [
        {
            "id": "item-2",
            "title": t("تعميم التغطية الصحية ونظام AMO TNS"),
            "priority": 2,
            "proceedings": t("قدم وزير الصحة عرضا حول 3.800.000 مستفيد من نظام AMO TNS."),
        },
        {
            "id": "item-1",
            "title": t("المصادقة على محضر الاجتماع السابق"),
            "priority": 1,
            "proceedings": t("صودق على المحضر بالإجماع."),
        },
        {
            "id": "item-3",
            "title": t("الدعم الاجتماعي المباشر <script>alert(1)</script>"),
            "priority": 3,
        },
    ],
    "attendance": [
        {"member": "head-of-government", "status": "present"},
        {"member": "interior", "status": "present"},
        {"member": "finance", "status": "represented", "represented_by": t("الكاتب العام للوزارة")},
        {"member": "health", "status": "present"},
        {"member": "justice", "status": "excused"},
        {"member": "cnss", "status": "absent"},
    ],
    "guests": [{"id": "igf", "name": t("المفتشية العامة للمالية"), "capacity": t("جهة مدعوة")}],
    "decisions": [
        {
            "id": "d1",
            "kind": "decision",
            "text": t("المصادقة على محضر الاجتماع السابق"),
            "agenda_item": "item-1",
        },
        {
            "id": "d2",
            "kind": "recommendation",
            "text": t("تسريع تسجيل العمال المستقلين في نظام AMO TNS"),
            "agenda_item": "item-2",
            "owner": "health",
            "due": "2025-12-31",
        },
        {
            "id": "d3",
            "kind": "decision",
            "text": t("إطلاق تقييم مستقل <script>alert('x')</script> للبرامج"),
            "agenda_item": "item-3",
            "owner": "finance",
            "due": "2025-06-30",
        },
    ],
    "minutes": {"status": "draft", "approvals": [{"member": "interior", "date": "2025-03-10"}]},
    "sources": [SRC],
}

INDICATOR: dict[str, Any] = {
    "id": "amo-tns-beneficiaries",
    "name": t("المستفيدون من نظام AMO TNS"),
    "measure": "count",
    "unit": t("مستفيد"),
    "owner": "steering",
    "direction": "higher",
    "target": {"value": 4500000, "date": "2025-12-31", "source": SRC},
    "observations": [
        {"date": "2024-06-30", "value": 3500000, "qualifier": "about", "source": SRC},
        {"date": "2024-11-26", "value": 3800000, "qualifier": "about", "source": SRC},
    ],
    "sources": [SRC],
}

ACTION: dict[str, Any] = {
    "id": "register-self-employed",
    "title": t("حملة تسجيل العمال المستقلين"),
    "decisions": ["steering/2025-03-04/d3"],
    "owner": "steering/finance",
    "due": "2025-06-30",
    "status": "in-progress",
    "progress": 40,
    "sources": [SRC],
}


def write(path: Path, data: dict[str, Any]) -> None:
    unshared = json.loads(json.dumps(data))  # shared sub-dicts would be dumped as YAML aliases
    yamlio.write_atomic(path, yamlio.dumps(unshared))


def build_registry(
    root: Path,
    meeting: dict[str, Any] | None = None,
    extra_meetings: tuple[dict[str, Any], ...] = (),
) -> Path:
    """A git repository at ``root`` with ``registry/`` holding the synthetic records; returns
    registry/."""
    registry = root / "registry"
    write(registry / "protsoc.yaml", MANIFEST)
    write(registry / "committees" / "steering.yaml", COMMITTEE)
    for one in [meeting or MEETING, *extra_meetings]:
        write(registry / "meetings" / "steering" / f"{one['date']}.yaml", one)
    write(registry / "roadmap" / "indicators" / f"{INDICATOR['id']}.yaml", INDICATOR)
    write(registry / "roadmap" / "actions" / f"{ACTION['id']}.yaml", ACTION)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return registry


def copy_shipped(root: Path) -> Path:
    """A copy of the shipped registry under ``root`` (tests never write into the real one)."""
    shutil.copytree(SHIPPED, root / "registry")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root / "registry"


# A rich meeting for the formal parts (every one filled in) and the pictures in docs/img: all four
# attendance states, two guests, five decisions mixing Arabic, Latin and numbers. Synthetic: the
# names are placeholders marked «(اسم تجريبي)», the references and documents invented for tests.
RICH_MEETING: dict[str, Any] = {
    **json.loads(json.dumps(MEETING)),
    "id": "steering/2025-05-20",
    "date": "2025-05-20",
    "opened_at": "10:40",
    "closed_at": "13:05",
    "chaired_by": {"post": "head-of-government", "name": t("رئيس تجريبي (اسم تجريبي)")},
    "rapporteur": {
        "name": t("مقررة تجريبية (اسم تجريبي)"),
        "honorific": "السيدة",
        "capacity": t("كتابة اللجنة"),
    },
    "references": {"convocation": "14/2025", "minutes": "15/2025"},
    "copy_to": [t("السيد الأمين العام للحكومة (نسخة تجريبية)")],
    "documents": [
        {"title": t("مذكرة تقديمية حول تعميم نظام AMO TNS (وثيقة تجريبية)")},
        {"title": t("تقرير مرحلي عن الدعم الاجتماعي المباشر، 2025-Q1 (وثيقة تجريبية)")},
    ],
    "guests": [
        {
            "id": "igf",
            "name": t("المفتشية العامة للمالية"),
            "capacity": t("جهة مدعوة"),
        },
        {
            "id": "expert",
            "name": t("خبيرة تجريبية (اسم تجريبي)"),
            "honorific": "السيدة",
            "capacity": t("خبيرة في أنظمة الاستهداف (RSU / RNP)"),
        },
    ],
    "decisions": [
        *json.loads(json.dumps(MEETING["decisions"])),
        {
            "id": "d4",
            "kind": "decision",
            "text": t(
                "رفع عدد المستفيدين من AMO-Tadamon إلى 11.1 مليون (زيادة 3.6%) قبل 2025-12-31"
            ),
            "agenda_item": "item-2",
            "owner": "health",
            "due": "2025-12-31",
        },
        {
            "id": "d5",
            "kind": "recommendation",
            "text": t("نشر المرسوم رقم 2.23.1066 وتحيين السجل RSU في 12 جهة"),
            "agenda_item": "item-3",
            "owner": "interior",
            "due": "2025-09-30",
        },
    ],
    "minutes": {
        "status": "draft",
        "approvals": [{"member": "interior", "date": "2025-05-27"}],
        "written_at": t("الرباط"),
        "written_on": "2025-05-21",
    },
}
