"""Plain typed records passed between pipeline stages.

No stage hands spaCy objects to the next one: everything that crosses a stage boundary
is one of these dataclasses, which also makes them easy to cache as JSON.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One article as read from disk, before any cleaning."""

    id: str
    text: str
    source: str  # file path (and line for jsonl) it came from
    title: str | None = None
    date: str | None = None  # ISO 8601 date when known
    url: str | None = None
    outlet: str | None = None  # the publication (jsonl ``outlet``, HTML site name)
    path: str | None = None  # the input file relative to the inputs' common folder (``:line`` for jsonl)


@dataclass(frozen=True)
class DocumentHeader:
    """What is known of a document without holding its text: enough to check a cached extraction
    against it and to name its article (a Dask client knows its documents only this way).

    >>> DocumentHeader.of(Document("d1", "Text.", "in/d1.txt")).length
    5
    """

    id: str
    date: str | None
    length: int  # characters of text
    sha256: str  # of the text
    source: str = ""
    url: str | None = None
    outlet: str | None = None
    path: str | None = None

    @classmethod
    def of(cls, doc: Document) -> DocumentHeader:
        return cls(doc.id, doc.date, len(doc.text), text_sha256(doc.text), doc.source, doc.url, doc.outlet,
                   doc.path)


@dataclass(frozen=True)
class Article:
    """An input document as a node of the graph: where every fact was read.

    ``path`` is the input file relative to the inputs' common folder (``file.jsonl:line`` for a jsonl
    record), ``sha256`` the hash of the document's text (UTF-8). Every field but ``id`` may be unknown.

    >>> a = Article.of(Document("d1", "Text.", "in/d1.txt", title="Talks", path="d1.txt"))
    >>> a.to_dict()["title"], a.sha256[:8]
    ('Talks', 'f06dce27')
    >>> Article.from_dict(a.to_dict()) == a
    True
    """

    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = None
    sha256: str | None = None

    @classmethod
    def of(cls, doc: Document, title: str | None = None) -> Article:
        """The article of a document; ``title`` replaces the document's (the cleaned headline)."""
        return cls(doc.id, title if title is not None else doc.title, doc.date, doc.url, doc.outlet,
                   doc.path if doc.path is not None else doc.source, text_sha256(doc.text))

    def to_dict(self) -> dict:
        return dict(vars(self))

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        return cls(**{name: data.get(name) for name in ARTICLE_FIELDS})

    def attributes(self) -> dict:
        """The graph node's attributes: the known fields (no None: GraphML cannot store it)."""
        return {name: value for name, value in vars(self).items() if value is not None}


