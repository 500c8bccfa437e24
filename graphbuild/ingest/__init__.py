"""Stage 1, ingest: files in, plain ``Document``s out (reading formats, decoding, ids), then cleaning.

Nothing here knows spaCy. Every file under this folder decides what extraction sees, so the
extraction cache's fingerprint covers the folder whole (:mod:`graphbuild.build.cache`).
"""
