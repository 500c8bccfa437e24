"""Score extraction against hand-annotated sentences: ``python -m graphbuild.evaluate``.

Two gold sets are scored, each against its own corpus (the texts live beside the repository,
in ``../shared/corpus``): the Wikinews dev set (``tests/data/dev_gold.jsonl`` over
``wikinews-dev.jsonl``) and the official readouts (``tests/data/readouts_gold.jsonl`` over
``readouts-dev.jsonl``). A gold file lists sentences with every MET / SPOKE_WITH / VISITED /
ATTENDED / HOLDS_POSITION fact they state (or none). The articles are built as a normal
corpus; each system fact whose evidence sentence overlaps a gold sentence is compared with
that sentence's facts; a MET or SPOKE_WITH must also have the gold status (occurred / planned /
negated). Names match when one is the other or a whole-word part of it ("Trump" /
"Donald Trump"). MET and SPOKE_WITH are symmetric. A gold HOLDS_POSITION without an
organisation only checks that the person got that title; system posts on such a person are not
counted. ``--markdown`` prints the table block kept in README.md (and checked by
``tests/test_accuracy_guard.py``).

``--documents`` scores whole builds instead, against the document-level gold files beside the corpora
(``../shared/corpus/narrative-dev-gold.json``, ``readouts-dev-gold.json``) with ``../shared/tools/score_met.py``:
who met whom (MET precision and recall), phone and video contacts (SPOKE_WITH) and titles, per set. With
``--markdown`` it prints the README block of those scores (also a floor checked by the guard test).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from graphbuild.build.pipeline import extract_all
from graphbuild.models import Document
from graphbuild.resolve.entities import Resolver
from graphbuild.schema import HOLDS_POSITION, RELATION_TYPES, SYMMETRIC_TYPES
from graphbuild.settings import Settings
from graphbuild.text import fold

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
REPORTED = RELATION_TYPES
NO_ORG = "TITLE (no org)"
ALL = "all relations"
TABLE_START = "<!-- accuracy-table:start -->"
TABLE_END = "<!-- accuracy-table:end -->"


@dataclass(frozen=True)
class Dataset:
    name: str
    gold: Path
    corpus: Path


DATASETS = (
    Dataset("Wikinews dev", REPO_ROOT / "tests" / "data" / "dev_gold.jsonl", SHARED_CORPUS / "wikinews-dev.jsonl"),
    Dataset("Readouts dev", REPO_ROOT / "tests" / "data" / "readouts_gold.jsonl", SHARED_CORPUS / "readouts-dev.jsonl"),
)


# Document-level gold (``score_met.py`` gold files beside the corpora): who met whom in each set as a whole.
DOCUMENT_GOLD = (
    Dataset("Narrative dev", SHARED_CORPUS / "narrative-dev-gold.json", SHARED_CORPUS / "narrative-dev.jsonl"),
    Dataset("Readouts dev", SHARED_CORPUS / "readouts-dev-gold.json", SHARED_CORPUS / "readouts-dev.jsonl"),
)
SCORE_TOOL = REPO_ROOT.parent / "shared" / "tools" / "score_met.py"
DOC_TABLE_START = "<!-- document-table:start -->"
DOC_TABLE_END = "<!-- document-table:end -->"
DOC_COLUMNS = ("MET P", "MET R", "SPOKE_WITH P", "SPOKE_WITH R", "titles R")


@dataclass(frozen=True)
class Scored:
    type: str
    subject: str
    object: str | None
    doc: str
    sentence_start: int
    status: str | None = None  # MET / SPOKE_WITH: occurred, planned, negated


def names_match(a: str | None, b: str | None) -> bool:
    """Whether two names can denote the same person or place.

    >>> names_match("Trump", "Donald Trump")
    True
    >>> names_match("Andrei Belousov", "Andrei Bozhovsky")
    False

    Initials and "Jr." are ignored: they never tell two people apart here.

    >>> names_match("Joseph R. Biden, Jr.", "Joseph Biden")
    True
    """
    if a is None or b is None:
        return a is b
    fa, fb = fold(a).removeprefix("the "), fold(b).removeprefix("the ")
    if fa == fb:
        return True
    wa, wb = _name_words(fa), _name_words(fb)
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(shorter) and all(w in longer for w in shorter) and (len(shorter) > 1 or shorter[0] == longer[-1]
                                                                      or shorter[0] == longer[0])


def _name_words(folded: str) -> list[str]:
    words = [w for w in folded.split() if len(w) > 1 and w != "jr"]
    return words or folded.split()


def fact_matches(gold: dict, system: Scored) -> bool:
    if gold["type"] != system.type:
        return False
    if gold["type"] in SYMMETRIC_TYPES:
        if gold.get("status") and system.status and gold["status"] != system.status:
            return False  # a planned meeting reported as held (or the reverse) is wrong
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
                    Scored(fact.type, names[fact.source], names[fact.target], ev.doc, start, fact.status))
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
            if f.type in SYMMETRIC_TYPES and any(f2.type == f.type and {f2.subject, f2.object} ==
                                           {f.subject, f.object} for f2 in facts[:n]):
                continue
            counts[f.type]["fp"] += 1
            errors.append(f"WRONG  {f.type} {f.subject} -> {f.object} | {entry['sentence']}")
    return counts, errors


def rates(c: Counter) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; None where undefined (nothing found / nothing to find)."""
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if precision is None or recall is None:
        f1 = None if precision is None and recall is None else 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def table_rows(counts: dict[str, Counter]) -> list[tuple[str, Counter]]:
    """(relation, counts) for each reported relation, titles without organisation, and the total."""
    total = Counter()
    rows = []
    for rel in [*REPORTED, NO_ORG]:
        c = counts.get(rel, Counter())
        if rel != NO_ORG:
            total.update(c)
        rows.append((rel, c))
    rows.append((ALL, total))
    return rows


