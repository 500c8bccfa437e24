"""Guard against accuracy regressions: the figures in README.md's accuracy table are a floor.

README.md holds the table between ``<!-- accuracy-table:start -->`` and
``<!-- accuracy-table:end -->``; ``python -m graphbuild.evaluate --markdown`` prints that block.
This test re-runs the evaluation on both dev sets and fails when a precision, recall or F1 is
more than TOLERANCE below the stated figure. Skipped when ../shared/corpus is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild import evaluate
from graphbuild.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"
TOLERANCE = 0.02


def test_readme_table_is_well_formed():
    stated = evaluate.parse_markdown(README.read_text(encoding="utf-8"))
    for dataset in evaluate.DATASETS:
        assert (dataset.name, evaluate.ALL) in stated, dataset.name
        assert (dataset.name, "MET") in stated, dataset.name


@pytest.mark.slow
def test_accuracy_not_below_readme():
    missing = [str(p) for d in evaluate.DATASETS for p in (d.gold, d.corpus) if not p.is_file()]
    if missing:
        pytest.skip(f"evaluation data not found: {', '.join(missing)}")
    stated = evaluate.parse_markdown(README.read_text(encoding="utf-8"))
    settings = Settings(progress=False)
    drops = []
    for dataset in evaluate.DATASETS:
        _gold, counts, _errors = evaluate.evaluate(dataset, settings)
        for name, c in evaluate.table_rows(counts):
            want = stated.get((dataset.name, name))
            assert want is not None, f"README.md's accuracy table has no row for {dataset.name} {name}: regenerate it"
            got = dict(zip(("precision", "recall", "F1"), evaluate.rates(c), strict=True))
            for key, floor in want.items():
                if floor is None:
                    continue
                value = got[key] or 0.0
                if value < floor - TOLERANCE:
                    drops.append(f"{dataset.name} {name} {key}: {value:.2f} < {floor:.2f} "
                                 f"(tp {c['tp']} fp {c['fp']} fn {c['fn']})")
    assert not drops, "accuracy below README.md:\n" + "\n".join(drops)


def test_readme_document_table_is_well_formed():
    stated = evaluate.parse_document_markdown(README.read_text(encoding="utf-8"))
    assert {d.name for d in evaluate.DOCUMENT_GOLD} <= set(stated)


@pytest.mark.slow
def test_document_scores_not_below_readme():
    """Whole builds scored by ../shared/tools/score_met.py against the document-level gold: a floor too."""
    present = [d for d in evaluate.DOCUMENT_GOLD if d.gold.is_file() and d.corpus.is_file()]
    if not present or not evaluate.SCORE_TOOL.is_file():
        pytest.skip("document-level gold or score_met.py not found")
    stated = evaluate.parse_document_markdown(README.read_text(encoding="utf-8"))
    drops = []
    for dataset in present:
        scores = evaluate.document_scores(dataset, Settings().model)
        for column, floor in stated.get(dataset.name, {}).items():
            if floor is not None and scores.get(column, 0.0) < floor - TOLERANCE:
                drops.append(f"{dataset.name} {column}: {scores.get(column, 0.0):.2f} < {floor:.2f}")
    assert not drops, "document-level accuracy below README.md:\n" + "\n".join(drops)
