"""The JSON API over a small store of our own: every endpoint, auth and CSRF failures, bad filters."""

from __future__ import annotations

import csv
import io
import json

import pytest
from web_support import PASSWORD, client, csrf_of, log_in, web_db  # noqa: F401 - fixtures

CORRECTION = {"action": "correct", "comment": "the text names Lyon",
              "changes": {"place": {"name": "Lyon", "country": "FR", "lat": 45.76, "lon": 4.84}}}


def test_events_are_listed_filtered_and_paged(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next_cursor"]
    rest = client.get("/api/events", params={"limit": 100, "cursor": first["next_cursor"]}).json()
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == 13 and rest["next_cursor"] is None
    french = client.get("/api/events", params={"country": "FR"}).json()["items"]
    assert french and all(e["location"]["country"] == "FR" for e in french)
    protests = client.get("/api/events", params=[("event_type", "Protests"), ("actor", "Teachers' Union")]).json()
    assert {e["event_type"] for e in protests["items"]} == {"Protests"}
    assert client.get("/api/events", params={"since": "2022-01-07", "until": "2022-01-08"}).json()["items"]
    assert client.get("/api/events", params={"modality": "asserted", "source": "Wire Service"}).json()["items"]


@pytest.mark.parametrize("params, words", [
    ({"since": "yesterday"}, "not a date"), ({"country": "France"}, "alpha-2"),
    ({"event_type": "Parades"}, "unknown"), ({"min_confidence": "2"}, "between 0 and 1"),
    ({"since": "2022-02-01", "until": "2022-01-01"}, "after"), ({"cursor": "abc"}, "cursor"),
    ({"limit": "0"}, "limit"), ({"modality": "maybe"}, "unknown"),
])
def test_bad_filters_are_a_clear_4xx(client, params, words):
    response = client.get("/api/events", params=params)
    assert 400 <= response.status_code < 500
    assert words in response.json()["error"]


def test_one_event_article_incident_and_search(client):
    event = client.get("/api/events/doc-0-e1").json()
    assert event["sub_event_type"] == "Protest with intervention" and event["incident_id"].startswith("inc-")
    incident = client.get(f"/api/incidents/{event['incident_id']}").json()
    assert "doc-0-e1" in incident["event_ids"] and incident["events"]
    article = client.get("/api/articles/doc-0").json()
    assert article["title"] == "Teachers march for pay" and len(article["events"]) == 2
    assert article["related"] and article["places"][0]["place"]["name"] == "Almaty"
    assert client.get("/api/articles", params={"limit": 2}).json()["next_cursor"]
    assert client.get("/api/incidents").json()["items"]
    assert client.get("/api/search", params={"q": "teachers marched"}).json()["items"]
    for missing in ("/api/events/nope", "/api/articles/nope", "/api/incidents/nope", "/api/events/nope/reviews"):
        assert client.get(missing).status_code == 404


def test_dashboard_places_actors_sources_and_stats(client):
    data = client.get("/api/dashboard", params={"country": "KZ"}).json()
    assert data["events"] > 0 and data["map"] and data["timeline"]
    assert data["disruptions"][0]["what"] == "Internet and telecom" and data["disruptions"][0]["status"] == "disrupted"
    assert all(p["lat"] == 43.25 for p in data["map"])
    assert {"name": "Lyon", "events": 6} in client.get("/api/places").json()["items"]
    assert client.get("/api/actors").json()["items"] and client.get("/api/countries").json()["total"] == 2
    assert client.get("/api/sources").json()["items"][0]["name"] == "Example Daily"
    assert client.get("/api/stats").json()["events"] == 13


def test_writes_need_a_user_and_the_csrf_token(client):
    assert client.post("/api/events/doc-0-e1/reviews", json={"action": "confirm"}).status_code == 401
    assert client.post("/api/tokens", json={}).status_code == 401
    assert client.post("/api/admin/merge").status_code == 401
    assert client.post("/api/articles", json={"text": "x" * 50}).status_code == 401
    assert client.post("/api/events/doc-0-e1/reviews", json={"action": "confirm"},
                       headers={"Authorization": "Bearer ne_wrong"}).status_code == 401
    token = log_in(client)
    no_csrf = client.post("/api/events/doc-0-e1/reviews", json={"action": "confirm"})
    assert no_csrf.status_code == 403 and "CSRF" in no_csrf.json()["error"]
    wrong = client.post("/api/events/doc-0-e1/reviews", json={"action": "confirm"}, headers={"X-CSRF-Token": "0" * 64})
    assert wrong.status_code == 403
    ok = client.post("/api/events/doc-0-e1/reviews", json={"action": "confirm"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 201 and ok.json()["user"] == "ana"
    assert client.post("/api/admin/merge", headers={"X-CSRF-Token": token}).status_code == 403  # not an admin


def test_the_login_form_needs_its_csrf_token_and_is_rate_limited(client):
    assert client.post("/login", data={"username": "ana", "password": PASSWORD}).status_code == 403
    token = csrf_of(client)
    statuses = [client.post("/login", data={"username": "ana", "password": "wrong password!",
                                            "csrf_token": token}).status_code for _ in range(6)]
    assert statuses[:5] == [401] * 5 and statuses[5] == 429
    blocked = client.post("/login", data={"username": "ana", "password": PASSWORD, "csrf_token": token})
    assert blocked.status_code == 429  # even the right password, until the window passes


def test_a_correction_wins_in_the_api_and_the_exports_and_keeps_the_original(client):
    token = log_in(client)
    created = client.post("/api/events/doc-0-e1/reviews", json=CORRECTION, headers={"X-CSRF-Token": token})
    assert created.status_code == 201
    event = client.get("/api/events/doc-0-e1").json()
    assert event["location"]["name"] == "Lyon" and event["review"]["corrected_fields"] == ["place"]
    assert event["review"]["original"]["place"]["name"] == "Almaty"
    trail = client.get("/api/events/doc-0-e1/reviews").json()
    assert trail[0]["user"] == "ana" and trail[0]["comment"] == "the text names Lyon" and trail[0]["created_at"]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/exports/csv").text)))
    row = next(r for r in rows if r["event_id_cnty"] == "doc-0-e1")
    assert row["location"] == "Lyon" and row["country"] == "France"
    geo = client.get("/api/exports/geojson").json()
    feature = next(f for f in geo["features"] if f["id"] == "doc-0-e1")
    assert feature["geometry"]["coordinates"] == [4.84, 45.76]
    lines = [json.loads(line) for line in client.get("/api/exports/jsonl").text.splitlines()]
    assert next(e for e in lines if e["id"] == "doc-0-e1")["location"]["name"] == "Lyon"
    assert client.get("/api/exports/parquet").content[:4] == b"PAR1"
    assert [e["id"] for e in client.get("/api/events", params={"place": "Almaty", "limit": 100}).json()["items"]
            if e["id"] == "doc-0-e1"] == []


def test_a_rejected_event_leaves_listings_and_exports_but_not_its_trail(client):
    token = log_in(client)
    client.post("/api/events/doc-1-e2/reviews", json={"action": "reject", "comment": "no arrest"},
                headers={"X-CSRF-Token": token})
    listed = {e["id"] for e in client.get("/api/events", params={"limit": 100}).json()["items"]}
    assert "doc-1-e2" not in listed
    assert "doc-1-e2" in {e["id"] for e in client.get("/api/events", params={"include_rejected": "true",
                                                                               "limit": 100}).json()["items"]}
    assert "doc-1-e2" not in client.get("/api/exports/csv").text
    assert client.get("/api/reviews").json()["items"][0]["action"] == "reject"


@pytest.mark.parametrize("changes, words", [
    ({"place": {"name": "X", "country": "France", "lat": 1, "lon": 2}}, "alpha-2"),
    ({"date": "soon"}, "not a date"), ({"sub_event_type": "Parade"}, "taxonomy"),
    ({"confidence": 1}, "cannot correct"), ({}, "at least one"),
    ({"event_type": "Riots", "sub_event_type": "Arrests"}, "not a kind of"),
])
def test_bad_corrections_are_refused_with_a_message(client, changes, words):
    token = log_in(client)
    response = client.post("/api/events/doc-0-e1/reviews", json={"action": "correct", "changes": changes},
                           headers={"X-CSRF-Token": token})
    assert response.status_code == 400 and words in response.json()["error"]


def test_api_tokens_work_for_scripts_without_csrf(client):
    token = log_in(client)
    api_token = client.post("/api/tokens", json={"label": "script"}, headers={"X-CSRF-Token": token}).json()["token"]
    client.cookies.clear()
    response = client.post("/api/events/doc-2-e1/reviews", json={"action": "confirm"},
                           headers={"Authorization": f"Bearer {api_token}"})
    assert response.status_code == 201 and response.json()["user"] == "ana"


def test_an_admin_can_merge_and_the_openapi_lists_every_endpoint(client):
    token = log_in(client, "root")
    merged = client.post("/api/admin/merge", headers={"X-CSRF-Token": token})
    assert merged.status_code == 200 and merged.json()["events"] == 13
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/events/{event_id}/reviews", "/api/incidents",
                 "/api/articles", "/api/articles/{doc_id}", "/api/search", "/api/places", "/api/actors",
                 "/api/reviews", "/api/exports/{fmt}", "/api/dashboard", "/api/tokens"):
        assert path in paths


def test_security_headers_are_on_every_response(client):
    for path in ("/", "/api/events", "/login", "/static/app.css", "/nope"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_reading_can_require_a_login(web_db):
    from fastapi.testclient import TestClient

    from newsevents.settings import Settings
    from newsevents.store import open_store
    from newsevents.web import WebSettings, create_app

    with open_store(web_db) as store:
        closed = TestClient(create_app(Settings(), store, web=WebSettings(read_open=False)))
        assert closed.get("/api/events").status_code == 401
        assert closed.get("/", follow_redirects=False).status_code == 303
        assert closed.get("/login").status_code == 200
