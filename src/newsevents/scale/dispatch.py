"""Processing elsewhere, storing here in input order: the driver's side of a distributed ingest.

The driver reads the inputs, skips documents already stored, sends the new ones in chunks to an
``Executor`` (Ray actors, or anything with its three methods) and stores what comes back in the order
the inputs were read, through the same ``newsevents.corpus.store_outcome`` as the local engine: one
transaction per document, so idempotency and crash-safety are those of ``newsevents.corpus``. At most
``executor.slots`` chunks are in flight, so memory stays bounded however long the input is.

    tally = ingest_distributed(read_inputs(sources, settings), store=store, executor=workers)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Protocol

from newsevents.corpus import Tally, store_outcome
from newsevents.model import Document, Rejection, Result
from newsevents.store import Store

Outcome = Result | Rejection
Ready = Iterator[tuple[Document | Rejection, Outcome | None]]

# Documents per chunk sent to a worker: one round trip and one spaCy batch there. News articles take
# ~0.1 s each, so 8 of them make the per-call overhead (~1 ms) negligible while the store still receives
# results every second or so. Not tuned further: any size from 4 to 16 keeps the workers busy.
CHUNK_SIZE = 8
# Inputs waiting to be stored behind an unfinished chunk before the driver stops reading and waits for
# it: bounds the driver's memory when a long run of already-stored duplicates follows a chunk.
MAX_WAITING = 512


class Executor(Protocol):
    """Runs the pipeline on chunks of documents somewhere else."""

    @property
    def slots(self) -> int:
        """How many chunks may be in flight at once (at least 1)."""
        ...

    def submit(self, documents: Sequence[Document]) -> Hashable:
        """Start processing ``documents``; returns a handle for ``done`` and ``collect``."""
        ...

    def done(self, handle: Hashable) -> bool:
        """Whether ``collect(handle)`` would return without waiting."""
        ...

    def collect(self, handle: Hashable) -> list[Outcome]:
        """One outcome per document, in order (waits for them); NewsEventsError on a setup problem."""
        ...


@dataclass(eq=False, slots=True)
class _Chunk:
    documents: list[Document] = field(default_factory=list)
    handle: Hashable | None = None  # set when sent
    outcomes: list[Outcome] | None = None  # set when collected


@dataclass(frozen=True, slots=True)
class _Entry:
    item: Document | Rejection
    chunk: _Chunk | None = None  # None: nothing to process (a rejection read, or a stored duplicate)
    index: int = 0  # the document's place in its chunk


class OrderedWindow:
    """Inputs in read order, their new documents grouped in chunks sent to an executor; ``ready`` gives
    them back in the same order, each with its outcome, once it and every earlier input are known."""

    def __init__(self, executor: Executor, *, chunk_size: int = CHUNK_SIZE, max_waiting: int = MAX_WAITING):
        self.executor = executor
        self.chunk_size = chunk_size
        self.max_waiting = max_waiting
        self._entries: deque[_Entry] = deque()
        self._open = _Chunk()  # being filled, not sent yet
        self._in_flight: deque[_Chunk] = deque()  # sent and not collected, oldest first

    def add(self, item: Document | Rejection, *, process: bool) -> None:
        """Queue an input; a document to ``process`` joins the open chunk (sent when it is full)."""
        if not process:
            self._entries.append(_Entry(item))
            return
        self._entries.append(_Entry(item, self._open, len(self._open.documents)))
        self._open.documents.append(item)  # type: ignore[arg-type]  # only documents are processed
        if len(self._open.documents) >= self.chunk_size:
            self._send()

    def ready(self, *, wait: bool = False) -> Ready:
        """Inputs at the head whose outcome is known (None: nothing was processed). Waits for the
        chunks only with ``wait`` (the end of the input) or when too many inputs are waiting."""
        while self._entries:
            head = self._entries[0]
            chunk = head.chunk
            if chunk is not None and chunk.outcomes is None:
                if not (wait or len(self._entries) > self.max_waiting or self._finished(chunk)):
                    return
                self._settle(chunk)
            self._entries.popleft()
            yield head.item, (chunk.outcomes[head.index] if chunk is not None and chunk.outcomes else None)

    def _finished(self, chunk: _Chunk) -> bool:
        return chunk.handle is not None and self.executor.done(chunk.handle)

    def _settle(self, chunk: _Chunk) -> None:
        if chunk.handle is None:  # the open chunk: send it as it is
            self._send()
        while chunk.outcomes is None:
            self._collect_oldest()

    def _send(self) -> None:
        while len(self._in_flight) >= self.executor.slots:
            self._collect_oldest()
        chunk, self._open = self._open, _Chunk()
        chunk.handle = self.executor.submit(chunk.documents)
        self._in_flight.append(chunk)

    def _collect_oldest(self) -> None:
        chunk = self._in_flight.popleft()
        outcomes = self.executor.collect(chunk.handle)
        if len(outcomes) != len(chunk.documents):
            raise RuntimeError(f"a worker returned {len(outcomes)} outcomes for {len(chunk.documents)} documents")
        chunk.outcomes = outcomes


def ingest_distributed(
    items: Iterable[Document | Rejection],
    *,
    store: Store,
    executor: Executor,
    limit: int | None = None,
    on_progress: Callable[[Tally], None] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Tally:
    """``ingest_corpus`` with the pipeline run by ``executor``: same store writes, same order, same tally."""
    tally = Tally()
    window = OrderedWindow(executor, chunk_size=chunk_size)
    for item in islice(items, limit):
        window.add(item, process=isinstance(item, Document) and not store.has_document(item))
        tally = _store_ready(window.ready(), store=store, tally=tally, on_progress=on_progress)
    return _store_ready(window.ready(wait=True), store=store, tally=tally, on_progress=on_progress)


def _store_ready(ready: Ready, *, store: Store, tally: Tally, on_progress: Callable[[Tally], None] | None) -> Tally:
    for item, outcome in ready:
        tally = store_item(item, outcome, store=store, tally=tally)
        if on_progress is not None:
            on_progress(tally)
    return tally


def store_item(item: Document | Rejection, outcome: Outcome | None, *, store: Store, tally: Tally) -> Tally:
    """What ``ingest_corpus`` does with one input: a rejection read, a stored duplicate (no outcome) or
    a processed document. A document is checked against the store again before it is written, as the
    local engine checks it then: an earlier input of this run, in flight when it was read, may be the
    same article (it was processed for nothing, but the writes are the local engine's)."""
    tally = replace(tally, read=tally.read + 1)
    if isinstance(item, Rejection):
        store.add_rejection(item)
        return replace(tally, rejected=tally.rejected + 1)
    if outcome is None or store.has_document(item):
        return replace(tally, duplicate=tally.duplicate + 1)
    return store_outcome(item, outcome, store=store, tally=tally)
