"""Analysts' reviews over the machine's events: the corrected event wins, the original stays beside it.

A review is ``confirm``, ``reject`` or ``correct`` (with ``changes``: field -> corrected value). Reviews
apply in the order they were made; a later correction of a field replaces an earlier one, and a later
``confirm`` or ``reject`` replaces an earlier verdict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsevents.model import Actor, Event, Place
from newsevents.store import Review
from newsevents.taxonomy import ACTOR_CATEGORIES, SUB_TO_TYPE

MODALITIES = ("asserted", "attempted", "planned", "hypothetical", "negated")
ROLES = ("actor1", "actor2", "assoc")
CORRECTABLE = ("event_type", "sub_event_type", "date", "place", "actors", "modality")
COUNTRY = re.compile(r"^[A-Z]{2}$")
MAX_TEXT = 200


class CorrectionError(ValueError):
    """A correction that cannot be applied; the message says which field and why."""


@dataclass(frozen=True, slots=True)
class ReviewedEvent:
    """An event as the analysts left it (``event``), the machine's original, and the reviews behind it."""

    event: Event
    original: Event
    reviews: tuple[Review, ...] = ()
    verdict: str | None = None  # confirmed | rejected | None
    corrected: tuple[str, ...] = ()  # the fields an analyst changed

    @property
    def rejected(self) -> bool:
        return self.verdict == "rejected"

    def to_dict(self) -> dict[str, Any]:
        data = self.event.to_dict()
        data["review"] = {
            "verdict": self.verdict,
            "corrected_fields": list(self.corrected),
            "original": {name: self.original.to_dict()[field_key(name)] for name in self.corrected},
            "reviews": [review_dict(r) for r in self.reviews],
        }
        return data


def field_key(name: str) -> str:
    return "location" if name == "place" else name


def review_dict(review: Review) -> dict[str, Any]:
    return {"id": review.id, "event_id": review.event_id, "user": review.user, "action": review.action,
            "changes": dict(review.changes), "comment": review.comment,
            "created_at": review.created_at.isoformat() if review.created_at else None}


def apply_reviews(event: Event, reviews: Sequence[Review]) -> ReviewedEvent:
    """The event with every correction applied in order, and the last verdict."""
    changed: dict[str, Any] = {}
    verdict: str | None = None
    for review in reviews:
        if review.action == "correct":
            changed.update(decode_changes(review.changes))
            verdict = None if verdict == "rejected" else verdict
        else:
            verdict = "confirmed" if review.action == "confirm" else "rejected"
    corrected = dataclasses.replace(event, **{field_key(k): v for k, v in changed.items()}) if changed else event
    return ReviewedEvent(corrected, event, tuple(reviews), verdict, tuple(k for k in CORRECTABLE if k in changed))


def apply_all(events: Iterable[Event], reviews: Mapping[str, Sequence[Review]]) -> list[ReviewedEvent]:
    return [apply_reviews(e, reviews.get(e.id, ())) for e in events]


# --- checking what an analyst sends -----------------------------------------------------------------------

def check_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes in their stored JSON form; CorrectionError names the first bad field."""
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise CorrectionError(f"cannot correct {', '.join(unknown)}: correctable fields are {', '.join(CORRECTABLE)}.")
    if not changes:
        raise CorrectionError("a correction needs at least one changed field.")
    clean = {name: value for name, value in changes.items() if value is not None}
    decoded = decode_changes(clean)  # raises on bad values
    if "sub_event_type" in decoded and "event_type" not in decoded:
        clean["event_type"] = SUB_TO_TYPE[decoded["sub_event_type"]]
    elif "event_type" in decoded and "sub_event_type" in decoded \
            and SUB_TO_TYPE[decoded["sub_event_type"]] != decoded["event_type"]:
        raise CorrectionError(f"sub_event_type {decoded['sub_event_type']!r} is not a kind of {decoded['event_type']!r}.")
    return clean


def decode_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Stored JSON changes as model values (date, Place, Actors)."""
    decoded: dict[str, Any] = {}
    for name, value in changes.items():
        decoder = DECODERS.get(name)
        if decoder is None:
            raise CorrectionError(f"cannot correct {name!r}.")
        decoded[name] = decoder(value)
    return decoded


def _event_type(value: Any) -> str:
    if value not in {t for t in SUB_TO_TYPE.values()}:
        raise CorrectionError(f"event_type {value!r} is not in the taxonomy.")
    return str(value)


def _sub_event_type(value: Any) -> str:
    if value not in SUB_TO_TYPE:
        raise CorrectionError(f"sub_event_type {value!r} is not in the taxonomy.")
    return str(value)


def _date(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CorrectionError(f"date {value!r} is not a date like 2022-01-31.") from None


def _modality(value: Any) -> str:
    if value not in MODALITIES:
        raise CorrectionError(f"modality {value!r} is not one of {', '.join(MODALITIES)}.")
    return str(value)


def _place(value: Any) -> Place:
    if not isinstance(value, Mapping):
        raise CorrectionError("place must be an object with name, country, lat and lon.")
    name, country = str(value.get("name") or "").strip(), str(value.get("country") or "").strip().upper()
    if not name or len(name) > MAX_TEXT:
        raise CorrectionError("place needs a name (1 to 200 characters).")
    if not COUNTRY.match(country):
        raise CorrectionError(f"place country {country!r} is not an ISO 3166-1 alpha-2 code like KZ.")
    try:
        lat, lon = float(value.get("lat")), float(value.get("lon"))
    except (TypeError, ValueError):
        raise CorrectionError("place lat and lon must be numbers.") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CorrectionError("place lat must be within -90..90 and lon within -180..180.")
    precision = value.get("precision") or "town"
    if precision not in ("town", "admin1", "country"):
        raise CorrectionError("place precision must be town, admin1 or country.")
    admin1 = value.get("admin1")
    return Place(name, country, lat, lon, precision, "city" if precision == "town" else precision,
                 str(admin1)[:MAX_TEXT] if admin1 else None)


def _actors(value: Any) -> tuple[Actor, ...]:
    if not isinstance(value, list):
        raise CorrectionError("actors must be a list of {name, role, category}.")
    actors = []
    for item in value:
        if not isinstance(item, Mapping) or not str(item.get("name") or "").strip():
            raise CorrectionError("each actor needs a name.")
        role, category = item.get("role") or "actor1", item.get("category") or "Civilians"
        if role not in ROLES or category not in ACTOR_CATEGORIES:
            raise CorrectionError(f"actor role must be one of {ROLES} and category one of {ACTOR_CATEGORIES}.")
        name = str(item["name"]).strip()[:MAX_TEXT]
        actors.append(Actor(name, role, name, category, item.get("country") or None))
    return tuple(actors)


DECODERS = {"event_type": _event_type, "sub_event_type": _sub_event_type, "date": _date, "modality": _modality,
            "place": _place, "actors": _actors}
