"""The house by stage: the package's layout and import rules (read from the source with ``ast``)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "graphbuild"
STAGES = ("ingest", "extract", "resolve", "build", "exporters", "neo4j")


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every graphbuild module ``path`` imports, at any depth (imports inside functions count)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "graphbuild":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "graphbuild"}
    return {m for m in found if m in modules}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the list of modules on it, or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for other in sorted(graph[node]):
            if state.get(other) == 1:
                return path[path.index(other):] + [other]
            if other not in state and (found := visit(other)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    assert _cycle(graph) is None


def test_the_circle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_takes_another_modules_private_name() -> None:
    offenders = []
    for root in (PACKAGE, PACKAGE.parent / "bench"):
        for path in root.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported_modules = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("graphbuild"):
                    offenders += [f"{path.name}: {node.module}.{a.name}" for a in node.names
                                  if a.name.startswith("_") and not a.name.startswith("__")]
                    imported_modules |= {a.asname or a.name for a in node.names}
            for node in ast.walk(tree):
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                        and node.value.id in imported_modules and node.attr.startswith("_")
                        and not node.attr.startswith("__")):
                    offenders.append(f"{path.name}: {node.value.id}.{node.attr}")
    assert offenders == []


def test_few_modules_at_the_top_and_a_folder_per_stage() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
        assert (PACKAGE / stage / "__init__.py").read_text(encoding="utf-8").startswith('"""'), stage


def test_stages_import_only_downstream_of_the_vocabulary() -> None:
    """The data flows one way: ingest knows no later stage, extract no resolve or build, resolve no build."""
    later = {"ingest": ("extract", "resolve", "build", "exporters", "neo4j"),
             "extract": ("resolve", "build", "exporters", "neo4j"),
             "resolve": ("build", "exporters", "neo4j")}
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        parts = name.split(".")
        if len(parts) < 3 or parts[1] not in later:
            continue
        wrong += [f"{name} -> {m}" for m in _imports(path, modules)
                  if m.split(".")[1:2] and m.split(".")[1] in later[parts[1]]]
    assert wrong == []
