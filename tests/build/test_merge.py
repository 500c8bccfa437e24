"""graphbuild merge: a document is never dropped; clashing documents are an error naming both."""

from __future__ import annotations

from pathlib import Path

from build_helpers import GOOD, OTHER, run_build, write_file

from graphbuild.cli import main


def test_merge_of_clashing_documents_is_an_error_naming_both(tmp_path: Path, capsys) -> None:
    for name, text in (("a", GOOD), ("b", OTHER)):
        write_file(tmp_path / name / "story.txt", text)
        assert run_build([tmp_path / name], tmp_path / f"out-{name}", "--workers", "1") == 0
    a, b = tmp_path / "out-a" / "triples.jsonl", tmp_path / "out-b" / "triples.jsonl"
    capsys.readouterr()
    assert main(["merge", str(a), str(b), "--out", str(tmp_path / "merged")]) == 1
    err = capsys.readouterr().err
    assert "document 'story'" in err and f"{a}:1" in err and f"{b}:1" in err and "Traceback" not in err
    assert not (tmp_path / "merged").exists()
    # The same document in two shares is merged once.
    assert main(["merge", str(a), str(a), "--out", str(tmp_path / "same")]) == 0
    assert "built 1 documents" in capsys.readouterr().err
