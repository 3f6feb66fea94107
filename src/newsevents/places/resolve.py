"""Resolving a place name to a gazetteer entry: the ``Geocoder`` protocol and its implementations.

- ``GazetteerGeocoder`` ("gazetteer", ours): scores every entry indexed under the name by population, feature
  type (country > world region > admin1 > town when names tie), exact vs alternate-name match, and the
  context: countries and regions already mentioned in the article, nearness to places already resolved,
  an explicit country hint.
- ``NaiveGeocoder`` ("naive", the baseline): the most populous entry indexed under the name.

Both understand the shapes of a name in news ("the Aktobe region" -> the region; "northern Kazakhstan" ->
the country) and never return a demonym's country for a bare adjective ("Kazakh" is a hint, not a place).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from newsevents.errors import ConfigError
from newsevents.model import Place
from newsevents.places.index import KIND_ALTERNATE, KIND_DEMONYM, KIND_NAME, Entry, Gazetteer, load_gazetteer
from newsevents.places.names import ParsedName, normalize_name, parse_name
from newsevents.settings import Settings

# Score weights of GazetteerGeocoder, in units of log10(population). Set by reasoning about typical cases
# (a 25k-inhabitant "Paris" in the article's region must beat the 2M one abroad, a bare "Paris" in an article
# with no context must not), then checked on the GeoVirus dev set (`newsevents eval geo`) without per-name
# rules. A feature prior lets a country or region outrank a town of the same name with a similar population.
FEATURE_PRIOR = {"country": 3.0, "continent": 3.0, "region": 2.5, "admin1": 1.5, "area": 1.5, "city": 0.0}
ALTERNATE_PENALTY = 1.5  # an alternate/historic-name match loses to an entry that bears the name itself
COUNTRY_HINT_BONUS = 4.0  # the caller says which country ("Paris, Texas" style apposition, an explicit hint)
CONTEXT_COUNTRY_BONUS = 2.0  # a country mentioned in the article (or holding places already resolved)
NEIGHBOUR_BONUS = 0.75  # a country bordering one mentioned in the article
CONTEXT_ADMIN1_BONUS = 2.5  # the same first-level region as a place already resolved
NEAR_KM, NEAR_BONUS = 150.0, 1.5  # within this distance of a town already resolved
REGION_KM, REGION_BONUS = 600.0, 0.75
SAME_PLACE_BONUS = 1.0  # the entry itself is already in the context (one sense per discourse)
# Confidence of an answer is a logistic function of the margin over the runner-up; a lone candidate counts
# as this margin.
LONE_CANDIDATE_MARGIN = 3.0
FALLBACK_CONFIDENCE = 0.3
EARTH_RADIUS_KM = 6371.0088


@runtime_checkable
class Geocoder(Protocol):
    """Turns a place name into a Place, using what else the article mentions."""

    def resolve(self, name: str, *, context: Sequence[Place] = (), country_hint: str | None = None) -> Place | None: ...


@runtime_checkable
class ScoredGeocoder(Geocoder, Protocol):
    """A geocoder that can also say how sure it is (0-1)."""

    def resolve_scored(self, name: str, *, context: Sequence[Place] = (),
                       country_hint: str | None = None) -> tuple[Place, float] | None: ...


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def candidates(gazetteer: Gazetteer, name: str) -> tuple[ParsedName, tuple[Entry, ...]]:
    """The entries a mention can denote (demonyms excluded), honouring a type word or compass prefix:
    the whole name first ("Dominican Republic", "South Sudan"), then the name proper: "the Aktobe region"
    -> regions called Aktobe (else towns called Aktobe), "northern Kazakhstan" -> Kazakhstan."""
    parsed = parse_name(name)
    full = normalize_name(name)
    full = full[4:] if full.startswith("the ") else full
    whole = _places(gazetteer.lookup(full))
    if parsed.admin_type and not any(gazetteer.feature(e.index) in ("admin1", "country") for e in whole):
        proper = _places(gazetteer.lookup(parsed.key))
        regions = tuple(e for e in proper if gazetteer.feature(e.index) == "admin1")
        if regions or (proper and not whole):
            return parsed, regions or proper
    if whole:
        return ParsedName(key=full), _without_namesake_regions(gazetteer, whole)
    return parsed, _places(gazetteer.lookup(parsed.key)) if parsed.key != full else ()


def _without_namesake_regions(gazetteer: Gazetteer, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A bare "Almaty" is the city, not the region named after it (which shares the city's coordinates):
    only a type word ("Almaty region") asks for the region."""
    towns = {gazetteer.coords(e.index) for e in entries if gazetteer.feature(e.index) == "city"}
    return tuple(e for e in entries if gazetteer.feature(e.index) != "admin1" or gazetteer.coords(e.index) not in towns)


