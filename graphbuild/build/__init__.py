"""Orchestration: the build and merge APIs (:mod:`.pipeline`), the two peers that run the per-document
worker — a local process pool (:mod:`.local`) and a Dask cluster (:mod:`.cluster`) —, the extraction
cache (:mod:`.cache`), triples.jsonl (:mod:`.triples`) and the progress bar (:mod:`.progress`)."""
