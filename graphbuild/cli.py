"""Command line: ``graphbuild build | merge | who-met | stats | load | html | export``.

Exit status: 0 success, 1 nothing built or a failure the user can fix (server down, bad
password), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from pathlib import Path

from graphbuild import __version__
from graphbuild.schema import CONTACT_TYPES, NEGATED, OCCURRED, PLANNED

STATUS_CHOICES = {"occurred": (OCCURRED,), "planned": (PLANNED,), "negated": (NEGATED,),
                  "all": (OCCURRED, PLANNED, NEGATED)}


def build_parser() -> argparse.ArgumentParser:
    from graphbuild.settings import Settings

    defaults = Settings()
    parser = argparse.ArgumentParser(
        prog="graphbuild",
        description="Turn news articles into a knowledge graph where every fact points back to its sentence.",
        epilog="exit status: 0 success, 1 nothing built or a failure to fix (server down, bad password), "
               "2 usage error")
    parser.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the graph from articles and write the exports")
    build.add_argument("inputs", nargs="+", help="files or folders (.txt .md .html .htm .jsonl)")
    build.add_argument("--out", default="exports", help="export folder (default: exports)")
    build.add_argument("--model", default=defaults.model, help=f"spaCy model (default: {defaults.model})")
    build.add_argument("--workers", type=int, default=defaults.workers,
                       help="spaCy processes (default: number of cores)")
    build.add_argument("--batch-size", type=int, default=defaults.batch_size, help=argparse.SUPPRESS)
    build.add_argument("--no-cache", action="store_true", help="ignore and rebuild the extraction cache")
    build.add_argument("--html-max-nodes", type=int, default=None,
                       help="most connected nodes kept in graph.html (default: [page] max_nodes of the config, "
                            f"else {defaults.html_max_nodes})")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_config(build)
    build.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="extract on a Dask cluster: tcp://HOST:PORT of its scheduler, or local:N for N local "
                            "worker processes (default: $GRAPHBUILD_SCHEDULER, else this machine with --workers)")

    merge = commands.add_parser("merge", help="merge triples.jsonl files (per-document results) into exports")
    merge.add_argument("triples", nargs="+", help="triples.jsonl files written by 'graphbuild build'")
    merge.add_argument("--out", default="exports", help="export folder (default: exports)")
    merge.add_argument("--html-max-nodes", type=int, default=None,
                       help="most connected nodes kept in graph.html (default: [page] max_nodes of the config, "
                            f"else {defaults.html_max_nodes})")
    _add_config(merge)

    who = commands.add_parser("who-met", help="who did NAME meet, and which article says so")
    who.add_argument("name", help="a person's name, full or in part (\"Belousov\")")
    source = who.add_mutually_exclusive_group()
    source.add_argument("--graph", default=None, help="graph.json (default: exports/graph.json)")
    source.add_argument("--neo4j", metavar="URI", default=None, help="ask a Neo4j server instead")
    _add_neo4j_auth(who)
    who.add_argument("--status", choices=sorted(STATUS_CHOICES), default="occurred",
                     help="which meetings: occurred (default), planned, negated or all")
    who.add_argument("--contacts", action="store_true",
                     help=f"every contact, not only meetings: {' and '.join(CONTACT_TYPES)}")
    who.add_argument("--by-person", action="store_true",
                     help="one entry per person met, with every sentence (default: one line per meeting)")
    who.add_argument("--json", action="store_true", help="print JSON")

    stats = commands.add_parser("stats", help="counts of nodes and edges by label and type")
    stats.add_argument("--graph", default="exports/graph.json", help="graph.json (default: exports/graph.json)")

    load = commands.add_parser("load", help="load exports/graph.json into Neo4j over Bolt")
    load.add_argument("exports", nargs="?", default="exports", help="export folder or graph.json")
    load.add_argument("--uri", default=None, help="bolt URI (default: $NEO4J_URI or bolt://127.0.0.1:7687)")
    _add_neo4j_auth(load)
    load.add_argument("--batch-size", type=int, default=1000, help="rows per transaction (default: 1000)")
    load.add_argument("--workers", type=int, default=1,
                      help="parallel sessions for relationships, on disjoint node sets (default: 1)")
    load.add_argument("--replace", action="store_true",
                      help="also delete what an earlier load wrote and the graph no longer has")
    load.add_argument("--full", action="store_true",
                      help="send every row, not only those new or changed since the last load (their hashes)")
    load.add_argument("--quiet", action="store_true", help="no progress bar")

    html = commands.add_parser("html", help="write an interactive HTML page of a graph or a neighbourhood")
    html.add_argument("--graph", default="exports/graph.json", help="graph.json (default: exports/graph.json)")
    html.add_argument("--out", default=None, help="output file (default: graph.html beside --graph)")
    html.add_argument("--focus", default=None, help="only the neighbourhood of this person")
    html.add_argument("--depth", type=int, default=2, help="with --focus: hops around the person (default: 2)")
    html.add_argument("--max-nodes", type=int, default=None,
                      help=f"most connected nodes kept (default: [page] max_nodes of the config, else "
                           f"{defaults.html_max_nodes})")
    _add_config(html)

    export = commands.add_parser("export", help="extra export formats")
    export.add_argument("format", choices=["neo4j-admin", "cypher"],
                        help="neo4j-admin: CSV files for 'neo4j-admin database import full' (--out is a folder); "
                             "cypher: graph.cypher again (--out is a file)")
    export.add_argument("--graph", default="exports/graph.json", help="graph.json (default: exports/graph.json)")
    export.add_argument("--out", required=True, help="output folder (neo4j-admin) or file (cypher)")
    export.add_argument("--literal", action="store_true",
                        help="cypher: plain UNWIND [{...}] literal maps, easy to read but slow for Neo4j to parse")
    return parser


def _add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", default=None, metavar="PATH",
                        help="the analyst's graphbuild.toml: aliases, distinct names, titles, relation types, "
                             "page defaults (default: ./graphbuild.toml when there)")


def _config(args: argparse.Namespace):
    """The graphbuild.toml of ``--config`` or the current folder; a wrong one is a usage error (exit 2)."""
    from graphbuild.settings import ConfigError, find_config

    try:
        return find_config(args.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc


def _max_nodes(value: int | None, config) -> int:
    from graphbuild.settings import Settings

    return value if value is not None else config.page.get("max_nodes", Settings().html_max_nodes)


def _add_neo4j_auth(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=None, help="default: $NEO4J_USER or neo4j")
    parser.add_argument("--password", default=None, help="default: $NEO4J_PASSWORD")
    parser.add_argument("--database", default=None, help="default: $NEO4J_DATABASE or the server's default")


def neo4j_connection(args: argparse.Namespace, uri: str | None) -> dict:
    return {
        "uri": uri or os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687",
        "user": args.user or os.environ.get("NEO4J_USER") or "neo4j",
        "password": args.password if args.password is not None else os.environ.get("NEO4J_PASSWORD"),
        "database": args.database or os.environ.get("NEO4J_DATABASE") or None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    handler = {
        "build": cmd_build,
        "merge": cmd_merge,
        "who-met": cmd_who_met,
        "stats": cmd_stats,
        "load": cmd_load,
        "html": cmd_html,
        "export": cmd_export,
    }[args.command]
    previous = _on_sigterm_interrupt()
    try:
        return handler(args)
    except Terminated:
        _err("graphbuild: terminated; previous exports left intact")
        return 143
    except UsageError as exc:
        _err(f"graphbuild: error: {exc}")
        return 2
    except UserFacingError as exc:
        _err(f"graphbuild: {exc}")
        return 1
    except OSError as exc:  # full disk, read-only or vanished folder, ...: one line, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        _err(f"graphbuild: {where}{exc.strerror or exc}; previous exports left intact")
        return 1
    except KeyboardInterrupt:
        _err("graphbuild: interrupted; previous exports left intact")
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class Terminated(KeyboardInterrupt):
    """SIGTERM: unwinds like Ctrl-C (temporary files removed, workers stopped), exit status 143."""


def _on_sigterm_interrupt():
    """Turn SIGTERM into :class:`Terminated` while a command runs; the previous handler, or None."""
    def terminated(signum, frame):
        raise Terminated

    try:
        return signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread
        return None


# C0 and C1 controls (but tab and newline), DEL, and the bidirectional overrides: text from an article
# must not be able to move the cursor, clear the screen, set the window title or reorder a line.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    r"""``text`` with control characters shown as escapes.

    >>> terminal_safe("ok\x1b]0;pwned\x07 \u202e")
    'ok\\x1b]0;pwned\\x07 \\u202e'
    """
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


def _json_safe(text: str) -> str:
    """JSON text with the same characters as \\u escapes (still the same JSON values)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _out(text: str) -> None:
    sys.stdout.write(terminal_safe(text))


