"""The quality gate: per suite, pinned bounds on its gated metrics and the checksum of the data measured.

The baseline file (``tests/eval/floors.json``) holds, per suite, the data checksum, the number of items
and for each gated metric a bound: a floor (the figure may not drop below it) or, for metrics where lower
is better, a ceiling. Bounds only tighten when re-pinned; loosening one needs ``allow_lower`` and is
reported as such. A changed data checksum fails the gate: the data changed, so re-measure deliberately.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from newsevents.errors import ConfigError, DataError, NewsEventsError
from newsevents.evaluation.base import SuiteReport

DEFAULT_FLOORS = Path("tests") / "eval" / "floors.json"
# Bounds are stored with this many decimals, rounded towards the measured figure's safe side, so that a
# re-run measuring the same value always passes.
DECIMALS = 4
# Figures are compared with this slack: float noise, not quality.
TOLERANCE = 1e-9

Kind = Literal["below", "data-changed", "items-changed", "unpinned", "missing-metric"]


class GateFailure(NewsEventsError):
    """A figure fell below its floor, or the data changed under the pins."""

    exit_code = 5


@dataclass(frozen=True, slots=True)
class Bound:
    value: float
    lower_is_better: bool = False

    def allows(self, measured: float) -> bool:
        if self.lower_is_better:
            return measured <= self.value + TOLERANCE
        return measured >= self.value - TOLERANCE

    def tighter_than(self, other: "Bound") -> bool:
        return self.value < other.value if self.lower_is_better else self.value > other.value


@dataclass(frozen=True, slots=True)
class SuiteFloors:
    suite: str
    data_checksum: str
    items: int
    bounds: dict[str, Bound]


@dataclass(frozen=True, slots=True)
class Finding:
    suite: str
    kind: Kind
    message: str
    metric: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    suite: str
    metric: str
    old: float | None
    new: float
    loosened: bool


def pin(value: float, lower_is_better: bool) -> Bound:
    """A bound at ``value``, rounded to DECIMALS towards the side that ``value`` itself passes."""
    scale = 10 ** DECIMALS
    rounded = math.ceil(value * scale - TOLERANCE) if lower_is_better else math.floor(value * scale + TOLERANCE)
    return Bound(rounded / scale, lower_is_better)


def check(report: SuiteReport, floors: SuiteFloors | None) -> list[Finding]:
    """Everything wrong with ``report`` against its pins (empty: the gate passes)."""
    name = report.suite
    if floors is None:
        return [Finding(name, "unpinned", f"{name}: no floors are pinned; pin them with "
                                          f"`newsevents eval {name} --update-floors`.")]
    if floors.data_checksum != report.data_checksum:
        return [Finding(name, "data-changed", f"{name}: the data changed (checksum {report.data_checksum}, pinned "
                        f"{floors.data_checksum}); re-measure deliberately: `newsevents eval {name} --update-floors`.")]
    if floors.items != report.items:
        return [Finding(name, "items-changed", f"{name}: measured on {report.items} items, floors pinned on "
                        f"{floors.items}; run the whole suite (no --limit).")]
    findings = [_check_metric(report, metric, bound) for metric, bound in floors.bounds.items()]
    findings += [Finding(name, "unpinned", f"{name}.{m} is gated but has no floor; pin it with --update-floors.", m)
                 for m in report.gated if m not in floors.bounds]
    return [f for f in findings if f is not None]


def _check_metric(report: SuiteReport, metric: str, bound: Bound) -> Finding | None:
    name = report.suite
    if metric not in report.metrics:
        return Finding(name, "missing-metric", f"{name}.{metric} is pinned but the suite no longer reports it.", metric)
    measured = report.metrics[metric]
    if bound.allows(measured):
        return None
    side = "rose above its ceiling" if bound.lower_is_better else "fell below its floor"
    return Finding(name, "below", f"{name}.{metric} = {measured:.4f} {side} {bound.value:.4f}.", metric)


def repin(report: SuiteReport, old: SuiteFloors | None, *, allow_lower: bool = False) -> tuple[SuiteFloors, list[Change]]:
    """New pins for ``report``'s gated metrics: each bound moves only towards better figures unless
    ``allow_lower``. Raises GateFailure listing the metrics that would loosen without it."""
    bounds: dict[str, Bound] = {}
    changes: list[Change] = []
    refused: list[str] = []
    for metric in report.gated:
        if metric not in report.metrics:
            raise ConfigError(f"{report.suite}.{metric} is gated but not measured.", hint="Fix the suite's gated list.")
        new = pin(report.metrics[metric], metric in report.lower_is_better)
        previous = old.bounds.get(metric) if old else None
        if previous is not None and previous.tighter_than(new) and not allow_lower:
            refused.append(f"{metric} {previous.value:.4f} -> {new.value:.4f}")
            new = previous
        if previous is None or previous.value != new.value:
            loosened = previous is not None and previous.tighter_than(new)
            changes.append(Change(report.suite, metric, previous.value if previous else None, new.value, loosened))
        bounds[metric] = new
    if refused:
        raise GateFailure(f"{report.suite}: refusing to loosen {', '.join(refused)}.",
                          hint="Fix the regression, or pass --allow-lower if the drop is deliberate.")
    return SuiteFloors(report.suite, report.data_checksum, report.items, bounds), changes


def load_floors(path: Path) -> dict[str, SuiteFloors]:
    """The pinned floors (empty when the file does not exist yet); DataError when it is malformed."""
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {name: _suite_floors(name, entry) for name, entry in raw["suites"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"{path} is not a valid floors file ({exc}).",
                        hint="Restore it from git, or re-pin with newsevents eval all --update-floors.") from exc


def _suite_floors(name: str, entry: Mapping[str, Any]) -> SuiteFloors:
    bounds = {metric: Bound(float(b["value"]), b.get("better", "higher") == "lower")
              for metric, b in entry["metrics"].items()}
    return SuiteFloors(name, str(entry["data_checksum"]), int(entry["items"]), bounds)


def save_floors(path: Path, floors: Mapping[str, SuiteFloors]) -> None:
    data = {
        "about": "Pinned quality floors (ceilings where better is lower) per evaluation suite, with the checksum "
                 "of the data they were measured on. Written by `newsevents eval SUITE --update-floors`; never "
                 "lower one by hand (use --allow-lower, deliberately).",
        "suites": {
            name: {
                "data_checksum": f.data_checksum,
                "items": f.items,
                "metrics": {m: {"value": b.value, "better": "lower" if b.lower_is_better else "higher"}
                            for m, b in sorted(f.bounds.items())},
            }
            for name, f in sorted(floors.items())
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
