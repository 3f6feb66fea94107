"""The systems a suite measures: our pipeline (built once per settings) and how documents are made for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from newsevents.errors import ConfigError, NewsEventsError
from newsevents.model import Document, Event, Result
from newsevents.settings import Settings

OURS = "newsevents"
RULES = "rules"
RULES_ONLY = "newsevents rules only"  # ablation: the hybrid extractor without its trained model


class Extractor(Protocol):
    """Anything that turns a Document into a Result: the pipeline, a baseline, a deliberately broken stub."""

    def process(self, document: Document) -> Result: ...


def evaluation_settings(settings: Settings) -> Settings:
    """The settings the event suites run with: every item's own date (no global override) and no
    minimum length (the data sets hold single sentences, which the CLI would refuse as fragments)."""
    return settings.with_(published=None, min_text_chars=1)


@cache
def pipeline_for(settings: Settings) -> Extractor:
    """Our pipeline for ``settings``, built on first use and kept for the rest of the process."""
    try:
        from newsevents.pipeline import Pipeline
    except ImportError as exc:
        if exc.name != "newsevents.pipeline":
            raise
        raise ConfigError("The event pipeline (newsevents.pipeline) is not available in this installation.",
                          hint="Install newsevents from a complete checkout (pip install -e .).") from exc
    return Pipeline(settings)


def systems_for(settings: Settings) -> dict[str, Extractor]:
    """Ours, the keyword baseline, and (when ours is the hybrid) our rules alone as an ablation."""
    from newsevents.evaluation.baselines import KeywordExtractor

    systems: dict[str, Extractor] = {OURS: pipeline_for(settings), KeywordExtractor.name: KeywordExtractor()}
    if settings.extractor != RULES:
        systems[RULES_ONLY] = pipeline_for(settings.with_(extractor=RULES))
    return systems


def text_document(text: str, *, source: str, settings: Settings, doc_id: str | None = None,
                  published: dt.date | None = None) -> Document:
    """A Document made the way ``newsevents extract`` makes one from plain text."""
    from newsevents.ingest import Metadata, document_from_text

    metadata = Metadata(published=published, published_from="input" if published else None)
    return document_from_text(text, settings=settings, source=source, metadata=metadata, doc_id=doc_id)


def html_document(html: str, *, source: str, settings: Settings) -> Document:
    """A Document made the way ``newsevents extract`` makes one from a saved page."""
    from newsevents.ingest import document_from_html

    return document_from_html(html, settings=settings, source=source)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one system made of one document (or why it made nothing)."""

    document: Document | None
    events: tuple[Event, ...]
    error: str | None = None


def run_extractor(extractor: Extractor, documents: Iterable[Document | NewsEventsError]) -> list[Outcome]:
    """Process every document; a document the ingest or the pipeline refused is kept as an error."""
    outcomes: list[Outcome] = []
    for item in documents:
        if isinstance(item, NewsEventsError):
            outcomes.append(Outcome(None, (), str(item)))
            continue
        try:
            result = extractor.process(item)
        except NewsEventsError as exc:
            outcomes.append(Outcome(item, (), str(exc)))
            continue
        outcomes.append(Outcome(item, result.events))
    return outcomes