ARTICLE_FIELDS = ("id", "title", "date", "url", "outlet", "path", "sha256")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read; reported, never fatal for the batch."""

    source: str  # file, or "file:line" for a jsonl line
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class ReadNote(ReadProblem):
    """Read, with something to say (a record that is not UTF-8, a shortened id): reported, nothing skipped."""


@dataclass
class CleanDocument:
    """Cleaned text plus a map from every cleaned character back to the original text.

    ``offsets[i]`` is the position in ``original`` of cleaned character ``i``; it has one
    extra entry (the end) so that span ends map too.
    """

    id: str
    text: str
    offsets: list[int]
    original: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    removed: list[str] = field(default_factory=list)  # short reasons for what cleaning dropped

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span [start, end) to the original text."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Sentence:
    text: str  # sentence text as in the original document, glued words split (see extract.mentions.shown_sentence)
    start: int  # character offsets into the original document text
    end: int


@dataclass(frozen=True)
class Mention:
    """A named entity mention found in one document."""

    text: str  # surface form as written (after repair of glued words)
    label: str  # one of NODE_LABELS
    start: int  # offsets into the original document text
    end: int
    sentence: int  # index into DocExtraction.sentences


@dataclass(frozen=True)
class Relation:
    """A relation stated by one sentence, between two mentions of the same document."""

    type: str  # one of RELATION_TYPES
    subject: int  # index into DocExtraction.mentions
    object: int  # index into DocExtraction.mentions
    sentence: int  # index into DocExtraction.sentences
    status: str | None = None  # relations whose spec is ``with_status``
    title: str | None = None  # HOLDS_POSITION only
    date: str | None = None
    place: str | None = None
    medium: str | None = None  # SPOKE_WITH: "phone" or "video"
    context: int | None = None  # the sentence naming an end the relation's sentence refers to ("He", "the Secretary")

    def to_dict(self) -> dict:
        data = dict(vars(self))
        for optional in ("medium", "context"):
            if data[optional] is None:
                del data[optional]  # written only when set, so records of other types keep their shape
        return data


@dataclass(frozen=True)
class TitleClaim:
    """A title attached to a person mention ("Gen.", "Defense Minister")."""

    mention: int
    title: str


@dataclass
class DocExtraction:
    """Everything extraction found in one document: the per-document hand-off record."""

    doc_id: str
    date: str | None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    titles: list[TitleClaim] = field(default_factory=list)
    article: Article | None = None  # None only in records written before articles existed

    def to_dict(self) -> dict:
        # The parts are flat records of plain values: a shallow copy each is enough (asdict deep-copies).
        data = {
            "doc_id": self.doc_id,
            "date": self.date,
            "sentences": [dict(vars(s)) for s in self.sentences],
            "mentions": [dict(vars(m)) for m in self.mentions],
            "relations": [r.to_dict() for r in self.relations],
            "titles": [dict(vars(t)) for t in self.titles],
        }
        if self.article is not None:
            data["article"] = self.article.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> DocExtraction:
        article = data.get("article")
        if article is not None and not isinstance(article, dict):
            raise TypeError("article is not an object")
        return cls(
            doc_id=data["doc_id"],
            date=data.get("date"),
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            relations=[Relation(**r) for r in data.get("relations", [])],
            titles=[TitleClaim(**t) for t in data.get("titles", [])],
            article=Article.from_dict(article) if article is not None else None,
        )

    def article_record(self) -> Article:
        """The document's article; for an older record without one, its id and date."""
        return self.article if self.article is not None else Article(self.doc_id, date=self.date)


@dataclass(frozen=True)
class Evidence:
    doc: str
    sentence: str  # the sentence that states the fact
    start: int
    end: int
    context: str | None = None  # the sentence that names a person the fact's sentence only refers to


@dataclass
class Entity:
    """A resolved entity: one future graph node."""

    id: str  # stable slug, e.g. "person:andrei-belousov"
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    mentions: int = 0
    sources: set[str] = field(default_factory=set)


@dataclass
class Fact:
    """A resolved relation between two entities, with its evidence."""

    source: str  # entity id
    type: str
    target: str  # entity id
    evidence: Evidence
    status: str | None = None
    title: str | None = None
    date: str | None = None
    place: str | None = None
    medium: str | None = None


class SharedRecord(dict):
    """Attributes shared by many edges of a graph (see :func:`graphbuild.resolve.graph.add_shared_edge`), so
    it refuses changes: edit a copy of the graph, ``nx.MultiDiGraph(G)``, whose edges own their dicts.

    >>> record = SharedRecord({"type": "MENTIONS", "count": 2})
    >>> record["count"] = 3
    Traceback (most recent call last):
    TypeError: these edge attributes are shared by many edges: edit a copy of the graph, nx.MultiDiGraph(G)
    >>> import pickle; pickle.loads(pickle.dumps(record)) == record
    True
    """

    def _refuse(self, *args, **kwargs):
        raise TypeError("these edge attributes are shared by many edges: edit a copy of the graph, "
                        "nx.MultiDiGraph(G)")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self):  # pickle and deepcopy rebuild it whole, not key by key
        return type(self), (dict(self),)

