"""A Dask worker plugin for the tests: a worker process dies (os._exit) on a document holding MARKER,
as a segfault in a native library would kill it. Imported by the workers (the tests folder is on their path)."""

from __future__ import annotations

import os

from distributed import WorkerPlugin

MARKER = "CRASH-THIS-WORKER"


class CrashOnMarker(WorkerPlugin):
    name = "graphbuild-test-crash"

    def setup(self, worker) -> None:
        from graphbuild.extract import worker

        original = worker._extract_batch

        def extract_batch(documents, *args, **kwargs):
            if any(MARKER in d.text for d in documents):
                os._exit(1)
            return original(documents, *args, **kwargs)

        worker._extract_batch = extract_batch
