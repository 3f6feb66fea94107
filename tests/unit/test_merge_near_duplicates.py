"""Near-duplicate detection on our own short articles (no data set needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from newsevents.merge.near_duplicates import (
    NUM_PERM, NearDuplicateIndex, containment, duplicate_score, shingles, signature_bytes,
    signature_from_bytes, signature_of,
)

ORIGINAL = (
    "Harbour workers strike over unpaid wages\n"
    "Dock workers in the port town of Velmora walked off the job on Tuesday morning, halting the loading of "
    "grain ships for the third time this year. The workers' union said that more than four hundred members "
    "had not been paid for two months and that the strike would continue until the port authority settled "
    "its debts. A spokeswoman for the authority said talks would resume on Thursday and blamed the delays on "
    "a dispute with the regional treasury. Shipping agents reported that at least six vessels were waiting "
    "outside the harbour by the afternoon, and traders warned that bread prices in the province could rise "
    "if the stoppage lasted more than a week. Police officers watched the picket line at the main gate, "
    "where workers sang and carried banners, but no incidents were reported."
)
SYNDICATED = (
    "Velmora port at a standstill as unpaid dockers strike\n"
    + ORIGINAL.split("\n", 1)[1]
    + "\nShare this article. Sign up for our newsletter to get the morning headlines in your inbox."
)
EDITED = ORIGINAL.replace("more than four hundred members", "some 420 members").replace(
    "but no incidents were reported", "and the protest remained calm, officials said")
SAME_TOPIC = (
    "Grain exports delayed by port stoppage\n"
    "A strike by unpaid dock workers in Velmora has left grain ships stranded, and exporters say contracts "
    "with foreign buyers are at risk. The union, which represents several hundred port employees, accuses the "
    "port authority of withholding two months of wages. The authority blames the regional treasury and says a "
    "new round of negotiations is planned. Farmers' associations in the province have asked the government to "
    "step in, warning that storage silos are almost full after a strong harvest. Economists expect food prices "
    "to climb if the dispute is not resolved soon."
)


def test_syndicated_copy_is_linked_to_the_original() -> None:
    index = NearDuplicateIndex()
    assert index.add("a", ORIGINAL) is None
    assert index.add("b", SYNDICATED) == "a"
    assert index.add("c", EDITED) == "a"
    assert index.duplicates() == {"b": "a", "c": "a"}
    assert [link.doc_id for link in index.links()] == ["b", "c"]
    assert all(0.0 < link.similarity <= 1.0 for link in index.links())


def test_different_article_on_the_same_topic_is_not_linked() -> None:
    index = NearDuplicateIndex()
    index.add("a", ORIGINAL)
    assert index.match(SAME_TOPIC) is None
    assert index.add("d", SAME_TOPIC) is None
    assert index.duplicates() == {}


def test_the_earliest_published_document_becomes_the_original() -> None:
    index = NearDuplicateIndex()
    index.add("late", SYNDICATED, published=dt.date(2024, 3, 6))
    index.add("copy", EDITED, published=dt.date(2024, 3, 7))
    assert index.add("early", ORIGINAL, published=dt.date(2024, 3, 5)) is None
    assert index.duplicates() == {"late": "early", "copy": "early"}
    assert index.original_of("early") == "early"


def test_unknown_dates_fall_back_to_first_seen() -> None:
    index = NearDuplicateIndex()
    index.add("first", SYNDICATED)
    assert index.add("second", ORIGINAL) == "first"


def test_adding_a_known_id_changes_nothing() -> None:
    index = NearDuplicateIndex()
    index.add("a", ORIGINAL)
    index.add("b", SYNDICATED)
    assert index.add("b", SAME_TOPIC) == "a"
    assert len(index) == 2


def test_snapshot_round_trip_restores_links_and_matching() -> None:
    index = NearDuplicateIndex()
    index.add("a", ORIGINAL, published=dt.date(2024, 3, 5))
    index.add("b", SYNDICATED)
    index.add("d", SAME_TOPIC)
    state = index.snapshot()
    assert all(isinstance(e.signature, bytes) and len(e.signature) == NUM_PERM * 8 for e in state)
    restored = NearDuplicateIndex.restore(state)
    assert restored.snapshot() == state
    assert restored.add("c", EDITED) == "a"
    assert restored.add("e", SAME_TOPIC + " Updated.") == "d"


def test_malformed_signature_is_refused() -> None:
    with pytest.raises(ValueError):
        signature_from_bytes(b"\x00" * 12)


def test_signature_bytes_round_trip() -> None:
    minhash = signature_of(shingles(ORIGINAL))
    assert signature_from_bytes(signature_bytes(minhash)).jaccard(minhash) == 1.0


def test_containment_decides_for_a_copy_inside_a_longer_text() -> None:
    assert containment(0.5, 100, 100) == pytest.approx(2 / 3)
    assert containment(0.25, 50, 200) == pytest.approx(1.0)
    assert duplicate_score(0.25, 50, 200) == pytest.approx(1.0)
    assert duplicate_score(0.25, 10, 200) is None  # too short to trust containment


def test_empty_text_is_never_a_duplicate() -> None:
    index = NearDuplicateIndex()
    assert index.add("empty", "") is None
    assert index.add("empty-too", "  ... ") is None


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_any_text_can_be_indexed_and_matches_itself(text: str) -> None:
    index = NearDuplicateIndex()
    assert index.add("x", text) is None
    if shingles(text):
        link = index.match(text)
        assert link is not None and link.original_id == "x"
