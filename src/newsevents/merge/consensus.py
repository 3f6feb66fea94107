"""The best-supported value of each field of an incident, from the reports merged into it.

Every vote is counted once per independent source (near-duplicates and one site's articles are one
source), so a story copied ten times does not outvote two independent reports.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from newsevents.merge.compatibility import Report, normalise_name, place_agreement, window_of
from newsevents.model import Actor, DatePrecision, Place

T = TypeVar("T", bound=Hashable)

# Confidence of an incident: 1 - prod(1 - c_s) over its independent sources, c_s the best event
# confidence within source s (the chance that at least one source is right if they erred independently),
# capped: independent outlets still share wire copy and official statements, so certainty is never reached.
CONFIDENCE_CAP = 0.99
_PRECISION_RANK = {"town": 2, "admin1": 1, "country": 0}
_DATE_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}
_ROLE_ORDER = {"actor1": 0, "actor2": 1, "assoc": 2}


def by_source(reports: Sequence[Report]) -> dict[str, list[Report]]:
    groups: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        groups[report.source].append(report)
    return dict(groups)


def combined_confidence(reports: Sequence[Report]) -> float:
    miss = 1.0
    for group in by_source(reports).values():
        miss *= 1.0 - max(min(max(r.event.confidence, 0.0), 1.0) for r in group)
    return round(min(CONFIDENCE_CAP, 1.0 - miss), 4)


def vote(reports: Sequence[Report], value: Callable[[Report], T | None], tie: Callable[[T], object]) -> T | None:
    """The value with the largest summed confidence, each source voting once per value with its best
    confidence; ties go to the smallest ``tie(value)``."""
    weights: dict[T, float] = defaultdict(float)
    for group in by_source(reports).values():
        best: dict[T, float] = {}
        for report in group:
            v = value(report)
            if v is not None:
                best[v] = max(best.get(v, 0.0), report.event.confidence)
        for v, w in best.items():
            weights[v] += w
    if not weights:
        return None
    return min(weights, key=lambda v: (-round(weights[v], 9), tie(v)))


def count_vote(reports: Sequence[Report], field: str) -> int | None:
    """The count most sources report (each source its largest); ties go to the lowest (ACLED's rule:
    the most conservative of conflicting reports)."""
    per_source: dict[int, int] = defaultdict(int)
    for group in by_source(reports).values():
        values = [getattr(r.event, field) for r in group if getattr(r.event, field) is not None]
        if values:
            per_source[max(values)] += 1
    if not per_source:
        return None
    return min(per_source, key=lambda v: (-per_source[v], v))


def best_place(reports: Sequence[Report]) -> Place | None:
    """The most precise place that most sources agree with."""
    places = {r.event.location for r in reports if r.event.location is not None}
    if not places:
        return None
    groups = by_source(reports)

    def key(place: Place) -> tuple:
        support = sum(any(r.event.location and place_agreement(place, r.event.location) is not None
                          for r in group) for group in groups.values())
        weight = sum(r.event.confidence for r in reports if r.event.location == place)
        return (-support, -_PRECISION_RANK[place.precision], -round(weight, 9), place.name, place.country,
                place.lat, place.lon)

    return min(places, key=key)


def best_date(reports: Sequence[Report]) -> tuple[dt.date | None, dt.date | None, DatePrecision]:
    """The most precise date window that most sources' windows overlap."""
    dated = [r for r in reports if r.window is not None]
    if not dated:
        return None, None, "unknown"
    groups = by_source(dated)
    candidates = {(r.event.date, r.event.date_end, r.event.date_precision) for r in dated}

    def key(candidate: tuple) -> tuple:
        start, end, precision = candidate
        probe = window_of(start, end, precision)
        support = sum(any(r.window[0] <= probe[1] and probe[0] <= r.window[1] for r in group)
                      for group in groups.values())
        return (-support, -_DATE_RANK.get(precision, 0), start, end or start)

    start, end, precision = min(candidates, key=key)
    return start, end, precision


def best_actors(reports: Sequence[Report]) -> tuple[Actor, ...]:
    """Actors (by role and normalised name) named by at least half of the sources, most supported first."""
    groups = by_source(reports)
    support: dict[tuple[str, str], int] = defaultdict(int)
    chosen: dict[tuple[str, str], Actor] = {}
    for group in groups.values():
        seen: set[tuple[str, str]] = set()
        for report in sorted(group, key=lambda r: -r.event.confidence):
            for actor in report.event.actors:
                key = (actor.role, normalise_name(actor.name or actor.text))
                if key not in seen:
                    seen.add(key)
                    support[key] += 1
                chosen.setdefault(key, actor)
    needed = max(1, math.ceil(len(groups) / 2))
    kept = [k for k in support if support[k] >= needed]
    kept.sort(key=lambda k: (_ROLE_ORDER.get(k[0], 3), -support[k], k[1]))
    return tuple(chosen[k] for k in kept)
