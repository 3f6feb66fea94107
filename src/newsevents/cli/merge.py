"""`newsevents merge --db URL`: link near-duplicate articles and merge events into incidents."""

from __future__ import annotations

import typer

from newsevents.cli import app
from newsevents.cli.common import guarded
from newsevents.cli.ingest import DbOption, open_db
from newsevents.settings import Settings


@app.command()
@guarded
def merge(db: DbOption = None) -> None:
    """Link syndicated copies to their original and merge reports of one event into incidents."""
    from newsevents.merge.corpus import merge_store

    store = open_db(db, Settings())
    try:
        typer.echo(merge_store(store).summary())
    finally:
        store.close()
