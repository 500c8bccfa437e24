"""Walks over the dependency tree that several stages share: coordination, relative clauses, shared subjects."""

from __future__ import annotations

from spacy.tokens import Token

from graphbuild.lexicon.triggers import MEETING_MEASURES, NEGATING_GOVERNORS

# A trigger noun inside one of these phrases shares the subject of the verb: "said in a meeting with B".
SITUATING_PREPOSITIONS = {"in", "during", "at", "after", "before", "following", "on", "upon", "from", "since"}
# A trigger verb after one of these shares the subject of the clause: "After visiting Kyiv, A said".
# ("from" is left out: "barred A from visiting X" says the opposite.)
TIME_PREPOSITIONS = {"after", "before", "following", "on", "upon", "since", "while", "when", "during"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def coordinated(token: Token) -> list[Token]:
    """The token, its conjuncts, and names coordinated through a mis-parsed "A and B" (nmod with cc)."""
    tokens = [token, *token.conjuncts]
    for child in token.children:
        if child.dep_ in ("nmod", "compound", "npadvmod") and any(c.dep_ == "cc" for c in child.children):
            tokens += [child, *child.conjuncts]
    return sorted(set(tokens), key=lambda t: t.i)


def relative_antecedent(token: Token) -> Token:
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
    if (head.dep_ == "acl" and head.tag_ in ("VBD", "VBN") and head.sent.root.tag_.startswith("NNP")
            and not any(c.dep_ == "agent" for c in head.children)):
        # "Adm. X, chairman of Y, and the commanders responsible for the strategy met here with Z": a finite verb
        # the parse hung on a noun, in a sentence the parse rooted at a name: that name is its subject.
        return [head.sent.root]
    for _ in range(4):
        if token.dep_ in ("xcomp", "advcl", "conj", "pcomp") and token.tag_.startswith("VB"):
            token = token.head
        elif token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ in ("dobj", "npadvmod"):
            token = token.head.head  # "started the month visiting Kenosha"
        elif (token.dep_ == "acl" and token.tag_ == "VB" and token.head.lower_ in ("opportunity", "chance")
              and token.head.dep_ == "dobj"):
            token = token.head.head  # "had the opportunity to sit in a session with B"
        elif (token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in MEETING_MEASURES
              and token.head.head.dep_ in ("dobj", "pobj")):
            token = token.head.head  # "hosted five hours of meetings with B": then the verb, as an object's
            if token.dep_ == "dobj":
                token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in SITUATING_PREPOSITIONS:
            token = token.head.head
        elif token.dep_ in ("prep", "advmod") and token.lower_ in TIME_PREPOSITIONS:
            token = token.head  # "After visiting Kyiv, A said ..."
        elif token.dep_ == "prep" and token.lower_ in ("in", "by") and token.head.tag_.startswith("VB"):
            token = token.head  # "A highlighted X in promoting Y during a meeting with B"
        elif token.dep_ == "npadvmod" and token.tag_.startswith("NN"):
            token = token.head  # "A fell ill [days] after traveling to X"
        elif token.dep_ == "dobj" and token.tag_.startswith("NN") and token.head.lower_ in NEGATING_GOVERNORS:
            token = token.head  # "A cancelled talks with B": A is in the talks that did not happen
        else:
            return []
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
    return []
