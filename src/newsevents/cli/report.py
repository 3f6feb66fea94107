"""`newsevents report`: a situation report (HTML, Markdown or PDF) of the filtered events."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli import app
from newsevents.cli.common import guarded, parse_day
from newsevents.cli.export import check_names, country_code
from newsevents.cli.ingest import DbOption, make_settings, open_db
from newsevents.taxonomy import EVENT_TYPES


@app.command()
@guarded
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="FILE.html, FILE.pdf or FILE.md")],
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this day (YYYY-MM-DD).")] = None,
    country: Annotated[list[str] | None, typer.Option(help="Country code or name; repeatable.")] = None,
    event_type: Annotated[list[str] | None, typer.Option(help="ACLED event type; repeatable.")] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
    title: Annotated[str, typer.Option(help="The report's title.")] = "Situation report",
) -> None:
    """Write a dated situation report: what happened, where, trend, disruptions, key incidents, claims."""
    from newsevents.report import build_report, write_report
    from newsevents.store import EventFilters
    from newsevents.web.catalog import build_snapshot
    from newsevents.merge.corpus import merge_store

    filters = EventFilters(since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                           countries=tuple(country_code(c) for c in country or ()),
                           event_types=check_names(event_type or [], EVENT_TYPES, "--event-type"),
                           min_confidence=min_confidence)
    with open_db(db, make_settings()) as store:
        counts = store.counts()
        if counts.events and not counts.incidents:
            merge_store(store)
        written = write_report(build_report(build_snapshot(store), filters, title=title), out)
    typer.echo(f"newsevents: wrote {', '.join(str(p) for p in written)}", err=True)
