"""Extraction: apply the rules of :mod:`graphbuild.patterns` to a parsed document.

Input is a cleaned document and its spaCy ``Doc``; output is a plain
:class:`~graphbuild.models.DocExtraction` (sentences, entity mentions, relations, titles),
with every offset mapped back to the original article text. Nothing spaCy leaves this module.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from graphbuild import lexicon, patterns
from graphbuild.dates import normalize_date
from graphbuild.models import (
    EVENT,
    HOLDS_POSITION,
    LOCATION,
    MET,
    NEGATED,
    OCCURRED,
    ORGANIZATION,
    PERSON,
    PLANNED,
    VISITED,
    CleanDocument,
    DocExtraction,
    Mention,
    Relation,
    Sentence,
    TitleClaim,
)
from graphbuild.titles import PostFinder

ENTITY_LABELS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": LOCATION, "LOC": LOCATION, "FAC": LOCATION,
                 "EVENT": EVENT}
PLACE_LABELS = {LOCATION, ORGANIZATION}
EVENT_LABELS = {EVENT, ORGANIZATION}
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_JUNK_NAME = re.compile(r"[/@\\|<>{}=_#]|https?:|www\.|\d{3,}")


@dataclass
class _Slots:
    """Tokens bound by the rules that matched one trigger."""

    relation: str
    trigger: Token
    verb: Token | None = None
    names: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))


class Extractor:
    """Turns one parsed document into a :class:`DocExtraction`."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = DependencyMatcher(nlp.vocab, validate=True)
        for relation, name, pattern in patterns.RULES:
            self.matcher.add(f"{relation}|{name}", [pattern])

    def run(self, clean: CleanDocument, doc: Doc) -> DocExtraction:
        state = _DocState(clean, doc)
        for slots in self._match(doc):
            state.add_relations(slots)
        finder = state.post_finder()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and state.mention_of(ent.root, {PERSON}) is not None:
                state.add_titles(ent, finder)
        return state.result()

    def _matches(self, doc: Doc):
        """Dependency matches, in doc token indices, from the sentences holding a trigger word only.

        Most sentences hold none; matching sentence by sentence keeps the matcher's cost there.
        """
        for sent in doc.sents:
            if not patterns.may_match({t.lower_ for t in sent}):
                continue
            for match_id, token_ids in self.matcher(sent.as_doc()):
                yield match_id, [sent.start + i for i in token_ids]

    def _match(self, doc: Doc) -> list[_Slots]:
        grouped: dict[tuple[str, int], _Slots] = {}
        for match_id, token_ids in self._matches(doc):
            relation, rule = doc.vocab.strings[match_id].split("|", 1)
            names = [node["RIGHT_ID"] for node in self.matcher.get(match_id)[1][0]]
            bound = dict(zip(names, token_ids, strict=True))
            trigger = doc[bound["trigger"]]
            slots = grouped.setdefault((relation, trigger.i), _Slots(relation, trigger))
            if "verb" in bound:
                slots.verb = doc[bound["verb"]]
            for name, i in bound.items():
                slots.names[name].add(i)
        for slots in grouped.values():
            subjects = slots.names.get("subject")
            if subjects and all(doc[i].dep_ == "poss" and doc[i].tag_ == "PRP$" for i in subjects):
                # "During his visit to Kyiv, A met B": "his" is A, the subject of the clause.
                inherited = {t.i for t in inherited_subjects(slots.verb or slots.trigger)}
                if inherited:
                    slots.names["subject"] = inherited
            if not slots.names.get("subject"):
                slots.names["subject"].update(t.i for t in inherited_subjects(slots.verb or slots.trigger))
        return [grouped[key] for key in sorted(grouped)]


