"""The whole build: read → clean → spaCy + extract (cached, in worker processes) → resolve → graph → exports.

The per-document :class:`~graphbuild.models.DocExtraction` records are the hand-off point:
the merge step (resolve + graph) reads only them, so extraction can run anywhere.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphbuild.atomic import atomic_write_text
from graphbuild.cache import ExtractionCache
from graphbuild.cleaner import clean
from graphbuild.graph import build_graph_from_facts
from graphbuild.models import CleanDocument, DocExtraction, ReadProblem
from graphbuild.reader import read_inputs
from graphbuild.resolve import Resolver
from graphbuild.settings import Settings

TRIPLES_FILE = "triples.jsonl"


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
    from graphbuild.exporters import EXPORTS

    graph, report = _build(paths, settings, out_dir / ".cache", triples_path=out_dir / TRIPLES_FILE)
    if report.documents:
        for filename, writer in EXPORTS:
            if filename == "graph.html":
                writer(graph, out_dir / filename, max_nodes=settings.html_max_nodes)
            else:
                writer(graph, out_dir / filename)
            report.outputs.append(str(out_dir / filename))
    return report


def _build(paths, settings: Settings, cache_dir: Path | None, triples_path: Path | None = None):
    started = time.perf_counter()
    documents, problems = read_inputs(paths)
    report = BuildReport(problems=list(problems))
    cleaned = [clean(doc) for doc in documents]
    extractions, report.cached = extract_all(cleaned, settings, cache_dir)
    if triples_path is not None and extractions:
        write_triples(extractions, triples_path)
    corpus = Resolver().run(extractions)
    graph = build_graph_from_facts(corpus.entities, corpus.facts, documents=corpus.documents,
                                   built=_built_date(cleaned))
    report.documents = len(extractions)
    report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    report.seconds = time.perf_counter() - started
    return graph, report


def _built_date(documents: list[CleanDocument]) -> str | None:
    """The graph's date: the newest article date, so the same input always gives the same exports."""
    dates = [d.date for d in documents if d.date]
    return max(dates) if dates else None


def extract_all(documents: list[CleanDocument], settings: Settings,
                cache_dir: Path | None) -> tuple[list[DocExtraction], int]:
    """Extraction results in input order, from the cache where possible."""
    from graphbuild.nlp import load_pipeline, model_version

    if not documents:
        return [], 0
    nlp = load_pipeline(settings.model)
    cache = ExtractionCache(cache_dir, model_version(nlp)) if cache_dir and settings.use_cache else None
    results: list[DocExtraction | None] = [cache.get(d) if cache else None for d in documents]
    todo = [d for d, r in zip(documents, results, strict=True) if r is None]
    fresh = iter(_run_extraction(todo, settings))
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


def _run_extraction(documents: list[CleanDocument], settings: Settings) -> Iterator[DocExtraction]:
    if not documents:
        return
    workers = min(settings.workers, max(1, len(documents) // settings.batch_size))
    if workers <= 1:
        yield from _extract_chunk(documents, settings.model, settings.batch_size)
        return
    chunks = [documents[i : i + settings.batch_size] for i in range(0, len(documents), settings.batch_size)]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        # map() keeps input order, so the output does not depend on the number of workers.
        for chunk_result in pool.map(_extract_chunk, chunks, [settings.model] * len(chunks),
                                     [settings.batch_size] * len(chunks)):
            yield from chunk_result


def _extract_chunk(documents: list[CleanDocument], model: str, batch_size: int) -> list[DocExtraction]:
    from graphbuild.extract import Extractor
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline(model)
    extractor = _extractor_for(nlp, Extractor)
    docs = nlp.pipe((d.text for d in documents), batch_size=batch_size)
    # Docs are dropped as soon as they are extracted: memory does not grow with the corpus.
    return [extractor.run(clean_doc, doc) for clean_doc, doc in zip(documents, docs, strict=True)]


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
