"""The ingest progress line: shown on a terminal with the counts and rate, absent anywhere else."""

from __future__ import annotations

import io

from rich.console import Console

from newsevents.cli.ingest import progress_display
from newsevents.corpus import Tally


def test_no_progress_display_when_not_on_a_terminal():
    with progress_display(Console(file=io.StringIO(), force_terminal=False)) as show:
        assert show is None


def test_the_progress_line_shows_the_counts_on_a_terminal():
    out = io.StringIO()
    with progress_display(Console(file=out, force_terminal=True, width=160)) as show:
        assert show is not None
        show(Tally(read=7, new=5, duplicate=1, rejected=1, events=9))
    assert "read 7, new 5, duplicate 1, rejected 1, events 9" in out.getvalue()
    assert "docs/s" in out.getvalue()
