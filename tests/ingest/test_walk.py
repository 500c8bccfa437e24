"""Walking the inputs: every folder or file not read is reported; clashing ids become paths."""

from __future__ import annotations

import os
from pathlib import Path

from build_helpers import GOOD, OTHER, run_build, write_file

from graphbuild.exporters.json_graph import read_json


def test_symlinked_folder_is_followed_once_and_a_loop_is_reported(tmp_path: Path) -> None:
    from graphbuild.ingest.reader import read_inputs

    outside = tmp_path / "outside"
    write_file(outside / "linked.txt", GOOD)
    root = tmp_path / "in"
    write_file(root / "a.txt", OTHER)
    (root / "via-link").symlink_to(outside, target_is_directory=True)
    (root / "again").symlink_to(outside, target_is_directory=True)
    (outside / "loop").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root, target_is_directory=True)
    docs, problems = read_inputs([root])
    assert sorted(d.id for d in docs) == ["a", "linked"]
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert "loop" in reasons["self"] and "loop" in reasons["loop"]
    assert "read once" in reasons["via-link"] or "read once" in reasons["again"]


def test_unreadable_sub_folder_is_reported(tmp_path: Path, monkeypatch) -> None:
    from graphbuild.ingest.reader import read_inputs

    write_file(tmp_path / "in" / "a.txt", GOOD)
    write_file(tmp_path / "in" / "secret" / "b.txt", OTHER)
    real = os.scandir

    def scandir(path=".", *args):
        if Path(path).name == "secret":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, problems = read_inputs([tmp_path / "in"])
    assert [d.id for d in docs] == ["a"]
    assert [(p.source, p.reason) for p in problems] == [
        (str(tmp_path / "in" / "secret"), "cannot read folder: Permission denied")]


def test_folder_without_supported_files_says_what_it_found(tmp_path: Path) -> None:
    from graphbuild.ingest.reader import read_inputs

    write_file(tmp_path / "in" / "a.pdf", b"%PDF")
    write_file(tmp_path / "in" / "b.pdf", b"%PDF")
    write_file(tmp_path / "in" / "sub" / "c.docx", b"PK")
    docs, problems = read_inputs([tmp_path / "in"])
    assert docs == []
    assert len(problems) == 1 and ".pdf ×2" in problems[0].reason and ".docx" in problems[0].reason
    assert ".txt" in problems[0].reason


def test_fifo_is_refused_not_read_forever(tmp_path: Path) -> None:
    from graphbuild.ingest.reader import read_inputs

    fifo = tmp_path / "in" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    write_file(tmp_path / "in" / "a.txt", GOOD)
    docs, problems = read_inputs([fifo])  # named explicitly
    assert docs == [] and "not a regular file (FIFO)" in problems[0].reason
    docs, problems = read_inputs([tmp_path / "in"])  # inside a folder
    assert [d.id for d in docs] == ["a"] and "FIFO" in problems[0].reason
    docs, problems = read_inputs(["/dev/zero"])
    assert docs == [] and "device" in problems[0].reason


def test_missing_path_is_reported_and_the_others_are_built(tmp_path: Path, capsys) -> None:
    good = write_file(tmp_path / "in" / "a.txt", GOOD)
    assert run_build([tmp_path / "typo", good], tmp_path / "out", "--workers", "1") == 0
    assert "typo: no such file or folder" in capsys.readouterr().err
    assert read_json(tmp_path / "out" / "graph.json").graph["documents"] == 1
    assert run_build([tmp_path / "typo"], tmp_path / "out2", "--workers", "1") == 1
    assert not (tmp_path / "out2").exists()


def test_clashing_ids_become_relative_paths_and_are_reported(tmp_path: Path, capsys) -> None:
    from graphbuild.ingest.reader import Reader

    write_file(tmp_path / "one" / "story.txt", GOOD)
    write_file(tmp_path / "two" / "story.txt", OTHER)
    write_file(tmp_path / "two" / "feed.jsonl", '{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n')
    reader = Reader()
    docs, _ = reader.run([tmp_path / "two", tmp_path / "one"])
    assert [d.id for d in docs] == ["one/story", "x@two/feed.jsonl:1", "x@two/feed.jsonl:2", "two/story"]
    assert len(reader.notes) == 2 and "same id 'story'" in reader.notes[0].reason
    assert run_build([tmp_path / "one", tmp_path / "two"], tmp_path / "out", "--workers", "1") == 0
    err = capsys.readouterr().err
    assert "same id 'story'" in err and "one/story.txt" in err and "two/story.txt" in err
    assert read_json(tmp_path / "out" / "graph.json").graph["documents"] == 4
