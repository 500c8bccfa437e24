"""The map step (read, clean, parse, extract) on a Dask cluster; the reduce stays on the client.

``graphbuild build --scheduler tcp://HOST:PORT`` (or ``$GRAPHBUILD_SCHEDULER``; ``local:N`` starts a
``LocalCluster`` of N worker processes) runs in two rounds of Dask tasks:

1. **read**: the client lists the input files (it opens none of them) and groups them into read units
   (a ``.jsonl`` file is one unit, or one per ``JSONL_RANGE_BYTES`` bytes when it is bigger: see
   :class:`JsonlPart`; small files are grouped, up to ``READ_UNIT_FILES`` files or ``READ_UNIT_BYTES``
   bytes). A worker reads a unit into ``Document``s, which stay in the cluster's memory; the client gets
   back only a header per document (id, source, date, text length and cache key) and the read problems.
   With the headers the client makes clashing ids unique exactly as :class:`~graphbuild.ingest.reader.Reader`
   does, and looks each document up in the extraction cache.
2. **extract**: the documents not in the cache go out in batches of ``batch_size`` (in input order);
   a task takes its documents from the read units (Dask moves them between workers, never through the
   client) and returns their :class:`~graphbuild.extract.worker.Outcome`s — ``DocExtraction`` records,
   nothing of spaCy. Each worker process loads the model once (``load_pipeline`` is cached per
   process), as soon as it joins (:class:`~graphbuild.build.warmup.ModelWarmUp`: while the cluster
   starts and the read round runs), and runs one extraction at a time.

Results are handled as tasks finish (``as_completed``): the full record goes to the cache and to a
spool file on disk (``triples.jsonl`` is written from it, in input order); the resolver keeps a compact
copy (see :class:`Compactor`). The resolver sorts documents by id, so the
graph does not depend on the order tasks finish, and the exports are byte-identical to a local build.

Faults: a task lost with a worker is rerun by Dask elsewhere (read units too, from their inputs). A
batch that keeps killing workers (``KilledWorker``) is retried one document per task; a document whose
own task fails too is tried again alone at the end (Dask blames every task that shared the dying worker),
and one that still kills workers is reported by name and skipped. A scheduler that cannot be reached is
a :class:`ClusterError`, raised before anything is written.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild.build.cache import ExtractionCache, cache_key, code_fingerprint, extraction_salt
from graphbuild.build.progress import progress
from graphbuild.extract.worker import PIPELINE_LOCK, ModelError, Outcome, extract_documents
from graphbuild.ingest.formats.jsonl import EXTENSIONS as JSONL_EXTENSIONS
from graphbuild.ingest.formats.jsonl import JsonlRange, ranges_read_as_whole
from graphbuild.ingest.ids import common_root, name_documents
from graphbuild.ingest.reader import Reader
from graphbuild.models import DocExtraction, Document, DocumentHeader, Mention, ReadProblem, Sentence

if TYPE_CHECKING:  # Dask is imported when a build uses it
    from distributed import Client

    from graphbuild.build.warmup import ModelWarmUp

SCHEDULER_ENV = "GRAPHBUILD_SCHEDULER"
READ_UNIT_FILES = 64
READ_UNIT_BYTES = 8 * 1024 * 1024
JSONL_RANGE_BYTES = READ_UNIT_BYTES  # a bigger .jsonl file is read in ranges of this many bytes
# Workers of a --scheduler local:N cluster:
# - no statistical profiler (it samples the stacks of the running task every 10 ms, taking the interpreter
#   lock from the parse: about a tenth of the extraction time);
# - the nanny's environment without Dask's MALLOC_TRIM_THRESHOLD_=65536: setting it turns off glibc's dynamic
#   mmap threshold, so every large allocation of the parse is an mmap/munmap pair and fresh page faults.
#   Measured on 60 Wikinews articles, CPU time of the extracting thread: 9.5-9.8 s with it, 8.0-8.2 s
#   without (8.0 s in process; 9.8 s in process with the variable set): that was the Dask gap.
# - on Linux, forked from the build as the --workers pool's are, not spawned: a spawned worker starts a new
#   interpreter and imports Dask and graphbuild again (0.7 s of CPU each; the cluster was up 0.85 s after
#   the build asked for it, 0.25 s forked).
# - the event-loop health check every second, not 20 ms, and the system monitor (the dashboard's graphs)
#   every 5 s, not 0.5 s: both only measure, and each wake-up takes the interpreter lock from the parse.
#   CPU over a build of wikinews-dev: a worker's event loop 0.40-0.51 s -> 0.15-0.24 s, the build's process
#   (scheduler and nannies) 2.3-2.8 s -> 2.0-2.3 s. The memory limits are still checked every 100 ms.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
    **({"distributed.worker.multiprocessing-method": "fork"} if sys.platform == "linux" else {}),
}
LOCAL_PREFIX = "local:"  # --scheduler local:N
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler before giving up


class ClusterError(RuntimeError):
    """The cluster cannot be used (scheduler unreachable, workers running other code): one line for the user."""


# -- worker side ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JsonlPart:
    """A read unit of a big .jsonl file: the lines that start in its bytes [start, end).

    A worker reads them numbered from 1 (it does not read the file before ``start``); once every range of
    the file is read, the client knows how many line breaks each one held and has each unit renumbered
    from the file's start (:func:`renumber`), on its worker. A file whose ranges would not read as the
    whole file does (not UTF-8, NUL bytes: see :func:`~graphbuild.ingest.formats.jsonl.ranges_read_as_whole`) is read
    whole by one task instead, as a small file would be.
    """

    path: str
    start: int
    end: int


@dataclass
class ReadUnit:
    """A read unit's documents (kept on a worker) and the problems met reading it."""

    documents: list[Document]
    origins: list[tuple[str, int | None]]  # file and jsonl line of each document
    problems: list[ReadProblem]
    range: JsonlRange | None = None  # what a JsonlPart's read found
    notes: list[ReadProblem] = field(default_factory=list)  # read, with something to say (a record not UTF-8)


