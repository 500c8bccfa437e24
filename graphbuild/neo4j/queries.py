"""The query catalogue: queries.cypher's ready-made questions, with relation names from the schema.

Each entry is (title, explanation, query); parameters are set at the top of queries.cypher with ``:param``.
Symmetric relations (``MET``, ``SPOKE_WITH``) are stored once per pair and matched undirected.
"""

from __future__ import annotations

import re
from collections import Counter

import networkx as nx

from graphbuild.neo4j.literals import cypher_name, cypher_string
from graphbuild.neo4j.model import ALIAS_FOLDS, NAME_FOLD, NAME_WORDS
from graphbuild.neo4j.statements import PERSON_NAMES_INDEX
from graphbuild.schema import (
    ARTICLE,
    CONTACT_TYPES,
    HOLDS_POSITION,
    MEETING,
    MENTIONS,
    MET,
    PARTICIPATED_IN,
    PERSON,
    REPORTS,
    SPOKE_WITH,
)

# Person-to-person contact types (MET|SPOKE_WITH), matched undirected: symmetric types are stored once per pair.
CONTACTS = "|".join(CONTACT_TYPES)

def person_lookup(var: str, param: str) -> str:
    """A subquery binding ``var`` to the people ``$param`` names, found as who-met finds them.

    ``$param`` is folded in Cypher as :func:`graphbuild.text.fold` does (case, accents, punctuation);
    candidates come from the full-text index on every Person's name words (all the words must be there),
    then the best score wins, ties kept: 3 the folded name, 2 a folded alias, 1 the words are part of
    the name or an alias (a surname alone finds the only person with that surname, or every one of them).
    """
    words = (
        f"[w IN split(reduce(s = '', c IN split(normalize(toLower(${param}), NFKD), '') | s + "
        "CASE WHEN c =~ '\\\\p{M}' THEN '' WHEN c =~ '(?U)\\\\w' THEN c ELSE ' ' END), ' ') WHERE w <> '']"
    )
    return (
        "CALL () {\n"
        f"  WITH {words} AS words\n"
        "  WHERE size(words) > 0\n"
        "  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded\n"
        f"  CALL db.index.fulltext.queryNodes({cypher_string(PERSON_NAMES_INDEX)}, "
        "reduce(s = '', w IN words | s + ' +' + w)) YIELD node\n"
        f"  WITH node, folded, words WHERE node:{PERSON} AND "
        f"all(w IN words WHERE w IN split(node.{NAME_WORDS}, ' '))\n"
        f"  WITH node, CASE WHEN node.{NAME_FOLD} = folded THEN 3 "
        f"WHEN folded IN coalesce(node.{ALIAS_FOLDS}, []) THEN 2 ELSE 1 END AS score\n"
        "  WITH collect({node: node, score: score}) AS found, max(score) AS best\n"
        f"  UNWIND [f IN found WHERE f.score = best | f.node] AS {var}\n"
        f"  RETURN {var}\n"
        "}"
    )


