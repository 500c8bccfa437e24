"""Screenshots of graph.html at first sight, in headless Debian Chromium, at three sizes.

    python bench/screenshots.py OUT_DIR [--readouts exports-of-readouts/graph.json] [--name after]

Pages: the seeds (exports/graph.json, about 30 nodes drawn), a real corpus's graph (``--readouts``: the
graph.json of a build of the 80 readouts, about 600 nodes) and a synthetic graph of 5,000 nodes
(bench/html.py's). Each page is written with today's exporter, opened at 1280x800, and captured once
drawn (and, for the big page, once vis-network has taken over).
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "bench"]
sys.path[:0] = [str(_ROOT), str(_ROOT / "tests")]

import argparse  # noqa: E402

from browser import launch, missing_browser_reason, open_page  # noqa: E402

from graphbuild.exporters.html import write_html  # noqa: E402
from graphbuild.exporters.json_graph import read_json  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--readouts", type=Path, default=None, help="graph.json of a ~600-node build")
    parser.add_argument("--name", default="now")
    parser.add_argument("--sizes", nargs="*", default=["seeds", "readouts", "5000"])
    args = parser.parse_args(argv)
    reason = missing_browser_reason()
    if reason:
        print(f"screenshots: {reason}", file=sys.stderr)
        return 1
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_html", _ROOT / "bench" / "html.py")
    bench_html = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_html)
    synthetic_graph = bench_html.synthetic_graph

    args.out.mkdir(parents=True, exist_ok=True)
    graphs = {"seeds": lambda: read_json(_ROOT / "exports" / "graph.json"),
              "readouts": lambda: read_json(args.readouts),
              "5000": lambda: synthetic_graph(5000)}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        for size in args.sizes:
            if size == "readouts" and args.readouts is None:
                continue
            page_path = args.out / f"{args.name}-{size}.html"
            write_html(graphs[size](), page_path)
            page, log = open_page(browser, page_path, timeout_ms=600_000)
            page.evaluate("new Promise(done => { const s = graphbuild.state;"
                          " const wait = () => s.ready === false ? setTimeout(wait, 50) : done(); wait(); })")
            page.wait_for_timeout(800)
            page.screenshot(path=str(args.out / f"{args.name}-{size}.png"))
            print(f"{size}: {args.out / f'{args.name}-{size}.png'}; errors: {log.errors or 'none'}")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
