"""Writing extract's results: JSON Lines (one event a line), JSON (documents, events, rejections),
CSV with ACLED's column names where ACLED has the column (both through ``newsevents.export``, so
`extract` and `export` write the same records), and a rich table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from rich.console import Console
from rich.table import Table

from newsevents import export
from newsevents.model import Document, Event, Rejection, Result

FORMATS = ("jsonl", "json", "csv", "table")


def _rows(results: Iterable[Result]) -> Iterator[tuple[Event, Document]]:
    for result in results:
        for event in result.events:
            yield event, result.document


def write_jsonl(results: Iterable[Result], out: IO[str]) -> None:
    """One event a line, the documented record (the same writer `newsevents export` uses)."""
    export.write_jsonl(_rows(results), out)


def write_csv(results: Iterable[Result], out: IO[str]) -> None:
    """ACLED's column names where ACLED has the column, then ours (the same writer `export` uses)."""
    export.write_csv(_rows(results), out)


def write_json(results: Sequence[Result], rejections: Sequence[Rejection], out: IO[str]) -> None:
    payload = {
        "documents": [r.document.to_dict() for r in results],
        "events": [e.to_dict() for r in results for e in r.events],
        "rejections": [r.to_dict() for r in rejections],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_table(results: Iterable[Result], console: Console, *, evidence_text: bool = True) -> None:
    """One table per document. Without ``evidence_text`` the evidence column gives character offsets
    only (for sharing a coding without quoting the article)."""
    for result in results:
        doc = result.document
        table = Table(title=f"{doc.title or doc.id}  ({doc.published or 'date unknown'}"
                            f"{', inferred from text' if doc.published_from == 'text' else ''})",
                      show_lines=True, expand=True)
        for column in ("type / sub-type", "date", "place", "actors", "modality", "evidence"):
            table.add_column(column, overflow="fold")
        for e in result.events:
            when = f"{e.date}..{e.date_end}" if e.date_end else str(e.date or "?")
            table.add_row(
                f"{e.event_type}\n{e.sub_event_type}" + (f" [{e.status}]" if e.status else ""),
                f"{when}\n({e.date_precision})",
                f"{e.location.name}, {e.location.country}\n({e.location.precision})" if e.location else "?",
                "\n".join(f"{a.role}: {a.name}" for a in e.actors),
                e.modality + (f"\nper {e.attribution.source}" if e.attribution else ""),
                (e.evidence[0].text if evidence_text else f"chars {e.evidence[0].start}-{e.evidence[0].end}")
                if e.evidence else "",
            )
        console.print(table)
