// queries.cypher: ready-made questions for a graph loaded with graph.cypher or `graphbuild load`.
// Run one at a time in Neo4j Browser, or all with `cypher-shell -f queries.cypher`.
// Change the names below first (`:param` works in cypher-shell and Neo4j Browser).

:param person => 'Ann Lee'
:param other => 'Bo Chan'
:param article => 'd1'
:param since => '2024-01-01'
:param until => '2024-12-31'
:param meeting => 'Moscow'

// 1. Who met whom
// Every pair of people who met (MET is stored once per pair; read it undirected), with sources.
MATCH (a:Person)-[m:MET]->(b:Person)
RETURN a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,
       m.date AS date, m.place AS place, m.count AS count, m.sources AS sources
ORDER BY person, met;

// 2. Everyone $person met
// The people one person met, with the evidence sentences, their documents and what each says
// (occurred / planned / negated: a planned meeting is no proof that it happened).
MATCH (p:Person)-[m:MET]-(other)
WHERE toLower(p.name) = toLower($person) OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) = toLower($person))
RETURN p.name AS person, other.name AS met, coalesce(m.status, 'occurred') AS status,
       m.date AS date, m.place AS place, m.sources AS sources,
       m.evidence_docs AS evidence_docs, m.evidence_sentences AS evidence_sentences,
       m.evidence_statuses AS evidence_statuses
ORDER BY person, met;

// 3. Meetings by place
// Where meetings took place, busiest place first, with the pairs who met there.
MATCH (a)-[m:MET]->(b)
WHERE m.place IS NOT NULL
WITH m.place AS place, a.name + ' / ' + b.name AS pair
ORDER BY pair
RETURN place, count(*) AS meetings, collect(pair) AS pairs
ORDER BY meetings DESC, place;

// 4. People by title and organisation
// Posts held (HOLDS_POSITION) and titles seen in the text, by organisation then person.
MATCH (p:Person)
OPTIONAL MATCH (p)-[h:HOLDS_POSITION]->(o)
WITH p, h, o
WHERE h IS NOT NULL OR size(coalesce(p.titles, [])) > 0
RETURN o.name AS organisation, h.title AS title, p.name AS person, p.titles AS titles,
       h.sources AS sources
ORDER BY organisation, person;

// 5. Claims resting on a single source
// Every relationship that only one document states: the ones to check first.
MATCH (a)-[r]->(b)
WHERE size(r.sources) = 1
RETURN type(r) AS relation, a.name AS subject, b.name AS object, r.sources[0] AS source,
       r.evidence_sentences[0] AS sentence
ORDER BY relation, subject, object;

// 6. Shortest chain of meetings between $person and $other
// The fewest meetings linking two people (up to 10), with the sources of each link.
MATCH (a:Person), (b:Person)
WHERE (toLower(a.name) = toLower($person) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($person)))
  AND (toLower(b.name) = toLower($other) OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($other))) AND a <> b
MATCH path = shortestPath((a)-[:MET*..10]-(b))
RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS meetings,
       [r IN relationships(path) | r.sources] AS sources
ORDER BY meetings, chain
LIMIT 1;

// 7. Everyone $person was in contact with (MET or SPOKE_WITH)
// The people one person met in person or spoke with by phone or video, each contact on its own row
// (read undirected; medium is phone or video for SPOKE_WITH), with the evidence sentences.
MATCH (p:Person)-[c:MET|SPOKE_WITH]-(other)
WHERE toLower(p.name) = toLower($person) OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) = toLower($person))
RETURN p.name AS person, other.name AS contact, type(c) AS relation,
       coalesce(c.status, 'occurred') AS status, c.medium AS medium, c.date AS date,
       c.place AS place, c.sources AS sources, c.evidence_sentences AS evidence_sentences
ORDER BY person, contact, relation;

// 8. Who spoke with whom
// Every pair of people who spoke by phone or video (SPOKE_WITH is stored once per pair; read it
// undirected), with the medium and the sources.
MATCH (a:Person)-[s:SPOKE_WITH]->(b:Person)
RETURN a.name AS person, b.name AS spoke_with, coalesce(s.status, 'occurred') AS status,
       s.medium AS medium, s.date AS date, s.count AS count, s.sources AS sources
ORDER BY person, spoke_with;

// 9. Articles that state a meeting between $person and $other, newest first
// Each Article whose sentences state that the two met (any status), with those sentences; an
// article without a date comes last.
MATCH (a:Person)-[m:MET]-(b:Person)
WHERE (toLower(a.name) = toLower($person) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($person)))
  AND (toLower(b.name) = toLower($other) OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($other))) AND a <> b
