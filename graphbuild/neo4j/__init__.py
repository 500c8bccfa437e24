"""Everything Neo4j, in one place; the Cypher exporter, the neo4j-admin exporter and the loader all use it.

- :mod:`~graphbuild.neo4j.literals`: Cypher string, name and value literals;
- :mod:`~graphbuild.neo4j.model`: the property model, graph nodes and edges as rows of flat properties;
- :mod:`~graphbuild.neo4j.statements`: the constraint and MERGE statements, written once;
- :mod:`~graphbuild.neo4j.packing`: batches of rows packed into strings (or literal maps) for graph.cypher;
- :mod:`~graphbuild.neo4j.script`: the statements of graph.cypher, and the script splitter;
- :mod:`~graphbuild.neo4j.queries`: the query catalogue (queries.cypher, and who-met's contacts query);
- :mod:`~graphbuild.neo4j.admin`: CSV files and import.sh for ``neo4j-admin database import full``;
- :mod:`~graphbuild.neo4j.store`: Bolt: ``graphbuild load`` and ``who-met --neo4j``.

Only :mod:`~graphbuild.neo4j.store` imports the Neo4j driver (inside its functions).
"""
