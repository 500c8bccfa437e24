"""The spaCy stage: graphbuild's components declare what they assign and require, and the pipeline meets it."""

from __future__ import annotations

from graphbuild.extract.nlp import load_pipeline
from graphbuild.settings import Settings


def test_components_declare_what_they_assign_and_require() -> None:
    nlp = load_pipeline(Settings().model)
    ours = [name for name in nlp.pipe_names if name.startswith("graphbuild_")]
    assert ours == ["graphbuild_paragraphs", "graphbuild_places", "graphbuild_people"]
    for name in ours:
        assert nlp.get_pipe_meta(name).assigns, name
    assert all(not problems for problems in nlp.analyze_pipes(pretty=False)["problems"].values())
