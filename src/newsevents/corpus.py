"""Ingesting a corpus: read → skip what is stored → pipeline → store, one document at a time.

Each document is committed with its events in one transaction, so a run that is killed midway
loses at most the document it was on; running it again skips every stored document (same content
hash or same URL) before the pipeline sees it, and carries on. A document the pipeline cannot
process becomes a stored rejection with the reason, never a silent gap.

    tally = ingest_corpus(read_inputs(sources, settings), store=store, process=pipeline.process)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import islice

from newsevents.errors import ConfigError, DataError, InputError, NewsEventsError
from newsevents.model import Document, Rejection, Result
from newsevents.store import Store

Process = Callable[[Document], Result]

# A pipeline that fails on this many documents in a row is broken (a missing model file, a bug hit by
# everything), not unlucky: the run stops instead of turning the whole corpus into rejections.
# Not calibrated on data: independent per-document failures are rare, 25 in a row means a broken setup.
MAX_FAILURES_IN_A_ROW = 25
PIPELINE_ERROR = "pipeline-error"


@dataclass(frozen=True, slots=True)
class Tally:
    """What an ingest run did so far."""

    read: int = 0  # documents and rejections read from the sources
    new: int = 0  # documents stored by this run
    duplicate: int = 0  # already stored (same text or URL), skipped
    rejected: int = 0  # refused by the reader, the pipeline or the store
    events: int = 0  # events stored with the new documents
    failing: int = field(default=0, compare=False)  # pipeline failures since the last success
    started: float = field(default_factory=time.monotonic, compare=False)

    @property
    def rate(self) -> float:
        """Items read per second since the start."""
        elapsed = time.monotonic() - self.started
        return self.read / elapsed if elapsed > 0 else 0.0

    def summary(self) -> str:
        return (f"read {self.read}, new {self.new}, duplicate {self.duplicate}, rejected {self.rejected}, "
                f"events {self.events}")


def ingest_corpus(
    items: Iterable[Document | Rejection],
    *,
    store: Store,
    process: Process,
    limit: int | None = None,
    on_progress: Callable[[Tally], None] | None = None,
) -> Tally:
    """Store every new document of ``items`` with what ``process`` makes of it; at most ``limit`` items."""
    tally = Tally()
    for item in islice(items, limit):
        tally = replace(tally, read=tally.read + 1)
        if isinstance(item, Rejection):
            store.add_rejection(item)
            tally = replace(tally, rejected=tally.rejected + 1)
        else:
            tally = ingest_document(item, store=store, process=process, tally=tally)
        if on_progress is not None:
            on_progress(tally)
    return tally


def ingest_document(document: Document, *, store: Store, process: Process, tally: Tally) -> Tally:
    """One document through the pipeline into the store; the tally updated with what happened."""
    if store.has_document(document):
        return replace(tally, duplicate=tally.duplicate + 1)
    return store_outcome(document, run_pipeline(document, process), store=store, tally=tally)


def store_outcome(document: Document, outcome: Result | Rejection, *, store: Store, tally: Tally) -> Tally:
    """Store what the pipeline made of a new ``document``; the tally updated. Engines that run the
    pipeline elsewhere (``newsevents.scale``) call this in input order, as ``ingest_document`` does."""
    if isinstance(outcome, Rejection):
        store.add_rejection(outcome)
        failing = tally.failing + 1 if outcome.code == PIPELINE_ERROR else 0
        if failing >= MAX_FAILURES_IN_A_ROW:
            raise ConfigError(f"the pipeline failed on {failing} documents in a row; the last: {outcome.reason}",
                              hint="Fix the cause and run again: stored documents are kept and skipped.")
        return replace(tally, rejected=tally.rejected + 1, failing=failing)
    tally = replace(tally, failing=0)
    try:
        added = store.add_document(outcome)
    except DataError as exc:
        store.add_rejection(Rejection(document.source, str(exc), "store", document.id))
        return replace(tally, rejected=tally.rejected + 1)
    if added == "added":
        return replace(tally, new=tally.new + 1, events=tally.events + len(outcome.events))
    if added == "duplicate":
        return replace(tally, duplicate=tally.duplicate + 1)
    store.add_rejection(id_taken(document))
    return replace(tally, rejected=tally.rejected + 1)


def run_pipeline(document: Document, process: Process) -> Result | Rejection:
    """What ``process`` makes of ``document``, or the rejection that says why it could not."""
    try:
        return process(document)
    except InputError as exc:
        return Rejection(document.source, str(exc), exc.code, document.id)
    except NewsEventsError:
        raise  # a setup problem (missing model, bad settings) stops the run: every document would fail
    except ImportError as exc:
        raise ConfigError(f"the pipeline cannot load a part of itself: {exc}.",
                          hint="Reinstall newsevents (pip install -e .).") from exc
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus; it is recorded
        reason = f"{document.source}: the pipeline failed: {type(exc).__name__}: {exc}"
        return Rejection(document.source, reason, PIPELINE_ERROR, document.id)


def id_taken(document: Document) -> Rejection:
    return Rejection(
        document.source,
        f"{document.source}: another stored document (different text and URL) already has the id "
        f"{document.id!r}. Give each input document a unique id (or omit ids to use text hashes).",
        "duplicate-id",
        document.id,
    )