QUERIES: list[tuple[str, str, str]] = [
    (
        "Who met whom",
        "Every pair of people who met (MET is stored once per pair; read it undirected), with sources.",
        f"MATCH (a:{PERSON})-[m:{MET}]->(b:{PERSON})\n"
        "RETURN a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,\n"
        "       m.date AS date, m.place AS place, m.count AS count, m.sources AS sources\n"
        "ORDER BY person, met",
    ),
    (
        "Everyone $person met",
        "The people one person met, with the evidence sentences, their documents and what each says\n"
        "// (occurred / planned / negated: a planned meeting is no proof that it happened).",
        f"{person_lookup('p', 'person')}\n"
        f"MATCH (p)-[m:{MET}]-(other)\n"
        "RETURN p.name AS person, other.name AS met, coalesce(m.status, 'occurred') AS status,\n"
        "       m.date AS date, m.place AS place, m.sources AS sources,\n"
        "       m.evidence_docs AS evidence_docs, m.evidence_sentences AS evidence_sentences,\n"
        "       m.evidence_statuses AS evidence_statuses\n"
        "ORDER BY person, met",
    ),
    (
        "Meetings by place",
        "Where meetings took place, busiest place first, with the pairs who met there.",
        f"MATCH (a)-[m:{MET}]->(b)\n"
        "WHERE m.place IS NOT NULL\n"
        "WITH m.place AS place, a.name + ' / ' + b.name AS pair\n"
        "ORDER BY pair\n"
        "RETURN place, count(*) AS meetings, collect(pair) AS pairs\n"
        "ORDER BY meetings DESC, place",
    ),
    (
        "People by title and organisation",
        "Posts held (HOLDS_POSITION) and titles seen in the text, by organisation then person.",
        "MATCH (p:Person)\n"
        f"OPTIONAL MATCH (p)-[h:{HOLDS_POSITION}]->(o)\n"
        "WITH p, h, o\n"
        "WHERE h IS NOT NULL OR size(coalesce(p.titles, [])) > 0\n"
        "RETURN o.name AS organisation, h.title AS title, p.name AS person, p.titles AS titles,\n"
        "       h.sources AS sources\n"
        "ORDER BY organisation, person",
    ),
    (
        "Claims resting on a single source",
        "Every relationship that only one document states: the ones to check first.",
        "MATCH (a)-[r]->(b)\n"
        "WHERE size(r.sources) = 1\n"
        "RETURN type(r) AS relation, a.name AS subject, b.name AS object, r.sources[0] AS source,\n"
        "       r.evidence_sentences[0] AS sentence\n"
        "ORDER BY relation, subject, object",
    ),
    (
        "Shortest chain of meetings between $person and $other",
        "The fewest meetings linking two people (up to 10), with the sources of each link.",
        f"{person_lookup('a', 'person')}\n"
        f"{person_lookup('b', 'other')}\n"
        "WITH a, b WHERE a <> b\n"
        f"MATCH path = shortestPath((a)-[:{MET}*..10]-(b))\n"
        "RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS meetings,\n"
        "       [r IN relationships(path) | r.sources] AS sources\n"
        "ORDER BY meetings, chain\n"
        "LIMIT 1",
    ),
    (
        f"Everyone $person was in contact with ({' or '.join(CONTACT_TYPES)})",
        "The people one person met in person or spoke with by phone or video, each contact on its own row\n"
        "// (read undirected; medium is phone or video for SPOKE_WITH), with the evidence sentences.",
        f"{person_lookup('p', 'person')}\n"
        f"MATCH (p)-[c:{CONTACTS}]-(other)\n"
        "RETURN p.name AS person, other.name AS contact, type(c) AS relation,\n"
        "       coalesce(c.status, 'occurred') AS status, c.medium AS medium, c.date AS date,\n"
        "       c.place AS place, c.sources AS sources, c.evidence_sentences AS evidence_sentences\n"
        "ORDER BY person, contact, relation",
    ),
    (
        "Who spoke with whom",
        f"Every pair of people who spoke by phone or video ({SPOKE_WITH} is stored once per pair; read it\n"
        "// undirected), with the medium and the sources.",
        f"MATCH (a:{PERSON})-[s:{SPOKE_WITH}]->(b:{PERSON})\n"
        "RETURN a.name AS person, b.name AS spoke_with, coalesce(s.status, 'occurred') AS status,\n"
        "       s.medium AS medium, s.date AS date, s.count AS count, s.sources AS sources\n"
        "ORDER BY person, spoke_with",
    ),
    (
        "Articles that state a meeting between $person and $other, newest first",
        f"Each {ARTICLE} whose sentences state that the two met (any status), with those sentences; an\n"
        "// article without a date comes last.",
        f"{person_lookup('a', 'person')}\n"
        f"{person_lookup('b', 'other')}\n"
        f"MATCH (a)-[m:{MET}]-(b)\n"
        "WHERE a <> b\n"
        "UNWIND range(0, size(m.evidence_docs) - 1) AS i\n"
        f"MATCH (art:{ARTICLE} {{id: m.evidence_docs[i]}})\n"
        "WITH art, m, i ORDER BY i\n"
        "RETURN art.id AS article, art.title AS title, art.date AS date, art.outlet AS outlet, art.url AS url,\n"
        "       collect(m.evidence_sentences[i]) AS sentences,\n"
        "       collect(coalesce(m.evidence_statuses[i], m.status, 'occurred')) AS statuses\n"
        "ORDER BY date IS NULL, date DESC, article",
    ),
    (
        "Everything article $article states",
        f"Every fact one {ARTICLE} states, in the order of its text: the relation, its ends, what the\n"
        f"// sentence says (occurred / planned / negated, where the type has a status) and the sentence.",
        f"MATCH (art:{ARTICLE} {{id: $article}})-[:{MENTIONS}]->(a)-[r]->(b)\n"
        "WHERE art.id IN r.evidence_docs\n"
        "UNWIND [i IN range(0, size(r.evidence_docs) - 1) WHERE r.evidence_docs[i] = art.id] AS i\n"
        "RETURN art.title AS title, type(r) AS relation, a.name AS subject, b.name AS object,\n"
        "       r.evidence_statuses[i] AS status, r.evidence_starts[i] AS start, r.evidence_sentences[i] AS sentence\n"
        "ORDER BY start, relation, subject, object",
    ),
    (
        "Meetings between $since and $until, with their articles",
        "Meetings dated in the range (ISO dates, both ends included): by the meeting's own date, else by the\n"
        f"// date of the article stating it; each with its {ARTICLE}s, newest first.",
        f"MATCH (a:{PERSON})-[m:{MET}]->(b:{PERSON})\n"
        f"MATCH (art:{ARTICLE}) WHERE art.id IN m.evidence_docs\n"
        "WITH a, b, m, art, coalesce(m.date, art.date) AS date\n"
        "WHERE date >= $since AND date <= $until\n"
        "WITH a, b, m, art, date ORDER BY art.date IS NULL, art.date DESC, art.id\n"
        "RETURN date, a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,\n"
        "       m.place AS place, collect(art {.id, .title, .date, .url}) AS articles\n"
        "ORDER BY date, person, met",
    ),
    (
        "Meetings of $person and $other, by date",
        f"Each {MEETING} both took part in (in person, by phone or video; any status), oldest first, undated\n"
        "// last, with everyone there and the number of articles that report it.",
        f"{person_lookup('a', 'person')}\n"
        f"{person_lookup('b', 'other')}\n"
        f"MATCH (a)-[:{PARTICIPATED_IN}]->(m:{MEETING})<-[:{PARTICIPATED_IN}]-(b)\n"
        "WHERE a <> b\n"
        f"MATCH (x:{PERSON})-[:{PARTICIPATED_IN}]->(m)\n"
        "WITH DISTINCT m, x ORDER BY x.name\n"
        "RETURN m.id AS meeting, m.date AS date, m.place AS place, m.status AS status, m.medium AS medium,\n"
        "       m.reports AS reports, collect(x.name) AS people\n"
        "ORDER BY date IS NULL, date, meeting",
    ),
    (
        "Meeting nodes dated between $since and $until",
        f"Each {MEETING} whose own date falls in the range (ISO text: a month or a year sorts before its own\n"
        "// days, and undated meetings are left out), with its people and its articles, by date.",
        f"MATCH (m:{MEETING}) WHERE m.date >= $since AND m.date <= $until\n"
        f"MATCH (x:{PERSON})-[:{PARTICIPATED_IN}]->(m)\n"
        "WITH m, x ORDER BY x.name\n"
        "WITH m, collect(x.name) AS people\n"
        f"OPTIONAL MATCH (art:{ARTICLE})-[:{REPORTS}]->(m)\n"
        "WITH m, people, art ORDER BY art.id\n"
        "RETURN m.id AS meeting, m.date AS date, m.name AS name, m.status AS status, people,\n"
        "       collect(art.id) AS articles\n"
        "ORDER BY date, meeting",
    ),
    (
        "Who attended meeting $meeting",
        f"The people of each {MEETING} whose id is $meeting, or whose name holds it (\"Oslo\", \"2024-05-06\"),\n"
        "// with the side each represents (from a title, a demonym or \"of X\") and their role (host, guest) where\n"
        "// stated.",
        f"MATCH (x:{PERSON})-[r:{PARTICIPATED_IN}]->(m:{MEETING})\n"
        "WHERE m.id = $meeting OR toLower(m.name) CONTAINS toLower($meeting)\n"
        "RETURN m.id AS meeting, m.name AS name, x.name AS person, r.side AS side, r.role AS role\n"
        "ORDER BY meeting, person",
    ),
    (
        "Most reported meetings",
        f"The 25 {MEETING}s reported by the most articles (corroboration), with their first and last report.",
        f"MATCH (art:{ARTICLE})-[:{REPORTS}]->(m:{MEETING})\n"
        "WITH m, count(art) AS reports, min(art.date) AS first_report, max(art.date) AS last_report\n"
        "RETURN m.id AS meeting, m.name AS name, m.date AS date, m.status AS status, reports,\n"
        "       first_report, last_report\n"
        "ORDER BY reports DESC, meeting\n"
        "LIMIT 25",
    ),
]

