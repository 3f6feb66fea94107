"""Article text with our own markup over escaped text: event triggers, evidence, places, dates, actors.

Nothing of the article is ever rendered as HTML: every character is escaped, and the only tags are the
``<mark>`` elements made here (overlapping spans split into pieces that carry every kind they belong to).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from newsevents.model import Result
from newsevents.corrections import ReviewedEvent

KINDS = ("evidence", "trigger", "place", "date", "actor")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    label: str = ""  # shown as the tooltip


def article_spans(result: Result, events: Sequence[ReviewedEvent]) -> list[Span]:
    spans = [Span(p.start, p.end, "place", f"place: {p.place.name}, {p.place.country}") for p in result.places]
    spans += [Span(t.start, t.end, "date", f"date: {t.value}") for t in result.times]
    for item in events:
        e = item.event
        spans += [Span(ev.start, ev.end, "evidence", f"evidence of {e.sub_event_type}") for ev in e.evidence]
        if e.trigger is not None:
            spans.append(Span(e.trigger.start, e.trigger.end, "trigger", f"trigger: {e.sub_event_type}"))
        spans += [Span(a.start, a.end, "actor", f"actor: {a.name} ({a.category})")
                  for a in item.original.actors if a.start is not None and a.end is not None]
    return spans


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with each stretch inside spans wrapped in ``<mark class="hl-KIND ...">``."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    pieces: list[str] = []
    for start, end in zip(cuts, cuts[1:]):
        inside = [s for s in valid if s.start <= start and end <= s.end]
        chunk = escape(text[start:end])
        if not inside:
            pieces.append(chunk)
            continue
        kinds = sorted({s.kind for s in inside}, key=KINDS.index)
        title = escape("; ".join(dict.fromkeys(s.label for s in inside if s.label)))
        classes = " ".join(f"hl-{k}" for k in kinds)
        pieces.append(f'<mark class="{classes}" title="{title}">{chunk}</mark>')
    return Markup("".join(pieces))