def format_table(counts: dict[str, Counter]) -> str:
    rows = ["relation         precision  recall     F1   tp  fp  fn"]
    rows += [_row(name, c) for name, c in table_rows(counts)]
    return "\n".join(rows)


def _fmt(x: float | None, width: int) -> str:
    return f"{'n/a' if x is None else f'{x:.2f}':>{width}}"


def _row(name: str, c: Counter) -> str:
    precision, recall, f1 = rates(c)
    return (f"{name:<16} {_fmt(precision, 9)} {_fmt(recall, 7)} {_fmt(f1, 6)} "
            f"{c['tp']:4d} {c['fp']:3d} {c['fn']:3d}")


def format_markdown(results: list[tuple[Dataset, list[dict], dict[str, Counter]]]) -> str:
    """The README accuracy table, between its markers: one row per set and relation."""
    lines = [TABLE_START,
             "| set | relation | precision | recall | F1 | tp | fp | fn |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for dataset, _gold, counts in results:
        for name, c in table_rows(counts):
            cells = [_fmt(x, 0) for x in rates(c)]
            lines.append(f"| {dataset.name} | {name} | {' | '.join(cells)} | {c['tp']} | {c['fp']} | {c['fn']} |")
    lines.append(TABLE_END)
    return "\n".join(lines)


def parse_markdown(text: str) -> dict[tuple[str, str], dict[str, float | None]]:
    """{(set, relation): {"precision": .., "recall": .., "F1": ..}} from the block in ``text``."""
    block = text[text.index(TABLE_START) + len(TABLE_START):text.index(TABLE_END)]
    table: dict[tuple[str, str], dict[str, float | None]] = {}
    for line in block.strip().splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        table[(cells[0], cells[1])] = {key: None if value == "n/a" else float(value)
                                       for key, value in zip(("precision", "recall", "F1"), cells[2:5], strict=True)}
    return table


def evaluate(dataset: Dataset, settings: Settings) -> tuple[list[dict], dict[str, Counter], list[str]]:
    gold = load_gold(dataset.gold)
    counts, errors = score(gold, system_facts(gold, dataset.corpus, settings))
    return gold, counts, errors


def document_scores(dataset: Dataset, model: str) -> dict[str, float]:
    """Build ``dataset.corpus`` as a user would and score its graph with ``score_met.py`` against the document-level
    gold: {"MET P": .., "MET R": .., "SPOKE_WITH P": .., "SPOKE_WITH R": .., "titles R": ..}."""
    import os
    import re
    import subprocess
    import tempfile

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "graphbuild", "build", str(dataset.corpus), "--out", out, "--quiet",
                        "--workers", "1", "--no-cache", "--model", model], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        report = subprocess.run([sys.executable, str(SCORE_TOOL), str(dataset.gold), str(Path(out) / "graph.json")],
                                capture_output=True, text=True, env=env).stdout
    scores = {}
    met = re.search(r"score: MET P=([\d.]+) R=([\d.]+).*titles R=([\d.]+)", report)
    if met:
        scores.update({"MET P": float(met[1]), "MET R": float(met[2]), "titles R": float(met[3])})
    spoke = re.search(r"SPOKE_WITH P=([\d.]+) R=([\d.]+)", report)
    if spoke:
        scores.update({"SPOKE_WITH P": float(spoke[1]), "SPOKE_WITH R": float(spoke[2])})
    return scores


