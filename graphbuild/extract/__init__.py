"""Stage 2, extract: one ``Document`` in, its ``DocExtraction`` record out (:mod:`.worker`).

The spaCy pipeline and graphbuild's components (:mod:`.nlp`), the rules (:mod:`.rules`) and their
helpers (mentions, slots, roles, pronouns, titles, status, situation, syntax, names). What crosses
out of this folder is plain dataclasses of :mod:`graphbuild.models`, never spaCy objects. Every file
here is part of the extraction cache's fingerprint.
"""
