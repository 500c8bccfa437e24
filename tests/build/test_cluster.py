"""Extraction on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on 127.0.0.1
(TCP, as on a cluster of hosts), and a `local:2` LocalCluster. The exports must be byte-identical to a
local build; a worker killed mid-build, a document that kills workers and an unreachable scheduler are
handled. Everything started here is stopped here."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.ingest.reader import Reader

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"
CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-dev.jsonl"
CORPUS_LINES = 16  # of wikinews-dev.jsonl: enough for many tasks, short enough for 2 shared cores
START_TIMEOUT = 90  # seconds for the scheduler and both workers to come up
BUILD_TIMEOUT = 300
RANGE_BYTES = 700  # JSONL_RANGE_BYTES for the ranges test: every .jsonl file of the inputs is split
PAD = "x" * 400  # a field the reader ignores: bigger lines, no more text to extract


def _env() -> dict[str, str]:
    """Workers and builds import this checkout's graphbuild (and the tests' crash plugin)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(TESTS), *filter(None, [env.get("PYTHONPATH")])])
    env["DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES"] = "1"  # a crashing document gives up sooner
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """Stop a process we started, and its children (the worker under a nanny): its own process group."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=15)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """Seeds, a share of the Wikinews dev corpus, a clashing id (renamed: its cache key is made on a
    worker), a bad file (reported), a .jsonl file with blank and bad lines, CRLF, a repeated id (renamed
    with its line numbers), non-ASCII text and no final newline, and a cp1252 one."""
    folder = tmp_path_factory.mktemp("in")
    shutil.copytree(REPO / "seeds", folder / "seeds")
    (folder / "dup").mkdir()
    first = sorted((REPO / "seeds").glob("*.txt"))[0]
    shutil.copy(first, folder / "dup" / first.name)
    (folder / "dup" / "empty.txt").write_text("")
    edge = [json.dumps({"id": "e1", "text": "Olaf Scholz met Joe Biden in Berlin.", "pad": PAD}), "", "{bad json",
            json.dumps({"id": "e1", "text": "Joe Biden visited Tōkyō on Friday — 東京.", "pad": PAD},
                       ensure_ascii=False),
            "   ", json.dumps({"id": "e2", "text": "Kamala Harris met Emmanuel Macron in Paris.", "pad": PAD})]
    (folder / "edge.jsonl").write_bytes("\r\n".join(edge).encode("utf-8"))
    latin = json.dumps({"id": "l1", "text": "Angela Merkel met François Hollande in Paris.", "pad": PAD * 3},
                       ensure_ascii=False)
    (folder / "latin.jsonl").write_bytes((latin + "\n").encode("cp1252"))  # read whole, as cp1252
    if not CORPUS.is_file():  # without it the ranges test would split no file of many records
        (pytest.fail if os.environ.get("CI", "").lower() in ("1", "true", "yes") else pytest.skip)(
            f"the Wikinews dev corpus is not at {CORPUS}")
    if CORPUS.is_file():
        lines = CORPUS.read_text(encoding="utf-8").splitlines()[:CORPUS_LINES]
        (folder / "wikinews.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_build(inputs: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local")
    assert main(["build", str(inputs), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    return out


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """tcp://127.0.0.1:PORT of a `dask scheduler` with two `dask worker` processes."""
    from distributed import Client

    folder = tmp_path_factory.mktemp("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    started: list[subprocess.Popen] = []

    def start(*args: str, log: str) -> None:
        with open(folder / log, "wb") as out:
            started.append(subprocess.Popen([sys.executable, "-m", "dask", *args], env=_env(), cwd=folder,
                                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True))

    try:
        start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard", log="scheduler.log")
        for n in range(2):
            start("worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1",
                  "--no-dashboard", "--name", f"w{n}", log=f"worker{n}.log")
        with Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address
    finally:
        for process in reversed(started):
            _stop(process)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _cache_keys(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / ".cache").rglob("*.json"))


def _build(inputs: Path, out: Path, scheduler: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuild", "build", str(inputs), "--out", str(out), "--quiet",
                           "--scheduler", scheduler, *extra], env=_env(), capture_output=True, text=True,
                          timeout=BUILD_TIMEOUT)