# who-met matches people in Python (graphbuild.text), so it first fetches every person's names.
PEOPLE_STATEMENT = f"MATCH (p:{cypher_name(PERSON)}) RETURN p.id AS id, p.name AS name, p.aliases AS aliases"


def contacts_statement(types: tuple[str, ...]) -> str:
    """who-met's question: the person ``$id`` and each relationship of ``types`` to anyone, read undirected.

    >>> print(contacts_statement(("MET", "SPOKE_WITH")))
    MATCH (p:`Person` {id: $id})
    OPTIONAL MATCH (p)-[m:`MET`|`SPOKE_WITH`]-(other)
    RETURN p.name AS name, other.id AS other_id, other.name AS other_name, type(m) AS type, properties(m) AS props
    """
    return (
        f"MATCH (p:{cypher_name(PERSON)} {{id: $id}})\n"
        f"OPTIONAL MATCH (p)-[m:{'|'.join(map(cypher_name, types))}]-(other)\n"
        "RETURN p.name AS name, other.id AS other_id, other.name AS other_name, type(m) AS type, "
        "properties(m) AS props"
    )


# who-met's default answer: each Meeting of the person ``$id``, its other people and its articles.
MEETINGS_STATEMENT = (
    f"MATCH (p:{cypher_name(PERSON)} {{id: $id}})-[:{cypher_name(PARTICIPATED_IN)}]->(m:{cypher_name(MEETING)})\n"
    f"OPTIONAL MATCH (o:{cypher_name(PERSON)})-[:{cypher_name(PARTICIPATED_IN)}]->(m) WHERE o <> p\n"
    "WITH m, collect(DISTINCT {id: o.id, name: o.name}) AS others\n"
    f"OPTIONAL MATCH (art:{cypher_name(ARTICLE)})-[:{cypher_name(REPORTS)}]->(m)\n"
    "RETURN properties(m) AS props, others, collect(DISTINCT {id: art.id, title: art.title, date: art.date, "
    "url: art.url, outlet: art.outlet}) AS articles"
)

