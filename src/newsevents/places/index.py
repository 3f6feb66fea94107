"""The compact gazetteer index and its on-disk cache.

Columns of numpy arrays (one row per entry) plus a sorted array of name keys with postings, so that loading
is a few array reads (no pickle, no per-name Python objects): ~60 MB resident, well under a second warm.

The cache file is ``<cache_dir>/gazetteer-v<FORMAT_VERSION>-<fingerprint>.npz`` where the fingerprint hashes
the source packages' versions: it is rebuilt only when missing, unreadable (a corrupt cache is rebuilt, not
fatal) or when a source changes; it is written to a temporary file and renamed into place (atomic).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsevents.model import Place
from newsevents.settings import Settings

log = logging.getLogger(__name__)

FORMAT_VERSION = 4
FEATURES = ("city", "admin1", "country", "continent", "region", "area")
# continent and region (multi-country, e.g. "Middle East") have no country code; an area is a sub-national
# region that is not an administrative unit (e.g. "Darfur").
PRECISION = {"city": "town", "admin1": "admin1", "country": "country", "continent": "country", "region": "country",
             "area": "admin1"}
KIND_NAME, KIND_ALTERNATE, KIND_DEMONYM = 0, 1, 2
MAX_KEY_BYTES = 48

_ARRAYS = ("geonames_id", "lat", "lon", "population", "country", "admin1", "feature",
           "keys", "key_offsets", "post_entry", "post_kind", "names_blob", "name_offsets")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry as found by a lookup, with how its name matched."""

    index: int
    kind: int  # KIND_NAME (canonical or official name), KIND_ALTERNATE (alternate/historic), KIND_DEMONYM


class Gazetteer:
    """Places by name. Build with ``build.build_gazetteer`` or load with ``load_gazetteer``."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        self._a = arrays
        self.meta = meta
        self.countries: tuple[str, ...] = tuple(meta["countries"])
        self._names = bytes(arrays["names_blob"]).decode("utf-8")
        self._country_entry = {self.countries[c]: i for i, c in enumerate(arrays["country"].tolist())
                               if arrays["feature"][i] == FEATURES.index("country")}
        self._memo: dict[str, tuple[Entry, ...]] = {}
        self._neighbours = {code: frozenset(near) for code, near in meta.get("neighbours", {}).items()}

    def __len__(self) -> int:
        return len(self._a["lat"])

    @property
    def key_count(self) -> int:
        return len(self._a["keys"])

    def lookup(self, key: str) -> tuple[Entry, ...]:
        """Every entry indexed under the normalised name ``key``."""
        found = self._memo.get(key)
        if found is None:
            found = self._lookup(key)
            if len(self._memo) < 200_000:
                self._memo[key] = found
        return found

    def _lookup(self, key: str) -> tuple[Entry, ...]:
        raw = key.encode("utf-8")
        keys = self._a["keys"]
        if not raw or len(raw) > MAX_KEY_BYTES:
            return ()
        i = int(np.searchsorted(keys, raw))
        if i >= len(keys) or keys[i] != raw:
            return ()
        start, end = int(self._a["key_offsets"][i]), int(self._a["key_offsets"][i + 1])
        return tuple(Entry(int(e), int(k)) for e, k in
                     zip(self._a["post_entry"][start:end].tolist(), self._a["post_kind"][start:end].tolist()))

    def country_entry(self, code: str) -> int | None:
        return self._country_entry.get(code)

    def neighbours(self, code: str) -> frozenset[str]:
        """The countries bordering ``code`` (GeoNames)."""
        return self._neighbours.get(code, frozenset())

    def feature(self, index: int) -> str:
        return FEATURES[self._a["feature"][index]]

    def country(self, index: int) -> str:
        return self.countries[self._a["country"][index]]

    def population(self, index: int) -> int:
        return int(self._a["population"][index])

    def admin1(self, index: int) -> int:
        return int(self._a["admin1"][index])

    def coords(self, index: int) -> tuple[float, float]:
        return float(self._a["lat"][index]), float(self._a["lon"][index])

    def name(self, index: int) -> str:
        offsets = self._a["name_offsets"]
        return self._names[offsets[index]:offsets[index + 1]]

    def place(self, index: int) -> Place:
        feature = self.feature(index)
        admin1 = self.admin1(index)
        lat, lon = self.coords(index)
        gid = int(self._a["geonames_id"][index])
        return Place(name=self.name(index), country=self.country(index), lat=round(lat, 5), lon=round(lon, 5),
                     precision=PRECISION[feature], feature=feature,  # type: ignore[arg-type]
                     admin1=self.name(admin1) if admin1 >= 0 else None, geonames_id=gid or None,
                     population=self.population(index))

    @classmethod
    def from_rows(cls, rows: list[tuple], postings: dict[str, dict[int, int]], *, sources: dict[str, str],
                  neighbours: dict[str, list[str]] | None = None) -> "Gazetteer":
        """Pack builder rows ``(geonames_id, name, country, admin1, lat, lon, population, feature)`` and
        postings ``{key: {entry: kind}}`` into arrays."""
        countries = sorted({row[2] for row in rows})
        code = {c: i for i, c in enumerate(countries)}
        names = [row[1] for row in rows]
        name_offsets = np.cumsum([0] + [len(n) for n in names]).astype(np.int64)
        keys = sorted(postings)
        flat = [sorted(postings[k].items()) for k in keys]
        arrays = {
            "geonames_id": np.array([r[0] for r in rows], dtype=np.int32),
            "lat": np.array([r[4] for r in rows], dtype=np.float32),
            "lon": np.array([r[5] for r in rows], dtype=np.float32),
            "population": np.array([r[6] for r in rows], dtype=np.int64),
            "country": np.array([code[r[2]] for r in rows], dtype=np.uint16),
            "admin1": np.array([r[3] for r in rows], dtype=np.int32),
            "feature": np.array([r[7] for r in rows], dtype=np.uint8),
            "keys": np.array([k.encode("utf-8") for k in keys], dtype=f"S{MAX_KEY_BYTES}"),
            "key_offsets": np.cumsum([0] + [len(p) for p in flat]).astype(np.int32),
            "post_entry": np.array([e for p in flat for e, _ in p], dtype=np.int32),
            "post_kind": np.array([k for p in flat for _, k in p], dtype=np.uint8),
            "names_blob": np.frombuffer("".join(names).encode("utf-8"), dtype=np.uint8),
            "name_offsets": name_offsets,
        }
        meta = {"format": FORMAT_VERSION, "countries": countries, "sources": sources, "neighbours": neighbours or {}}
        return cls(arrays, meta)

    def save(self, path: Path) -> None:
        """Write atomically: a temporary file in the same directory, then a rename."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                meta = np.frombuffer(json.dumps(self.meta).encode("utf-8"), dtype=np.uint8)
                np.savez(handle, meta=meta, **self._a)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def read(cls, path: Path) -> "Gazetteer":
        """Load a saved index; ValueError if the file is not a complete index of this format."""
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {name: data[name] for name in _ARRAYS}
                meta = json.loads(bytes(data["meta"]).decode("utf-8"))
        except (OSError, KeyError, zipfile.BadZipFile, EOFError, UnicodeDecodeError) as exc:
            raise ValueError(f"unreadable gazetteer cache {path}: {exc}") from exc
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"gazetteer cache {path} has format {meta.get('format')}, expected {FORMAT_VERSION}")
        # name_offsets are character offsets into the decoded blob: a 0-length blob never holds names
        if len(arrays["name_offsets"]) != len(arrays["lat"]) + 1:
            raise ValueError(f"gazetteer cache {path} is inconsistent")
        return cls(arrays, meta)


