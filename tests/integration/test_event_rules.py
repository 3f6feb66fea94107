"""The rule extractor on parsed sentences we wrote: triggers, clauses as evidence, modality,
attribution, actors, counts, places and dates. Needs the small English spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.events.extract import RuleExtractor
from newsevents.model import Document, Event, Place, PlaceMention
from newsevents.nlp import load_nlp
from newsevents.settings import Settings
from newsevents.temporal import make_time_finder

PUBLISHED = dt.date(2024, 5, 10)  # a Friday
COUNTRIES = {"Ruritanian": "RU", "Kenyan": "KE"}


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor(country_of=COUNTRIES.get)


def place(name: str, precision: str = "town", country: str = "KE") -> Place:
    return Place(name=name, country=country, lat=0.0, lon=0.0, precision=precision,  # type: ignore[arg-type]
                 feature="city" if precision == "town" else precision)


def mentions(text: str, *names: str, precision: str = "town") -> list[PlaceMention]:
    found = []
    for name in names:
        start = text.index(name)
        found.append(PlaceMention(start, start + len(name), name, place(name, precision), 0.9))
    return found


def run(extractor: RuleExtractor, text: str, places: list[PlaceMention] | None = None,
        title: str | None = None) -> list[Event]:
    doc = load_nlp()(text)
    document = Document(id="t", text=text, source="test", published=PUBLISHED, title=title)
    times = make_time_finder(Settings()).find(text, PUBLISHED, doc=doc)
    return extractor.extract(doc, document, times=times, places=places or [])


def only(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.sub_event_type, e.evidence[0].text) for e in events]
    return events[0]


def test_a_clash_with_its_date_actors_and_toll(extractor: RuleExtractor) -> None:
    text = "Soldiers clashed with rebels near Kisumu on Wednesday, killing seven of them, the army said."
    event = only(run(extractor, text, mentions(text, "Kisumu")))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.date == dt.date(2024, 5, 8) and event.date_precision == "day"
    assert event.location and event.location.name == "Kisumu"
    assert event.fatalities == 7
    assert {(a.role, a.category) for a in event.actors} >= {("actor1", "State forces"), ("actor2", "Rebel group")}
    assert event.attribution and event.attribution.source == "the army"
    start, end = event.evidence[0].start, event.evidence[0].end
    assert text[start:end] == event.evidence[0].text and "clashed" in event.evidence[0].text


@pytest.mark.parametrize(("text", "modality"), [
    ("Teachers will march to parliament on Monday to demand higher pay.", "planned"),
    ("The unions said they would stage a strike across the country next week.", "planned"),
    ("Analysts warned that the standoff could lead to clashes between the two militias.", "hypothetical"),
    ("Gunmen tried to storm the police station in the town overnight.", "attempted"),
    ("The ministry denied that soldiers had fired on protesters in the square.", "negated"),
    ("Hundreds of farmers marched through the capital on Tuesday.", "asserted"),
])
def test_modality(extractor: RuleExtractor, text: str, modality: str) -> None:
    events = run(extractor, text)
    assert events and events[0].modality == modality, [(e.sub_event_type, e.modality) for e in events]


def test_each_clause_of_a_list_of_actions_is_its_own_evidence(extractor: RuleExtractor) -> None:
    text = ("The mob ransacked the market, tried to attack the courthouse and attempted to enter a military base "
            "in the northern district.")
    events = run(extractor, text)
    evidence = [e.evidence[0].text for e in events]
    assert any("ransacked" in t and "courthouse" not in t for t in evidence)
    assert any(t.startswith("attempted to enter") for t in evidence)
    assert all(e.modality == "attempted" for e in events if "tried" in e.evidence[0].text or "attempted" in e.evidence[0].text)


def test_disruptions_get_a_status_each(extractor: RuleExtractor) -> None:
    text = ("Mobile internet in the capital has been restored, but card payments still do not work and banks "
            "have limited cash withdrawals at ATMs.")
    found = {(e.sub_event_type, e.status) for e in run(extractor, text)}
    assert ("Internet and telecom", "restored") in found
    assert ("Cash access", "restricted") in found


def test_referring_back_to_an_event_is_not_a_new_one(extractor: RuleExtractor) -> None:
    text = "Prosecutors are investigating the riots. Two officials were blamed for the attack."
    assert run(extractor, text) == []


def test_nothing_happened_is_not_an_event(extractor: RuleExtractor) -> None:
    assert run(extractor, "No one was killed and no arrests were made, officials said on Friday.") == []


def test_metaphors_and_drills_are_not_events(extractor: RuleExtractor) -> None:
    text = ("The striker scored twice as the home side won the match. "
            "Troops held a joint exercise with live artillery fire near the border.")
    assert run(extractor, text) == []


def test_places_listing_members_are_not_locations(extractor: RuleExtractor) -> None:
    text = ("In Nakuru, soldiers from four states (Ruritania, Borduria, Syldavia and Kenya) "
            "clashed with militants on Thursday.")
    places = mentions(text, "Nakuru") + mentions(text, "Ruritania", "Borduria", "Syldavia", "Kenya", precision="country")
    event = only(run(extractor, text, places))
    assert event.location and event.location.name == "Nakuru"


def test_a_later_sentence_inherits_the_last_place(extractor: RuleExtractor) -> None:
    text = "Tension rose in Eldoret on Monday. Rioters later burned tyres and threw stones at police in the city."
    event = only(run(extractor, text, mentions(text, "Eldoret")))
    assert event.sub_event_type == "Violent demonstration" and event.location and event.location.name == "Eldoret"


def test_the_headline_is_not_coded_twice(extractor: RuleExtractor) -> None:
    title = "Police disperse protest in Mombasa"
    text = f"{title}\n\nPolice fired tear gas to disperse a protest by traders in Mombasa on Thursday."
    event = only(run(extractor, text, title=title))
    assert event.sub_event_type == "Protest with intervention"


def test_an_undated_past_event_gets_a_window_ending_at_publication(extractor: RuleExtractor) -> None:
    event = only(run(extractor, "Rebels have seized control of the river port, residents said."))
    assert event.date is not None and event.date_end == PUBLISHED and event.date_precision != "day"


def test_history_is_not_coded(extractor: RuleExtractor) -> None:
    assert run(extractor, "In 1998, soldiers clashed with rebels in the hills for three weeks.") == []


def test_a_protest_cause_is_its_issue(extractor: RuleExtractor) -> None:
    event = only(run(extractor, "Thousands of traders protested in the capital on Monday over a new tax on mobile money."))
    assert event.issue and "tax on mobile money" in event.issue
    assert event.participants == 1000


def test_a_denied_or_absent_event_is_coded_as_negated(extractor: RuleExtractor) -> None:
    event = only(run(extractor, "No clashes were reported in the northern districts on Sunday, the governor said."))
    assert event.sub_event_type == "Armed clash" and event.modality == "negated"


def test_an_event_after_which_people_died_is_still_an_event(extractor: RuleExtractor) -> None:
    event = only(run(extractor, "At least nine people died after a suspected chlorine gas attack on the village on Monday."))
    assert event.sub_event_type == "Chemical weapon" and event.modality == "asserted"


def test_both_sides_of_a_clash_and_no_dateline_in_actors(extractor: RuleExtractor) -> None:
    text = "NAKURU — Police and armed herders clashed outside the town on Monday."
    event = only(run(extractor, text, mentions(text, "NAKURU")))
    roles = {(a.role, a.category) for a in event.actors}
    assert ("actor1", "State forces") in roles and ("actor2", "Identity militia") in roles
    assert all("NAKURU" not in a.text for a in event.actors)


def test_foreign_forces_are_external(extractor: RuleExtractor) -> None:
    text = "Ruritanian troops shelled the outskirts of Kisumu on Monday."
    event = only(run(extractor, text, mentions(text, "Kisumu")))
    assert any(a.category == "External/Other forces" and a.country == "RU" for a in event.actors)


def test_he_is_the_speaker_named_just_before(extractor: RuleExtractor) -> None:
    text = ("The governor of the province, Amina Odhiambo, said the curfew would stay. "
            "She added that gunmen had attacked a police post overnight.")
    events = run(extractor, text)
    assert events and events[-1].attribution
    assert "Amina Odhiambo" in events[-1].attribution.source
