"""Reader: file kinds, folders, ids, datelines, and every kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graphbuild.dates import find_dateline, parse_dateline
from graphbuild.dates import metadata_date as normalise_date
from graphbuild.ingest.decode import decode_bytes
from graphbuild.ingest.reader import read_inputs

ARTICLE = "Talks in Paris\n\nThe minister met the president on Tuesday, officials said.\n"

PAGE = """<!DOCTYPE html>
<html><head><title>Ministers meet in Paris</title>
<meta property="article:published_time" content="2024-10-15T08:00:00Z"></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Ministers meet in Paris</h1>
<p>The French foreign minister met her German counterpart in Paris on Tuesday to discuss trade.</p>
<p>The two ministers agreed to hold further talks in Berlin next month, according to a statement.</p>
<p>Officials from both countries said the meeting had been constructive and lasted two hours.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


def test_text_and_markdown_files(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.md", "# Summit ends\n\nLeaders left Rome on Friday.\n")
    docs, problems = read_inputs([tmp_path])
    assert problems == []
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text == ARTICLE
    assert docs[0].title == "Talks in Paris"
    assert docs[1].title == "Summit ends"
    assert docs[0].source == str(tmp_path / "a.txt")


def test_folders_are_recursive_sorted_and_ignore_other_files(tmp_path: Path) -> None:
    write(tmp_path / "z" / "c.txt", ARTICLE)
    write(tmp_path / "a" / "deep" / "b.txt", ARTICLE)
    write(tmp_path / "a" / "a.txt", ARTICLE)
    write(tmp_path / "a" / "notes.csv", "x,y\n")
    write(tmp_path / "a" / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / ".hidden" / "h.txt", ARTICLE)
    docs, problems = read_inputs([tmp_path])
    assert problems == []
    assert [d.id for d in docs] == ["a", "b", "c"]


def test_order_does_not_depend_on_argument_order(tmp_path: Path) -> None:
    one, two = write(tmp_path / "x" / "n.txt", ARTICLE), write(tmp_path / "y" / "n.txt", ARTICLE + "More.\n")
    first, _ = read_inputs([two, one])
    second, _ = read_inputs([one, two, one])  # the same file twice is read once
    assert [(d.id, d.source) for d in first] == [(d.id, d.source) for d in second]
    assert [d.id for d in first] == ["x/n", "y/n"]  # clashing ids: the path from the common folder


def test_explicit_unsupported_file_and_missing_path_are_problems(tmp_path: Path) -> None:
    csv = write(tmp_path / "data.csv", "a,b\n")
    docs, problems = read_inputs([csv, tmp_path / "missing.txt"])
    assert docs == []
    assert [p.source for p in problems] == [str(csv), str(tmp_path / "missing.txt")]
    assert "unsupported" in problems[0].reason
    assert "no such file" in problems[1].reason


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    write(tmp_path / "page.html", PAGE)
    docs, problems = read_inputs([tmp_path / "page.html"])
    assert problems == []
    (doc,) = docs
    assert doc.id == "page"
    assert "German counterpart" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Ministers meet in Paris"
    assert doc.date == "2024-10-15"
    assert "<p>" not in doc.text


def test_html_fallback_for_tiny_page_and_empty_page(tmp_path: Path) -> None:
    write(tmp_path / "tiny.htm", "<html><body><div>Leaders met in Oslo.</div></body></html>")
    write(tmp_path / "blank.html", "<html><head></head><body><script>var x = 1;</script></body></html>")
    docs, problems = read_inputs([tmp_path])
    assert [d.text for d in docs] == ["Leaders met in Oslo."]
    assert [(Path(p.source).name, p.reason) for p in problems] == [("blank.html", "no text found in HTML")]


def test_jsonl_records_and_malformed_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": "First story.", "title": "T1", "date": "2024-10-15T10:00:00Z",
                    "url": "https://example.org/1"}),
        "{not json",
        json.dumps({"id": "", "text": "No id."}),
        json.dumps({"id": "three"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": "Numbered.\nMonday, March 4, 2024\nBody."}),
        json.dumps({"id": "one", "text": "Same id again."}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    docs, problems = read_inputs([path])
    assert [(d.id, d.title, d.date, d.url) for d in docs] == [
        ("one@batch.jsonl:1", "T1", "2024-10-15", "https://example.org/1"),
        ("7", None, "2024-03-04", None),
        ("one@batch.jsonl:8", None, None, None),
    ]
    assert docs[0].source == f"{path}:1"
    assert [p.source for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:6"]
    assert "bad JSON" in problems[0].reason
    assert "'id'" in problems[1].reason
    assert "'text'" in problems[2].reason
    assert "object" in problems[3].reason


def test_duplicate_ids_across_files_are_paths(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", ARTICLE)
    write(tmp_path / "b" / "story.md", ARTICLE)
    write(tmp_path / "b" / "story.txt", ARTICLE)
    write(tmp_path / "c" / "story-2.txt", ARTICLE)
    docs, _ = read_inputs([tmp_path])
    ids = [d.id for d in docs]
    assert ids == ["a/story", "b/story.md", "b/story.txt", "story-2"]


def test_empty_binary_and_whitespace_files(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", b"  \n\n\t\n")
    write(tmp_path / "binary.txt", bytes(range(256)) * 4)
    write(tmp_path / "controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08 text \x0e\x0f\x10\x11\x12")
    docs, problems = read_inputs([tmp_path])
    assert docs == []
    got = {Path(p.source).name: p.reason for p in problems}
    assert got["empty.txt"] == "empty file"
    assert got["blank.txt"] == "empty file"
    assert "binary" in got["binary.txt"]
    assert "not text" in got["controls.txt"]


def test_encodings(tmp_path: Path) -> None:
    text = "Café talks: the “minister” met Zoë in Genève.\n"
    write(tmp_path / "cp.txt", text, encoding="cp1252")
    write(tmp_path / "u16.txt", text, encoding="utf-16")  # Python writes a BOM
    write(tmp_path / "u8bom.txt", text, encoding="utf-8-sig")
    write(tmp_path / "u16le.txt", text.encode("utf-16-le"))  # no BOM
    write(tmp_path / "u16be.txt", text.encode("utf-16-be"))
    write(tmp_path / "crlf.txt", text.replace("\n", "\r\n") + "Second line.\r\n")
    docs, problems = read_inputs([tmp_path])
    assert problems == []
    by_id = {d.id: d.text for d in docs}
    assert by_id["cp"] == by_id["u16"] == by_id["u8bom"] == by_id["u16le"] == by_id["u16be"] == text
    assert by_id["crlf"] == text + "Second line.\n"


def test_latin1_only_when_text_looks_sane() -> None:
    # 0x81 is undefined in cp1252, so this needs latin-1; still looks like text.
    data = b"The caf\xe9 in Gen\xe8ve was closed on Monday, the owner said. \x81" * 2
    assert decode_bytes(data) == (data.decode("latin-1"), "latin-1")
    text, reason = decode_bytes(bytes(range(0x80, 0xA0)) * 5)
    assert text is None and "not text" in reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        docs, problems = read_inputs([path])
    finally:
        path.chmod(0o644)
    assert docs == []
    assert problems[0].source == str(path) and "cannot read" in problems[0].reason


def test_unreadable_file_any_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also as root: a read that fails with an OSError becomes a problem, and the batch goes on."""
    bad, good = write(tmp_path / "bad.txt", ARTICLE), write(tmp_path / "good.txt", ARTICLE)
    real = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self.name == "bad.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    docs, problems = read_inputs([bad, good])
    assert [d.id for d in docs] == ["good"]
    assert problems[0].source == str(bad)
    assert problems[0].reason == "cannot read: Permission denied"


def test_problem_reasons_are_one_line(tmp_path: Path) -> None:
    write(tmp_path / "x.jsonl", '{"id": "a", "text": \n')
    write(tmp_path / "y.txt", b"\x00\x00")
    _, problems = read_inputs([tmp_path])
    assert len(problems) == 2
    assert all("\n" not in str(p) and str(p).startswith(p.source) for p in problems)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday 14 November 2024 05:47 GMT", "2024-11-14"),
        ("October 15, 2024", "2024-10-15"),
        ("2024-10-15", "2024-10-15"),
        ("Published: 3 March 2023", "2023-03-03"),
        ("Updated Sept. 5, 2022 at 4:30 p.m. EDT", "2022-09-05"),
        ("Mon, Jan 2, 2023", "2023-01-02"),
        ("  2021-7-4 10:00  ", "2021-07-04"),
        ("The meeting on October 15, 2024 was short.", None),
        ("October 2024", None),
        ("2024-13-40", None),
        ("By Jane Doe, October 15, 2024, for Example News and its partner sites across the world", None),
    ],
)
def test_parse_dateline(line: str, iso: str | None) -> None:
    assert parse_dateline(line) == iso


def test_dateline_found_in_text_not_in_sentence(tmp_path: Path) -> None:
    write(tmp_path / "d.txt", "Headline here\nVia a wire\nThursday 14 November 2024 05:47 GMT\n\nBody text.\n")
    write(tmp_path / "s.txt", "Headline\n\nThe deal was signed on October 15, 2024 in Paris.\n")
    docs, _ = read_inputs([tmp_path])
    assert {d.id: d.date for d in docs} == {"d": "2024-11-14", "s": None}
    assert find_dateline("x\n" * 40 + "2024-01-01\n") is None  # only near the top


def test_normalise_date() -> None:
    assert normalise_date("2024-10-15") == "2024-10-15"
    assert normalise_date("2024-10-15T23:59:59+02:00") == "2024-10-15"
    assert normalise_date("October 15, 2024") == "2024-10-15"
    assert normalise_date("soon") is None
    assert normalise_date(None) is None


# -- one bad record costs only itself (issue 23) -----------------------------------------------------------


def test_jsonl_is_decoded_record_by_record(tmp_path: Path) -> None:
    """One byte that is not UTF-8 falls back for its own record only, with a note naming file and line."""
    from graphbuild.ingest.reader import Reader

    good = json.dumps({"id": "a", "text": "Søren Kierkegaard met Zoë in Genève."}, ensure_ascii=False)
    path = write(tmp_path / "u.jsonl", good.encode() + b'\n{"id":"b","text":"x \xff y"}\n'
                 + good.replace('"a"', '"c"').encode() + b"\n")
    reader = Reader()
    docs, problems = reader.run([path])
    assert problems == []
    by_id = {d.id: d.text for d in docs}
    assert by_id["a"] == by_id["c"] == "Søren Kierkegaard met Zoë in Genève."
    assert by_id["b"] == "x ÿ y"
    assert [(n.source, "cp1252" in n.reason) for n in reader.notes] == [(f"{path}:2", True)]


def test_jsonl_nul_byte_skips_only_its_record(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", b'{"id":"a","text":"Paris."}\n{"id":"b","text":"x \x00 y"}\n'
                 b'{"id":"c","text":"Rome."}\n')
    docs, problems = read_inputs([path])
    assert [d.id for d in docs] == ["a", "c"]
    assert [(p.source, "NUL" in p.reason) for p in problems] == [(f"{path}:2", True)]
    write(tmp_path / "bin.jsonl", b"\x00\x01\x02\n\x00\x05\n")  # nothing but NUL records: a binary file
    assert [(Path(p.source).name, p.reason) for p in read_inputs([tmp_path / "bin.jsonl"])[1]] == [
        ("bin.jsonl", "binary file (NUL bytes)")]


def test_jsonl_nested_too_deeply_or_huge_number_is_one_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.jsonl", "[" * 3000 + "\n" + '{"id": 1' + "0" * 5000 + ', "text": "x"}\n'
                 + json.dumps({"id": "ok", "text": "Paris."}) + "\n")
    docs, problems = read_inputs([path])
    assert [d.id for d in docs] == ["ok"]
    assert [p.source for p in problems] == [f"{path}:1", f"{path}:2"]
    assert all(p.reason.startswith("bad JSON") for p in problems)


def test_document_ids_never_take_the_form_of_entity_ids(tmp_path: Path) -> None:
    write(tmp_path / "u.jsonl", json.dumps({"id": "person:mary-jones", "text": "Mary Jones met Tom Lee."}) + "\n"
          + json.dumps({"id": "bbc:123", "text": "Paris."}) + "\n")
    write(tmp_path / "location:paris.txt", ARTICLE)
    from graphbuild.ingest.reader import Reader

    reader = Reader()
    docs, problems = reader.run([tmp_path])
    assert problems == []
    assert sorted(d.id for d in docs) == ["bbc:123", "location:paris.txt", "person:mary-jones@u.jsonl:1"]
    assert len(reader.notes) == 2 and all("entities' form" in n.reason for n in reader.notes)


def test_control_characters_never_reach_the_exports(tmp_path: Path) -> None:
    """Form feed, vertical tab, ESC, NUL escapes and lone surrogates in a headline, a jsonl field or a file
    name: the text keeps its length (offsets), one-line fields get spaces."""
    from graphbuild.ingest.decode import UNWRITABLE

    body = "The minister met\x0cthe president. " + "Officials said the talks went well. " * 5
    write(tmp_path / "head.txt", "Talks \x1b[1min Paris\x0b\n\n" + body + "\n")
    write(tmp_path / "esc\x1bname.md", ARTICLE)
    record = {"id": "j\x0bid", "text": "Body\x00 text \ud800 here.", "title": "T\x0ctitle", "url": "http://x/\x1b",
              "outlet": "Out\x07let"}
    write(tmp_path / "c.jsonl", json.dumps(record) + "\n")
    docs, problems = read_inputs([tmp_path])
    assert problems == []
    for doc in docs:
        for value in (doc.id, doc.text, doc.title, doc.url, doc.outlet, doc.path):
            assert value is None or not UNWRITABLE.search(value), (doc.id, value)
    by_id = {d.id: d for d in docs}
    assert by_id["head"].title == "Talks  [1min Paris"
    assert by_id["head"].text == "Talks  [1min Paris\n\n\n" + body.replace("\x0c", "\n") + "\n"
    assert by_id["esc name"].path == "esc name.md"
    jsonl = by_id["j id"]
    assert (jsonl.text, jsonl.title, jsonl.url, jsonl.outlet) == ("Body  text \ufffd here.", "T title", "http://x/",
                                                                  "Out let")


def test_a_very_long_id_is_bounded_and_stays_unique(tmp_path: Path) -> None:
    """Neo4j's index refuses a key of more than about 8 KB: an id is cut and made unique by a hash."""
    from graphbuild.ingest.reader import MAX_ID_CHARS, Reader

    long_a, long_b = "a" * 10_000, "a" * 9_999 + "b"
    path = write(tmp_path / "long.jsonl", "".join(json.dumps({"id": i, "text": "Paris."}) + "\n"
                                                  for i in (long_a, long_b)))
    reader = Reader()
    docs, problems = reader.run([path])
    assert problems == [] and len({d.id for d in docs}) == 2
    assert all(len(d.id) == MAX_ID_CHARS and d.id.startswith("a" * 100) for d in docs)
    assert [n.source for n in reader.notes] == [f"{path}:1", f"{path}:2"]
    assert "id of 10,000 characters" in reader.notes[0].reason


def test_the_text_held_for_one_document_is_capped(tmp_path: Path) -> None:
    """A huge record (one 1.5-million-character line) is cut at a sentence end within the limit, noted; peak
    memory follows the text held, so one record cannot exhaust it (README: 50 MB record, under 1.5 GB)."""
    from graphbuild.ingest.reader import MAX_DOCUMENT_CHARS, Reader

    sentence = "Ann Lee met Tom Ng in Paris on Monday. "
    body = sentence * (1_500_000 // len(sentence))
    path = write(tmp_path / "huge.jsonl", json.dumps({"id": "huge", "text": body}) + "\n"
                 + json.dumps({"id": "small", "text": sentence}) + "\n")
    reader = Reader()
    docs, problems = reader.run([path])
    assert problems == [] and [d.id for d in docs] == ["huge", "small"]
    held = docs[0].text
    assert MAX_DOCUMENT_CHARS - len(sentence) <= len(held) <= MAX_DOCUMENT_CHARS and body.startswith(held)
    assert held.endswith("Monday. ")
    assert [n.source for n in reader.notes] == [f"{path}:1"] and "1,000,000" in reader.notes[0].reason


def test_a_text_file_falls_back_line_by_line(tmp_path: Path) -> None:
    """One stray byte in a UTF-8 article garbles only its own line, with a note (issue 23)."""
    from graphbuild.ingest.reader import Reader

    path = write(tmp_path / "a.txt", "Søren Dahl met Zoë Ng.\nA stray \xff byte.\nGenève.\n".encode()
                 .replace("\xff".encode(), b"\xff"))
    reader = Reader()
    docs, problems = reader.run([path])
    assert problems == [] and docs[0].text == "Søren Dahl met Zoë Ng.\nA stray ÿ byte.\nGenève.\n"
    assert [(n.source, n.reason) for n in reader.notes] == [
        (str(path), "not UTF-8: line 2 read as cp1252, the rest as UTF-8")]
