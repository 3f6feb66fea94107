"""The ingest pipeline on Ray: each worker is an actor holding one loaded ``Pipeline``.

    newsevents ingest corpus.jsonl --db postgresql://... --engine ray --address ray://head:10001

Reading the inputs, skipping stored documents and every store write stay on the driver
(``newsevents.scale.dispatch``), in input order and through the local engine's code, so idempotency
and crash-safety are unchanged; only the pipeline runs on the actors, a chunk of documents per call.

Why actors and not Ray Data: the driver must check each input against the store before it is processed
and store the outcomes in input order, one transaction each, while reading a stream of unknown length
(URLs, folders, stdin). Ray Data wants a dataset up front (``from_items`` holds the whole corpus),
rows as Arrow columns (our nested frozen records would travel as opaque pickles anyway) and an
order-preserving setting, and it adds pandas and pyarrow to every node. A fixed set of actors fed
through a bounded, ordered window does the same work with Ray core only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from newsevents.corpus import Tally, run_pipeline
from newsevents.errors import ConfigError, NewsEventsError
from newsevents.model import Document, Rejection
from newsevents.scale.dispatch import Outcome, ingest_distributed
from newsevents.settings import Settings, default_cache_dir
from newsevents.store import Store

INSTALL_HINT = "install with pip install 'newsevents[ray]'"
CONNECT_HINT = ("Use --address ray://HEAD:10001 (Ray Client), --address auto on a cluster node, or no --address "
                "to start Ray here. A cluster with token authentication (the default of recent Ray) also needs "
                "RAY_AUTH_MODE=token and its token (RAY_AUTH_TOKEN or ~/.ray/auth_token) here.")
NODE_HINT = "Install newsevents and its spaCy model on every node (see docs/scale.md) and run again."
# Chunks queued per worker: one being processed and one waiting, so no worker idles on a round trip.
CHUNKS_PER_WORKER = 2
# Seconds for the workers to start and load the pipeline (~3 s each here; a node with a cold cache first
# builds the gazetteer index, about a minute) before concluding they cannot be placed on the cluster.
START_TIMEOUT = 300.0
# An actor whose process or node dies is restarted and its chunks retried: processing is a pure function
# of the document and workers write nothing, so a retry is safe.
MAX_RESTARTS = 2


@dataclass(frozen=True, slots=True)
class WorkerFailure:
    """A setup problem met by a worker (missing model, bad settings): the run stops with this message."""

    message: str
    hint: str | None = None


class PipelineWorker:
    """What each Ray actor runs: one ``Pipeline``, loaded once, applied to chunks of documents."""

    def __init__(self, settings: Settings, *, own_cache_dir: bool = False) -> None:
        from newsevents.pipeline import Pipeline

        if own_cache_dir:  # the driver's default cache folder means "this node's default" on a worker
            settings = settings.with_(cache_dir=default_cache_dir())
        self.pipeline = Pipeline(settings)

    def ready(self) -> WorkerFailure | None:
        """Load every part of the pipeline now, so a broken node shows before the first chunk."""
        try:
            for part in ("nlp", "time_finder", "geoparser", "geocoder", "extractor"):
                getattr(self.pipeline, part)
        except NewsEventsError as exc:
            return WorkerFailure(exc.message, exc.hint)
        return None

    def process(self, documents: Sequence[Document]) -> list[Outcome] | WorkerFailure:
        """One outcome per document, in order: a Result, or the Rejection saying why it failed."""
        try:
            return self._process(documents)
        except NewsEventsError as exc:
            return WorkerFailure(exc.message, exc.hint)

    def _process(self, documents: Sequence[Document]) -> list[Outcome]:
        try:  # one spaCy batch (``nlp.pipe``): the same results as one call per document, a little faster
            return list(self.pipeline.run(documents))
        except Exception:  # noqa: BLE001 - a document broke the batch: redo them one at a time like the local engine
            return [run_pipeline(document, self.pipeline.process) for document in documents]


def import_ray() -> ModuleType:
    """The ``ray`` module, or a one-line ConfigError saying how to install it."""
    try:
        import ray
    except ImportError:
        raise ConfigError(f"--engine ray needs Ray, which is not installed: {INSTALL_HINT}") from None
    return ray


@contextmanager
def ray_session(address: str | None = None, workers: int | None = None) -> Iterator[ModuleType]:
    """Ray connected to ``address`` (``ray://head:10001``, ``auto``, ``head:6379``; default
    $RAY_ADDRESS, else a new local instance with ``workers`` CPUs). A connection the caller opened
    already (``ray.init``) is used as it is and left open."""
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    address = address or os.environ.get("RAY_ADDRESS") or None
    options: dict[str, Any] = {"logging_level": logging.WARNING}
    if address is None:  # "local": a new private instance, even when `ray start` runs on this machine
        options |= {"num_cpus": workers or os.cpu_count() or 1, "include_dashboard": False}
    try:
        ray.init(address=address or "local", **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
        raise ConfigError(f"cannot start or reach {where}: {last_line(exc)}.", hint=CONNECT_HINT) from None
    try:
        yield ray
    finally:
        ray.shutdown()


class RayWorkers:
    """``count`` actors, each holding a loaded pipeline: an ``Executor`` for ``ingest_distributed``."""

    def __init__(self, ray: ModuleType, settings: Settings, count: int) -> None:
        self._ray = ray
        actor = ray.remote(num_cpus=1, max_restarts=MAX_RESTARTS, max_task_retries=MAX_RESTARTS)(PipelineWorker)
        own_cache_dir = settings.cache_dir == default_cache_dir()
        self._actors = [actor.remote(settings, own_cache_dir=own_cache_dir) for _ in range(count)]
        self._load = [0] * count  # chunks sent to each actor and not collected yet
        self._owner: dict[Hashable, int] = {}

    def __enter__(self) -> RayWorkers:
        try:
            self._wait_ready()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def slots(self) -> int:
        return len(self._actors) * CHUNKS_PER_WORKER

    def submit(self, documents: Sequence[Document]) -> Hashable:
        worker = min(range(len(self._actors)), key=self._load.__getitem__)
        handle = self._actors[worker].process.remote(list(documents))
        self._load[worker] += 1
        self._owner[handle] = worker
        return handle

    def done(self, handle: Hashable) -> bool:
        finished, _ = self._ray.wait([handle], timeout=0)
        return bool(finished)

    def collect(self, handle: Hashable) -> list[Outcome]:
        try:
            outcome = self._ray.get(handle)
        except self._ray.exceptions.RayError as exc:
            raise ConfigError(f"a Ray worker failed: {last_line(exc)}.",
                              hint="Run again: stored documents are kept and skipped.") from None
        finally:
            self._load[self._owner.pop(handle)] -= 1
        if isinstance(outcome, WorkerFailure):
            raise ConfigError(f"a Ray worker cannot run the pipeline: {outcome.message}", hint=outcome.hint)
        return outcome

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []

    def _wait_ready(self) -> None:
        try:
            failures = self._ray.get([actor.ready.remote() for actor in self._actors], timeout=START_TIMEOUT)
        except self._ray.exceptions.GetTimeoutError:
            raise ConfigError(f"the Ray workers did not start within {START_TIMEOUT:.0f} s.",
                              hint="Ask for no more --workers than the cluster has free CPUs. " + NODE_HINT) from None
        except self._ray.exceptions.RayError as exc:
            raise ConfigError(f"a Ray worker could not start: {last_line(exc)}.", hint=NODE_HINT) from None
        failure = next((f for f in failures if f is not None), None)
        if failure is not None:
            raise ConfigError(f"a Ray worker cannot load the pipeline: {failure.message}", hint=failure.hint)


def worker_count(ray: ModuleType, requested: int | None) -> int:
    """``requested`` workers (one CPU each), checked against the cluster; default: every free CPU."""
    total = int(ray.cluster_resources().get("CPU", 0))
    free = int(ray.available_resources().get("CPU", 0))
    count = requested or free
    if count < 1:
        raise ConfigError("the Ray cluster has no free CPU for a worker.",
                          hint="Wait for other jobs to finish or add nodes (ray start --address HEAD:6379).")
    if count > total:
        raise ConfigError(f"--workers {count} is more than the Ray cluster's CPUs ({total}).",
                          hint=f"Ask for at most {total} (one worker per CPU), or add nodes to the cluster.")
    return count


def ingest_with_ray(
    items: Iterable[Document | Rejection],
    *,
    store: Store,
    settings: Settings,
    address: str | None = None,
    workers: int | None = None,
    limit: int | None = None,
    on_progress: Callable[[Tally], None] | None = None,
) -> Tally:
    """``newsevents.corpus.ingest_corpus`` with the pipeline run by Ray actors (``workers`` of them)."""
    settings = settings.with_(today=settings.reference_today())  # every node infers years from one "today"
    with ray_session(address, workers) as ray, RayWorkers(ray, settings, worker_count(ray, workers)) as pool:
        return ingest_distributed(items, store=store, executor=pool, limit=limit, on_progress=on_progress)


def last_line(error: BaseException) -> str:
    """The last line of an error's text (Ray's errors carry the remote traceback before it)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1].rstrip(".") if lines else type(error).__name__