@dataclass(frozen=True)
class Header:
    """What the client learns about a document: its header (to name it, date it and check a cached result
    against it) and its cache key under the id it was read with."""

    document: DocumentHeader
    key: str


def read_unit(unit: list[str] | JsonlPart) -> ReadUnit:
    """Read files exactly as :class:`Reader` does (ids not yet made unique), or a range of a .jsonl file
    (its lines numbered from 1)."""
    reader = Reader()
    found = None
    if isinstance(unit, JsonlPart):
        found = reader.read_jsonl_range(Path(unit.path), unit.start, unit.end, first_line=1)
    else:
        for path in unit:
            reader.read_file(Path(path))
    return ReadUnit(reader.documents, [(str(p), line) for p, line in reader.origins], reader.problems, found,
                    reader.notes)


def range_of(unit: ReadUnit) -> JsonlRange | None:
    return unit.range


def renumber(unit: ReadUnit, offset: int) -> ReadUnit:
    """A JsonlPart's unit with its line numbers counted from the file's start: ``offset`` line breaks
    come before the range. Every source in it is ``path:line`` (a range's problems are its lines')."""

    def shifted(source: str) -> str:
        path, line = source.rsplit(":", 1)
        return f"{path}:{int(line) + offset}"

    return ReadUnit([replace(d, source=shifted(d.source)) for d in unit.documents],
                    [(path, line + offset) for path, line in unit.origins],
                    [replace(p, source=shifted(p.source)) for p in unit.problems], unit.range,
                    [replace(p, source=shifted(p.source)) for p in unit.notes])


def describe_unit(unit: ReadUnit, salt: str) -> tuple[list[Header], list[ReadProblem], list[tuple[str, int | None]],
                                                      list[ReadProblem]]:
    headers = [Header(DocumentHeader.of(d), cache_key(salt, d)) for d in unit.documents]
    return headers, unit.problems, unit.origins, unit.notes


def rekey(unit: ReadUnit, index: int, doc_id: str, salt: str) -> str:
    """The cache key of a document under the id it was given to make it unique."""
    return cache_key(salt, replace(unit.documents[index], id=doc_id))


def extract_refs(model: str, batch_size: int, refs: list[tuple[int, int, str, str | None]], *units: ReadUnit) -> list:
    """Outcomes of the documents ``refs`` names: (position of its unit in ``units``, index, final id, path)."""
    documents = [replace(units[u].documents[i], id=doc_id, path=path) for u, i, doc_id, path in refs]
    with PIPELINE_LOCK:
        return extract_documents(documents, model, batch_size)