class _DocState:
    """Mentions and relations of one document while they are being collected."""

    def __init__(self, clean: CleanDocument, doc: Doc) -> None:
        self.clean = clean
        self.doc = doc
        self.extraction = DocExtraction(doc_id=clean.id, date=clean.date)
        self.sentence_of_token: dict[int, int] = {}
        self.mention_of_token: dict[int, int] = {}
        self.extra_mentions: dict[tuple[int, int, str], int] = {}
        self._add_sentences()
        self._add_mentions()

    # --- sentences and mentions -----------------------------------------------------------
    def _add_sentences(self) -> None:
        for sent in self.doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = sent.start_char + lead
            o_start, o_end = self.clean.to_original(start, start + len(text))
            index = len(self.extraction.sentences)
            self.extraction.sentences.append(Sentence(self.clean.original[o_start:o_end], o_start, o_end))
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
        self.extraction.mentions.append(Mention(text, label, o_start, o_end, self.sentence_of_token[token_i]))
        return len(self.extraction.mentions) - 1

    def derived_mention(self, text: str, label: str, span: Span | Token) -> int:
        """A mention named by other words than its own: "Russian" stands for Russia."""
        start, end = (span.idx, span.idx + len(span)) if isinstance(span, Token) else (span.start_char,
                                                                                          span.end_char)
        key = (start, end, text)
        if key not in self.extra_mentions:
            token_i = span.i if isinstance(span, Token) else span.root.i
            self.extra_mentions[key] = self._new_mention(text, label, start, end, token_i)
        return self.extra_mentions[key]

    def mention_of(self, token: Token, labels: set[str]) -> int | None:
        index = self.mention_of_token.get(token.i)
        if index is not None and self.extraction.mentions[index].label in labels:
            return index
        return None

    def result(self) -> DocExtraction:
        unique = []
        for relation in self.extraction.relations:
            if relation not in unique:
                unique.append(relation)
        self.extraction.relations = unique
        return self.extraction

    # --- relations ------------------------------------------------------------------------
    def add_relations(self, slots: _Slots) -> None:
        if slots.relation == MET:
            pairs = self._meeting_pairs(slots)
            status = meeting_status(slots.trigger, slots.verb)
            if not pairs or _is_remote(slots.trigger, slots.verb):
                return
            anchor = slots.verb or slots.trigger
            date, place = self._date(anchor, slots), self._place(anchor, slots)
            for a, b in pairs:
                self._relate(MET, a, b, slots.trigger, status=status, date=date, place=place)
        else:
            self._add_directed(slots)

    def _add_directed(self, slots: _Slots) -> None:
        subjects = self._people(slots.names.get("subject", ()))
        if not subjects or _negated_or_planned(slots.verb or slots.trigger):
            return
        if slots.relation == VISITED:
            targets = self._places(slots.names.get("object", ()))
        else:
            targets = self._events(slots.names.get("object", ()))
        date = self._date(slots.verb or slots.trigger, slots)
        for subject in subjects:
            for target in targets:
                self._relate(slots.relation, subject, target, slots.trigger, date=date)

    def _meeting_pairs(self, slots: _Slots) -> list[tuple[int, int]]:
        subjects = self._people(slots.names.get("subject", ()))
        if slots.names.get("object"):
            tokens = set(slots.names["object"])
            direct = {i for i in tokens if self.doc[i].dep_ in patterns.OBJECT_DEPS}
            if any(not self._people([i]) for i in direct):
                tokens -= direct  # "received the nomination ... Perkins": a thing received is no meeting
            objects = self._people(tokens)
            return [(s, o) for s in subjects for o in objects if s != o]
        if slots.names.get("between"):
            return _all_pairs(self._people(slots.names["between"]))
        if _mutual(slots):
            return _all_pairs(subjects)
        return []

    def _relate(self, rel_type: str, a: int, b: int, trigger: Token, **attributes) -> None:
        if self._same_entity(a, b):
            return
        self.extraction.relations.append(
            Relation(rel_type, a, b, self.sentence_of_token[trigger.i],
                     **{k: v for k, v in attributes.items() if v})
        )

    def _same_entity(self, a: int, b: int) -> bool:
        ma, mb = self.extraction.mentions[a], self.extraction.mentions[b]
        return ma.text == mb.text and ma.label == mb.label

    # --- slot expansion -------------------------------------------------------------------
    def _people(self, token_ids) -> list[int]:
        found: list[int] = []
        for i in sorted(token_ids):
            for token in _coordinated(_relative_antecedent(self.doc[i])):
                index = self.mention_of(token, {PERSON})
                if index is None and token.lower_ in lexicon.ROLE_NOUNS:
                    found += [i for i in self._apposed_people(token) if i not in found]
                    continue
                if index is None:
                    index = self._untagged_name(token)
                if index is None:
                    index = self._antecedent(token)
                if index is not None and index not in found:
                    found.append(index)
        return found

    def _antecedent(self, pronoun: Token) -> int | None:
        """"Xi Jinping arrived in Moscow. He met ...": a subject "he"/"she" stands for the one person
        named in this sentence or the one before, if that person is a subject there too. With two or
        more people in view, or the one in view not a subject, it stays unresolved."""
        if not ((pronoun.lower_ in lexicon.PERSONAL_PRONOUNS and pronoun.dep_ in patterns.SUBJECT_DEPS)
                or (pronoun.lower_ in lexicon.POSSESSIVE_PRONOUNS and pronoun.dep_ == "poss")):
            return None
        sentence = self.sentence_of_token[pronoun.i]
        people: dict[str, int] = {}
        subjects: set[str] = set()
        for i in range(pronoun.i - 1, -1, -1):
            if self.sentence_of_token.get(i, sentence) < sentence - 1:
                break
            index = self.mention_of(self.doc[i], {PERSON})
            if index is not None:
                family_name = self.extraction.mentions[index].text.split()[-1]
                people.setdefault(family_name, index)  # the nearest mention of each person
                if self.doc[i].dep_ in patterns.SUBJECT_DEPS:
                    subjects.add(family_name)
        if len(people) != 1 or not subjects:
            return None
        return next(iter(people.values()))

    def _untagged_name(self, token: Token) -> int | None:
        """A two- or three-word proper name the NER missed, standing where only a person can meet."""
        if token.ent_type_ or token.tag_ != "NNP" or not token.is_title:
            return None
        words = [token]
        for left in reversed(list(token.lefts)):
            if (left.i == words[0].i - 1 and left.dep_ == "compound" and left.tag_ == "NNP" and left.is_title
                    and not left.ent_type_):
                words.insert(0, left)
        if not 2 <= len(words) <= 3 or any(w.lower_ in lexicon.HONORIFICS for w in words):
            return None
        span = token.doc[words[0].i : token.i + 1]
        return self.derived_mention(span.text, PERSON, span)

    def _apposed_people(self, token: Token) -> list[int]:
        """"his counterpart, Dong Zhuo", "their counterparts, A and B": role nouns named by apposition."""
        found = []
        apposed = [c for c in token.children if c.dep_ == "appos"]
        if not apposed and token.dep_ == "conj":
            # "A and his counterparts, B and C": parsers hang the names on the first conjunct, A.
            apposed = [c for c in token.head.children if c.dep_ == "appos" and c.i > token.i]
        if not apposed:
            # "The head of the IAEA, Rafael Grossi, ...": or on the organisation the role belongs to.
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for org in prep.children:
                        if org.dep_ == "pobj" and self.mention_of(org, {PERSON}) is None:
                            apposed += [c for c in org.children if c.dep_ == "appos"]
        for child in apposed:
            for name in [child, *child.conjuncts]:
                index = self.mention_of(name, {PERSON})
                if index is not None and index not in found:
                    found.append(index)
        return found

    def _places(self, token_ids) -> list[int]:
        found: list[int] = []
        for i in sorted(token_ids):
            for token in _coordinated(self.doc[i]):
                index = self.mention_of(token, PLACE_LABELS)
                if index is None:  # mention 0 is a place too: no "or" on indices
                    index = self._place_through_of(token)
                if index is not None and index not in found:
                    found.append(index)
        return found

    def _place_through_of(self, token: Token) -> int | None:
        """"the southern city of Zhuhai": a common noun named by its "of" phrase or apposition."""
        for child in token.children:
            if child.dep_ == "appos":
                index = self.mention_of(child, PLACE_LABELS)
                if index is not None:
                    return index
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and token.lower_ in {"city", "town", "village", "capital",
                                                                      "province", "region", "state",
                                                                      "country", "island", "port"}:
                        return self.mention_of(grandchild, {LOCATION})
        return None

    def _events(self, token_ids) -> list[int]:
        found: list[int] = []
        for i in sorted(token_ids):
            token = self.doc[i]
            index = self.mention_of(token, EVENT_LABELS)
            # What one attends is an event: any common noun named by proper nouns ("the NASA-SpaceX launch").
            if index is None and (token.lower_ in patterns.EVENT_NOUNS or token.tag_ in ("NN", "NNS")):
                index = self._named_event(token)
            if index is not None and index not in found:
                found.append(index)
        return found

    def _named_event(self, head: Token) -> int | None:
        """"the BRICS summit": an event noun with a proper-noun modifier is a named event."""
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod")]
        # Leading plain adjectives ("the joint ... launch") are not part of the name.
        while modifiers and not any(t.tag_ in ("NNP", "NNPS", "CD") for t in modifiers[0].subtree):
            modifiers.pop(0)
        if any(t.tag_ in ("NNP", "NNPS") for m in modifiers for t in m.subtree):
            span = self.doc[modifiers[0].left_edge.i : head.i + 1]
            name = clean_name(span.text, EVENT)
            if name:
                return self.derived_mention(name, EVENT, span)
        for child in head.children:  # "the summit of the Shanghai Cooperation Organisation"
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return self.mention_of(grandchild, EVENT_LABELS)
        return None

    def _place(self, anchor: Token, slots: _Slots) -> str | None:
        """Where a meeting took place: an "in/at" phrase on the trigger or its participants."""
        candidates = [anchor, slots.trigger] + [self.doc[i] for i in sorted(slots.names.get("object", ()))]
        for token in candidates:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            index = self.mention_of(pobj, {LOCATION})
                            if index is None:
                                index = self._place_through_of(pobj)
                            if index is not None:
                                return self.extraction.mentions[index].text
        return None

    def _date(self, anchor: Token, slots: _Slots) -> str | None:
        """When: a DATE entity attached to the trigger (directly or through a preposition)."""
        heads = {anchor.i, slots.trigger.i}
        for ent in self.doc.ents:
            if ent.label_ != "DATE":
                continue
            root = ent.root
            attached = root.head.i in heads or (root.head.dep_ == "prep" and root.head.head.i in heads)
            if attached:
                date = normalize_date(ent.text, self.clean.date)
                if date:
                    return date
        return None

    # --- titles and posts -----------------------------------------------------------------
    def add_titles(self, ent: Span, finder: PostFinder) -> None:
        person = self.mention_of(ent.root, {PERSON})
        for post in finder.run(ent):
            if post.former:
                continue  # a post no longer held is neither a title nor a position
            title = normalize_title(post.title)
            self.extraction.titles.append(TitleClaim(person, title))
            if post.org is not None:
                self._relate(HOLDS_POSITION, person, post.org, ent.root, title=title)

    def post_finder(self) -> PostFinder:
        return PostFinder(
            lambda token: self.mention_of(token, {ORGANIZATION, LOCATION}),
            lambda country, token: self.derived_mention(country, LOCATION, token),
            lambda index: self.extraction.mentions[index].label == LOCATION,
            lambda span: self.derived_mention(span.text, ORGANIZATION, span),
        )


