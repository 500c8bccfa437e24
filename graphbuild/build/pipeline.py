"""The whole build: read → clean → spaCy + extract (cached, in worker processes) → resolve → graph → exports.

The per-document :class:`~graphbuild.models.DocExtraction` records are the hand-off point:
the merge step (resolve + graph) reads only them, so extraction can run anywhere.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphbuild import exporters
from graphbuild.build.cache import ExtractionCache, cache_key, extraction_salt
from graphbuild.build.cluster import extract_on_cluster
from graphbuild.build.local import run_extraction
from graphbuild.build.progress import progress
from graphbuild.build.triples import TRIPLES_FILE, read_triples_lines, write_triples
from graphbuild.ingest.reader import Reader
from graphbuild.models import DocExtraction, Document, DocumentHeader, ReadProblem
from graphbuild.resolve.entities import Resolver
from graphbuild.resolve.graph import build_graph_from_facts
from graphbuild.settings import Config, Settings


@dataclass
class BuildReport:
    documents: int = 0
    problems: list[ReadProblem] = field(default_factory=list)  # inputs or documents not built
    notes: list[ReadProblem] = field(default_factory=list)  # built, but with something to say
    cached: int = 0
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0  # the whole build, the exports written
    export_seconds: float | None = None  # writing the exports, once written
    outputs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"built {self.documents} documents ({self.cached} from cache) into {self.nodes} nodes and "
            f"{self.edges} edges in {self.seconds:.1f}s"
            + (f" (writing the exports {self.export_seconds:.1f}s of it)" if self.export_seconds is not None else "")
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
    started = time.perf_counter()
    graph, report, extractions = _build(paths, settings, out_dir / ".cache")
    _write_exports(graph, out_dir, settings, report, extractions)
    report.seconds = time.perf_counter() - started
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
        for line, extraction in read_triples_lines(Path(path), report.problems):
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
    graph, report = _merge(list(extractions.values()), report, dates=[e.date for e in extractions.values()],
                           config=settings.config)
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


def _merge(extractions: list[DocExtraction], report: BuildReport, dates: list[str | None],
           config: Config | None = None):
    """The merge step: it reads only per-document extraction results (articles included), and the
    analyst's graphbuild.toml (``config``), which acts here, after extraction and its cache."""
    with paused_gc():
        return _resolve_and_build(extractions, report, dates, config)


def _resolve_and_build(extractions: list[DocExtraction], report: BuildReport, dates: list[str | None],
                       config: Config | None = None):
    corpus = Resolver(config).run(extractions)
    valid_dates = [d for d in dates if d]
    graph = build_graph_from_facts(corpus.entities, corpus.facts,
                                   documents=[e.article_record() for e in extractions],
                                   built=max(valid_dates) if valid_dates else None,
                                   mentions=corpus.mentions, consume=True)
    digest = config.digest() if config else None
    if digest:  # the graph says which corrections built it
        graph.graph["config"] = digest
    report.documents = len(extractions)
    report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    return graph, report


def _write_exports(graph: nx.MultiDiGraph, out_dir: Path, settings: Settings, report: BuildReport,
                   extractions: list[DocExtraction] | None = None) -> None:
    """Write the exports as a set: all into a new folder inside ``out_dir``, which then replaces the previous
    set in one step (see :func:`swap_export_set`). A failure or a kill at any point leaves the previous set
    whole; a staging folder left by a killed build is removed by the next one."""
    import shutil
    import tempfile

    if not report.documents:
        return
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".exports-{os.getpid()}-", suffix=".tmp", dir=out_dir))
    os.chmod(staging, 0o755)  # as a folder made by mkdir: the exports are for everyone to read
    names = [export.filename for export in exporters.EXPORTS] + [TRIPLES_FILE]
    try:
        with paused_gc():
            if extractions is not None:
                write_triples(extractions, staging / TRIPLES_FILE)
            for export in exporters.EXPORTS:
                export.write(graph, staging / export.filename, settings)
        for name in names:  # a set without triples.jsonl (merge) keeps the one before, as a folder of files did
            if not (staging / name).exists() and (out_dir / name).is_file():
                _link_or_copy(out_dir / name, staging / name)
        swap_export_set(out_dir, staging, names)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report.outputs += [str(out_dir / export.filename) for export in exporters.EXPORTS]
    if extractions is not None:
        report.outputs.append(str(out_dir / TRIPLES_FILE))
    report.export_seconds = time.perf_counter() - started


# In the export folder, ``.exports`` is a symbolic link to the folder holding the current set
# (``.exports-DIGEST``, named by its contents, so the same input gives the same tree) and each export
# (``graph.json``) a link to ``.exports/graph.json``: replacing the set is one rename of the ``.exports`` link.
CURRENT_SET = ".exports"


