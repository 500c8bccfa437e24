"""The whole build: read → clean → spaCy + extract (cached, in worker processes) → resolve → graph → exports.

The per-document :class:`~graphbuild.models.DocExtraction` records are the hand-off point:
the merge step (resolve + graph) reads only them, so extraction can run anywhere.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import re
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphbuild.atomic import atomic_open
from graphbuild.cache import ExtractionCache, installed_model_version
from graphbuild.cleaner import clean
from graphbuild.graph import build_graph_from_facts
from graphbuild.models import Article, DocExtraction, Document, ReadProblem
from graphbuild.reader import Reader
from graphbuild.resolve import Resolver
from graphbuild.settings import Settings

TRIPLES_FILE = "triples.jsonl"
MAX_PIECE_CHARS = 2000  # measured: flat ~300 MB peak and faster than whole articles
# A paragraph longer than this (no line break in it) is cut at sentence ends into pieces of about
# MAX_PIECE_CHARS: spaCy refuses texts over 1,000,000 characters (E088) and the parser's memory grows
# with the text. Shorter paragraphs stay whole, so ordinary articles parse exactly as before.
MAX_PARAGRAPH_CHARS = 100_000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded: fatal for the whole build, not one document's failure."""


@dataclass
class BuildReport:
    documents: int = 0
    problems: list[ReadProblem] = field(default_factory=list)  # inputs or documents not built
    notes: list[ReadProblem] = field(default_factory=list)  # built, but with something to say
    cached: int = 0
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"built {self.documents} documents ({self.cached} from cache) into {self.nodes} nodes and "
            f"{self.edges} edges in {self.seconds:.1f}s"
        ]
        if self.problems:
            lines.append(f"skipped {len(self.problems)} input(s):")
            lines += [f"  {problem}" for problem in self.problems]
        if self.notes:
            lines.append(f"{len(self.notes)} note(s):")
            lines += [f"  {note}" for note in self.notes]
        if self.outputs:
            lines.append("wrote " + ", ".join(self.outputs))
        return "\n".join(lines)


def build_graph(paths: str | Path | Iterable[str | Path], **settings) -> nx.MultiDiGraph:
    """Build the merged graph for files or folders, without writing anything.

    ``settings`` are fields of :class:`~graphbuild.settings.Settings` (``model``, ``workers``, ...);
    the on-disk cache is off unless ``cache_dir`` is given. A path that does not exist raises
    ``FileNotFoundError``; every input or document not built is reported with ``warnings.warn``.
    """
    import warnings

    if isinstance(paths, str | Path):
        paths = [paths]
    paths = list(paths)
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    cache_dir = settings.pop("cache_dir", None)
    settings.setdefault("progress", False)
    settings.setdefault("use_cache", cache_dir is not None)
    graph, report, _ = _build(paths, Settings(**settings), Path(cache_dir) if cache_dir else None)
    for problem in report.problems:
        warnings.warn(f"graphbuild: skipped {problem}", stacklevel=3)
    for note in report.notes:
        warnings.warn(f"graphbuild: {note}", stacklevel=3)
    return graph


def run_build(paths: Sequence[str | Path], out_dir: Path, settings: Settings) -> BuildReport:
    """Build and write every export into ``out_dir``."""
    graph, report, extractions = _build(paths, settings, out_dir / ".cache")
    _write_exports(graph, out_dir, settings, report, extractions)
    return report


class MergeError(ValueError):
    """Two shares hold different documents under one id: merging would lose one of them."""


def run_merge(triples_files: Sequence[str | Path], out_dir: Path, settings: Settings) -> BuildReport:
    """Merge per-document results (``triples.jsonl`` files, e.g. from several machines) into exports.

    A document id seen in more than one place is kept once when the results are identical (the
    same article in two shares); different results under one id raise :class:`MergeError` naming
    both sources: a document is never dropped.
    """
    started = time.perf_counter()
    extractions: dict[str, DocExtraction] = {}
    where: dict[str, str] = {}
    report = BuildReport()
    for path in triples_files:
        for line, extraction in _read_triples_lines(Path(path)):
            source = f"{path}:{line}"
            first = extractions.get(extraction.doc_id)
            if first is None:
                extractions[extraction.doc_id], where[extraction.doc_id] = extraction, source
            elif _comparable(first) != _comparable(extraction):
                raise MergeError(f"document {extraction.doc_id!r} is in {where[extraction.doc_id]} and in "
                                 f"{source} with different contents; nothing written (give the articles "
                                 "distinct ids, e.g. build them from one common folder)")
            else:
                report.notes.append(ReadProblem(source, f"document {extraction.doc_id!r} is the same as in "
                                                        f"{where[extraction.doc_id]}: merged once"))
    graph, report = _merge(list(extractions.values()), report, dates=[e.date for e in extractions.values()])
    _write_exports(graph, out_dir, settings, report)
    report.seconds = time.perf_counter() - started
    return report


