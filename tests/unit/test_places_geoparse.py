"""Finding and resolving every place mention of a text (our own sentences; spaCy's small model)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.model import PlaceMention
from newsevents.nlp import load_nlp
from newsevents.places import Geoparser, make_geoparser
from newsevents.settings import Settings


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return make_geoparser(Settings())


def by_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {m.text: m for m in mentions}


def test_offsets_slice_to_the_mention(parser: Geoparser) -> None:
    text = "Farmers in Kenya protested outside the county offices in Nakuru on Monday."
    mentions = parser.find(text)
    assert [m.text for m in mentions] == ["Kenya", "Nakuru"]
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    assert mentions[1].place.country == "KE" and mentions[1].place.precision == "town"


def test_historic_name_and_region_in_an_article(parser: Geoparser) -> None:
    text = ("Crowds gathered in the old capital, still called Alma-Ata by many residents, while police "
            "reinforcements were sent to the Aktobe region in western Kazakhstan.")
    found = by_text(parser.find(text))
    assert found["Alma-Ata"].place.name == "Almaty"
    assert found["Aktobe region"].place.precision == "admin1"
    assert found["Kazakhstan"].place.feature == "country"


def test_demonyms_are_hints_not_mentions(parser: Geoparser) -> None:
    text = "Kenyan police said two people were hurt when a march in Kisumu turned violent."
    mentions = parser.find(text)
    assert [m.text for m in mentions] == ["Kisumu"]
    assert mentions[0].place.country == "KE"


def test_capitalised_common_words_are_not_places(parser: Geoparser) -> None:
    text = ("Police said the crowd dispersed. Mobile networks were cut for hours. Reading the statement, "
            "the Officer in charge blamed the weather.")
    assert parser.find(text) == []


def test_apposition_picks_the_contained_town(parser: Geoparser) -> None:
    text = "A tornado damaged several homes near Paris, Texas, late on Sunday, officials said."
    found = by_text(parser.find(text))
    assert (found["Paris"].place.country, found["Paris"].place.admin1) == ("US", "Texas")
    assert found["Texas"].place.precision == "admin1"


def test_context_from_the_article(parser: Geoparser) -> None:
    text = ("Lebanese troops were deployed in Beirut after clashes. Fighting later spread to Tripoli, "
            "the country's second city in the north of Lebanon.")
    found = by_text(parser.find(text))
    assert found["Tripoli"].place.country == "LB"


def test_one_reading_per_name(parser: Geoparser) -> None:
    text = "Georgia said Tbilisi was calm. Later, Georgia recalled its envoy from Moscow."
    readings = {m.place.country for m in parser.find(text) if m.text == "Georgia"}
    assert readings == {"GE"}


def test_uses_the_given_doc(parser: Geoparser) -> None:
    text = "Aid reached Goma and Bukavu in the Democratic Republic of the Congo."
    doc = load_nlp()(text)
    assert parser.find(text, doc) == parser.find(text)
    assert {m.place.country for m in parser.find(text, doc)} == {"CD"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Paris", "Texas", "in", "the", "Kenyan", "Alma-Ata", "region", ",", "Police",
                                 "U.S.", "northern", "Nairobi", "said", ".", "Aktobe", "'s", "\n", "Mobile", "São"]),
                max_size=25).map(" ".join) | st.text(max_size=80))
def test_find_never_raises_and_offsets_slice(parser: Geoparser, text: str) -> None:
    for mention in parser.find(text):
        assert text[mention.start:mention.end] == mention.text
        assert 0.0 <= mention.confidence <= 1.0