def _err(text: str) -> None:
    print(terminal_safe(text), file=sys.stderr)


class UsageError(Exception):
    """Bad arguments: exit status 2."""


class UserFacingError(Exception):
    """A failure to report in one line: exit status 1."""


def _graph_file(path: str) -> Path:
    graph_path = Path(path)
    if graph_path.is_dir():
        graph_path = graph_path / "graph.json"
    if not graph_path.is_file():
        raise UsageError(f"no graph at {graph_path} (run 'graphbuild build' first)")
    return graph_path


def _read_graph(path: str):
    import networkx as nx

    from graphbuild.exporters.json_graph import read_json

    graph_path = _graph_file(path)
    try:
        G = read_json(graph_path)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, nx.NetworkXError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise UserFacingError(f"{graph_path}: not a graphbuild graph.json ({reason})") from exc
    if not all(isinstance(data, dict) for _, data in G.nodes(data=True)):
        raise UserFacingError(f"{graph_path}: not a graphbuild graph.json")
    return G


def _check_model(model: str) -> None:
    """A usage error, before any work, when ``model`` is neither an installed package nor a model folder."""
    import importlib.util

    if model.isidentifier() and importlib.util.find_spec(model) is not None:
        return
    if (Path(model) / "config.cfg").is_file():
        return
    try:
        import spacy

        installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
    except Exception:  # noqa: BLE001 - only for the message
        installed = "?"
    raise UsageError(f"unknown spaCy model {model!r} (installed: {installed})")


