"""In a real browser: dashboard, country filter, incident, article with highlights, login, a correction
seen in the API and the CSV export. Screenshots go to $NEWSEVENTS_SCREENSHOTS or the test's temporary
folder: the store holds third-party articles, so they stay out of the repository (the README's
screenshots come from our own example articles, by scripts/take_screenshots.py)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from web_support import PASSWORD

pytestmark = pytest.mark.slow


def test_an_analyst_walks_from_the_dashboard_to_a_corrected_event(page, live_server, tmp_path):
    SCREENSHOTS = Path(os.environ.get("NEWSEVENTS_SCREENSHOTS") or tmp_path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto("/")
    assert page.locator("#map svg circle").count() > 0 and page.locator("#timeline svg rect").count() > 1
    all_events = int(page.locator("#event-count").inner_text())
    page.select_option("#filter-country", "KZ")  # submits the filter form (our app.js)
    page.wait_for_url("**country=KZ**")
    assert 0 < int(page.locator("#event-count").inner_text()) < all_events
    assert page.locator("#disruptions table tr").count() > 1
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=False)

    page.locator("a.incident-link").first.click()
    page.wait_for_url("**/incidents/**")
    assert page.locator("#confidence-why").inner_text().startswith("Why:")
    page.screenshot(path=str(SCREENSHOTS / "incident.png"), full_page=False)

    page.locator("a.article-link").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("#article-text mark.hl-trigger").count() > 0
    assert page.locator("#article-text mark.hl-place").count() > 0
    assert page.locator("#article-text mark.hl-date").count() > 0
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=False)
    assert all((SCREENSHOTS / f"{name}.png").stat().st_size > 10_000 for name in ("dashboard", "incident", "article"))
    article_url = page.url

    page.click("#login-link")
    page.fill("#username", "ana")
    page.fill("#password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_load_state()
    assert page.locator("#whoami").inner_text().startswith("ana")
    page.goto(article_url)
    card = page.locator("div.event").first
    event_id = card.get_attribute("id").removeprefix("event-")
    card.locator("details.correct summary").click()
    card.locator("input.place-name").fill("Shymkent")
    card.locator("input.place-country").fill("KZ")
    card.locator("input.place-lat").fill("42.3")
    card.locator("input.place-lon").fill("69.6")
    card.locator("button.save-correction").click()
    page.wait_for_load_state()
    assert "Shymkent, KZ" in page.locator(f"#event-{event_id} .event-place").inner_text()

    api = page.request.get(f"{live_server}/api/events/{event_id}").json()
    assert api["location"]["name"] == "Shymkent" and "place" in api["review"]["corrected_fields"]
    exported = page.request.get(f"{live_server}/api/exports/csv").text()
    row = next(r for r in csv.DictReader(io.StringIO(exported)) if r["event_id_cnty"] == event_id)
    assert row["location"] == "Shymkent" and row["latitude"] == "42.3"