def _comparable(extraction: DocExtraction) -> dict:
    """A record as merge compares it: the same article read from two places (paths) is one document."""
    data = extraction.to_dict()
    if "article" in data:
        data["article"] = {k: v for k, v in data["article"].items() if k != "path"}
    return data


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while the reduce builds millions of small, acyclic containers.

    Each full collection walks every live object, so with the collector on, the reduce spends ever more
    time in it as the graph grows (measured: 18% of the reduce of 50,000 articles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _merge(extractions: list[DocExtraction], report: BuildReport, dates: list[str | None]):
    """The merge step: it reads only per-document extraction results (articles included)."""
    with paused_gc():
        return _resolve_and_build(extractions, report, dates)


def _resolve_and_build(extractions: list[DocExtraction], report: BuildReport, dates: list[str | None]):
    corpus = Resolver().run(extractions)
    valid_dates = [d for d in dates if d]
    graph = build_graph_from_facts(corpus.entities, corpus.facts,
                                   documents=[e.article_record() for e in extractions],
                                   built=max(valid_dates) if valid_dates else None,
                                   mentions=corpus.mentions)
    report.documents = len(extractions)
    report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    return graph, report


def _write_exports(graph: nx.MultiDiGraph, out_dir: Path, settings: Settings, report: BuildReport,
                   extractions: list[DocExtraction] | None = None) -> None:
    """Write the exports as a set: each into a staging folder inside ``out_dir``, then all renamed into
    place at the end. A failure or a kill before that leaves every previous export as it was."""
    import shutil
    import tempfile

    from graphbuild.exporters import EXPORTS

    if not report.documents:
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".exports-", suffix=".tmp", dir=out_dir))
    try:
        with paused_gc():
            if extractions is not None:
                write_triples(extractions, staging / TRIPLES_FILE)
            for export in EXPORTS:
                export.write(graph, staging / export.filename, settings)
        staged = sorted(staging.iterdir())
        for path in staged:
            os.replace(path, out_dir / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.outputs += [str(out_dir / export.filename) for export in EXPORTS]


def _build(paths, settings: Settings, cache_dir: Path | None):
    started = time.perf_counter()
    if settings.scheduler:  # read, clean, parse and extract on a Dask cluster; merge here
        from graphbuild.cluster import extract_on_cluster

        done = extract_on_cluster(paths, settings, cache_dir, settings.scheduler)
        report = BuildReport(problems=done.problems, notes=done.notes, cached=done.cached)
        graph, report = _merge(done.extractions, report, dates=done.dates)
        report.seconds = time.perf_counter() - started
        return graph, report, done.triples
    reader = Reader()
    documents, problems = reader.run(paths)
    report = BuildReport(problems=list(problems), notes=list(reader.notes))
    extractions, report.cached = extract_all(documents, settings, cache_dir, report=report)
    graph, report = _merge(extractions, report, dates=[d.date for d in documents])
    report.seconds = time.perf_counter() - started
    return graph, report, extractions


def extract_all(documents: list[Document], settings: Settings, cache_dir: Path | None,
                report: BuildReport | None = None) -> tuple[list[DocExtraction], int]:
    """Extraction results in input order; cached documents are neither cleaned nor parsed again.

    A document whose extraction fails is left out and reported in ``report.problems`` (with its
    name and the reason); the others are built.
    """
    if not documents:
        return [], 0
    report = report if report is not None else BuildReport()
    cache = None
    if cache_dir:  # without use_cache (--no-cache) every entry is rebuilt and rewritten: that repairs it
        cache = ExtractionCache(cache_dir, f"{settings.model}-{installed_model_version(settings.model)}",
                                read=settings.use_cache)
    results: list[DocExtraction | None] = [cache.get(d) if cache else None for d in documents]
    if cache and cache.damaged:
        report.notes.append(ReadProblem(str(cache_dir), f"{cache.damaged} damaged cache entries rebuilt"))
    todo = [d for d, r in zip(documents, results, strict=True) if r is None]
    fresh = _run_extraction(todo, settings)
    done: list[DocExtraction] = []
    with _progress(len(documents), settings.progress) as bar:
        bar.update(len(documents) - len(todo))
        for n, result in enumerate(results):
            if result is None:
                outcome = next(fresh)
                result = outcome.extraction
                report.notes += outcome.notes
                if outcome.error is not None:
                    report.problems.append(outcome.error)
                elif cache:
                    cache.put(documents[n], result)
                bar.update(1)
            if result is not None:
                done.append(result)
    return done, len(documents) - len(todo)


@dataclass
class Outcome:
    """What extracting one document gave: a result, or the reason there is none; and any notes."""

    extraction: DocExtraction | None
    error: ReadProblem | None = None
    notes: list[ReadProblem] = field(default_factory=list)


def _run_extraction(documents: list[Document], settings: Settings) -> Iterator[Outcome]:
    """Clean, parse and extract, in input order; in worker processes when there is enough work."""
    if not documents:
        return
    chunks = [documents[i : i + settings.batch_size] for i in range(0, len(documents), settings.batch_size)]
    workers = min(settings.workers, len(chunks))
    if workers <= 1:
        for chunk in chunks:
            yield from _extract_chunk(chunk, settings.model, settings.batch_size)
        return
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init,
                             initargs=(os.getpid(),)) as pool:
        # A bounded window of chunks in flight, read back in input order: memory stays flat and the
        # output does not depend on the number of workers.
        pending: deque = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(_extract_chunk, chunk, settings.model, settings.batch_size)))
                if len(pending) >= 2 * workers:
                    yield from _chunk_result(*pending.popleft(), settings)
            while pending:
                yield from _chunk_result(*pending.popleft(), settings)
        except BaseException:  # interrupted, or the reader stopped: do not wait for the chunks in flight
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _chunk_result(chunk: list[Document], future, settings: Settings) -> list[Outcome]:
    """A worker's outcomes; when the worker itself failed (died, or could not send its result back),
    the chunk is done again here, one document at a time, so only a document that fails here too is lost."""
    try:
        return future.result()
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - e.g. BrokenProcessPool after a worker was killed
        return _extract_chunk(chunk, settings.model, settings.batch_size, one_by_one=True)


