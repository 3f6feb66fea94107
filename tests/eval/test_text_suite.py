"""The `text` suite: the benchmark metric (fast, on made-up strings) and a full run (slow, on shared data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.evaluation import text_suite
from newsevents.evaluation.text_suite import Counts, match, score, shingles
from newsevents.settings import Settings

DATA = Path(__file__).parents[2].parent / "shared" / "data"


def test_shingles() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("Short text!") == {("Short", "text"): 1}  # fewer words than n: one short shingle
    assert shingles("") == {}
    assert sum(shingles("x y z w x y z w").values()) == 5


def test_match_normalises_to_one() -> None:
    counts = match("one two three four five", "one two three four six")
    assert counts == Counts(tp=1 / 3, fp=1 / 3, fn=1 / 3)
    assert match("", "") == Counts(0.0, 0.0, 0.0)
    assert match("same four word text", "same four word text") == Counts(1.0, 0.0, 0.0)


def test_score_follows_the_benchmark() -> None:
    perfect, empty_prediction, both_empty = Counts(1, 0, 0), Counts(0, 0, 1), Counts(0, 0, 0)
    metrics = score([perfect, empty_prediction, both_empty])
    assert metrics["precision"] == 1.0  # only pages with TP+FP > 0 count for precision
    assert metrics["recall"] == 0.5  # pages with TP+FN > 0: one found, one missed
    assert metrics["f1"] == pytest.approx(2 / 3)


def test_missing_data_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        text_suite.run(tmp_path, Settings())


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "dev" / "article-extraction" / "ground-truth.json").is_file(),
                    reason=f"article-extraction benchmark not found under {DATA}")
def test_ours_at_least_trafilatura_default() -> None:
    report = text_suite.run(DATA, Settings())
    assert report.suite == "text" and report.items == 181
    assert set(report.systems) == {"ours", "trafilatura-default", "trafilatura-benchmark", "readability-lxml",
                                   "justext"}
    assert set(report.gated) == {"f1", "precision", "recall"}
    ours = report.metrics
    assert ours["f1"] >= report.systems["trafilatura-default"]["f1"]
    assert ours["f1"] >= report.systems["trafilatura-benchmark"]["f1"]
    assert ours["f1"] > report.systems["justext"]["f1"]
