"""Finding a record or an entry by its words: the id to give the next command.

Matching is Arabic-aware: diacritics (tashkil) and the tatweel are ignored, and the letters
that clerks type interchangeably are folded (أ إ آ ٱ → ا, ى → ي, ة → ه), so that «القرارات»,
«القرارَات» and «القـرارات» find each other, as do «مؤسسة» and «مؤسسه». Latin text is matched
without case. Record text is only read, never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from protsoc.registry.loaded import Registry

# The harakat, tanwin, shadda, sukun, dagger alif and Quranic marks; the tatweel.
_IGNORED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLDED = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

KINDS = (
    "committee",
    "member",
    "meeting",
    "agenda-item",
    "decision",
    "guest",
    "action",
    "indicator",
    "evaluation",
)


def fold(text: str) -> str:
    """Text as it is compared: no diacritics or tatweel, variant letters folded, no case."""
    return " ".join(_IGNORED.sub("", text).translate(_FOLDED).casefold().split())


@dataclass(frozen=True)
class Hit:
    kind: str
    reference: str  # what to type in the next command, e.g. technical/2025-03-10/d2
    text: str


def _words(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(value[key]) for key in ("ar", "fr", "en") if key in value)
    return str(value) if isinstance(value, str) else ""


def _entries(record_data: dict[str, Any], key: str) -> Iterator[dict[str, Any]]:
    yield from (e for e in record_data.get(key) or [] if isinstance(e, dict))


def candidates(registry: Registry) -> Iterator[Hit]:
    """Every searchable text of the registry, with the id that names it."""
    for record in registry.records:
        data = record.data if isinstance(record.data, dict) else None
        if data is None:
            continue
        kind = record.kind
        if kind == "committee":
            yield Hit(
                kind,
                record.id,
                " — ".join(
                    filter(None, (_words(data.get("name")), _words(data.get("short_name"))))
                ),
            )
            for member in _entries(data, "members"):
                names = [_words(t.get("title")) for t in _entries(member, "titles")]
                names += [_words(h.get("name")) for h in _entries(member, "holders")]
                yield Hit(
                    "member", f"{record.id} {member.get('id')}", " — ".join(filter(None, names))
                )
        elif kind == "meeting":
            yield Hit(
                kind,
                record.id,
                " — ".join(filter(None, (_words(data.get("place")), _words(data.get("note"))))),
            )
            for item in _entries(data, "agenda"):
                yield Hit(
                    "agenda-item",
                    f"{record.id} {item.get('id')}",
                    " — ".join(
                        filter(None, (_words(item.get("title")), _words(item.get("proceedings"))))
                    ),
                )
            for decision in _entries(data, "decisions"):
                yield Hit(
                    "decision", f"{record.id}/{decision.get('id')}", _words(decision.get("text"))
                )
            for guest in _entries(data, "guests"):
                yield Hit(
                    "guest",
                    f"{record.id} {guest.get('id')}",
                    " — ".join(
                        filter(None, (_words(guest.get("name")), _words(guest.get("capacity"))))
                    ),
                )
        elif kind in ("action", "evaluation"):
            yield Hit(kind, record.id, _words(data.get("title")))
        elif kind == "indicator":
            yield Hit(
                kind,
                record.id,
                " — ".join(
                    filter(None, (_words(data.get("name")), _words(data.get("definition"))))
                ),
            )


def search(registry: Registry, text: str, kind: str | None = None) -> list[Hit]:
    """The records and entries whose words contain ``text`` (every word of it, in any order)."""
    wanted = fold(text).split()
    found = []
    for hit in candidates(registry):
        if kind is not None and hit.kind != kind:
            continue
        words = fold(hit.text + " " + hit.reference)
        if wanted and all(word in words for word in wanted):
            found.append(hit)
    return found
