"""Exporters: each reads only the graph and writes one format, atomically."""