def _worker_init(parent: int) -> None:
    """Make a worker exit when the build that started it dies (kill -9, SIGTERM), instead of living on
    blocked on a queue nobody reads."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's SIGTERM handler is not the worker's
    if sys.platform == "linux":
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="graphbuild-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the watch started
        os._exit(1)


def _extract_chunk(documents: list[Document], model: str, batch_size: int,
                   one_by_one: bool = False) -> list[Outcome]:
    """Outcomes of a chunk of documents, in order. When the batch fails, each document is tried alone:
    only the document that fails is lost, and it is reported with the reason."""
    from graphbuild.extract import Extractor

    nlp = _load_model(model)
    extractor = _extractor_for(nlp, Extractor)
    if not one_by_one:
        try:
            return _extract_batch(documents, nlp, extractor, batch_size)
        except Exception:  # noqa: BLE001 - find the document that fails, below
            if len(documents) == 1:
                one_by_one = True
            else:
                return _extract_chunk(documents, model, batch_size, one_by_one=True)
    outcomes = []
    for document in documents:
        try:
            outcomes += _extract_batch([document], nlp, extractor, batch_size)
        except Exception as exc:  # noqa: BLE001 - one bad document must not sink the batch
            outcomes.append(Outcome(None, ReadProblem(document.source, _failure(document, exc))))
    return outcomes


def _failure(document: Document, exc: BaseException) -> str:
    """One line: which document, and why it was not built."""
    reason = " ".join(str(exc).split()) or "no message"
    if len(reason) > 200:
        reason = reason[:197] + "..."
    return f"document {document.id!r} not built: {type(exc).__name__}: {reason}"


def _load_model(model: str):
    from graphbuild.nlp import load_pipeline

    try:
        return load_pipeline(model)
    except Exception as exc:  # noqa: BLE001 - reported as one line by the CLI
        raise ModelError(str(exc)) from exc


def _extract_batch(documents: list[Document], nlp, extractor, batch_size: int) -> list[Outcome]:
    cleaned = [clean(d) for d in documents]
    pieces, notes = [], []
    for document, clean_doc in zip(documents, cleaned, strict=True):
        doc_pieces = split_paragraphs(clean_doc.text)
        pieces.append(doc_pieces)
        longest = _longest_paragraph(clean_doc.text)
        notes.append([ReadProblem(document.source, f"document {document.id!r}: a paragraph of {longest:,} "
                                                   "characters without a line break was cut at sentence ends")]
                     if longest > MAX_PARAGRAPH_CHARS else [])
    # Each spaCy Doc is dropped as soon as it is extracted: memory does not grow with the corpus.
    return [Outcome(with_article(extractor.run(clean_doc, doc), document, clean_doc.title), notes=doc_notes)
            for document, clean_doc, doc, doc_notes
            in zip(documents, cleaned, _parse(nlp, pieces, batch_size), notes, strict=True)]


def with_article(extraction: DocExtraction, document: Document, title: str | None = None) -> DocExtraction:
    """The extraction carrying its document's :class:`Article` (title: the cleaned headline, if any).

    Set where the extraction is made (a worker, a Dask task), so it travels with the record: triples.jsonl,
    the cache and merge all carry it.
    """
    extraction.article = Article.of(document, title)
    return extraction


def _longest_paragraph(text: str) -> int:
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return len(text)
    return max(len(line) for line in text.split("\n"))


def _parse(nlp, pieces: list[list[str]], batch_size: int) -> Iterator:
    """One spaCy Doc per document. Long articles are parsed in paragraph-sized pieces and joined:
    the parser's memory grows with the longest text in a batch, and a sentence never spans a line break."""
    from spacy.tokens import Doc

    parsed = nlp.pipe((piece for doc_pieces in pieces for piece in doc_pieces), batch_size=batch_size)
    people = nlp.get_pipe("graphbuild_people") if "graphbuild_people" in nlp.pipe_names else None
    for doc_pieces in pieces:
        docs = [next(parsed) for _ in doc_pieces]
        if len(docs) == 1:
            yield docs[0]
            continue
        joined = Doc.from_docs(docs, ensure_whitespace=False)
        # Names found in one piece count in the others: run the document-wide people rules again.
        yield people(joined) if people else joined


