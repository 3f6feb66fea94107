"""`newsevents merge` over a stored corpus: syndicated copies linked, one event from two
independent sources becomes one incident, a different event stays apart. Our own articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

WIRE = ("KISUMU, Kenya — Police fired tear gas to disperse hundreds of traders who were protesting against "
        "new market fees outside the county offices in Kisumu on Tuesday, 14 March 2023, witnesses said. "
        "Several traders were treated for the effects of the gas at a nearby clinic.")
COPY = WIRE.replace("witnesses said", "witnesses told reporters") + " Copyright the wire agency."
OTHER_SITE = ("Kisumu traders clash with police over fees | Lake Times\n\nKISUMU — Hundreds of market traders "
              "protesting against higher fees were dispersed with tear gas by police outside the county offices "
              "in Kisumu on Tuesday, 14 March 2023. The county said the fees would be reviewed.")
ELSEWHERE = ("ELDORET, Kenya — Hundreds of farmers marched peacefully to the county offices in Eldoret on "
             "Tuesday, 14 March 2023, to demand payment for maize delivered to the national reserve.")


def newsevents(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsevents", *args], capture_output=True, text=True, timeout=600)


def test_merge_links_copies_and_builds_incidents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "wire", "text": WIRE, "url": "https://wire.example/a1"},
            {"id": "copy", "text": COPY, "url": "https://reprint.example/b2"},
            {"id": "lake", "text": OTHER_SITE, "url": "https://laketimes.example/c3"},
            {"id": "eldoret", "text": ELSEWHERE, "url": "https://laketimes.example/d4"}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'n.db'}"
    assert newsevents("ingest", str(corpus), "--db", db).returncode == 0
    result = newsevents("merge", "--db", db)
    assert result.returncode == 0, result.stderr

    from newsevents.store import open_store

    store = open_store(db)
    try:
        links = {(link.doc_id, link.original_id) for link in store.near_duplicates()}
        assert links == {("copy", "wire")}
        incidents = store.incidents()
        protests = [i for i in incidents if i.data["event_type"] == "Protests"]
        kisumu = [i for i in protests if i.data["location"] and i.data["location"]["name"] == "Kisumu"]
        eldoret = [i for i in protests if i.data["location"] and i.data["location"]["name"] == "Eldoret"]
        assert len(kisumu) == 1 and len(eldoret) == 1
        assert set(kisumu[0].data["doc_ids"]) == {"wire", "copy", "lake"}
        assert kisumu[0].data["source_count"] == 2  # the reprint is not an independent source
    finally:
        store.close()
