"""`newsevents export`: stored events as JSON Lines, ACLED-style CSV, GeoJSON or Parquet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli import app
from newsevents.cli.common import guarded, parse_day
from newsevents.cli.ingest import DbOption, make_settings, open_db
from newsevents.errors import ConfigError
from newsevents.taxonomy import EVENT_TYPES, SUB_TO_TYPE


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code for a code (KZ, KAZ) or an English name (Kazakhstan)."""
    import pycountry

    try:
        return pycountry.countries.lookup(value.strip()).alpha_2
    except LookupError:
        raise ConfigError(f"--country {value!r} is not a country.",
                          hint="Give an ISO code (KZ) or an English name (Kazakhstan).") from None


def check_names(values: list[str], known: object, option: str) -> tuple[str, ...]:
    for value in values:
        if value not in known:  # type: ignore[operator]
            raise ConfigError(f"{option} {value!r} is not in the taxonomy.",
                              hint="Spell it as ACLED does, e.g. 'Protests' or 'Peaceful protest'.")
    return tuple(values)


@app.command()
@guarded
def export(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, geojson or parquet.")] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this day (YYYY-MM-DD).")] = None,
    country: Annotated[list[str] | None, typer.Option(help="Country code or name; repeat for several.")] = None,
    event_type: Annotated[list[str] | None, typer.Option(help="ACLED event type; repeatable.")] = None,
    sub_event_type: Annotated[list[str] | None, typer.Option(help="ACLED sub-event type; repeatable.")] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Lowest confidence kept.")] = None,
) -> None:
    """Write stored events to a file (or standard output) for spreadsheets, GIS and data tools."""
    from newsevents.export import export_events
    from newsevents.store import EventFilters

    filters = EventFilters(
        since=parse_day(since, "--since"), until=parse_day(until, "--until"),
        countries=tuple(country_code(c) for c in country or ()),
        event_types=check_names(event_type or [], EVENT_TYPES, "--event-type"),
        sub_event_types=check_names(sub_event_type or [], SUB_TO_TYPE, "--sub-event-type"),
        min_confidence=min_confidence,
    )
    with open_db(db, make_settings()) as store:
        count = export_events(store, fmt.lower(), filters=filters, out=out, stdout=sys.stdout)
    typer.echo(f"newsevents: exported {count} events" + (f" to {out}" if out else ""), err=True)
