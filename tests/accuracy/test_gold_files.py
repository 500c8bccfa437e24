"""Well-formedness of the hand-annotated gold files in tests/data/ (format: tests/data/README.md).

One table of gold sets, every check parametrised over it. The article texts live outside the repository,
in ../shared/corpus/ (CI clones the repository beside shared/): the offset checks skip without them,
except in CI (``CI=true``), where a missing corpus is a failure.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
STATUSES = {"occurred", "planned", "negated"}
MEDIA = {"phone", "video"}


@dataclass(frozen=True)
class GoldSet:
    gold: str  # file under tests/data
    corpus: str  # file under ../shared/corpus
    types: frozenset[str]
    minimum: dict[str, int]  # fewest facts of each type
    doc_prefixes: frozenset[str] = frozenset()  # every document id starts with one of these, when given
    hard_negatives: frozenset[str] = field(default_factory=frozenset)

    def rows(self) -> list[dict]:
        with (REPO_ROOT / "tests" / "data" / self.gold).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]


GOLD_SETS = [
    GoldSet("dev_gold.jsonl", "wikinews-dev.jsonl", frozenset({"MET", "VISITED", "HOLDS_POSITION", "ATTENDED"}),
            {"positive sentences": 60, "negative sentences": 30}),
    GoldSet("readouts_gold.jsonl", "readouts-dev.jsonl",
            frozenset({"MET", "SPOKE_WITH", "VISITED", "HOLDS_POSITION", "ATTENDED"}),
            {"MET": 50, "SPOKE_WITH": 10, "HOLDS_POSITION": 100, "negative sentences": 5},
            doc_prefixes=frozenset({"wh-", "sd-"}),
            hard_negatives=frozenset({
                "wh-2021-02-call-biden-modi", "wh-2022-04-travel-korea-japan", "wh-2022-08-call-ukrainian-counterparts",
                "wh-2023-08-travel-vietnam", "wh-2023-12-virtual-g7-leaders", "wh-2024-03-call-biden-prabowo",
                "wh-2025-01-call-trump-modi", "wh-2025-03-call-trump-zelenskyy", "sd-2021-05-blinken-travel-costa-rica",
                "sd-2021-07-call-blinken-abiy", "sd-2021-07-kerry-call-putin", "sd-2021-08-call-sherman-landsbergis",
                "sd-2022-02-blinken-travel-germany", "sd-2022-02-call-blinken-lavrov", "sd-2022-07-call-blinken-gantz",
            })),
]
by_name = pytest.mark.parametrize("gold_set", GOLD_SETS, ids=[g.gold for g in GOLD_SETS])


@by_name
def test_records_are_well_formed(gold_set: GoldSet) -> None:
    rows = gold_set.rows()
    assert rows, "gold file is empty"
    seen = set()
    for row in rows:
        assert set(row) <= {"doc", "sentence", "start", "facts", "note"}, row
        assert isinstance(row["doc"], str) and row["doc"]
        if gold_set.doc_prefixes:
            assert row["doc"][:3] in gold_set.doc_prefixes, row["doc"]
        assert isinstance(row["sentence"], str) and row["sentence"].strip() == row["sentence"]
        assert isinstance(row["start"], int) and row["start"] >= 0
        assert isinstance(row["facts"], list)
        key = (row["doc"], row["start"])
        assert key not in seen, f"duplicate sentence {key}"
        seen.add(key)
        if not row["facts"]:
            assert row.get("note"), f"negative sentence without a note: {row['sentence']!r}"
        for fact in row["facts"]:
            _check_fact(fact, gold_set.types)


def _check_fact(fact: dict, types: frozenset[str]) -> None:
    assert fact["type"] in types, fact
    assert isinstance(fact["subject"], str) and fact["subject"], fact
    if fact["type"] in {"MET", "SPOKE_WITH"}:
        assert fact.get("status") in STATUSES, fact
        assert isinstance(fact["object"], str) and fact["object"] != fact["subject"], fact
    if fact["type"] == "SPOKE_WITH":
        assert set(fact) == {"type", "subject", "object", "status", "medium"}, fact
        assert fact["medium"] in MEDIA, fact
    elif fact["type"] == "HOLDS_POSITION":
        assert isinstance(fact.get("title"), str) and fact["title"], fact
        assert fact["object"] is None or (isinstance(fact["object"], str) and fact["object"]), fact
    elif fact["type"] != "MET":
        assert isinstance(fact["object"], str) and fact["object"], fact


def test_a_malformed_fact_is_caught() -> None:
    with pytest.raises(AssertionError):
        _check_fact({"type": "MET", "subject": "A", "object": "A", "status": "occurred"}, frozenset({"MET"}))
    with pytest.raises(AssertionError):
        _check_fact({"type": "SPOKE_WITH", "subject": "A", "object": "B", "status": "occurred", "medium": "fax"},
                    frozenset({"SPOKE_WITH"}))


@by_name
def test_coverage(gold_set: GoldSet) -> None:
    rows = gold_set.rows()
    counts = Counter(f["type"] for r in rows for f in r["facts"])
    counts["positive sentences"] = sum(1 for r in rows if r["facts"])
    counts["negative sentences"] = sum(1 for r in rows if not r["facts"])
    assert all(counts[kind] >= least for kind, least in gold_set.minimum.items()), counts
    if gold_set.hard_negatives:
        docs = {r["doc"] for r in rows}
        assert len(docs) >= 40 and len(docs & gold_set.hard_negatives) >= 8, sorted(docs & gold_set.hard_negatives)


@by_name
def test_symmetric_pairs_listed_once_and_calls_are_not_meetings(gold_set: GoldSet) -> None:
    for row in gold_set.rows():
        pairs = {}
        for rel in ("MET", "SPOKE_WITH"):
            listed = [frozenset((f["subject"], f["object"])) for f in row["facts"] if f["type"] == rel]
            assert len(listed) == len(set(listed)), (rel, row["sentence"])
            pairs[rel] = set(listed)
        assert not pairs["MET"] & pairs["SPOKE_WITH"], row["sentence"]


@by_name
def test_sentences_match_the_text_at_their_offset(gold_set: GoldSet) -> None:
    corpus = SHARED_CORPUS / gold_set.corpus
    if not corpus.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"article texts not found at {corpus}")
        pytest.skip(f"article texts not found at {corpus}")
    texts = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                texts[doc["id"]] = doc["text"]
    for row in gold_set.rows():
        assert row["doc"] in texts, f"unknown document {row['doc']}"
        start = row["start"]
        assert texts[row["doc"]][start:start + len(row["sentence"])] == row["sentence"], (row["doc"], start)
