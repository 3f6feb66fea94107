"""An offline base map: country outlines from the GeoJSON that ``countryinfo`` (a dependency) ships,
projected equirectangularly and drawn as SVG on the server, with incidents as circles on top.

No tiles, no network: the outlines are read from the installed package's data files once per process.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsevents.web.drawing import Circle, Polygon, Scene, Text, colour_of

LAND = "#e4e1d6"
BORDER = "#a9a392"
SEA = "#f3f7fa"
# Outline points closer than this (degrees) to the previous kept one are dropped: at the map sizes we draw
# (<= 1000 px for 360 degrees) 0.15 degrees is under half a pixel for the world and a pixel for a region.
SIMPLIFY_DEG = 0.15
MIN_SPAN_DEG = 16.0  # the smallest window a map zooms to around its incidents
MARGIN = 0.25  # of the span, added around the incidents


@dataclass(frozen=True, slots=True)
class Outline:
    country: str  # ISO alpha-2 (or the file name when the file has none)
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (lon, lat) rings


@dataclass(frozen=True, slots=True)
class Marker:
    lat: float
    lon: float
    size: int  # sources
    event_type: str
    label: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Window:
    west: float
    south: float
    east: float
    north: float


def _simplify(ring: Sequence[Sequence[float]]) -> tuple[tuple[float, float], ...]:
    kept: list[tuple[float, float]] = []
    for lon, lat, *_ in ring:
        if not kept or abs(lon - kept[-1][0]) + abs(lat - kept[-1][1]) >= SIMPLIFY_DEG:
            kept.append((float(lon), float(lat)))
    return tuple(kept)


def _rings(geometry: dict) -> Iterable[Sequence[Sequence[float]]]:
    if geometry.get("type") == "Polygon":
        yield geometry["coordinates"][0]
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield polygon[0]


@cache
def outlines() -> tuple[Outline, ...]:
    """Every country outline countryinfo ships (about 250), simplified."""
    data_dir = resources.files("countryinfo") / "data"
    found: list[Outline] = []
    for entry in sorted(data_dir.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        geo = record.get("geoJSON") or {}
        rings = tuple(r for feature in geo.get("features", []) for ring in _rings(feature.get("geometry") or {})
                      if len(r := _simplify(ring)) > 2)
        if rings:
            code = (record.get("ISO") or {}).get("alpha2") or entry.name.removesuffix(".json")
            found.append(Outline(code, rings))
    return tuple(found)


def window_around(markers: Sequence[Marker]) -> Window:
    """The world, or a window around the markers (at least MIN_SPAN_DEG wide) when they are close together."""
    if not markers:
        return Window(-180, -60, 180, 85)
    lons, lats = [m.lon for m in markers], [m.lat for m in markers]
    span = max(max(lons) - min(lons), (max(lats) - min(lats)) * 2, MIN_SPAN_DEG) * (1 + 2 * MARGIN)
    if span >= 300:
        return Window(-180, -60, 180, 85)
    mid_lon, mid_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    half_w, half_h = span / 2, span / 4
    return Window(mid_lon - half_w, max(-85, mid_lat - half_h), mid_lon + half_w, min(85, mid_lat + half_h))


def map_scene(markers: Sequence[Marker], *, width: int = 720, height: int = 360, title: str = "Incidents") -> Scene:
    """Countries and markers (area by sources, colour by event type) for the window around the markers."""
    win = window_around(markers)
    sx, sy = width / (win.east - win.west), height / (win.north - win.south)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - win.west) * sx, (win.north - lat) * sy

    scene = Scene(width, height, background=SEA, title=title)
    for outline in outlines():
        for ring in outline.rings:
            if _overlaps(ring, win):
                scene.add(Polygon(tuple(project(lon, lat) for lon, lat in ring), LAND, BORDER))
    for marker in sorted(markers, key=lambda m: -m.size):  # small circles on top of big ones
        x, y = project(marker.lon, marker.lat)
        radius = 4 + 3 * math.sqrt(max(marker.size, 1) - 1)
        scene.add(Circle(x, y, min(radius, 24), colour_of(marker.event_type), marker.label, marker.href))
    if not markers:
        scene.add(Text(width / 2, height / 2, "No located incidents for these filters", 14, "middle"))
    return scene


def _overlaps(ring: Sequence[tuple[float, float]], win: Window) -> bool:
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return max(lons) >= win.west and min(lons) <= win.east and max(lats) >= win.south and min(lats) <= win.north
