"""The ecb suite: scoring helpers on toy clusterings (fast) and the whole ECB+ corpus (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation import ecb_suite
from newsevents.evaluation.ecb_suite import Article, bcubed, merged_topics, variants
from newsevents.settings import Settings


def test_bcubed_perfect_and_all_in_one() -> None:
    gold = ["x", "x", "y", "y"]
    assert bcubed(["1", "1", "2", "2"], gold) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed(["1", "1", "1", "1"], gold)
    assert (precision, recall) == (0.5, 1.0) and f1 == pytest.approx(2 / 3)


def test_merged_topics_counts_dominant_and_any_shared_cluster() -> None:
    stories = ["1-ecb", "1-ecb", "1-ecbplus", "1-ecbplus", "1-ecbplus"]
    articles = [Article(str(i), story, 1, "") for i, story in enumerate(stories)]
    assert merged_topics(["a", "a", "b", "b", "b"], articles) == ([], [])
    assert merged_topics(["a", "a", "a", "b", "b"], articles) == ([], [1])
    assert merged_topics(["a", "a", "a", "a", "b"], articles) == ([1], [1])


def test_constructed_variants_keep_the_article_and_add_our_text() -> None:
    text = "A headline\nFirst sentence here. Second one follows. Third closes it."
    made = variants(text)
    assert set(made) == {"new headline", "boilerplate added", "2 sentences reworded", "all three"}
    assert "Second one follows." in made["boilerplate added"] and "A headline" not in made["new headline"]


@pytest.mark.slow
def test_ecb_story_clustering_floors(data_dir: Path) -> None:
    if not (data_dir / ecb_suite.DATA).is_file():
        pytest.skip(f"ECB+ data not found at {data_dir / ecb_suite.DATA}")
    report = ecb_suite.run(data_dir, Settings())
    ours = report.metrics
    assert report.items == 982 and set(report.gated) == {"bcubed_f1", "ari"}
    assert ours["bcubed_f1"] >= 0.86 and ours["ari"] >= 0.84
    assert ours["topics_merged"] == 0  # the two real-world events of a topic never share a cluster
    baseline = report.systems[ecb_suite.TFIDF]
    assert ours["bcubed_f1"] > baseline["bcubed_f1"] and ours["topics_merged"] < baseline["topics_merged"]
    assert ours["near_dup_links_other_event"] == 0
    assert ours["near_dup_recall_new_headline"] >= 0.98 and ours["near_dup_recall_all_three"] >= 0.9