# The parameters of queries.cypher when the graph has no answer to offer (an empty graph).
QUERY_PARAMS = {"person": "Ann Lee", "other": "Bo Chan", "article": "d1", "since": "2024-01-01",
                "until": "2024-12-31", "meeting": "Moscow"}


def query_params(G: nx.MultiDiGraph | None = None) -> dict[str, str]:
    """queries.cypher's ``:param`` values, taken from ``G`` so that every query has an answer there.

    ``person``: the shortest name form that finds the person with the most meetings (then the most
    articles with a title; a surname when it is theirs alone); ``other``: the person they met in the most
    sentences; ``article``: the article stating the most of that person's meetings (a titled one first);
    ``meeting``: the id of that person's most reported meeting; ``since``/``until``: the span of the
    meetings' dates (a meeting's own date, else its article's), else of the articles' dates. Deterministic.
    """
    from graphbuild.query import find_people

    params = dict(QUERY_PARAMS)
    if G is None:
        return params
    met = [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == MET
           and G.nodes[u].get("label") == PERSON and G.nodes[v].get("label") == PERSON and u != v]
    if met:
        degree = Counter(n for u, v, _ in met for n in (u, v))
        titled = Counter(n for u, v, d in met for n in (u, v) for doc in {ev["doc"] for ev in d.get("evidence", [])}
                         if doc in G and G.nodes[doc].get("title"))
        person = min(degree, key=lambda n: (-degree[n], -titled[n], n))
        pairs = [(len(d.get("evidence", [])), v if u == person else u, d) for u, v, d in met if person in (u, v)]
        _, other, edge = min(pairs, key=lambda item: (-item[0], item[1]))
        params["person"] = _shortest_finding_name(G, person, find_people)
        params["other"] = _shortest_finding_name(G, other, find_people)
        docs = Counter(ev["doc"] for u, v, d in met if person in (u, v) for ev in d.get("evidence", []))
        if docs:  # the one stating the most, an article with a title first
            params["article"] = min(docs, key=lambda doc: (-docs[doc], not (doc in G and G.nodes[doc].get("title")),
                                                           doc))
    meetings = sorted((n for n, data in G.nodes(data=True) if data.get("label") == MEETING),
                      key=lambda n: (-len(G.nodes[n].get("sources") or ()), n))
    if meetings:  # one of the person's meetings, the most reported (else the graph's most reported)
        mine = [m for m in meetings if met and G.has_edge(person, m, PARTICIPATED_IN)]
        params["meeting"] = (mine or meetings)[0]
    dates = sorted({d.get("date") or G.nodes[ev["doc"]].get("date")
                    for _, _, d in met for ev in d.get("evidence", []) if ev["doc"] in G}
                   - {None, ""})
    if not dates:
        dates = sorted({data["date"] for _, data in G.nodes(data=True)
                        if data.get("label") == ARTICLE and data.get("date")})
    if dates:
        params["since"], params["until"] = dates[0], dates[-1]
    return params


