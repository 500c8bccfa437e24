"""Extraction: apply the relation rules of :mod:`graphbuild.extract.rules` to a parsed document.

Input is a cleaned document and its spaCy ``Doc``; output is a plain
:class:`~graphbuild.models.DocExtraction` (sentences, entity mentions, relations, titles),
with every offset mapped back to the original article text. Nothing spaCy leaves this stage.

The parts, one job each: :class:`~graphbuild.extract.mentions.DocRecord` keeps the mentions and
relations, :class:`~graphbuild.extract.slots.SlotReader` turns slot tokens into mentions,
:class:`~graphbuild.extract.situation.Situation` finds when and where, :mod:`graphbuild.extract.status` whether
it happened, each rules module's ``relate`` builds its relations, and
:class:`~graphbuild.extract.titles.PostFinder` reads posts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from graphbuild import lexicon
from graphbuild.extract import rules
from graphbuild.extract.mentions import DocRecord
from graphbuild.extract.situation import Situation
from graphbuild.extract.slots import SlotReader
from graphbuild.extract.status import document_medium
from graphbuild.extract.syntax import inherited_subjects
from graphbuild.extract.titles import PostFinder, clean_title
from graphbuild.models import CleanDocument, DocExtraction
from graphbuild.schema import HOLDS_POSITION, LOCATION, ORGANIZATION, PERSON


@dataclass
class Match:
    """Tokens bound by the rules of one relation type that matched one trigger."""

    relation: str
    trigger: Token
    verb: Token | None = None
    names: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    @property
    def anchor(self) -> Token:
        """The word that carries tense and negation: the supporting verb of a noun trigger, else the trigger."""
        return self.verb or self.trigger


@dataclass
class Context:
    """What a rules handler may use to turn a match into relations."""

    doc: Doc
    record: DocRecord
    slots: SlotReader
    situation: Situation
    medium: str | None = None  # the document is about a call ("phone"/"video"), from its title
    participants: list[int] = field(default_factory=list)  # of the last meeting stated: who "the meeting" had


class Extractor:
    """Turns one parsed document into a :class:`DocExtraction`."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = DependencyMatcher(nlp.vocab, validate=True)
        for rule in rules.all_rules():
            self.matcher.add(rule.key, [rule.pattern])

    def run(self, clean: CleanDocument, doc: Doc) -> DocExtraction:
        record = DocRecord(clean, doc)
        slots = SlotReader(record)
        ctx = Context(doc, record, slots, Situation(record, slots), medium=document_medium(clean.title))
        for match in self._match(doc):
            rules.handler(match.relation)(match, ctx)
        finder = post_finder(record)
        for ent in doc.ents:
            if ent.label_ == "PERSON" and record.mention_of(ent.root, {PERSON}) is not None:
                add_posts(record, ent, finder)
        for span, person in list(record.derived_people):
            add_posts(record, span, finder, person)
        return record.result()

    def _matches(self, doc: Doc):
        """Dependency matches, in doc token indices, from the sentences that can match a rule only.

        Each sentence is matched as a small Doc of its own, built from its tokens alone: the
        cost stays linear in the article's length (``Span.as_doc`` copies the whole document).
        """
        for sent in doc.sents:
            if not rules.may_match({t.lower_ for t in sent}):
                continue
            for match_id, token_ids in self.matcher(sentence_doc(sent)):
                yield match_id, [sent.start + i for i in token_ids]

    def _match(self, doc: Doc) -> list[Match]:
        grouped: dict[tuple[str, int], Match] = {}
        for match_id, token_ids in self._matches(doc):
            relation, _rule_id = doc.vocab.strings[match_id].split("|", 1)
            names = [node["RIGHT_ID"] for node in self.matcher.get(match_id)[1][0]]
            bound = dict(zip(names, token_ids, strict=True))
            trigger = doc[bound["trigger"]]
            match = grouped.setdefault((relation, trigger.i), Match(relation, trigger))
            if "verb" in bound:
                match.verb = doc[bound["verb"]]
            for name, i in bound.items():
                match.names[name].add(i)
        for match in grouped.values():
            _inherit_subject(match, doc)
        return [grouped[key] for key in sorted(grouped)]


