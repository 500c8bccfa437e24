"""On-disk cache of per-document extraction results, for incremental builds.

An entry is keyed by the document (id, date, text), the spaCy model name and version, and a
fingerprint of the extraction code and rules, so a change to any of them invalidates it.
Each entry is one JSON file written atomically: a killed run leaves only whole entries. An entry
names the key it was stored under and is checked on read (that key, the document's id and date,
every field's type, indexes and evidence offsets against the text): a damaged entry, or one copied
over another, is not trusted but rebuilt and rewritten.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from graphbuild.atomic import atomic_write_text
from graphbuild.cache_check import valid_extraction
from graphbuild.models import DocExtraction, Document

# Modules whose source decides what extraction produces.
_RULE_FILES = ("cleaner.py", "dates.py", "extract.py", "lexicon.py", "nlp.py", "patterns.py", "reader.py",
               "titles.py")


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent
    paths = [package / name for name in _RULE_FILES] + sorted((package / "data").glob("*"))
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    def __init__(self, folder: Path, model_version: str, read: bool = True) -> None:
        self.folder = folder
        self.salt = f"{model_version}|{rules_fingerprint()}"
        self.read = read  # False: every entry is rebuilt and rewritten (--no-cache)
        self.damaged = 0  # entries found but not trusted

    def key(self, doc: Document) -> str:
        payload = json.dumps([self.salt, doc.id, doc.date, doc.text], ensure_ascii=False)
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
