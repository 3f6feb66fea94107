"""The timeline: events per day, stacked by event type, as a server-side scene (SVG or PNG)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from newsevents.web.drawing import Line, Rect, Scene, Text, colour_of

MAX_DAYS = 120  # longer ranges are drawn per week


def _buckets(per_day: Mapping[str, Mapping[str, int]]) -> tuple[list[str], dict[str, dict[str, int]]]:
    """Consecutive days (or ISO weeks when the range is long) from first to last, with their counts."""
    days = sorted(dt.date.fromisoformat(d) for d in per_day)
    if not days:
        return [], {}
    weekly = (days[-1] - days[0]).days > MAX_DAYS
    key = (lambda d: d - dt.timedelta(days=d.weekday())) if weekly else (lambda d: d)
    step = dt.timedelta(days=7 if weekly else 1)
    labels, counts = [], {}
    current = key(days[0])
    while current <= key(days[-1]):
        labels.append(current.isoformat())
        counts[current.isoformat()] = {}
        current += step
    for day, by_type in per_day.items():
        bucket = counts[key(dt.date.fromisoformat(day)).isoformat()]
        for event_type, n in by_type.items():
            bucket[event_type] = bucket.get(event_type, 0) + n
    return labels, counts


def timeline_scene(per_day: Mapping[str, Mapping[str, int]], *, width: int = 720, height: int = 220,
                   title: str = "Events per day") -> Scene:
    scene = Scene(width, height, title=title)
    labels, counts = _buckets(per_day)
    left, bottom, top = 36, height - 28, 14
    if not labels:
        scene.add(Text(width / 2, height / 2, "No dated events for these filters", 14, "middle"))
        return scene
    peak = max(sum(c.values()) for c in counts.values()) or 1
    slot = (width - left - 8) / len(labels)
    scene.add(Line(left, bottom, width - 8, bottom))
    scene.add(Text(left - 4, top + 4, str(peak), 10, "end"))
    scene.add(Text(left - 4, bottom, "0", 10, "end"))
    for i, label in enumerate(labels):
        x, y = left + i * slot, bottom
        for event_type, n in sorted(counts[label].items()):
            h = (bottom - top) * n / peak
            y -= h
            scene.add(Rect(x + 1, y, max(slot - 2, 1), h, colour_of(event_type), f"{label}: {n} {event_type}"))
    for i in sorted({0, len(labels) // 2, len(labels) - 1}):
        scene.add(Text(left + (i + 0.5) * slot, height - 10, labels[i], 10, "middle"))
    return scene
