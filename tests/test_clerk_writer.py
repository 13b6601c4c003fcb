"""Written YAML is stable and reviewable, and a person's comments survive protsoc's edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SHIPPED_REGISTRY

from protsoc.clerk import writer
from protsoc.registry import layout as registry_module
from protsoc.registry import yamlio

SHIPPED = sorted(p for p in SHIPPED_REGISTRY.rglob("*.yaml"))


@pytest.mark.parametrize(
    "path", SHIPPED, ids=[p.relative_to(SHIPPED_REGISTRY).as_posix() for p in SHIPPED]
)
def test_every_shipped_record_round_trips_unchanged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    record_file = registry_module.classify(SHIPPED_REGISTRY.resolve(), path)
    assert record_file is not None
    data = yamlio.loads(text.encode("utf-8")).data
    assert writer.update(record_file.kind, text, data, data) == text


def test_new_files_carry_a_modeline_arabic_as_text_and_quoted_dates(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    (tmp_path / "schemas").mkdir()  # the modeline points there (none without the folder)
    path = root / "meetings/technical/2025-03-10.yaml"
    data = {
        "sources": [{"document": "x"}],
        "status": "held",
        "date": "2025-03-10",
        "id": "technical/2025-03-10",
        "committee": "technical",
        "time": "10:30",
        "place": {"ar": "الرباط"},
    }
    text = writer.new_file("meeting", data, path, root)
    assert (
        text.splitlines()[0]
        == "# yaml-language-server: $schema=../../../schemas/meeting.schema.json"
    )
    assert "الرباط" in text and "\\u" not in text
    assert (
        "date: '2025-03-10'" in text and "time: '10:30'" in text
    )  # YAML 1.1 would misread them unquoted
    keys = [
        line.split(":")[0]
        for line in text.splitlines()[1:]
        if line and not line.startswith((" ", "-"))
    ]
    assert keys == [
        "id",
        "committee",
        "date",
        "time",
        "place",
        "status",
        "sources",
    ]  # the schema's order
    assert yamlio.loads(text.encode()).data == data


def test_comments_a_person_wrote_survive_a_set(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(SHIPPED_REGISTRY, tmp_path / "registry")
    path = tmp_path / "registry/meetings/technical/2025-12-01.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        "# Planned by the secretariat; confirm the room.\n"
        "id: technical/2025-12-01\n"
        "committee: technical\n"
        "date: 2025-12-01   # unquoted on purpose\n"
        "status: planned\n"
        "# the place is still open\n"
        "sources:\n"
        "  - document: convocation n° 12\n",
        encoding="utf-8",
    )
    result = run(
        [
            "protsoc",
            "set",
            "meeting",
            "technical/2025-12-01",
            "--status",
            "cancelled",
            "--place",
            "الرباط",
        ],
        cwd=tmp_path,
        env={"PROTSOC_LANG": "en"},
    )
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "# Planned by the secretariat; confirm the room." in text
    assert "# unquoted on purpose" in text
    assert "# the place is still open" in text
    assert "date: 2025-12-01" in text
    assert "  - document: convocation n° 12" in text  # the person's indentation is kept
    data = yamlio.loads(text.encode()).data
    assert data["status"] == "cancelled" and data["place"] == {"ar": "الرباط"}
    assert list(data) == ["id", "committee", "date", "place", "status", "sources"]


def test_set_changes_only_the_named_fields(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(SHIPPED_REGISTRY, tmp_path / "registry")
    path = tmp_path / "registry/meetings/steering/2024-11-26.yaml"
    before = yamlio.load_file(path).data
    result = run(
        ["protsoc", "set", "meeting", "steering/2024-11-26", "--time", "10:00"],
        cwd=tmp_path,
        env={"PROTSOC_LANG": "en"},
    )
    assert result.exit_code == 0, result.output
    after = yamlio.load_file(path).data
    assert after.pop("time") == "10:00"
    assert after == before
    assert path.read_text(encoding="utf-8").startswith(
        "# Steering Committee meeting of Tuesday 2024-11-26"
    )