def _coordinated(token: Token) -> list[Token]:
    """The token, its conjuncts, and names coordinated through a mis-parsed "A and B" (nmod with cc)."""
    tokens = [token, *token.conjuncts]
    for child in token.children:
        if child.dep_ in ("nmod", "compound", "npadvmod") and any(c.dep_ == "cc" for c in child.children):
            tokens += [child, *child.conjuncts]
    return sorted(set(tokens), key=lambda t: t.i)


def _relative_antecedent(token: Token) -> Token:
    """ "A, who visited Kyiv, ...": the relative pronoun stands for the noun its clause describes."""
    if token.lower_ in ("who", "that") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def inherited_subjects(head: Token) -> list[Token]:
    """The subject a trigger shares with the clause it hangs from.

    "Putin arrived in Beijing and met Xi" (conjunct), "started the month visiting Kenosha"
    (participle), "Zelensky said in a meeting with Honcharuk" (a trigger noun inside a time or
    place phrase of the verb), "After visiting Kyiv, Scholz said" (a participle after a time word).
    """
    token = head
    for _ in range(4):
        if token.dep_ in ("xcomp", "advcl", "conj", "pcomp") and token.tag_.startswith("VB"):
            token = token.head
        elif token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ in ("dobj", "npadvmod"):
            token = token.head.head  # "started the month visiting Kenosha"
        elif token.dep_ == "pobj" and token.head.lower_ in patterns.SITUATING_PREPOSITIONS:
            token = token.head.head
        elif token.dep_ in ("prep", "advmod") and token.lower_ in patterns.TIME_PREPOSITIONS:
            token = token.head  # "After visiting Kyiv, A said ..."
        elif token.dep_ == "npadvmod" and token.tag_.startswith("NN"):
            token = token.head  # "A fell ill [days] after traveling to X"
        else:
            return []
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    return []


