"""Finding every place mention in a text and resolving them together.

Mentions come from spaCy's GPE/LOC/FAC entities and from a gazetteer phrase match over capitalised proper-noun
tokens that spaCy missed (with a stop list, so a sentence-initial "Police" or "Mobile" is no place). A type
word after a name joins the mention ("the Aktobe region" -> "Aktobe region", resolved to the region).

Demonyms ("Kazakh authorities", "Kenyan police") are country *hints*, not mentions: they steer the
disambiguation of the article's other places but are not reported (news datasets such as GeoVirus do not count
them as toponyms, and an event "in Kazakh" makes no sense).

Resolution is two-pass: names that are unambiguous on their own (countries, world regions, a name with one
clear reading) are resolved first and become the context; the rest are resolved against that context. A name
keeps one reading per article, except where an apposition ("Paris, Texas") says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsevents.model import Place, PlaceMention
from newsevents.nlp import load_nlp
from newsevents.places.index import KIND_NAME, Gazetteer, load_gazetteer
from newsevents.places.knowledge import PHRASE_STOP_WORDS
from newsevents.places.names import ADMIN_TYPE_WORDS, normalize_name
from newsevents.places.resolve import (
    GazetteerGeocoder, ScoredGeocoder, candidates, demonym_country, make_geocoder,
)
from newsevents.settings import Settings

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities a gazetteer phrase match must not cut into ("Kenya Airways", a person called "Victoria"). Such an
# entity still yields a place when it is wholly a place name (spaCy's small model often tags a town as ORG
# or PERSON) or starts with a country/region name ("U.S. Centers for Disease Control"), subject to ``_accept``.
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})
MAX_PHRASE_TOKENS = 5
CAPITALISED_TYPE_WORDS = frozenset({"region", "province", "state", "oblast", "governorate", "prefecture", "county"})
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "el", "al", "du", "des", "da", "do", "dos", "das", "y",
                        "and", "-", "on", "upon", "sur", "am", "an", "der", "den", "di"})
# A reading is taken as context-free (pass one) at this confidence, i.e. a score margin of ~2 log10 units
# over the runner-up: a hundredfold population gap, or a country against towns of its name.
ANCHOR_CONFIDENCE = 0.88
# A town found only by the phrase match (not by NER) must be this populous, or lie in a country the article
# is about: a capitalised word that happens to name a village somewhere ("Officer", "Plan") is no mention.
PHRASE_MIN_POPULATION = 20_000
# After a dateline's name: an optional ", Region" or ", Country" (and date), then a dash.
_DATELINE = re.compile(r"(?:,\s*[\w .'’-]{1,40}){0,2}\s*[—–-]{1,2}\s")
# Recognition confidence by where a mention came from; the mention's confidence is this times the geocoder's.
SOURCE_CONFIDENCE = {"ner": 1.0, "phrase": 0.8, "entity": 0.6}
# Confidence in the container of an apposition ("Texas" in "Paris, Texas"): the pattern is rarely wrong.
APPOSITION_CONFIDENCE = 0.9
BROAD_FEATURES = frozenset({"country", "admin1", "continent", "region", "area"})
_APPOSITION = re.compile(r"^\s*,\s*$")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    text: str
    key: str
    source: str  # ner | phrase | entity


class Geoparser:
    """Finds and resolves the place mentions of a text."""

    def __init__(self, gazetteer: Gazetteer, geocoder: ScoredGeocoder, nlp: Callable[[], Language]) -> None:
        self.gazetteer = gazetteer
        self.geocoder = geocoder
        self._nlp = nlp
        # Which spans are places is decided by our context-aware geocoder whatever resolves them, so that
        # every geocoder is compared on the same mentions.
        self._recognizer = geocoder if isinstance(geocoder, GazetteerGeocoder) else GazetteerGeocoder(gazetteer)

    def find(self, text: str, doc: Doc | None = None) -> list[PlaceMention]:
        """Every place mention of ``text`` with character offsets (``doc``: the parsed text, if at hand)."""
        if doc is None or not _parsed_from(doc, text):
            doc = self._nlp()(text)
        spans, hints = self._spans(doc)
        return self._resolve(text, spans, hints)

    # -- finding ----------------------------------------------------------------------------------------

    def _spans(self, doc: Doc) -> tuple[list[_Span], list[str]]:
        spans: list[_Span] = []
        hints: list[str] = []
        taken = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS | BLOCKING_LABELS:
                continue
            for i in range(ent.start, ent.end):
                taken[i] = True
            code = demonym_country(self.gazetteer, ent.text)
            if code:
                hints.append(code)
                continue
            span = None
            if ent.label_ in PLACE_LABELS:
                span = self._entity_span(doc, ent, "ner")
            elif ent.label_ == "ORG":
                span = self._entity_span(doc, ent, "entity") or self._prefix_span(doc, ent)
            elif ent.label_ == "NORP" or len(ent) > 1 or _after_locative(doc, ent.start):
                # "Alma-Ata" tagged as a person, "Kidal" as a group; a lone "Franklin" only after "in", "near"...
                span = self._entity_span(doc, ent, "entity")
            if span is not None:
                spans.append(span)
        spans += self._phrase_spans(doc, taken, hints)
        spans = [_as_dateline(doc.text, span) for span in spans]
        return sorted(spans, key=lambda s: s.start), hints

    def _entity_span(self, doc: Doc, ent: Span, source: str) -> _Span | None:
        """An entity as a mention (without a leading 'the' or trailing possessive), if it is a place name."""
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "'s", "’s"):
            start += 1
        while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
            end -= 1
        if start >= end or (source != "ner" and end - start == 1 and not self._single_word_place(doc[start], [])):
            return None
        end += _type_word_follows(doc, end)
        return self._span(doc, start, end, source)

    def _prefix_span(self, doc: Doc, ent: Span) -> _Span | None:
        """A country or region name opening an organisation's name ('U.S. Centers for ...')."""
        start = ent.start + (doc[ent.start].lower_ == "the")
        for end in range(min(ent.end - 1, start + 3), start, -1):
            if doc[end - 1].lower_ in ADMIN_TYPE_WORDS or doc[end - 1].lower_ in PHRASE_STOP_WORDS:
                continue
            if end - start == 1 and not self._single_word_place(doc[start], []):
                continue
            span = self._span(doc, start, end, "entity")
            if span and self._is_broad_name(span.text):
                return span
        return None

    def _is_broad_name(self, text: str) -> bool:
        _, entries = candidates(self.gazetteer, text)
        return any(e.kind == KIND_NAME and self.gazetteer.feature(e.index) in BROAD_FEATURES for e in entries)

    def _span(self, doc: Doc, start: int, end: int, source: str) -> _Span | None:
        first, last = doc[start], doc[end - 1]
        text = doc[start:end].text  # (Doc.text would rebuild the whole text)
        _, entries = candidates(self.gazetteer, text)
        if not entries or (_is_acronym(text) and not self._is_broad_name(text)):
            return None
        return _Span(first.idx, last.idx + len(last.text), text, normalize_name(text), source)

    def _phrase_spans(self, doc: Doc, taken: list[bool], hints: list[str]) -> list[_Span]:
        """Gazetteer names spaCy did not tag: the longest capitalised run at each free position."""
        spans = []
        i = 0
        while i < len(doc):
            found = None
            if not taken[i] and _capitalised(doc[i]):
                found = self._longest_phrase(doc, i, taken, hints)
            if found:
                spans.append(found[0])
                i = found[1]
            else:
                i += 1
        return spans

    def _longest_phrase(self, doc: Doc, i: int, taken: list[bool], hints: list[str]) -> tuple[_Span, int] | None:
        limit = i
        while limit < len(doc) and limit - i < MAX_PHRASE_TOKENS and not taken[limit] and (
                _capitalised(doc[limit]) or doc[limit].lower_ in CONNECTORS):
            limit += 1
        for end in range(limit, i, -1):
            if not _capitalised(doc[end - 1]):
                continue
            if end - i == 1 and not self._single_word_place(doc[i], hints):
                return None
            end += _type_word_follows(doc, end)
            span = self._span(doc, i, end, "phrase")
            if span:
                return span, end
        return None

    def _single_word_place(self, token: Token, hints: list[str]) -> bool:
        """Whether a lone capitalised word may be a place: a proper noun, not a stop word, not an
        abbreviation or acronym (unless a country's or region's name: "UK", "NSW"), bearing the place's
        own name (a village's alternate name like "Commissioner" is not enough). Demonyms become hints."""
        code = demonym_country(self.gazetteer, token.text)
        if code:
            hints.append(code)
            return False
        if token.lower_ in PHRASE_STOP_WORDS or token.pos_ != "PROPN" or len(token.text) < 3:
            return False
        if token.text.endswith(".") and not _is_acronym(token.text):
            return False
        _, entries = candidates(self.gazetteer, token.text)
        return any(e.kind == KIND_NAME for e in entries)

    # -- resolving --------------------------------------------------------------------------------------

    def _resolve(self, text: str, spans: list[_Span], hints: list[str]) -> list[PlaceMention]:
        hint_entries = (self.gazetteer.country_entry(c) for c in dict.fromkeys(hints))
        hint_places = [self.gazetteer.place(e) for e in hint_entries if e is not None]
        recognised, countries = self._two_pass(self._recognizer, text, spans, hint_places)
        found = [(spans[n], r) for n, r in sorted(recognised.items()) if _accept(spans[n], r[0], countries)]
        if self.geocoder is not self._recognizer:  # a baseline resolves the same mentions its own way
            kept = [span for span, _ in found]
            again, _ = self._two_pass(self.geocoder, text, kept, hint_places)
            found = [(kept[n], r) for n, r in sorted(again.items())]
        return [PlaceMention(span.start, span.end, span.text, place, round(conf * SOURCE_CONFIDENCE[span.source], 3))
                for span, (place, conf) in found]

    def _two_pass(self, geocoder: ScoredGeocoder, text: str, spans: Sequence[_Span],
                  hint_places: list[Place]) -> tuple[dict[int, tuple[Place, float]], set[str]]:
        """Resolve every span: unambiguous names first (they and the hints become the context), then the
        rest. Returns span index -> (place, confidence) and the countries of the context."""
        first: dict[str, tuple[Place, float]] = {}
        trusted: set[str] = set()  # names NER found, or broad places: only these may set the context
        for span in spans:
            if span.key not in first:
                found = geocoder.resolve_scored(span.text, context=hint_places)
                if found:
                    first[span.key] = found
            if span.key in first and (span.source == "ner" or first[span.key][0].feature in BROAD_FEATURES):
                trusted.add(span.key)
        anchors = {k: v for k, v in first.items() if v[1] >= ANCHOR_CONFIDENCE and k in trusted}
        context = hint_places + [place for place, _ in anchors.values()]
        resolved: dict[str, tuple[Place, float]] = dict(anchors)
        results: dict[int, tuple[Place, float]] = {}
        for n in range(len(spans)):
            if n in results:  # the container of an apposition, already set
                continue
            container = self._apposition(text, spans, n, first)
            if container is not None:
                found = geocoder.resolve_scored(spans[n].text, context=[*context, container],
                                                country_hint=container.country)
                results[n + 1] = resolved[spans[n + 1].key] = (container, APPOSITION_CONFIDENCE)
            else:
                found = self._resolve_key(geocoder, spans[n], context, resolved)
            if found:
                results[n] = found
        return results, {p.country for p in context if p.country}

    @staticmethod
    def _resolve_key(geocoder: ScoredGeocoder, span: _Span, context: list[Place],
                     resolved: dict[str, tuple[Place, float]]) -> tuple[Place, float] | None:
        """One reading per name and article."""
        if span.key not in resolved:
            found = geocoder.resolve_scored(span.text, context=context)
            if found:
                resolved[span.key] = found
        return resolved.get(span.key)

    def _apposition(self, text: str, spans: Sequence[_Span], n: int,
                    first: dict[str, tuple[Place, float]]) -> Place | None:
        """The region or country named right after a town and containing one of its readings ('Paris,
        Texas', 'Atlanta, Georgia' -> the US state). Not after a country or region: "Georgia, Armenia" is a
        list."""
        if n + 1 >= len(spans) or not _APPOSITION.match(text[spans[n].end:spans[n + 1].start]):
            return None
        own = first.get(spans[n].key)
        if own is None or own[0].feature != "city":
            return None
        g = self.gazetteer
        _, towns = candidates(g, spans[n].text)
        _, containers = candidates(g, spans[n + 1].text)
        for container in sorted(containers, key=lambda e: -g.population(e.index)):
            feature, index = g.feature(container.index), container.index
            if (feature == "country" and any(g.country(t.index) == g.country(index) for t in towns)) or (
                    feature == "admin1" and any(g.admin1(t.index) == index for t in towns)):
                return g.place(index)
        return None


LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "into", "across", "around", "from", "to", "towards",
                            "of", "inside", "through"})


def _after_locative(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPS


def _as_dateline(text: str, span: _Span) -> _Span:
    """A name opening the text or a line and followed by a dash ("KABUL —", "GULU, Uganda —") is a
    dateline: a place whatever the tagger called it."""
    line_start = text.rfind("\n", 0, span.start) + 1
    if span.source == "ner" or text[line_start:span.start].strip() or not _DATELINE.match(text, span.end):
        return span
    return replace(span, source="ner")


def _accept(span: _Span, place: Place, countries: set[str]) -> bool:
    """NER's places always count; a phrase or non-place entity match must be a broad place (country,
    region), a town in a country the article is about, or a sizeable town (the small model often
    tags towns as organisations: "Ghazni", "Kisumu")."""
    if span.source == "ner" or place.feature in BROAD_FEATURES or place.country in countries:
        return True
    return place.population >= PHRASE_MIN_POPULATION


def _type_word_follows(doc: Doc, end: int) -> bool:
    """Whether the token after a name says it is a region ("Aktobe region", "Punjab Province"); a capitalised
    "Department" or "District" more likely starts an organisation's name."""
    if end >= len(doc) or doc[end].lower_ not in ADMIN_TYPE_WORDS:
        return False
    return doc[end].is_lower or doc[end].lower_ in CAPITALISED_TYPE_WORDS


def _parsed_from(doc: Doc, text: str) -> bool:
    """Whether ``doc`` is the parse of ``text`` (cheaply: same length, same last token)."""
    if not len(doc):
        return not text.strip()
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text) and text[last.idx:last.idx + len(last.text)] == last.text


def _is_acronym(text: str) -> bool:
    """'FDA', 'U.S.', 'NSW': only a country's or region's name may be written so."""
    letters = text.replace(".", "").replace(" ", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 6


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def make_geoparser(settings: Settings, geocoder: ScoredGeocoder | None = None) -> Geoparser:
    """The geoparser for ``settings`` (geocoder ``settings.geocoder`` unless one is given)."""
    return Geoparser(
        gazetteer=load_gazetteer(settings),
        geocoder=geocoder or make_geocoder(settings.geocoder, settings),
        nlp=lambda: load_nlp(settings.spacy_model),
    )
