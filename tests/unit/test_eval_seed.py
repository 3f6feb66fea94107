"""The seed scorer on a small article of our own, with hand-built events (no model, no shared data)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsevents.evaluation.seed_expected import load_expectation
from newsevents.evaluation.seed_forbidden import boilerplate_fragments
from newsevents.evaluation.seed_suite import SeedArticle, match_expected, metrics_of, score_case
from newsevents.model import Document, Event, Evidence, Place
from newsevents.taxonomy import event_type_of

TEXT = (
    "Dockworkers walked out in Mombasa on March 3 over unpaid wages. "
    "Police later fired tear gas at the strikers near the harbour. "
    "Officials warned the dispute could lead to a general shutdown of the port. "
    "Before that, there were only drills. "
    "Mobile internet across Kenya has been restored."
)
HTML = f"""<html><head><title>Port strike</title></head><body>
<nav><a href="/">Home</a> <a href="/x">Markets slide as investors fret over rates</a></nav>
<div class="content"><h1>Port strike</h1><p>{TEXT}</p><p>Talks resume next week.</p></div>
<aside><h2>Most read</h2><p>Local team wins the regional cup final</p></aside>
<footer>Copyright 2023 Harbour Daily. All rights reserved.</footer>
</body></html>"""
EXPECTED = {
    "about": "test",
    "document": {"published": "2023-03-04"},
    "places": {
        "Mombasa": {"country": "KE", "lat": -4.0435, "lon": 39.6682, "geonames_id": 186301},
        "Kenya": {"country": "KE", "precision": "country"},
    },
    "required": [
        {"id": "walkout", "evidence": "Dockworkers walked out in Mombasa", "event_type": ["Protests"],
         "sub_event_type": ["Peaceful protest"], "location": ["Mombasa"], "date": "2023-03-03"},
        {"id": "tear-gas", "evidence": "Police later fired tear gas at the strikers",
         "sub_event_type": ["Protest with intervention", "Excessive force against protesters"],
         "location": ["Mombasa"], "date_window": ["2023-03-03", "2023-03-04"]},
        {"id": "internet-back", "evidence": "Mobile internet across Kenya has been restored",
         "sub_event_type": ["Internet and telecom"], "status": "restored", "location": ["Kenya"]},
    ],
    "optional": [
        {"id": "warning", "evidence": "Officials warned the dispute", "location": ["Kenya", "Mombasa"]},
    ],
    "forbidden": [
        {"id": "no-asserted-coup", "what": "'could lead to a general shutdown of the port' is hypothetical"},
        {"id": "no-exercises", "what": "'Before that, there were only drills' (exercises) is no event"},
        {"id": "no-member-state-locations", "what": "Tanzania and Uganda are neighbours: no event located there"},
        {"id": "no-boilerplate-events", "what": "nothing from the page's navigation, sidebar or footer"},
        {"id": "dates-in-window", "what": "every event date lies between 2023-03-01 and 2023-03-05"},
    ],
}
MOMBASA = Place("Mombasa", "KE", -4.0435, 39.6682, "town", "city", geonames_id=186301)
KENYA = Place("Kenya", "KE", 0.0236, 37.9062, "country", "country")
DAR = Place("Dar es Salaam", "TZ", -6.8235, 39.2695, "town", "city")
NEAR_MOMBASA = Place("Likoni", "KE", -4.0800, 39.6600, "town", "city")  # ~4 km away, another gazetteer id


def event(sub: str, quote: str, *, place: Place | None = MOMBASA, day: str | None = "2023-03-03",
          modality: str = "asserted", status: str | None = None, eid: str = "e") -> Event:
    start = TEXT.index(quote)
    return Event(id=eid, doc_id="d", event_type=event_type_of(sub), sub_event_type=sub, modality=modality,
                 evidence=(Evidence(start, start + len(quote), quote),), confidence=0.9, status=status,
                 date=dt.date.fromisoformat(day) if day else None, location=place)


PERFECT = (
    event("Peaceful protest", "Dockworkers walked out", eid="a"),
    event("Protest with intervention", "fired tear gas", place=NEAR_MOMBASA, day="2023-03-04", eid="b"),
    event("Internet and telecom", "has been restored", place=KENYA, status="restored", day="2023-03-04", eid="c"),
)


@pytest.fixture()
def article(tmp_path: Path) -> SeedArticle:
    path = tmp_path / "port.expected.json"
    path.write_text(json.dumps(EXPECTED), encoding="utf-8")
    return SeedArticle("port", load_expectation(path), TEXT, HTML)


def document(text: str = TEXT) -> Document:
    return Document(id="d", text=text, source="test")


def test_perfect_events_match_every_required_event(article: SeedArticle) -> None:
    score = score_case(article, "txt", document(), PERFECT)
    assert score.missed == ()
    assert score.violations == ()
    figures = metrics_of([score])
    assert figures["required_recall_txt"] == 1.0
    assert figures["precision_proxy_txt"] == 1.0


@pytest.mark.parametrize(("change", "reason"), [
    ({"place": KENYA}, "wrong location"),
    ({"day": "2023-03-02"}, "wrong date"),
    ({"modality": "planned"}, None),  # modality is not specified for this event: any modality fits
])
def test_each_criterion_is_checked(article: SeedArticle, change: dict, reason: str | None) -> None:
    events = (event("Peaceful protest", "Dockworkers walked out", eid="a", **change),) + PERFECT[1:]
    missed = dict(score_case(article, "txt", document(), events).missed)
    assert missed.get("walkout") == reason


def test_wrong_subtype_and_status_are_reported(article: SeedArticle) -> None:
    events = (PERFECT[0], event("Armed clash", "fired tear gas", day="2023-03-04", eid="b"),
              event("Internet and telecom", "has been restored", place=KENYA, status="disrupted", eid="c"))
    missed = dict(score_case(article, "txt", document(), events).missed)
    assert missed == {"tear-gas": "wrong sub_event_type", "internet-back": "wrong status"}


def test_evidence_must_overlap_the_quoted_words(article: SeedArticle) -> None:
    events = (event("Peaceful protest", "over unpaid wages", eid="a"),) + PERFECT[1:]
    missed = dict(score_case(article, "txt", document(), events).missed)
    assert missed == {"walkout": "no event from the sentence"}


def test_one_produced_event_matches_one_expected_event(article: SeedArticle) -> None:
    duplicate = event("Peaceful protest", "walked out in Mombasa", eid="dup")
    score = score_case(article, "txt", document(), PERFECT + (duplicate,))
    assert score.missed == ()
    assert metrics_of([score])["precision_proxy_txt"] == pytest.approx(3 / 4)


def test_assignment_is_not_greedy(article: SeedArticle) -> None:
    # "x" fits the required walkout and the optional warning (its evidence spans both sentences);
    # "y" fits only the walkout. In either order both expected events get an event each.
    start = TEXT.index("Dockworkers")
    end = TEXT.index("Officials warned the dispute") + len("Officials warned the dispute")
    wide = Event(id="x", doc_id="d", event_type="Protests", sub_event_type="Peaceful protest", modality="asserted",
                 evidence=(Evidence(start, end, TEXT[start:end]),), confidence=0.9,
                 date=dt.date(2023, 3, 3), location=MOMBASA)
    narrow = event("Peaceful protest", "Dockworkers walked out", eid="y")
    for events in ((wide, narrow), (narrow, wide)):
        assigned = match_expected(article.expectation.events, TEXT, events)
        assert {"walkout", "warning"} <= set(assigned)


def test_forbidden_rules_fire(article: SeedArticle) -> None:
    bad = (
        event("Change to group/activity", "general shutdown", eid="coup"),
        event("Armed clash", "there were only drills", modality="hypothetical", eid="drill"),
        event("Peaceful protest", "Dockworkers walked out", place=DAR, eid="tz"),
        event("Peaceful protest", "walked out in Mombasa", day="2023-04-01", eid="late"),
    )
    violations = score_case(article, "txt", document(), PERFECT + bad).violations
    assert {(v.rule, v.event_id) for v in violations} == {
        ("no-asserted-coup", "coup"), ("no-exercises", "drill"),
        ("no-member-state-locations", "tz"), ("dates-in-window", "late"),
    }


def test_a_hypothetical_event_from_the_hypothetical_clause_is_fine(article: SeedArticle) -> None:
    ok = event("Change to group/activity", "general shutdown", modality="hypothetical", eid="h")
    assert score_case(article, "txt", document(), PERFECT + (ok,)).violations == ()


def test_boilerplate_fragments_come_from_outside_the_article_body() -> None:
    fragments = boilerplate_fragments(HTML)
    assert "Markets slide as investors fret over rates" in fragments
    assert "Local team wins the regional cup final" in fragments
    assert "Copyright 2023 Harbour Daily. All rights reserved." in fragments
    assert not any("Dockworkers" in f or "Talks resume" in f for f in fragments)
    assert "Port strike" not in fragments and "Home" not in fragments


def test_boilerplate_in_the_page_text_is_a_violation(article: SeedArticle) -> None:
    leaky = TEXT + "\n\nLocal team wins the regional cup final"
    start = leaky.index("Local team")
    from_sidebar = Event(id="cup", doc_id="d", event_type="Protests", sub_event_type="Peaceful protest",
                         modality="asserted", evidence=(Evidence(start, start + 10, "Local team"),), confidence=0.5)
    violations = score_case(article, "html", document(leaky), PERFECT + (from_sidebar,)).violations
    assert {(v.rule, v.event_id) for v in violations} == {("no-boilerplate-events", None),
                                                         ("no-boilerplate-events", "cup")}
    assert all("Local team" not in v.detail for v in violations)  # reports never quote page text


def test_a_refused_document_misses_everything(article: SeedArticle) -> None:
    score = score_case(article, "html", None, (), "no article found")
    assert score.required_matched == 0 and score.error == "no article found"
