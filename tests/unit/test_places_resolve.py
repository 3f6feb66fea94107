"""Resolving names against the real gazetteer (built once per machine into the settings' cache dir)."""

from __future__ import annotations

import pytest

from newsevents.errors import ConfigError
from newsevents.model import Place
from newsevents.places import GazetteerGeocoder, Geocoder, NaiveGeocoder, haversine_km, load_gazetteer, make_geocoder
from newsevents.places.index import Gazetteer
from newsevents.settings import Settings


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(Settings())


@pytest.fixture(scope="module")
def ours(gazetteer: Gazetteer) -> GazetteerGeocoder:
    return GazetteerGeocoder(gazetteer)


def country(gazetteer: Gazetteer, code: str) -> Place:
    entry = gazetteer.country_entry(code)
    assert entry is not None
    return gazetteer.place(entry)


def town(ours: GazetteerGeocoder, name: str, code: str) -> Place:
    place = ours.resolve(name, country_hint=code)
    assert place is not None and place.country == code
    return place


@pytest.mark.parametrize("name", ["gazetteer", "naive"])
def test_geocoder_contract(name: str) -> None:
    geocoder = make_geocoder(name, Settings())
    assert isinstance(geocoder, Geocoder)
    place = geocoder.resolve("Nairobi")
    assert place is not None and place.country == "KE" and place.precision == "town"
    assert geocoder.resolve("Kenya").feature == "country"  # type: ignore[union-attr]
    assert geocoder.resolve("Qwxzzyplace") is None
    assert geocoder.resolve("") is None
    assert geocoder.resolve("Kazakh") is None  # a demonym is no place
    scored = geocoder.resolve_scored("Mombasa")
    assert scored is not None and 0.0 < scored[1] <= 1.0


def test_unknown_geocoder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="naive"):
        make_geocoder("magic", Settings())


@pytest.mark.parametrize(("alias", "canonical", "code"), [
    ("Alma-Ata", "Almaty", "KZ"), ("Nur-Sultan", "Astana", "KZ"), ("Bombay", "Mumbai", "IN"),
    ("Peking", "Beijing", "CN"), ("Madras", "Chennai", "IN"), ("Saigon", "Ho Chi Minh City", "VN"),
])
def test_historic_names(ours: GazetteerGeocoder, alias: str, canonical: str, code: str) -> None:
    place = ours.resolve(alias)
    assert place is not None and (place.name, place.country, place.feature) == (canonical, code, "city")


@pytest.mark.parametrize(("alias", "code"), [
    ("U.S.", "US"), ("USA", "US"), ("UK", "GB"), ("Britain", "GB"), ("Burma", "MM"), ("Ivory Coast", "CI"),
    ("DRC", "CD"), ("the Netherlands", "NL"), ("Russia", "RU"), ("northern Kazakhstan", "KZ"),
])
def test_country_names(ours: GazetteerGeocoder, alias: str, code: str) -> None:
    place = ours.resolve(alias)
    assert place is not None and (place.country, place.precision) == (code, "country")


def test_admin_region_named_after_its_centre(ours: GazetteerGeocoder) -> None:
    region = ours.resolve("the Aktobe region")
    aktobe = town(ours, "Aktobe", "KZ")
    assert region is not None and (region.country, region.precision, region.feature) == ("KZ", "admin1", "admin1")
    assert haversine_km(region.lat, region.lon, aktobe.lat, aktobe.lon) < 50
    assert ours.resolve("Aktobe").precision == "town"  # type: ignore[union-attr]  # the bare name is the city


@pytest.mark.parametrize(("mention", "code", "near"), [
    ("Sinaloa state", "MX", "Culiacan"), ("Punjab province", "PK", "Lahore"), ("Texas", "US", "Austin"),
])
def test_admin_regions(ours: GazetteerGeocoder, gazetteer: Gazetteer, mention: str, code: str, near: str) -> None:
    place = ours.resolve(mention, context=[country(gazetteer, code)])
    assert place is not None and (place.country, place.precision) == (code, "admin1")
    centre = town(ours, near, code)
    assert haversine_km(place.lat, place.lon, centre.lat, centre.lon) < 500  # an estimated centre, not a capital


def test_context_disambiguates_paris(ours: GazetteerGeocoder, gazetteer: Gazetteer) -> None:
    texas = ours.resolve("Texas")
    dallas = ours.resolve("Dallas")
    assert texas is not None and dallas is not None
    in_texas = ours.resolve("Paris", context=[texas, dallas])
    in_france = ours.resolve("Paris", context=[country(gazetteer, "FR")])
    assert in_texas is not None and in_france is not None
    assert (in_texas.country, in_texas.admin1) == ("US", "Texas")
    assert in_france.country == "FR" and in_france.population > 1_000_000
    assert ours.resolve("Paris").country == "FR"  # type: ignore[union-attr]  # no context: the big one


def test_context_disambiguates_tripoli(ours: GazetteerGeocoder, gazetteer: Gazetteer) -> None:
    assert ours.resolve("Tripoli").country == "LY"  # type: ignore[union-attr]
    lebanon = ours.resolve("Tripoli", context=[country(gazetteer, "LB"), ours.resolve("Beirut")])  # type: ignore[list-item]
    assert lebanon is not None and lebanon.country == "LB"


def test_naive_ignores_context(gazetteer: Gazetteer) -> None:
    naive = NaiveGeocoder(gazetteer)
    assert naive.resolve("Tripoli", context=[country(gazetteer, "LB")]).country == "LY"  # type: ignore[union-attr]


def test_country_fallback(ours: GazetteerGeocoder, gazetteer: Gazetteer) -> None:
    hinted = ours.resolve_scored("Qwxzzy", country_hint="KZ")
    assert hinted is not None and (hinted[0].country, hinted[0].precision) == ("KZ", "country") and hinted[1] < 0.5
    region = ours.resolve("the Qwxzzy region", context=[country(gazetteer, "KE")])
    assert region is not None and (region.country, region.precision) == ("KE", "country")
    assert ours.resolve("Qwxzzy", context=[country(gazetteer, "KE")]) is None  # a bare unknown word stays unknown


def test_world_regions(ours: GazetteerGeocoder) -> None:
    africa = ours.resolve("Africa")
    middle_east = ours.resolve("the Middle East")
    assert africa is not None and (africa.feature, africa.country) == ("continent", "")
    assert middle_east is not None and middle_east.feature == "region"
