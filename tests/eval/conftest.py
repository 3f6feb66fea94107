"""Shared fixtures of the evaluation tests: the shared data, and each suite run once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.evaluation.base import SuiteReport
from newsevents.evaluation.gate import SuiteFloors, load_floors
from newsevents.evaluation.runner import SuiteUnavailable, run_suite
from newsevents.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
FLOORS = Path(__file__).with_name("floors.json")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"the shared evaluation data is not at {DATA}")
    return DATA


@pytest.fixture(scope="session")
def floors() -> dict[str, SuiteFloors]:
    return load_floors(FLOORS)


@pytest.fixture(scope="session")
def suite_report(data_dir: Path) -> Callable[[str], SuiteReport]:
    """``suite_report(name)``: the suite's report, measured once per test session with default settings."""
    cache: dict[str, SuiteReport] = {}

    def get(name: str) -> SuiteReport:
        if name not in cache:
            try:
                cache[name] = run_suite(name, data_dir, Settings()).report
            except SuiteUnavailable as exc:
                pytest.fail(str(exc))
        return cache[name]

    return get
