"""The quality gate: every suite's gated figures hold their pinned floors on unchanged data.

A failure here means a figure dropped (fix the regression), or the data changed (re-measure deliberately
with `newsevents eval SUITE --update-floors`), or a suite is not pinned yet.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.evaluation.base import SuiteReport
from newsevents.evaluation.gate import SuiteFloors, check
from newsevents.evaluation.runner import SUITES

FAST = {"seed"}  # seconds; the others go over whole data sets
PARAMS = [name if name in FAST else pytest.param(name, marks=pytest.mark.slow) for name in SUITES]


@pytest.mark.parametrize("suite", PARAMS)
def test_suite_holds_its_floors(suite: str, suite_report: Callable[[str], SuiteReport],
                                floors: dict[str, SuiteFloors]) -> None:
    findings = check(suite_report(suite), floors.get(suite))
    assert not findings, "\n".join(f.message for f in findings)
