// queries.cypher: ready-made questions for a graph loaded with graph.cypher or `graphbuild load`.
// Run one at a time in Neo4j Browser, or all with `cypher-shell -f queries.cypher`: each query
// first prints its title, with its parameters and how many rows it finds, then its table.
// The parameters below name people, an article and dates of the graph this file was built with:
// a person can be named as who-met does: any case or accents, an alias, or a surname alone.

:param person => 'Putin'
:param other => 'Xi'
:param article => '000_f538d7a8210908c8'
:param since => '2024-11-14'
:param until => '2024-11-14'

// 1. Who met whom
// Every pair of people who met (MET is stored once per pair; read it undirected), with sources.
CALL () {
MATCH (a:Person)-[m:MET]->(b:Person)
RETURN a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,
       m.date AS date, m.place AS place, m.count AS count, m.sources AS sources
ORDER BY person, met
}
RETURN '1. Who met whom: ' + count(*) + ' rows' AS query;
MATCH (a:Person)-[m:MET]->(b:Person)
RETURN a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,
       m.date AS date, m.place AS place, m.count AS count, m.sources AS sources
ORDER BY person, met;

// 2. Everyone $person met
// The people one person met, with the evidence sentences, their documents and what each says
// (occurred / planned / negated: a planned meeting is no proof that it happened).
CALL () {
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS p
  RETURN p
}
MATCH (p)-[m:MET]-(other)
RETURN p.name AS person, other.name AS met, coalesce(m.status, 'occurred') AS status,
       m.date AS date, m.place AS place, m.sources AS sources,
       m.evidence_docs AS evidence_docs, m.evidence_sentences AS evidence_sentences,
       m.evidence_statuses AS evidence_statuses
ORDER BY person, met
}
RETURN '2. Everyone ' + $person + ' met: ' + count(*) + ' rows' AS query;
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS p
  RETURN p
}
MATCH (p)-[m:MET]-(other)
RETURN p.name AS person, other.name AS met, coalesce(m.status, 'occurred') AS status,
       m.date AS date, m.place AS place, m.sources AS sources,
       m.evidence_docs AS evidence_docs, m.evidence_sentences AS evidence_sentences,
       m.evidence_statuses AS evidence_statuses
ORDER BY person, met;

// 3. Meetings by place
// Where meetings took place, busiest place first, with the pairs who met there.
CALL () {
MATCH (a)-[m:MET]->(b)
WHERE m.place IS NOT NULL
WITH m.place AS place, a.name + ' / ' + b.name AS pair
ORDER BY pair
RETURN place, count(*) AS meetings, collect(pair) AS pairs
ORDER BY meetings DESC, place
}
RETURN '3. Meetings by place: ' + count(*) + ' rows' AS query;
MATCH (a)-[m:MET]->(b)
WHERE m.place IS NOT NULL
WITH m.place AS place, a.name + ' / ' + b.name AS pair
ORDER BY pair
RETURN place, count(*) AS meetings, collect(pair) AS pairs
ORDER BY meetings DESC, place;

// 4. People by title and organisation
// Posts held (HOLDS_POSITION) and titles seen in the text, by organisation then person.
CALL () {
MATCH (p:Person)
OPTIONAL MATCH (p)-[h:HOLDS_POSITION]->(o)
WITH p, h, o
WHERE h IS NOT NULL OR size(coalesce(p.titles, [])) > 0
RETURN o.name AS organisation, h.title AS title, p.name AS person, p.titles AS titles,
       h.sources AS sources
ORDER BY organisation, person
}
RETURN '4. People by title and organisation: ' + count(*) + ' rows' AS query;
MATCH (p:Person)
OPTIONAL MATCH (p)-[h:HOLDS_POSITION]->(o)
WITH p, h, o
WHERE h IS NOT NULL OR size(coalesce(p.titles, [])) > 0
RETURN o.name AS organisation, h.title AS title, p.name AS person, p.titles AS titles,
       h.sources AS sources
ORDER BY organisation, person;

