"""`newsevents ...` with the fake pipeline of store_support, as a process of its own.

The crash test runs ``python corpus_worker.py ingest CORPUS --db URL`` and kills it midway.
$NEWSEVENTS_TEST_DELAY is how long the fake pipeline takes per document (seconds).
"""

from __future__ import annotations

import os
import sys

from store_support import slow_fake_process

import newsevents.cli.ingest as ingest_cli
from newsevents.cli import app

if __name__ == "__main__":
    delay = float(os.environ.get("NEWSEVENTS_TEST_DELAY", "0"))
    ingest_cli.make_process = lambda settings: slow_fake_process(delay)
    app(args=sys.argv[1:], prog_name="newsevents")
