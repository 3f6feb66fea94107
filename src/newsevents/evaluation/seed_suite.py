"""The ``seed`` suite: the article newsevents was started from, as plain text and as a saved page.

Every ``seed/*.expected.json`` is one article; its ``.txt`` is run with no publication date (the date must
come from the text) and its ``.html`` as a page (metadata, boilerplate). Metrics per format:
``required_recall`` (share of required events matched), ``forbidden_violations`` (count),
``optional_matched`` (count) and ``precision_proxy`` (share of produced events matched to a required or
optional event; a duplicate of a matched event counts against it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import DataError, NewsEventsError
from newsevents.evaluation.base import SuiteReport, Table, checksum_files, require
from newsevents.evaluation.matching import best_assignment, evidence_overlaps
from newsevents.evaluation.seed_expected import ExpectedEvent, SeedExpectation, load_expectation
from newsevents.evaluation.seed_forbidden import SeedCase, Violation, boilerplate_fragments, check_forbidden
from newsevents.evaluation.systems import (
    OURS, Extractor, evaluation_settings, html_document, systems_for, text_document,
)
from newsevents.model import Document, Event
from newsevents.settings import Settings

NAME = "seed"
FORMATS = ("txt", "html")
GATED = tuple(f"{m}_{f}" for m in ("required_recall", "precision_proxy") for f in FORMATS) + ("forbidden_violations",)


@dataclass(frozen=True, slots=True)
class SeedArticle:
    name: str
    expectation: SeedExpectation
    txt: str | None
    html: str | None

    def boilerplate(self) -> tuple[str, ...]:
        return boilerplate_fragments(self.html) if self.html else ()


@dataclass(frozen=True, slots=True)
class CaseScore:
    """How one document of a seed article fared."""

    article: str
    label: str
    produced: int
    matched: tuple[str, ...]  # ids of expected events matched (required and optional)
    missed: tuple[tuple[str, str], ...]  # (required id, why)
    required_total: int
    optional_matched: int
    violations: tuple[Violation, ...]
    error: str | None = None

    @property
    def required_matched(self) -> int:
        return self.required_total - len(self.missed)


def load_articles(seed_dir: Path) -> tuple[SeedArticle, ...]:
    paths = sorted(seed_dir.glob("*.expected.json"))
    if not paths:
        raise DataError(f"No *.expected.json in {seed_dir}.", hint="Point --data at the shared data directory.")
    articles = []
    for path in paths:
        stem = path.name.removesuffix(".expected.json")
        txt, html = seed_dir / f"{stem}.txt", seed_dir / f"{stem}.html"
        articles.append(SeedArticle(
            stem, load_expectation(path),
            txt.read_text(encoding="utf-8") if txt.exists() else None,
            html.read_text(encoding="utf-8") if html.exists() else None,
        ))
    return tuple(articles)


def data_files(seed_dir: Path) -> list[Path]:
    return sorted(p for p in seed_dir.iterdir() if p.suffix in (".json", ".txt", ".html"))


def match_expected(expected: Sequence[ExpectedEvent], text: str, events: Sequence[Event]) -> dict[str, int]:
    """expected id -> index of the produced event assigned to it (required events weigh more than all
    optional ones together, so the assignment first maximises required matches)."""
    required_weight = 1 + sum(not e.required for e in expected)
    spans = [e.spans_in(text) for e in expected]
    weights = [[(required_weight if exp.required else 1) if not exp.failures(ev, sp) else 0 for ev in events]
               for exp, sp in zip(expected, spans)]
    return {expected[row].id: col for row, col in best_assignment(weights)}


def why_missed(expected: ExpectedEvent, text: str, events: Sequence[Event]) -> str:
    """The failed checks of the closest produced event from the expected sentence."""
    spans = expected.spans_in(text)
    if not spans:
        return "sentence not in the text"
    near = [expected.failures(e, spans) for e in events if any(evidence_overlaps(e, s) for s in spans)]
    if not near:
        return "no event from the sentence"
    best = min(near, key=len)
    return "taken by another match" if not best else "wrong " + ", ".join(best)


def score_case(article: SeedArticle, label: str, document: Document | None, events: Sequence[Event],
               error: str | None = None) -> CaseScore:
    exp = article.expectation
    if document is None:
        missed = tuple((e.id, "document refused") for e in exp.required)
        return CaseScore(article.name, label, 0, (), missed, len(exp.required), 0, (), error)
    assigned = match_expected(exp.events, document.text, events)
    missed = tuple((e.id, why_missed(e, document.text, events)) for e in exp.required if e.id not in assigned)
    case = SeedCase(label, document.text, tuple(events), article.boilerplate(), label == "html")
    return CaseScore(
        article.name, label, len(events), tuple(assigned), missed, len(exp.required),
        sum(1 for e in exp.optional if e.id in assigned), tuple(check_forbidden(exp.forbidden, case)),
    )


def make_documents(article: SeedArticle, settings: Settings) -> dict[str, Document | NewsEventsError]:
    """The article's documents by format, made as the CLI makes them, with no date given."""
    documents: dict[str, Document | NewsEventsError] = {}
    for label, content in (("txt", article.txt), ("html", article.html)):
        if content is None:
            continue
        source = f"seed/{article.name}.{label}"
        try:
            documents[label] = (text_document(content, source=source, settings=settings) if label == "txt"
                                else html_document(content, source=source, settings=settings))
        except NewsEventsError as exc:
            documents[label] = exc
    return documents