// 5. Claims resting on a single source
// Every relationship that only one document states: the ones to check first.
CALL () {
MATCH (a)-[r]->(b)
WHERE size(r.sources) = 1
RETURN type(r) AS relation, a.name AS subject, b.name AS object, r.sources[0] AS source,
       r.evidence_sentences[0] AS sentence
ORDER BY relation, subject, object
}
RETURN '5. Claims resting on a single source: ' + count(*) + ' rows' AS query;
MATCH (a)-[r]->(b)
WHERE size(r.sources) = 1
RETURN type(r) AS relation, a.name AS subject, b.name AS object, r.sources[0] AS source,
       r.evidence_sentences[0] AS sentence
ORDER BY relation, subject, object;

// 6. Shortest chain of meetings between $person and $other
// The fewest meetings linking two people (up to 10), with the sources of each link.
CALL () {
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS a
  RETURN a
}
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($other), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS b
  RETURN b
}
WITH a, b WHERE a <> b
MATCH path = shortestPath((a)-[:MET*..10]-(b))
RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS meetings,
       [r IN relationships(path) | r.sources] AS sources
ORDER BY meetings, chain
LIMIT 1
}
RETURN '6. Shortest chain of meetings between ' + $person + ' and ' + $other + ': ' + count(*) + ' rows' AS query;
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS a
  RETURN a
}
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($other), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS b
  RETURN b
}
WITH a, b WHERE a <> b
MATCH path = shortestPath((a)-[:MET*..10]-(b))
RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS meetings,
       [r IN relationships(path) | r.sources] AS sources
ORDER BY meetings, chain
LIMIT 1;

// 7. Everyone $person was in contact with (MET or SPOKE_WITH)
// The people one person met in person or spoke with by phone or video, each contact on its own row
// (read undirected; medium is phone or video for SPOKE_WITH), with the evidence sentences.
CALL () {
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS p
  RETURN p
}
MATCH (p)-[c:MET|SPOKE_WITH]-(other)
RETURN p.name AS person, other.name AS contact, type(c) AS relation,
       coalesce(c.status, 'occurred') AS status, c.medium AS medium, c.date AS date,
       c.place AS place, c.sources AS sources, c.evidence_sentences AS evidence_sentences
ORDER BY person, contact, relation
}
RETURN '7. Everyone ' + $person + ' was in contact with (MET or SPOKE_WITH): ' + count(*) + ' rows' AS query;
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS p
  RETURN p
}
MATCH (p)-[c:MET|SPOKE_WITH]-(other)
RETURN p.name AS person, other.name AS contact, type(c) AS relation,
       coalesce(c.status, 'occurred') AS status, c.medium AS medium, c.date AS date,
       c.place AS place, c.sources AS sources, c.evidence_sentences AS evidence_sentences
ORDER BY person, contact, relation;

// 8. Who spoke with whom
// Every pair of people who spoke by phone or video (SPOKE_WITH is stored once per pair; read it
// undirected), with the medium and the sources.
CALL () {
MATCH (a:Person)-[s:SPOKE_WITH]->(b:Person)
RETURN a.name AS person, b.name AS spoke_with, coalesce(s.status, 'occurred') AS status,
       s.medium AS medium, s.date AS date, s.count AS count, s.sources AS sources
ORDER BY person, spoke_with
}
RETURN '8. Who spoke with whom: ' + count(*) + ' rows' AS query;
MATCH (a:Person)-[s:SPOKE_WITH]->(b:Person)
RETURN a.name AS person, b.name AS spoke_with, coalesce(s.status, 'occurred') AS status,
       s.medium AS medium, s.date AS date, s.count AS count, s.sources AS sources
ORDER BY person, spoke_with;

// 9. Articles that state a meeting between $person and $other, newest first
// Each Article whose sentences state that the two met (any status), with those sentences; an
// article without a date comes last.
CALL () {
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS a
  RETURN a
}
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($other), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS b
  RETURN b
}
MATCH (a)-[m:MET]-(b)
WHERE a <> b
UNWIND range(0, size(m.evidence_docs) - 1) AS i
MATCH (art:Article {id: m.evidence_docs[i]})
WITH art, m, i ORDER BY i
RETURN art.id AS article, art.title AS title, art.date AS date, art.outlet AS outlet, art.url AS url,
       collect(m.evidence_sentences[i]) AS sentences,
       collect(coalesce(m.evidence_statuses[i], m.status, 'occurred')) AS statuses
