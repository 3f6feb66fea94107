"""The issue's acceptance test: on the seed article, as text and as a page, every required event is
found and nothing forbidden is produced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.evaluation.base import SuiteReport
from newsevents.evaluation.seed_expected import load_expectation
from newsevents.evaluation.seed_suite import FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_all_required_events_and_nothing_forbidden(fmt: str, data_dir: Path,
                                                   suite_report: Callable[[str], SuiteReport]) -> None:
    expected = [load_expectation(p) for p in sorted((data_dir / "seed").glob("*.expected.json"))]
    assert sum(len(e.required) for e in expected) >= 13
    report = suite_report("seed")
    column = report.tables[0].headers.index(f".{fmt}")
    missed = [f"{row[0]}: {row[column]}" for row in report.tables[0].rows if row[column] != "matched"]
    violations = [" ".join(row) for row in report.tables[1].rows if row[0] == f".{fmt}"]
    assert report.metrics[f"required_recall_{fmt}"] == 1.0, "missed:\n" + "\n".join(missed + list(report.notes))
    assert report.metrics[f"forbidden_violations_{fmt}"] == 0, "violations:\n" + "\n".join(violations)
