"""Extraction in local worker processes: a bounded window of chunks in flight, read back in input order."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from graphbuild.extract.worker import ModelError, Outcome, extract_documents
from graphbuild.models import Document
from graphbuild.settings import Settings


def run_extraction(documents: list[Document], settings: Settings) -> Iterator[Outcome]:
    """Clean, parse and extract, in input order; in worker processes when there is enough work."""
    if not documents:
        return
    chunks = make_chunks(documents, settings.batch_size)
    workers = min(settings.workers, len(chunks))
    if workers <= 1:
        for chunk in chunks:
            yield from extract_documents(chunk, settings.model, settings.batch_size)
        return
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init,
                             initargs=(os.getpid(),)) as pool:
        # A bounded window of chunks in flight, read back in input order: memory stays flat and the
        # output does not depend on the number of workers.
        pending: deque = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(extract_documents, chunk, settings.model, settings.batch_size)))
                if len(pending) >= 2 * workers:
                    yield from _chunk_result(*pending.popleft(), settings)
            while pending:
                yield from _chunk_result(*pending.popleft(), settings)
        except BaseException:  # interrupted, or the reader stopped: do not wait for the chunks in flight
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


# A worker cleans a whole chunk before parsing it, and holds it: a chunk also ends before this much text, so
# chunks of long documents (each at most the reader's 1,000,000 characters) stay as small as one of them.
MAX_CHUNK_CHARS = 1_000_000


def make_chunks(documents: list[Document], size: int, max_chars: int = MAX_CHUNK_CHARS) -> list[list[Document]]:
    """Consecutive chunks of at most ``size`` documents and, unless one document alone is longer, ``max_chars``
    characters of text (results come back per document, in input order, so the exports do not depend on this).

    >>> [len(c) for c in make_chunks([Document(str(n), "x" * n, "") for n in (5, 5, 9, 3, 1)], 3, 10)]
    [2, 1, 2]
    """
    chunks: list[list[Document]] = []
    chars = 0
    for document in documents:
        if not chunks or len(chunks[-1]) >= size or chars + len(document.text) > max_chars:
            chunks.append([])
            chars = 0
        chunks[-1].append(document)
        chars += len(document.text)
    return chunks


def _chunk_result(chunk: list[Document], future, settings: Settings) -> list[Outcome]:
    """A worker's outcomes; when the worker itself failed (died, or could not send its result back),
    the chunk is done again here, one document at a time, so only a document that fails here too is lost."""
    try:
        return future.result()
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - e.g. BrokenProcessPool after a worker was killed
        return extract_documents(chunk, settings.model, settings.batch_size, one_by_one=True)


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
