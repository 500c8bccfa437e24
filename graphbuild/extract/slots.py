"""Slot expansion: from the tokens a rule bound to the mentions they stand for.

A slot token may stand for several entities (coordination, apposition, "his counterparts, B
and C"), for a name the NER missed, or for a person named just before (a pronoun).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token
from wordfreq import zipf_frequency

from graphbuild import lexicon
from graphbuild.extract.mentions import DocRecord, clean_name
from graphbuild.extract.nlp import known_places
from graphbuild.extract.pronouns import antecedent
from graphbuild.extract.roles import GROUP_NOUNS, RoleReader
from graphbuild.extract.syntax import coordinated, relative_antecedent
from graphbuild.lexicon.triggers import EVENT_NOUNS
from graphbuild.schema import EVENT, LOCATION, ORGANIZATION, PERSON

PLACE_LABELS = {LOCATION, ORGANIZATION}
EVENT_LABELS = {EVENT, ORGANIZATION}
PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "state", "country", "island", "port"}


class SlotReader:
    """Reads the people, places and events a rule's slot tokens name."""

    def __init__(self, record: DocRecord) -> None:
        self.record = record
        self.doc = record.doc
        self.roles = RoleReader(record)

    def people(self, token_ids: Iterable[int]) -> list[int]:
        found: list[int] = []
        for i in sorted(token_ids):
            for token in coordinated(relative_antecedent(self.doc[i])):
                index = self.record.mention_of(token, {PERSON})
                two = token.tag_ == "NNS" and any(c.lower_ in ("two", "both") for c in token.children)  # "the two men"
                if index is None and (token.lower_ in lexicon.ROLE_NOUNS or token.lower_ in GROUP_NOUNS or two):
                    named = self._apposed_people(token) or self.roles.pair(token)
                    if not named and (role := self.roles.person(token)) is not None:
                        named = [role]  # "the Secretary", "the delegation": the one person who fits
                    found += [i for i in named if i not in found]
                    continue
                if index is None:
                    index = self._untagged_name(token)
                if index is None:
                    index = self.family_name(token)
                if index is None:
                    index = antecedent(self.record, token)
                if index is not None and index not in found:
                    found.append(index)
        return found

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
        name = clean_name(span.text, PERSON)
        return self.record.derived_mention(name, PERSON, span) if name else None

    def family_name(self, token: Token, tagged: bool = False) -> int | None:
        """"Bob Work arrived. Work met B": a capitalised word the NER left untagged (or took for a common noun)
        that is the family name of exactly one person named by a full name before in the document."""
        if token.ent_type_ and not tagged or not token.is_title or token.lower_ in lexicon.ROLE_NOUNS:
            return None
        sentence = self.record.sentence_of_token.get(token.i)
        fits = {m.text: i for i, m in enumerate(self.record.mentions)
                if m.label == PERSON and m.sentence <= sentence and len(m.text.split()) >= 2
                and m.text.split()[-1] == token.text}
        if len(fits) != 1:
            return None
        name, _ = fits.popitem()
        return self.record.derived_mention(name, PERSON, token)

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
                        if org.dep_ == "pobj" and self.record.mention_of(org, {PERSON}) is None:
                            apposed += [c for c in org.children if c.dep_ == "appos"]
        for child in apposed:
            for name in [child, *child.conjuncts]:
                index = self.record.mention_of(name, {PERSON})
                if index is not None and index not in found:
                    found.append(index)
        return found

    def places(self, token_ids: Iterable[int]) -> list[int]:
        found: list[int] = []
        for i in sorted(token_ids):
            for token in coordinated(self.doc[i]):
                index = self.record.mention_of(token, PLACE_LABELS)
                if index is None:  # mention 0 is a place too: no "or" on indices
                    index = self.place_through_of(token)
                if index is not None and index not in found:
                    found.append(index)
        return found

    def place_through_of(self, token: Token) -> int | None:
        """"the southern city of Zhuhai": a common noun named by its "of" phrase or apposition."""
        for child in token.children:
            if child.dep_ == "appos":
                index = self.record.mention_of(child, PLACE_LABELS)
                if index is not None:
                    return index
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and token.lower_ in PLACE_NOUNS:
                        return self.record.mention_of(grandchild, {LOCATION})
        return None

    def events(self, token_ids: Iterable[int]) -> list[int]:
        found: list[int] = []
        for i in sorted(token_ids):
            token = self.doc[i]
            index = self.record.mention_of(token, EVENT_LABELS)
            # What one attends is an event: any common noun named by proper nouns ("the NASA-SpaceX launch").
            if index is None and (token.lower_ in EVENT_NOUNS or token.tag_ in ("NN", "NNS")):
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
                return self.record.derived_mention(name, EVENT, span)
        for child in head.children:  # "the summit of the Shanghai Cooperation Organisation"
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return self.record.mention_of(grandchild, EVENT_LABELS)
        return None


