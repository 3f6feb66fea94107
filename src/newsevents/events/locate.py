"""Where an event happened: a place in its own clause, else the last place named before it.

Places that only describe who someone is are not event locations: the members listed in
"troops of six states (A, B, C, ...)" or the origin in "fighters from X". Those mentions are
set aside before any choice is made.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsevents.events.actor_kb import NOUNS
from newsevents.events.actors import COLLECTIVE_NOUNS
from newsevents.model import Place, PlaceMention

SPECIFICITY = {"town": 0, "admin1": 1, "country": 2}
QUALIFIER_GAP = 12  # characters between "Town" and ", Country" (", western " and the like)
LIST_MIN_COMMAS = 2  # "(A, B, C)": a parenthesised list of three or more names is an enumeration
DESCRIPTIVE_PREPS = frozenset({"of", "from"})
NOT_LOCATIONS = frozenset({"continent", "region"})  # "Africa", "the Middle East": too wide to locate an event


def _in_enumeration(text: str, mention: PlaceMention) -> bool:
    """Inside a parenthesised list of several names."""
    opening = text.rfind("(", 0, mention.start)
    closing = text.find(")", mention.end)
    if opening < 0 or closing < 0 or text.find(")", opening, mention.start) >= 0:
        return False
    return text.count(",", opening, closing) >= LIST_MIN_COMMAS


def _describes_actor(doc: Doc, mention: PlaceMention) -> bool:
    """The place hangs off an actor noun by "of"/"from" ("personnel of six states", "fighters from X")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "pobj" and head.lower_ in DESCRIPTIVE_PREPS:
            owner = head.head
            lemma = owner.lemma_.lower()
            if lemma in NOUNS or lemma in COLLECTIVE_NOUNS or owner.lower_ in COLLECTIVE_NOUNS:
                return True
        if head.pos_ in {"VERB", "AUX"}:
            return False
        token = head
    return False


def candidate_places(doc: Doc, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The mentions that may locate an event, in text order."""
    return [m for m in sorted(mentions, key=lambda m: m.start)
            if m.place.country and m.place.feature not in NOT_LOCATIONS
            and not _in_enumeration(doc.text, m) and not _describes_actor(doc, m)]


def event_place(*, clause: tuple[int, int], trigger: int, places: Sequence[PlaceMention],
                focus: Place | None) -> Place | None:
    """The most specific place in the clause (nearest the trigger on ties), else the last one
    named before the clause, else the article's focus."""
    own = [m for m in places if m.start >= clause[0] and m.end <= clause[1]]
    if own:
        best = min(own, key=lambda m: (SPECIFICITY.get(m.place.precision, 3), abs(m.start - trigger)))
        return best.place
    before = [m for m in places if m.end <= clause[0]]
    if before:
        return _most_specific_recent(before)
    return focus


def _most_specific_recent(before: Sequence[PlaceMention]) -> Place:
    """The last place named; when it only qualifies the town named right before it ("KISUMU,
    Kenya —", "Kisumu, western Kenya"), that town."""
    last = before[-1]
    if len(before) > 1 and last.place.precision != "town":
        previous = before[-2]
        if (previous.place.country == last.place.country and last.start - previous.end <= QUALIFIER_GAP
                and SPECIFICITY.get(previous.place.precision, 3) < SPECIFICITY.get(last.place.precision, 3)):
            return previous.place
    return last.place


def article_focus(places: Sequence[PlaceMention]) -> Place | None:
    """What the article is about, where no sentence says: the first place (often the dateline)."""
    return places[0].place if places else None