def _check_out(out: Path) -> None:
    """A one-line error, before any work, when the export folder cannot be written."""
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise UserFacingError(f"--out {out}: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UserFacingError(f"--out {out}: {existing} is not writable")


def cmd_build(args: argparse.Namespace) -> int:
    from graphbuild.build.cluster import ClusterError, scheduler_from
    from graphbuild.build.pipeline import run_build
    from graphbuild.extract.worker import ModelError
    from graphbuild.settings import Settings

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    config = _config(args)
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    _check_model(args.model)
    _check_out(Path(args.out))
    settings = Settings(
        model=args.model,
        workers=args.workers,
        batch_size=args.batch_size,
        use_cache=not args.no_cache,
        html_max_nodes=_max_nodes(args.html_max_nodes, config),
        progress=not args.quiet,
        scheduler=scheduler_from(args.scheduler),
        config=config,
    )
    try:
        report = run_build(args.inputs, Path(args.out), settings)
    except (ModelError, ClusterError) as exc:
        raise UserFacingError(str(exc)) from exc
    for problem in report.problems:
        _err(f"skipped {problem}")
    _err(report.summary())
    return 0 if report.documents else 1


def cmd_merge(args: argparse.Namespace) -> int:
    from graphbuild.build.pipeline import MergeError, run_merge
    from graphbuild.settings import Settings

    missing = [p for p in args.triples if not Path(p).is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    try:
        config = _config(args)
        report = run_merge(args.triples, Path(args.out),
                           Settings(html_max_nodes=_max_nodes(args.html_max_nodes, config), config=config))
    except MergeError as exc:
        raise UserFacingError(str(exc)) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise UserFacingError(f"not a graphbuild triples.jsonl: {exc}") from exc
    _err(report.summary())
    return 0 if report.documents else 1


def cmd_who_met(args: argparse.Namespace) -> int:
    from graphbuild.query import answers_to_json, format_answers, format_meeting_answers, person_meetings, who_met

    statuses = STATUS_CHOICES[args.status]
    by_person = getattr(args, "by_person", False)
    if args.neo4j:
        from graphbuild.neo4j.store import Neo4jStoreError, meetings_neo4j, who_met_neo4j

        try:
            ask = who_met_neo4j if by_person else meetings_neo4j
            answers = ask(neo4j_connection(args, args.neo4j), args.name, statuses, args.contacts)
        except Neo4jStoreError as exc:
            raise UserFacingError(str(exc)) from exc
        G = None
    else:
        G = _read_graph(args.graph or "exports/graph.json")
        answers = (who_met if by_person else person_meetings)(G, args.name, statuses, args.contacts)
    if not answers:
        if args.json:
            sys.stdout.write("[]\n")
        raise UserFacingError(f"no person matching {args.name!r}" + _suggestions(G, args.name))
    if args.json:
        sys.stdout.write(_json_safe(answers_to_json(answers)))
    elif by_person:
        _out(format_answers(answers, args.name, args.contacts))
    else:
        _out(format_meeting_answers(answers, args.name))
    return 0


def _suggestions(G, query: str) -> str:
    """ "; did you mean ...?" with the closest names and aliases of people in ``G``."""
    import difflib

    from graphbuild.schema import PERSON
    from graphbuild.text import fold

    if G is None:
        return ""
    names: dict[str, str] = {}
    for _, data in G.nodes(data=True):
        if data.get("label") == PERSON:
            for name in [data.get("name"), *(data.get("aliases") or [])]:
                if isinstance(name, str) and name.strip():
                    names.setdefault(fold(name), data.get("name") or name)
    close = difflib.get_close_matches(fold(query), list(names), n=5, cutoff=0.6)
    # Also a query word close to one word of a name ("Belusov" -> "Andrei Belousov").
    for word in fold(query).split():
        for key in names:
            if key not in close and difflib.get_close_matches(word, key.split(), n=1, cutoff=0.8):
                close.append(key)
    suggested = list(dict.fromkeys(names[key] for key in close))[:5]
    return f"; did you mean {', '.join(map(repr, suggested))}?" if suggested else ""


def cmd_stats(args: argparse.Namespace) -> int:
    from graphbuild.stats import format_stats

    _out(format_stats(_read_graph(args.graph)))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from graphbuild.neo4j.store import Neo4jStoreError, load_graph

    G = _read_graph(args.exports)
    try:
        summary = load_graph(G, neo4j_connection(args, args.uri), batch_size=args.batch_size,
                             progress=not args.quiet, workers=args.workers, replace=args.replace,
                             full=args.full)
    except Neo4jStoreError as exc:
        raise UserFacingError(str(exc)) from exc
    _err(str(summary))
    return 0


def cmd_html(args: argparse.Namespace) -> int:
    from graphbuild.exporters.html import neighbourhood, write_html

    config = _config(args)
    graph_path = _graph_file(args.graph)
    G = _read_graph(args.graph)
    if args.focus:
        G = neighbourhood(G, args.focus, args.depth)
        if G.number_of_nodes() == 0:
            raise UserFacingError(f"no person matching {args.focus!r} in {graph_path}")
    out = Path(args.out) if args.out else graph_path.with_name("graph.html")
    write_html(G, out, max_nodes=_max_nodes(args.max_nodes, config), page=config.page)
    _err(f"wrote {out}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "cypher":
        from graphbuild.exporters.cypher import write_cypher

        write_cypher(_read_graph(args.graph), Path(args.out), packed=not args.literal)
        _err(f"wrote {args.out}")
        return 0
    from graphbuild.neo4j.admin import write_neo4j_admin

    write_neo4j_admin(_read_graph(args.graph), Path(args.out))
    _err(f"wrote neo4j-admin import files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
