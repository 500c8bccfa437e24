"""An outside yardstick: score graphbuild's relations against the human annotations of re3d.

re3d by Dstl (UK Defence Science and Technology Laboratory), annotated by Aleph Insights and
Committed Software; each sub-corpus keeps its own licence (see shared/re3d/*/LICENSE and ATTRIBUTION).

    /work/venv/bin/python bench/re3d_eval.py [--re3d ../shared/re3d] [--errors]

The documents are built exactly like ``python -m graphbuild.evaluate`` builds its gold articles
(``extract_all`` on raw Documents, then ``Resolver``), and names are compared with
``graphbuild.evaluate.names_match``. How re3d relations are mapped onto ours, which are left out
and why, and how precision and recall are defined is printed with the results (and written up
in docs/re3d.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, bench/ comes first on sys.path and bench/html.py would shadow the standard library's html.
_BENCH = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _BENCH]

from graphbuild.build.pipeline import extract_all  # noqa: E402
from graphbuild.evaluate import names_match  # noqa: E402
from graphbuild.models import Document  # noqa: E402
from graphbuild.resolve.entities import Resolver  # noqa: E402
from graphbuild.schema import (  # noqa: E402
    ATTENDED,
    HOLDS_POSITION,
    MET,
    NEGATED,
    PERSON,
    SYMMETRIC_TYPES,
    VISITED,
)
from graphbuild.settings import Settings  # noqa: E402
from graphbuild.text import fold  # noqa: E402

REPO_ROOT = _BENCH.parent
DEFAULT_RE3D = REPO_ROOT.parent / "shared" / "re3d"

MIN_CONFIDENCE = 0.5  # share of annotators who agreed: keep majority-backed relations only

# Rows of the table: our relation type -> the system relation types scored against it.
PRESENCE = "VISITED*"  # re3d CoLocated (a person was at a place) against our VISITED + ATTENDED
ROWS = {MET: {MET}, HOLDS_POSITION: {HOLDS_POSITION}, PRESENCE: {VISITED, ATTENDED}}
# Which re3d relation types each row is drawn from (also used for "annotated sentences").
SOURCES = {MET: {"CommWith"}, HOLDS_POSITION: {"InChargeOf", "BelongsTo"}, PRESENCE: {"CoLocated"}}

# CommWith is any communication; only the words of an in-person meeting make it a MET.
IN_PERSON = re.compile(r"\b(meet|meets|met|meeting|meetings|talks|host|hosts|hosted|hosting|receive|received|"
                       r"visit|visits|visited|visiting|welcomed|joined)\b", re.IGNORECASE)
REMOTE = re.compile(r"\b(call|calls|called|phone|phoned|telephone|spoke|spoken|speaking|wrote|letter|told|tweet|"
                    r"video|message)\b", re.IGNORECASE)
# CoLocated values that state where someone is from, died, was held or was posted, not a stay or a visit.
NOT_A_VISIT = re.compile(r"\b(died|killed|born|from|of|captured|kidnapped|posted|assigned|reassigned|transferred|"
                         r"presence|resident|lives)\b", re.IGNORECASE)

PLANNED_WORDS = re.compile(r"\b(will|would|shall|to be|plans?|planned)\b", re.IGNORECASE)

PRONOUNS = {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she", "her",
            "hers", "they", "them", "their", "theirs", "it", "its", "itself", "himself", "herself", "themselves"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Words of titles, ranks and honorifics: a person mention made only of these (and lower-case words) is a role
# mention ("The Foreign Secretary"), not a name. Kept here, apart from graphbuild's own lexicon, on purpose.
TITLE_WORDS = {
    "minister", "ministers", "secretary", "secretaries", "president", "vice", "prime", "foreign", "defence",
    "defense", "home", "interior", "state", "affairs", "deputy", "general", "gen", "lt", "lieutenant", "maj",
    "major", "col", "colonel", "capt", "captain", "sgt", "sergeant", "cpl", "corporal", "pfc", "spc", "specialist",
    "private", "admiral", "adm", "commodore", "commander", "commanding", "chief", "officer", "petty", "senior",
    "class", "operator", "warfare", "special", "navy", "army", "air", "force", "marine", "envoy", "presidential",
    "ambassador", "advisor", "adviser", "chairman", "chair", "director", "acting", "mr", "mrs", "ms", "dr", "he",
    "his", "her", "excellency", "sir", "dame", "lord", "lady", "sheikh", "king", "queen", "prince", "princess",
    "emir", "chargé", "charge", "d’affaires", "d'affaires", "spokesperson", "spokesman", "spokeswoman", "press",
    "senator", "sen", "rep", "representative", "governor", "mayor", "premier", "chancellor", "pope", "leader",
    "head", "secretary-general", "under", "brig", "brigadier", "nco", "ncos", "sncos",
    "assistant", "coordinator", "counsellor", "counselor",
}
NAME_PARTICLES = {"al", "al-", "el", "el-", "de", "da", "del", "der", "di", "du", "van", "von", "bin", "ibn", "bint",
                  "la", "le", "ul", "ur"}
FUNCTION_WORDS = {"of", "and", "for", "the", "on", "to", "in", "at", "de", "al", "&", "-", "–"}
REGION_WORDS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                "north-east", "north-west", "south-east", "south-west", "northeastern", "northwestern",
                "southeastern", "southwestern"}
PLACE_NOUNS = {"city", "town", "village", "province", "governorate", "island", "region", "district", "country"}
ROLE_LINKS = {"of", "for", "at", "in"}  # "Minister of ... Iraq": the capitals after these name the office, not a person
_PUNCT = "“”\"'‘’(),.;:"
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "cdr", "sen",
                 "rep", "gov", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                 "dec", "no", "vs", "etc", "inc", "co", "corp", "jr", "sr", "mt", "ft", "approx"}
_BOUNDARY = re.compile(r"\n+|[.!?]+[\"”’)\]]*(?:\[\d+\])*(?=\s+[\"“‘(\[]?[A-Z0-9])")


# --- reading re3d ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    doc: str
    begin: int
    end: int


@dataclass
class Re3d:
    texts: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)
    types: dict[Span, str] = field(default_factory=dict)  # the most agreed type of each entity span
    spans: dict[str, list[Span]] = field(default_factory=dict)  # entity spans of each document, in order
    agreement: dict[Span, float] = field(default_factory=dict)  # best annotator agreement on each span
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    relations: list[dict] = field(default_factory=list)


def _lines(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_re3d(root: Path) -> Re3d:
    data = Re3d()
    votes: dict[Span, list[tuple[float, int, str]]] = defaultdict(list)
    tie_order = {"Person": 0, "Location": 1, "Organisation": 2}
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").is_file()):
        for record in _lines(folder / "documents.json"):
            data.texts[record["_id"]] = record["text"]
            data.titles[record["_id"]] = record.get("title")
            data.folders[record["_id"]] = folder.name
        for record in _lines(folder / "entities.json"):
            span = Span(record["documentId"], record["begin"], record["end"])
            votes[span].append((-record["confidence"], tie_order.get(record["type"], 9), record["type"]))
        data.relations += sorted(_lines(folder / "relations.json"), key=lambda r: (r["documentId"], r["_id"]))
    data.types = {span: min(v)[2] for span, v in votes.items()}
    data.agreement = {span: -min(v)[0] for span, v in votes.items()}
    for span in sorted(data.types, key=lambda s: (s.doc, s.begin, s.end)):
        data.spans.setdefault(span.doc, []).append(span)
    data.sentences = {doc: split_sentences(text) for doc, text in data.texts.items()}
    return data


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a re3d text, by a plain rule of its own (so gold does not depend on our parser)."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("\n"):
            end = m.start()
        else:
            word = re.search(r"(\S*)$", text[:m.start()]).group(1).lower().strip("(“\"'‘")
            if word in ABBREVIATIONS or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word):
                continue  # "Lt. Gen.", "Charles H. Keating", "U.S. forces"
            end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# --- names in gold mentions --------------------------------------------------------------------


def _word(token: str) -> str:
    return token.strip(_PUNCT).replace("\u200e", "").replace("\u200f", "")


def _is_capitalised(word: str) -> bool:
    parts = [p for p in re.split(r"[-‐–]", word) if p]
    return any(p[:1].isupper() for p in parts)


def person_name(text: str) -> tuple[str | None, str]:
    """The name inside a person mention ("Defense Secretary Ash Carter" -> "Ash Carter"), or why there is none.

    The name is the trailing run of capitalised words that are not title or rank words.
    """
    tokens = [t for t in text.replace("\u200e", " ").split() if _word(t)]
    if len(tokens) == 1 and _word(tokens[0]).lower() in PRONOUNS:
        return None, "pronoun"
    run: list[str] = []
    for token in reversed(tokens):
        word = _word(token)
        low = re.sub(r"-(designate|elect)$", "", word.lower().rstrip("-"))
        particle = low in NAME_PARTICLES and bool(run)  # "Staffan de Mistura"
        if particle or (_is_capitalised(word) and low not in TITLE_WORDS | PRONOUNS | DETERMINERS):
            run.insert(0, token)
        else:
            break
    if not any(_word(t).lower().rstrip("-") not in NAME_PARTICLES for t in run):
        run = []
    if not run:
        return None, "role or description"
    before = len(tokens) - len(run) - 1
    while before >= 0 and _word(tokens[before]).lower() in DETERMINERS:
        before -= 1
    if before >= 0 and _word(tokens[before]).lower() in ROLE_LINKS:  # "Minister for the Middle East"
        return None, "role or description"
    return " ".join(_word(t) if t is run[-1] else t.strip("“”\"'‘’(),;:") for t in run), ""


def place_or_org_name(text: str) -> tuple[str | None, str]:
    """The name of an organisation or place mention ("the Iraqi city of Mosul" -> "Mosul"), or why there is none."""
    tokens = [t for t in text.split() if _word(t)]
    if len(tokens) == 1 and _word(tokens[0]).lower() in PRONOUNS:
        return None, "pronoun"
    while tokens and _word(tokens[0]).lower() in DETERMINERS | REGION_WORDS:
        tokens = tokens[1:]
    if not tokens:
        return None, "role or description"
    words = [_word(t) for t in tokens]
    if all(_is_capitalised(w) or w[:1].isdigit() or w.lower() in FUNCTION_WORDS for w in words) and (
            _is_capitalised(words[0])):
        return " ".join(tokens).strip(_PUNCT), ""
    lowered = [w.lower() for w in words]
    if "of" in lowered:
        at = lowered.index("of")
        rest = words[at + 1:]
        while rest and rest[0].lower() in DETERMINERS:
            rest = rest[1:]
        if lowered[at - 1] in PLACE_NOUNS and rest and all(_is_capitalised(w) for w in rest):
            return " ".join(rest), ""
    return None, "role or description"


# --- gold ------------------------------------------------------------------------------------


@dataclass
class Gold:
    row: str
    doc: str
    source: str  # names
    target: str
    begin: int  # extent of the relation in the document (both ends and the words that state it)
    end: int
    value: str
    re3d_type: str
    via: str = ""  # "" (names written there), "apposition" (a name in the same sentence), "coreference"
    sentence: tuple[int, int] | None = None


@dataclass
class GoldSet:
    scored: list[Gold] = field(default_factory=list)  # name-ended: recall is over these
    coref: list[Gold] = field(default_factory=list)  # ends reachable only through coreference elsewhere
    excluded: Counter = field(default_factory=Counter)  # (row or re3d type, reason) -> count
    unmapped: Counter = field(default_factory=Counter)  # other re3d types
    left_out: list[Gold] = field(default_factory=list)  # mapped, but an end is a role mention or pronoun
    remote: list[dict] = field(default_factory=list)  # CommWith between two people that is not a meeting
    annotated: dict[str, set[tuple[str, int, int]]] = field(default_factory=dict)  # row -> (doc, begin, end)


def _synonyms(data: Re3d) -> dict[Span, set[Span]]:
    """IsSynonymOf as an undirected graph over entity spans (confidence >= MIN_CONFIDENCE)."""
    links: dict[Span, set[Span]] = defaultdict(set)
    for r in data.relations:
        if r["type"] == "IsSynonymOf" and r["confidence"] >= MIN_CONFIDENCE:
            a = Span(r["documentId"], r["sourceBegin"], r["sourceEnd"])
            b = Span(r["documentId"], r["targetBegin"], r["targetEnd"])
            links[a].add(b)
            links[b].add(a)
    return links


def _reachable(span: Span, links: dict[Span, set[Span]]) -> list[Span]:
    seen, todo = {span}, [span]
    while todo:
        for nxt in links.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return sorted(seen - {span}, key=lambda s: (s.begin, s.end))


def _map_type(r: dict, ends: tuple[str, str]) -> tuple[str | None, bool, str]:
    """(row, swap ends, reason when not mapped) for one relation given its end types."""
    kind, (a, b) = r["type"], ends
    if kind == "CommWith":
        if a != "Person" or b != "Person":
            return None, False, "not between two people"
        if not IN_PERSON.search(r["value"]) or REMOTE.search(r["value"]):
            return None, False, "not an in-person meeting by its words"
        return MET, False, ""
    if kind in ("InChargeOf", "BelongsTo"):
        for swap, (person, other) in ((False, (a, b)), (True, (b, a))):
            if person == "Person" and other in ("Organisation", "Location"):
                return HOLDS_POSITION, swap, ""
        return None, False, "no person with an organisation or country"
    if kind == "CoLocated":
        for swap, (person, other) in ((False, (a, b)), (True, (b, a))):
            if person == "Person" and other in ("Location", "Organisation"):
                if NOT_A_VISIT.search(r["value"]):
                    return None, False, "origin, death, capture or posting, not a stay"
                if PLANNED_WORDS.search(r["value"]):
                    return None, False, "planned (our VISITED and ATTENDED record only what happened)"
                return PRESENCE, swap, ""
        return None, False, "no person at a place"
    return None, False, ""


def build_gold(data: Re3d) -> GoldSet:
    gold = GoldSet(annotated={row: set() for row in ROWS})
    links = _synonyms(data)
    seen: set[tuple] = set()

    def sentence_of(doc: str, begin: int, end: int) -> tuple[int, int]:
        hits = [s for s in data.sentences.get(doc, []) if s[0] < end and begin < s[1]]
        return (min(s[0] for s in hits), max(s[1] for s in hits)) if hits else (begin, end)

    def name_of(span: Span, label: str, sentence: tuple[int, int]) -> tuple[str | None, str, str]:
        """(name, how it was found, reason when there is none)."""
        text = data.texts[span.doc][span.begin:span.end]
        reader = person_name if label == "Person" else place_or_org_name
        name, reason = reader(text)
        if name:
            return name, "", ""
        text_of = data.texts[span.doc]
        inner = [o for o in data.spans.get(span.doc, []) if o != span and span.begin <= o.begin and o.end <= span.end
                 and data.types.get(o) == label and data.agreement.get(o, 0) >= MIN_CONFIDENCE]
        for other in sorted(inner, key=lambda o: (o.begin - o.end, o.begin)):  # "Minister for the Middle East Tobias
            alt, _ = reader(text_of[other.begin:other.end])                    # Ellwood" holds "Tobias Ellwood"
            if alt:
                return alt, "", ""
        linked = []  # names the annotators marked IsSynonymOf this mention: in this sentence, then elsewhere
        for other in _reachable(span, links):  # "the Minister of Foreign Affairs of Iraq, HE Dr Ibrahim Al-Ja'afari"
            if (label == "Person") == (data.types.get(other) == "Person"):
                alt, _ = reader(text_of[other.begin:other.end])
                if alt:
                    linked.append((not (sentence[0] <= other.begin and other.end <= sentence[1]), alt))
        if linked and not min(linked)[0]:
            return min(linked)[1], "apposition", reason
        beside = []  # a name written right next to it: "The Foreign Secretary Boris Johnson", "the minister, X,"
        for other in data.spans.get(span.doc, []):
            if other == span or (label == "Person") != (data.types.get(other) == "Person"):
                continue
            apart = other.begin >= span.end or other.end <= span.begin
            if data.agreement.get(other, 0) < MIN_CONFIDENCE or not apart:
                continue
            between = text_of[span.end:other.begin] if other.begin >= span.end else text_of[other.end:span.begin]
            if len(between) <= 3 and not between.strip(" ,"):
                beside.append(other)
        for other in sorted(beside, key=lambda o: (o.begin - o.end, o.begin)):  # the longest name first
            alt, _ = reader(text_of[other.begin:other.end])
            if alt:
                return alt, "apposition", reason
        if linked:
            return linked[0][1], "coreference", reason
        return None, "", reason

    for r in data.relations:
        kind = r["type"]
        if not any(kind in kinds for kinds in SOURCES.values()):
            gold.unmapped[kind] += 1
            continue
        doc = r["documentId"]
        src = Span(doc, r["sourceBegin"], r["sourceEnd"])
        tgt = Span(doc, r["targetBegin"], r["targetEnd"])
        ends = (data.types.get(src, "?"), data.types.get(tgt, "?"))
        pieces = [(src.begin, src.end), (tgt.begin, tgt.end)]
        if r.get("value") and r.get("end", 0) > r.get("begin", 0):
            pieces.append((r["begin"], r["end"]))
        begin, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
        sentence = sentence_of(doc, begin, end)
        for row, kinds in SOURCES.items():
            if kind in kinds:
                gold.annotated[row].add((doc, *sentence))
        if r["confidence"] < MIN_CONFIDENCE:
            gold.excluded[(kind, f"annotator agreement below {MIN_CONFIDENCE}")] += 1
            continue
        if src == tgt:
            gold.excluded[(kind, "same mention at both ends")] += 1
            continue
        row, swap, reason = _map_type(r, ends)
        if row is None:
            gold.excluded[(kind, reason)] += 1
            if kind == "CommWith" and ends == ("Person", "Person"):
                gold.remote.append(r)
            continue
        if swap:
            src, tgt, ends = tgt, src, (ends[1], ends[0])
        src_name, src_via, src_why = name_of(src, ends[0], sentence)
        tgt_name, tgt_via, tgt_why = name_of(tgt, ends[1], sentence)
        if src_name is None or tgt_name is None:
            why = src_why if src_name is None else tgt_why
            gold.excluded[(row, f"an end is a {why} that annotators linked to no name")] += 1
            src_text, tgt_text = (data.texts[doc][x.begin:x.end] for x in (src, tgt))
            gold.left_out.append(Gold(row, doc, src_name or f"<{src_text}>", tgt_name or f"<{tgt_text}>", begin, end,
                                      r["value"], kind, "", sentence))
            continue
        via = "coreference" if "coreference" in (src_via, tgt_via) else (
            "apposition" if "apposition" in (src_via, tgt_via) else "")
        key_names = (fold(src_name), fold(tgt_name))
        key = (row, doc, sentence, frozenset(key_names) if row in SYMMETRIC_TYPES else key_names)
        if key in seen:
            gold.excluded[(row, "duplicate (same names in the same sentence, e.g. a MET annotated both ways)")] += 1
            continue
        seen.add(key)
        g = Gold(row, doc, src_name, tgt_name, begin, end, r["value"], kind, via, sentence)
        if via == "coreference":
            gold.excluded[(row, "an end is a role mention or pronoun named only elsewhere (coreference)")] += 1
            gold.coref.append(g)
        else:
            gold.scored.append(g)
    return gold


# --- system --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SysFact:
    row: str
    type: str
    doc: str
    source: str
    target: str
    start: int  # evidence sentence
    end: int
    sentence: str
    status: str | None
    place: str | None = None


def run_system(data: Re3d, settings: Settings):
    documents = [Document(doc_id, text, f"re3d/{data.folders[doc_id]}", data.titles.get(doc_id))
                 for doc_id, text in sorted(data.texts.items())]
    extractions, _ = extract_all(documents, settings, cache_dir=None)
    corpus = Resolver().run(extractions)
    _check_offsets(data, extractions, corpus)
    names = {e.id: e.name for e in corpus.entities}
    row_of = {t: row for row, types in ROWS.items() for t in types}
    facts, negated = [], 0
    for fact in corpus.facts:
        if fact.type not in row_of:
            continue
        if fact.type == MET and fact.status == NEGATED:
            negated += 1  # "did not meet": re3d never annotates these, so they are neither right nor wrong
            continue
        ev = fact.evidence
        facts.append(SysFact(row_of[fact.type], fact.type, ev.doc, names[fact.source], names[fact.target],
                             ev.start, ev.end, ev.sentence, fact.status, fact.place))
    return _dedupe(facts), negated, extractions


def person_name_recall(data: Re3d, extractions) -> tuple[int, int, list[str]]:
    """How many re3d Person mentions that are names our NER tags as a person (overlapping spans)."""
    people = {e.doc_id: [(m.start, m.end) for m in e.mentions if m.label == PERSON] for e in extractions}
    found, total, missed = 0, 0, []
    for span, label in sorted(data.types.items(), key=lambda kv: (kv[0].doc, kv[0].begin, kv[0].end)):
        if label != "Person" or data.agreement[span] < MIN_CONFIDENCE:
            continue
        name, _ = person_name(data.texts[span.doc][span.begin:span.end])
        if not name:
            continue
        total += 1
        if any(b < span.end and span.begin < e for b, e in people.get(span.doc, [])):
            found += 1
        else:
            missed.append(name)
    return found, total, missed


def _check_offsets(data: Re3d, extractions, corpus) -> None:
    """Our evidence and mention offsets are into the original text, the same text re3d's offsets use."""
    for extraction in extractions:
        text = data.texts[extraction.doc_id]
        for s in extraction.sentences:
            assert text[s.start:s.end] == s.text, (extraction.doc_id, s)
        for m in extraction.mentions:
            # a mention's text may be normalised ("U.S." -> "United States"), but its span lies in its sentence
            sentence = extraction.sentences[m.sentence]
            assert sentence.start <= m.start < m.end <= sentence.end, (extraction.doc_id, m)
    for fact in corpus.facts:
        ev = fact.evidence
        assert data.texts[ev.doc][ev.start:ev.end] == ev.sentence, (ev.doc, ev.start, ev.end)


