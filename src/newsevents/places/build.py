"""Building the gazetteer index from the packaged sources (slow: seconds; done once, then cached).

Entries are countries, first-level regions (admin1), continents/world regions and towns. Admin1 regions get
coordinates the sources lack (pycountry has none, GeoNames admin1 codes come without a position):

- a region named after a town inside it (the "Aktobe region", "Almaty oblysy") gets that town's coordinates
  (the largest such town), since news means the centre when it names the region after it;
- any other region gets the midpoint of the 5th-95th percentile box of its towns' coordinates, an estimate
  of its geographic centre (what GeoNames and Wikipedia give for a region). Coastal or sparsely settled
  regions can be off by up to a few hundred km; precision "admin1" tells consumers it is approximate.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from newsevents.places import knowledge
from newsevents.places.index import (
    FEATURES, KIND_ALTERNATE, KIND_DEMONYM, KIND_NAME, MAX_KEY_BYTES, Gazetteer,
)
from newsevents.places.names import normalize_name, strip_type_words
from newsevents.places.sources import (
    RawCity, RawCountry, RawSubdivision, read_admin1_names, read_cities, read_continents, read_countries,
    read_subdivisions,
)

_LATIN_KEY = re.compile(r"^[a-z][a-z' ]*[a-z]$")
MAX_ALTERNATE_CHARS = 40
# A pycountry subdivision name counts as the same region as a GeoNames admin1 name at this difflib ratio;
# checked by hand on KZ, RU, CN, IN, MX, NG (transliteration variants like aqtoebe/aqtobe score 0.92).
SUBDIVISION_MATCH_RATIO = 0.85
# A region is "named after its centre" only when the namesake town holds this share of the population of the
# region's towns: Aktobe is 77% of its region's, while Bihar Sharif (alternate name "Bihar") is 3% of Bihar's
# and must not become the state's centre. Checked by hand on KZ, IN, US, MX, RU.
NAMESAKE_MIN_SHARE = 0.1
# Percentiles of a region's town coordinates whose box midpoint estimates the region's centre.
CENTRE_PERCENTILES = (5.0, 95.0)


@dataclass
class _Builder:
    rows: list[tuple[int, str, str, int, float, float, int, int]] = field(default_factory=list)
    postings: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, *, geonames_id: int, name: str, country: str, admin1: int, lat: float, lon: float,
            population: int, feature: str) -> int:
        self.rows.append((geonames_id, name, country, admin1, lat, lon, population, FEATURES.index(feature)))
        return len(self.rows) - 1

    def name(self, entry: int, text: str, kind: int) -> None:
        key = normalize_name(text)
        if not key or len(key.encode("utf-8")) > MAX_KEY_BYTES:
            return
        kinds = self.postings[key]
        kinds[entry] = min(kind, kinds.get(entry, kind))

    def alternate(self, entry: int, text: str) -> None:
        """A GeoNames alternate name, if it is a Latin-script name (not a code, not another script)."""
        if len(text) > MAX_ALTERNATE_CHARS or (text.isupper() and len(text) <= 4):
            return
        key = normalize_name(text)
        if _LATIN_KEY.match(key):
            self.name(entry, text, KIND_ALTERNATE)


def _plurals(demonym: str) -> tuple[str, ...]:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")) or " " in demonym:
        return (demonym,)
    return (demonym, demonym + "s")


def _add_countries(builder: _Builder, countries: list[RawCountry], cities: list[RawCity]) -> dict[str, int]:
    by_country: dict[str, list[RawCity]] = defaultdict(list)
    for city in cities:
        by_country[city.country].append(city)
    entries = {}
    for country in countries:
        lat, lon = country.lat, country.lon
        if lat is None or lon is None:
            towns = by_country.get(country.code, [])
            capital = [c for c in towns if c.name == country.capital] or sorted(towns, key=lambda c: -c.population)
            if not capital:
                continue
            lat, lon = capital[0].lat, capital[0].lon
        entry = builder.add(geonames_id=country.geonames_id or 0, name=country.name, country=country.code,
                            admin1=-1, lat=lat, lon=lon, population=country.population, feature="country")
        for alias in country.aliases:
            builder.name(entry, alias, KIND_NAME)
        for demonym in country.demonyms:
            for form in _plurals(demonym):
                builder.name(entry, form, KIND_DEMONYM)
        entries[country.code] = entry
    return entries


def _region_centre(towns: list[RawCity], keys: set[str]) -> tuple[float, float, RawCity | None]:
    """The region's coordinates: its namesake town's, else the midpoint of its towns' percentile box."""
    total = sum(t.population for t in towns) or 1
    namesakes = [t for t in towns if t.population >= NAMESAKE_MIN_SHARE * total and (
        normalize_name(t.name) in keys
        or any(normalize_name(a) in keys for a in t.alternates if len(a) <= MAX_ALTERNATE_CHARS))]
    if namesakes:
        centre = max(namesakes, key=lambda t: t.population)
        return centre.lat, centre.lon, centre
    lats = np.array([t.lat for t in towns])
    lons = np.array([t.lon for t in towns])
    if lons.max() - lons.min() > 180:  # straddles the antimeridian
        lons = np.where(lons < 0, lons + 360, lons)
    low, high = CENTRE_PERCENTILES
    lat = float(np.percentile(lats, low) + np.percentile(lats, high)) / 2
    lon = float(np.percentile(lons, low) + np.percentile(lons, high)) / 2
    return lat, (lon - 360 if lon > 180 else lon), None


