"""`newsevents dates`: the temporal expressions of each input, resolved against its publication date, as JSONL."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer

from newsevents.cli import app
from newsevents.cli.common import accepted, guarded, parse_day
from newsevents.model import Document, Rejection, TimeMention
from newsevents.settings import Settings
from newsevents.temporal import infer_publication_date, make_time_finder


def publication_of(document: Document, fallback: dt.date | None, today: dt.date) -> dt.date | None:
    """The document's date, else the option's, else one inferred from the text (None: relative dates stay open)."""
    if document.published is not None:
        return document.published
    if fallback is not None:
        return fallback
    inferred = infer_publication_date(document.text, today)
    return inferred[0] if inferred else None


def mention_record(doc_id: str, mention: TimeMention) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "start": mention.start, "end": mention.end, "text": mention.text,
        "value": mention.value, "type": mention.type, "precision": mention.precision,
        "window_start": mention.window_start.isoformat() if mention.window_start else None,
        "window_end": mention.window_end.isoformat() if mention.window_end else None,
    }


@app.command()
@guarded
def dates(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs or - (stdin).")],
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for inputs that carry none; else it is inferred from the text.")] = None,
    today: Annotated[str | None, typer.Option(
        help="Today's date (YYYY-MM-DD) for inferring a publication year [default: the real today].")] = None,
) -> None:
    """Print each temporal expression as one JSON line: offsets, text, TIMEX value, type, precision, window."""
    fallback = parse_day(published, "--published")
    settings = Settings(today=parse_day(today, "--today"))
    from newsevents.ingest import read_inputs

    finder = make_time_finder(settings)
    refused: list[Rejection] = []
    for document in accepted(read_inputs(inputs, settings), refused):
        reference = publication_of(document, fallback, settings.reference_today())
        for mention in finder.find(document.text, reference):
            typer.echo(json.dumps(mention_record(document.id, mention), ensure_ascii=False))
    if refused:
        raise typer.Exit(2)
