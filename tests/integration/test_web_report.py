"""The situation report for the seed article: PDF text holds the events' facts, the disruptions table,
and the map and timeline as embedded images; Markdown and HTML carry the same."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from web_seed import build_seed_store, expected_required

from newsevents.report import build_report, write_report
from newsevents.store import EventFilters, open_store
from newsevents.web.catalog import build_snapshot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> tuple[Path, object, list]:
    folder = tmp_path_factory.mktemp("report")
    url = f"sqlite:///{folder / 'seed.db'}"
    build_seed_store(url)
    with open_store(url) as store:
        snap = build_snapshot(store)
    report = build_report(snap, EventFilters(), title="Kazakhstan unrest")
    write_report(report, folder / "seed.pdf")
    write_report(report, folder / "seed.md")
    write_report(report, folder / "seed.html")
    return folder, report, [item.event for item in snap.events.values()]


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_the_pdf_states_the_stored_events_facts_and_the_required_ones_found(seed_report):
    folder, report, events = seed_report
    text = pdf_text(folder / "seed.pdf")
    assert "Kazakhstan unrest" in text and "Disruptions" in text and "Key incidents" in text
    assert "What is claimed" in text and "What is established" in text
    assert events, "the pipeline found no events in the seed article"
    for type_name, count in report.by_type:
        assert f"{type_name}: {count}" in text
    found = 0
    for required in expected_required():
        quotes = [required["evidence"]] if "evidence" in required else required.get("evidence_any", [])
        hits = [e for e in events if any(q[:60] in ev.text or ev.text[:60] in q for q in quotes for ev in e.evidence)]
        if hits and hits[0].date:
            assert hits[0].date.isoformat() in text, required["id"]
            found += 1
    assert found >= 1


def test_the_pdf_has_the_disruptions_table_and_embeds_map_and_timeline(seed_report):
    folder, report, _ = seed_report
    text = pdf_text(folder / "seed.pdf")
    assert "What Status Where Since" in text
    for row in report.disruptions[:5]:
        assert row.what in text and row.status in text
    images = [image for page in PdfReader(folder / "seed.pdf").pages for image in page.images]
    assert len(images) >= 2 and all(image.data[:8] == b"\x89PNG\r\n\x1a\n" or image.data for image in images)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (Debian poppler-utils) is not installed")
def test_the_pdf_opens_as_png_pages(seed_report):
    folder, _, _ = seed_report
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(folder / "seed.pdf"), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.png"))
    assert pages and all(p.read_bytes()[:4] == b"\x89PNG" for p in pages)


def test_markdown_and_html_carry_the_same_report(seed_report):
    folder, report, _ = seed_report
    markdown = (folder / "seed.md").read_text(encoding="utf-8")
    assert "![Map of incidents](seed.map.svg)" in markdown and (folder / "seed.map.svg").exists()
    assert "| What | Status | Where | Since |" in markdown
    html = (folder / "seed.html").read_text(encoding="utf-8")
    assert html.count("data:image/svg+xml;base64,") == 2 and "http://" not in html.replace(
        "http://www.w3.org/2000/svg", "")