def worker_fingerprint() -> str:
    return code_fingerprint()


# -- client side ------------------------------------------------------------------------------------


class Spool:
    """Full extraction records on disk, read back in input order (for triples.jsonl): the client's
    memory does not grow with the sentences of every article."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="graphbuild-spool-")  # noqa: SIM115 - lives as long as the build
        self._where: dict[int, tuple[int, int]] = {}

    def put(self, position: int, extraction: DocExtraction) -> None:
        data = json.dumps(extraction.to_dict(), ensure_ascii=False).encode("utf-8")
        self._file.seek(0, os.SEEK_END)
        self._where[position] = (self._file.tell(), len(data))
        self._file.write(data)

    def __len__(self) -> int:
        return len(self._where)

    def __iter__(self) -> Iterator[DocExtraction]:
        for position in sorted(self._where):
            offset, size = self._where[position]
            self._file.seek(offset)
            yield DocExtraction.from_dict(json.loads(self._file.read(size).decode("utf-8")))

    def close(self) -> None:
        self._file.close()


_NO_SENTENCE = Sentence("", 0, 0)


class Compactor:
    """The record the resolver needs, small: it reads a mention's text and label only, and a sentence only
    when it is a relation's evidence. Mentions become one shared object per (text, label) in the whole
    build, other sentences one shared blank (indexes kept): what a document adds is a few pointers per
    mention, its relations and their evidence sentences (with the sentences that name their people)."""

    def __init__(self) -> None:
        self._mentions: dict[tuple[str, str], Mention] = {}

    def __call__(self, extraction: DocExtraction) -> DocExtraction:
        used = {relation.sentence for relation in extraction.relations}
        used |= {relation.context for relation in extraction.relations if relation.context is not None}
        sentences = [s if n in used else _NO_SENTENCE for n, s in enumerate(extraction.sentences)]
        mentions = []
        for mention in extraction.mentions:
            key = (mention.text, mention.label)
            shared = self._mentions.get(key)
            if shared is None:
                shared = self._mentions[key] = Mention(sys.intern(mention.text), sys.intern(mention.label), 0, 0, 0)
            mentions.append(shared)
        return DocExtraction(extraction.doc_id, extraction.date, sentences, mentions, extraction.relations,
                             extraction.titles, article=extraction.article)


@dataclass
class ClusterResult:
    extractions: list[DocExtraction]  # compact, for the resolver (any order)
    triples: Spool  # full records, iterated in input order
    dates: list[str | None]  # of every document read
    problems: list[ReadProblem] = field(default_factory=list)
    notes: list[ReadProblem] = field(default_factory=list)
    cached: int = 0


def scheduler_from(option: str | None) -> str | None:
    """The --scheduler option, else $GRAPHBUILD_SCHEDULER, else None (a local build)."""
    return option or os.environ.get(SCHEDULER_ENV) or None


def connect(address: str, warm_up: ModelWarmUp | None = None) -> Client:
    """A dask Client for ``address`` (``tcp://host:port``, or ``local:N`` for a LocalCluster of N processes
    that run the ``warm_up`` worker plugin as they start)."""
    from distributed import Client

    if address.startswith(LOCAL_PREFIX):
        return _local_cluster(address, warm_up)
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}") from exc


def _local_cluster(address: str, warm_up: ModelWarmUp | None = None) -> Client:
    """A Client of a new LocalCluster; its workers start the warm-up before they join the scheduler."""
    import dask
    from distributed import Client, LocalCluster

    from graphbuild.build.warmup import ForkedWorker

    try:
        n = int(address.split(":", 1)[1])
    except ValueError:
        raise ClusterError(f"--scheduler {address}: expected local:N (N worker processes)") from None
    if n < 1:
        raise ClusterError(f"--scheduler {address}: N must be at least 1")
    with dask.config.set(LOCAL_WORKER_CONFIG):
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               host="127.0.0.1", silence_logs=50,
                               plugins=(ForkedWorker(), *([warm_up] if warm_up else [])))
    client = Client(cluster)
    client._graphbuild_cluster = cluster
    return client


def close(client) -> None:
    cluster = getattr(client, "_graphbuild_cluster", None)
    try:
        client.close()
    finally:
        if cluster is not None:
            cluster.close()


def _check_workers(client) -> None:
    """Every worker must run this graphbuild's extraction code, else the graph would differ."""
    client.wait_for_workers(1, timeout=60)
    mine = code_fingerprint()
    theirs = client.run(worker_fingerprint)
    other = sorted(w for w, fp in theirs.items() if fp != mine)
    if other:
        raise ClusterError(f"Dask worker(s) {', '.join(other)} run other graphbuild code "
                           f"(extraction fingerprint differs from {mine}); install the same version there")


