"""Neo4j over Bolt: load a graph (``graphbuild load``) and ask it who met whom (``who-met --neo4j``).

Loading sends the same rows as graph.cypher (see :mod:`graphbuild.neo4j.script`) as parameters,
``UNWIND $rows`` in batches of 1,000, each batch in a managed write transaction that the driver retries on
transient errors; with ``workers`` > 1, relationships go through that many sessions at once, each on node
groups the others do not touch at the same time. Every statement is a MERGE on the key followed by a full
``SET``, so loading twice, or again after a load killed half-way, ends in the same state as one clean load.
``replace`` then deletes what an earlier load wrote (marked by a property) and the graph no longer has.

Every failure the user can fix (server down, bad password, unknown database) is raised as
:class:`Neo4jStoreError` with a one-line message.
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

import networkx as nx

from graphbuild.neo4j.model import (
    CONTENT_HASH,
    MARKER,
    MARKER_VALUE,
    OWNED_NODE_PROPERTIES,
    OWNED_RELATIONSHIP_PROPERTIES,
    content_hash,
    node_order,
    node_row,
    relationship_order,
    relationship_row,
    unflatten_list,
    with_owned,
)
from graphbuild.neo4j.queries import ARTICLES_STATEMENT, MEETINGS_STATEMENT, PEOPLE_STATEMENT, contacts_statement
from graphbuild.neo4j.script import split_statements
from graphbuild.neo4j.statements import (
    batches,
    node_hashes_statement,
    node_statement,
    relationship_hashes_statement,
    relationship_statement,
    schema_statements,
)
from graphbuild.query import (
    ARTICLE_KEYS,
    Meeting,
    MeetingLine,
    MeetingsAnswer,
    WhoMetAnswer,
    best_matches,
    contact_types,
    keep_meeting,
    make_meeting,
    meeting_line,
    sort_articles,
    sort_meeting_lines,
    sort_meetings,
)
from graphbuild.schema import OCCURRED

# The driver logs retries as warnings; the CLI reports failures itself, in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


class Neo4jStoreError(Exception):
    """A Neo4j failure explained in one line."""


@dataclass
class LoadSummary:
    """What a load did: per kind, rows created, changed (updated) and left as they were."""

    uri: str
    database: str | None
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_unchanged: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_unchanged: int = 0
    nodes_skipped: int = 0  # of the unchanged: those whose hash showed them unchanged, so not sent at all
    relationships_skipped: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    nodes_kept: int = 0  # gone from the graph, but kept: relationships graphbuild did not write use them
    seconds: float = 0.0
    refused: list[str] = field(default_factory=list)  # rows the server refused, each with its reason

    @property
    def nodes(self) -> int:
        return self.nodes_created + self.nodes_updated + self.nodes_unchanged

    @property
    def relationships(self) -> int:
        return self.relationships_created + self.relationships_updated + self.relationships_unchanged

    def __str__(self) -> str:
        where = f"{self.uri}" + (f" (database {self.database})" if self.database else "")
        return (
            f"loaded {self.nodes} nodes ({self.nodes_created} created, {self.nodes_updated} updated, "
            f"{self.nodes_unchanged} unchanged) and {self.relationships} relationships "
            f"({self.relationships_created} created, {self.relationships_updated} updated, "
            f"{self.relationships_unchanged} unchanged) into {where} "
            f"in {self.seconds:.1f}s"
            + (f"; {self.nodes_skipped} nodes and {self.relationships_skipped} relationships unchanged since the "
               "last load were not sent" if self.nodes_skipped or self.relationships_skipped else "")
            + (f"; deleted {self.nodes_deleted} nodes and {self.relationships_deleted} relationships an earlier"
               " load wrote" if self.nodes_deleted or self.relationships_deleted else "")
            + (f"; kept {self.nodes_kept} nodes gone from the graph that relationships graphbuild did not write"
               " still use" if self.nodes_kept else "")
            + (f"; the server refused {len(self.refused)} rows:\n" + "\n".join(f"  {r}" for r in self.refused)
               if self.refused else "")
        )


# ---------------------------------------------------------------- connection


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _driver(conn: dict):
    import neo4j

    scheme = conn["uri"].split("://", 1)[0] if "://" in conn["uri"] else ""
    if scheme not in BOLT_SCHEMES:
        raise Neo4jStoreError(f"bad Neo4j URI {conn['uri']!r}: use bolt://HOST:PORT or neo4j://HOST:PORT")
    auth = None if conn.get("password") is None else (conn.get("user") or "neo4j", conn["password"])
    try:
        return neo4j.GraphDatabase.driver(conn["uri"], auth=auth, connection_timeout=10,
                                          max_transaction_retry_time=30)
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise Neo4jStoreError(f"bad Neo4j URI {conn['uri']!r}: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _explain(exc: Exception, conn: dict) -> str:
    """One line for a driver exception: what went wrong and what to check."""
    import neo4j.exceptions as ne

    uri, db = conn["uri"], conn.get("database")
    code = getattr(exc, "code", None) or ""
    if (isinstance(exc, ne.AuthError) or "Security.Unauthorized" in code) and conn.get("password") is None:
        return f"Neo4j at {uri} needs a password (--password or NEO4J_PASSWORD)"
    if isinstance(exc, ne.AuthError) or "Security.Unauthorized" in code:
        return f"Neo4j at {uri} refused the credentials of user {conn.get('user')!r} (check --user/--password)"
    if "AuthenticationRateLimit" in code:
        return f"Neo4j at {uri} is rate-limiting logins after failed attempts; wait and retry"
    if "DatabaseNotFound" in code:
        return f"Neo4j at {uri} has no database {db!r} (check --database)"
    if isinstance(exc, ne.ServiceUnavailable | ne.SessionExpired | OSError):
        return f"cannot reach Neo4j at {uri}: is the server running? ({_first_line(exc)})"
    if isinstance(exc, ne.Neo4jError):
        return f"Neo4j at {uri} failed: {code or type(exc).__name__}: {_first_line(exc)}"
    return f"Neo4j at {uri} failed: {type(exc).__name__}: {_first_line(exc)}"


@contextmanager
def session(conn: dict) -> Iterator:
    """A driver session on ``conn``'s database; driver failures become one-line Neo4jStoreErrors."""
    with _driver_session(conn) as (_, sess):
        yield sess