def cache_path(cache_dir: Path, sources: dict[str, str]) -> Path:
    fingerprint = hashlib.sha256(json.dumps(sources, sort_keys=True).encode()).hexdigest()[:12]
    return cache_dir / f"gazetteer-v{FORMAT_VERSION}-{fingerprint}.npz"


def load_or_build(cache_dir: Path) -> Gazetteer:
    """The cached index, building (and caching) it when missing, corrupt or built from other sources."""
    from newsevents.places.build import build_gazetteer  # the build pulls in every source reader
    from newsevents.places.sources import source_versions

    sources = source_versions()
    path = cache_path(cache_dir, sources)
    if path.exists():
        try:
            gazetteer = Gazetteer.read(path)
            if gazetteer.meta.get("sources") == sources:
                return gazetteer
        except ValueError as exc:
            log.warning("rebuilding the gazetteer: %s", exc)
    started = time.perf_counter()
    gazetteer = build_gazetteer(sources)
    log.info("built the gazetteer (%d entries) in %.1f s", len(gazetteer), time.perf_counter() - started)
    try:
        gazetteer.save(path)
    except OSError as exc:
        log.warning("cannot cache the gazetteer at %s (%s); it will be rebuilt next time", path, exc)
    else:
        _remove_stale(path)
    return gazetteer


def _remove_stale(current: Path) -> None:
    """Delete cached indexes of other versions or sources (each is ~45 MB)."""
    for path in current.parent.glob("gazetteer-v*.npz"):
        if path != current:
            path.unlink(missing_ok=True)


@cache
def _cached_gazetteer(cache_dir: Path) -> Gazetteer:
    return load_or_build(cache_dir)


def load_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer for ``settings.cache_dir``, loaded once per process."""
    return _cached_gazetteer(Path(settings.cache_dir))
