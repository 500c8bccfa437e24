"""graphbuild: turn news articles into an evidenced knowledge graph."""

from __future__ import annotations

from importlib.metadata import version

__version__ = version("graphbuild")  # one home: pyproject.toml

__all__ = ["__version__", "build_graph"]


def build_graph(paths, **settings):
    """Build the merged graph for files or folders ``paths``; see :func:`graphbuild.build.pipeline.build_graph`."""
    from graphbuild.build.pipeline import build_graph as _build_graph

    return _build_graph(paths, **settings)
