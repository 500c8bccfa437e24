"""On-disk cache of per-document extraction results, for incremental builds.

An entry is keyed by the document (id, date, title, text), the spaCy model name and version, and a
fingerprint of the extraction code and rules, so a change to any of them invalidates it.
Each entry is one JSON file written atomically: a killed run leaves only whole entries. An entry
names the key it was stored under and is checked on read (that key, the document's id and date,
every field's type, indexes and evidence offsets against the text, the article's id, date and text hash):
a damaged entry, or one copied over another, is not trusted but rebuilt and rewritten. The article's url,
outlet and path, which extraction does not read, are taken from the document as read now.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from graphbuild.atomic import atomic_write_text
from graphbuild.cache_check import valid_extraction
from graphbuild.models import DocExtraction, Document

# The stages whose source decides what extraction produces; what they import is followed from here.
_STAGE_MODULES = ("reader", "cleaner", "nlp", "extract")
# Trees read by name at run time (rules modules, word lists, data files): covered whole.
_TREES = ("rules", "lexicon", "data")


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A hash of every source file extraction depends on: the stage modules, what they import, and the trees."""
    package = Path(__file__).parent
    files = set(_imported_files(package))
    for tree in _TREES:
        files.update(p for p in (package / tree).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _imported_files(package: Path) -> list[Path]:
    """The stage modules and every graphbuild module they import, transitively (read with ``ast``, not imported)."""
    seen: dict[str, Path] = {}
    todo = list(_STAGE_MODULES)
    while todo:
        name = todo.pop()
        path = package / f"{name.replace('.', '/')}.py"
        if not path.is_file():
            path = package / name.replace(".", "/") / "__init__.py"
        if name in seen or not path.is_file():
            continue
        seen[name] = path
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("graphbuild"):
                base = node.module.removeprefix("graphbuild").lstrip(".")
                todo += [f"{base}.{a.name}".lstrip(".") for a in node.names] + ([base] if base else [])
            elif isinstance(node, ast.Import):
                todo += [a.name.removeprefix("graphbuild.") for a in node.names if a.name.startswith("graphbuild.")]
    return list(seen.values())


class ExtractionCache:
    def __init__(self, folder: Path, model_version: str, read: bool = True) -> None:
        self.folder = folder
        self.salt = f"{model_version}|{rules_fingerprint()}"
        self.read = read  # False: every entry is rebuilt and rewritten (--no-cache)
        self.damaged = 0  # entries found but not trusted

    def key(self, doc: Document) -> str:
        payload = json.dumps([self.salt, doc.id, doc.date, doc.title, doc.text], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, doc: Document) -> DocExtraction | None:
        if not self.read:
            return None
        key = self.key(doc)
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            return None  # not cached yet
        try:
            entry = json.loads(raw.decode("utf-8"))
            if not isinstance(entry, dict) or entry.get("key") != key:
                raise ValueError("stored under another key")
            extraction = valid_extraction(entry.get("extraction"), doc)
        except (ValueError, KeyError, TypeError, IndexError):
            self.damaged += 1
            return None  # rebuilt, and rewritten by put()
        assert extraction.article is not None  # valid_extraction checked it
        extraction.article = replace(extraction.article, url=doc.url, outlet=doc.outlet,
                                     path=doc.path if doc.path is not None else doc.source)
        return extraction

    def put(self, doc: Document, extraction: DocExtraction) -> None:
        key = self.key(doc)
        entry = {"key": key, "extraction": extraction.to_dict()}
        atomic_write_text(self._path(key), json.dumps(entry, ensure_ascii=False, sort_keys=True))


def installed_model_version(model: str) -> str:
    """The model's version from its meta.json, without importing spaCy or loading the model."""
    spec = importlib.util.find_spec(model) if model.isidentifier() else None
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in [*roots, model]:
        meta = Path(root) / "meta.json"
        if meta.is_file():
            try:
                return str(json.loads(meta.read_text(encoding="utf-8")).get("version", "?"))
            except (OSError, ValueError):
                return "unknown"
    return "unknown"