def read_units(files: list[Path]) -> list[list[str] | JsonlPart]:
    """Consecutive files grouped into read units; a .jsonl file is a unit of its own, or a unit per
    ``JSONL_RANGE_BYTES`` bytes when it is bigger (only its size is looked at)."""
    units: list[list[str] | JsonlPart] = []
    current: list[str] = []
    size = 0
    for path in files:
        try:
            bytes_ = path.stat().st_size
        except OSError:
            bytes_ = 0  # the worker reports it
        if path.suffix.lower() in JSONL_EXTENSIONS:
            if current:
                units.append(current)
                current, size = [], 0
            if bytes_ > JSONL_RANGE_BYTES:
                step = max(1, JSONL_RANGE_BYTES)
                units += [JsonlPart(str(path), start, min(start + step, bytes_)) for start in range(0, bytes_, step)]
            else:
                units.append([str(path)])
            continue
        if current and (len(current) >= READ_UNIT_FILES or size + bytes_ > READ_UNIT_BYTES):
            units.append(current)
            current, size = [], 0
        current.append(str(path))
        size += bytes_
    if current:
        units.append(current)
    return units


def _join_ranges(client, units: list[list[str] | JsonlPart], futures: list) -> None:
    """Once the ranges of each big .jsonl file are read, their units (in ``futures``) renumbered from the
    file's start; a file whose ranges do not read as the whole file read whole by one task instead (its
    other units then empty)."""
    files: dict[str, list[int]] = {}
    for u, unit in enumerate(units):
        if isinstance(unit, JsonlPart):
            files.setdefault(unit.path, []).append(u)
    if not files:
        return
    order = [u for members in files.values() for u in members]
    found = dict(zip(order, client.gather([client.submit(range_of, futures[u], pure=False) for u in order]),
                     strict=True))
    for path, members in files.items():
        ranges = [found[u] for u in members]
        if ranges_read_as_whole(ranges):
            offset = 0
            for u, read in zip(members, ranges, strict=True):
                if offset:
                    futures[u] = client.submit(renumber, futures[u], offset, pure=False)
                offset += read.lines
        else:
            futures[members[0]] = client.submit(read_unit, [path], pure=False)
            for u in members[1:]:
                futures[u] = client.submit(read_unit, [], pure=False)


