"""A .jsonl file read in byte ranges (``Reader.read_jsonl_range``, as Dask workers read a big one) gives
exactly what reading the whole file gives: the same documents, ids, line numbers and problems, in order,
wherever the range boundaries fall; a file that would not read the same (not UTF-8, NUL bytes, ...) is
flagged so that it is read whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.ingest.formats.jsonl import ranges_read_as_whole
from graphbuild.ingest.ids import common_root, name_documents
from graphbuild.ingest.reader import Reader


def record(doc_id, text: str, **extra) -> str:
    return json.dumps({"id": doc_id, "text": text, **extra}, ensure_ascii=False)


MIXED = [
    record("one", "Kamala Harris met Emmanuel Macron in Paris.", title="Talks", date="2024-10-15"),
    "",
    "   ",
    "{not json",
    record("café", "Le président a rencontré Olaf Scholz à Berlin. Ça va — très bien."),
    json.dumps(["a", "list"]),
    record("中文", "习近平在北京会见了拜登。🙂 An emoji is four bytes."),
    record("", "No id."),
    record("long", "A line longer than most ranges. " * 12),
    record("one", "The same id again: both are renamed with their line."),
    record(7, "Numbered.\nMonday, March 4, 2024\nBody."),
    "\t",
    record("last", "Joe Biden visited Tokyo on Friday."),
]


def whole(path: Path):
    """What the local Reader gives for the whole file, and its ids as Reader.run makes them unique."""
    reader = Reader()
    reader.read_file(path)
    named, notes = name_documents(reader.documents, reader.origins, common_root([path]))
    return reader.documents, reader.problems, list(reader.origins), named, notes


def in_ranges(path: Path, bounds: list[int], counted: bool):
    """The file read range by range: line numbers counted before each range (``counted``) or chained
    from the previous ranges' line breaks (as the cluster does)."""
    reader = Reader()
    found = []
    first = 1
    for start, end in zip(bounds, bounds[1:], strict=False):
        found.append(reader.read_jsonl_range(path, start, end, None if counted else first))
        first += found[-1].lines
    named, notes = name_documents(reader.documents, reader.origins, common_root([path]))
    return reader.documents, reader.problems, list(reader.origins), named, notes, found


def splits(size: int):
    """Every single boundary, and ranges of every size up to the whole file."""
    for k in range(1, size):
        yield [0, k, size]
    for step in range(1, size + 1):
        yield [*range(0, size, step), size]


def check_all_splits(path: Path, counted_too: bool = True) -> None:
    expected = whole(path)
    assert expected[0], "the file should give documents"
    size = path.stat().st_size
    for bounds in splits(size):
        for counted in (False, True) if counted_too else (False,):
            *got, found = in_ranges(path, bounds, counted)
            assert ranges_read_as_whole(found), bounds
            assert got == list(expected), (bounds, counted)


def write(path: Path, lines: list[str], newline: str = "\n", final: bool = True, bom: bool = False) -> Path:
    data = newline.join(lines) + (newline if final else "")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
    return path