def _places(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The places among a name's entries. A demonym ("Kazakh") is only a place where some place bears it
    as its own name, never through an alternate name (a town once called "Kazakh")."""
    if any(e.kind == KIND_DEMONYM for e in entries):
        return tuple(e for e in entries if e.kind == KIND_NAME)
    return entries


def demonym_country(gazetteer: Gazetteer, word: str) -> str | None:
    """The country a nationality adjective or noun points to ('Kazakh' -> 'KZ'), if it is one."""
    for entry in gazetteer.lookup(normalize_name(word)):
        if entry.kind == KIND_DEMONYM:
            return gazetteer.country(entry.index)
    return None


@dataclass(frozen=True, slots=True)
class _Context:
    countries: frozenset[str]
    admin1s: frozenset[tuple[str, str]]
    points: tuple[tuple[float, float], ...]
    ids: frozenset[tuple[str, str, str]]

    @classmethod
    def of(cls, places: Sequence[Place]) -> "_Context":
        return cls(
            countries=frozenset(p.country for p in places if p.country),
            admin1s=frozenset((p.country, p.admin1) for p in places if p.admin1),
            points=tuple((p.lat, p.lon) for p in places if p.feature == "city"),
            ids=frozenset((p.name, p.country, p.feature) for p in places),
        )


class _GazetteerBacked:
    """What both geocoders share: the gazetteer, and ``resolve`` as the place of ``resolve_scored``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def resolve(self, name: str, *, context: Sequence[Place] = (), country_hint: str | None = None) -> Place | None:
        scored = self.resolve_scored(name, context=context, country_hint=country_hint)
        return scored[0] if scored else None

    def resolve_scored(self, name: str, *, context: Sequence[Place] = (),
                       country_hint: str | None = None) -> tuple[Place, float] | None:
        raise NotImplementedError


class GazetteerGeocoder(_GazetteerBacked):
    """Ours: context-aware disambiguation over the gazetteer."""

    def resolve_scored(self, name: str, *, context: Sequence[Place] = (),
                       country_hint: str | None = None) -> tuple[Place, float] | None:
        parsed, entries = candidates(self.gazetteer, name)
        if country_hint and not any(self.gazetteer.country(e.index) == country_hint for e in entries):
            entries = ()  # "Foo, Kazakhstan" with no Foo in Kazakhstan: the country, not a Foo elsewhere
        if not entries:
            return self._fallback(parsed, context, country_hint)
        ctx = _Context.of(context)
        has_primary = any(e.kind != KIND_ALTERNATE for e in entries)
        ranked = sorted(((self.score(e, ctx, country_hint, has_primary), e.index) for e in entries), reverse=True)
        best, index = ranked[0]
        margin = best - ranked[1][0] if len(ranked) > 1 else LONE_CANDIDATE_MARGIN
        return self.gazetteer.place(index), 1.0 / (1.0 + math.exp(-margin))

    def score(self, entry: Entry, ctx: _Context, country_hint: str | None, has_primary: bool) -> float:
        g, i = self.gazetteer, entry.index
        feature, country = g.feature(i), g.country(i)
        score = math.log10(g.population(i) + 1) + FEATURE_PRIOR[feature]
        if entry.kind == KIND_ALTERNATE and has_primary:
            score -= ALTERNATE_PENALTY
        if country_hint and country == country_hint:
            score += COUNTRY_HINT_BONUS
        if country in ctx.countries and feature != "country":
            score += CONTEXT_COUNTRY_BONUS
        elif country and any(country in g.neighbours(c) for c in ctx.countries):
            score += NEIGHBOUR_BONUS
        admin1 = g.admin1(i)
        if admin1 >= 0 and (country, g.name(admin1)) in ctx.admin1s:
            score += CONTEXT_ADMIN1_BONUS
        if (g.name(i), country, feature) in ctx.ids:
            score += SAME_PLACE_BONUS
        if ctx.points and feature == "city":
            lat, lon = g.coords(i)
            nearest = min(haversine_km(lat, lon, plat, plon) for plat, plon in ctx.points)
            score += NEAR_BONUS if nearest <= NEAR_KM else REGION_BONUS if nearest <= REGION_KM else 0.0
        return score

    def _fallback(self, parsed: ParsedName, context: Sequence[Place],
                  country_hint: str | None) -> tuple[Place, float] | None:
        """The country-level fallback for a name the gazetteer lacks: the hinted country, or for a name that
        says it is a place ('the Foo region', 'northern Foo') the article's main country; unsure (0.3)."""
        if not (country_hint or parsed.admin_type or parsed.direction):
            return None
        code = country_hint or _dominant_country(context)
        entry = self.gazetteer.country_entry(code) if code else None
        return (self.gazetteer.place(entry), FALLBACK_CONFIDENCE) if entry is not None else None


def _dominant_country(context: Sequence[Place]) -> str | None:
    counts: dict[str, int] = {}
    for place in context:
        if place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


class NaiveGeocoder(_GazetteerBacked):
    """The baseline: the most populous entry bearing the name; context is ignored."""

    def resolve_scored(self, name: str, *, context: Sequence[Place] = (),
                       country_hint: str | None = None) -> tuple[Place, float] | None:
        _, entries = candidates(self.gazetteer, name)
        if not entries:
            return None
        index = max(entries, key=lambda e: (self.gazetteer.population(e.index), -e.index)).index
        return self.gazetteer.place(index), 0.5


GEOCODERS = {"gazetteer": GazetteerGeocoder, "naive": NaiveGeocoder}


def make_geocoder(name: str, settings: Settings) -> ScoredGeocoder:
    """The geocoder called ``name`` ("gazetteer" or "naive", usually ``settings.geocoder``)."""
    try:
        cls = GEOCODERS[name]
    except KeyError:
        raise ConfigError(f"Unknown geocoder {name!r}.", hint=f"Choose one of: {', '.join(GEOCODERS)}.") from None
    return cls(load_gazetteer(settings))
