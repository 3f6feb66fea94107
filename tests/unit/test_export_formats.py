"""Exports: ACLED column names and codes, GeoJSON in lon/lat order, typed Parquet, filters, atomic files."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_samples import ALMATY, document, rally

from newsevents.errors import ConfigError
from newsevents.export import ACLED_COLUMNS, COLUMNS, acled_row, export_events
from newsevents.model import Actor, Result
from newsevents.store import EventFilters, open_store


@pytest.fixture
def store():
    with open_store("sqlite://") as opened:
        doc = document("a", site_name="Example Daily", url="https://example.org/a")
        actors = (Actor("Workers", "actor1", "Protesters (Kazakhstan)", "Protesters", "KZ"),
                  Actor("police", "actor2", "Police Forces of Kazakhstan", "State forces", "KZ"),
                  Actor("union", "assoc", "Metalworkers' Union", "Protesters", "KZ"))
        opened.add_document(Result(doc, (rally(doc, actors=actors, fatalities=0, arrested=3),)))
        unplaced = document("b")
        opened.add_document(Result(unplaced, (rally(unplaced, location=None, confidence=0.4),)))
        yield opened


def test_the_csv_row_uses_acled_names_and_codes():
    doc = document("a", site_name="Example Daily")
    actors = (Actor("Workers", "actor1", "Protesters (Kazakhstan)", "Protesters", "KZ"),
              Actor("police", "actor2", "Police Forces of Kazakhstan", "State forces", "KZ"),
              Actor("union", "assoc", "Metalworkers' Union", "Protesters", "KZ"))
    row = acled_row(rally(doc, actors=actors, fatalities=2), doc)
    assert list(row)[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert (row["event_id_cnty"], row["event_date"].isoformat(), row["year"], row["time_precision"]) == (
        "a-e1", "2022-01-10", 2022, 1)
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Protesters (Kazakhstan)", 6, "Police Forces of Kazakhstan", 1, 16)
    assert row["assoc_actor_1"] == "Metalworkers' Union"
    assert (row["country"], row["iso"], row["admin1"], row["location"]) == ("Kazakhstan", 398, "Almaty", "Almaty")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (43.25, 76.95, 1)
    assert (row["source"], row["notes"], row["fatalities"]) == ("Example Daily", "rally", 2)
    assert (row["modality"], row["confidence"]) == ("asserted", 0.8)
    assert json.loads(row["evidence"]) == [{"start": doc.text.index("rally"), "end": doc.text.index("rally") + 5,
                                            "text": "rally"}]


def test_acled_country_names_are_used_where_they_differ_from_iso():
    doc = document("r")
    moscow = rally(doc, location=ALMATY.__class__("Moscow", "RU", 55.75, 37.62, "town", "city"))
    assert acled_row(moscow, doc)["country"] == "Russia"


def test_csv_export_has_a_header_and_one_row_per_event(store):
    out = io.StringIO()
    assert export_events(store, "csv", stdout=out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["event_id_cnty"] for r in rows] == ["a-e1", "b-e1"]
    assert rows[1]["latitude"] == "" and rows[0]["arrested"] == "3"


def test_jsonl_export_writes_the_event_record(store):
    out = io.StringIO()
    export_events(store, "jsonl", stdout=out, filters=EventFilters(min_confidence=0.5))
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["a-e1"]
    assert records[0] == store.events().items[0].to_dict()


def test_geojson_is_a_feature_collection_with_longitude_first(store, tmp_path):
    path = tmp_path / "events.geojson"
    export_events(store, "geojson", out=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    placed, unplaced = data["features"]
    assert placed["geometry"] == {"type": "Point", "coordinates": [76.95, 43.25]}
    assert placed["properties"]["event_date"] == "2022-01-10" and placed["id"] == "a-e1"
    assert unplaced["geometry"] is None  # RFC 7946 3.2: an unlocated feature has a null geometry


def test_an_empty_geojson_export_is_still_valid(tmp_path):
    with open_store("sqlite://") as empty:
        out = io.StringIO()
        assert export_events(empty, "geojson", stdout=out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_has_typed_columns(store, tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet", reason="pyarrow is in the test and parquet extras")
    path = tmp_path / "events.parquet"
    assert export_events(store, "parquet", out=path) == 2
    table = parquet.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("latitude").type) == "double"
    assert str(table.schema.field("inter1").type) == "int64"
    assert table.column("event_id_cnty").to_pylist() == ["a-e1", "b-e1"]


def test_parquet_needs_a_file(store):
    with pytest.raises(ConfigError, match="--out"):
        export_events(store, "parquet", stdout=io.StringIO())


def test_an_unknown_format_is_a_config_error(store):
    with pytest.raises(ConfigError, match="jsonl, csv, geojson, parquet"):
        export_events(store, "xlsx", stdout=io.StringIO())


def test_a_failed_export_leaves_no_partial_file(store, tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_text("the previous export\n")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("newsevents.export.acled_row", broken)
    with pytest.raises(RuntimeError):
        export_events(store, "csv", out=path)
    assert path.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_exports_carry_analysts_corrections_and_leave_out_rejected_events(store):
    from newsevents.store import Review

    store.add_review(Review(event_id="a-e1", user="ana", action="correct", changes={"modality": "planned"}))
    store.add_review(Review(event_id="b-e1", user="ana", action="reject", comment="not an event"))
    out = io.StringIO()
    export_events(store, "jsonl", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["id"], r["modality"]) for r in records] == [("a-e1", "planned")]
