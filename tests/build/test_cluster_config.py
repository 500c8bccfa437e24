"""The local Dask cluster's worker settings (no cluster started here)."""

from __future__ import annotations

import sys

import dask
import distributed  # noqa: F401 - registers the distributed.* config defaults
from dask.utils import parse_timedelta

from graphbuild.build.cluster import LOCAL_WORKER_CONFIG


def test_local_workers_keep_glibcs_dynamic_malloc_thresholds_no_profiler_few_wake_ups_and_are_forked() -> None:
    with dask.config.set(LOCAL_WORKER_CONFIG):
        environ = dask.config.get("distributed.nanny.pre-spawn-environ")
        assert "MALLOC_TRIM_THRESHOLD_" not in environ
        assert environ["OMP_NUM_THREADS"] == 1
        assert dask.config.get("distributed.worker.profile.enabled") is False
        for interval in ("distributed.admin.tick.interval", "distributed.admin.system-monitor.interval"):
            assert parse_timedelta(dask.config.get(interval)) >= 1  # seconds: few wake-ups during a parse
        assert parse_timedelta(dask.config.get("distributed.worker.memory.monitor-interval")) <= 0.1  # Dask's
        if sys.platform == "linux":  # forked from the build, as the --workers pool's: no second import of the stack
            assert dask.config.get("distributed.worker.multiprocessing-method") == "fork"
    assert "MALLOC_TRIM_THRESHOLD_" in dask.config.get("distributed.nanny.pre-spawn-environ")  # Dask's default