ORDER BY date IS NULL, date DESC, article
}
RETURN '9. Articles that state a meeting between ' + $person + ' and ' + $other + ', newest first: ' + count(*) + ' rows' AS query;
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($person), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS a
  RETURN a
}
CALL () {
  WITH [w IN split(reduce(s = '', c IN split(normalize(toLower($other), NFKD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' WHEN c =~ '(?U)\\w' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE size(words) > 0
  WITH words, reduce(s = head(words), w IN tail(words) | s + ' ' + w) AS folded
  CALL db.index.fulltext.queryNodes('graphbuild_Person_names', reduce(s = '', w IN words | s + ' +' + w)) YIELD node
  WITH node, folded, words WHERE node:Person AND all(w IN words WHERE w IN split(node.name_words, ' '))
  WITH node, CASE WHEN node.name_fold = folded THEN 3 WHEN folded IN coalesce(node.alias_folds, []) THEN 2 ELSE 1 END AS score
  WITH collect({node: node, score: score}) AS found, max(score) AS best
  UNWIND [f IN found WHERE f.score = best | f.node] AS b
  RETURN b
}
MATCH (a)-[m:MET]-(b)
WHERE a <> b
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
CALL () {
MATCH (art:Article {id: $article})-[:MENTIONS]->(a)-[r]->(b)
WHERE art.id IN r.evidence_docs
UNWIND [i IN range(0, size(r.evidence_docs) - 1) WHERE r.evidence_docs[i] = art.id] AS i
RETURN art.title AS title, type(r) AS relation, a.name AS subject, b.name AS object,
       r.evidence_statuses[i] AS status, r.evidence_starts[i] AS start, r.evidence_sentences[i] AS sentence
ORDER BY start, relation, subject, object
}
RETURN '10. Everything article ' + $article + ' states: ' + count(*) + ' rows' AS query;
MATCH (art:Article {id: $article})-[:MENTIONS]->(a)-[r]->(b)
WHERE art.id IN r.evidence_docs
UNWIND [i IN range(0, size(r.evidence_docs) - 1) WHERE r.evidence_docs[i] = art.id] AS i
RETURN art.title AS title, type(r) AS relation, a.name AS subject, b.name AS object,
       r.evidence_statuses[i] AS status, r.evidence_starts[i] AS start, r.evidence_sentences[i] AS sentence
ORDER BY start, relation, subject, object;

// 11. Meetings between $since and $until, with their articles
// Meetings dated in the range (ISO dates, both ends included): by the meeting's own date, else by the
// date of the article stating it; each with its Articles, newest first.
CALL () {
MATCH (a:Person)-[m:MET]->(b:Person)
MATCH (art:Article) WHERE art.id IN m.evidence_docs
WITH a, b, m, art, coalesce(m.date, art.date) AS date
WHERE date >= $since AND date <= $until
WITH a, b, m, art, date ORDER BY art.date IS NULL, art.date DESC, art.id
RETURN date, a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,
       m.place AS place, collect(art {.id, .title, .date, .url}) AS articles
ORDER BY date, person, met
}
RETURN '11. Meetings between ' + $since + ' and ' + $until + ', with their articles: ' + count(*) + ' rows' AS query;
MATCH (a:Person)-[m:MET]->(b:Person)
MATCH (art:Article) WHERE art.id IN m.evidence_docs
WITH a, b, m, art, coalesce(m.date, art.date) AS date
WHERE date >= $since AND date <= $until
WITH a, b, m, art, date ORDER BY art.date IS NULL, art.date DESC, art.id
RETURN date, a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,
       m.place AS place, collect(art {.id, .title, .date, .url}) AS articles
ORDER BY date, person, met;
