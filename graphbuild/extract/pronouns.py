"""A subject "he"/"she" (or "his"/"her") read as the one person just named, or left unresolved."""

from __future__ import annotations

from spacy.tokens import Token

from graphbuild import lexicon
from graphbuild.extract.mentions import DocRecord
from graphbuild.extract.syntax import SUBJECT_DEPS
from graphbuild.schema import PERSON


def antecedent(record: DocRecord, pronoun: Token) -> int | None:
    """"Xi Jinping arrived in Moscow. He met ...": a subject "he"/"she" stands for the one person
    named in this sentence or the one before, if that person is a subject there too. With two or
    more people in view, or the one in view not a subject, it stays unresolved."""
    if not ((pronoun.lower_ in lexicon.PERSONAL_PRONOUNS and pronoun.dep_ in SUBJECT_DEPS)
            or (pronoun.lower_ in lexicon.POSSESSIVE_PRONOUNS and pronoun.dep_ == "poss")):
        return None
    sentence = record.sentence_of_token[pronoun.i]
    people: dict[str, int] = {}
    subjects: set[str] = set()
    for i in range(pronoun.i - 1, -1, -1):
        if record.sentence_of_token.get(i, sentence) < sentence - 1:
            break
        index = record.mention_of(record.doc[i], {PERSON})
        if index is not None:
            family_name = record.mentions[index].text.split()[-1]
            people.setdefault(family_name, index)  # the nearest mention of each person
            if record.doc[i].dep_ in SUBJECT_DEPS:
                subjects.add(family_name)
    if len(people) != 1 or not subjects:
        return None
    return next(iter(people.values()))
