"""`newsevents ingest --engine ray`: the same store writes, in the same order, as the local engine.

The ordered window is tested first with an in-process executor that finishes chunks out of order (no
Ray needed); then the real pipeline on a local Ray instance (2 CPUs) is compared with the local engine
on our own short articles plus, when the data is present, 24 ECB+ articles read at test time.
The Ray tests skip, saying why, when Ray is not installed (pip install -e '.[ray]').
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from store_support import ECBPLUS, database, fake_process, write_corpus
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.corpus import PIPELINE_ERROR, ingest_corpus, run_pipeline
from newsevents.errors import ConfigError
from newsevents.ingest import read_inputs
from newsevents.model import Document, Rejection, Result
from newsevents.pipeline import Pipeline
from newsevents.scale.dispatch import OrderedWindow, ingest_distributed
from newsevents.settings import Settings
from newsevents.store import open_store

SETTINGS = Settings(today=dt.date(2026, 3, 2))
ECB_ARTICLES = 24  # read from the ECB+ file at test time, never stored in the repository

# --- our own short articles (some with events, some without) -----------------------------------------

TEMPLATES = (
    "{n} people were killed when gunmen attacked a busy market in {city} on {day}, local officials said. "
    "Witnesses described gunfire that lasted for nearly an hour before the attackers fled.",
    "Thousands of {group} marched through central {city} on {day} to protest against rising fuel prices. "
    "The demonstration ended peacefully in the evening, the organisers said.",
    "Police in {city} arrested {n} people on {day} after scuffles with {group} outside the parliament "
    "building, a police spokesperson told reporters.",
    "Government troops clashed with rebel fighters near {city} on {day}, leaving {n} soldiers dead, "
    "the army said in a statement on its website.",
    "A roadside bomb exploded near a checkpoint outside {city} on {day}, wounding {n} civilians, "
    "according to an official at the main hospital.",
    "The city council of {city} approved a new budget for schools and roads on {day} after a long "
    "debate, and the mayor thanked residents for their patience.",
)
CITIES = ("Nairobi", "Lagos", "Karachi", "Bogota", "Manila")
GROUPS = ("students", "farmers", "teachers", "nurses", "taxi drivers")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def own_articles() -> list[dict[str, str]]:
    """30 distinct short reports of our own writing, with a publication date each."""
    return [{"id": f"own-{t}-{k}", "published": f"2026-02-{10 + k:02d}",
             "text": template.format(n=3 + 4 * k + t, city=CITIES[(t + k) % 5], group=GROUPS[k], day=DAYS[k])}
            for t, template in enumerate(TEMPLATES) for k in range(5)]


def write_mixed_corpus(folder: Path) -> list[str]:
    """Sources mixing new documents, in-run duplicates, reader rejections and (if present) ECB+ articles."""
    records = own_articles()
    lines = [json.dumps(r) for r in records[:15]]
    lines += ["{not json", json.dumps({"id": "tiny", "text": "Too short."})]
    lines += [json.dumps(r) for r in records[15:]]
    lines += [json.dumps({"id": f"copy-{i}", "text": records[i * 4]["text"]}) for i in range(3)]
    own = folder / "own.jsonl"
    own.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = [str(own)]
    if ECBPLUS.is_file():
        subset = folder / "ecb-subset.jsonl"
        with ECBPLUS.open(encoding="utf-8") as lines_in:
            subset.write_text("".join(line for _, line in zip(range(ECB_ARTICLES), lines_in)), encoding="utf-8")
        sources.append(str(subset))
    return sources


# --- a store that records its writes, and an executor that finishes chunks out of order ----------------

class RecordingStore:
    """A store that notes every write, in order (everything else goes to the real store)."""

    def __init__(self, store) -> None:
        self.store = store
        self.writes: list[tuple[str, str, str]] = []

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def add_document(self, result: Result):
        outcome = self.store.add_document(result)
        self.writes.append(("document", result.document.id, outcome))
        return outcome

    def add_rejection(self, rejection: Rejection) -> bool:
        self.writes.append(("rejection", rejection.source, rejection.code))
        return self.store.add_rejection(rejection)


class BackwardsExecutor:
    """Processes a chunk when collected; until then the newest chunk is always the first 'done'."""

    def __init__(self, process, slots: int) -> None:
        self.process, self.slots = process, slots
        self.pending: dict[int, list[Document]] = {}
        self.sent = 0
        self.most_in_flight = 0

    def submit(self, documents: Sequence[Document]) -> int:
        self.sent += 1
        handle = self.sent
        self.pending[handle] = list(documents)
        self.most_in_flight = max(self.most_in_flight, len(self.pending))
        return handle

    def done(self, handle: int) -> bool:
        return handle == max(self.pending)

    def collect(self, handle: int) -> list[Result | Rejection]:
        return [run_pipeline(document, self.process) for document in self.pending.pop(handle)]


def flaky_process(document: Document) -> Result:
    """The fake pipeline, failing on one document in seven (a bug hit by some inputs)."""
    if sum(map(ord, document.id)) % 7 == 0:
        raise ValueError("an unexpected token")
    return fake_process(document)


def run_engine(url: str, sources: list[str], run) -> tuple[object, list, object, list]:
    with open_store(url) as store:
        recording = RecordingStore(store)
        tally = run(read_inputs(sources, SETTINGS), recording)
        rejections = sorted((r.source, r.code) for r in store.rejections())
        return tally.summary(), recording.writes, store.counts(), rejections


@pytest.mark.parametrize(("slots", "chunk_size"), [(1, 1), (2, 3), (3, 8)])
def test_distributed_ingest_writes_what_the_local_engine_writes_in_the_same_order(tmp_path, slots, chunk_size):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 30, duplicates=4)
    broken = tmp_path / "broken.jsonl"
    twin = "A small rally in Lyon asked for a new bridge over the river, neighbours said."
    broken.write_text('{"id": "b1", "text": "short"}\n{oops\n' + "".join(
        json.dumps({"id": f"twin-{i}", "text": twin}) + "\n" for i in range(2)), encoding="utf-8")
    sources = [str(corpus), str(broken), str(corpus)]  # twins in one chunk; the second pass: all duplicates
    executor = BackwardsExecutor(flaky_process, slots)

    local = run_engine(f"sqlite:///{tmp_path / 'local.db'}", sources,
                       lambda items, store: ingest_corpus(items, store=store, process=flaky_process))
    spread = run_engine(f"sqlite:///{tmp_path / 'spread.db'}", sources,
                        lambda items, store: ingest_distributed(items, store=store, executor=executor,
                                                                chunk_size=chunk_size))
    assert spread == local
    assert any(code == PIPELINE_ERROR for _, code in local[3]) and executor.most_in_flight <= slots
    assert "read 72, new 28, duplicate 36, rejected 8" in local[0]  # failed documents are retried


def test_a_limit_counts_inputs_as_the_local_engine_does(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 12)
    with open_store(f"sqlite:///{tmp_path / 'news.db'}") as store:
        tally = ingest_distributed(read_inputs([str(corpus)], SETTINGS), store=store,
                                   executor=BackwardsExecutor(fake_process, 2), limit=5, chunk_size=2)
        assert (tally.read, tally.new, store.counts().documents) == (5, 5, 5)


def test_the_window_stops_reading_when_too_many_inputs_wait_behind_an_unfinished_chunk(tmp_path):
    documents = [d for d in read_inputs([str(write_corpus(tmp_path / "c.jsonl", 10))], SETTINGS)]
    executor = BackwardsExecutor(fake_process, slots=2)
    window = OrderedWindow(executor, chunk_size=100, max_waiting=3)
    released = []
    for read, document in enumerate(documents, start=1):
        window.add(document, process=True)
        released += [item.id for item, _ in window.ready()]
        assert read - len(released) <= 3  # never more than max_waiting inputs held back
    released += [item.id for item, _ in window.ready(wait=True)]
    assert released == [d.id for d in documents] and executor.sent > 1


# --- the command line, with and without Ray ----------------------------------------------------------

def test_the_ray_engine_without_ray_installed_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "n.db"), "--engine", "ray"])
    assert result.exit_code == ConfigError.exit_code
    assert result.stderr.strip().splitlines() == [
        "newsevents: error: --engine ray needs Ray, which is not installed: "
        "install with pip install 'newsevents[ray]'"]


def test_ray_options_without_the_ray_engine_are_refused(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "n.db"), "--workers", "2"])
    assert result.exit_code == ConfigError.exit_code and "apply only to --engine ray" in result.stderr
    assert not (tmp_path / "n.db").exists()


# --- the real pipeline on a local Ray instance -------------------------------------------------------

@pytest.fixture(scope="module")
def ray_instance() -> Iterator[object]:
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[ray]' to run these tests")
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level=logging.WARNING)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("ray-corpus")


@pytest.fixture(scope="module")
def local_run(corpus_folder):
    """The local engine's writes over the mixed corpus (computed once for the module)."""
    sources = write_mixed_corpus(corpus_folder)
    process = Pipeline(SETTINGS).process
    with database("sqlite", corpus_folder) as url:
        return sources, run_engine(url, sources, lambda items, store: ingest_corpus(items, store=store,
                                                                                     process=process)), url


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_ray_stores_the_same_documents_and_events_as_the_local_engine(ray_instance, local_run, tmp_path, backend):
    from newsevents.scale.ray_engine import ingest_with_ray

    sources, local, local_url = local_run
    with database(backend, tmp_path) as url:
        spread = run_engine(url, sources, lambda items, store: ingest_with_ray(
            items, store=store, settings=SETTINGS, workers=2))
        assert spread == local  # tally, every write in order, counts, rejections
        with open_store(local_url) as one, open_store(url) as other:
            ids = [doc_id for kind, doc_id, outcome in local[1] if kind == "document" and outcome == "added"]
            assert [one.result(i) for i in ids] == [other.result(i) for i in ids]  # events: ids and content
    assert local[2].events > 10 and local[2].rejections == 2


