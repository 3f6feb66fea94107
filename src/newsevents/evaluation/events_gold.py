"""The ACLED-style development set (``dev/acled-style/dev.jsonl``) as typed records."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import DataError
from newsevents.evaluation.matching import Span


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    precision: str  # town | admin1 | country


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    role: str
    category: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event_type: str
    sub_event_type: str
    modality: str
    evidence: Span
    status: str | None = None
    date: dt.date | None = None
    date_precision: str = "unknown"  # day | week | month | unknown
    location: GoldPlace | None = None
    actors: tuple[GoldActor, ...] = ()
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None

    def date_window(self) -> tuple[dt.date, dt.date] | None:
        """The days the gold date stands for: one day, a week from its Monday, or a whole month."""
        if self.date is None:
            return None
        if self.date_precision == "week":
            return self.date, self.date + dt.timedelta(days=6)
        if self.date_precision == "month":
            last = calendar.monthrange(self.date.year, self.date.month)[1]
            return self.date.replace(day=1), self.date.replace(day=last)
        return self.date, self.date


@dataclass(frozen=True, slots=True)
class DevText:
    id: str
    published: dt.date | None
    text: str
    events: tuple[GoldEvent, ...]


def load_dev(path: Path, *, limit: int | None = None) -> tuple[DevText, ...]:
    """Read the JSON Lines file (the first ``limit`` rows); DataError naming the bad line."""
    texts: list[DevText] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if limit is not None and len(texts) >= limit:
                break
            if line.strip():
                texts.append(_row(json.loads(line), f"{path}:{number}"))
    return tuple(texts)


def _row(raw: dict[str, Any], where: str) -> DevText:
    try:
        text = raw["text"]
        events = tuple(_event(item, text) for item in raw.get("events", ()))
        published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
        return DevText(raw["id"], published, text, events)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{where} is not a valid development record ({exc}).",
                        hint="Restore the file from the shared data set.") from exc


def _event(raw: dict[str, Any], text: str) -> GoldEvent:
    at = text.find(raw["evidence"])
    if at < 0:
        raise ValueError(f"evidence {raw['evidence'][:40]!r}... is not in the text")
    return GoldEvent(
        event_type=raw["event_type"], sub_event_type=raw["sub_event_type"], modality=raw["modality"],
        evidence=Span(at, at + len(raw["evidence"])), status=raw.get("status"),
        date=_gold_date(raw.get("date")), date_precision=raw.get("date_precision") or "unknown",
        location=_place(raw["location"]) if raw.get("location") else None,
        actors=tuple(GoldActor(a["text"], a["role"], a["category"]) for a in raw.get("actors", ())),
        fatalities=raw.get("fatalities"), injured=raw.get("injured"), arrested=raw.get("arrested"),
    )


def _gold_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    if len(value) == 7:  # YYYY-MM: a month
        return dt.date.fromisoformat(value + "-01")
    return dt.date.fromisoformat(value)


def _place(raw: dict[str, Any]) -> GoldPlace:
    return GoldPlace(raw["name"], raw["country"], raw.get("admin1"), float(raw["lat"]), float(raw["lon"]),
                     raw["precision"])
