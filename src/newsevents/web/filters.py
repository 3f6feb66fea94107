"""Filters from a query string (the dashboard's form and the API share them), checked with clear messages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query

from newsevents.store import EventFilters
from newsevents.taxonomy import EVENT_TYPES, SUB_TO_TYPE
from newsevents.corrections import MODALITIES

COUNTRY = re.compile(r"^[A-Za-z]{2}$")
MAX_VALUES = 50  # values per filter
MAX_VALUE_CHARS = 200
LIST_FIELDS = ("country", "place", "event_type", "sub_event_type", "actor", "modality", "source")


class FilterError(ValueError):
    """A filter value that is not understood; the message says which and what is accepted."""


def _date(name: str, value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(f"{name}={value!r} is not a date: use YYYY-MM-DD, e.g. 2022-01-05.") from None


def _values(name: str, values: Sequence[str]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(v.strip() for raw in values for v in raw.split(",") if v.strip()))
    if len(cleaned) > MAX_VALUES or any(len(v) > MAX_VALUE_CHARS for v in cleaned):
        raise FilterError(f"{name}: at most {MAX_VALUES} values of at most {MAX_VALUE_CHARS} characters.")
    return cleaned


def _choices(name: str, values: tuple[str, ...], allowed: Sequence[str]) -> tuple[str, ...]:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise FilterError(f"{name}={unknown[0]!r} is unknown: use one of {', '.join(allowed)}.")
    return values


def _confidence(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        raise FilterError(f"min_confidence={value!r} is not a number between 0 and 1.") from None
    if not 0.0 <= number <= 1.0:
        raise FilterError(f"min_confidence={value!r} must be between 0 and 1.")
    return number


def build_filters(*, since: str | None = None, until: str | None = None, min_confidence: str | None = None,
                  doc_id: str | None = None, **lists: Sequence[str]) -> EventFilters:
    values = {name: _values(name, lists.get(name, ())) for name in LIST_FIELDS}
    countries = values["country"]
    bad = [c for c in countries if not COUNTRY.match(c)]
    if bad:
        raise FilterError(f"country={bad[0]!r} is not an ISO 3166-1 alpha-2 code like KZ or FR.")
    start, end = _date("since", since), _date("until", until)
    if start and end and start > end:
        raise FilterError(f"since ({start}) is after until ({end}).")
    return EventFilters(
        since=start, until=end, countries=tuple(c.upper() for c in countries),
        event_types=_choices("event_type", values["event_type"], tuple(EVENT_TYPES)),
        sub_event_types=_choices("sub_event_type", values["sub_event_type"], tuple(SUB_TO_TYPE)),
        min_confidence=_confidence(min_confidence), doc_id=(doc_id or None),
        modalities=_choices("modality", values["modality"], MODALITIES),
        actors=values["actor"], places=values["place"], sources=values["source"],
    )


def filters_from_query(params: Mapping[str, str] | object) -> EventFilters:
    """From Starlette's QueryParams (blank form fields mean "any")."""
    get_list = params.getlist  # type: ignore[attr-defined]
    single = {name: (get_list(name) or [None])[-1] for name in ("since", "until", "min_confidence", "doc_id")}
    return build_filters(**single, **{name: get_list(name) for name in LIST_FIELDS})


async def api_filters(
    since: Annotated[str | None, Query(description="first day, YYYY-MM-DD (inclusive)")] = None,
    until: Annotated[str | None, Query(description="last day, YYYY-MM-DD (inclusive)")] = None,
    country: Annotated[list[str], Query(description="ISO 3166-1 alpha-2 codes")] = [],  # noqa: B006
    place: Annotated[list[str], Query(description="place names")] = [],  # noqa: B006
    event_type: Annotated[list[str], Query(description="ACLED event types or Disruptions")] = [],  # noqa: B006
    sub_event_type: Annotated[list[str], Query()] = [],  # noqa: B006
    actor: Annotated[list[str], Query(description="actor names")] = [],  # noqa: B006
    modality: Annotated[list[str], Query(description=", ".join(MODALITIES))] = [],  # noqa: B006
    source: Annotated[list[str], Query(description="site names")] = [],  # noqa: B006
    min_confidence: Annotated[str | None, Query(description="0 to 1")] = None,
    doc_id: Annotated[str | None, Query(description="one article's id")] = None,
) -> EventFilters:
    return build_filters(since=since, until=until, min_confidence=min_confidence, doc_id=doc_id, country=country,
                         place=place, event_type=event_type, sub_event_type=sub_event_type, actor=actor,
                         modality=modality, source=source)


def filters_query(filters: EventFilters) -> str:
    """The query string that gives these filters back (for links and the report button)."""
    pairs: list[tuple[str, str]] = []
    if filters.since:
        pairs.append(("since", filters.since.isoformat()))
    if filters.until:
        pairs.append(("until", filters.until.isoformat()))
    if filters.min_confidence is not None:
        pairs.append(("min_confidence", str(filters.min_confidence)))
    if filters.doc_id:
        pairs.append(("doc_id", filters.doc_id))
    for name, values in (("country", filters.countries), ("place", filters.places),
                         ("event_type", filters.event_types), ("sub_event_type", filters.sub_event_types),
                         ("actor", filters.actors), ("modality", filters.modalities), ("source", filters.sources)):
        pairs += [(name, v) for v in values]
    return urlencode(pairs)