UNWIND range(0, size(m.evidence_docs) - 1) AS i
MATCH (art:Article {id: m.evidence_docs[i]})
WITH art, m, i ORDER BY i
RETURN art.id AS article, art.title AS title, art.date AS date, art.outlet AS outlet, art.url AS url,
       collect(m.evidence_sentences[i]) AS sentences,
       collect(coalesce(m.evidence_statuses[i], m.status, 'occurred')) AS statuses
ORDER BY date IS NULL, date DESC, article;

// 10. Everything article $article states
// Every fact one Article states, in the order of its text: the relation, its ends, what the
// sentence says (occurred / planned / negated, where the type has a status) and the sentence.
MATCH (art:Article {id: $article})-[:MENTIONS]->(a)-[r]->(b)
WHERE art.id IN r.evidence_docs
UNWIND [i IN range(0, size(r.evidence_docs) - 1) WHERE r.evidence_docs[i] = art.id] AS i
RETURN art.title AS title, type(r) AS relation, a.name AS subject, b.name AS object,
       r.evidence_statuses[i] AS status, r.evidence_starts[i] AS start, r.evidence_sentences[i] AS sentence
ORDER BY start, relation, subject, object;

// 11. Meetings between $since and $until, with their articles
// Meetings dated in the range (ISO dates, both ends included): by the meeting's own date, else by the
// date of the article stating it; each with its Articles, newest first.
MATCH (a:Person)-[m:MET]->(b:Person)
MATCH (art:Article) WHERE art.id IN m.evidence_docs
WITH a, b, m, art, coalesce(m.date, art.date) AS date
WHERE date >= $since AND date <= $until
WITH a, b, m, art, date ORDER BY art.date IS NULL, art.date DESC, art.id
RETURN date, a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,
       m.place AS place, collect(art {.id, .title, .date, .url}) AS articles
ORDER BY date, person, met;

// 12. Meetings of $person and $other, by date
// Each Meeting both took part in (in person, by phone or video; any status), oldest first, undated
// last, with everyone there and the number of articles that report it.
MATCH (a:Person)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b:Person)
WHERE (toLower(a.name) = toLower($person) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($person)))
  AND (toLower(b.name) = toLower($other) OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($other))) AND a <> b
MATCH (x:Person)-[:PARTICIPATED_IN]->(m)
WITH DISTINCT m, x ORDER BY x.name
RETURN m.id AS meeting, m.date AS date, m.place AS place, m.status AS status, m.medium AS medium,
       m.reports AS reports, collect(x.name) AS people
ORDER BY date IS NULL, date, meeting;

// 13. Meeting nodes dated between $since and $until
// Each Meeting whose own date falls in the range (ISO text: a month or a year sorts before its own
// days, and undated meetings are left out), with its people and its articles, by date.
MATCH (m:Meeting) WHERE m.date >= $since AND m.date <= $until
MATCH (x:Person)-[:PARTICIPATED_IN]->(m)
WITH m, x ORDER BY x.name
WITH m, collect(x.name) AS people
OPTIONAL MATCH (art:Article)-[:REPORTS]->(m)
WITH m, people, art ORDER BY art.id
RETURN m.id AS meeting, m.date AS date, m.name AS name, m.status AS status, people,
       collect(art.id) AS articles
ORDER BY date, meeting;

// 14. Who attended meeting $meeting
// The people of each Meeting whose id is $meeting, or whose name holds it ("Oslo", "2024-05-06"),
// with the side each represents (from a title, a demonym or "of X") and their role (host, guest) where
// stated.
MATCH (x:Person)-[r:PARTICIPATED_IN]->(m:Meeting)
WHERE m.id = $meeting OR toLower(m.name) CONTAINS toLower($meeting)
RETURN m.id AS meeting, m.name AS name, x.name AS person, r.side AS side, r.role AS role
ORDER BY meeting, person;

// 15. Most reported meetings
// The 25 Meetings reported by the most articles (corroboration), with their first and last report.
MATCH (art:Article)-[:REPORTS]->(m:Meeting)
WITH m, count(art) AS reports, min(art.date) AS first_report, max(art.date) AS last_report
RETURN m.id AS meeting, m.name AS name, m.date AS date, m.status AS status, reports,
       first_report, last_report
ORDER BY reports DESC, meeting
LIMIT 25;