def test_mixed_file_every_boundary(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", MIXED)
    documents, problems, origins, named, notes = whole(path)
    # The file is what the test needs: renamed ids with their lines, problems, multibyte text.
    assert [d.id for d in named] == ["one@batch.jsonl:1", "café", "中文", "long", "one@batch.jsonl:10", "7", "last"]
    assert [int(p.source.rsplit(":", 1)[1]) for p in problems] == [4, 6, 8]
    assert len(path.read_bytes()) > 2 * len(MIXED[8].encode())  # the long line spans many ranges
    check_all_splits(path, counted_too=False)
    # Counting the line breaks before each range gives the same numbers (fewer splits: it is quadratic).
    size = path.stat().st_size
    for bounds in ([0, k, size] for k in range(1, size, 7)):
        *got, found = in_ranges(path, bounds, counted=True)
        assert ranges_read_as_whole(found) and got == list(whole(path))


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr(tmp_path: Path, newline: str) -> None:
    check_all_splits(write(tmp_path / "crlf.jsonl", MIXED[:7], newline=newline))


def test_no_final_newline_and_byte_order_mark(tmp_path: Path) -> None:
    check_all_splits(write(tmp_path / "nofinal.jsonl", MIXED[:5], final=False))
    check_all_splits(write(tmp_path / "bom.jsonl", MIXED[:5], bom=True))


def test_blank_lines_at_both_ends_and_a_byte_order_mark_inside(tmp_path: Path) -> None:
    check_all_splits(write(tmp_path / "blank.jsonl", ["", "", MIXED[0], "", "\ufeff" + MIXED[4], "  ", ""]))
    check_all_splits(write(tmp_path / "bom2.jsonl", [MIXED[0], "\ufeff" + MIXED[4]], bom=True))


def test_boundary_on_a_line_start_and_inside_a_character(tmp_path: Path) -> None:
    path = write(tmp_path / "b.jsonl", [record("a", "Paris"), record("b", "München ist schön"), record("c", "Rome")])
    data = path.read_bytes()
    line_start = data.index(b"\n") + 1
    inside = data.index("ü".encode()) + 1  # between the two bytes of ü
    for bounds in ([0, line_start, len(data)], [0, inside, len(data)], [0, line_start, inside, len(data)]):
        *got, found = in_ranges(path, bounds, counted=True)
        assert ranges_read_as_whole(found) and got == list(whole(path))
    reader = Reader()
    only = reader.read_jsonl_range(path, line_start, line_start + 1)  # the line starting at the boundary
    assert (only.start, only.lines) == (line_start, 1)
    assert [(d.id, d.source) for d in reader.documents] == [("b", f"{path}:2")]
    assert reader.origins == [(path, 2)]


def test_range_inside_one_long_line_reads_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "long.jsonl", [MIXED[8], MIXED[0]])
    reader = Reader()
    found = reader.read_jsonl_range(path, 5, 50)
    assert reader.documents == [] and reader.problems == [] and found.start == found.end


@pytest.mark.parametrize("case", ["cp1252", "utf-16", "nul", "whitespace", "controls"])
def test_files_that_do_not_read_the_same_in_ranges_are_flagged(tmp_path: Path, case: str) -> None:
    """The whole file decides these (another encoding, "binary", "empty file", "not text"): every split
    says so, and the cluster reads such a file in one piece."""
    path = tmp_path / f"{case}.jsonl"
    lines = [record("a", "Paris"), record("b", "Berlin"), record("c", "Rome")]
    if case == "cp1252":
        data = "\n".join([*lines, record("d", "Café")]).encode("cp1252")
    elif case == "utf-16":
        data = "\n".join(lines).encode("utf-16")
    elif case == "nul":
        data = ("\n".join(lines) + "\n").encode() + b"\x00\n"
    elif case == "whitespace":
        data = b" \n\n\t\r\n" * 10
    else:
        data = ("\n".join(lines) + "\n").encode() + b"\x01" * 50 + b"\n"
    path.write_bytes(data)
    reader = Reader()
    reader.read_file(path)
    if case == "cp1252":
        assert reader.documents[-1].text == "Café"
    elif case == "utf-16":
        assert [d.id for d in reader.documents] == ["a", "b", "c"]
    elif case in ("nul", "controls"):  # a .jsonl is judged record by record: only the bad line is lost
        assert [d.id for d in reader.documents] == ["a", "b", "c"]
        assert [p.source for p in reader.problems] == [f"{path}:4"]
    else:
        assert reader.problems and not reader.documents
    for bounds in splits(len(data)):
        *_, found = in_ranges(path, bounds, counted=False)
        assert not ranges_read_as_whole(found), bounds


def test_ranges_that_do_not_cover_the_file_are_flagged(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", MIXED[:3])
    size = path.stat().st_size
    *_, found = in_ranges(path, [0, 10, size - 5], counted=False)  # the end is missing
    assert not ranges_read_as_whole(found)
    reader = Reader()
    later = [reader.read_jsonl_range(path, 10, size), reader.read_jsonl_range(path, 0, 10)]  # out of order
    assert not ranges_read_as_whole(later)
    assert not reader.read_jsonl_range(tmp_path / "missing.jsonl", 0, 10).ok