def _dedupe(facts: list[SysFact]) -> list[SysFact]:
    """One fact per (row, names, sentence): a MET found both ways, or twice in a sentence, counts once."""
    out, seen = [], set()
    for f in sorted(facts, key=lambda f: (f.doc, f.start, f.row, f.type, f.source, f.target)):
        names = (fold(f.source), fold(f.target))
        key = (f.row, f.doc, f.start, frozenset(names) if f.row in SYMMETRIC_TYPES else names)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# --- scoring -------------------------------------------------------------------------------------


def matches(g: Gold, f: SysFact) -> bool:
    if g.row != f.row or g.doc != f.doc or not (f.start < g.sentence[1] and g.sentence[0] < f.end):
        return False
    if names_match(g.source, f.source) and names_match(g.target, f.target):
        return True
    return g.row in SYMMETRIC_TYPES and names_match(g.source, f.target) and names_match(g.target, f.source)


@dataclass
class Score:
    counts: dict[str, Counter]
    missed: list[Gold]
    wrong: list[SysFact]
    found_coref: list[Gold]
    found: list[Gold] = field(default_factory=list)
    met_place: list[Gold] = field(default_factory=list)  # missed VISITED* stated as the place of a MET fact


def score(gold: GoldSet, facts: list[SysFact]) -> Score:
    counts: dict[str, Counter] = {row: Counter() for row in ROWS}
    missed, wrong, found_coref, found, met_place = [], [], [], [], []
    for g in gold.scored:
        hit = any(matches(g, f) for f in facts)
        counts[g.row]["gold_found" if hit else "fn"] += 1
        counts[g.row]["gold"] += 1
        counts[g.row]["apposition"] += g.via == "apposition"
        (found if hit else missed).append(g)
        if not hit and g.row == PRESENCE and any(
                f.type == MET and f.place and f.doc == g.doc and f.start < g.sentence[1] and g.sentence[0] < f.end
                and names_match(g.target, f.place) and (names_match(g.source, f.source) or
                                                        names_match(g.source, f.target)) for f in facts):
            met_place.append(g)
    for g in gold.coref:
        hit = any(matches(g, f) for f in facts)
        counts[g.row]["coref"] += 1
        counts[g.row]["coref_found"] += hit
        if hit:
            found_coref.append(g)
    for f in facts:
        ok = any(matches(g, f) for g in gold.scored + gold.coref)
        counts[f.row]["sys"] += 1
        counts[f.row]["tp" if ok else "fp"] += 1
        if (f.doc, f.start, f.end) in gold.annotated[f.row] or any(
                d == f.doc and b < f.end and f.start < e for d, b, e in gold.annotated[f.row]):
            counts[f.row]["sys_annotated"] += 1
            counts[f.row]["tp_annotated"] += ok
        if not ok:
            wrong.append(f)
    return Score(counts, missed, wrong, found_coref, found, met_place)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def format_table(s: Score) -> str:
    rows = ["relation        precision  recall    F1 | sys  ok wrong | gold found miss | P(annot.)  recall+coref"]
    total = Counter()
    for row in ROWS:
        c = s.counts[row]
        total.update(c)
        rows.append(_row(row, c))
    rows.append(_row("all", total))
    return "\n".join(rows)