def test_the_cli_ray_engine_resumes_a_stored_corpus_without_redoing_it(ray_instance, tmp_path):
    corpus = tmp_path / "own.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in own_articles()[:10]), encoding="utf-8")
    db = str(tmp_path / "news.db")
    args = ["ingest", str(corpus), "--db", db, "--engine", "ray", "--workers", "2"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.stderr
    assert "read 10, new 10, duplicate 0, rejected 0" in first.stderr
    again = CliRunner().invoke(app, args)
    assert "read 10, new 0, duplicate 10, rejected 0, events 0" in again.stderr


def test_workers_that_cannot_load_the_model_stop_the_run_with_one_message(ray_instance, tmp_path):
    from newsevents.scale.ray_engine import ingest_with_ray

    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    with open_store(f"sqlite:///{tmp_path / 'news.db'}") as store, pytest.raises(ConfigError) as raised:
        ingest_with_ray(read_inputs([str(corpus)], SETTINGS), store=store, workers=1,
                        settings=SETTINGS.with_(spacy_model="xx_no_such_model"))
    assert "a Ray worker cannot load the pipeline" in str(raised.value) and "xx_no_such_model" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_more_workers_than_cluster_cpus_is_refused_before_starting(ray_instance, tmp_path):
    from newsevents.scale.ray_engine import ingest_with_ray

    with open_store(f"sqlite:///{tmp_path / 'news.db'}") as store, pytest.raises(ConfigError, match="at most 2"):
        ingest_with_ray(iter(()), store=store, settings=SETTINGS, workers=3)
