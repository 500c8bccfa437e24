"""Headless Debian Chromium for the page tests and the benchmark, through Playwright for Python.

Only the Playwright driver (inside the pip wheel) is used; the browser is the system's
``/usr/bin/chromium`` (``$GRAPHBUILD_CHROMIUM`` overrides), never a downloaded one.
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = os.environ.get("GRAPHBUILD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def missing_browser_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (Python package) is not installed"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def launch(playwright):
    """A headless Chromium browser from the system package."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


@dataclass
class PageLog:
    """What a page did: console errors, uncaught exceptions, every request it made."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("request", lambda request: self.requests.append(request.url))


def open_page(browser, path: Path, timeout_ms: float = 60_000):
    """Open ``path`` in a fresh page and wait until the layout has settled; returns (page, log)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    log = PageLog()
    log.attach(page)
    page.goto(path.resolve().as_uri())
    # A selector, not wait_for_function: the page's CSP forbids the eval that polling a function needs.
    page.wait_for_selector("body[data-stable=true]", state="attached", timeout=timeout_ms)
    return page, log


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes): width, height, rows."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytes(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        _unfilter(kind, line, prev, bpp)
        rows.append(bytes(line) if bpp == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
        prev = bytes(line)
    return width, height, rows


def _unfilter(kind: int, line: bytearray, prev: bytes, bpp: int) -> None:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up, up_left = prev[i], prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - up_left
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
            pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
            line[i] = (line[i] + pred) & 0xFF


def coloured_fraction(png: bytes, background: tuple[int, int, int] = (255, 255, 255), step: int = 4) -> float:
    """Share of (sampled) pixels that are clearly not the background colour."""
    width, height, rows = png_pixels(png)
    total = hits = 0
    for row in rows[::step]:
        for x in range(0, width, step):
            r, g, b = row[3 * x:3 * x + 3]
            total += 1
            hits += abs(r - background[0]) + abs(g - background[1]) + abs(b - background[2]) > 60
    return hits / total if total else 0.0
