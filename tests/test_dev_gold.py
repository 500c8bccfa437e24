"""Well-formedness checks for the hand-annotated development set tests/data/dev_gold.jsonl.

The article texts live outside the repository, in ../shared/corpus/wikinews-dev.jsonl
(CI clones the repo beside shared/). The offset checks are skipped when that file is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD = REPO_ROOT / "tests" / "data" / "dev_gold.jsonl"
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "wikinews-dev.jsonl"

TYPES = {"MET", "VISITED", "HOLDS_POSITION", "ATTENDED"}
MET_STATUS = {"occurred", "planned", "negated"}


def _gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_gold_records_are_well_formed():
    rows = _gold()
    assert rows, "gold file is empty"
    seen = set()
    for row in rows:
        assert set(row) <= {"doc", "sentence", "start", "facts", "note"}, row
        assert isinstance(row["doc"], str) and row["doc"]
        assert isinstance(row["sentence"], str) and row["sentence"].strip() == row["sentence"]
        assert isinstance(row["start"], int) and row["start"] >= 0
        assert isinstance(row["facts"], list)
        key = (row["doc"], row["start"])
        assert key not in seen, f"duplicate sentence {key}"
        seen.add(key)
        if not row["facts"]:
            assert row.get("note"), f"negative sentence without a note: {row['sentence']!r}"
        for fact in row["facts"]:
            assert fact["type"] in TYPES, fact
            assert isinstance(fact["subject"], str) and fact["subject"], fact
            if fact["type"] == "MET":
                assert fact.get("status") in MET_STATUS, fact
                assert isinstance(fact["object"], str) and fact["object"] != fact["subject"], fact
            elif fact["type"] == "HOLDS_POSITION":
                assert isinstance(fact.get("title"), str) and fact["title"], fact
                assert fact["object"] is None or (isinstance(fact["object"], str) and fact["object"]), fact
            else:
                assert isinstance(fact["object"], str) and fact["object"], fact


def test_gold_has_enough_positives_and_negatives():
    rows = _gold()
    positives = sum(1 for r in rows if r["facts"])
    negatives = sum(1 for r in rows if not r["facts"])
    assert positives >= 60, positives
    assert negatives >= 30, negatives


def test_met_pairs_listed_once():
    for row in _gold():
        pairs = [frozenset((f["subject"], f["object"])) for f in row["facts"] if f["type"] == "MET"]
        assert len(pairs) == len(set(pairs)), row["sentence"]


def test_sentences_match_article_text_at_offset():
    if not CORPUS.exists():
        pytest.skip(f"article texts not found at {CORPUS}")
    texts = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                art = json.loads(line)
                texts[art["id"]] = art["text"]
    for row in _gold():
        assert row["doc"] in texts, f"unknown article {row['doc']}"
        text = texts[row["doc"]]
        start = row["start"]
        assert text[start:start + len(row["sentence"])] == row["sentence"], (row["doc"], start)