def _shortest_finding_name(G: nx.MultiDiGraph, node: str, find_people) -> str:
    """The shortest of a person's name and aliases (else one of its words) that finds that person alone."""
    data = G.nodes[node]
    names = sorted({data.get("name") or "", *(data.get("aliases") or [])} - {""}, key=lambda n: (len(n), n))
    words = sorted({w for name in names for w in name.split()} - set(names), key=lambda n: (-len(n), n))
    candidates = names + words
    return next((name for name in candidates if find_people(G, name) == [node]), data.get("name") or node)


# who-met's articles: the Article nodes of the documents its meetings cite.
ARTICLES_STATEMENT = (
    f"MATCH (art:{cypher_name(ARTICLE)}) WHERE art.id IN $ids\n"
    "RETURN art.id AS id, art.title AS title, art.date AS date, art.url AS url, art.outlet AS outlet"
)


def title_statement(number: int, title: str, query: str) -> str:
    """A statement printing the query's one-line title, its parameters' values and its number of rows.

    >>> print(title_statement(2, "Everyone $person met", "MATCH (p) RETURN p"))
    CALL () {
    MATCH (p) RETURN p
    }
    RETURN '2. Everyone ' + $person + ' met: ' + count(*) + ' rows' AS query
    """
    parts = re.split(r"(\$[a-z_]+)", f"{number}. {title}: ")
    text = " + ".join(part if part.startswith("$") else cypher_string(part) for part in parts if part)
    return f"CALL () {{\n{query}\n}}\nRETURN {text} + count(*) + ' rows' AS query"


def queries_text(G: nx.MultiDiGraph | None = None) -> str:
    """queries.cypher: the ``:param`` values (from ``G``, see :func:`query_params`), then each query,
    preceded by a statement printing its title and its number of rows."""
    lines = [
        "// queries.cypher: ready-made questions for a graph loaded with graph.cypher or `graphbuild load`.",
        "// Run one at a time in Neo4j Browser, or all with `cypher-shell -f queries.cypher`: each query",
        "// first prints its title, with its parameters and how many rows it finds, then its table.",
        "// The parameters below name people, an article and dates of the graph this file was built with:",
        "// a person can be named as who-met does: any case or accents, an alias, or a surname alone.",
        "",
    ]
    lines += [f":param {name} => {cypher_string(value)}" for name, value in query_params(G).items()]
    for number, (title, explanation, query) in enumerate(QUERIES, 1):
        lines += ["", f"// {number}. {title}", f"// {explanation}", title_statement(number, title, query) + ";",
                  query + ";"]
    return "\n".join(lines) + "\n"


def read_queries(text: str) -> list[tuple[str, str]]:
    """(title, query) for each query of a queries.cypher text: ``:param`` lines and title statements left out."""
    found = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        title_lines = [line for line in lines if line.startswith("// ") and line[3:4].isdigit()]
        body = [line for line in lines if not line.startswith(("//", ":"))]
        if title_lines and body:
            statements = [part.strip() for part in "\n".join(body).split(";\n") if part.strip()]
            found.append((title_lines[0][3:].split(". ", 1)[1], statements[-1].rstrip(";")))
    return found