def _row(name: str, c: Counter) -> str:
    p = c["tp"] / c["sys"] if c["sys"] else 0.0
    r = c["gold_found"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    p_ann = f"{_ratio(c['tp_annotated'], c['sys_annotated'])} ({c['tp_annotated']}/{c['sys_annotated']})"
    r_all = _ratio(c["gold_found"] + c["coref_found"], c["gold"] + c["coref"])
    return (f"{name:<15} {p:9.2f} {r:7.2f} {f1:5.2f} | {c['sys']:3d} {c['tp']:3d} {c['fp']:5d} | "
            f"{c['gold']:4d} {c['gold_found']:5d} {c['fn']:4d} | {p_ann:<10} {r_all:>6} "
            f"({c['gold_found'] + c['coref_found']}/{c['gold'] + c['coref']})")


DEFINITIONS = f"""\
How re3d relations become gold facts (annotator agreement >= {MIN_CONFIDENCE} only):
  MET            CommWith between two Person mentions whose words state an in-person meeting
                 (met, meeting, talks, host, received, visit, welcomed, joined) and not a call or message
                 (called, phoned, spoke, told, wrote, letter, video, message); counted once per pair and sentence.
  HOLDS_POSITION InChargeOf or BelongsTo between a Person and an Organisation or country (either direction).
  VISITED*       CoLocated between a Person and a Location or Organisation, except origin/death/capture/posting
                 wording (from, of, died, killed, born, captured, posted, transferred...). It means "was at",
                 so our VISITED and ATTENDED facts are both scored against it.
Names: a gold end must be a name. A person end keeps its trailing capitalised words that are not titles or ranks
  ("Defense Secretary Ash Carter" -> "Ash Carter"); an organisation or place end must be capitalised
  ("the Syrian National Coalition"; "the Iraqi city of Mosul" -> "Mosul"). A role mention or pronoun takes the name
  it is IsSynonymOf-linked to when that name is in the same sentence (apposition); when the name is only elsewhere
  in the document (coreference) the relation is left out of recall and shown apart as "recall+coref".
A system fact is correct when a gold fact (name-ended or coreference) of its row has matching names (names_match
  from graphbuild.evaluate, either direction for MET) and the fact's evidence sentence overlaps the gold relation's
  sentence. Negated MET facts are not scored.
precision  = correct / ALL system facts of the row in the 88 documents (re3d is not exhaustive, so this is a floor);
P(annot.)  = the same over system facts in sentences where annotators marked a relation of the row's re3d types;
recall     = gold facts with a matching system fact / name-ended gold facts;
recall+coref = the same, counting gold facts whose ends are named only through coreference."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--re3d", type=Path, default=DEFAULT_RE3D, help="folder of the re3d sub-corpora")
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--errors", action="store_true", help="list every missed and wrong fact")
    args = parser.parse_args(argv)
    if not args.re3d.is_dir():
        print(f"re3d_eval: no such folder: {args.re3d}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    data = load_re3d(args.re3d)
    facts, negated, extractions = run_system(data, Settings(model=args.model, progress=False))
    gold = build_gold(data)
    result = score(gold, facts)
    words = sum(len(t.split()) for t in data.texts.values())
    print(f"re3d: {len(data.texts)} documents, {words} words, {len(data.relations)} relations "
          f"({time.perf_counter() - started:.1f}s)")
    print(DEFINITIONS.replace("the 88 documents", f"the {len(data.texts)} documents"))
    print()
    print(format_table(result))
    print(f"(negated MET facts not scored: {negated}; gold facts named by apposition: "
          f"{sum(c['apposition'] for c in result.counts.values())}; missed VISITED* facts that are the place "
          f"of a MET fact of that person: {len(result.met_place)})")
    found, total, unnamed = person_name_recall(data, extractions)
    print(f"(re3d Person mentions that are names and that our NER tags as a person: {found}/{total})")
    print()
    print("re3d relations left out:")
    for (kind, reason), n in sorted(gold.excluded.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        print(f"  {n:4d}  {kind:<15} {reason}")
    print("  re3d types with no counterpart: " + ", ".join(f"{k} {n}" for k, n in sorted(gold.unmapped.items())))
    if args.errors:
        print_errors(data, gold, result, unnamed)
    return 0


def _sentence(data: Re3d, doc: str, span: tuple[int, int]) -> str:
    return " ".join(data.texts[doc][span[0]:span[1]].split())


def print_errors(data: Re3d, gold: GoldSet, result: Score, unnamed: list[str]) -> None:
    print("\nFOUND (gold facts with a matching system fact):")
    for g in sorted(result.found, key=lambda g: (g.row, g.doc, g.begin)):
        via = f" [{g.via}]" if g.via else ""
        print(f"  FOUND  {g.row} {g.source} -> {g.target}{via} | {_sentence(data, g.doc, g.sentence)}")
    print("\nMISSED (gold facts with no matching system fact):")
    for g in sorted(result.missed, key=lambda g: (g.row, g.doc, g.begin)):
        via = f" [{g.via}]" if g.via else ""
        print(f"  MISSED {g.row} {g.source} -> {g.target} ({g.re3d_type} '{g.value}'){via} | "
              f"{_sentence(data, g.doc, g.sentence)}")
    print("\nWRONG (system facts with no matching gold fact):")
    for f in sorted(result.wrong, key=lambda f: (f.row, f.doc, f.start)):
        note = ""
        for r in gold.remote:
            a, b = person_name(r["source"])[0], person_name(r["target"])[0]
            if r["documentId"] == f.doc and f.type == MET and f.start <= r["begin"] < f.end and (
                    (names_match(a, f.source) and names_match(b, f.target)) or
                    (names_match(a, f.target) and names_match(b, f.source))):
                note = f" (re3d: CommWith '{r['value']}', not scored as a meeting)"
        status = f" [{f.status}]" if f.status else ""
        print(f"  WRONG  {f.type} {f.source} -> {f.target}{status}{note} | {' '.join(f.sentence.split())}")
    print("\nLEFT OUT (mapped relations with an end that is not a name):")
    for g in gold.left_out:
        print(f"  {g.row} {g.source} -> {g.target} ({g.re3d_type} '{g.value}') | {_sentence(data, g.doc, g.sentence)}")
    print("\nPERSON NAMES our NER does not tag as a person: " + "; ".join(unnamed))
    if result.found_coref:
        print("\nFOUND though named only through coreference (counted in recall+coref):")
        for g in result.found_coref:
            print(f"  {g.row} {g.source} -> {g.target} | {_sentence(data, g.doc, g.sentence)}")


if __name__ == "__main__":
    sys.exit(main())
