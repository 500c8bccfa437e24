"""The whole build through the CLI: bad input, exit codes, determinism, cache, atomic exports."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from build_helpers import write_file

import graphbuild
from graphbuild.build.triples import read_triples
from graphbuild.cli import main
from graphbuild.exporters.json_graph import read_json

REPO = Path(__file__).resolve().parents[2]
ARTICLE = """Leaders meet in Vienna
Friday 3 May 2024

Austrian Chancellor Karl Nehammer met with Boris Johnson in Vienna on Thursday.
Johnson later visited Salzburg. Nehammer said the talks had been useful.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    write_file(folder / "vienna.txt", ARTICLE)
    write_file(folder / "empty.txt", "")
    write_file(folder / "binary.txt", b"\x00\x01\x02\x89PNG" * 20)
    write_file(folder / "feed.jsonl", '{"id": "j1", "text": "Kamala Harris met Emmanuel Macron in Paris."}\n{oops\n')
    return folder


def test_bad_files_are_reported_and_the_rest_is_built(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "empty.txt" in err and "binary.txt" in err and "feed.jsonl:2" in err
    G = read_json(out / "graph.json")
    assert G.graph["documents"] == 2
    assert {"person:karl-nehammer", "person:boris-johnson", "person:kamala-harris"} <= set(G.nodes)
    edge = G.edges["person:boris-johnson", "person:karl-nehammer", "MET"]
    assert edge["status"] == "occurred" and edge["place"] == "Vienna" and edge["date"] == "2024-05-02"
    evidence = edge["evidence"][0]
    assert ARTICLE[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert G.nodes["person:boris-johnson"]["aliases"] == ["Boris Johnson", "Johnson"]


def test_exit_status_one_when_nothing_was_built(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_file(folder / "empty.txt", "")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    assert not (tmp_path / "out" / "graph.json").exists()


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert main(["build", str(tmp_path / "missing"), "--quiet"]) == 1  # reported; nothing built
    assert main(["no-such-command"]) == 2
    assert main(["who-met", "X", "--graph", str(tmp_path / "none.json")]) == 2


def test_same_input_gives_byte_identical_exports_whatever_the_workers(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["build", str(corpus), "--out", str(one), "--quiet", "--workers", "1", "--no-cache"]) == 0
    assert main(["build", str(corpus), "--out", str(two), "--quiet", "--workers", "2", "--batch-size", "1",
                 "--no-cache"]) == 0
    names = sorted(p.name for p in one.iterdir() if p.is_file())
    assert "graph.json" in names and "graph.graphml" in names and "triples.jsonl" in names
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_cached_rebuild_processes_only_the_new_article(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    main(["build", str(corpus), "--out", str(out), "--quiet"])
    capsys.readouterr()
    write_file(corpus / "new.txt", "Kamala Harris visited Berlin on Monday.")
    main(["build", str(corpus), "--out", str(out), "--quiet"])
    assert "built 3 documents (2 from cache)" in capsys.readouterr().err
    triples = read_triples(out / "triples.jsonl")
    assert [t.doc_id for t in triples] == ["j1", "new", "vienna"]


def test_failed_export_leaves_previous_exports_intact(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    main(["build", str(corpus), "--out", str(out), "--quiet"])
    before = (out / "graph.json").read_bytes()
    write_file(corpus / "new.txt", "Kamala Harris visited Berlin on Monday.")

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(json, "dumps", explode)
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-cache"]) == 130
    assert (out / "graph.json").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_python_api_and_who_met(corpus: Path, tmp_path: Path, capsys) -> None:
    G = graphbuild.build_graph(corpus)
    assert G.has_edge("person:boris-johnson", "person:karl-nehammer", "MET")
    out = tmp_path / "out"
    main(["build", str(corpus), "--out", str(out), "--quiet"])
    capsys.readouterr()
    assert main(["who-met", "Nehammer", "--graph", str(out / "graph.json")]) == 0
    printed = capsys.readouterr().out
    assert "Boris Johnson" in printed and "vienna" in printed
    assert main(["stats", "--graph", str(out / "graph.json")]) == 0
    assert "MET: 2" in capsys.readouterr().out


def test_module_entry_point_works(corpus: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "graphbuild", "--version"], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0 and "graphbuild" in result.stdout


def test_merge_of_per_document_results_gives_the_same_graph(corpus: Path, tmp_path: Path) -> None:
    """triples.jsonl is the hand-off point: merging split results equals building the whole."""
    whole, merged = tmp_path / "whole", tmp_path / "merged"
    assert main(["build", str(corpus), "--out", str(whole), "--quiet"]) == 0
    lines = (whole / "triples.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    part_a, part_b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    part_a.write_text("".join(lines[:1]), encoding="utf-8")
    part_b.write_text("".join(lines[1:]), encoding="utf-8")
    assert main(["merge", str(part_b), str(part_a), "--out", str(merged)]) == 0
    assert (whole / "graph.json").read_bytes() == (merged / "graph.json").read_bytes()


# -- issue 23: an unwritable cache, --batch-size 0, the whole build time -------------------------------------


def test_an_unwritable_cache_is_one_note_and_the_build_goes_on(corpus: Path, tmp_path: Path, monkeypatch,
                                                               capsys) -> None:
    out = tmp_path / "out"
    write_file(out / ".cache", "a file where the cache folder would be")
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1", "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert err.count("cache not written") == 1 and "Traceback" not in err
    assert read_json(out / "graph.json").graph["documents"] == 2
    (out / ".cache").unlink()
    import graphbuild.build.cache as cache_module

    calls = []

    def refused(path, text):
        calls.append(path)
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(cache_module, "atomic_write_text", refused)  # as a read-only .cache (even as root)
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "cache not written (Permission denied): built without it" in err and len(calls) == 1


def test_batch_size_zero_is_a_usage_error(corpus: Path, tmp_path: Path, capsys) -> None:
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--batch-size", "0"]) == 2
    assert "--batch-size must be at least 1" in capsys.readouterr().err


def test_the_summary_times_the_whole_build_and_the_exports_apart(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    import time

    from graphbuild import exporters
    from graphbuild.build.pipeline import run_build
    from graphbuild.settings import Settings

    def slow(G, path):
        time.sleep(0.6)
        Path(path).write_text("x", encoding="utf-8")

    monkeypatch.setattr(exporters, "EXPORTS", [*exporters.EXPORTS, exporters.Export("slow.txt", slow)])
    report = run_build([corpus], tmp_path / "out", Settings(workers=1, progress=False))
    assert report.export_seconds >= 0.6 and report.seconds >= report.export_seconds
    assert f"in {report.seconds:.1f}s (writing the exports {report.export_seconds:.1f}s of it)" in report.summary()


def _export_set(out: Path) -> dict[str, bytes]:
    names = ["graph.json", "graph.graphml", "graph.cypher", "queries.cypher", "graph.html", "triples.jsonl"]
    assert len({os.path.realpath(out / name).rsplit("/", 1)[0] for name in names}) == 1  # one folder: one set
    return {name: (out / name).read_bytes() for name in names}


def test_the_export_set_is_replaced_in_one_step(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """A kill at the swap leaves the previous set whole; a staging folder a killed build left is removed."""
    import graphbuild.build.pipeline as pipeline

    out = tmp_path / "out"
    write_file(out / "graph.json", "an older build's file")  # a folder of plain files becomes a set the first time
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    before = _export_set(out)
    write_file(corpus / "new.txt", "Kamala Harris visited Berlin on Monday.")
    real_point = pipeline._point

    def killed_at_the_swap(link: Path, target: str) -> None:
        if link.name == pipeline.CURRENT_SET:
            raise KeyboardInterrupt
        real_point(link, target)

    monkeypatch.setattr(pipeline, "_point", killed_at_the_swap)
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 130
    assert _export_set(out) == before
    monkeypatch.undo()
    (out / ".exports-999999999-killed.tmp").mkdir()  # as kill -9 leaves them (no such process)
    (out / ".exports-k1ll3d.tmp").mkdir()  # an older version's
    (out / ".graph.json-999999999.link.tmp").symlink_to("nowhere")
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    after = _export_set(out)
    assert after != before and b"new" in after["triples.jsonl"]
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".cache") == [
        ".exports", os.readlink(out / ".exports")]


@pytest.mark.parametrize("scheduler", [None, "local:2"])
def test_bad_records_cost_only_themselves(tmp_path: Path, capsys, scheduler: str | None) -> None:
    """Issue 23, done when: one build over the bad records of items 1 and 3-7 beside good articles builds every
    good article into the graph (every export written, GraphML included)."""
    folder = tmp_path / "in"
    write_file(folder / "vienna.txt", ARTICLE)
    write_file(folder / "head\x1bline.md",
               "Talks\x0cin Berlin\n\nPeter No\u200bvak met Anna Schmidt in Berlin on Monday.\n"
               + "The two ministers discussed trade and energy for a long while, officials said.\n" * 3)
    records = [
        json.dumps({"id": "j1", "text": "Kamala Harris met Emmanuel Macron in Paris."}).encode(),
        '{"id": "sk", "text": "Søren Dahl met Olaf Scholz in Oslo."}'.encode("cp1252"),  # item 1: not UTF-8
        b'{"id": "nul", "text": "x \x00 y"}',  # item 3
        json.dumps({"id": "person:mary-jones", "text": "Mary Jones met Tom Lee in Rome."}).encode(),  # item 4
        json.dumps({"id": "zw", "text": "Peter Novak met Anna Schmidt in Berlin on Tuesday."}).encode(),  # item 5
        json.dumps({"id": "c\x0bc", "title": "T\x1bitle", "url": "http://x/\x0c", "outlet": "O\x07",  # item 6
                    "text": "Joe Biden met Olaf Scholz in Washington."}).encode(),
        b"[" * 3000,  # item 7
    ]
    write_file(folder / "feed.jsonl", b"\n".join(records) + b"\n")
    out = tmp_path / "out"
    args = ["build", str(folder), "--out", str(out), "--quiet", "--no-cache"]
    assert main(args + (["--scheduler", scheduler] if scheduler else ["--workers", "1"])) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{folder / 'feed.jsonl'}:3" in err and f"{folder / 'feed.jsonl'}:7" in err  # the two bad records
    G = read_json(out / "graph.json")
    articles = {n for n, d in G.nodes(data=True) if d.get("label") == "Article"}
    assert articles == {"vienna", "head line", "j1", "sk", "person:mary-jones@feed.jsonl:4", "zw", "c c"}
    assert G.graph["documents"] == 7
    assert G.nodes["sk"]["path"] == "feed.jsonl:2"
    triples = {t.doc_id: t for t in read_triples(out / "triples.jsonl")}
    assert triples["sk"].sentences[0].text.startswith("Søren Dahl")  # decoded as cp1252, not "SÃ¸ren"
    assert "Ã" not in (out / "graph.json").read_text(encoding="utf-8")
    assert G.has_edge("person:mary-jones@feed.jsonl:4", "person:mary-jones", "MENTIONS")
    assert {n for n in G.nodes if n.startswith("person:peter")} == {"person:peter-novak"}
    assert set(G.nodes["person:peter-novak"]["sources"]) == {"head line", "zw"}
    assert (G.nodes["c c"]["title"], G.nodes["c c"]["url"], G.nodes["c c"]["outlet"]) == ("T itle", "http://x/", "O")
    assert (out / "graph.graphml").stat().st_size > 0 and "Talks" in (out / "graph.graphml").read_text(encoding="utf-8")