def _all_pairs(items: list[int]) -> list[tuple[int, int]]:
    return [(a, b) for n, a in enumerate(items) for b in items[n + 1 :]]


def _mutual(slots: _Slots) -> bool:
    """"A and B met" states a meeting between the subjects; "A and B hosted X" does not."""
    if slots.trigger.lower_ in patterns.MEET_VERBS and slots.trigger.tag_.startswith("VB"):
        return True
    if slots.trigger.lower_ in patterns.GATHER_VERBS:  # "gathered signatures" is no meeting
        return not any(c.dep_ in patterns.OBJECT_DEPS for c in slots.trigger.children)
    return slots.verb is not None and slots.verb.lower_ in patterns.MUTUAL_SUPPORT_VERBS


def _is_remote(trigger: Token, verb: Token | None) -> bool:
    for token in (trigger, verb):
        if token is None:
            continue
        for child in token.children:
            if child.lower_ in patterns.REMOTE_MODIFIERS:
                return True
            if child.dep_ == "prep" and child.lower_ in ("by", "via", "over") and any(
                    g.lower_ in patterns.REMOTE_MODIFIERS for g in child.subtree):
                return True
    return False


def _governors(token: Token) -> list[Token]:
    """The token and the verbs/adjectives it complements: "agreed to meet", "is expected to meet"."""
    chain = [token]
    while chain[-1].dep_ in ("xcomp", "ccomp", "acomp", "pcomp") and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def meeting_status(trigger: Token, verb: Token | None) -> str:
    """occurred, planned or negated, from negation, modals, governing verbs and noun modifiers."""
    head = verb or trigger
    chain = _governors(head)
    for n, token in enumerate(chain):
        children = list(token.children)
        if any(c.dep_ == "neg" or c.lower_ in patterns.NEGATION_WORDS and c.dep_ in ("neg", "advmod", "det")
               for c in children):
            return NEGATED
        if n and token.lower_ in patterns.NEGATING_GOVERNORS:
            return NEGATED
    if trigger.tag_.startswith("NN") and any(
        c.lower_ in patterns.NEGATION_WORDS for c in trigger.children if c.dep_ in ("det", "neg")
    ):
        return NEGATED
    for n, token in enumerate(chain):
        children = list(token.children)
        if any(c.dep_ == "aux" and c.lower_ in patterns.PLANNED_AUX for c in children):
            return PLANNED
        if any(c.dep_ == "mark" and c.lower_ in patterns.CONDITIONAL_MARKS for c in children):
            return PLANNED
        if n and token.lower_ in patterns.PLANNED_GOVERNORS:
            return PLANNED
        if n and token.lower_ in patterns.BE_VERBS and any(c.dep_ == "aux" and c.lower_ == "to"
                                                           for c in chain[n - 1].children):
            return PLANNED  # "is to meet"
    if trigger.tag_.startswith("NN") and any(c.lower_ in patterns.PLANNED_NOUN_MODIFIERS
                                             for c in trigger.children):
        return PLANNED
    if head.dep_ == "relcl" and any(c.lower_ in patterns.PLANNED_AUX for c in head.children):
        return PLANNED
    return OCCURRED


def _negated_or_planned(token: Token) -> bool:
    """VISITED and ATTENDED are only recorded when they happened."""
    return meeting_status(token, None) != OCCURRED


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
        words = name.split()
        while len(words) > 1 and words[0].lower() in lexicon.HONORIFICS:
            words.pop(0)
        while len(words) > 1 and words[-1].lower() in lexicon.CAPTION_WORDS:
            words.pop()  # "Markham Robinson Image: ..." in a photo caption
        name = " ".join(words)
        if any(ch.isdigit() for ch in name) or name.lower() in lexicon.HONORIFICS:
            return None
    if not name or not any(ch.isalpha() for ch in name) or _JUNK_NAME.search(name):
        return None
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


def normalize_title(title: str) -> str:
    """Spell out abbreviated titles and make plurals singular ("Presidents" -> "President")."""
    words = title.split()
    words = [lexicon.TITLE_EXPANSIONS.get(w.lower(), w) for w in words]
    last = words[-1]
    if last.lower().endswith("s") and last[:-1].lower() in lexicon.TITLE_HEADS and len(last) > 3:
        words[-1] = last[:-1]
    return " ".join(words)
