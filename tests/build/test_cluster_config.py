"""The local Dask cluster's worker settings (no cluster started here)."""

from __future__ import annotations

import sys

import dask
import distributed  # noqa: F401 - registers the distributed.* config defaults

from graphbuild.build.cluster import LOCAL_WORKER_CONFIG


def test_local_workers_keep_glibcs_dynamic_malloc_thresholds_no_profiler_and_are_forked() -> None:
    with dask.config.set(LOCAL_WORKER_CONFIG):
        environ = dask.config.get("distributed.nanny.pre-spawn-environ")
        assert "MALLOC_TRIM_THRESHOLD_" not in environ
        assert environ["OMP_NUM_THREADS"] == 1
        assert dask.config.get("distributed.worker.profile.enabled") is False
        if sys.platform == "linux":  # forked from the build, as the --workers pool's: no second import of the stack
            assert dask.config.get("distributed.worker.multiprocessing-method") == "fork"
    assert "MALLOC_TRIM_THRESHOLD_" in dask.config.get("distributed.nanny.pre-spawn-environ")  # Dask's default
