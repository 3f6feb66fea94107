"""Web parts without a store: corrections, highlighting, filters, drawing, auth helpers."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.model import Event, Evidence, Place
from newsevents.store import Review
from newsevents.web.auth import LoginLimiter, Sessions, check_password, hash_password
from newsevents.web.basemap import Marker, map_scene, outlines
from newsevents.web.charts import timeline_scene
from newsevents.corrections import CorrectionError, apply_reviews, check_changes
from newsevents.web.drawing import to_png, to_svg
from newsevents.web.filters import FilterError, build_filters, filters_query
from newsevents.web.highlight import Span, highlight
from newsevents.web.security import csrf_token

PLACE = Place("Riverton", "US", 40.0, -100.0, "town", "city")
EVENT = Event("e1", "d1", "Protests", "Peaceful protest", "asserted", (Evidence(0, 5, "March"),), 0.8,
              date=dt.date(2023, 3, 1), location=PLACE)
LYON = {"name": "Lyon", "country": "FR", "lat": 45.76, "lon": 4.84}


def test_corrections_apply_in_order_and_keep_the_original():
    reviews = [Review("e1", "ana", "correct", {"place": LYON}), Review("e1", "ben", "correct", {"date": "2023-03-02"}),
               Review("e1", "ana", "confirm")]
    item = apply_reviews(EVENT, reviews)
    assert item.event.location.name == "Lyon" and item.event.date == dt.date(2023, 3, 2)
    assert item.original is EVENT and item.corrected == ("date", "place") and item.verdict == "confirmed"
    data = item.to_dict()
    assert data["review"]["original"]["place"]["name"] == "Riverton" and len(data["review"]["reviews"]) == 3
    assert apply_reviews(EVENT, [Review("e1", "ana", "reject")]).rejected


def test_a_sub_type_correction_brings_its_type():
    assert check_changes({"sub_event_type": "Arrests"})["event_type"] == "Strategic developments"
    with pytest.raises(CorrectionError, match="lat"):
        check_changes({"place": {**LYON, "lat": 123}})
    with pytest.raises(CorrectionError, match="category"):
        check_changes({"actors": [{"name": "X", "role": "actor1", "category": "Aliens"}]})


@given(st.text(max_size=80), st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90),
                                                st.sampled_from(["place", "date", "trigger"])), max_size=6))
def test_highlighting_only_adds_our_marks_over_escaped_text(text, raw_spans):
    spans = [Span(min(a, b), max(a, b), kind, "<label>") for a, b, kind in raw_spans]
    marked = str(highlight(text, spans))
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", marked)) == text
    assert re.sub(r'<mark class="[a-z -]+" title="[^"<>]*">|</mark>', "", marked).count("<") == 0


def test_filters_are_checked_and_round_trip_to_a_query():
    filters = build_filters(since="2022-01-01", country=["kz,fr"], event_type=["Protests"], min_confidence="0.5")
    assert filters.countries == ("KZ", "FR") and filters.since == dt.date(2022, 1, 1)
    assert "country=KZ" in filters_query(filters) and "min_confidence=0.5" in filters_query(filters)
    for bad in ({"since": "01/02/2022"}, {"country": ["KAZ"]}, {"min_confidence": "x"}, {"modality": ["maybe"]}):
        with pytest.raises(FilterError):
            build_filters(**bad)


def test_the_map_and_timeline_draw_as_svg_without_inline_styles_and_as_png():
    assert len(outlines()) > 150  # countryinfo's country outlines
    scene = map_scene([Marker(43.2, 76.9, 3, "Protests", "a <protest>", "/incidents/x")])
    svg = to_svg(scene)
    assert "<polygon" in svg and 'href="/incidents/x"' in svg and "a &lt;protest&gt;" in svg and "style=" not in svg
    chart = timeline_scene({"2022-01-02": {"Protests": 2, "Riots": 1}, "2022-01-05": {"Protests": 1}})
    assert to_svg(chart).count("<rect") >= 4
    assert to_png(chart)[:4] == b"\x89PNG"


def test_passwords_sessions_csrf_and_the_login_limiter():
    stored = hash_password("a long enough secret")
    assert check_password(stored, "a long enough secret") and not check_password(stored, "guess")
    sessions = Sessions("key", 60)
    cookie = sessions.issue("ana")
    assert sessions.read(cookie)[0] == "ana" and sessions.read(cookie + "x") is None
    assert Sessions("other key", 60).read(cookie) is None
    assert csrf_token("k", "seed") != csrf_token("k", "seed2")
    limiter = LoginLimiter(2, 60)
    limiter.failed("ip:ana")
    limiter.failed("ip:ana")
    assert limiter.blocked("ip:ana") and not limiter.blocked("ip:ben")
