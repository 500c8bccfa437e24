"""The extraction cache: its key, its fingerprint of the code, and what a change to that code does."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from graphbuild.build.cache import (
    FINGERPRINTED,
    PACKAGE,
    ExtractionCache,
    cache_key,
    code_fingerprint,
    fingerprinted_files,
)
from graphbuild.models import Article, DocExtraction, Document, DocumentHeader

DOC = Document("d1", "Lena Berg met Ola Lund in Oslo.", "in/d1.txt", date="2024-05-06")


def _package_copy(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    shutil.copytree(PACKAGE, root / "graphbuild", ignore=shutil.ignore_patterns("__pycache__"))
    return root / "graphbuild"


def test_every_fingerprinted_file_changes_the_fingerprint(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    before = code_fingerprint(package)
    files = fingerprinted_files(package)
    assert {f.relative_to(package).parts[0] for f in files} >= {"ingest", "extract", "lexicon", "data"}
    for path in files:
        original = path.read_bytes()
        path.write_bytes(original + (b"\n# a comment\n" if path.suffix == ".py" else b"\n"))
        code_fingerprint.cache_clear()
        assert code_fingerprint(package) != before, path
        path.write_bytes(original)
    code_fingerprint.cache_clear()
    assert code_fingerprint(package) == before


def test_what_extraction_imports_is_fingerprinted() -> None:
    """Every graphbuild module the per-document worker reaches (at any depth) is under FINGERPRINTED."""
    todo, seen = ["graphbuild.extract.worker"], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = PACKAGE.parent / (name.replace(".", "/") + ".py")
        if not path.is_file():
            path = PACKAGE.parent / name.replace(".", "/") / "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("graphbuild"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    as_module = PACKAGE.parent / (full.replace(".", "/") + ".py")
                    todo.append(full if as_module.is_file() or (PACKAGE.parent / full.replace(".", "/")).is_dir()
                                else node.module)
    covered = {f.resolve() for f in fingerprinted_files()}
    for name in seen - {"graphbuild"}:
        path = PACKAGE.parent / (name.replace(".", "/") + ".py")
        path = path if path.is_file() else PACKAGE.parent / name.replace(".", "/") / "__init__.py"
        assert path.resolve() in covered, f"{name} decides extraction but is not in FINGERPRINTED {FINGERPRINTED}"


def test_the_key_depends_on_salt_id_date_title_and_text_only() -> None:
    key = cache_key("salt", DOC)
    assert cache_key("salt", Document(DOC.id, DOC.text, "elsewhere.txt", date=DOC.date)) == key
    for other in (Document("d2", DOC.text, DOC.source, date=DOC.date), Document(DOC.id, DOC.text + " ", DOC.source,
                  date=DOC.date), Document(DOC.id, DOC.text, DOC.source, date="2024-05-07"),
                  Document(DOC.id, DOC.text, DOC.source, title="T", date=DOC.date)):
        assert cache_key("salt", other) != key
    assert cache_key("other salt", DOC) != key


def _extraction(doc: Document) -> DocExtraction:
    extraction = DocExtraction(doc.id, doc.date, [], [], [], [])
    extraction.article = Article.of(doc)
    return extraction


def test_get_and_put_by_key_checked_against_the_header(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    key = cache_key("salt", DOC)
    assert cache.get(key, DocumentHeader.of(DOC)) is None
    cache.put(key, _extraction(DOC))
    moved = Document(DOC.id, DOC.text, DOC.source, date=DOC.date, url="https://example.org/d1", path="d1.txt")
    hit = cache.get(key, DocumentHeader.of(moved))
    assert hit is not None and hit.article.url == "https://example.org/d1" and hit.article.path == "d1.txt"
    other = Document(DOC.id, DOC.text.replace("Oslo", "Bergen"), DOC.source, date=DOC.date)
    assert cache.get(key, DocumentHeader.of(other)) is None  # another text under the key: not trusted
    assert cache.damaged == 1
    assert ExtractionCache(tmp_path, read=False).get(key, DocumentHeader.of(DOC)) is None


def _build(src: Path, inputs: Path, out: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-m", "graphbuild", "build", str(inputs), "--out", str(out), "--quiet",
                           "--workers", "1"], env=env, cwd=src, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_a_comment_in_the_paragraph_splitter_makes_the_next_build_re_extract(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(2):
        (inputs / f"d{n}.txt").write_text(f"Lena Berg met Ola Lund in Oslo on Monday {n}.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert "(0 from cache)" in _build(package.parent, inputs, out)
    assert "(2 from cache)" in _build(package.parent, inputs, out)
    worker = package / "extract" / "worker.py"
    worker.write_text(worker.read_text(encoding="utf-8") + "\n# how long pieces are cut\n", encoding="utf-8")
    assert "(0 from cache)" in _build(package.parent, inputs, out)
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]
