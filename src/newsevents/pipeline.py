"""The pipeline: one object holding the loaded parts, built once from Settings, run per document.

    pipeline = Pipeline(settings)
    result = pipeline.process(document)   # -> Result(document, events, places, times)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from functools import cached_property

from spacy.language import Language

from newsevents.errors import ConfigError
from newsevents.events.extract import EventExtractor, RuleExtractor
from newsevents.model import Document, Rejection, Result
from newsevents.nlp import load_nlp
from newsevents.settings import Settings

BATCH_SIZE = 16  # documents per spaCy batch: enough to amortise overhead, small enough for steady output


class Pipeline:
    """Everything a run needs, loaded lazily on first use and kept for the whole run."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def nlp(self) -> Language:
        return load_nlp(self.settings.spacy_model)

    @cached_property
    def time_finder(self):
        from newsevents.temporal import make_time_finder

        return make_time_finder(self.settings)

    @cached_property
    def geoparser(self):
        from newsevents.places import make_geoparser

        return make_geoparser(self.settings)

    @cached_property
    def geocoder(self):
        from newsevents.places import make_geocoder

        return make_geocoder(self.settings.geocoder, self.settings)

    @cached_property
    def extractor(self) -> EventExtractor:
        return make_extractor(self.settings, country_of=self.country_of)

    def country_of(self, name: str) -> str | None:
        place = self.geocoder.resolve(name)
        return place.country if place else None

    def with_publication_date(self, document: Document) -> Document:
        """The option's date wins; then the document's own; then one the text itself states."""
        if self.settings.published is not None:
            return dataclasses.replace(document, published=self.settings.published, published_from="option")
        if document.published is not None:
            return document
        from newsevents.temporal import infer_publication_date

        inferred = infer_publication_date(document.text, self.settings.reference_today())
        if inferred is None:
            return document
        return dataclasses.replace(document, published=inferred[0], published_from="text")

    def process(self, document: Document) -> Result:
        return self._process(document, self.nlp(document.text))

    def _process(self, document: Document, doc) -> Result:
        document = self.with_publication_date(document)
        times = self.time_finder.find(document.text, document.published, doc=doc)
        places = self.geoparser.find(document.text, doc)
        events = self.extractor.extract(doc, document, times=times, places=places)
        events = [e for e in events if e.confidence >= self.settings.min_confidence]
        return Result(document=document, events=tuple(events), places=tuple(places), times=tuple(times))

    def run(self, items: Iterable[Document | Rejection]) -> Iterator[Result | Rejection]:
        """Process a stream in spaCy batches; rejections pass through in order."""
        batch: list[Document] = []
        for item in items:
            if isinstance(item, Rejection):
                yield from self._flush(batch)
                batch = []
                yield item
                continue
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Document]) -> Iterator[Result]:
        for document, doc in zip(batch, self.nlp.pipe(d.text for d in batch)):
            yield self._process(document, doc)


def make_extractor(settings: Settings, *, country_of) -> EventExtractor:
    """The event extractor named by ``settings.extractor``."""
    if settings.extractor == "rules":
        return RuleExtractor(country_of=country_of)
    if settings.extractor == "hybrid":
        from newsevents.events.classifier import load_classifier
        from newsevents.events.hybrid import HybridExtractor

        return HybridExtractor(country_of=country_of, classifier=load_classifier(settings))
    raise ConfigError(f"Unknown extractor {settings.extractor!r}.", hint="Use 'hybrid' or 'rules'.")
