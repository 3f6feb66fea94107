"""`newsevents serve`: the web app (dashboard, review, API) over a store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsevents.cli import app
from newsevents.cli.common import guarded
from newsevents.cli.ingest import DbOption, make_settings, open_db


@app.command()
@guarded
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    merge: Annotated[bool, typer.Option("--merge/--no-merge",
                                        help="Merge incidents and near-duplicates before serving "
                                             "(default: only when the store has none).")] = False,
    login_to_read: Annotated[bool, typer.Option("--login-to-read", help="Require a login to read too.")] = False,
    secure_cookies: Annotated[bool, typer.Option(help="Mark cookies Secure (behind HTTPS).")] = False,
    workers: Annotated[int, typer.Option(min=1, max=16, help="Worker processes.")] = 1,
) -> None:
    """Serve the dashboard, incident and article pages, analyst review and the JSON API."""
    import uvicorn

    from newsevents.web import WebSettings, create_app
    from newsevents.merge.corpus import merge_store

    settings = make_settings()
    store = open_db(db, settings)
    counts = store.counts()
    if merge or (counts.events and not counts.incidents):
        summary = merge_store(store)
        typer.echo(f"newsevents: merged {summary.events} events into {summary.incidents} incidents", err=True)
    secret = os.environ.get("NEWSEVENTS_SECRET_KEY")
    web = WebSettings(read_open=not login_to_read, secure_cookies=secure_cookies,
                      **({"secret_key": secret} if secret else {}))
    if workers > 1 and not secret:
        typer.echo("newsevents: set NEWSEVENTS_SECRET_KEY so that all workers accept the same sessions", err=True)
    typer.echo(f"newsevents: serving {store.url} on http://{host}:{port}/", err=True)
    application = create_app(settings, store, web=web)
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