def format_document_markdown(results: list[tuple[Dataset, dict[str, float]]]) -> str:
    lines = [DOC_TABLE_START, "| set | " + " | ".join(DOC_COLUMNS) + " |", "|---|" + "---:|" * len(DOC_COLUMNS)]
    for dataset, scores in results:
        cells = [f"{scores[c]:.2f}" if c in scores else "n/a" for c in DOC_COLUMNS]
        lines.append(f"| {dataset.name} | " + " | ".join(cells) + " |")
    lines.append(DOC_TABLE_END)
    return "\n".join(lines)


def parse_document_markdown(text: str) -> dict[str, dict[str, float | None]]:
    """{set: {column: value}} from the document-level block in ``text``."""
    block = text[text.index(DOC_TABLE_START) + len(DOC_TABLE_START):text.index(DOC_TABLE_END)]
    table = {}
    for line in block.strip().splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        table[cells[0]] = {c: None if v == "n/a" else float(v) for c, v in zip(DOC_COLUMNS, cells[1:], strict=True)}
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graphbuild.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help="score only this gold file (with --corpus)")
    parser.add_argument("--corpus", type=Path, help="the articles of --gold")
    parser.add_argument("--set", choices=["wikinews", "readouts"], help="score only one of the two sets")
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--errors", action="store_true", help="list every missed and wrong fact")
    parser.add_argument("--markdown", action="store_true",
                        help="print only the README accuracy table block (markers included)")
    parser.add_argument("--documents", action="store_true",
                        help="score whole builds against the document-level gold of ../shared/corpus/*-gold.json "
                             "(with --markdown: the README block of those scores)")
    args = parser.parse_args(argv)
    if args.documents:
        present = [d for d in DOCUMENT_GOLD if d.gold.is_file() and d.corpus.is_file()]
        if not present or not SCORE_TOOL.is_file():
            print(f"evaluate: no document-level gold or {SCORE_TOOL} found", file=sys.stderr)
            return 2
        results = [(d, document_scores(d, args.model)) for d in present]
        if args.markdown:
            print(format_document_markdown(results))
        else:
            for dataset, scores in results:
                print(f"{dataset.name} (document level): " + ", ".join(f"{k} {v:.2f}" for k, v in scores.items()))
        return 0
    if args.gold or args.corpus:
        if not (args.gold and args.corpus):
            parser.error("--gold and --corpus go together")
        datasets = [Dataset(args.gold.stem, args.gold, args.corpus)]
    else:
        datasets = [d for d, key in zip(DATASETS, ("wikinews", "readouts"), strict=True) if args.set in (None, key)]
    for dataset in datasets:
        for path in (dataset.gold, dataset.corpus):
            if not path.is_file():
                print(f"evaluate: no such file: {path}", file=sys.stderr)
                return 2
    settings = Settings(model=args.model, progress=False)
    results = []
    for dataset in datasets:
        gold, counts, errors = evaluate(dataset, settings)
        results.append((dataset, gold, counts))
        if args.markdown:
            continue
        print(f"{dataset.name}: {len(gold)} annotated sentences from {len({g['doc'] for g in gold})} documents")
        print(format_table(counts))
        if args.errors:
            print("\n".join(errors))
        print()
    if args.markdown:
        print(format_markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