def swap_export_set(out_dir: Path, staging: Path, names: Sequence[str]) -> None:
    """Make the complete set in ``staging`` (``.exports-….tmp`` inside ``out_dir``) the current one, in one
    atomic rename; then remove the sets before it. Where symbolic links cannot be made, each file is
    renamed into place instead (the old way: a kill in between mixes the two sets)."""
    import shutil

    _sync_folder(staging)
    final = staging.with_name(f".exports-{_set_digest(staging)}")  # the same set, the same name: deterministic
    created = not (final.is_dir() and not final.is_symlink())
    if created:
        os.rename(staging, final)
    else:
        shutil.rmtree(staging, ignore_errors=True)  # this very set is there already (maybe the current one)
    try:
        _point(out_dir / CURRENT_SET, final.name)  # the swap
    except OSError:
        if (out_dir / CURRENT_SET).is_symlink():
            if created:
                shutil.rmtree(final, ignore_errors=True)
            raise
        for path in sorted(final.iterdir()):  # no symbolic links here: one file at a time
            os.replace(path, out_dir / path.name)
        shutil.rmtree(final, ignore_errors=True)
        return
    except BaseException:
        if created:  # never the set the exports already link into
            shutil.rmtree(final, ignore_errors=True)
        raise
    for name in names:  # once per folder (the first build of this kind in it): each name links into the set
        if (final / name).exists():
            _point(out_dir / name, f"{CURRENT_SET}/{name}")
    _sync_folder(out_dir)
    for old in out_dir.glob(".exports-*"):
        if old.is_dir() and not old.is_symlink() and old != final and not old.name.endswith(".tmp"):
            shutil.rmtree(old, ignore_errors=True)


def _set_digest(folder: Path) -> str:
    """A hash of the files in ``folder`` (names and bytes), read in pieces."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode("utf-8", "surrogatepass") + b"\0")
        with open(path, "rb") as handle:
            while piece := handle.read(1 << 20):
                digest.update(piece)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target``, atomically (a new link renamed over it)."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    temporary = link.with_name(f".{link.name}-{os.getpid()}.link.tmp")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(target, temporary)
    try:
        os.replace(temporary, link)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def remove_leftovers(out_dir: Path) -> None:
    """Remove what a killed build left in ``out_dir``: staging folders ``.exports-….tmp`` and link temporaries
    (``.graph.json-PID.link.tmp``), unless the build that owns them is still running."""
    import shutil

    for path in [*out_dir.glob(".exports-*.tmp"), *out_dir.glob(".*.link.tmp")]:
        if _running(_owner(path.name)):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _owner(name: str) -> int | None:
    """The process id in a staging or link temporary name (None in an older build's ``.exports-XXXX.tmp``)."""
    if name.startswith(".exports-"):
        part = name[len(".exports-"):].split("-", 1)[0]
    else:
        part = name[: -len(".link.tmp")].rsplit("-", 1)[-1]
    return int(part) if part.isdigit() else None


def _running(pid: int | None) -> bool:
    if pid is None or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's)
    return True


def _link_or_copy(source: Path, target: Path) -> None:
    import shutil

    try:
        os.link(os.path.realpath(source), target)
    except OSError:
        shutil.copyfile(source, target)


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so the renames in it survive a crash."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _build(paths, settings: Settings, cache_dir: Path | None):
    started = time.perf_counter()
    if settings.scheduler:  # read, clean, parse and extract on a Dask cluster; merge here
        done = extract_on_cluster(paths, settings, cache_dir, settings.scheduler)
        report = BuildReport(problems=done.problems, notes=done.notes, cached=done.cached)
        graph, report = _merge(done.extractions, report, dates=done.dates, config=settings.config)
        report.seconds = time.perf_counter() - started
        return graph, report, done.triples
    reader = Reader()
    documents, problems = reader.run(paths)
    report = BuildReport(problems=list(problems), notes=list(reader.notes))
    extractions, report.cached = extract_all(documents, settings, cache_dir, report=report)
    graph, report = _merge(extractions, report, dates=[d.date for d in documents], config=settings.config)
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
    keys: list[str] = []
    if cache_dir:  # without use_cache (--no-cache) every entry is rebuilt and rewritten: that repairs it
        cache = ExtractionCache(cache_dir, read=settings.use_cache)
        salt = extraction_salt(settings.model)
        keys = [cache_key(salt, d) for d in documents]
    results: list[DocExtraction | None] = ([cache.get(key, DocumentHeader.of(d)) for key, d in zip(keys, documents,
                                                                                                  strict=True)]
                                           if cache else [None] * len(documents))
    if cache and cache.damaged:
        report.notes.append(ReadProblem(str(cache_dir), f"{cache.damaged} damaged cache entries rebuilt"))
    todo = [d for d, r in zip(documents, results, strict=True) if r is None]
    fresh = run_extraction(todo, settings)
    done: list[DocExtraction] = []
    with progress(len(documents), settings.progress) as bar:
        bar.update(len(documents) - len(todo))
        for n, result in enumerate(results):
            if result is None:
                outcome = next(fresh)
                result = outcome.extraction
                report.notes += outcome.notes
                if outcome.error is not None:
                    report.problems.append(outcome.error)
                elif cache:
                    cache.put(keys[n], result)
                bar.update(1)
            if result is not None:
                done.append(result)
    if cache and cache.unwritable:
        report.notes.append(ReadProblem(str(cache_dir), cache.unwritable))
    return done, len(documents) - len(todo)
