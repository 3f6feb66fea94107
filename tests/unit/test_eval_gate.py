"""The quality gate: pins, checks, and a deliberately broken component that must fail it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from newsevents.evaluation.base import SuiteReport
from newsevents.evaluation.events_gold import DevText, GoldEvent, GoldPlace
from newsevents.evaluation.events_suite import measure
from newsevents.evaluation.gate import GateFailure, check, load_floors, pin, repin, save_floors
from newsevents.evaluation.matching import Span
from newsevents.model import Document, Event, Evidence, Place, Result
from newsevents.settings import Settings

TEXTS = (
    ("g1", "Police arrested twelve protesters outside the parliament in Lusaka on Tuesday evening.",
     "Police arrested twelve protesters", "Arrests", "Strategic developments",
     GoldPlace("Lusaka", "ZM", "Lusaka", -15.4134, 28.2771, "town")),
    ("g2", "A landmine exploded under a truck near Tete on Sunday, wounding the driver and two passengers.",
     "A landmine exploded under a truck near Tete", "Remote explosive/landmine/IED", "Explosions/Remote violence",
     GoldPlace("Tete", "MZ", "Tete", -16.1564, 33.5867, "town")),
)


def dev_texts() -> tuple[DevText, ...]:
    texts = []
    for tid, text, quote, sub, etype, place in TEXTS:
        start = text.index(quote)
        gold = GoldEvent(etype, sub, "asserted", Span(start, start + len(quote)), date=dt.date(2024, 2, 4),
                         date_precision="day", location=place)
        texts.append(DevText(tid, dt.date(2024, 2, 5), text, (gold,)))
    return tuple(texts)


class Oracle:
    """Produces exactly the gold events (a stand-in for a perfect pipeline)."""

    def __init__(self, texts: tuple[DevText, ...]) -> None:
        self.gold = {t.id: t for t in texts}

    def process(self, document: Document) -> Result:
        events = []
        for g in self.gold[document.id].events:
            quote = self.gold[document.id].text[g.evidence.start:g.evidence.end]
            start = document.text.index(quote)
            place = Place(g.location.name, g.location.country, g.location.lat, g.location.lon, "town", "city")
            events.append(Event(id=f"{document.id}-1", doc_id=document.id, event_type=g.event_type,
                                sub_event_type=g.sub_event_type, modality="asserted",
                                evidence=(Evidence(start, start + len(quote), quote),), confidence=0.9,
                                date=g.date, date_precision="day", location=place))
        return Result(document=document, events=tuple(events))


class NoLocations:
    """A deliberately broken component: the resolver lost every location."""

    def __init__(self, inner: Oracle) -> None:
        self.inner = inner

    def process(self, document: Document) -> Result:
        result = self.inner.process(document)
        return dataclasses.replace(result, events=tuple(dataclasses.replace(e, location=None) for e in result.events))


class NoEvents:
    """A deliberately broken component: events stripped."""

    def process(self, document: Document) -> Result:
        return Result(document=document)


def report_for(extractor, *, checksum: str = "c0ffee") -> SuiteReport:
    settings = Settings().with_(min_text_chars=1)
    return measure({"newsevents": extractor}, dev_texts(), settings, checksum=checksum)


@pytest.fixture(scope="module")
def good() -> SuiteReport:
    return report_for(Oracle(dev_texts()))


def test_the_oracle_passes_its_own_pins(good: SuiteReport) -> None:
    floors, _ = repin(good, None)
    assert floors.bounds["event_f1"].value == 1.0
    assert check(good, floors) == []


def test_a_resolver_returning_no_locations_fails_the_gate(good: SuiteReport) -> None:
    floors, _ = repin(good, None)
    findings = check(report_for(NoLocations(Oracle(dev_texts()))), floors)
    assert [f.metric for f in findings] == ["location_end_to_end"]
    assert "fell below its floor" in findings[0].message


def test_stripped_events_fail_the_gate(good: SuiteReport) -> None:
    floors, _ = repin(good, None)
    failed = {f.metric for f in check(report_for(NoEvents()), floors)}
    assert {"event_f1", "subtype_macro_f1", "location_end_to_end", "date_end_to_end"} <= failed


def test_changed_data_fails_the_gate(good: SuiteReport) -> None:
    floors, _ = repin(good, None)
    (finding,) = check(report_for(Oracle(dev_texts()), checksum="different"), floors)
    assert finding.kind == "data-changed"
    assert "the data changed" in finding.message and "re-measure deliberately" in finding.message


def test_a_partial_run_is_not_compared(good: SuiteReport) -> None:
    floors, _ = repin(good, None)
    (finding,) = check(dataclasses.replace(good, items=1), floors)
    assert finding.kind == "items-changed"


def test_unpinned_suite_fails(good: SuiteReport) -> None:
    (finding,) = check(good, None)
    assert finding.kind == "unpinned"


def test_floors_only_move_up_unless_allowed(good: SuiteReport) -> None:
    floors, _ = repin(good, None)
    broken = report_for(NoLocations(Oracle(dev_texts())))
    with pytest.raises(GateFailure, match="location_end_to_end"):
        repin(broken, floors)
    lowered, changes = repin(broken, floors, allow_lower=True)
    assert lowered.bounds["location_end_to_end"].value == 0.0
    assert [c.metric for c in changes if c.loosened] == ["location_end_to_end"]
    raised, changes = repin(good, lowered)
    assert raised.bounds["location_end_to_end"].value == 1.0 and not any(c.loosened for c in changes)


def test_ceilings_for_lower_is_better_metrics(good: SuiteReport) -> None:
    assert pin(0.123456, lower_is_better=True).value == 0.1235
    assert pin(0.123456, lower_is_better=False).value == 0.1234
    assert pin(2 / 3, lower_is_better=False).allows(2 / 3)
    floors, _ = repin(good, None)
    bound = floors.bounds["negative_texts_with_asserted"]
    assert bound.lower_is_better and bound.allows(0.0) and not bound.allows(0.5)


def test_floors_file_round_trip(tmp_path: Path, good: SuiteReport) -> None:
    floors, _ = repin(good, None)
    path = tmp_path / "floors.json"
    save_floors(path, {"events": floors})
    assert load_floors(path) == {"events": floors}
    assert load_floors(tmp_path / "missing.json") == {}
