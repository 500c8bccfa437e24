"""The record being filled for one document: its sentences, entity mentions and relations.

Every offset is mapped back to the original article text here, so the record that leaves
extraction holds plain values only.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from spacy.tokens import Doc, Span, Token

from graphbuild import lexicon
from graphbuild.extract.names import is_suffix, strip_honorifics
from graphbuild.models import CleanDocument, DocExtraction, Mention, Relation, Sentence, TitleClaim
from graphbuild.schema import EVENT, LOCATION, ORGANIZATION, PERSON

ENTITY_LABELS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": LOCATION, "LOC": LOCATION, "FAC": LOCATION,
                 "EVENT": EVENT}
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_JUNK_NAME = re.compile(r"[/@\\|<>{}=_#]|https?:|www\.|\d{3,}")


class DocRecord:
    """Sentences and mentions of one parsed document, and the relations stated between them."""

    def __init__(self, clean: CleanDocument, doc: Doc) -> None:
        self.clean = clean
        self.doc = doc
        self.extraction = DocExtraction(doc_id=clean.id, date=clean.date)
        self.sentence_of_token: dict[int, int] = {}
        self.mention_of_token: dict[int, int] = {}
        self._derived: dict[tuple[int, int, str], int] = {}
        self.derived_people: list[tuple[Span, int]] = []  # names the NER missed, found where only a person fits
        self._add_sentences()
        self._add_mentions()

    @property
    def mentions(self) -> list[Mention]:
        return self.extraction.mentions

    def _add_sentences(self) -> None:
        for sent in self.doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = sent.start_char + lead
            o_start, o_end = self.clean.to_original(start, start + len(text))
            index = len(self.extraction.sentences)
            self.extraction.sentences.append(Sentence(shown_sentence(text, self.clean.original[o_start:o_end]),
                                                      o_start, o_end))
            for token in sent:
                self.sentence_of_token[token.i] = index

    def _add_mentions(self) -> None:
        for ent in self.doc.ents:
            label = ENTITY_LABELS.get(ent.label_)
            name = clean_name(ent.text, label) if label else None
            if not name or ent.root.i not in self.sentence_of_token:
                continue
            index = self._new_mention(name, label, ent.start_char, ent.end_char, ent.root.i)
            for token in ent:
                self.mention_of_token[token.i] = index

    def _new_mention(self, text: str, label: str, start_char: int, end_char: int, token_i: int) -> int:
        o_start, o_end = self.clean.to_original(start_char, end_char)
        self.mentions.append(Mention(text, label, o_start, o_end, self.sentence_of_token[token_i]))
        return len(self.mentions) - 1

    def derived_mention(self, text: str, label: str, span: Span | Token) -> int:
        """A mention named by other words than its own: "Russian" stands for Russia."""
        start, end = (span.idx, span.idx + len(span)) if isinstance(span, Token) else (span.start_char,
                                                                                          span.end_char)
        key = (start, end, text)
        if key not in self._derived:
            token_i = span.i if isinstance(span, Token) else span.root.i
            self._derived[key] = self._new_mention(text, label, start, end, token_i)
            if label == PERSON and isinstance(span, Span):
                self.derived_people.append((span, self._derived[key]))
        return self._derived[key]

    def mention_of(self, token: Token, labels: set[str]) -> int | None:
        index = self.mention_of_token.get(token.i)
        if index is not None and self.mentions[index].label in labels:
            return index
        return None

    def relate(self, rel_type: str, a: int, b: int, token: Token, **attributes) -> None:
        """Record that the sentence of ``token`` states ``rel_type`` between mentions ``a`` and ``b``."""
        if self._same_entity(a, b):
            return
        sentence = self.sentence_of_token[token.i]
        # An end named in another sentence ("He met B", "the Secretary met B"): keep where it is named.
        attributes["context"] = next((self.mentions[i].sentence for i in (a, b)
                                      if self.mentions[i].sentence != sentence), None)
        self.extraction.relations.append(
            Relation(rel_type, a, b, sentence, **{k: v for k, v in attributes.items() if v is not None and v != ""})
        )

    def add_title(self, mention: int, title: str) -> None:
        self.extraction.titles.append(TitleClaim(mention, title))

    def _same_entity(self, a: int, b: int) -> bool:
        ma, mb = self.mentions[a], self.mentions[b]
        if ma.label != mb.label:
            return False
        return ma.text == mb.text or ma.label == PERSON and spelling_variants(ma.text, mb.text)

    def result(self) -> DocExtraction:
        # Several rules may state one relation: keep the first of each (a dict, not a list scan: long articles).
        self.extraction.relations = list(dict.fromkeys(self.extraction.relations))
        return self.extraction


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one person's name: the same words but one, spelt alike ("Mohamed Salah Eddine" /
    "Mohammed Salah Eddine", "Sergey Shoygu" / "Sergei Shoigu" differ in two). Nobody meets themself.

    >>> spelling_variants("Mohamed Salah Eddine", "Mohammed Salah Eddine"), spelling_variants("Ana Ruiz", "Ana Ruiz")
    (True, True)
    >>> spelling_variants("Kim Jong Un", "Kim Jong Il"), spelling_variants("Dana Holt", "Dana Hall")
    (False, False)
    """
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) != len(wb) or len(wa) < 2:
        return a == b
    differing = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return all(len(x) >= 5 and SequenceMatcher(None, x, y).ratio() >= 0.8 for x, y in differing)


