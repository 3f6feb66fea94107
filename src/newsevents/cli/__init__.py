"""The `newsevents` command: a thin layer over the library. Each command lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsevents",
    help="Turn news articles into coded, dated, mapped events with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module registers its commands on `app` when imported.
from newsevents.cli import extract as _extract  # noqa: E402,F401


def main() -> None:
    app()
