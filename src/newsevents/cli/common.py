"""What every command shares: one place where errors become a one-line message and an exit code."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import ParamSpec, TypeVar

import typer

from newsevents.errors import ConfigError, NewsEventsError
from newsevents.model import Rejection

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn NewsEventsError (and Ctrl-C) into one line on stderr and a non-zero exit, never a traceback."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except NewsEventsError as exc:
            typer.echo(f"newsevents: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("newsevents: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper


def report_rejection(rejection: Rejection) -> None:
    """One line on stderr: what was refused and why (the reason names the source unless it says so)."""
    reason = rejection.reason
    where = "" if reason.startswith(rejection.source) else f"{rejection.source}: "
    typer.echo(f"newsevents: rejected {where}{reason}", err=True)


def accepted(items: Iterable[T | Rejection], refused: list[Rejection]) -> Iterator[T]:
    """What a run produced (documents, or the pipeline's results); each rejection is reported as it comes and kept in ``refused``
    (the command exits 2 at the end when any input was refused)."""
    for item in items:
        if isinstance(item, Rejection):
            refused.append(item)
            report_rejection(item)
        else:
            yield item


def parse_day(value: str | None, option: str = "--published") -> dt.date | None:
    """A YYYY-MM-DD option value, or a ConfigError saying how to write it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date.", hint="Write it as YYYY-MM-DD, e.g. 2022-01-11.") from None
