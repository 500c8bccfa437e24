"""Document ids: clashing ids made unique and traceable, each document's path relative to the inputs' common
folder.

A document's id is its file name without extension (or its jsonl ``id``). Ids that clash (two files
``a/x.txt`` and ``b/x.txt``, or a repeated jsonl id) are all replaced by ids traceable to their source: the
path relative to the inputs' common folder without extension (``a/x``, ``b/x``; with it when that is not
enough), or ``id@file.jsonl:line`` for a jsonl record. Each clash gives a note. So an id never depends on
the order of the inputs, and a single folder of distinct file names keeps the plain ids.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from graphbuild.ingest.decode import safe_field
from graphbuild.models import Document, ReadProblem
from graphbuild.schema import NODE_LABELS


def name_documents(documents: Sequence[Document], origins: Sequence[tuple[Path, int | None]],
                   root: str) -> tuple[list[Document], list[ReadProblem]]:
    """Documents as :meth:`Reader.run` returns them: clashing ids made unique (see the module docstring)
    and each one's ``path`` relative to ``root`` (``file.jsonl:line`` for a jsonl record); with a note per
    clash. ``origins`` are the file and jsonl line of each document (:attr:`Reader.origins`), ``root``
    the inputs' :func:`common_root`.

    >>> docs = [Document("x", "A.", "in/a/x.txt"), Document("x", "B.", "in/b/x.txt")]
    >>> named, notes = name_documents(docs, [(Path("in/a/x.txt"), None), (Path("in/b/x.txt"), None)],
    ...                               os.path.abspath("in"))
    >>> [(d.id, d.path) for d in named], notes[0].reason
    ([('a/x', 'a/x.txt'), ('b/x', 'b/x.txt')], "same id 'x': ids 'a/x', 'b/x' used")
    """
    documents = list(documents)
    notes = _unique_ids(documents, origins, root)
    _relative_paths(documents, origins, root)
    return documents, notes


def _unique_ids(documents: list[Document], origins: Sequence[tuple[Path, int | None]], root: str) -> list[ReadProblem]:
    """Replace every clashing id by one traceable to its source (see the module docstring)."""
    notes: list[ReadProblem] = []
    groups: dict[str, list[int]] = {}
    for n, doc in enumerate(documents):
        groups.setdefault(doc.id, []).append(n)
    taken = {doc_id for doc_id, members in groups.items() if len(members) == 1 and not entity_like(doc_id)}
    for doc_id, members in groups.items():
        if len(members) == 1 and not entity_like(doc_id):
            continue
        new_ids = []
        for n in members:
            path, line = origins[n]
            relative = safe_field(Path(os.path.relpath(os.path.abspath(path), root)).as_posix()) or "_"
            if line is not None:
                candidates = [f"{doc_id}@{relative}:{line}"]
            else:
                candidates = [relative[: -len(path.suffix)] if path.suffix else relative, relative]
            new_id = next((c for c in candidates if c not in taken and c not in new_ids and not entity_like(c)
                           and sum(1 for m in members if _candidates_clash(origins, m, n, c, root)) == 0), None)
            if new_id is None:
                new_id = candidates[-1]
                k = 1
                while new_id in taken or new_id in new_ids:
                    k += 1
                    new_id = f"{candidates[-1]}-{k}"
            new_ids.append(new_id)
        for n, new_id in zip(members, new_ids, strict=True):
            documents[n] = replace(documents[n], id=new_id)
        taken.update(new_ids)
        sources = ", ".join(documents[n].source for n in members)
        why = "same id" if len(members) > 1 else "an id of the entities' form (label:name)"
        notes.append(ReadProblem(sources, f"{why} {doc_id!r}: ids {', '.join(map(repr, new_ids))} used"))
    return notes


# Entity ids are ``label:slug`` (``person:mary-jones``); a document id of that form is renamed, so an Article
# and an entity never share a node (the path or ``@file.jsonl:line`` it gets holds a ".", which no slug has).
_ENTITY_ID = re.compile("(?:" + "|".join(label.lower() for label in NODE_LABELS) + r"):[\w-]*")


def entity_like(doc_id: str) -> bool:
    """True for a document id that has the form of an entity id.

    >>> entity_like("person:mary-jones"), entity_like("bbc:12345")
    (True, False)
    """
    return _ENTITY_ID.fullmatch(doc_id) is not None


def _relative_paths(documents: list[Document], origins: Sequence[tuple[Path, int | None]], root: str) -> None:
    """Each document's path relative to the inputs' common folder (``file.jsonl:line`` for a jsonl
    record): the same whichever way the inputs were named (relative, absolute)."""
    for n, (path, line) in enumerate(origins):
        relative = safe_field(Path(os.path.relpath(os.path.abspath(path), root)).as_posix())
        documents[n] = replace(documents[n], path=relative if line is None else f"{relative}:{line}")


def _candidates_clash(origins: Sequence[tuple[Path, int | None]], other: int, n: int, candidate: str,
                      root: str) -> bool:
    """True when another member of the group would get the same short candidate id."""
    if other == n:
        return False
    path, line = origins[other]
    if line is not None:
        return False
    relative = Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
    return candidate == (relative[: -len(path.suffix)] if path.suffix else relative)


def common_root(paths: list[str | Path]) -> str:
    """The deepest folder holding every input (a folder input itself, a file input's folder)."""
    folders = []
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path):
            folders.append(path)
        elif os.path.exists(path):
            folders.append(os.path.dirname(path))
    return os.path.commonpath(folders) if folders else os.getcwd()
