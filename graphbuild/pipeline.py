"""The whole build: read → clean → spaCy + extract (cached, in worker processes) → resolve → graph → exports.

The per-document :class:`~graphbuild.models.DocExtraction` records are the hand-off point:
the merge step (resolve + graph) reads only them, so extraction can run anywhere.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphbuild.atomic import atomic_write_text
from graphbuild.cache import ExtractionCache, installed_model_version
from graphbuild.cleaner import clean
from graphbuild.graph import build_graph_from_facts
from graphbuild.models import CleanDocument, DocExtraction, Document, ReadProblem
from graphbuild.reader import read_inputs
from graphbuild.resolve import Resolver
from graphbuild.settings import Settings

TRIPLES_FILE = "triples.jsonl"
MAX_PIECE_CHARS = 2000  # measured: flat ~300 MB peak and faster than whole articles


@dataclass
class BuildReport:
    documents: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
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
        if self.outputs:
            lines.append("wrote " + ", ".join(self.outputs))
        return "\n".join(lines)


def build_graph(paths: str | Path | Iterable[str | Path], **settings) -> nx.MultiDiGraph:
    """Build the merged graph for files or folders, without writing anything.

    ``settings`` are fields of :class:`~graphbuild.settings.Settings` (``model``, ``workers``, ...);
    the on-disk cache is off unless ``cache_dir`` is given.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    cache_dir = settings.pop("cache_dir", None)
    settings.setdefault("progress", False)
    settings.setdefault("use_cache", cache_dir is not None)
    graph, _ = _build(list(paths), Settings(**settings), Path(cache_dir) if cache_dir else None)
    return graph


def run_build(paths: Sequence[str | Path], out_dir: Path, settings: Settings) -> BuildReport:
    """Build and write every export into ``out_dir``."""
    graph, report = _build(paths, settings, out_dir / ".cache", triples_path=out_dir / TRIPLES_FILE)
    _write_exports(graph, out_dir, settings, report)
    return report


def run_merge(triples_files: Sequence[str | Path], out_dir: Path, settings: Settings) -> BuildReport:
    """Merge per-document results (``triples.jsonl`` files, e.g. from several machines) into exports.

    A document id seen in more than one file is taken from the first file that has it.
    """
    started = time.perf_counter()
    extractions: dict[str, DocExtraction] = {}
    for path in triples_files:
        for extraction in read_triples(Path(path)):
            extractions.setdefault(extraction.doc_id, extraction)
    graph, report = _merge(list(extractions.values()), BuildReport(), dates=[e.date for e in extractions.values()])
    _write_exports(graph, out_dir, settings, report)
    report.seconds = time.perf_counter() - started
    return report


def _merge(extractions: list[DocExtraction], report: BuildReport, dates: list[str | None]):
    """The merge step: it reads only per-document extraction results."""
    corpus = Resolver().run(extractions)
    valid_dates = [d for d in dates if d]
    graph = build_graph_from_facts(corpus.entities, corpus.facts, documents=corpus.documents,
                                   built=max(valid_dates) if valid_dates else None)
    report.documents = len(extractions)
    report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    return graph, report


def _write_exports(graph: nx.MultiDiGraph, out_dir: Path, settings: Settings, report: BuildReport) -> None:
    from graphbuild.exporters import EXPORTS

    if not report.documents:
        return
    for export in EXPORTS:
        export.write(graph, out_dir / export.filename, settings)
        report.outputs.append(str(out_dir / export.filename))


def _build(paths, settings: Settings, cache_dir: Path | None, triples_path: Path | None = None):
    started = time.perf_counter()
    documents, problems = read_inputs(paths)
    report = BuildReport(problems=list(problems))
    extractions, report.cached = extract_all(documents, settings, cache_dir)
    if triples_path is not None and extractions:
        write_triples(extractions, triples_path)
    graph, report = _merge(extractions, report, dates=[d.date for d in documents])
    report.seconds = time.perf_counter() - started
    return graph, report


def extract_all(documents: list[Document], settings: Settings,
                cache_dir: Path | None) -> tuple[list[DocExtraction], int]:
    """Extraction results in input order; cached documents are neither cleaned nor parsed again."""
    if not documents:
        return [], 0
    cache = None
    if cache_dir and settings.use_cache:
        cache = ExtractionCache(cache_dir, f"{settings.model}-{installed_model_version(settings.model)}")
    results: list[DocExtraction | None] = [cache.get(d) if cache else None for d in documents]
    todo = [d for d, r in zip(documents, results, strict=True) if r is None]
    fresh = _run_extraction(todo, settings)
    with _progress(len(documents), settings.progress) as bar:
        bar.update(len(documents) - len(todo))
        for n, result in enumerate(results):
            if result is None:
                result = next(fresh)
                if cache:
                    cache.put(documents[n], result)
                bar.update(1)
            results[n] = result
    return [r for r in results if r is not None], len(documents) - len(todo)


def _run_extraction(documents: list[Document], settings: Settings) -> Iterator[DocExtraction]:
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
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        # A bounded window of chunks in flight, read back in input order: memory stays flat and the
        # output does not depend on the number of workers.
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_extract_chunk, chunk, settings.model, settings.batch_size))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _extract_chunk(documents: list[Document], model: str, batch_size: int) -> list[DocExtraction]:
    from graphbuild.extract import Extractor
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline(model)
    extractor = _extractor_for(nlp, Extractor)
    cleaned = [clean(d) for d in documents]
    # Each spaCy Doc is dropped as soon as it is extracted: memory does not grow with the corpus.
    return [extractor.run(clean_doc, doc) for clean_doc, doc in zip(cleaned, _parse(nlp, cleaned, batch_size),
                                                                    strict=True)]


def _parse(nlp, documents: list[CleanDocument], batch_size: int) -> Iterator:
    """One spaCy Doc per document. Long articles are parsed in paragraph-sized pieces and joined:
    the parser's memory grows with the longest text in a batch, and a sentence never spans a line break."""
    from spacy.tokens import Doc

    pieces = [split_paragraphs(d.text) for d in documents]
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


def split_paragraphs(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    r"""Cut ``text`` after line breaks into pieces of about ``limit`` characters; they join back exactly.

    >>> split_paragraphs("one\ntwo\nthree", limit=5)
    ['one\n', 'two\n', 'three']
    """
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut < 0:
            cut = text.find("\n", start + limit)  # one very long paragraph stays whole
            if cut < 0:
                break
        pieces.append(text[start : cut + 1])
        start = cut + 1
    pieces.append(text[start:])
    return [p for p in pieces if p]


_EXTRACTORS: dict[int, object] = {}


def _extractor_for(nlp, factory):
    key = id(nlp)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = factory(nlp)
    return _EXTRACTORS[key]


def write_triples(extractions: list[DocExtraction], path: Path) -> None:
    """triples.jsonl: one line per document with its mentions, relations and evidence."""
    lines = [json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in extractions]
    atomic_write_text(path, "\n".join(lines) + "\n")


def read_triples(path: Path) -> list[DocExtraction]:
    with open(path, encoding="utf-8") as handle:
        return [DocExtraction.from_dict(json.loads(line)) for line in handle if line.strip()]


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