# ---------------------------------------------------------------- load

BATCH_SIZE = 1000  # rows per transaction: 10,000 measured no faster on a fresh server (docs/neo4j.md)
WORKERS = 1  # parallel sessions for relationships (--workers): 2 measured slower on the shared 2-core machine
PARALLEL_MIN_ROWS = 20_000  # fewer relationships load in one session: threads would not pay
# Nodes are spread over 2 * workers groups by a hash of their id; relationships between groups i <= j
# form bucket (i, j). Buckets that share no group touch disjoint node sets, so they run side by side
# without ever waiting for each other's locks (or deadlocking).
_HASH_GROUPS_PER_WORKER = 2


def _node_batch(tx, label: str, rows: list[dict]) -> tuple[int, int]:
    """MERGE one batch of nodes; return (created, changed)."""
    result = tx.run(node_statement(label, count_changes=True), rows=rows)
    changed = result.single()["changed"]
    return result.consume().counters.nodes_created, changed


def _relationship_batch(tx, rel_type: str, start: str, end: str, rows: list[dict]) -> tuple[int, int]:
    """MERGE one batch of relationships; return (created, changed)."""
    result = tx.run(relationship_statement(rel_type, start, end, count_changes=True), rows=rows)
    changed = result.single()["changed"]
    return result.consume().counters.relationships_created, changed


