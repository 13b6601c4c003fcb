"""The site's open data: ``data/<dataset>.json`` and ``.csv``, their JSON Schemas and one archive.

Each JSON file is an envelope ``{"$schema", "schema_version", "dataset", "as_of", "items"}``
whose items its schema (``data/schema/v<N>/<dataset>.schema.json``) describes field by field.
``SCHEMA_VERSION`` changes when a field is removed or changes meaning; adding a field does not.
CSV files are UTF-8 with a byte-order mark (spreadsheets otherwise garble Arabic), one row per
item, and every text cell goes through ``safe_text.csv_cell`` (record text is untrusted: a cell
starting with ``=`` must not become a formula).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from protsoc.kernel.safe_text import csv_cell
from protsoc.site.model import Site

SCHEMA_VERSION = 1
_TEXT = {
    "type": "object",
    "description": "A record text by language code (ar is always the reference wording).",
    "additionalProperties": {"type": "string"},
}
_DAY = {
    "type": ["string", "null"],
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "description": "ISO 8601 day.",
}
_NUMBER = {"type": ["number", "null"]}
_STRING = {"type": ["string", "null"]}
_VALUE = {
    "type": ["object", "null"],
    "properties": {
        "date": _DAY,
        "value": {"type": "number"},
        "qualifier": {**_STRING, "description": "exact, about, more-than, less-than, at-least."},
        "as_reported": {**_STRING, "description": "The wording of the source, in Arabic."},
        "source": {**_STRING, "description": "The source document."},
    },
    "required": ["date", "value"],
}

# dataset: (description {ar, fr}, item properties, required, CSV columns)
DATASETS: dict[str, dict[str, Any]] = {
    "indicators": {
        "description": {
            "ar": "المؤشرات: آخر قيمة، الهدف، التحيين، وكل القيم المنشورة",
            "fr": "Indicateurs : dernière valeur, cible, actualité et toutes les valeurs publiées",
        },
        "properties": {
            "id": {"type": "string"},
            "name": _TEXT,
            "unit": _TEXT,
            "measure": {"type": "string", "description": "count, percentage, amount…"},
            "axis": {**_STRING, "description": "Roadmap axis id."},
            "owner": {**_STRING, "description": "Committee id keeping the indicator."},
            "direction": {
                **_STRING,
                "description": "higher or lower is better; null: no direction.",
            },
            "frequency": {**_STRING, "description": "ISO 8601 duration between updates."},
            "latest": _VALUE,
            "previous": _VALUE,
            "change": _NUMBER,
            "trend": {**_STRING, "description": "better, worse, unchanged."},
            "target": {
                "type": ["object", "null"],
                "properties": {"value": {"type": "number"}, "date": _DAY},
            },
            "target_met": {"type": ["boolean", "null"]},
            "freshness": {"type": "string", "description": "fresh, stale, no-frequency, no-data."},
            "observations": {"type": "array", "items": _VALUE},
            "last_updated": {**_DAY, "description": "Day of the last commit touching the record."},
        },
        "required": ["id", "name", "measure", "observations", "freshness"],
        "columns": [
            "id",
            "name_ar",
            "name_fr",
            "unit_ar",
            "measure",
            "axis",
            "owner",
            "latest_date",
            "latest_value",
            "latest_qualifier",
            "target_value",
            "target_date",
            "freshness",
            "last_updated",
        ],
    },
    "observations": {
        "description": {
            "ar": "كل قيم المؤشرات، قيمة في كل سطر",
            "fr": "Toutes les valeurs des indicateurs, une par ligne",
        },
        "properties": {
            "indicator": {"type": "string"},
            "date": _DAY,
            "value": {"type": "number"},
            "qualifier": _STRING,
            "as_reported": _STRING,
            "source": _STRING,
        },
        "required": ["indicator", "date", "value"],
        "columns": ["indicator", "date", "value", "qualifier", "as_reported", "source"],
    },
    "committees": {
        "description": {
            "ar": "اللجان، قاعدة انتظام اجتماعاتها ووضعيتها، وأعضاؤها",
            "fr": "Comités, règle de régularité, état et membres",
        },
        "properties": {
            "id": {"type": "string"},
            "name": _TEXT,
            "kind": {"type": "string"},
            "status": {
                "type": "string",
                "description": "compliant, due-soon, breach, no-rule, unknown.",
            },
            "last_held": _DAY,
            "next_due": _DAY,
            "held": {"type": "integer"},
            "members": {"type": "array", "items": {"type": "object"}},
        },
        "required": ["id", "name", "status", "members"],
        "columns": ["id", "name_ar", "kind", "status", "last_held", "next_due", "held", "members"],
    },
    "meetings": {
        "description": {
            "ar": "الاجتماعات المنعقدة (المحاضر المصادق عليها وحدها تنشر)",
            "fr": "Réunions (seuls les procès-verbaux approuvés sont publiés)",
        },
        "properties": {
            "id": {"type": "string"},
            "committee": {"type": "string"},
            "date": _DAY,
            "status": {"type": "string"},
            "approved": {
                "type": "boolean",
                "description": "The minutes are approved and published.",
            },
            "last_updated": _DAY,
        },
        "required": ["id", "committee", "date", "approved"],
        "columns": ["id", "committee", "date", "status", "approved", "last_updated"],
    },
    "decisions": {
        "description": {
            "ar": "القرارات والتوصيات ومخططات عملها",
            "fr": "Décisions, recommandations et plans d'action",
        },
        "properties": {
            "ref": {"type": "string"},
            "meeting": {"type": "string"},
            "committee": {"type": "string"},
            "date": _DAY,
            "kind": {"type": "string"},
            "text": {"type": "string", "description": "Arabic wording."},
            "owner": {"type": "string"},
            "due": _DAY,
            "state": {"type": "string", "description": "open, late, done."},
            "progress": {"type": ["integer", "null"]},
            "actions": {"type": "array", "items": {"type": "object"}},
        },
        "required": ["ref", "meeting", "state", "actions"],
        "columns": [
            "ref",
            "meeting",
            "committee",
            "date",
            "kind",
            "text",
            "owner",
            "due",
            "state",
            "progress",
        ],
    },
}


_MONEY = {
    "type": ["string", "null"],
    "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
    "description": "Amount in MAD as an exact decimal string (governance/finance.py).",
}
_RATE = {
    "type": ["string", "null"],
    "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
    "description": "A ratio (0.8750 = 87.5 %) as a decimal string; null: nothing to divide by.",
}
_FIGURES = {
    "type": ["object", "null"],
    "description": "null: the programme and its actions record no budget and no ledger event.",
    "properties": {
        "original_budget": _MONEY,
        "revised_budget": _MONEY,
        "committed": {**_MONEY, "description": "Commitments minus decommitments, in MAD."},
        "paid": _MONEY,
        "spent": _MONEY,
        "commitment_rate": {**_RATE, "description": "Net commitments / revised budget."},
        "payment_rate": {**_RATE, "description": "Payments / net commitments."},
        "execution_rate": {**_RATE, "description": "Payments / revised budget."},
    },
}
DATASETS["programmes"] = {
    "description": {
        "ar": "البرامج وتتبعها المالي: الميزانية المعدلة والالتزامات والأداءات ونسبها",
        "fr": "Programmes et suivi financier : budget révisé, engagements, paiements et taux",
    },
    "properties": {
        "id": {"type": "string"},
        "name": _TEXT,
        "axis": {**_STRING, "description": "Roadmap axis id."},
        "committee": {**_STRING, "description": "Thematic committee id."},
        "managing_bodies": {"type": "array", "items": {"type": "object"}},
        "start": _STRING,
        "indicators": {"type": "array", "items": {"type": "string"}},
        "actions": {"type": "array", "items": {"type": "string"}},
        "evaluations": {"type": "array", "items": {"type": "string"}},
        "finance": _FIGURES,
        "by_year": {
            "type": "array",
            "description": "The same figures per fiscal year.",
            "items": {"type": "object", "properties": {"year": {"type": "integer"}}},
        },
        "sources": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["id", "name", "finance"],
    "columns": [
        "id",
        "name_ar",
        "axis",
        "committee",
        "original_budget",
        "revised_budget",
        "committed",
        "paid",
        "spent",
        "commitment_rate",
        "payment_rate",
        "execution_rate",
    ],
}


def schema(dataset: str) -> dict[str, Any]:
    spec = DATASETS[dataset]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"schema/v{SCHEMA_VERSION}/{dataset}.schema.json",
        "title": f"protsoc site data: {dataset} (version {SCHEMA_VERSION})",
        "description": spec["description"]["fr"],
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "schema_version": {"const": SCHEMA_VERSION},
            "dataset": {"const": dataset},
            "as_of": _DAY,
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": spec["properties"],
                    "required": spec["required"],
                },
            },
        },
        "required": ["schema_version", "dataset", "as_of", "items"],
    }


def schema_path(dataset: str) -> str:
    return f"schema/v{SCHEMA_VERSION}/{dataset}.schema.json"


def items(site: Site) -> dict[str, list[dict[str, Any]]]:
    observations = [{"indicator": i["id"], **o} for i in site.indicators for o in i["observations"]]
    return {
        "indicators": [
            {
                k: v
                for k, v in i.items()
                if k
                not in ("note", "sources", "owner_name", "change_approximate", "next_update_due")
            }
            | {"sources": i["sources"]}
            for i in site.indicators
        ],
        "observations": observations,
        "committees": [
            {
                k: c[k]
                for k in (
                    "id",
                    "name",
                    "kind",
                    "status",
                    "last_held",
                    "next_due",
                    "held",
                    "members",
                )
            }
            for c in site.committees
        ],
        "meetings": [
            {k: m[k] for k in ("id", "committee", "date", "status", "approved", "last_updated")}
            for m in site.meetings
        ],
        "decisions": site.decisions,
        "programmes": [
            {k: v for k, v in p.items() if k not in ("note", "short_name", "legal_basis")}
            for p in site.programmes
        ],
    }


def _row(dataset: str, item: dict[str, Any]) -> list[Any]:
    flat: dict[str, Any] = dict(item)
    if dataset == "indicators":
        latest, target = item.get("latest") or {}, item.get("target") or {}
        flat.update(
            name_ar=item["name"].get("ar", ""),
            name_fr=item["name"].get("fr", ""),
            unit_ar=(item.get("unit") or {}).get("ar", ""),
            latest_date=latest.get("date"),
            latest_value=latest.get("value"),
            latest_qualifier=latest.get("qualifier"),
            target_value=target.get("value"),
            target_date=target.get("date"),
        )
    elif dataset == "programmes":
        flat.update(name_ar=item["name"].get("ar", ""), **(item.get("finance") or {}))
    elif dataset == "committees":
        flat.update(name_ar=item["name"].get("ar", ""), members=len(item["members"]))
    return [
        csv_cell("" if flat.get(c) is None else flat.get(c)) for c in DATASETS[dataset]["columns"]
    ]


def csv_text(dataset: str, rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(DATASETS[dataset]["columns"])
    for item in rows:
        writer.writerow(_row(dataset, item))
    return "\ufeff" + buffer.getvalue()


def json_text(dataset: str, rows: list[dict[str, Any]], as_of: str) -> str:
    envelope = {
        "$schema": schema_path(dataset),
        "schema_version": SCHEMA_VERSION,
        "dataset": dataset,
        "as_of": as_of,
        "items": rows,
    }
    return json.dumps(envelope, ensure_ascii=False, indent=1, sort_keys=False, default=str) + "\n"


def write(site: Site, out: Path) -> tuple[list[Path], str]:
    """Write every dataset, its schema, each indicator's own files and the archive; returns the
    written paths and the archive's file name."""
    folder = out / "data"
    written: list[Path] = []
    as_of = site.as_of.isoformat()

    def put(relative: str, text: str) -> None:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
        written.append(target)

    for dataset, rows in items(site).items():
        put(f"{dataset}.json", json_text(dataset, rows, as_of))
        put(f"{dataset}.csv", csv_text(dataset, rows))
        put(schema_path(dataset), json.dumps(schema(dataset), ensure_ascii=False, indent=1) + "\n")
    for indicator in site.indicators:
        put(
            f"indicators/{indicator['id']}.csv",
            csv_text(
                "observations",
                [{"indicator": indicator["id"], **o} for o in indicator["observations"]],
            ),
        )
        put(f"indicators/{indicator['id']}.json", json_text("indicators", [indicator], as_of))

    archive = f"protsoc-data-{as_of}.zip"
    stamp = (site.as_of.year, site.as_of.month, site.as_of.day, 0, 0, 0)  # reproducible bytes
    with zipfile.ZipFile(folder / archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(written):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, path.read_bytes())
    written.append(folder / archive)
    return written, archive
