"""Neo4j over Bolt: load a graph (``graphbuild load``) and ask it who met whom (``who-met --neo4j``).

Loading sends the same rows as graph.cypher (see :mod:`graphbuild.neo4j.script`) as parameters,
``UNWIND $rows`` in batches, each batch in a managed write transaction that the driver retries on
transient errors. Every statement is a MERGE on the key followed by a full ``SET``, so loading twice, or
again after a load killed half-way, ends in the same state as one clean load.

Every failure the user can fix (server down, bad password, unknown database) is raised as
:class:`Neo4jStoreError` with a one-line message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import networkx as nx

from graphbuild.models import OCCURRED
from graphbuild.neo4j.model import node_rows, relationship_rows, unflatten_list
from graphbuild.neo4j.queries import ARTICLES_STATEMENT, PEOPLE_STATEMENT, contacts_statement
from graphbuild.neo4j.script import split_statements
from graphbuild.neo4j.statements import batches, node_statement, relationship_statement, schema_statements
from graphbuild.query import (
    ARTICLE_KEYS,
    Meeting,
    WhoMetAnswer,
    best_matches,
    contact_types,
    make_meeting,
    sort_articles,
    sort_meetings,
)

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
    seconds: float = 0.0

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
            f"{self.relationships_unchanged} unchanged) into {where} in {self.seconds:.1f}s"
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
    import neo4j.exceptions as ne

    driver = _driver(conn)
    try:
        driver.verify_connectivity()  # fails at once, without retries, when the server is down or says no
        with driver.session(database=conn.get("database")) as sess:
            yield sess
    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
        raise Neo4jStoreError(_explain(exc, conn)) from exc
    finally:
        driver.close()


# ---------------------------------------------------------------- load


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


def load_graph(G: nx.MultiDiGraph, conn: dict, batch_size: int = 1000, progress: bool = True) -> LoadSummary:
    """Push ``G`` into Neo4j: constraints, then nodes, then relationships, in idempotent batches."""
    if batch_size < 1:
        raise Neo4jStoreError("--batch-size must be at least 1")
    started = time.monotonic()
    summary = LoadSummary(conn["uri"], conn.get("database"))
    nodes, rels = node_rows(G), relationship_rows(G)
    total = sum(map(len, nodes.values())) + sum(map(len, rels.values()))
    with session(conn) as sess, _progress(total, progress) as advance:
        for statement in schema_statements(nodes):
            sess.run(statement).consume()
        for label, rows in nodes.items():
            for batch in batches(rows, batch_size):
                created, changed = sess.execute_write(_node_batch, label, batch)
                summary.nodes_created += created
                summary.nodes_updated += changed - created
                summary.nodes_unchanged += len(batch) - changed
                advance(len(batch))
        for (rel_type, start, end), rows in rels.items():
            for batch in batches(rows, batch_size):
                created, changed = sess.execute_write(_relationship_batch, rel_type, start, end, batch)
                summary.relationships_created += created
                summary.relationships_updated += changed - created
                summary.relationships_unchanged += len(batch) - changed
                advance(len(batch))
    summary.seconds = time.monotonic() - started
    return summary


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