def load_graph(G: nx.MultiDiGraph, conn: dict, batch_size: int = BATCH_SIZE, progress: bool = True,
               workers: int = WORKERS, replace: bool = False,
               parallel_min_rows: int = PARALLEL_MIN_ROWS, full: bool = False) -> LoadSummary:
    """Push ``G`` into Neo4j: constraints, then nodes, then relationships, in idempotent batches.

    Relationships go through ``workers`` sessions in parallel when there are at least
    ``parallel_min_rows`` of them, each session on a node set no other one touches at the same time.
    With ``replace``, what an earlier load wrote (the :data:`~graphbuild.neo4j.model.MARKER` property)
    and ``G`` no longer holds is deleted afterwards; nothing without the marker is touched.

    Incremental: every row carries :data:`~graphbuild.neo4j.model.CONTENT_HASH`, the
    :func:`~graphbuild.neo4j.model.content_hash` of its item's attributes and place; the hashes the database
    holds are read back (one list per label and relationship type) while this process hashes ``G``, and
    only the rows of items whose hash is not there are built and sent (``full`` sends every row). A kill in the middle
    leaves whole batches, each with its hashes: the next load sends the rest.
    """
    if batch_size < 1:
        raise Neo4jStoreError("--batch-size must be at least 1")
    if workers < 1:
        raise Neo4jStoreError("--workers must be at least 1")
    started = time.monotonic()
    summary = LoadSummary(conn["uri"], conn.get("database"))
    node_groups, rel_groups = node_order(G), relationship_order(G)
    with _driver_session(conn) as (driver, sess):
        for statement in schema_statements(node_groups):
            sess.run(statement).consume()
        statements = [] if full else [*map(node_hashes_statement, node_groups), *map(
            relationship_hashes_statement, sorted({rel_type for rel_type, _, _ in rel_groups}))]
        with ThreadPoolExecutor(1) as pool:  # the server reads what it holds while this process hashes
            stored = pool.submit(_stored_hashes, driver, conn, statements)
            node_digests = {label: [content_hash(G.nodes[node], label, node_id) for node_id, node in items]
                            for label, items in node_groups.items()}
            rel_digests = {group: [content_hash(G.edges[u, v, key], *group, source, target)
                                   for source, target, u, v, key in items] for group, items in rel_groups.items()}
            held = stored.result()
        nodes, summary.nodes_skipped = _node_rows_to_send(G, node_groups, node_digests, held)
        rels, summary.relationships_skipped = _relationship_rows_to_send(G, rel_groups, rel_digests, held)
        summary.nodes_unchanged += summary.nodes_skipped
        summary.relationships_unchanged += summary.relationships_skipped
        total = sum(map(len, nodes.values())) + sum(map(len, rels.values()))
        with _progress(total, progress) as advance:
            _write_nodes(sess, nodes, batch_size, summary, advance)
            n_rels = sum(map(len, rels.values()))
            if workers == 1 or n_rels < parallel_min_rows:
                _load_relationships(sess, [rels], batch_size, summary, advance, None)
            else:
                _load_relationships_parallel(driver, conn, rels, batch_size, workers, summary, advance)
        if replace:
            wanted_nodes = {(label, node_id) for label, items in node_groups.items() for node_id, _ in items}
            wanted_rels = {(group[0], source, target) for group, items in rel_groups.items()
                           for source, target, *_ in items}
            _delete_stale(sess, wanted_nodes, wanted_rels, batch_size, summary)
    summary.seconds = time.monotonic() - started
    return summary


def _node_rows_to_send(G: nx.MultiDiGraph, groups: dict, digests: dict, stored: set[int]) -> tuple[dict, int]:
    """The rows of the nodes whose :func:`~graphbuild.neo4j.model.content_hash` (``digests``, in the order of
    ``groups``) the database does not hold (``stored``), built for those only; and how many were left out."""
    rows, skipped = {}, 0
    for label, items in groups.items():
        for (node_id, node), digest in zip(items, digests[label], strict=True):
            if digest in stored:
                skipped += 1
                continue
            row = node_row(G, node_id, node)
            row["props"][CONTENT_HASH] = digest
            rows.setdefault(label, []).append(row)
    return with_owned(rows, OWNED_NODE_PROPERTIES), skipped


def _relationship_rows_to_send(G: nx.MultiDiGraph, groups: dict, digests: dict,
                               stored: set[int]) -> tuple[dict, int]:
    """As :func:`_node_rows_to_send`, for relationships."""
    rows, skipped = {}, 0
    for group, items in groups.items():
        for (source, target, u, v, key), digest in zip(items, digests[group], strict=True):
            if digest in stored:
                skipped += 1
                continue
            row = relationship_row(G, source, target, u, v, key)
            row["props"][CONTENT_HASH] = digest
            rows.setdefault(group, []).append(row)
    return with_owned(rows, OWNED_RELATIONSHIP_PROPERTIES), skipped