def test_dask_build_is_byte_identical_and_uses_the_cache(inputs, local_build, scheduler, tmp_path, capsys):
    out = tmp_path / "dask"
    assert main(["build", str(inputs), "--out", str(out), "--quiet", "--scheduler", scheduler]) == 0
    assert _files(out) == _files(local_build)
    assert _cache_keys(out) == _cache_keys(local_build)  # the same entries: a local build can reuse them
    first = capsys.readouterr().err
    assert "dup/empty.txt: empty file" in first and "same id" in first
    # A re-run sends nothing to the cluster; the exports stay the same.
    assert main(["build", str(inputs), "--out", str(out), "--quiet", "--scheduler", scheduler]) == 0
    documents = len(_files(local_build)["triples.jsonl"].splitlines())
    assert f"({documents} from cache)" in capsys.readouterr().err
    assert _files(out) == _files(local_build)


def test_big_jsonl_files_are_read_in_ranges(inputs, local_build, scheduler, tmp_path, capsys, monkeypatch):
    """Every .jsonl file split into ranges read by different tasks: the same exports, cache entries and
    problems (line numbers, order) as a local build; the cp1252 file is read whole."""
    from graphbuild.build import cluster

    monkeypatch.setattr(cluster, "JSONL_RANGE_BYTES", RANGE_BYTES)
    reader = Reader()
    parts: dict[str, int] = {}
    for unit in cluster.read_units(reader.collect([inputs])):
        if isinstance(unit, cluster.JsonlPart):
            parts[Path(unit.path).name] = parts.get(Path(unit.path).name, 0) + 1
    assert parts["edge.jsonl"] >= 3 and parts["latin.jsonl"] >= 2
    assert parts["wikinews.jsonl"] >= 20
    out = tmp_path / "dask"
    assert main(["build", str(inputs), "--out", str(out), "--quiet", "--scheduler", scheduler]) == 0
    assert _files(out) == _files(local_build)
    assert _cache_keys(out) == _cache_keys(local_build)
    err = capsys.readouterr().err
    _, problems = Reader().run([inputs])
    assert f"{inputs / 'edge.jsonl'}:3: bad JSON" in err
    where = [err.index(f"skipped {problem}") for problem in problems]
    assert where == sorted(where) and len(problems) == 2


def test_worker_killed_mid_build_changes_nothing(inputs, local_build, scheduler, tmp_path):
    from distributed import Client

    with Client(scheduler, timeout=30) as client:
        pids = client.run(os.getpid)
    out = tmp_path / "dask"
    build = subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(inputs), "--out", str(out),
                              "--quiet", "--scheduler", scheduler, "--batch-size", "2"],
                             env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + BUILD_TIMEOUT
        while not list((out / ".cache").rglob("*.json")) and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the first results are in: the build is under way
        assert build.poll() is None, "the build ended before a worker could be killed"
        os.kill(sorted(pids.values())[0], signal.SIGKILL)
        _, err = build.communicate(timeout=BUILD_TIMEOUT)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    assert build.returncode == 0, err
    assert _files(out) == _files(local_build)


def test_unreachable_scheduler_is_one_line_and_keeps_the_exports(inputs, local_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(local_build, out)
    before = _files(out)
    done = _build(inputs, out, f"tcp://127.0.0.1:{_free_port()}")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0], done.stderr
    assert _files(out) == before
    env_done = subprocess.run([sys.executable, "-m", "graphbuild", "build", str(inputs), "--out", str(out),
                               "--quiet"], env={**_env(), "GRAPHBUILD_SCHEDULER": "tcp://127.0.0.1:1"},
                              capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert env_done.returncode == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in env_done.stderr


def test_document_that_crashes_workers_is_reported_and_skipped(scheduler, tmp_path):
    from cluster_crash import MARKER, CrashOnMarker
    from distributed import Client

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Kamala Harris met Emmanuel Macron in Paris on Monday.\n")
    (folder / "poison.txt").write_text(f"Olaf Scholz met Joe Biden in Berlin. {MARKER}\n")
    (folder / "other.txt").write_text("Joe Biden visited Tokyo on Friday.\n")
    with Client(scheduler, timeout=30) as client:
        client.register_plugin(CrashOnMarker())
        try:
            done = _build(folder, tmp_path / "out", scheduler)
        finally:
            client.unregister_worker_plugin(CrashOnMarker.name)
            client.wait_for_workers(2, timeout=START_TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert "document 'poison' not built: it crashed a Dask worker" in done.stderr
    triples = (tmp_path / "out" / "triples.jsonl").read_text().splitlines()
    assert len(triples) == 2 and "built 2 documents" in done.stderr


def test_local_cluster_of_two_processes(inputs, local_build, tmp_path):
    out = tmp_path / "dask"
    done = _build(inputs, out, "local:2", "--batch-size", "3")
    assert done.returncode == 0, done.stderr
    assert _files(out) == _files(local_build)
