"""Finding and running evaluation suites by name.

A suite is a module with ``NAME`` and ``run(data_dir, settings, *, limit=None) -> SuiteReport``
(see ``base``); the registry below names the module of each. A suite whose module is not installed is
reported as "not available" rather than crashing the others.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from newsevents.errors import ConfigError
from newsevents.evaluation.base import SuiteReport
from newsevents.settings import Settings

SUITES: dict[str, str] = {
    "seed": "newsevents.evaluation.seed_suite",
    "events": "newsevents.evaluation.events_suite",
    "plover": "newsevents.evaluation.plover_suite",
    "text": "newsevents.evaluation.text_suite",
    "dates": "newsevents.evaluation.dates_suite",
    "geo": "newsevents.evaluation.geo_suite",
    "ecb": "newsevents.evaluation.ecb_suite",
}
ALL = "all"
DEFAULT_DATA = Path("..") / "shared" / "data"


class SuiteUnavailable(ConfigError):
    """A registered suite whose module is not installed."""

    def __init__(self, suite: str, message: str, *, hint: str | None = None) -> None:
        self.suite = suite
        super().__init__(message, hint=hint)


@dataclass(frozen=True, slots=True)
class SuiteRun:
    report: SuiteReport
    seconds: float


def suite_names(name: str) -> tuple[str, ...]:
    """The suites a command-line name stands for ("all" is every registered suite)."""
    if name == ALL:
        return tuple(SUITES)
    if name not in SUITES:
        raise ConfigError(f"There is no evaluation suite {name!r}.",
                          hint=f"Choose one of: {', '.join((*SUITES, ALL))}.")
    return (name,)


def load_suite(name: str) -> ModuleType:
    """The suite's module; SuiteUnavailable when it is not installed, ConfigError when it breaks the contract."""
    module_name = SUITES[suite_names(name)[0]]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name is None or not (module_name + ".").startswith(exc.name + "."):
            raise  # the suite exists but something it imports is missing: a real error
        raise SuiteUnavailable(name, f"suite {name} is not available ({module_name} is not installed).",
                               hint="Run the other suites, or install a checkout that has it.") from None
    if getattr(module, "NAME", None) != name or not callable(getattr(module, "run", None)):
        raise ConfigError(f"{module_name} is not an evaluation suite named {name!r}.",
                          hint="A suite module defines NAME and run(data_dir, settings, *, limit=None).")
    return module


def resolve_data_dir(data: Path | None, *, cwd: Path | None = None) -> Path:
    """The data directory: the option's, else ../shared/data from the current directory; ConfigError if absent."""
    path = data if data is not None else (cwd or Path.cwd()) / DEFAULT_DATA
    if not path.is_dir():
        raise ConfigError(f"The evaluation data directory {path} does not exist.",
                          hint="Pass --data DIR (the shared data directory, ../shared/data from the project root).")
    return path.resolve()


def run_suite(name: str, data_dir: Path, settings: Settings, *, limit: int | None = None) -> SuiteRun:
    module = load_suite(name)
    started = time.perf_counter()
    report = module.run(data_dir, settings, limit=limit)
    if report.suite != name:
        raise ConfigError(f"Suite {name} returned a report for {report.suite!r}.", hint="Fix the suite's NAME.")
    return SuiteRun(report, time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class SuiteProblem:
    """A suite that produced no report in a multi-suite run, and why."""

    suite: str
    message: str
    unavailable: bool  # True: not installed (tolerated); False: it failed or crashed


def run_suites(names: Sequence[str], data_dir: Path, settings: Settings, *, limit: int | None = None,
               keep_going: bool = False) -> tuple[list[SuiteRun], list[SuiteProblem]]:
    """Run the suites in order. Without ``keep_going`` the first problem propagates; with it, a suite that
    is unavailable, refuses its data or crashes is recorded (type and message) and the others still run."""
    runs: list[SuiteRun] = []
    problems: list[SuiteProblem] = []
    for name in names:
        try:
            runs.append(run_suite(name, data_dir, settings, limit=limit))
        except SuiteUnavailable as exc:
            if not keep_going:
                raise
            problems.append(SuiteProblem(name, str(exc), unavailable=True))
        except Exception as exc:  # noqa: BLE001 - recorded and reported, the run fails at its end
            if not keep_going:
                raise
            problems.append(SuiteProblem(name, f"suite {name} failed: {type(exc).__name__}: {exc}", unavailable=False))
    return runs, problems