def _stored_hashes(driver, conn: dict, statements: list[str]) -> set[int]:
    """Every content hash the statements return (a hash names its item and where it stands), read in a session
    of its own. A hash of an older format (a string) matches none, so its item is sent again."""
    held: set[int] = set()
    if statements:
        with driver.session(database=conn.get("database")) as sess:
            for statement in statements:
                held.update(sess.run(statement).single(strict=True)["hashes"])
    return held


def _write_nodes(sess, nodes: dict, batch_size: int, summary: LoadSummary, advance: Callable[[int], None]) -> None:
    """MERGE every node row, batch by batch (a refused batch is written row by row)."""
    for label, rows in nodes.items():
        for batch in batches(rows, batch_size):
            created, changed, refused = _write_rows(sess, _node_batch, (label,), batch, summary,
                                                    lambda row, label=label: f"{label} {_shown(row['id'])}")
            summary.nodes_created += created
            summary.nodes_updated += changed - created
            summary.nodes_unchanged += len(batch) - refused - changed
            advance(len(batch))


def _load_relationships(sess, buckets: list[dict], batch_size: int, summary: LoadSummary,
                        advance: Callable[[int], None], stop: threading.Event | None) -> None:
    """MERGE every row of ``buckets`` (each ``{(type, start, end): rows}``) through one session."""
    for bucket in buckets:
        for (rel_type, start, end), rows in bucket.items():
            for batch in batches(rows, batch_size):
                if stop is not None and stop.is_set():
                    return
                created, changed, refused = _write_rows(
                    sess, _relationship_batch, (rel_type, start, end), batch, summary,
                    lambda row, t=rel_type: f"{t} {_shown(row['source'])} -> {_shown(row['target'])}")
                with _COUNT_LOCK:
                    summary.relationships_created += created
                    summary.relationships_updated += changed - created
                    summary.relationships_unchanged += len(batch) - refused - changed
                    advance(len(batch))


_COUNT_LOCK = threading.Lock()


def _write_rows(sess, write: Callable, args: tuple, batch: list[dict], summary: LoadSummary,
                describe: Callable[[dict], str]) -> tuple[int, int, int]:
    """Run one batch (``write(tx, *args, batch)``); when the server refuses it (a client or database error, not
    a transient one, which the driver retries), each row is written alone and the rows refused again are
    reported in ``summary.refused``: one bad row costs only itself. Returns (created, changed, refused)."""
    import neo4j.exceptions as ne

    try:
        created, changed = sess.execute_write(write, *args, batch)
        return created, changed, 0
    except (ne.ClientError, ne.DatabaseError) as exc:
        if len(batch) == 1:
            with _COUNT_LOCK:
                summary.refused.append(f"{describe(batch[0])}: {_first_line(exc)}")
            return 0, 0, 1
    created = changed = refused = 0
    for row in batch:
        c, ch, r = _write_rows(sess, write, args, [row], summary, describe)
        created, changed, refused = created + c, changed + ch, refused + r
    return created, changed, refused


