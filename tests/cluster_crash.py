"""A Dask worker plugin for the tests: a worker process dies (os._exit) on a document holding MARKER,
as a segfault in a native library would kill it. Imported by the workers (the tests folder is on their path)."""

from __future__ import annotations

import os

from distributed import WorkerPlugin

MARKER = "CRASH-THIS-WORKER"


class CrashOnMarker(WorkerPlugin):
    name = "graphbuild-test-crash"

    def setup(self, worker) -> None:
        from graphbuild.extract.extractor import Extractor

        original = Extractor.run

        def run(self, clean_doc, doc, *args, **kwargs):
            if MARKER in clean_doc.text:
                os._exit(1)
            return original(self, clean_doc, doc, *args, **kwargs)

        Extractor.run = run