def _inherit_subject(match: Match, doc: Doc) -> None:
    """A trigger with no subject of its own, or only "his", takes the subject of its clause."""
    subjects = match.names.get("subject")
    if subjects and all(doc[i].dep_ == "poss" and doc[i].tag_ == "PRP$" for i in subjects):
        # "During his visit to Kyiv, A met B": "his" is A, the subject of the clause.
        inherited = {t.i for t in inherited_subjects(match.anchor)}
        if inherited:
            match.names["subject"] = inherited
    if not match.names.get("subject"):
        # The anchor's own subject when no rule bound it ("A called on B"), else the clause's.
        own = [c.i for c in match.anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
        match.names["subject"].update(own or (t.i for t in inherited_subjects(match.anchor)))


def sentence_doc(sent: Span) -> Doc:
    """The sentence as a Doc of its own (words, tags, parse), built in time linear in its length."""
    start = sent.start
    return Doc(
        sent.doc.vocab,
        words=[t.text for t in sent],
        spaces=[bool(t.whitespace_) for t in sent],
        tags=[t.tag_ for t in sent],
        deps=[t.dep_ for t in sent],
        heads=[t.head.i - start for t in sent],
    )


def post_finder(record: DocRecord) -> PostFinder:
    return PostFinder(
        lambda token: record.mention_of(token, {ORGANIZATION, LOCATION}),
        lambda country, token: record.derived_mention(country, LOCATION, token),
        lambda index: record.mentions[index].label == LOCATION,
        lambda span: record.derived_mention(span.text, ORGANIZATION, span),
    )


def add_posts(record: DocRecord, ent: Span, finder: PostFinder, person: int | None = None) -> None:
    """The titles a person is given around ``ent``, and a HOLDS_POSITION for each post naming its organisation."""
    if person is None:
        person = record.mention_of(ent.root, {PERSON})
    inner = title_inside(ent.text, record.mentions[person].text)
    if inner:
        record.add_title(person, normalize_title(inner))
    for post in finder.run(ent):
        if post.former:
            continue  # a post no longer held is neither a title nor a position
        title = normalize_title(post.title)
        if title.lower() in lexicon.FORMS_OF_ADDRESS:
            continue  # "Dr." alone is no post
        record.add_title(person, title)
        if post.org is not None and record.mentions[post.org].sentence == record.mentions[person].sentence:
            # (an organisation in the sentence before is not the post's: "... in Washington, D.C. Secretary X")
            record.relate(HOLDS_POSITION, person, post.org, ent.root, title=title)


def title_inside(entity_text: str, name: str) -> str | None:
    """The title words the NER ran into a name and cleaning took off: "Spokesperson Ned Price" -> "Spokesperson",
    "His Majesty King Abdullah II" -> "King"; forms of address ("His Majesty", "Mr.") are no title.

    >>> title_inside("His Highness the Amir Sheikh Tamim", "Tamim"), title_inside("Mr. Lee", "Lee")
    ('Amir Sheikh', None)
    """
    words = entity_text.split()
    prefix = words[: max(0, len(words) - len(name.split()))]
    if " ".join(words[len(prefix):]) != name:
        return None
    kept = [w for w in prefix if w.lower().strip(",") not in lexicon.FORMS_OF_ADDRESS]
    if kept and any(w.lower() in lexicon.TITLE_HEADS or w.lower() in lexicon.TITLE_MODIFIERS for w in kept):
        return " ".join(kept)
    return None


def normalize_title(title: str) -> str:
    """Spell out abbreviated titles and make plurals singular ("Presidents" -> "President"); no fragment
    or shouting (:func:`~graphbuild.extract.titles.clean_title`)."""
    words = clean_title(title).split()
    while len(words) > 1 and words[-1].lower() in lexicon.FORMS_OF_ADDRESS:
        words.pop()  # "National Security Advisor Sir Stephen Lovegrove"
    words = [lexicon.TITLE_EXPANSIONS.get(w.lower(), w) for w in words]
    last = words[-1]
    if last.lower().endswith("s") and last[:-1].lower() in lexicon.TITLE_HEADS and len(last) > 3:
        words[-1] = last[:-1]
    return " ".join(words)
