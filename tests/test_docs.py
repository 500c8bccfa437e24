"""The docs stay true: every file path README.md and docs/ name exists, and every graphbuild command they
show parses with the real command line (in the spirit of sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from graphbuild.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# A path into the repository, as docs write it: `graphbuild/extract/rules/met.py`, `bench/cluster.py`.
PATH = re.compile(r"`((?:graphbuild|tests|bench|scripts|docs|seeds|exports|\.ci)/[\w./-]*)`")
LINK = re.compile(r"\]\(((?:docs|tests|bench)/[\w./-]+)\)")  # a markdown link to a file of the repository
COMMAND = re.compile(r"^(?:[\w-]+\$ )?(?:\.venv/bin/)?(?:graphbuild|python3? -m graphbuild)\s+(.*)$")
SERVER_COMMANDS = {"fetch", "start", "stop", "admin", "cypher-shell", "check"}


def shell_blocks(text: str) -> list[str]:
    r"""The text of every fenced block that is shell (```bash, ```sh or ```console).

    >>> shell_blocks("a\n```bash\nx y\n```\nb\n```python\nz\n```\n")
    ['x y\n']
    """
    blocks, current, shell = [], None, False
    for line in text.splitlines(keepends=True):
        if line.startswith("```"):
            if current is None:
                current, shell = [], line[3:].strip() in ("bash", "sh", "console")
            else:
                if shell:
                    blocks.append("".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def _docs() -> list[tuple[Path, str]]:
    return [(path, path.read_text(encoding="utf-8")) for path in DOCS]


def named_paths(text: str) -> list[str]:
    """Repository paths named in backticks.

    >>> named_paths("see `graphbuild/build/cache.py` and `bench/` but not `graphbuild build`")
    ['graphbuild/build/cache.py', 'bench/']
    """
    return [m.group(1).rstrip(".,:;") for m in PATH.finditer(text)] + LINK.findall(text)


def shown_commands(text: str) -> list[list[str]]:
    """The arguments of every graphbuild command in a fenced block (comments and line joins handled)."""
    commands = []
    for block in shell_blocks(text):
        for line in block.replace("\\\n", " ").splitlines():
            for part in re.split(r"\s*&&\s*", line.strip()):
                match = COMMAND.match(part)
                if match:
                    commands.append(shlex.split(match.group(1), comments=True))
    return commands


@pytest.mark.parametrize("doc", DOCS, ids=[p.name for p in DOCS])
def test_every_named_path_exists(doc: Path) -> None:
    missing = [p for p in named_paths(doc.read_text(encoding="utf-8")) if not (ROOT / p).exists()]
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=[p.name for p in DOCS])
def test_every_shown_command_parses(doc: Path) -> None:
    parser = build_parser()
    for args in shown_commands(doc.read_text(encoding="utf-8")):
        assert "..." not in args, f"a literal '...' in: graphbuild {shlex.join(args)}"
        try:
            parser.parse_args(args)
        except SystemExit as exc:
            pytest.fail(f"graphbuild {shlex.join(args)} does not parse (exit {exc.code})")


def test_the_readme_shows_commands_and_paths() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(shown_commands(readme)) >= 8 and len(named_paths(readme)) >= 20


def test_a_wrong_command_is_caught() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(shown_commands("```bash\ngraphbuild who-met --no-such-flag\n```")[0])


def test_exit_statuses_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for status in ("0", "1", "2", "130", "143"):
        assert re.search(rf"\b{status}\b[^.\n]*", readme.split("Exit status", 1)[1][:600]), status


def _code_map() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("## Code map"):readme.index("**Adding a relation type**")]


def test_the_code_map_names_every_module_of_the_tree() -> None:
    """Each stage folder has its row, naming every module in it; the top-level modules are named too."""
    code_map = _code_map()
    package = ROOT / "graphbuild"
    missing = []
    for folder in sorted(p for p in package.iterdir() if (p / "__init__.py").is_file()):
        if f"`graphbuild/{folder.name}/`" not in code_map:
            missing.append(f"graphbuild/{folder.name}/")
        for module in sorted(folder.rglob("*.py")):
            if module.name != "__init__.py" and f"`{module.name}`" not in code_map and module.name not in code_map:
                missing.append(module.relative_to(ROOT).as_posix())
    missing += [f"graphbuild/{m.name}" for m in sorted(package.glob("*.py"))
                if m.name not in ("__init__.py", "__main__.py") and m.name not in code_map]
    assert missing == []


def test_the_architecture_doc_names_every_stage_folder() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    folders = [p.name for p in (ROOT / "graphbuild").iterdir() if (p / "__init__.py").is_file()]
    assert [f for f in folders if f"graphbuild/{f}/" not in text and f not in ("lexicon",)] == []


def test_no_placeholder_commands_and_no_paths_a_clone_lacks() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for block in shell_blocks(readme) for line in block.splitlines()]
    assert [line for line in lines if re.search(r"(?<!#)\.\.\.|\u2026", line.split(" #")[0])] == []
    assert "../shared" not in readme


def test_neo4j_server_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set()
    for block in shell_blocks(readme):
        for line in block.splitlines():
            words = [part for word in shlex.split(line, comments=True) for part in word.split("=", 1)[-1].split()]
            used |= {words[i + 1] for i, w in enumerate(words[:-1]) if w == "scripts/neo4j-server"}
    assert {"fetch", "start", "stop", "admin", "cypher-shell"} <= used <= SERVER_COMMANDS
    assert (ROOT / "scripts" / "neo4j-server").is_file()
