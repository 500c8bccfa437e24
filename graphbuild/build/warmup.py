"""Dask worker plugins: a worker loads the spaCy model as soon as it starts, not on its first task; a worker
forked from the build (``--scheduler local:N``) drops the build's signal handlers.

Kept apart from :mod:`graphbuild.build.cluster` because a plugin must subclass Dask's ``WorkerPlugin``,
and a local build does not import Dask.
"""

from __future__ import annotations

import contextlib
import signal
import threading

from distributed import Worker, WorkerPlugin

from graphbuild.extract.worker import PIPELINE_LOCK, ModelError, warm_up


class ModelWarmUp(WorkerPlugin):
    """Load ``model`` in a thread of each worker when it joins, so that the load overlaps with the cluster's
    start, the other workers' start and the client's read round (a remote worker that has the model
    already returns at once)."""

    name = "graphbuild-model-warm-up"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Worker) -> None:
        threading.Thread(target=load, args=(self.model,), name="graphbuild-warm-up", daemon=True).start()


def load(model: str) -> None:
    # A task that comes meanwhile waits for this model instead of loading another copy; a model that does not
    # load fails the first task again, and the build reports it.
    with PIPELINE_LOCK, contextlib.suppress(ModelError):
        warm_up(model)


class ForkedWorker(WorkerPlugin):
    """A forked worker inherits the build's SIGTERM handler (unwind as after Ctrl-C, see the CLI); a spawned
    one, and the --workers pool's, die on SIGTERM, as the nanny expects when it has to terminate one."""

    name = "graphbuild-forked-worker"

    def setup(self, worker: Worker) -> None:
        if threading.current_thread() is threading.main_thread():  # where a worker's event loop runs
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