def score_system(extractor: Extractor, articles: Sequence[SeedArticle], settings: Settings) -> list[CaseScore]:
    scores = []
    for article in articles:
        for label, document in make_documents(article, settings).items():
            if isinstance(document, NewsEventsError):
                scores.append(score_case(article, label, None, (), str(document)))
                continue
            try:
                events = extractor.process(document).events
            except NewsEventsError as exc:
                scores.append(score_case(article, label, None, (), str(exc)))
                continue
            scores.append(score_case(article, label, document, events))
    return scores


def metrics_of(scores: Sequence[CaseScore]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for label in FORMATS:
        mine = [s for s in scores if s.label == label]
        required = sum(s.required_total for s in mine)
        produced = sum(s.produced for s in mine)
        figures[f"required_recall_{label}"] = sum(s.required_matched for s in mine) / required if required else 0.0
        figures[f"forbidden_violations_{label}"] = float(sum(len(s.violations) for s in mine))
        figures[f"optional_matched_{label}"] = float(sum(s.optional_matched for s in mine))
        figures[f"precision_proxy_{label}"] = sum(len(s.matched) for s in mine) / produced if produced else 0.0
        figures[f"events_{label}"] = float(produced)
    figures["forbidden_violations"] = sum(figures[f"forbidden_violations_{f}"] for f in FORMATS)
    return figures


def measure(extractors: dict[str, Extractor], articles: Sequence[SeedArticle], settings: Settings, *,
            checksum: str, ours: str = OURS) -> SuiteReport:
    """Score every system on every article; the tables and notes describe ours."""
    scored = {name: score_system(ex, articles, settings) for name, ex in extractors.items()}
    mine = scored[ours]
    return SuiteReport(
        suite=NAME, ours=ours, systems={name: metrics_of(s) for name, s in scored.items()},
        data_checksum=checksum, items=len(mine), tables=(_required_table(mine, articles), _violation_table(mine)),
        notes=_notes(mine), gated=GATED, lower_is_better=("forbidden_violations",),
    )


def run(data_dir: Path, settings: Settings, *, limit: int | None = None) -> SuiteReport:
    """The suite over ``data_dir/seed`` (``limit`` is ignored: the suite is two documents per article)."""
    seed_dir = require(data_dir / "seed")
    articles = load_articles(seed_dir)
    settings = evaluation_settings(settings)
    extractors = systems_for(settings)
    return measure(extractors, articles, settings, checksum=checksum_files(*data_files(seed_dir)))


def _required_table(scores: Sequence[CaseScore], articles: Sequence[SeedArticle]) -> Table:
    labels = [f"{s.article} .{s.label}" if len(articles) > 1 else f".{s.label}" for s in scores]
    rows = []
    for article in articles:
        for exp in article.expectation.required:
            cells = []
            for s in (s for s in scores if s.article == article.name):
                reason = dict(s.missed).get(exp.id)
                cells.append("matched" if reason is None else f"missed: {reason}")
            rows.append((exp.id, *cells))
    return Table("Required events (ours)", ("expected event", *labels), tuple(rows))


def _violation_table(scores: Sequence[CaseScore]) -> Table:
    rows = tuple((f".{s.label}", v.rule, v.event_id or "(document text)", v.detail)
                 for s in scores for v in s.violations)
    return Table("Forbidden-rule violations (ours)", ("document", "rule", "event", "what"), rows or (("-", "-", "-", "none"),))


def _notes(scores: Sequence[CaseScore]) -> tuple[str, ...]:
    notes = [f".{s.label} was refused: {s.error}" for s in scores if s.error]
    notes.append("Matching as the expected file's `about` says: evidence overlapping the quoted sentence, a listed "
                 "sub-type (and event type), location and date that fit, modality/status when specified; one "
                 "produced event per expected event (maximum-weight assignment, required first).")
    return tuple(notes)
