"""On-disk cache of per-document extraction results, for incremental builds.

The key is a small public API: :func:`cache_key` of (:func:`extraction_salt` — the code fingerprint and
the spaCy model's name and version — and the document's id, date, title and text). The code fingerprint
(:func:`code_fingerprint`) hashes every file that decides what extraction produces, as whole folders
(``FINGERPRINTED``): the ingest and extract stages, the word lists and data files, and the shared
vocabulary they read. No import walk, so no such file can be left out; a change to any of them gives
every document a new key.

An entry is one JSON file written atomically (a killed run leaves only whole entries) that names the key
it was stored under. It is checked on read against the document's :class:`~graphbuild.models.DocumentHeader`
(that key, id and date, every field's type, indexes and evidence offsets against the text length, the
article's text hash): a damaged entry, or one copied over another, is not trusted but rebuilt and rewritten.
The article's url, outlet and path, which extraction does not read, are taken from the header.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

from graphbuild.atomic import atomic_write_text
from graphbuild.build.cache_check import valid_extraction
from graphbuild.models import DocExtraction, Document, DocumentHeader

PACKAGE = Path(__file__).resolve().parents[1]
# Everything under these paths of the package decides what extraction produces (folders taken whole).
FINGERPRINTED = ("ingest", "extract", "lexicon", "data", "models.py", "schema.py", "dates.py", "text.py")


def fingerprinted_files(package: Path = PACKAGE) -> list[Path]:
    """Every file under ``FINGERPRINTED`` in ``package``, sorted (compiled files left out)."""
    files: list[Path] = []
    for name in FINGERPRINTED:
        path = package / name
        if path.is_file():
            files.append(path)
        else:
            files += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                      and p.suffix not in (".pyc", ".pyo")]
    return sorted(files)


@lru_cache(maxsize=4)
def code_fingerprint(package: Path = PACKAGE) -> str:
    """A hash of every file :func:`fingerprinted_files` lists (names and bytes)."""
    digest = hashlib.sha256()
    for path in fingerprinted_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def extraction_salt(model: str) -> str:
    """What besides the document decides an extraction: the model (name and version) and the code."""
    return f"{model}-{installed_model_version(model)}|{code_fingerprint()}"


def cache_key(salt: str, doc: Document) -> str:
    """The cache key of ``doc`` extracted under ``salt`` (see :func:`extraction_salt`).

    >>> cache_key("m|c", Document("d1", "Text.", "d1.txt")) == cache_key("m|c", Document("d1", "Text.", "x.txt"))
    True
    >>> cache_key("m|c", Document("d1", "Text.", "d1.txt")) == cache_key("m|d", Document("d1", "Text.", "d1.txt"))
    False
    """
    payload = json.dumps([salt, doc.id, doc.date, doc.title, doc.text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


class ExtractionCache:
    """Entries by key in ``folder``. ``read=False`` (``--no-cache``): nothing is read, every entry is
    rebuilt and rewritten, which also repairs it."""

    def __init__(self, folder: Path, read: bool = True) -> None:
        self.folder = folder
        self.read = read
        self.damaged = 0  # entries found but not trusted
        self.unwritable: str | None = None  # why entries cannot be written (then none is tried again)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, header: DocumentHeader) -> DocExtraction | None:
        """The entry stored under ``key`` if it is a well-formed result for the document ``header`` describes."""
        if not self.read:
            return None
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            return None  # not cached yet
        try:
            entry = json.loads(raw.decode("utf-8"))
            if not isinstance(entry, dict) or entry.get("key") != key:
                raise ValueError("stored under another key")
            extraction = valid_extraction(entry.get("extraction"), header)
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            self.damaged += 1
            return None  # rebuilt, and rewritten by put()
        assert extraction.article is not None  # valid_extraction checked it
        extraction.article = replace(extraction.article, url=header.url, outlet=header.outlet,
                                     path=header.path if header.path is not None else header.source)
        return extraction

    def put(self, key: str, extraction: DocExtraction) -> None:
        """Store an entry; when the cache cannot be written (read-only, a file in the way, disk full) the
        reason is kept in ``unwritable`` and the build goes on without the cache."""
        if self.unwritable is not None:
            return
        entry = {"key": key, "extraction": extraction.to_dict()}
        try:
            atomic_write_text(self._path(key), json.dumps(entry, ensure_ascii=False, sort_keys=True))
        except OSError as error:
            self.unwritable = f"cache not written ({error.strerror or error}): built without it"


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
