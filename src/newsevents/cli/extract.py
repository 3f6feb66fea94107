"""`newsevents extract INPUT...`: code the events in articles and print them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsevents import formats
from newsevents.cli import app
from newsevents.cli.common import accepted, guarded, parse_day
from newsevents.errors import ConfigError
from newsevents.ingest import read_inputs
from newsevents.model import Rejection, Result
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings

InputsArg = Annotated[list[str], typer.Argument(help="Text or HTML files, directories, URLs, .jsonl files, or - for stdin.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="jsonl | json | csv | table")]
PublishedOpt = Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for every input (overrides metadata).")]
TodayOpt = Annotated[str | None, typer.Option(help="Treat this day (YYYY-MM-DD) as today when inferring a year.")]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of standard output.")]
ExtractorOpt = Annotated[str, typer.Option(help="hybrid (rules + trained model) | rules")]
MinConfidenceOpt = Annotated[float, typer.Option(help="Drop events below this confidence (0-1).")]
EvidenceTextOpt = Annotated[bool, typer.Option(help="table: quote the evidence (else give its character offsets).")]


@app.command()
@guarded
def extract(
    inputs: InputsArg,
    format: FormatOpt = "jsonl",
    published: PublishedOpt = None,
    today: TodayOpt = None,
    out: OutOpt = None,
    extractor: ExtractorOpt = "hybrid",
    min_confidence: MinConfidenceOpt = 0.0,
    evidence_text: EvidenceTextOpt = True,
) -> None:
    """Code the events in news articles: type, date, place, actors, modality, attribution, evidence."""
    if format not in formats.FORMATS:
        raise ConfigError(f"Unknown format {format!r}.", hint=f"Use one of: {', '.join(formats.FORMATS)}.")
    settings = Settings(published=parse_day(published), today=parse_day(today, "--today"),
                        extractor=extractor, min_confidence=min_confidence)
    pipeline = Pipeline(settings)
    rejections: list[Rejection] = []

    results: Iterator[Result] = accepted(pipeline.run(read_inputs(inputs, settings)), rejections)
    stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        write(format, results, rejections, stream, evidence_text=evidence_text)
    finally:
        if out:
            stream.close()
    if rejections:
        raise typer.Exit(2)


def write(format: str, results, rejections: list[Rejection], stream, *, evidence_text: bool = True) -> None:
    if format == "jsonl":
        formats.write_jsonl(results, stream)
    elif format == "csv":
        formats.write_csv(results, stream)
    elif format == "json":
        formats.write_json(list(results), rejections, stream)
    else:
        console = Console(file=stream, width=None if stream.isatty() else 150)
        formats.write_table(results, console, evidence_text=evidence_text)
