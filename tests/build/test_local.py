"""The local process pool: a dying worker loses no document; workers die with their build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from build_helpers import GOOD, OTHER, run_build, write_file

from graphbuild.exporters.json_graph import read_json


def test_a_worker_that_dies_does_not_lose_its_documents(tmp_path: Path, monkeypatch, capsys) -> None:
    from graphbuild.extract.extractor import Extractor

    real_run, parent = Extractor.run, os.getpid()

    def run(self, clean_doc, doc):
        if "Rome" in clean_doc.text and os.getpid() != parent:
            os._exit(9)  # a worker killed (OOM killer, segfault)
        return real_run(self, clean_doc, doc)

    monkeypatch.setattr(Extractor, "run", run)
    folder = tmp_path / "in"
    for n in range(4):
        write_file(folder / f"a{n}.txt", GOOD)
    write_file(folder / "rome.txt", OTHER.replace("Paris", "Rome"))
    assert run_build([folder], tmp_path / "out", "--workers", "2", "--batch-size", "1", "--no-cache") == 0
    G = read_json(tmp_path / "out" / "graph.json")
    assert G.graph["documents"] == 5


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

    for n in range(400):  # enough work that the build is still extracting when the signal comes
        write_file(tmp_path / "in" / f"a{n:03d}.txt", GOOD * 20)
    out = tmp_path / "out"
    workers: set[int] = set()
    build = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "build", str(tmp_path / "in"), "--out", str(out), "--quiet",
         "--workers", "2", "--batch-size", "1"],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2 and build.poll() is None:
            workers = {c for c in _children(build.pid) if _running(c)}
            time.sleep(0.1)
        assert len(workers) >= 2, "no workers seen"
        time.sleep(1.0)  # the workers are busy
        assert build.poll() is None, "the build ended before it could be killed: give it more work"
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
