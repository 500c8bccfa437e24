"""Score extraction against hand-annotated sentences: ``python -m graphbuild.evaluate``.

The gold file (``tests/data/dev_gold.jsonl``) lists sentences of real articles with every
MET / VISITED / ATTENDED / HOLDS_POSITION fact they state (or none). The articles are built
as a normal corpus; each system fact whose evidence sentence overlaps a gold sentence is
compared with that sentence's facts. Names match when one is the other or a whole-word part
of it ("Trump" / "Donald Trump"). A gold HOLDS_POSITION without an organisation only
checks that the person got that title; system posts on such a person are not counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from graphbuild.models import HOLDS_POSITION, MET, RELATION_TYPES, Document
from graphbuild.pipeline import extract_all
from graphbuild.query import fold
from graphbuild.resolve import Resolver
from graphbuild.settings import Settings

DEFAULT_GOLD = Path("tests/data/dev_gold.jsonl")
DEFAULT_CORPUS = Path("../shared/corpus/wikinews-dev.jsonl")


@dataclass(frozen=True)
class Scored:
    type: str
    subject: str
    object: str | None
    doc: str
    sentence_start: int


def names_match(a: str | None, b: str | None) -> bool:
    """>>> names_match("Trump", "Donald Trump")
    True
    >>> names_match("Andrei Belousov", "Andrei Bozhovsky")
    False
    """
    if a is None or b is None:
        return a is b
    fa, fb = fold(a).removeprefix("the "), fold(b).removeprefix("the ")
    if fa == fb:
        return True
    wa, wb = fa.split(), fb.split()
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(shorter) and all(w in longer for w in shorter) and (len(shorter) > 1 or shorter[0] == longer[-1]
                                                                      or shorter[0] == longer[0])


def fact_matches(gold: dict, system: Scored) -> bool:
    if gold["type"] != system.type:
        return False
    if gold["type"] == MET:
        return (names_match(gold["subject"], system.subject) and names_match(gold["object"], system.object)) or (
            names_match(gold["subject"], system.object) and names_match(gold["object"], system.subject))
    return names_match(gold["subject"], system.subject) and names_match(gold["object"], system.object)


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def system_facts(gold: list[dict], corpus: Path, settings: Settings) -> dict[tuple[str, int], list[Scored]]:
    """System facts (and titles) grouped by the gold sentence their evidence falls in."""
    wanted = {g["doc"] for g in gold}
    documents = []
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                documents.append(Document(record["id"], record["text"], str(corpus), record.get("title"),
                                          (record.get("date") or "")[:10] or None, record.get("url")))
    extractions, _ = extract_all(documents, settings, cache_dir=None)
    corpus_result = Resolver().run(extractions)
    names = {e.id: e.name for e in corpus_result.entities}
    spans = defaultdict(list)
    for g in gold:
        spans[g["doc"]].append((g["start"], g["start"] + len(g["sentence"])))
    grouped: dict[tuple[str, int], list[Scored]] = defaultdict(list)
    for fact in corpus_result.facts:
        ev = fact.evidence
        for start, end in spans.get(ev.doc, []):
            if ev.start < end and start < ev.end:
                grouped[(ev.doc, start)].append(
                    Scored(fact.type, names[fact.source], names[fact.target], ev.doc, start))
    _add_titles(extractions, corpus_result, spans, grouped)
    return grouped


def _add_titles(extractions, corpus_result, spans, grouped) -> None:
    """Titles claimed in a gold sentence, as HOLDS_POSITION facts without an organisation."""
    for extraction in extractions:
        for claim in extraction.titles:
            mention = extraction.mentions[claim.mention]
            for start, end in spans.get(extraction.doc_id, []):
                if mention.start < end and start < mention.end:
                    grouped[(extraction.doc_id, start)].append(
                        Scored("TITLE", mention.text, claim.title, extraction.doc_id, start))


def score(gold: list[dict], system: dict[tuple[str, int], list[Scored]]) -> tuple[dict, list[str]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    errors: list[str] = []
    for entry in gold:
        found = system.get((entry["doc"], entry["start"]), [])
        facts = [f for f in found if f.type != "TITLE"]
        titles = [f for f in found if f.type == "TITLE"]
        unplaced = [g for g in entry["facts"] if g["type"] == HOLDS_POSITION and not g.get("object")]
        placed = [g for g in entry["facts"] if g not in unplaced]
        matched: set[int] = set()
        for g in placed:
            hit = next((n for n, f in enumerate(facts) if n not in matched and fact_matches(g, f)), None)
            if hit is None:
                counts[g["type"]]["fn"] += 1
                errors.append(f"MISSED {g['type']} {g['subject']} -> {g.get('object')} | {entry['sentence']}")
            else:
                matched.add(hit)
                counts[g["type"]]["tp"] += 1
        for g in unplaced:
            ok = any(names_match(g["subject"], t.subject) for t in titles)
            counts["TITLE (no org)"]["tp" if ok else "fn"] += 1
            if not ok:
                errors.append(f"MISSED TITLE {g['subject']} {g.get('title')} | {entry['sentence']}")
        for n, f in enumerate(facts):
            if n in matched:
                continue
            if f.type == HOLDS_POSITION and any(names_match(g["subject"], f.subject) for g in unplaced):
                continue  # gold names no organisation for this person here
            if f.type == MET and any(f2 is not f and f2.type == MET and {f2.subject, f2.object} ==
                                     {f.subject, f.object} for f2 in facts[:n]):
                continue
            counts[f.type]["fp"] += 1
            errors.append(f"WRONG  {f.type} {f.subject} -> {f.object} | {entry['sentence']}")
    return counts, errors


def format_table(counts: dict[str, Counter]) -> str:
    rows = ["relation         precision  recall     F1   tp  fp  fn"]
    total = Counter()
    for rel in [*RELATION_TYPES, "TITLE (no org)"]:
        c = counts.get(rel, Counter())
        total.update({k: v for k, v in c.items() if rel != "TITLE (no org)"})
        rows.append(_row(rel, c))
    rows.append(_row("all relations", total))
    return "\n".join(rows)


def _row(name: str, c: Counter) -> str:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{name:<16} {precision:9.2f} {recall:7.2f} {f1:6.2f} {tp:4d} {fp:3d} {fn:3d}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graphbuild.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--errors", action="store_true", help="list every missed and wrong fact")
    args = parser.parse_args(argv)
    for path in (args.gold, args.corpus):
        if not path.is_file():
            print(f"evaluate: no such file: {path}", file=sys.stderr)
            return 2
    gold = load_gold(args.gold)
    settings = Settings(model=args.model, progress=False)
    counts, errors = score(gold, system_facts(gold, args.corpus, settings))
    print(f"{len(gold)} annotated sentences from {len({g['doc'] for g in gold})} articles")
    print(format_table(counts))
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
