"""Cache entries are checked on read: a damaged one is rebuilt and rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_helpers import run_build


def _entries(out: Path) -> list[Path]:
    return sorted((out / ".cache").rglob("*.json"))


@pytest.mark.parametrize("damage", ["wrong type", "copied over", "not json", "out of range", "deep", "deep inside"])
def test_a_damaged_cache_entry_is_rebuilt_and_rewritten(built: Path, capsys, damage: str) -> None:
    import json

    graph = (built / "graph.json").read_bytes()
    first, second = _entries(built)
    entry = json.loads(first.read_text())
    if damage == "wrong type":
        entry["extraction"]["mentions"][0]["start"] = "0"
        first.write_text(json.dumps(entry))
    elif damage == "copied over":
        first.write_bytes(second.read_bytes())
    elif damage == "not json":
        first.write_bytes(b"\x00{")
    elif damage == "deep":  # RecursionError in the decoder
        first.write_text('{"key": "k", "extraction": ' + "[" * 100_000 + "]" * 100_000 + "}")
    elif damage == "deep inside":
        entry["extraction"]["sentences"][0]["text"] = json.loads("[" * 900 + "]" * 900)
        first.write_text(json.dumps(entry))
    else:
        entry["extraction"]["relations"][0]["subject"] = 99
        first.write_text(json.dumps(entry))
    capsys.readouterr()
    assert run_build([built.parent / "in"], built, "--workers", "1") == 0
    err = capsys.readouterr().err
    assert "(1 from cache)" in err and "1 damaged cache entries rebuilt" in err
    assert (built / "graph.json").read_bytes() == graph
    assert run_build([built.parent / "in"], built, "--workers", "1") == 0  # rewritten: all from cache now
    assert "(2 from cache)" in capsys.readouterr().err


def test_no_cache_repairs_the_cache(built: Path, capsys) -> None:
    for entry in _entries(built):
        entry.write_text('{"key": "x", "extraction": {"doc_id": 1}}')
    assert run_build([built.parent / "in"], built, "--workers", "1", "--no-cache") == 0
    capsys.readouterr()
    assert run_build([built.parent / "in"], built, "--workers", "1") == 0
    assert "(2 from cache)" in capsys.readouterr().err