def _match_subdivisions(names: dict[str, str], subdivisions: list[RawSubdivision]) -> dict[str, RawSubdivision]:
    """GeoNames admin1 code -> the ISO subdivision of the same region (one-to-one, best match first)."""
    matched: dict[str, RawSubdivision] = {}
    free = list(subdivisions)
    for key_of in (normalize_name, lambda s: strip_type_words(normalize_name(s))):
        for code, name in names.items():
            if code in matched:
                continue
            hit = next((s for s in free if key_of(s.name) == key_of(name)), None)
            if hit:
                matched[code] = hit
                free.remove(hit)
    for code, name in names.items():
        if code in matched or not free:
            continue
        key = strip_type_words(normalize_name(name))
        scored = [(difflib.SequenceMatcher(None, key, strip_type_words(normalize_name(s.name))).ratio(), s)
                  for s in free]
        ratio, best = max(scored, key=lambda pair: pair[0])
        if ratio >= SUBDIVISION_MATCH_RATIO:
            matched[code] = best
            free.remove(best)
    return matched


def _region_names(name: str, subdivision: RawSubdivision | None) -> list[str]:
    names = [name]
    if subdivision:
        names.append(subdivision.name)
        suffix = subdivision.code.split("-", 1)[1]
        if len(suffix) >= 3 and suffix.isalpha():
            names.append(suffix)  # NSW, QLD, ...
    return names


def _add_regions(builder: _Builder, cities: list[RawCity], admin1_names: dict[tuple[str, str], str],
                 subdivisions: list[RawSubdivision]) -> dict[tuple[str, str], int]:
    groups: dict[tuple[str, str], list[RawCity]] = defaultdict(list)
    for city in cities:
        if city.admin1_code and city.admin1_code != "00":
            groups[(city.country, city.admin1_code)].append(city)
    by_country: dict[str, list[RawSubdivision]] = defaultdict(list)
    for sub in subdivisions:
        by_country[sub.country].append(sub)
    entries = {}
    for country in sorted({cc for cc, _ in groups}):
        codes = {code: towns for (cc, code), towns in groups.items() if cc == country}
        named = {code: admin1_names[(country, code)] for code in codes if (country, code) in admin1_names}
        names = _unique_names(named, codes)
        subdivisions = by_country.get(country, [])
        matched = _match_subdivisions(names, subdivisions)
        names |= _name_by_namesake({c: t for c, t in codes.items() if c not in names},
                                   [s for s in subdivisions if s not in matched.values()], matched)
        for code, name in sorted(names.items()):
            entries[(country, code)] = _add_region(builder, codes[code], name, matched.get(code))
    return entries


