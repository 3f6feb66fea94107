"""`newsevents ingest`, `newsevents rejections` and `newsevents db ...`: a corpus in a database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsevents.cli import app
from newsevents.cli.common import guarded
from newsevents.errors import ConfigError
from newsevents.settings import Settings

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when a command runs, not for --help
    from newsevents.corpus import Process, Tally
    from newsevents.model import Document, Rejection
    from newsevents.store.sql import SqlStore

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="NEWSEVENTS_DB", metavar="URL",
    help="sqlite:///path/file.db, a file path, or postgresql://user@host:5432/db "
         "[default: $NEWSEVENTS_DB, else newsevents.db in your user data folder].")]

def open_db(url: str | None, settings: Settings) -> SqlStore:
    from newsevents.store import open_store

    return open_store(url, settings)


db_app = typer.Typer(help="Look after the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def make_settings(**changes: object) -> Settings:
    """Default settings with the options given on the command line (None: not given)."""
    return Settings().with_(**{name: value for name, value in changes.items() if value is not None})


def make_process(settings: Settings) -> Process:
    """The event pipeline's ``process`` (imported when a run starts)."""
    try:
        from newsevents.pipeline import Pipeline
    except ImportError as exc:
        if exc.name != "newsevents.pipeline":
            raise
        raise ConfigError("the event pipeline is not part of this installation.",
                          hint="Reinstall newsevents (pip install -e .).") from None
    return Pipeline(settings).process


class Engine(str, Enum):
    """Where ``newsevents ingest`` runs the pipeline."""

    local = "local"
    ray = "ray"


def make_engine(engine: Engine, settings: Settings, *, address: str | None, workers: int | None) -> Callable[..., Tally]:
    """``ingest_corpus`` with the pipeline run here (local) or on Ray workers (``newsevents.scale``)."""
    if engine is Engine.ray:
        from newsevents.scale.ray_engine import import_ray, ingest_with_ray

        import_ray()  # a one-line error now, before any input is read, when Ray is not installed
        return partial(ingest_with_ray, settings=settings, address=address, workers=workers)
    if address is not None or workers is not None:
        raise ConfigError("--address and --workers apply only to --engine ray.", hint="Add --engine ray or drop them.")
    from newsevents.corpus import ingest_corpus

    return partial(ingest_corpus, process=make_process(settings))


def make_reader(settings: Settings) -> Callable[[list[str]], Iterable[Document | Rejection]]:
    """``read_inputs`` of the ingest stage, bound to ``settings``."""
    from newsevents.ingest import read_inputs

    return lambda sources: read_inputs(sources, settings)


@contextmanager
def progress_display(console: Console) -> Iterator[Callable[[Tally], None] | None]:
    """A live progress line on a terminal (read/new/duplicate/rejected/events and rate); nothing elsewhere."""
    if not console.is_terminal:
        yield None
        return
    columns = (SpinnerColumn(), BarColumn(), TextColumn("{task.fields[counts]}"),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=None, counts="starting", rate=0.0)

        def show(tally: Tally) -> None:
            progress.update(task, counts=tally.summary(), rate=tally.rate)

        yield show


@app.command()
@guarded
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs or - (stdin), as for extract.")],
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Stop after this many inputs.")] = None,
    extractor: Annotated[str | None, typer.Option(help="Event extractor: hybrid (default) or rules.")] = None,
    engine: Annotated[Engine, typer.Option(
        help="Where the pipeline runs: local (this process) or ray (Ray workers; pip install 'newsevents\\[ray]'). "
             "Reading and storing stay here either way.")] = Engine.local,
    address: Annotated[str | None, typer.Option(
        metavar="ADDRESS", help="--engine ray: the cluster, ray://HEAD:10001 or auto "
                                "\\[default: $RAY_ADDRESS, else start Ray on this machine].")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="--engine ray: pipeline workers, one CPU and one loaded model each \\[default: free CPUs].")] = None,
) -> None:
    """Store articles and their events in a database; documents already stored are skipped.

    Safe to run again after an interruption: it resumes where it stopped."""
    settings = make_settings(extractor=extractor)
    run = make_engine(engine, settings, address=address, workers=workers)
    console = Console(stderr=True)
    with open_db(db, settings) as store:
        items = make_reader(settings)(sources)
        with progress_display(console) as show:
            tally = run(items, store=store, limit=limit, on_progress=show)
    typer.echo(f"newsevents: ingested into {store.url}: {tally.summary()} ({tally.rate:.1f} docs/s)", err=True)
    if tally.rejected:
        typer.echo("newsevents: see why inputs were rejected with: newsevents rejections", err=True)


@app.command()
@guarded
def rejections(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Show only the newest N.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List the inputs that were refused, newest first: time, code, source and reason."""
    with open_db(db, make_settings()) as store:
        found = store.rejections(limit)
    for item in found:
        when = item.created_at.isoformat(timespec="seconds")
        if as_json:
            typer.echo(json.dumps({"created_at": when, "code": item.code, "source": item.source,
                                   "reason": item.reason, "doc_id": item.doc_id}, ensure_ascii=False))
        else:
            typer.echo(f"{when}\t{item.code}\t{item.source}\t{item.reason}")


@db_app.command("upgrade")
@guarded
def db_upgrade(db: DbOption = None) -> None:
    """Create the tables or bring them to the current schema (every command does this too)."""
    with open_db(db, make_settings()) as store:
        typer.echo(f"newsevents: {store.url} is up to date", err=True)


@db_app.command("info")
@guarded
def db_info(db: DbOption = None,
            check: Annotated[bool, typer.Option("--check", help="Also check the database's integrity.")] = False
            ) -> None:
    """How many documents, events, rejections... the database holds."""
    with open_db(db, make_settings()) as store:
        counts = store.counts()
        problems = store.integrity_check() if check else ()
    typer.echo(f"database: {store.url}")
    for name in counts.__dataclass_fields__:
        typer.echo(f"{name}: {getattr(counts, name)}")
    if check:
        typer.echo("integrity: " + ("ok" if not problems else "; ".join(problems)))
        if problems:
            raise typer.Exit(1)
