"""Ingest: inputs (files, directories, URLs, standard input, JSON Lines) to Documents or Rejections.

Modules, one concern each: ``sources`` (dispatch), ``plaintext`` (decoding, newlines, widget tail,
headline), ``html`` (charset, trafilatura extraction), ``fetch`` (httpx), ``jsonl`` (records),
``language`` (py3langid), ``documents`` (ids, hashes, dates), ``metadata``.
"""

from newsevents.ingest.documents import build_document, document_from_html, document_from_text
from newsevents.ingest.metadata import Metadata
from newsevents.ingest.sources import list_files, read_input, read_inputs

__all__ = [
    "Metadata",
    "build_document",
    "document_from_html",
    "document_from_text",
    "list_files",
    "read_input",
    "read_inputs",
]
