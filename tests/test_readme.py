"""The README as a newcomer runs it: its commands parse, its paths exist, nothing is left as '...'."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from graphbuild.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SERVER_COMMANDS = {"fetch", "start", "stop", "admin", "cypher-shell", "check"}


def _shell_lines() -> list[str]:
    """Command lines of the README's ```bash blocks, comments cut, host prompts ("host1$ ") dropped."""
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", README, re.S):
        for line in block.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            command = re.sub(r"^[\w-]+\$ ", "", command)
            if command:
                lines.append(command)
    return lines


def test_no_placeholder_commands_and_no_paths_a_clone_lacks() -> None:
    lines = _shell_lines()
    assert len(lines) >= 15
    assert [line for line in lines if "..." in line or "\u2026" in line] == []
    assert "../shared" not in README


@pytest.mark.parametrize("line", [line for line in _shell_lines() if re.search(r"(^|/|-m )graphbuild ", line)])
def test_graphbuild_commands_parse(line: str) -> None:
    """Every graphbuild command shown is one the CLI accepts (sub-command and options)."""
    words = shlex.split(line)
    at = next(i for i, w in enumerate(words) if w == "graphbuild" or w.endswith("/graphbuild"))
    try:
        build_parser().parse_args(words[at + 1:])
    except SystemExit as exc:  # argparse: a usage error
        pytest.fail(f"README command does not parse ({exc.code}): {line}")


def test_neo4j_server_commands_exist() -> None:
    used = set()
    for line in _shell_lines():
        # also inside NEO4J_ADMIN="scripts/neo4j-server admin ..."
        words = [part for word in shlex.split(line) for part in word.split("=", 1)[-1].split()]
        used |= {words[i + 1] for i, w in enumerate(words[:-1]) if w == "scripts/neo4j-server"}
    assert {"fetch", "start", "stop", "admin", "cypher-shell"} <= used <= SERVER_COMMANDS
    assert (ROOT / "scripts" / "neo4j-server").is_file()


def test_paths_named_in_the_readme_exist() -> None:
    """Modules, folders, scripts and docs the README names are where it says (after the house by stage)."""
    named = set(re.findall(r"`((?:graphbuild|scripts|tests|bench|docs|seeds)/[\w./-]*)`", README))
    named |= set(re.findall(r"\]\(((?:docs|tests|bench)/[\w./-]+)\)", README))
    assert len(named) > 20
    missing = sorted(path for path in named if not (ROOT / path.rstrip("/")).exists())
    assert missing == []
