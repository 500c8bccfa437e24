"""People named by their role: "the Secretary", "the President", "the delegation".

Within a document, a role noun with "the" stands for the one person whose title (the words right
before their name) has that head and no other modifier before it, or, for "the delegation", for the
one person named together with a delegation. When more than one person fits, it stays unresolved.
"""

from __future__ import annotations

from spacy.tokens import Token

from graphbuild import lexicon
from graphbuild.extract.mentions import DocRecord
from graphbuild.extract.names import is_suffix
from graphbuild.schema import LOCATION, PERSON

GROUP_NOUNS = {"delegation", "team"}
# "the two leaders": heads of state or government.
LEADER_TITLES = {"president", "leader", "chancellor", "premier", "king", "queen", "emir", "amir", "minister"}
_TITLE_LINKS = {"of", "for", "to"}
_MAX_TITLE_WORDS = 7


class RoleReader:
    def __init__(self, record: DocRecord) -> None:
        self.record = record
        self._titles: list[tuple[list[str], int]] = []  # (title words before a name, mention)
        self._countries: list[tuple[str, int]] = []  # (country a person serves, by demonym or "of X", mention)
        self._leaders: list[tuple[int, int]] = []  # (token, person) named in a sentence that brings in a delegation
        doc = record.doc
        for ent in doc.ents:
            index = record.mention_of(ent.root, {PERSON})
            if index is None:
                continue
            words = []
            i = ent.start - 1
            while i >= 0 and len(words) < _MAX_TITLE_WORDS and (
                    doc[i].is_title and doc[i].lower_ not in ("the", "a", "an") or doc[i].lower_ in _TITLE_LINKS):
                words.insert(0, doc[i].lower_)
                i -= 1
            if words and words[0] not in _TITLE_LINKS:
                self._titles.append((words, index))
            apposed = _apposed_title(doc, ent.end)
            if apposed:
                self._titles.append((apposed, index))  # "X, chairman of the Joint Chiefs of Staff, met ..."
            for word in words:
                if lexicon.DEMONYMS.get(word):
                    self._countries.append((lexicon.DEMONYMS[word], index))  # "Chinese Foreign Minister X"
            if i >= 1 and doc[i].tag_ == "POS" and record.mention_of(doc[i - 1], {LOCATION}) is not None:
                self._countries.append((record.mentions[record.mention_of(doc[i - 1], {LOCATION})].text, index))
            served = _served_after(doc, ent.end)
            if served:
                self._countries.append((served, index))  # "X of China", "X, Jr. of Palau"
            if any(_introduces_group(t) for t in ent.sent):
                self._leaders.append((ent.start, index))

    def countries(self, index: int) -> set[str]:
        """The countries the person of mention ``index`` is said to serve in this document (by family name)."""
        family = self.record.mentions[index].text.split()[-1]
        return {country for country, i in self._countries if self.record.mentions[i].text.split()[-1] == family}

    def different_sides(self, a: int, b: int) -> bool:
        """Whether two people are known to serve different countries ("Chinese X" and "Y of Japan")."""
        ca, cb = self.countries(a), self.countries(b)
        return bool(ca and cb and not ca & cb)

    def person(self, token: Token) -> int | None:
        """The one person the role noun ``token`` ("the Secretary") stands for in this document, or None."""
        if token.lower_ == "counterpart":
            return self._counterpart(token)
        if not any(c.lower_ == "the" for c in token.children):
            return None
        modifiers = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and c.i < token.i]
        if token.lower_ in GROUP_NOUNS:
            return self._unique([index for start, index in self._leaders if start < token.sent.start])
        if token.lower_ not in lexicon.TITLE_HEADS:
            return None
        fits = [index for words, index in self._titles if _fits(words, modifiers, token.lower_)]
        return self._unique(fits)

    def pair(self, token: Token) -> list[int]:
        """"the two ministers", "both leaders": the two people of the document whose titles fit, else none."""
        if not any(c.lower_ in ("two", "both") for c in token.children) or not token.lower_.endswith("s"):
            return []
        head = token.lower_[:-1]
        heads = LEADER_TITLES if head == "leader" else {head}
        people = self._distinct([index for words, index in self._titles if heads & set(words)])
        if len(people) == 2:
            return sorted(people)
        # "A and B stood together. The two defense leaders met": the two people named in the sentence before.
        before = self.record.sentence_of_token.get(token.sent.start - 1) if token.sent.start else None
        if before is None or token.i != token.sent.start + sum(1 for _ in token.lefts):
            return []
        named = self._distinct([i for i, m in enumerate(self.record.mentions)
                                if m.sentence == before and m.label == PERSON])
        return sorted(named) if len(named) == 2 else []

    def _counterpart(self, token: Token) -> int | None:
        """"his Chinese counterpart": the one person of the document who serves China (by a demonym before
        their name or "of China" after it); without a nationality it stays unresolved."""
        countries = {lexicon.DEMONYMS.get(c.lower_) for c in token.children if c.dep_ in ("amod", "compound")} - {None}
        if len(countries) != 1:
            return None
        country = countries.pop()
        return self._unique([index for served, index in self._countries if served == country])

    def _unique(self, mentions: list[int]) -> int | None:
        people = self._distinct(mentions)
        return people[0] if len(people) == 1 else None

    def _distinct(self, mentions: list[int]) -> list[int]:
        """One mention per person (by family name): "Blinken" and "Antony Blinken" are one."""
        return list({self.record.mentions[i].text.split()[-1]: i for i in mentions}.values())


def _apposed_title(doc, end: int) -> list[str]:
    """"X, chairman of the board, ...": the title words of a lower-case apposition right after a name."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ in ("the", "a", "an"):
        return []
    words = []
    for token in doc[end + 1 : end + 1 + _MAX_TITLE_WORDS]:
        if token.lower_ in _TITLE_LINKS or not token.is_alpha:
            break
        words.append(token.lower_)
    if not words or words[-1] not in lexicon.TITLE_HEADS or not doc[end + 1].is_lower:
        return []
    return words


def _served_after(doc, end: int) -> str | None:
    """"X of China", "X, Jr. of the Marshall Islands": the proper noun after "of" right behind a name."""
    if end + 2 < len(doc) and doc[end].text == "," and is_suffix(doc[end + 1].text.rstrip(".")):
        end += 2
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    start = end + 1
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    stop = start
    while stop < len(doc) and stop - start < 5 and doc[stop].tag_ in ("NNP", "NNPS") and doc[stop].is_title:
        stop += 1
    if stop == start:
        return None
    words = doc[start:stop].text
    return lexicon.NAME_ALIASES.get(words.lower(), words)


def _introduces_group(token: Token) -> bool:
    """ "A and an interagency delegation", "A led a delegation", "A's delegation", "a delegation led by A"."""
    return token.lower_ in GROUP_NOUNS and any(c.lower_ in ("a", "an") or c.dep_ == "poss" for c in token.children)


def _fits(words: list[str], modifiers: list[str], head: str) -> bool:
    """"Secretary of State" fits "the Secretary"; "Deputy Secretary" does not (a modifier the role lacks)."""
    if head not in words:
        return False
    before = words[: words.index(head)]
    return all(w in modifiers or w not in lexicon.TITLE_MODIFIERS and w not in lexicon.TITLE_HEADS for w in before)