# Words that end a list of participants read left to right: "met with A, B of X, and C to discuss ...".
LIST_STOPS = {"to", "for", "on", "at", "in", "during", "about", "who", "whom", "which", "where", "that", "when",
              "while", "after", "before", "following", "regarding", "concerning", "amid", "over", "under", ";", ":",
              "--", "—", "–", ".", "!", "?", "said", "says", "told"}
# Words that may stand between a meeting verb and "with": "met today in Kuwait City with A".
MAX_GAP_BEFORE_WITH = 12
MAX_LIST_TOKENS = 90


def participants_after(record: DocRecord, start: int, end: int) -> list[list[int]]:
    """People listed from token ``start`` on: names with their titles, "of X" phrases, commas, "and",
    parentheses, up to a verb or a word that starts another phrase. "; with ..." starts another group:
    "met with A and B; with C; and with D" are three meetings."""
    doc = record.doc
    groups: list[list[int]] = [[]]
    seen: set[int] = set()
    i, depth = start, 0
    while i < min(end, start + MAX_LIST_TOKENS):
        token = doc[i]
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            with_at = next((t.i for t in doc[i + 1 : i + 3] if t.lower_ == "with"), None) if token.text == ";" else None
            if with_at is not None:
                groups.append([])
                i = with_at + 1
                continue
            if _ends_list(token) or _starts_clause(token):
                resume = _and_with_after(token, min(end, start + MAX_LIST_TOKENS))
                if resume is None:
                    break
                groups.append([])  # "talks with A for an hour and with B over lunch": another meeting
                i = resume
                continue
            if i > start and (token.lower_ == "with" or token.lower_ in ("later", "then", "also")):
                groups.append([])  # "met with A in X and later with B": two meetings
                i += 1
                continue
        index = record.mention_of(token, {PERSON})
        if index is None:
            index = person_tagged_as_organisation(record, token)
        if index is None and depth == 0:
            index = _name_ending_a_titled_item(record, token)
        if index is not None and not _possessive(record, token) and not _related_to(token) and index not in seen:
            seen.add(index)
            groups[-1].append(index)
        i += 1
    return [group for group in groups if group]


def _related_to(token: Token) -> bool:
    """"met with Marina Ivanova, the widow of Pavel Ivanov": a person named only to describe another (after
    a common noun and "of"/"for") is no participant; "President of Ghana" has a capitalised title before."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1  # the first word of the name
    return (start >= 2 and doc[start - 1].lower_ in ("of", "for") and doc[start - 2].is_lower
            and doc[start - 2].is_alpha)


RARE_WORD_ZIPF = 3.0  # a word this rare in English is most likely a name


def person_tagged_as_organisation(record: DocRecord, token: Token) -> int | None:
    """In a list of people, "Nikos Christodoulides" tagged ORG: two or three capitalised words, every one rare in
    English, are a person's name (organisations and places have common words: Council, Bank, Republic)."""
    index = record.mention_of(token, {ORGANIZATION, LOCATION})
    if index is None:
        return None
    mention = record.mentions[index]
    words = mention.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return None
    if any(zipf_frequency(w.lower(), "en") >= RARE_WORD_ZIPF for w in words) or mention.text in known_places():
        return None
    record.mentions[index] = replace(mention, label=PERSON)
    return index


