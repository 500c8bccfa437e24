"""triples.jsonl: a malformed line is one reported record, never a traceback (merge reads these files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.build.triples import read_triples_lines, write_triples
from graphbuild.cli import main
from graphbuild.exporters.json_graph import read_json
from graphbuild.models import Article, DocExtraction, Mention, Sentence

GOOD = DocExtraction("d1", None, [Sentence("Ann met Bob.", 0, 12)],
                     [Mention("Ann", "Person", 0, 3, 0), Mention("Bob", "Person", 8, 11, 0)],
                     article=Article("d1"))

BAD_LINES = [
    "[" * 3000,  # RecursionError in the decoder
    '{"doc_id": "x", "sentences": [[1, 2]]}',  # a sentence that is not an object
    '{"doc_id": "x", "mentions": [{"sentence": 5, "start": 0, "end": 1, "text": "A", "label": "Person"}]}',
    '{"doc_id": 7}',  # doc_id of the wrong type
    '"just a string"',
    '{"doc_id": "x", "article": []}',
    '{"sentences": []}',  # no doc_id
    "{oops",
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "t.jsonl"
    write_triples([GOOD], path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(BAD_LINES) + "\n")
    return path


def test_each_malformed_line_is_one_reported_record(tmp_path: Path) -> None:
    path = _file(tmp_path)
    problems: list = []
    records = read_triples_lines(path, problems)
    assert [(n, e.doc_id) for n, e in records] == [(1, "d1")]
    assert [p.source for p in problems] == [f"{path}:{n}" for n in range(2, 2 + len(BAD_LINES))]
    with pytest.raises(ValueError, match=r"t\.jsonl:2"):  # without a list to report into: a ValueError
        read_triples_lines(path)


def test_merge_reports_malformed_lines_and_builds_the_rest(tmp_path: Path, capsys) -> None:
    import gc

    path = _file(tmp_path)
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])["doc_id"] == "d1"
    gc.collect()  # what earlier tests left to collect reports itself now, not inside the merge's output
    capsys.readouterr()
    assert main(["merge", str(path), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"{path}:2" in err and f"{path}:{1 + len(BAD_LINES)}" in err
    assert "d1" in read_json(tmp_path / "out" / "graph.json")


def test_merge_of_an_older_triples_file_with_control_characters_writes_every_export(tmp_path: Path) -> None:
    """Text from a triples.jsonl an older build wrote enters here: made writable one character for one."""
    record = DocExtraction("d\x0b1", None, [Sentence("Ann\x1b met Bob.", 0, 13)],
                           [Mention("Ann\x1b", "Person", 0, 4, 0), Mention("Bob", "Person", 9, 12, 0)],
                           article=Article("d\x0b1", title="T\x0c"))
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(record.to_dict()) + "\n", encoding="utf-8")
    assert main(["merge", str(path), "--out", str(tmp_path / "out")]) == 0
    G = read_json(tmp_path / "out" / "graph.json")
    assert "d 1" in G and G.nodes["d 1"]["title"] == "T " and "person:ann" in G
    assert "Ann " in (tmp_path / "out" / "graph.graphml").read_text(encoding="utf-8")