def _shown(value: str, limit: int = 80) -> str:
    """An id as a report shows it: cut to ``limit`` characters."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def node_group(node_id: str, groups: int) -> int:
    """The group of a node for parallel loading: a stable hash of its id (same on every run)."""
    return zlib.crc32(node_id.encode("utf-8")) % groups


def disjoint_rounds(groups: int, workers: int) -> list[list[tuple[int, int]]]:
    """Buckets ``(i, j)``, ``i <= j < groups``, in rounds of at most ``workers`` that share no group.

    Pairs of distinct groups come first, nearest first, so the rounds pair up evenly.

    >>> disjoint_rounds(4, 2)
    [[(0, 1), (2, 3)], [(1, 2), (0, 3)], [(0, 2), (1, 3)], [(0, 0), (1, 1)], [(2, 2), (3, 3)]]
    """
    left = sorted(((i, j) for i in range(groups) for j in range(i, groups)),
                  key=lambda b: (b[0] == b[1], b[1] - b[0], b))
    rounds = []
    while left:
        used: set[int] = set()
        this = []
        for bucket in left:
            if len(this) < workers and not used & set(bucket):
                this.append(bucket)
                used.update(bucket)
        rounds.append(this)
        left = [b for b in left if b not in this]
    return rounds


def _load_relationships_parallel(driver, conn: dict, rels: dict, batch_size: int, workers: int,
                                 summary: LoadSummary, advance: Callable[[int], None]) -> None:
    groups = workers * _HASH_GROUPS_PER_WORKER
    buckets: dict[tuple[int, int], dict] = {}
    for key, rows in rels.items():
        for row in rows:
            pair = tuple(sorted((node_group(row["source"], groups), node_group(row["target"], groups))))
            buckets.setdefault(pair, {}).setdefault(key, []).append(row)
    stop = threading.Event()

    def run(bucket: dict) -> None:
        try:
            with driver.session(database=conn.get("database")) as sess:
                _load_relationships(sess, [bucket], batch_size, summary, advance, stop)
        except BaseException:
            stop.set()  # the other sessions stop after their current batch
            raise

    with ThreadPoolExecutor(workers) as pool:
        for this_round in disjoint_rounds(groups, workers):
            futures = [pool.submit(run, buckets[pair]) for pair in this_round if pair in buckets]
            for future in futures:
                future.result()


def _delete_stale(sess, wanted_nodes: set, wanted_rels: set, batch_size: int, summary: LoadSummary) -> None:
    """Delete what carries graphbuild's marker and is not in the graph just loaded (``wanted_nodes``: (label,
    id); ``wanted_rels``: (type, source id, target id))."""
    stale_rels = [record["r"] for record in sess.run(STALE_RELATIONSHIPS, marker=MARKER, value=MARKER_VALUE)
                  if (record["type"], record["source"], record["target"]) not in wanted_rels]
    stale_nodes = [record["n"] for record in sess.run(STALE_NODES, marker=MARKER, value=MARKER_VALUE)
                   if len(record["labels"]) != 1 or (record["labels"][0], record["id"]) not in wanted_nodes]
    for batch in batches(stale_rels, batch_size):
        summary.relationships_deleted += sess.execute_write(_run_write, DELETE_RELATIONSHIPS, batch)
    for batch in batches(stale_nodes, batch_size):
        deleted = sess.execute_write(_run_write, DELETE_NODES, batch)
        summary.nodes_deleted += deleted
        summary.nodes_kept += len(batch) - deleted


def _run_write(tx, statement: str, ids: list[str]) -> int:
    return tx.run(statement, ids=ids).single()["n"]


STALE_RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) WHERE r[$marker] = $value "
    "RETURN elementId(r) AS r, type(r) AS type, a.id AS source, b.id AS target"
)
STALE_NODES = "MATCH (n) WHERE n[$marker] = $value RETURN elementId(n) AS n, labels(n) AS labels, n.id AS id"
DELETE_RELATIONSHIPS = "UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r RETURN count(r) AS n"
# Its own relationships are gone by now; a node that someone else's relationships still use is kept.
DELETE_NODES = ("UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id AND NOT EXISTS { (n)--() } "
                "DELETE n RETURN count(n) AS n")


@contextmanager
def _driver_session(conn: dict) -> Iterator:
    """Like :func:`session`, also yielding the driver (to open more sessions on it)."""
    import neo4j.exceptions as ne

    driver = _driver(conn)
    try:
        driver.verify_connectivity()
        with driver.session(database=conn.get("database")) as sess:
            yield driver, sess
    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
        raise Neo4jStoreError(_explain(exc, conn)) from exc
    finally:
        driver.close()


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Callable[[int], None]]:
    if not enabled:
        yield lambda n: None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="row", desc="loading", leave=False) as bar:
        yield bar.update


def run_cypher(conn: dict, text: str) -> int:
    """Run every statement of a Cypher script (graph.cypher) in order; return how many ran."""
    statements = split_statements(text)
    with session(conn) as sess:
        for statement in statements:
            sess.run(statement).consume()
    return len(statements)


# ---------------------------------------------------------------- who met


def who_met_neo4j(conn: dict, query: str, statuses: tuple[str, ...] = (OCCURRED,),
                  contacts: bool = False) -> list[WhoMetAnswer]:
    """The answer of :func:`graphbuild.query.who_met` for the graph loaded in Neo4j.

    People are matched in Python with the same rules as in the file (accent and punctuation folding
    cannot be reproduced exactly in Cypher); only their names and aliases are fetched for that.
    """
    with session(conn) as sess:
        return who_met_session(sess, query, statuses, contacts)


def who_met_session(sess, query: str, statuses: tuple[str, ...] = (OCCURRED,),
                    contacts: bool = False) -> list[WhoMetAnswer]:
    """:func:`who_met_neo4j` on an open driver session (to ask many questions over one connection)."""
    people = sess.execute_read(_people)
    answers = []
    for person_id in best_matches(people, query):
        name, meetings = sess.execute_read(_meetings, person_id, statuses, contacts)
        answers.append(WhoMetAnswer(person_id, name, sort_meetings(meetings)))
    return answers


def meetings_neo4j(conn: dict, query: str, statuses: tuple[str, ...] = (OCCURRED,),
                   contacts: bool = False) -> list[MeetingsAnswer]:
    """The answer of :func:`graphbuild.query.person_meetings` (one line per meeting) for the graph in Neo4j."""
    with session(conn) as sess:
        return meetings_session(sess, query, statuses, contacts)


def meetings_session(sess, query: str, statuses: tuple[str, ...] = (OCCURRED,),
                     contacts: bool = False) -> list[MeetingsAnswer]:
    """:func:`meetings_neo4j` on an open driver session."""
    people = sess.execute_read(_people)
    names = {person_id: name for person_id, name, _ in people}
    answers = []
    for person_id in best_matches(people, query):
        lines = [line for line in sess.execute_read(_meeting_lines, person_id)
                 if keep_meeting(line, statuses, contacts)]
        answers.append(MeetingsAnswer(person_id, names.get(person_id) or person_id, sort_meeting_lines(lines)))
    return answers


def _meeting_lines(tx, person_id: str) -> list[MeetingLine]:
    lines = []
    for record in tx.run(MEETINGS_STATEMENT, id=person_id):
        others = [(o["id"], o["name"] if o["name"] is not None else o["id"]) for o in record["others"]
                  if o["id"] is not None]
        articles = [{key: a.get(key) for key in ARTICLE_KEYS} for a in record["articles"] if a.get("id") is not None]
        lines.append(meeting_line(record["props"], others, articles))
    return lines


def _people(tx) -> list[tuple[str, str, list[str]]]:
    result = tx.run(PEOPLE_STATEMENT)
    return [(r["id"], r["name"] or "", list(r["aliases"] or [])) for r in result]


def _meetings(tx, person_id: str, statuses: tuple[str, ...], contacts: bool) -> tuple[str, list[Meeting]]:
    result = tx.run(contacts_statement(contact_types(contacts)), id=person_id)
    records = list(result)
    docs = sorted({doc for r in records if r["props"] is not None for doc in r["props"].get("sources", [])})
    articles = {r["id"]: {key: r[key] for key in ARTICLE_KEYS} for r in tx.run(ARTICLES_STATEMENT, ids=docs)}
    meetings = []
    for record in records:
        props = record["props"]
        if props is None:  # the OPTIONAL MATCH found no meeting
            continue
        status = props.get("status") or OCCURRED
        if status not in statuses:
            continue
        evidence = unflatten_list(props, "evidence")
        meetings.append(make_meeting(
            contacts,
            relation=record["type"],
            medium=props.get("medium"),
            person_id=record["other_id"],
            name=record["other_name"] if record["other_name"] is not None else record["other_id"],
            status=status,
            date=props.get("date"),
            place=props.get("place"),
            count=props.get("count", len(evidence)),
            sources=list(props.get("sources", [])),
            evidence=evidence,
            articles=sort_articles(articles[doc] for doc in props.get("sources", []) if doc in articles),
        ))
    name = records[0]["name"] if records and records[0]["name"] is not None else person_id
    return name, meetings
