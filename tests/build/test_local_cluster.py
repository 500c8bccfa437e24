"""A `local:1` LocalCluster started in this process: its worker is forked from the build, drops the build's
SIGTERM handler and loads the model as soon as it starts, before any task asks for it."""

from __future__ import annotations

import signal
import sys
import time

import pytest

from graphbuild.build.cluster import close, connect
from graphbuild.build.warmup import ModelWarmUp
from graphbuild.settings import Settings

WARM_UP_TIMEOUT = 120  # seconds for the worker to load the model (2 shared cores)


def _model_loaded() -> bool:
    from graphbuild.extract.nlp import load_pipeline

    return load_pipeline.cache_info().currsize > 0


def _worker_state() -> tuple[bool, bool]:
    return getattr(sys, "_graphbuild_test_marker", False), signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


@pytest.mark.skipif(sys.platform != "linux", reason="local:N workers are forked on Linux only")
def test_local_worker_is_forked_without_the_builds_sigterm_handler_and_loads_the_model_at_once(monkeypatch):
    monkeypatch.setattr(sys, "_graphbuild_test_marker", True, raising=False)  # a forked worker sees it
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)  # as the CLI's unwinding handler
    try:
        client = connect("local:1", ModelWarmUp(Settings().model))
    finally:
        signal.signal(signal.SIGTERM, previous)
    try:
        assert list(client.run(_worker_state).values()) == [(True, True)]
        deadline = time.monotonic() + WARM_UP_TIMEOUT
        while not all(client.run(_model_loaded).values()):  # no task was sent: the plugin loads it
            assert time.monotonic() < deadline, "the worker did not load the model on its own"
            time.sleep(0.2)
    finally:
        close(client)