def split_paragraphs(text: str, limit: int = MAX_PIECE_CHARS, longest: int | None = None) -> list[str]:
    r"""Cut ``text`` after line breaks into pieces of about ``limit`` characters; they join back exactly.

    A paragraph longer than ``longest`` (default MAX_PARAGRAPH_CHARS) is cut at sentence ends (else at
    a space, else anywhere).

    >>> split_paragraphs("one\ntwo\nthree", limit=5)
    ['one\n', 'two\n', 'three']
    >>> split_paragraphs("Aa bb. Cc dd. Ee.", limit=8, longest=10)
    ['Aa bb. ', 'Cc dd. ', 'Ee.']
    """
    if len(text) <= limit:
        return [text]
    longest = MAX_PARAGRAPH_CHARS if longest is None else longest
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut < 0:
            cut = text.find("\n", start + limit)  # a long paragraph stays whole, unless very long
            if (cut if cut >= 0 else len(text)) - (text.rfind("\n", 0, start) + 1) > longest:
                cut = _cut_long_paragraph(text, start, limit) - 1
            elif cut < 0:
                break
        pieces.append(text[start : cut + 1])
        start = cut + 1
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _cut_long_paragraph(text: str, start: int, limit: int) -> int:
    """Where the next piece of a very long paragraph starts: after the last sentence end within
    ``limit`` characters, else after the last space, else at ``limit``."""
    window = text[start : start + limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        return start + ends[-1]
    space = max(window.rfind(" "), window.rfind("\t"))
    return start + (space + 1 if space > 0 else limit)


_EXTRACTORS: dict[int, object] = {}


def _extractor_for(nlp, factory):
    key = id(nlp)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = factory(nlp)
    return _EXTRACTORS[key]


def write_triples(extractions: list[DocExtraction], path: Path) -> None:
    """triples.jsonl: one line per document with its mentions, relations and evidence."""
    with atomic_open(path) as handle:  # line by line: a large build's records need not all be in memory
        written = 0
        for e in extractions:
            handle.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            written += 1
        if not written:
            handle.write("\n")


def read_triples(path: Path) -> list[DocExtraction]:
    return [extraction for _, extraction in _read_triples_lines(path)]


def _read_triples_lines(path: Path) -> list[tuple[int, DocExtraction]]:
    with open(path, encoding="utf-8") as handle:
        return [(n, DocExtraction.from_dict(json.loads(line))) for n, line in enumerate(handle, start=1)
                if line.strip()]


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


def _progress(total: int, enabled: bool):
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, desc="extracting", dynamic_ncols=True)
