"""Write a synthetic but realistic protsoc registry, for benchmarks.

    python benchmarks/generate.py --meetings 10000 --seed 1 /tmp/reg10k

The output folder is a registry (it holds ``protsoc.yaml``) that passes ``protsoc validate``:
committees (the steering, technical and four thematic committees plus regional working groups),
one file per meeting with Arabic text, attendance, agenda, decisions and approved (sealed) or
draft minutes, roadmap actions that carry out decisions, and indicators with monthly
observations. The same ``--meetings``/``--seed`` always give byte-identical files.

Everything here is synthetic: the sources cite this generator, never the seeds. It must never
write into the shipped ``registry/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

SOURCE = {"document": "benchmarks/generate.py", "note": "synthetic record for benchmarks"}
LAST_DAY = dt.date(2026, 6, 30)  # every meeting is in the past, whatever today is
GAP_DAYS = 14  # a committee meets every two weeks: no cadence rule is ever breached

WORDS = (  # noqa: SIM905 - a paragraph reads better than a list of 68 words
    "إصلاح منظومة الحماية الاجتماعية التغطية الصحية الأساسية تعميم الدعم الاجتماعي المباشر "
    "السجل الاجتماعي الموحد السجل الوطني للسكان الاستهداف المساعدة الاجتماعية الأسر المستفيدين "
    "التمويل الاستدامة جودة الخدمات الصحية الموارد البشرية التواصل المؤسساتي تقييم البرامج "
    "مؤشرات لوحة القيادة الوطنية التقائية البرامج الطفولة الإعاقة المسنين العمال غير الأجراء "
    "المهنيين الصندوق الوطني للضمان الاجتماعي الوكالة الوطنية للتأمين الصحي مخطط عمل تتبع "
    "تنفيذ القرارات والتوصيات المصادقة على المحضر برمجة الاجتماعات المقبلة الجهات والعمالات"
).split()
PLACES = ("الرباط", "الدار البيضاء", "فاس", "مراكش", "طنجة", "أكادير", "وجدة", "العيون")
NAMES = ("أحمد", "فاطمة", "محمد", "خديجة", "يوسف", "مريم", "عبد الله", "سعاد", "حسن", "نادية")
FAMILIES = ("العلوي", "بناني", "التازي", "الفاسي", "المنصوري", "الإدريسي", "الحسني", "برادة")
REGIONS = (
    ("tanger", "جهة طنجة تطوان الحسيمة"),
    ("oriental", "جهة الشرق"),
    ("fes", "جهة فاس مكناس"),
    ("rabat", "جهة الرباط سلا القنيطرة"),
    ("beni-mellal", "جهة بني ملال خنيفرة"),
    ("casablanca", "جهة الدار البيضاء سطات"),
    ("marrakech", "جهة مراكش آسفي"),
    ("draa", "جهة درعة تافيلالت"),
    ("souss", "جهة سوس ماسة"),
    ("guelmim", "جهة كلميم واد نون"),
    ("laayoune", "جهة العيون الساقية الحمراء"),
    ("dakhla", "جهة الداخلة وادي الذهب"),
)
THEMES = ("التغطية الصحية", "الدعم الاجتماعي", "الاستهداف", "الحكامة", "التمويل")


class Generator:
    def __init__(self, meetings: int, seed: int, committees: int) -> None:
        self.meetings = meetings
        self.rng = random.Random(seed)
        self.committee_count = max(6, committees)
        self.files: dict[str, Any] = {}
        self.committees: list[dict[str, Any]] = []
        self.decision_refs: list[str] = []

    def text(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def person(self) -> str:
        return f"{self.rng.choice(NAMES)} {self.rng.choice(FAMILIES)}"

    def run(self) -> dict[str, Any]:
        self.manifest()
        self.make_committees()
        first_day = self.make_meetings()
        self.files["protsoc.yaml"]["tracking_start"] = first_day.isoformat()
        self.roadmap()
        self.actions()
        self.indicators()
        return self.files

    def manifest(self) -> None:
        self.files["protsoc.yaml"] = {
            "format_version": 1,
            "title": {
                "ar": "سجل حكامة إصلاح منظومة الحماية الاجتماعية (بيانات تجريبية)",
                "en": "Synthetic benchmark registry",
            },
            "legal_basis": {
                "title": {"ar": "إصلاح وحكامة منظومة الحماية الاجتماعية بالمغرب"},
                "date": "2018-04-03",
                "sources": [dict(SOURCE)],
            },
            "tracking_start": "2000-01-01",
            "timezone": "Africa/Casablanca",
            "sources": [dict(SOURCE)],
        }

    def make_committees(self) -> None:
        specs = [
            (
                "steering",
                "ministerial",
                "اللجنة الوزارية لقيادة إصلاح وحكامة منظومة الحماية الاجتماعية",
                None,
            ),
            ("technical", "technical", "اللجنة التقنية بين-وزارية", "steering"),
        ]
        for index, theme in enumerate(("governance", "health", "assistance", "targeting")):
            specs.append(
                (f"thematic-{theme}", "thematic", f"اللجنة الموضوعاتية {THEMES[index]}", "steering")
            )
        for index in range(self.committee_count - len(specs)):
            slug, region = REGIONS[index % len(REGIONS)]
            specs.append(
                (
                    f"wg-{slug}-{index + 1:02d}",
                    "working-group",
                    f"فريق العمل الجهوي {index + 1} - {region}",
                    "technical",
                )
            )
        for committee_id, kind, name, parent in specs:
            members = []
            for number in range(1, self.rng.randint(8, 18) + 1):
                member: dict[str, Any] = {
                    "id": f"m{number:02d}",
                    "role": "chair"
                    if number == 1
                    else ("secretariat" if number == 2 else "member"),
                    "titles": [
                        {
                            "title": {"ar": f"ممثل {self.text(2, 5)}"},
                            "attested": "2018-04-03",
                            "source": dict(SOURCE),
                        }
                    ],
                    "order": number,
                    "sources": [dict(SOURCE)],
                }
                if self.rng.random() < 0.3:
                    member["holders"] = [
                        {
                            "name": {"ar": self.person()},
                            "since": "2021-10-07",
                            "source": dict(SOURCE),
                        }
                    ]
                members.append(member)
            record: dict[str, Any] = {
                "id": committee_id,
                "name": {"ar": name},
                "kind": kind,
            }
            if parent:
                record["parent"] = parent
            record.update(
                {
                    "chair": "m01",
                    "secretariat": {"body": {"ar": "مصالح رئيس الحكومة"}},
                    "created": "1990-01-01",
                    "legal_basis": dict(SOURCE),
                    "cadence": {
                        "min_meetings": 1,
                        "per": "P6M",
                        "mode": "rolling",
                        "source": dict(SOURCE),
                    },
                    "approval_rule": {"kind": "majority-of-attendees"},
                    "members": members,
                    "sources": [dict(SOURCE)],
                }
            )
            self.committees.append(record)
            self.files[f"committees/{committee_id}.yaml"] = record

    def make_meetings(self) -> dt.date:
        count = len(self.committees)
        first = LAST_DAY
        for index in range(self.meetings):
            committee = self.committees[index % count]
            rank = index // count  # 0 = the latest meeting of the committee
            day = LAST_DAY - dt.timedelta(days=GAP_DAYS * rank + (index % count) % GAP_DAYS)
            first = min(first, day)
            self.meeting(committee, day, rank)
        return first

    def meeting(self, committee: dict[str, Any], day: dt.date, rank: int) -> None:
        rng = self.rng
        meeting_id = f"{committee['id']}/{day.isoformat()}"
        member_ids = [m["id"] for m in committee["members"]]
        agenda = [
            {
                "id": f"item-{n}",
                "title": {"ar": self.text(4, 9)},
                "priority": n,
                "proceedings": {"ar": self.text(12, 25)},
            }
            for n in range(1, rng.randint(2, 3) + 1)
        ]
        attendees = ["m01"] + rng.sample(
            member_ids[1:], min(len(member_ids) - 1, rng.randint(2, 5))
        )
        attendance = []
        for member in attendees:
            status = rng.choice(("present", "present", "present", "represented", "excused"))
            entry: dict[str, Any] = {
                "member": member,
                "status": "present" if member == "m01" else status,
            }
            if entry["status"] == "represented":
                entry["represented_by"] = {"ar": f"الكاتب العام {self.person()}"}
            attendance.append(entry)
        decisions = []
        for n in range(1, rng.randint(1, 2) + 1):
            decisions.append(
                {
                    "id": f"d{n}",
                    "kind": rng.choice(("decision", "recommendation")),
                    "text": {"ar": self.text(8, 16)},
                    "agenda_item": rng.choice(agenda)["id"],
                    "owner": rng.choice(member_ids),
                    "due": (day + dt.timedelta(days=rng.randint(30, 365))).isoformat(),
                }
            )
            self.decision_refs.append(f"{meeting_id}/d{n}")
        record: dict[str, Any] = {
            "id": meeting_id,
            "committee": committee["id"],
            "date": day.isoformat(),
            "time": rng.choice(("09:30", "10:00", "11:00", "15:00")),
            "end_time": "17:30",
            "place": {"ar": rng.choice(PLACES)},
            "kind": "ordinary" if rng.random() < 0.9 else "extraordinary",
            "status": "held",
            "number": 100000 - rank,
            "convened_by": "m01",
            "chaired_by": {"post": "m01", "name": {"ar": self.person()}},
            "agenda": agenda,
            "attendance": attendance,
            "attendance_complete": True,
            "decisions": decisions,
        }
        present = [e["member"] for e in attendance if e["status"] == "present"]
        if rank > 0:  # older minutes are approved by everyone present, and sealed
            record["minutes"] = {
                "status": "approved",
                "approvals": [
                    {"member": m, "date": (day + dt.timedelta(days=7)).isoformat()} for m in present
                ],
                "approved_on": (day + dt.timedelta(days=7)).isoformat(),
            }
            record["sources"] = [dict(SOURCE)]
            record["minutes"]["seal"] = _seal(record)
        else:
            record["minutes"] = {"status": "draft"}
            record["sources"] = [dict(SOURCE)]
        self.files[f"meetings/{meeting_id}.yaml"] = record

    def roadmap(self) -> None:
        thematic = [c for c in self.committees if c["kind"] == "thematic"]
        self.files["roadmap/roadmap.yaml"] = {
            "title": {"ar": "خارطة طريق إصلاح منظومة الحماية الاجتماعية (تجريبية)"},
            "owner": "steering",
            "axes": [
                {"id": f"axis-{n + 1}", "title": {"ar": self.text(3, 6)}, "committee": c["id"]}
                for n, c in enumerate(thematic)
            ],
            "milestones": [
                {
                    "id": f"ms-{n}",
                    "title": {"ar": self.text(3, 6)},
                    "axis": f"axis-{n % 4 + 1}",
                    "planned": f"{2019 + n}-12-31",
                }
                for n in range(1, 8)
            ],
            "sources": [dict(SOURCE)],
        }

    def actions(self) -> None:
        rng = self.rng
        refs = self.decision_refs
        for n in range(1, max(1, self.meetings // 5) + 1):
            chosen = sorted(rng.sample(refs, min(len(refs), rng.randint(1, 3))))
            committee = chosen[0].split("/", 1)[0]
            status = rng.choice(("not-started", "in-progress", "in-progress", "done", "blocked"))
            progress = {"not-started": 0, "done": 100}.get(status, rng.randint(5, 95))
            record: dict[str, Any] = {
                "id": f"action-{n:05d}",
                "title": {"ar": self.text(4, 8)},
                "decisions": chosen,
                "axis": f"axis-{rng.randint(1, 4)}",
                "owner": f"{committee}/m{rng.randint(1, 8):02d}",
                "start": "2019-01-01",
                "due": "2027-12-31",
                "status": status,
                "progress": progress,
                "updates": [
                    {
                        "date": f"202{k}-06-30",
                        "progress": min(progress, 20 * k),
                        "note": {"ar": self.text(5, 10)},
                    }
                    for k in range(1, rng.randint(1, 4) + 1)
                ],
                "sources": [dict(SOURCE)],
            }
            self.files[f"roadmap/actions/{record['id']}.yaml"] = record

    def indicators(self) -> None:
        rng = self.rng
        for n in range(1, max(1, self.meetings // 50) + 1):
            value = rng.randint(10_000, 5_000_000)
            observations = []
            month = dt.date(2021, 1, 1)
            for _ in range(rng.randint(24, 60)):
                value += rng.randint(0, 50_000)
                observations.append(
                    {
                        "date": month.isoformat(),
                        "value": value,
                        "qualifier": rng.choice(("exact", "about", "more-than")),
                        "source": dict(SOURCE),
                    }
                )
                month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            record = {
                "id": f"indicator-{n:04d}",
                "name": {"ar": f"عدد {self.text(2, 5)}"},
                "measure": "count",
                "unit": {"ar": "مستفيد"},
                "axis": f"axis-{rng.randint(1, 4)}",
                "owner": "technical",
                "frequency": "P1M",
                "direction": "higher",
                "observations": observations,
                "sources": [dict(SOURCE)],
            }
            self.files[f"roadmap/indicators/{record['id']}.yaml"] = record


def _seal(record: dict[str, Any]) -> dict[str, str]:
    from protsoc.governance import seal

    return seal.seal(record)


def write(files: dict[str, Any], out: Path) -> None:
    from protsoc.registry import yamlio

    for relative, data in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yamlio.dumps(data), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--meetings", type=int, default=1000, help="number of meeting files (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--committees", type=int, default=60, help="number of committees (at least 6)"
    )
    parser.add_argument("out", type=Path, help="the folder to write (must be empty or absent)")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    shipped = Path(__file__).resolve().parent.parent / "registry"
    if args.out.resolve() == shipped or shipped in args.out.resolve().parents:
        parser.error("refusing to write into the shipped registry/")
    files = Generator(args.meetings, args.seed, args.committees).run()
    write(files, args.out)
    print(f"wrote {len(files)} files to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
