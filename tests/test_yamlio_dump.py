"""protsoc writes only what its own strict loader reads back."""

from protsoc.registry import yamlio


def test_a_value_shared_twice_is_written_out_twice_not_as_an_alias() -> None:
    shared = {"ar": "وزارة الداخلية"}
    text = yamlio.dumps({"institution": shared, "secretariat": {"body": shared}})

    assert "&" not in text and "*" not in text
    assert yamlio.loads(text.encode("utf-8")).data == {
        "institution": {"ar": "وزارة الداخلية"},
        "secretariat": {"body": {"ar": "وزارة الداخلية"}},
    }


def test_dumped_arabic_stays_readable_and_multiline_text_uses_a_block() -> None:
    text = yamlio.dumps({"note": {"ar": "سطر أول\nسطر ثان"}, "title": {"ar": "لجنة القيادة"}})

    assert "لجنة القيادة" in text  # not \u escapes
    assert "|" in text
    assert yamlio.loads(text.encode("utf-8")).data["note"]["ar"] == "سطر أول\nسطر ثان"


def test_writing_to_a_device_writes_into_it_and_never_replaces_it(tmp_path) -> None:
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        yamlio.write_atomic(fifo, "id: x\n")
        assert os.read(reader, 100) == b"id: x\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_new_file_is_readable_by_the_team_and_a_replaced_file_keeps_its_mode(tmp_path) -> None:
    import os

    new = tmp_path / "new.yaml"
    old_umask = os.umask(0o022)
    try:
        yamlio.write_atomic(new, "id: x\n")
    finally:
        os.umask(old_umask)
    assert new.stat().st_mode & 0o777 == 0o644

    existing = tmp_path / "existing.yaml"
    existing.write_text("id: y\n")
    existing.chmod(0o640)
    yamlio.write_atomic(existing, b"id: z\n")
    assert existing.read_text() == "id: z\n"
    assert existing.stat().st_mode & 0o777 == 0o640


def _records_on_disk() -> list:
    from pathlib import Path

    from test_perf_fastpath import _generator

    repository = Path(__file__).resolve().parent.parent
    found = []
    for folder in (repository / "registry", repository / "tests" / "examples"):
        for path in sorted(folder.rglob("*.yaml")):
            try:
                found.append(yamlio.loads(path.read_bytes()).data)
            except yamlio.YamlError:
                continue  # the broken examples: nothing to write
    found += list(_generator().Generator(meetings=60, seed=3, committees=6).run().values())
    return found


def test_dumps_writes_what_the_representer_writes_for_every_record() -> None:
    """``dumps`` builds the common nodes itself: the text must stay PyYAML's, byte for byte."""
    import datetime as dt

    records = _records_on_disk()
    assert len(records) > 100
    awkward = {
        "texts": ["yes", "no", "10:30", "", " lead", "#x", "- a", "a: b", "'q'", "1e3", "0x1F"]
        + ["~", "null", "True", "=", "<<", ".inf", "-.5", "2024-11-26", "12:30:00", "0o17", "+1"],
        "bidi": "\u202ehidden\u202c",
        "lines": "one\ntwo\n",
        "numbers": [0, -7, 2**70, 1.5, 1e20, float("inf"), float("nan"), True, False, None],
        "empty": [{}, [], {"a": []}],
        3: "an integer key",
        "date": dt.date(2024, 11, 26),
        "nested": [[["deep"]], {"k": {"ar": "نص عربي طويل " * 20}}],
    }
    for data in [*records, awkward]:
        assert yamlio.dumps(data) == yamlio.dumps_by_representer(data)


def test_dumps_refuses_what_the_representer_refuses() -> None:
    import pytest
    import yaml

    assert yamlio.dumps({"set": {1, 2}}) == yamlio.dumps_by_representer({"set": {1, 2}})
    for dump in (yamlio.dumps, yamlio.dumps_by_representer):
        with pytest.raises(yaml.representer.RepresenterError):
            dump({"thing": object()})
