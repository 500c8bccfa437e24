"""The progress bar on stderr (tqdm), or nothing when progress is off."""

from __future__ import annotations

import sys


class _NoBar:
    """Stands in for the bar when progress is off."""

    def update(self, n: int) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


def progress(total: int, enabled: bool):
    """A bar counting documents (``update(n)``, a context manager)."""
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, desc="extracting", dynamic_ncols=True)
