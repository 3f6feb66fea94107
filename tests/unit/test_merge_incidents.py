"""Merging events from several articles into incidents, on events we build by hand."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from newsevents.merge.incidents import merge_incidents, original_of
from newsevents.model import Actor, Document, Event, Evidence, Place

DAY = dt.date(2024, 5, 14)
# Two towns of an imaginary country 8 km apart, one 200 km away, and their province.
NORTHGATE = Place("Northgate", "XA", 10.00, 20.00, "town", "city", admin1="Lowland")
NORTHGATE_EAST = Place("Northgate East", "XA", 10.00, 20.07, "town", "city", admin1="Lowland")
RIVERTON = Place("Riverton", "XA", 11.80, 20.00, "town", "city", admin1="Upland")
LOWLAND = Place("Lowland", "XA", 10.30, 20.20, "admin1", "admin1")
COUNTRY = Place("Xanadia", "XA", 10.50, 20.50, "country", "country")

ARMY = Actor("soldiers", "actor1", "Military Forces of Xanadia", "State forces", "XA")
REBELS = Actor("the rebels", "actor2", "Northern Liberation Front", "Rebel group")


def document(doc_id: str, site: str | None = None) -> Document:
    return Document(id=doc_id, text=f"Report {doc_id}.", source=f"test:{doc_id}", site_name=site)


def clash(event_id: str, doc_id: str, *, place: Place | None = NORTHGATE, day: dt.date | None = DAY,
          confidence: float = 0.6, sub: str = "Armed clash", text: str = "soldiers clashed with the rebels",
          actors: tuple[Actor, ...] = (ARMY, REBELS), fatalities: int | None = None) -> Event:
    return Event(id=event_id, doc_id=doc_id, event_type="Battles", sub_event_type=sub, modality="asserted",
                 evidence=(Evidence(0, len(text), text),), confidence=confidence, date=day, date_end=None,
                 date_precision="day" if day else "unknown", location=place, actors=actors,
                 fatalities=fatalities)


def test_two_reports_of_one_clash_merge_into_one_incident_with_two_sources() -> None:
    items = [(document("a", "Daily Courier"), [clash("a1", "a", fatalities=3)]),
             (document("b", "Evening Star"), [clash("b1", "b", place=NORTHGATE_EAST, fatalities=3,
                                                    text="fighting between the army and rebel fighters")])]
    [incident] = merge_incidents(items)
    assert incident.source_count == 2
    assert incident.doc_ids == ("a", "b") and incident.event_ids == ("a1", "b1")
    assert incident.confidence > 0.6
    assert incident.confidence == 0.84  # 1 - (1 - 0.6) * (1 - 0.6)
    assert incident.date == DAY and incident.fatalities == 3
    assert incident.sub_event_type == "Armed clash"


def test_same_kind_of_event_in_two_cities_stays_apart() -> None:
    items = [(document("a"), [clash("a1", "a")]), (document("b"), [clash("b1", "b", place=RIVERTON)])]
    assert len(merge_incidents(items)) == 2


def test_same_kind_of_event_a_week_apart_stays_apart() -> None:
    items = [(document("a"), [clash("a1", "a")]),
             (document("b"), [clash("b1", "b", day=DAY + dt.timedelta(days=7))])]
    assert len(merge_incidents(items)) == 2


def test_a_day_of_slack_for_reports_written_the_next_day() -> None:
    items = [(document("a"), [clash("a1", "a")]),
             (document("b"), [clash("b1", "b", day=DAY + dt.timedelta(days=1))])]
    assert len(merge_incidents(items)) == 1


def test_near_duplicates_count_as_one_source() -> None:
    items = [(document("a", "Daily Courier"), [clash("a1", "a")]),
             (document("copy", "Regional Wire"), [clash("c1", "copy")])]
    [incident] = merge_incidents(items, duplicates={"copy": "a"})
    assert incident.source_count == 1
    assert incident.confidence == 0.6
    assert incident.doc_ids == ("a", "copy")


def test_two_articles_of_one_site_are_one_source() -> None:
    items = [(document("a", "Daily Courier"), [clash("a1", "a")]),
             (document("b", "daily courier"), [clash("b1", "b")])]
    [incident] = merge_incidents(items)
    assert incident.source_count == 1


def test_other_event_types_and_modalities_stay_apart() -> None:
    planned = Event(id="p1", doc_id="b", event_type="Battles", sub_event_type="Armed clash", modality="planned",
                    evidence=(), confidence=0.6, date=DAY, date_precision="day", location=NORTHGATE)
    arrests = Event(id="r1", doc_id="c", event_type="Strategic developments", sub_event_type="Arrests",
                    modality="asserted", evidence=(), confidence=0.6, date=DAY, date_precision="day",
                    location=NORTHGATE)
    items = [(document("a"), [clash("a1", "a")]), (document("b"), [planned]), (document("c"), [arrests])]
    assert len(merge_incidents(items)) == 3


def test_the_most_precise_agreeing_place_and_date_win() -> None:
    coarse = clash("b1", "b", place=LOWLAND, day=None)
    country = clash("c1", "c", place=COUNTRY)
    items = [(document("a"), [clash("a1", "a")]), (document("b"), [coarse]), (document("c"), [country])]
    [incident] = merge_incidents(items)
    assert incident.location == NORTHGATE
    assert incident.date == DAY and incident.date_precision == "day"
    assert incident.source_count == 3


def test_conflicting_counts_take_the_majority_then_the_lowest() -> None:
    items = [(document(d, d), [clash(f"{d}1", d, fatalities=n)]) for d, n in (("a", 5), ("b", 5), ("c", 9))]
    assert merge_incidents(items)[0].fatalities == 5
    items = [(document(d, d), [clash(f"{d}1", d, fatalities=n)]) for d, n in (("a", 5), ("b", 9))]
    assert merge_incidents(items)[0].fatalities == 5


def test_no_place_needs_agreeing_actors_to_merge() -> None:
    stranger = Actor("gunmen", "actor1", "Unidentified Armed Group", "Political militia")
    unplaced_other = clash("b1", "b", place=None, actors=(stranger,), text="gunmen opened fire")
    unplaced_same = clash("c1", "c", place=None)
    assert len(merge_incidents([(document("a"), [clash("a1", "a")]), (document("b"), [unplaced_other])])) == 2
    assert len(merge_incidents([(document("a"), [clash("a1", "a")]), (document("c"), [unplaced_same])])) == 1


def test_events_with_neither_place_nor_date_never_merge() -> None:
    items = [(document(d), [clash(f"{d}1", d, place=None, day=None)]) for d in ("a", "b")]
    assert len(merge_incidents(items)) == 2


def test_duplicate_links_are_followed_and_cycles_end() -> None:
    assert original_of("c", {"c": "b", "b": "a"}) == "a"
    assert original_of("a", {"a": "b", "b": "a"}) == "a"


def test_incident_record_is_json_ready() -> None:
    [incident] = merge_incidents([(document("a"), [clash("a1", "a")])])
    data = incident.to_dict()
    assert data["date"] == "2024-05-14" and data["location"]["name"] == "Northgate"
    assert data["event_ids"] == ["a1"] and data["source_count"] == 1


_ITEMS = [
    (document("a", "one"), [clash("a1", "a", fatalities=2), clash("a2", "a", place=RIVERTON)]),
    (document("b", "two"), [clash("b1", "b", place=NORTHGATE_EAST, fatalities=3)]),
    (document("c", "three"), [clash("c1", "c", place=LOWLAND, day=None, confidence=0.4)]),
    (document("d", "four"), [clash("d1", "d", place=RIVERTON, sub="Government regains territory")]),
    (document("e", "five"), [clash("e1", "e", day=DAY + dt.timedelta(days=9))]),
    (document("f", "six"), [clash("f1", "f", place=COUNTRY, confidence=0.9, fatalities=3)]),
]


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(_ITEMS))), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(order: list[int], rnd) -> None:
    shuffled = []
    for i in order:
        doc, events = _ITEMS[i]
        events = list(events)
        rnd.shuffle(events)
        shuffled.append((doc, events))
    assert merge_incidents(shuffled, duplicates={"e": "a"}) == merge_incidents(_ITEMS, duplicates={"e": "a"})


def test_document_similarity_is_a_signal() -> None:
    police = Actor("police", "actor1", "Police Forces of Xanadia", "State forces", "XA")
    militants = Actor("militants", "actor2", "Hill Brigade", "Rebel group")
    unplaced = clash("b1", "b", place=None, actors=(police, militants))
    items = [(document("a"), [clash("a1", "a")]), (document("b"), [unplaced])]
    assert len(merge_incidents(items)) == 1
    assert len(merge_incidents(items, doc_similarity=lambda x, y: 0.0)) == 2
    assert len(merge_incidents(items, doc_similarity=lambda x, y: 1.0)) == 1
