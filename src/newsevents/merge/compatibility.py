"""Whether two coded events can describe the same real-world incident, and how well they agree.

Hard rules (any failing keeps the events apart): same event type, compatible sub-types, same kind of
modality, compatible status, places within a distance that depends on their precision, overlapping date
windows, and at least one of place or date known on both sides. Soft agreement is a weighted score of
place, date, actors and text (evidence wording, and the documents' similarity when given).
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsevents.model import Document, Event, Place

# Sub-types that different outlets give to one incident (a demonstration one calls peaceful and another
# says police intervened in). Other sub-types must be equal.
COMPATIBLE_SUBTYPES: tuple[frozenset[str], ...] = (
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    frozenset({"Violent demonstration", "Mob violence"}),
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED"}),
)
# Modalities that report something that happened; any other modality only merges with itself.
OCCURRED = frozenset({"asserted", "attempted"})

# How far apart two places may be and still be one incident, by the coarser precision of the two: a
# town-level location is a point within a commune/district of a few tens of km, an admin1 centroid can
# be a few hundred km from a town inside the province. Country precision compares countries only.
RADIUS_KM = {"town": 40.0, "admin1": 300.0}
# Days of slack either side of a date window, by precision: reports written the next day, "yesterday"
# resolved against a late publication date, time zones (day); a week named loosely (week). A month or
# a year window is already as wide as what it says.
DATE_SLACK_DAYS = {"day": 1, "week": 3, "month": 0, "year": 0, "unknown": 0}

# Weights of the soft score and the scores given for unknowns. Set by hand so that two reports of one
# incident that agree on place and day link even with disjoint actors and wording (0.35 + 0.30 = 0.65),
# while one that lacks a place needs agreeing actors or wording too (see LINK_THRESHOLD in incidents).
PLACE_WEIGHT, DATE_WEIGHT, ACTOR_WEIGHT, TEXT_WEIGHT = 0.35, 0.30, 0.20, 0.15
UNKNOWN_PLACE_SCORE = 0.2
COUNTRY_ONLY_PLACE_SCORE = 0.6
UNKNOWN_DATE_SCORE = 0.3
COARSE_DATE_SCORE = 0.6
UNKNOWN_ACTORS_SCORE = 0.5

DocSimilarity = Callable[[str, str], float]


@dataclass(frozen=True, slots=True)
class Report:
    """One event with what merging needs from its document."""

    event: Event
    document: Document
    source: str  # independent-source key: near-duplicates and one site's articles share it
    window: tuple[dt.date, dt.date] | None  # date window with slack, inclusive
    actor_names: frozenset[str]
    actor_categories: frozenset[str]
    evidence: str


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return " ".join(w for w in words if w != "the")


def window_of(start: dt.date, end: dt.date | None, precision: str) -> tuple[dt.date, dt.date]:
    """The inclusive window a date (range) of this precision may mean, with its slack."""
    slack = dt.timedelta(days=DATE_SLACK_DAYS.get(precision, 0))
    end = end or start
    return (min(start, end) - slack, max(start, end) + slack)


def date_window(event: Event) -> tuple[dt.date, dt.date] | None:
    if event.date is None:
        return None
    return window_of(event.date, event.date_end, event.date_precision)


def make_report(event: Event, document: Document, source: str) -> Report:
    names = frozenset(normalise_name(a.name or a.text) for a in event.actors) - {""}
    categories = frozenset(a.category for a in event.actors if a.category)
    evidence = " ".join(e.text for e in event.evidence)
    return Report(event, document, source, date_window(event), names, categories, evidence)


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_PRECISION_RANK = {"town": 2, "admin1": 1, "country": 0}


def admin1_name(place: Place) -> str | None:
    """The first-level region a place is in (its own name for a region), normalised."""
    name = place.name if place.precision == "admin1" else place.admin1
    return normalise_name(name) if name else None


def place_agreement(a: Place, b: Place) -> float | None:
    """How well two places agree for one incident (None: too far apart / other country)."""
    if a.country != b.country:
        return None
    coarse = min(a.precision, b.precision, key=lambda p: _PRECISION_RANK[p])
    if coarse == "country":
        return COUNTRY_ONLY_PLACE_SCORE
    region_a, region_b = admin1_name(a), admin1_name(b)
    if coarse == "admin1" and region_a and region_b:
        return 0.8 if region_a == region_b else None
    distance = haversine_km(a, b)
    radius = RADIUS_KM[coarse]
    return None if distance > radius else 1.0 - 0.5 * distance / radius


def _subtypes_compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE_SUBTYPES)


def _kinds_compatible(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or not _subtypes_compatible(a.sub_event_type, b.sub_event_type):
        return False
    if a.modality != b.modality and not (a.modality in OCCURRED and b.modality in OCCURRED):
        return False
    restored = {a.status == "restored", b.status == "restored"}
    return not (a.status and b.status and len(restored) == 2)


def _date_agreement(a: Report, b: Report) -> float | None:
    if a.window is None or b.window is None:
        return UNKNOWN_DATE_SCORE
    if a.window[1] < b.window[0] or b.window[1] < a.window[0]:
        return None
    ea, eb = a.event, b.event
    if ea.date_precision == eb.date_precision == "day" and ea.date == eb.date:
        return 1.0
    return 0.8 if "day" in (ea.date_precision, eb.date_precision) else COARSE_DATE_SCORE


def _actor_agreement(a: Report, b: Report) -> float:
    if not a.actor_names or not b.actor_names:
        return UNKNOWN_ACTORS_SCORE
    names = len(a.actor_names & b.actor_names) / len(a.actor_names | b.actor_names)
    if names:
        return names
    union = a.actor_categories | b.actor_categories
    return 0.5 * len(a.actor_categories & b.actor_categories) / len(union) if union else 0.0


def _text_agreement(a: Report, b: Report, doc_similarity: DocSimilarity | None) -> float:
    evidence = fuzz.token_set_ratio(a.evidence, b.evidence) / 100.0 if a.evidence and b.evidence else 0.5
    if doc_similarity is None:
        return evidence
    same_doc = a.document.id == b.document.id
    return 0.5 * evidence + 0.5 * (1.0 if same_doc else doc_similarity(a.document.id, b.document.id))


def agreement(a: Report, b: Report, doc_similarity: DocSimilarity | None = None) -> float | None:
    """The soft agreement of two reports in [0, 1], or None when a hard rule keeps them apart."""
    if not _kinds_compatible(a.event, b.event):
        return None
    la, lb = a.event.location, b.event.location
    place = place_agreement(la, lb) if la and lb else UNKNOWN_PLACE_SCORE
    date = _date_agreement(a, b)
    if place is None or date is None:
        return None
    if not (la and lb) and (a.window is None or b.window is None):
        return None  # nothing anchors them to one incident
    return (PLACE_WEIGHT * place + DATE_WEIGHT * date + ACTOR_WEIGHT * _actor_agreement(a, b)
            + TEXT_WEIGHT * _text_agreement(a, b, doc_similarity))
