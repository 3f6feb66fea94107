"""What every evaluation suite returns, so the runner, the gate and docs/quality.md treat them alike.

A suite is a module with ``NAME: str`` and ``run(data_dir: Path, settings: Settings, *, limit: int | None = None)
-> SuiteReport``. It measures ours and every baseline in the same run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.errors import DataError


@dataclass(frozen=True, slots=True)
class Anchor:
    """A published figure to show beside ours (never compared by the gate)."""

    system: str
    metric: str
    value: float
    source: str  # where the figure comes from, and on what data


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class SuiteReport:
    suite: str
    ours: str  # the key of our system in ``systems``
    systems: dict[str, dict[str, float]]  # system -> metric -> value, all measured in this run
    data_checksum: str
    items: int  # how many documents / sentences / expressions were scored
    anchors: tuple[Anchor, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()
    gated: tuple[str, ...] = field(default=())  # metric names of ours the gate pins
    lower_is_better: tuple[str, ...] = ()  # gated metrics whose bound is a ceiling (errors, violations, km)

    @property
    def metrics(self) -> dict[str, float]:
        return self.systems[self.ours]


def checksum_files(*paths: Path) -> str:
    """sha256 over the named data files' bytes (in the given order), first 16 hex digits."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def require(path: Path) -> Path:
    """``path`` if the shared data holds it (a file or a folder), else a DataError saying where to point."""
    if not path.exists():
        raise DataError(f"{path} does not exist.", hint="Point --data at the shared data directory.")
    return path
