"""Document similarity, story clustering and the shared average linkage, on our own short texts."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st

from newsevents.merge.linkage import average_linkage
from newsevents.merge.stories import DocumentSimilarity, cluster_stories, detail_tokens, name_tokens, years
from newsevents.model import Document

TEXTS = {
    # one flood: Brackwater, Monday, 2019
    "flood-1": "Floodwaters swept through Brackwater on Monday after the Tolla River burst its banks, killing 12 "
               "people. Mayor Ilse Varga said 300 homes were under water. The storm of March 2019 was the worst in "
               "decades, according to the Brackwater fire service.",
    "flood-2": "Twelve people died in Brackwater when the Tolla River overflowed on Monday. Rescue teams led by the "
               "Brackwater fire service searched 300 flooded homes, Mayor Ilse Varga told reporters in March 2019.",
    "flood-3": "Mayor Ilse Varga of Brackwater asked for national help on Monday after the Tolla River flooded the "
               "town and killed 12 residents in the 2019 spring storms.",
    # another flood of the same kind: Dunmere, Friday, 2023
    "other-1": "Flash floods hit Dunmere on Friday when the Essel River rose overnight, leaving 4 people dead. "
               "Governor Pavel Oduya said 90 families lost their homes in the August 2023 storm.",
    "other-2": "Four people were killed in Dunmere after the Essel River flooded on Friday. Governor Pavel Oduya "
               "visited the 90 families who lost their homes in August 2023.",
}


def documents() -> list[Document]:
    return [Document(id=k, text=v, source=f"test:{k}") for k, v in TEXTS.items()]


def test_articles_on_one_event_cluster_and_two_events_of_one_kind_do_not() -> None:
    stories = cluster_stories(documents())
    assert sorted(s.doc_ids for s in stories) == [("flood-1", "flood-2", "flood-3"), ("other-1", "other-2")]


def test_similarity_is_higher_within_a_story() -> None:
    sim = DocumentSimilarity.fit(documents())
    assert sim.score("flood-1", "flood-2") > sim.score("flood-1", "other-1")
    assert sim.score("flood-1", "flood-1") == 1.0
    assert sim.score("flood-1", "missing") == 0.0
    assert np.allclose(sim.matrix, sim.matrix.T)


def test_feature_views() -> None:
    text = "Governor Pavel Oduya met Red Sox fans on Friday. The 4 buses left in 2023."
    assert {"governor_pavel_oduya", "oduya", "red_sox", "sox"} <= set(name_tokens(text))
    assert "the" not in name_tokens(text)
    assert detail_tokens(text) == ["friday", "4"]
    assert years(text) == frozenset({"2023"})


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(TEXTS)))
def test_story_clustering_is_order_independent(order: list[str]) -> None:
    docs = [Document(id=k, text=TEXTS[k], source="test") for k in order]
    assert cluster_stories(docs) == cluster_stories(documents())


def test_empty_and_textless_collections() -> None:
    assert cluster_stories([]) == []
    stories = cluster_stories([Document(id="x", text="...", source="t"), Document(id="y", text="!!", source="t")])
    assert sorted(s.doc_ids for s in stories) == [("x",), ("y",)]


def test_average_linkage_merges_by_mean_and_respects_cannot_link() -> None:
    sim = np.array([[1.0, 0.9, 0.5, 0.0],
                    [0.9, 1.0, 0.4, 0.0],
                    [0.5, 0.4, 1.0, 0.1],
                    [0.0, 0.0, 0.1, 1.0]])
    assert average_linkage(sim, 0.6) == [[0, 1], [2], [3]]
    assert average_linkage(sim, 0.45) == [[0, 1, 2], [3]]
    blocked = np.zeros((4, 4), bool)
    blocked[1, 2] = blocked[2, 1] = True
    assert average_linkage(sim, 0.45, blocked) == [[0, 1], [2], [3]]
    assert average_linkage(np.zeros((0, 0)), 0.5) == []


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 8).flatmap(lambda n: st.lists(st.floats(0, 1), min_size=n * n, max_size=n * n)),
       st.floats(0.05, 0.95))
def test_average_linkage_partitions_every_index(values: list[float], threshold: float) -> None:
    n = int(round(len(values) ** 0.5))
    sim = np.array(values).reshape(n, n)
    sim = (sim + sim.T) / 2
    clusters = average_linkage(sim, threshold)
    assert sorted(i for c in clusters for i in c) == list(range(n))
