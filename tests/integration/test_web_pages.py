"""Server-rendered pages: they render, escape article text, work offline, and take reviews through forms."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from web_support import client, log_in, web_db  # noqa: F401 - fixtures

from newsevents.store import open_store


class References(HTMLParser):
    """Every URL a page makes the browser load or follow: src/href/action/xlink attributes and CSS url()."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "xlink:href", "poster", "srcset", "data") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += re.findall(r"url\(([^)]*)\)", value)


def external_references(html: str) -> list[str]:
    parser = References()
    parser.feed(html)
    urls = parser.urls + re.findall(r"url\(([^)]*)\)", html)
    return [u for u in urls if urlsplit(u.strip("'\" ")).netloc or u.strip().startswith("//")]


def page_paths(client) -> list[str]:
    event = client.get("/api/events/doc-0-e1").json()
    return ["/", "/?country=KZ&event_type=Protests", f"/incidents/{event['incident_id']}", "/articles/doc-0",
            "/articles/outage-1", "/search?q=teachers", "/login", "/api", "/nope"]


def test_every_page_renders_and_references_nothing_outside(client):
    for path in page_paths(client):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert external_references(response.text) == [], path
    css = client.get("/static/app.css").text
    assert not re.findall(r"url\(\s*['\"]?(https?:)?//", css) and "@import" not in css


def test_pages_have_no_inline_scripts_or_styles(client):
    for path in page_paths(client):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert " style=" not in html and "<style" not in html and " onclick=" not in html, path


def test_the_dashboard_shows_map_timeline_disruptions_and_incidents(client):
    html = client.get("/").text
    assert "<svg" in html and "<circle" in html and "<polygon" in html  # map with country outlines
    assert 'id="disruptions"' in html and "Internet and telecom" in html and "disrupted" in html
    assert html.count('class="incident-link"') >= 3
    narrowed = client.get("/?country=FR").text
    assert "Internet and telecom" not in narrowed.split('id="disruptions"')[1].split("</section>")[0]


def test_the_article_page_highlights_and_escapes(web_db, client):
    html = client.get("/articles/doc-0").text
    for kind in ("trigger", "evidence", "place", "date", "actor"):
        assert f"hl-{kind}" in html, kind
    assert "You may also like" in html and 'id="related"' in html
    from store_support import make_document

    from newsevents.model import Result

    with open_store(web_db) as store:
        store.add_document(Result(make_document("evil", "An <script>alert(1)</script> & <b>bold</b> claim was "
                                                "made at the meeting, our own test text says.",
                                                title="<img src=x onerror=alert(1)>", published=dt.date(2022, 1, 9))))
    evil = client.get("/articles/evil").text
    assert "<script>alert" not in evil and "&lt;script&gt;" in evil and "<img src=x" not in evil


def test_an_analyst_corrects_an_event_through_the_form_and_sees_both_values(client):
    anonymous = client.get("/articles/doc-0").text
    assert 'action="/events/doc-0-e1/review"' not in anonymous
    token = log_in(client)
    form = {"csrf_token": token, "action": "correct", "place_name": "Lyon", "place_country": "FR",
            "place_lat": "45.76", "place_lon": "4.84", "comment": "see the second paragraph"}
    assert client.post("/events/doc-0-e1/review", data={**form, "csrf_token": "bad"}).status_code == 403
    done = client.post("/events/doc-0-e1/review", data=form, follow_redirects=False)
    assert done.status_code == 303
    html = client.get("/articles/doc-0").text
    card = html.split('id="event-doc-0-e1"')[1].split('id="event-doc-0-e2"')[0]
    assert "Lyon, FR" in card and '<s class="original">Almaty, KZ</s>' in card
    assert "ana</strong> correct" in card and "see the second paragraph" in card
    assert client.get("/api/events/doc-0-e1").json()["location"]["name"] == "Lyon"


def test_search_page_lists_matching_articles(client):
    html = client.get("/search?q=internet").text
    assert "/articles/outage-1" in html and "/articles/doc-0" not in html


@pytest.mark.parametrize("fmt, start", [("html", b"<!doctype html>"), ("md", b"# Situation report"),
                                        ("pdf", b"%PDF")])
def test_the_report_button_downloads_each_format(client, fmt, start):
    response = client.get(f"/report?format={fmt}&country=KZ")
    assert response.status_code == 200 and response.content.startswith(start)
