"""Well-formedness checks for the hand-annotated readouts set tests/data/readouts_gold.jsonl.

Same format as dev_gold.jsonl (see tests/data/README.md), plus SPOKE_WITH facts (phone or
video contact, with a ``medium``). The texts live outside the repository, in
../shared/corpus/readouts-dev.jsonl; the offset checks are skipped when that file is absent.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD = REPO_ROOT / "tests" / "data" / "readouts_gold.jsonl"
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "readouts-dev.jsonl"

TYPES = {"MET", "SPOKE_WITH", "VISITED", "HOLDS_POSITION", "ATTENDED"}
MET_STATUS = {"occurred", "planned", "negated"}
MEDIA = {"phone", "video"}
HARD_NEGATIVES = {
    "wh-2021-02-call-biden-modi", "wh-2022-04-travel-korea-japan", "wh-2022-08-call-ukrainian-counterparts",
    "wh-2023-08-travel-vietnam", "wh-2023-12-virtual-g7-leaders", "wh-2024-03-call-biden-prabowo",
    "wh-2025-01-call-trump-modi", "wh-2025-03-call-trump-zelenskyy", "sd-2021-05-blinken-travel-costa-rica",
    "sd-2021-07-call-blinken-abiy", "sd-2021-07-kerry-call-putin", "sd-2021-08-call-sherman-landsbergis",
    "sd-2022-02-blinken-travel-germany", "sd-2022-02-call-blinken-lavrov", "sd-2022-07-call-blinken-gantz",
}


def _gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_records_are_well_formed():
    rows = _gold()
    assert rows, "gold file is empty"
    seen = set()
    for row in rows:
        assert set(row) <= {"doc", "sentence", "start", "facts", "note"}, row
        assert isinstance(row["doc"], str) and row["doc"][:3] in {"wh-", "sd-"}, row["doc"]
        assert isinstance(row["sentence"], str) and row["sentence"].strip() == row["sentence"]
        assert "\n" not in row["sentence"], row["sentence"]
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
            if fact["type"] in {"MET", "SPOKE_WITH"}:
                assert fact.get("status") in MET_STATUS, fact
                assert isinstance(fact["object"], str) and fact["object"] != fact["subject"], fact
            if fact["type"] == "SPOKE_WITH":
                assert set(fact) == {"type", "subject", "object", "status", "medium"}, fact
                assert fact["medium"] in MEDIA, fact
            elif fact["type"] == "HOLDS_POSITION":
                assert isinstance(fact.get("title"), str) and fact["title"], fact
                assert fact["object"] is None or (isinstance(fact["object"], str) and fact["object"]), fact
            elif fact["type"] != "MET":
                assert isinstance(fact["object"], str) and fact["object"], fact


def test_coverage():
    rows = _gold()
    docs = {r["doc"] for r in rows}
    assert len(docs) >= 40, len(docs)
    assert {d[:3] for d in docs} == {"wh-", "sd-"}
    assert len(docs & HARD_NEGATIVES) >= 8, sorted(docs & HARD_NEGATIVES)
    types = Counter(f["type"] for r in rows for f in r["facts"])
    assert types["MET"] >= 50 and types["SPOKE_WITH"] >= 10 and types["HOLDS_POSITION"] >= 100, types
    assert sum(1 for r in rows if not r["facts"]) >= 5


def test_symmetric_pairs_listed_once():
    for row in _gold():
        for rel in ("MET", "SPOKE_WITH"):
            pairs = [frozenset((f["subject"], f["object"])) for f in row["facts"] if f["type"] == rel]
            assert len(pairs) == len(set(pairs)), (rel, row["sentence"])


def test_calls_are_not_meetings():
    """A sentence never holds both MET and SPOKE_WITH for the same pair."""
    for row in _gold():
        met = {frozenset((f["subject"], f["object"])) for f in row["facts"] if f["type"] == "MET"}
        spoke = {frozenset((f["subject"], f["object"])) for f in row["facts"] if f["type"] == "SPOKE_WITH"}
        assert not met & spoke, row["sentence"]


def test_sentences_match_text_at_offset():
    if not CORPUS.exists():
        pytest.skip(f"readout texts not found at {CORPUS}")
    texts = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                texts[doc["id"]] = doc["text"]
    for row in _gold():
        assert row["doc"] in texts, f"unknown readout {row['doc']}"
        text = texts[row["doc"]]
        start = row["start"]
        assert text[start:start + len(row["sentence"])] == row["sentence"], (row["doc"], start)
