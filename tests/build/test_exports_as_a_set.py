"""The exports are replaced as a set: a failed write or exporter leaves the previous ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from build_helpers import GOOD, OTHER, run_build, write_file


def test_out_that_is_a_file_or_not_writable(tmp_path: Path, monkeypatch, capsys) -> None:
    good = write_file(tmp_path / "in" / "a.txt", GOOD)
    a_file = write_file(tmp_path / "file", "x")
    assert run_build([good], a_file, "--workers", "1") == 1
    assert run_build([good], a_file / "sub", "--workers", "1") == 1
    assert capsys.readouterr().err.count("is not a folder") == 2
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as for a read-only folder (even as root)
    assert run_build([good], tmp_path / "out", "--workers", "1") == 1
    assert "is not writable" in capsys.readouterr().err


@pytest.mark.parametrize("error", [(28, "No space left on device"), (30, "Read-only file system")])
def test_a_failing_write_is_one_line_and_previous_exports_stay(built: Path, monkeypatch, capsys,
                                                             error: tuple[int, str]) -> None:
    before = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    real = os.fsync

    def fsync(fd):
        raise OSError(*error)

    monkeypatch.setattr(os, "fsync", fsync)
    assert run_build([built.parent / "in"], built, "--workers", "1", "--no-cache") == 1
    err = capsys.readouterr().err
    assert error[1] in err and "Traceback" not in err
    monkeypatch.setattr(os, "fsync", real)
    assert {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()} == before
    assert not [p for p in built.rglob("*") if p.name.endswith(".tmp")]


def test_a_failing_exporter_leaves_every_previous_export_intact(built: Path, monkeypatch) -> None:
    from graphbuild import exporters

    before = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    write_file(built.parent / "in" / "new.txt", OTHER.replace("Paris", "Rome"))

    def explode(G, path, **kwargs):
        Path(path).write_text("half")
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(exporters, "EXPORTS", [*exporters.EXPORTS[:2], exporters.Export("graph.cypher", explode),
                                               *exporters.EXPORTS[3:]])
    assert run_build([built.parent / "in"], built, "--workers", "1") == 1
    assert {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()} == before
    # Nothing left but the current set's folder (the exports link into it).
    assert [p.name for p in built.iterdir() if p.name.startswith(".exports-")] == [os.readlink(built / ".exports")]


def test_an_interrupted_rebuild_of_the_same_set_keeps_it(built: Path, monkeypatch) -> None:
    """The same input gives the same set (same folder): a rebuild interrupted at the swap never removes the
    folder the exports already link into."""
    from graphbuild.build import pipeline

    before = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    current = os.readlink(built / ".exports")

    def interrupted(link, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_point", interrupted)
    assert run_build([built.parent / "in"], built, "--workers", "1") == 130  # as Ctrl-C
    assert os.readlink(built / ".exports") == current and (built / current).is_dir()
    assert {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()} == before