def clean_name(text: str, label: str | None) -> str | None:
    """The name an entity mention stands for, or None for scraping junk.

    >>> clean_name("the Russian Federation Security Council", "Organization")
    'Russian Federation Security Council'
    >>> clean_name("Gen. Li Shangfu's", "Person")
    'Li Shangfu'
    >>> clean_name("REUTERS/Stringer", "Organization") is None
    True
    """
    name = " ".join(text.split())
    name = _POSSESSIVE.sub("", name).strip(" \"'“”‘’()[],.;:-–—")
    name = _LEADING_THE.sub("", name)
    if label == PERSON:
        words = strip_honorifics(name).split()  # "Gen. X", "His Royal Highness Prince X", "Shri X"
        while len(words) > 1 and (words[-1].lower() in lexicon.CAPTION_WORDS or is_suffix(words[-1])):
            words.pop()  # "Markham Robinson Image: ..." in a photo caption; "Joseph R. Biden, Jr."
        name = " ".join(words).rstrip(",")
        if any(ch.isdigit() for ch in name) or name.lower() in lexicon.HONORIFICS or is_suffix(name):
            return None
    if not name or not any(ch.isalpha() for ch in name) or _JUNK_NAME.search(name):
        return None
    if len(name.split()) == 1 and is_suffix(name):
        return None  # "Jr" cut off "Joseph R. Biden, Jr." by the NER
    if len(name.split()) > 7 or not (name[0].isupper() or name[0].isdigit()):
        return None
    if label in (LOCATION, ORGANIZATION):
        lowered = " ".join(text.split()).lower().removeprefix("the ").rstrip(",;:")
        alias = lexicon.NAME_ALIASES.get(lowered) or lexicon.NAME_ALIASES.get(name.lower())
        if alias:
            return alias
        if _is_adjective_form(lowered) or name.lower() in lexicon.PORTFOLIOS:
            return None  # "Ukrainian", "Defense": an adjective or a ministry's portfolio, not a name
    return name


def _is_adjective_form(lowered: str) -> bool:
    """ "ukrainian" names Ukraine only as an adjective; "nato" and "new zealand" are names themselves."""
    country = lexicon.DEMONYMS.get(lowered)
    return country is not None and country.lower() != lowered


def shown_sentence(cleaned: str, original: str) -> str:
    """The sentence as evidence shows it: the cleaned text when it is the original with glued words split
    ("Belousovmet" -> "Belousov met": only spaces differ), else the original text. The offsets always
    point into the original.

    >>> shown_sentence("Andrei Belousov met Zhang.", "Andrei Belousovmet Zhang.")
    'Andrei Belousov met Zhang.'
    >>> shown_sentence("Talks ended.", "Talks  ended  (Reuters).")
    'Talks  ended  (Reuters).'
    """
    if cleaned != original and "".join(cleaned.split()) == "".join(original.split()):
        return cleaned
    return original