def balanced_batches(todo: list[int], unit_of: list[int], lengths: list[int], size: int,
                     workers: int) -> list[list[int]]:
    """Extraction batches: each from one read unit (no batch fetches texts from several workers), of at
    most ``size`` documents and about a quarter of a worker's share of the text, longest first.

    Consecutive batches of ``size`` documents left one worker parsing a batch of long articles at the end
    while the others idled; longest-first keeps the last batches short. Results go back to their
    positions, so the exports do not depend on the batching.

    >>> balanced_batches([0, 1, 2, 3], [0, 0, 0, 0], [10, 400, 20, 30], size=2, workers=1)
    [[1], [3, 2], [0]]
    """
    budget = max(1, sum(lengths[n] for n in todo) // (4 * workers))
    by_unit: dict[int, list[int]] = {}
    for n in todo:
        by_unit.setdefault(unit_of[n], []).append(n)
    batches: list[list[int]] = []
    for unit in sorted(by_unit):
        batch: list[int] = []
        chars = 0
        for n in sorted(by_unit[unit], key=lambda n: (-lengths[n], n)):
            if batch and (len(batch) >= size or chars + lengths[n] > budget):
                batches.append(batch)
                batch, chars = [], 0
            batch.append(n)
            chars += lengths[n]
        if batch:
            batches.append(batch)
    return sorted(batches, key=lambda b: (-sum(lengths[n] for n in b), b[0]))


def extract_on_cluster(paths, settings, cache_dir: Path | None, address: str) -> ClusterResult:
    """Read and extract every document on the cluster at ``address``; see the module docstring."""
    from graphbuild.build.warmup import ModelWarmUp

    warm_up = ModelWarmUp(settings.model)
    client = connect(address, warm_up)
    try:
        _check_workers(client)
        if not address.startswith(LOCAL_PREFIX):  # workers of a remote cluster, once they run this code
            client.register_plugin(warm_up)
        return _run(client, paths, settings, cache_dir)
    finally:
        close(client)


def _run(client, paths, settings, cache_dir: Path | None) -> ClusterResult:
    run = _ClusterRun(client, settings, ExtractionCache(cache_dir, read=settings.use_cache) if cache_dir else None)
    run.read(list(paths))
    todo = run.look_up_cache(cache_dir)
    run.extract(todo)
    return run.finish(cache_dir)


class _ClusterRun:
    """One build on the cluster, in the order of its steps: read (round 1), the cache, extract (round 2)."""

    def __init__(self, client, settings, cache: ExtractionCache | None) -> None:
        self.client, self.settings, self.cache = client, settings, cache
        self.salt = extraction_salt(settings.model)
        self.compact = Compactor()
        self.result = ClusterResult([], Spool(), [])
        self.unit_futures: list = []
        self.documents: list[DocumentHeader] = []  # as the client knows them: final id and path
        self.keys: list[str] = []  # cache key of each document under its final id
        self.where: list[tuple[int, int]] = []  # unit and index of each document
        self.outcomes: dict[int, Outcome] = {}  # position -> Outcome, for the notes and problems in input order
        self.uses: list[int] = []  # documents of each read unit still to extract (a unit is dropped at 0)
        self.bar = None

    def read(self, paths: list) -> None:
        """Round 1: read on the workers, headers back; ids made unique exactly as the local Reader does."""
        lister = Reader()
        files = lister.collect(paths)
        self.result.problems += lister.problems
        units = read_units(files)
        self.unit_futures = [self.client.submit(read_unit, unit, pure=False) for unit in units]
        _join_ranges(self.client, units, self.unit_futures)
        described = self.client.gather([self.client.submit(describe_unit, f, self.salt, pure=False)
                                        for f in self.unit_futures])
        headers: list[DocumentHeader] = []
        origins: list[tuple[Path, int | None]] = []
        for u, (unit_headers, problems, unit_origins, notes) in enumerate(described):
            self.result.problems += problems
            self.result.notes += notes
            for i, (header, (path, line)) in enumerate(zip(unit_headers, unit_origins, strict=True)):
                headers.append(header.document)
                origins.append((Path(path), line))
                self.where.append((u, i))
                self.keys.append(header.key)
        # Stubs keep the ids as read; each Article's path is the one the local Reader gives it.
        stubs = [Document(h.id, "", h.source, None, h.date) for h in headers]
        named, notes = name_documents(stubs, origins, common_root(paths))
        self.result.notes += notes
        self._rekey([n for n, (stub, doc) in enumerate(zip(stubs, named, strict=True)) if stub.id != doc.id],
                    [d.id for d in named])
        self.documents = [replace(h, id=d.id, path=d.path) for h, d in zip(headers, named, strict=True)]
        self.result.dates = [h.date for h in headers]

    def _rekey(self, renamed: list[int], ids: list[str]) -> None:
        """The cache keys of the documents given another id (computed where their text is)."""
        if not renamed:
            return
        keys = self.client.gather([self.client.submit(rekey, self.unit_futures[self.where[n][0]], self.where[n][1],
                                                      ids[n], self.salt, pure=False) for n in renamed])
        for n, key in zip(renamed, keys, strict=True):
            self.keys[n] = key

    def look_up_cache(self, cache_dir: Path | None) -> list[int]:
        """Cached documents taken as they are (looked up by key on the client); the positions of the others."""
        todo: list[int] = []
        for n, header in enumerate(self.documents):
            hit = self.cache.get(self.keys[n], header) if self.cache else None
            if hit is None:
                todo.append(n)
            else:
                self._take(n, hit)
        self.result.cached = len(self.documents) - len(todo)
        if self.cache and self.cache.damaged:
            self.result.notes.append(ReadProblem(str(cache_dir), f"{self.cache.damaged} damaged cache entries rebuilt"))
        return todo

    def _take(self, n: int, extraction: DocExtraction) -> None:
        self.result.extractions.append(self.compact(extraction))
        self.result.triples.put(n, extraction)

    def extract(self, todo: list[int]) -> None:
        """Round 2: extraction batches, handled as they finish; a batch that kills workers is split up."""
        from distributed import as_completed

        self.uses = [0] * len(self.unit_futures)
        for n in todo:
            self.uses[self.where[n][0]] += 1
        for u, count in enumerate(self.uses):
            if not count:
                self.unit_futures[u] = None  # nothing to extract there: the cluster may drop it
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        lengths = [h.length for h in self.documents]
        batches = balanced_batches(todo, [u for u, _ in self.where], lengths, self.settings.batch_size, workers)
        pending = {}
        queue = as_completed()
        for batch in batches:
            future = self._submit(batch)
            pending[future.key] = batch
            queue.add(future)
        suspects: list[int] = []  # documents whose own task failed: tried again one at a time at the end
        with progress(len(self.documents), self.settings.progress) as self.bar:
            self.bar.update(self.result.cached)
            for future in queue:
                batch = pending.pop(future.key)
                try:
                    batch_outcomes = future.result()
                except ModelError:
                    raise
                except Exception:  # noqa: BLE001 - a worker died on it again and again (KilledWorker), or worse
                    if len(batch) > 1:  # find the document: one task each
                        for n in batch:
                            retry = self._submit([n])
                            pending[retry.key] = [n]
                            queue.add(retry)
                    else:
                        suspects.append(batch[0])
                    continue
                future.release()
                self._record(batch, batch_outcomes)
            for n in sorted(suspects):
                self._record([n], [self._alone(n)])

    def _submit(self, batch: list[int]):
        units = sorted({self.where[n][0] for n in batch})
        slot = {u: k for k, u in enumerate(units)}
        refs = [(slot[self.where[n][0]], self.where[n][1], self.documents[n].id, self.documents[n].path)
                for n in batch]
        return self.client.submit(extract_refs, self.settings.model, self.settings.batch_size, refs,
                                  *[self.unit_futures[u] for u in units], pure=False)

    def _alone(self, n: int) -> Outcome:
        """Dask blames every task that was on a worker when it died, so a good document that shared a
        worker with the one that kills it may fail too. Alone on the cluster, only the culprit fails."""
        future = self._submit([n])
        try:
            outcome = future.result()[0]
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - it kills workers on its own
            outcome = _crashed(self.documents[n], exc)
        future.release()
        return outcome

    def _record(self, batch: list[int], batch_outcomes: list[Outcome]) -> None:
        for n, outcome in zip(batch, batch_outcomes, strict=True):
            self.outcomes[n] = outcome
            if outcome.extraction is not None:
                if outcome.error is None and self.cache:
                    self.cache.put(self.keys[n], outcome.extraction)
                self._take(n, outcome.extraction)
            u = self.where[n][0]
            self.uses[u] -= 1
            if not self.uses[u]:
                self.unit_futures[u] = None
            self.bar.update(1)

    def finish(self, cache_dir: Path | None) -> ClusterResult:
        """The result, with every document's notes and problems in input order (and a cache not written)."""
        for n in sorted(self.outcomes):
            self.result.notes += self.outcomes[n].notes
            if self.outcomes[n].error is not None:
                self.result.problems.append(self.outcomes[n].error)
        if self.cache and self.cache.unwritable:
            self.result.notes.append(ReadProblem(str(cache_dir), self.cache.unwritable))
        return self.result


def _crashed(document: DocumentHeader, exc: BaseException) -> Outcome:
    reason = " ".join(str(exc).split())[:200] or "no message"
    return Outcome(None, ReadProblem(document.source, f"document {document.id!r} not built: it crashed a Dask "
                                                      f"worker ({type(exc).__name__}: {reason})"))
