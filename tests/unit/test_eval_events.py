"""The events scorer on texts of our own with hand-built gold and produced events (no model)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents.evaluation.events_gold import DevText, GoldActor, GoldEvent, GoldPlace, load_dev
from newsevents.evaluation.events_scoring import date_correct, location_correct, score_texts
from newsevents.evaluation.events_suite import relocate
from newsevents.evaluation.matching import Span
from newsevents.model import Actor, Document, Event, Evidence, Place
from newsevents.taxonomy import event_type_of

TEXT_A = "GULU - Rebels and soldiers exchanged fire near Gulu on Monday, killing three fighters."
TEXT_B = "Bank card payments failed across Ghana on Friday after a network fault."
TEXT_NEG = "The striker fired a shot past the keeper as the home side stormed to victory."
GULU = GoldPlace("Gulu", "UG", "Northern", 2.7746, 32.299, "town")
GHANA = GoldPlace("Ghana", "GH", None, 5.556, -0.1969, "country")


def gold(text: str, quote: str, sub: str, **fields) -> GoldEvent:
    start = text.index(quote)
    return GoldEvent(event_type=event_type_of(sub), sub_event_type=sub, modality=fields.pop("modality", "asserted"),
                     evidence=Span(start, start + len(quote)), **fields)


def produced(text: str, quote: str, sub: str, **fields) -> Event:
    start = text.index(quote)
    return Event(id=fields.pop("id", quote[:8]), doc_id="d", event_type=event_type_of(sub), sub_event_type=sub,
                 modality=fields.pop("modality", "asserted"), evidence=(Evidence(start, start + len(quote), quote),),
                 confidence=0.8, **fields)


CLASH = gold(TEXT_A, "Rebels and soldiers exchanged fire near Gulu", "Armed clash", date=dt.date(2024, 5, 6),
             date_precision="day", location=GULU, fatalities=3,
             actors=(GoldActor("Rebels", "actor1", "Rebel group"), GoldActor("soldiers", "actor2", "State forces")))
OUTAGE = gold(TEXT_B, "Bank card payments failed across Ghana", "Payments and banking", status="disrupted",
              date=dt.date(2024, 5, 3), date_precision="day", location=GHANA)
TEXTS = (DevText("a", dt.date(2024, 5, 7), TEXT_A, (CLASH,)), DevText("b", dt.date(2024, 5, 4), TEXT_B, (OUTAGE,)),
         DevText("n", dt.date(2024, 5, 4), TEXT_NEG, ()))
GULU_PLACE = Place("Gulu", "UG", 2.78, 32.30, "town", "city")
GHANA_PLACE = Place("Ghana", "GH", 7.9, -1.0, "country", "country")
RIGHT_A = produced(TEXT_A, "exchanged fire", "Armed clash", date=dt.date(2024, 5, 6), location=GULU_PLACE,
                   fatalities=3, actors=(Actor("Rebels", "actor1", "rebels", "Rebel group"),
                                         Actor("soldiers", "actor2", "army", "State forces")))
RIGHT_B = produced(TEXT_B, "card payments failed", "Payments and banking", status="disrupted",
                   date=dt.date(2024, 5, 3), location=GHANA_PLACE)


def test_a_perfect_system_scores_one_everywhere() -> None:
    figures = score_texts([(TEXTS[0], [RIGHT_A]), (TEXTS[1], [RIGHT_B]), (TEXTS[2], [])]).metrics()
    for name in ("event_f1", "subtype_accuracy", "modality_end_to_end", "location_end_to_end", "date_end_to_end",
                 "status_end_to_end", "counts_end_to_end", "actor_category_f1"):
        assert figures[name] == 1.0, name
    assert figures["negative_texts_with_events"] == 0.0


def test_false_positive_on_a_negative_text_costs_precision() -> None:
    spurious = produced(TEXT_NEG, "fired a shot", "Attack")
    figures = score_texts([(TEXTS[0], [RIGHT_A]), (TEXTS[1], [RIGHT_B]), (TEXTS[2], [spurious])]).metrics()
    assert figures["event_precision"] == pytest.approx(2 / 3)
    assert figures["event_recall"] == 1.0
    assert figures["negative_texts_with_asserted"] == 1.0
    assert figures["negative_false_positives"] == 1.0


def test_wrong_subtype_same_type_is_an_event_match_but_a_label_error() -> None:
    wrong = replace(RIGHT_A, sub_event_type="Government regains territory")
    tally = score_texts([(TEXTS[0], [wrong])])
    figures = tally.metrics()
    assert figures["event_recall"] == 1.0
    assert figures["subtype_accuracy"] == 0.0
    assert tally.confusion[("Armed clash", "Government regains territory")] == 1


def test_wrong_event_type_is_no_event_match() -> None:
    wrong = produced(TEXT_A, "exchanged fire", "Attack")
    figures = score_texts([(TEXTS[0], [wrong])]).metrics()
    assert figures["event_recall"] == 0.0
    assert figures["subtype_macro_f1"] == 0.0


def test_stripping_locations_and_dates_drops_only_those_figures() -> None:
    stripped = [replace(RIGHT_A, location=None, date=None), replace(RIGHT_B, location=None, date=None)]
    figures = score_texts(list(zip(TEXTS[:2], [[e] for e in stripped]))).metrics()
    assert figures["event_f1"] == 1.0
    assert figures["location_end_to_end"] == 0.0
    assert figures["date_end_to_end"] == 0.0


def test_one_produced_event_pairs_with_one_gold_event() -> None:
    tally = score_texts([(TEXTS[0], [RIGHT_A, replace(RIGHT_A, id="dup")])])
    assert tally.matched == 1
    assert tally.metrics()["event_precision"] == 0.5


def test_location_rules_by_precision() -> None:
    assert location_correct(GULU, GULU_PLACE)
    assert not location_correct(GULU, Place("Lira", "UG", 2.2499, 32.8999, "town", "city"))  # ~90 km away
    assert location_correct(GHANA, Place("Accra", "GH", 5.556, -0.1969, "town", "city"))
    assert not location_correct(GHANA, Place("Lome", "TG", 6.13, 1.22, "town", "city"))
    region = GoldPlace("Kherson region", "UA", "Kherson", 46.6354, 32.6169, "admin1")
    assert location_correct(region, Place("Kherson Oblast", "UA", 46.7, 33.0, "admin1", "admin1", admin1="Kherson"))
    assert location_correct(region, Place("Nova Kakhovka", "UA", 46.75, 33.37, "town", "city", admin1="Kherson Oblast"))
    assert not location_correct(region, Place("Odesa", "UA", 46.48, 30.72, "town", "city", admin1="Odesa"))


def test_date_rules_by_precision() -> None:
    week = gold(TEXT_A, "exchanged fire", "Armed clash", date=dt.date(2024, 5, 6), date_precision="week")
    month = gold(TEXT_A, "exchanged fire", "Armed clash", date=dt.date(2024, 5, 1), date_precision="month")
    assert date_correct(week, replace(RIGHT_A, date=dt.date(2024, 5, 9)))
    assert not date_correct(week, replace(RIGHT_A, date=dt.date(2024, 5, 13)))
    assert date_correct(month, replace(RIGHT_A, date=dt.date(2024, 5, 1), date_end=dt.date(2024, 5, 31)))
    assert date_correct(month, replace(RIGHT_A, date=dt.date(2024, 4, 1), date_end=dt.date(2024, 12, 31)))
    assert not date_correct(CLASH, replace(RIGHT_A, date=dt.date(2024, 5, 7)))


def test_load_dev_finds_evidence_offsets(tmp_path: Path) -> None:
    row = {"id": "x1", "published": "2024-05-07", "text": TEXT_A, "events": [{
        "event_type": "Battles", "sub_event_type": "Armed clash", "status": None, "modality": "asserted",
        "date": "2024-05", "date_precision": "month", "location": None, "actors": [],
        "fatalities": 3, "injured": None, "arrested": None, "evidence": "exchanged fire near Gulu"}]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (text,) = load_dev(path)
    (event,) = text.events
    assert TEXT_A[event.evidence.start:event.evidence.end] == "exchanged fire near Gulu"
    assert event.date_window() == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))


def test_relocate_follows_the_cleaned_text() -> None:
    cleaned = TEXT_A.replace("GULU - ", "")
    moved = relocate(TEXTS[0], Document(id="a", text=cleaned, source="t"))
    span = moved.events[0].evidence
    assert cleaned[span.start:span.end] == "Rebels and soldiers exchanged fire near Gulu"