def _name_ending_a_titled_item(record: DocRecord, token: Token) -> int | None:
    """ "Head of the Office of the President of Ukraine Andriy Yermak,": two or three capitalised words the NER
    left untagged at the end of a list item, after a title or a place, at least one of them a rare word."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and not (after.text in (",", ";", ".", ")") or after.lower_ in ("and", "to", "in", "on")):
        return None
    words = []
    i = token.i
    while i >= 0 and len(words) < 4 and doc[i].tag_ == "NNP" and doc[i].is_title and not doc[i].ent_type_:
        words.insert(0, doc[i])
        i -= 1
    if not 2 <= len(words) <= 3 or i < 0:
        return None
    before = doc[i]
    if not (before.ent_type_ in ("GPE", "ORG", "NORP") or before.lower_ in lexicon.TITLE_HEADS):
        return None
    if any(w.lower_ in lexicon.TITLE_WORDS_ANY or w.lower_ in lexicon.HONORIFICS for w in words):
        return None
    if not any(zipf_frequency(w.lower_, "en") < RARE_WORD_ZIPF for w in words):
        return None
    span = doc[words[0].i : token.i + 1]
    name = clean_name(span.text, PERSON)
    return record.derived_mention(name, PERSON, span) if name else None


_ADJUNCT_STOPS = {"for", "over", "at", "in", "on", "during", "before", "after"}


def _and_with_after(token: Token, end: int) -> int | None:
    """After an adjunct that ended a list ("for an hour"), where "and with" starts the next list, if it does
    before any verb: "held talks with A for an hour and with B over lunch"."""
    if token.lower_ not in _ADJUNCT_STOPS:
        return None
    doc = token.doc
    for i in range(token.i + 1, min(end, len(doc)) - 1):
        if doc[i].tag_.startswith("VB") or doc[i].lower_ in (";", ".", "to", "who", "which", "that"):
            return None
        if doc[i].lower_ == "and" and doc[i + 1].lower_ == "with":
            return i + 2
    return None


def _starts_clause(token: Token) -> bool:
    """"In a summary of A's meeting with B, C said ...": C, the subject of a verb after it, starts another clause."""
    if token.i == 0 or token.nbor(-1).text != ",":
        return False
    while token.dep_ == "compound" and token.head.i > token.i and token.head.ent_type_ == token.ent_type_:
        token = token.head  # "Sam [Ortiz]"
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.i > token.i and token.head.tag_.startswith("VB")


def _ends_list(token: Token) -> bool:
    if token.lower_ == "for" and token.i and token.nbor(-1).is_title and token.nbor(-1).lower_ in lexicon.TITLE_HEADS:
        return False  # "Minister for Foreign Affairs": part of a title
    if 0 < token.i < len(token.doc) - 1 and token.nbor(-1).text == "-" and token.nbor(1).text == "-":
        return False  # "Commander-in-Chief"
    return token.lower_ in LIST_STOPS or (token.tag_.startswith("VB") and not token.is_title)


def participants_before(record: DocRecord, trigger: Token, anchors: set[int] | None = None,
                         semicolons: bool = False) -> list[int]:
    """People named from the start of the trigger's sentence up to it, with no verb between: the subjects of
    "A of X, B of Y, and C gathered in Z" when the parse does not coordinate them.

    With ``anchors`` (the subject tokens the parse found), only names whose heads lead to an anchor without
    passing a verb count: "A, Secretary of X, and B, Y of Z, met C" gives A and B, while the C of
    "A, who hosted C last week, met D" stays out.
    """
    doc = record.doc
    sentence = trigger.sent
    found: list[int] = []
    for i in range(trigger.i - 1, sentence.start - 1, -1):
        token = doc[i]
        if token.tag_.startswith("VB") and not token.is_title or token.lower_ in {"that", "who", "which", ":"}:
            break
        if token.text == ";" and not semicolons:
            break  # (a list of people with their posts may be split by semicolons: "A, head of X; B, ...")
        index = record.mention_of(token, {PERSON})
        if index is None:
            index = person_tagged_as_organisation(record, token)
        if index is None or _possessive(record, token) or index in found:
            continue
        if anchors is None or _leads_to(token, anchors):
            found.insert(0, index)
    return found


def _leads_to(token: Token, anchors: set[int]) -> bool:
    for _ in range(10):
        if token.i in anchors:
            return True
        if token.tag_.startswith("VB") or token.head is token:
            return False
        token = token.head
    return False


# Entities that may stand between a meeting verb and its "with": when and where ("met today in Kuwait City with").
_SETTING_ENTITIES = {"DATE", "TIME", "GPE", "LOC", "FAC", "ORG", "CARDINAL", "ORDINAL", "EVENT", "QUANTITY"}


def list_start_after(trigger: Token) -> int | None:
    """Where the participants of a meeting trigger start: after its "with" (or "between"), or right after a
    transitive verb ("hosted A"). None when no list follows."""
    doc = trigger.doc
    sentence_end = trigger.sent.end
    for i in range(trigger.i + 1, min(sentence_end, trigger.i + 1 + MAX_GAP_BEFORE_WITH)):
        token = doc[i]
        if token.lower_ in ("with", "between", "among"):
            return i + 1
        if token.tag_.startswith("VB") or token.lower_ in (";", ":", "to", "who", "which", "that"):
            return None
        if token.tag_.startswith(("NN", "PRP")) and token.ent_type_ not in _SETTING_ENTITIES:
            return None  # "briefed B on his call with C": that "with" belongs to another phrase
    return None


def _possessive(record: DocRecord, token: Token) -> bool:
    """"President Biden's commitment": a name in a possessive is not a participant."""
    doc, index = token.doc, record.mention_of_token.get(token.i)
    end = token.i
    while end + 1 < len(doc) and record.mention_of_token.get(end + 1) == index:
        end += 1
    return end + 1 < len(doc) and doc[end + 1].tag_ == "POS"
