"""`newsevents places`: every place mention of each input, resolved, as JSON Lines."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from newsevents.cli import app
from newsevents.cli.common import accepted, guarded
from newsevents.model import PlaceMention, Rejection
from newsevents.settings import Settings


def mention_record(doc_id: str, mention: PlaceMention) -> dict[str, Any]:
    """The documented JSONL record of one place mention."""
    place = mention.place
    return {
        "doc_id": doc_id, "start": mention.start, "end": mention.end, "text": mention.text,
        "name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat, "lon": place.lon,
        "geonames_id": place.geonames_id, "feature": place.feature, "precision": place.precision,
        "confidence": mention.confidence,
    }


@app.command()
@guarded
def places(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs or - (stdin).")],
    geocoder: Annotated[str | None, typer.Option(
        help="gazetteer (context-aware, default) or naive (largest population).")] = None,
) -> None:
    """Print each place mention as one JSON line: offsets, text, resolved place, precision, confidence."""
    settings = Settings() if geocoder is None else Settings().with_(geocoder=geocoder)
    from newsevents.ingest import read_inputs
    from newsevents.places import make_geoparser

    parser = make_geoparser(settings)
    refused: list[Rejection] = []
    for document in accepted(read_inputs(inputs, settings), refused):
        for mention in parser.find(document.text):
            typer.echo(json.dumps(mention_record(document.id, mention), ensure_ascii=False))
    if refused:
        raise typer.Exit(2)