def _unique_names(names: dict[str, str], towns: dict[str, list[RawCity]]) -> dict[str, str]:
    """Drop a name given to several codes (GeoNames split a region after the names were taken) from all
    but the code with the most towns."""
    best: dict[str, str] = {}
    for code, name in names.items():
        if name not in best or len(towns[code]) > len(towns[best[name]]):
            best[name] = code
    return {code: name for name, code in best.items()}


def _name_by_namesake(unnamed: dict[str, list[RawCity]], free: list[RawSubdivision],
                      matched: dict[str, RawSubdivision]) -> dict[str, str]:
    """Name regions GeoNames left unnamed after an ISO subdivision named like one of their towns."""
    names = {}
    for code, towns in unnamed.items():
        town_keys = {normalize_name(t.name) for t in towns}
        for sub in free:
            if strip_type_words(normalize_name(sub.name)) in town_keys:
                names[code], matched[code] = sub.name, sub
                free.remove(sub)
                break
    return names


def _add_region(builder: _Builder, towns: list[RawCity], name: str, subdivision: RawSubdivision | None) -> int:
    names = _region_names(name, subdivision)
    keys = {strip_type_words(normalize_name(n)) for n in names} | {normalize_name(n) for n in names}
    lat, lon, centre = _region_centre(towns, keys)
    entry = builder.add(geonames_id=0, name=name, country=towns[0].country, admin1=-1, lat=lat, lon=lon,
                        population=sum(t.population for t in towns), feature="admin1")
    builder.rows[entry] = builder.rows[entry][:3] + (entry,) + builder.rows[entry][4:]  # a region is its own admin1
    for text in names:
        builder.name(entry, text, KIND_NAME)
        stripped = strip_type_words(normalize_name(text))
        if stripped != normalize_name(text):
            builder.name(entry, stripped, KIND_ALTERNATE)
    if centre is not None:
        builder.name(entry, centre.name, KIND_ALTERNATE)
    return entry


def _add_world_regions(builder: _Builder) -> None:
    continents = {name: (lat, lon, pop, gid) for name, lat, lon, pop, gid in read_continents()}
    for name, (feature, lat, lon, aliases) in knowledge.MACRO_REGIONS.items():
        lat, lon, population, gid = continents.get(name, (lat, lon, knowledge.REGION_POPULATION, 0))
        entry = builder.add(geonames_id=gid, name=name, country="", admin1=-1, lat=lat, lon=lon,
                            population=population, feature=feature)
        for alias in (name, *aliases):
            builder.name(entry, alias, KIND_NAME)
    for name, (country, lat, lon, aliases) in knowledge.AREAS.items():
        entry = builder.add(geonames_id=0, name=name, country=country, admin1=-1, lat=lat, lon=lon,
                            population=knowledge.AREA_POPULATION, feature="area")
        for alias in (name, *aliases):
            builder.name(entry, alias, KIND_NAME)


def _add_towns(builder: _Builder, cities: list[RawCity], regions: dict[tuple[str, str], int]) -> None:
    for city in cities:
        entry = builder.add(geonames_id=city.geonames_id, name=city.name, country=city.country,
                            admin1=regions.get((city.country, city.admin1_code), -1), lat=city.lat,
                            lon=city.lon, population=city.population, feature="city")
        builder.name(entry, city.name, KIND_NAME)
        for alternate in city.alternates:
            builder.alternate(entry, alternate)


def build_gazetteer(sources: dict[str, str]) -> Gazetteer:
    """Read every source and build the index (``sources``: package versions, stored with it)."""
    cities = read_cities()
    builder = _Builder()
    countries = read_countries(knowledge.COUNTRY_ALIASES, knowledge.DEMONYMS)
    _add_countries(builder, countries, cities)
    regions = _add_regions(builder, cities, read_admin1_names(cities), read_subdivisions())
    _add_world_regions(builder)
    _add_towns(builder, cities, regions)
    neighbours = {c.code: list(c.neighbours) for c in countries if c.neighbours}
    return Gazetteer.from_rows(builder.rows, builder.postings, sources=sources, neighbours=neighbours)
