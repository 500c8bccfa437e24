"""graphbuild.toml: the analyst's aliases, distinct names, titles, relation types and page defaults."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.settings import ConfigError, parse_config

ARTICLES = {
    "a.txt": "Foreign Minister Tavi Marrowfield met Kelvin Osgood in Lisbon on Monday.\n",
    "b.txt": "Tavy Marrowfield met Rina Castellane in Oslo on Tuesday.\n",
    "c.txt": "Orla Pennick visited Lisbon. Pennick met Rina Castellane in Oslo.\n",
}

CONFIG = """
[aliases]
"Tavi Marrowfield" = ["Tavy Marrowfield"]

[distinct]
"Orla Pennick" = ["Pennick"]

[titles]
"Tavi Marrowfield" = { add = ["Special Envoy"], drop = ["foreign minister"] }

[export]
relations = ["MET", "SPOKE_WITH", "HOLDS_POSITION"]

[page]
max_nodes = 50
show_isolated = true
statuses = ["occurred"]
"""


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str | None, *extra: str) -> dict:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if config is not None:
        (tmp_path / "graphbuild.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", *ARTICLES, "--out", "out", "--quiet", "--workers", "1", *extra]) == 0
    return json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))


def _people(graph: dict) -> dict[str, dict]:
    return {n["id"]: n for n in graph["nodes"] if n.get("label") == "Person"}


def test_config_joins_spellings_keeps_names_apart_and_edits_titles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "plain").mkdir()
    plain = _build(tmp_path / "plain", monkeypatch, None)
    people = _people(plain)
    # Without the config: two spellings, two people; "Pennick" is Orla Pennick; the post is as written.
    assert {"person:tavi-marrowfield", "person:tavy-marrowfield"} <= set(people)
    assert "person:pennick" not in people
    assert "Foreign Minister" in people["person:tavi-marrowfield"]["titles"]
    assert any(e["type"] == "VISITED" for e in plain["edges"])
    assert "config" not in plain["graph"]

    (tmp_path / "fixed").mkdir()
    fixed = _build(tmp_path / "fixed", monkeypatch, CONFIG)
    people = _people(fixed)
    # [aliases]: one Person node, both spellings its aliases, meetings from both articles on it.
    assert "person:tavy-marrowfield" not in people
    tavi = people["person:tavi-marrowfield"]
    assert tavi["name"] == "Tavi Marrowfield" and tavi["aliases"] == ["Tavi Marrowfield", "Tavy Marrowfield"]
    met = {frozenset((e["source"], e["target"])) for e in fixed["edges"] if e["type"] == "MET"}
    assert {frozenset(("person:tavi-marrowfield", "person:kelvin-osgood")),
            frozenset(("person:tavi-marrowfield", "person:rina-castellane"))} <= met
    # [titles]: a post added, one dropped (case-insensitively).
    assert tavi["titles"] == ["Special Envoy"]
    # [distinct]: "Pennick" is not merged into Orla Pennick.
    assert "person:pennick" in people and "Pennick" not in people["person:orla-pennick"]["aliases"]
    # [export] relations: no VISITED; MENTIONS (articles) are not relations and stay, and so do the edges of
    # the meetings the contacts come from (PARTICIPATED_IN, REPORTS).
    types = {e["type"] for e in fixed["edges"]}
    assert "VISITED" not in types
    assert types <= {"MET", "SPOKE_WITH", "HOLDS_POSITION", "MENTIONS", "PARTICIPATED_IN", "REPORTS"}
    # The graph records a digest of the config; the page its defaults.
    assert fixed["graph"]["config"].startswith("sha256:")
    page = (tmp_path / "fixed" / "out" / "graph.html").read_text(encoding="utf-8")
    assert '"defaults":{"show_isolated":true,"statuses":["occurred"]}' in page
    # --config PATH wins over ./graphbuild.toml; the extraction cache is reused (the config acts after it).
    other = tmp_path / "fixed" / "other.toml"
    other.write_text('[aliases]\n"Tavy Marrowfield" = ["Tavi Marrowfield"]\n', encoding="utf-8")
    capsys.readouterr()
    again = _build(tmp_path / "fixed", monkeypatch, None, "--config", str(other))
    err = capsys.readouterr().err
    assert "(3 from cache)" in err
    assert re.search(r"^wrote .*graph\.json, .*graph\.html, .*triples\.jsonl$", err, re.M)  # every file written
    assert "person:tavy-marrowfield" in _people(again) and "person:tavi-marrowfield" not in _people(again)
    assert again["graph"]["config"] != fixed["graph"]["config"]


@pytest.mark.parametrize("text, message", [
    ('[aliases]\n"Ann Vell" = "Anne Vell"\n', 'x.toml:2: [aliases] "Ann Vell" must be a list of names'),
    ('[alias]\n"Ann Vell" = ["Anne Vell"]\n', "x.toml:1: unknown table or key 'alias'"),
    ('[page]\nmax_nodes = 0\n', "x.toml:2: [page] max_nodes must be a whole number of at least 1"),
    ('\n[page]\nshow_isolated = "yes"\n', "x.toml:3: [page] show_isolated must be true or false"),
    ('[export]\nrelations = ["MET", "MEETS"]\n', "x.toml:2: [export] relations: unknown 'MEETS'"),
    ('[page]\nstatuses = ["maybe"]\n', "x.toml:2: [page] statuses: unknown 'maybe'"),
    ('[titles]\n"Ann Vell" = { add = "Envoy" }\n', 'x.toml:2: [titles] "Ann Vell": add must be a list'),
    ('[titles]\n"Ann Vell" = { remove = ["Envoy"] }\n', "x.toml:2: [titles] \"Ann Vell\": unknown key 'remove'"),
    ('[aliases]\n"Ann Vell" = ["A"]\n"Bo Vell" = ["A"]\n', "x.toml:3: [aliases] 'A' is also a name of 'Ann Vell'"),
    ('[aliases\n', "x.toml:1: "),
])
def test_wrong_config_is_one_line_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "x.toml")
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_cli_wrong_config_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    (tmp_path / "graphbuild.toml").write_text('[page]\nmax_nodes = "many"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "a.txt", "--out", "out", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err == "graphbuild: error: graphbuild.toml:2: [page] max_nodes must be a whole number of at least 1\n"
    assert not (tmp_path / "out").exists()
    assert main(["build", "a.txt", "--out", "out", "--config", "missing.toml"]) == 2
    assert "missing.toml: no such config file" in capsys.readouterr().err
