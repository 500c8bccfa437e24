"""CSV files for ``neo4j-admin database import full``: ``write_neo4j_admin(G, out_dir)``.

The files and import.sh are written by :mod:`graphbuild.neo4j.admin`, from the same rows as graph.cypher.
"""

from __future__ import annotations

from graphbuild.neo4j.admin import import_arguments, write_neo4j_admin

__all__ = ["import_arguments", "write_neo4j_admin"]
