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
from newsevents.cli import ingest as _ingest  # noqa: E402,F401
from newsevents.cli import export as _export  # noqa: E402,F401
from newsevents.cli import eval as _eval  # noqa: E402,F401
from newsevents.cli import dates as _dates  # noqa: E402,F401
from newsevents.cli import places as _places  # noqa: E402,F401
from newsevents.cli import merge as _merge  # noqa: E402,F401
from newsevents.cli import serve as _serve  # noqa: E402,F401
from newsevents.cli import user as _user  # noqa: E402,F401
from newsevents.cli import report as _report  # noqa: E402,F401
from newsevents.cli import watch as _watch  # noqa: E402,F401


def main() -> None:
    app()
