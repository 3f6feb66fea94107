"""Benchmark: `newsevents ingest` of ECB+ (982 real articles) into SQLite and PostgreSQL, locally and on Ray.

Each run is a fresh `newsevents ingest` process writing a fresh database (a new SQLite file, or a new
PostgreSQL schema dropped afterwards), timed end to end: model loading and, for Ray, starting a local
Ray instance and its actors are included, as they are for a user. While it runs, the whole process tree
(the CLI, and for Ray its raylet, GCS, workers...) is sampled every 0.25 s for the sum of its resident
set (RSS, which counts pages shared between processes once per process) and of its proportional set
(PSS, shared pages split between sharers), and /proc/loadavg is read. Configurations are interleaved
round by round so that load from other users of the machine spreads over all of them. Figures are
medians of --runs runs; ratios are against the local SQLite run of the same session. The ``## Ingest``
section of docs/performance.md is replaced (other sections are kept).

    python bench/bench_ingest.py [--data ../shared/data] [--runs 3] [--out docs/performance.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_CANDIDATES = ("postgresql://postgres@127.0.0.1:5432/test", "postgresql://root@127.0.0.1:5432/test")
SAMPLE_SECONDS = 0.25
BASELINE = "local, SQLite"


@dataclass(frozen=True)
class Config:
    name: str
    backend: str  # sqlite | postgresql
    options: tuple[str, ...] = ()


CONFIGS = (
    Config(BASELINE, "sqlite"),
    Config("local, PostgreSQL", "postgresql"),
    Config("Ray, 1 worker, SQLite", "sqlite", ("--engine", "ray", "--workers", "1")),
    Config("Ray, 2 workers, SQLite", "sqlite", ("--engine", "ray", "--workers", "2")),
    Config("Ray, 2 workers, PostgreSQL", "postgresql", ("--engine", "ray", "--workers", "2")),
)


@dataclass(frozen=True)
class Run:
    wall_s: float
    loop_rate: float  # the CLI's own docs/s: since its ingest loop started (after Ray and actors started)
    peak_rss_mb: float
    peak_pss_mb: float
    loads: tuple[float, ...]  # 1-minute load average, sampled during the run
    summary: str  # the CLI's "read ..., new ..., events ..." line


# --- the process tree ------------------------------------------------------------------------------

def tree(root: int) -> list[int]:
    """``root`` and every process descending from it (from /proc, parent ids)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, ()))
    return found


def memory_mb(pids: list[int]) -> tuple[float, float]:
    """Sum of RSS and of PSS (MB) over ``pids`` (from /proc/PID/smaps_rollup)."""
    rss = pss = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        rss += int(re.search(r"^Rss:\s+(\d+)", text, re.M).group(1))
        pss += int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1))
    return rss / 1024, pss / 1024


def run_once(command: list[str]) -> Run:
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        peak_rss = peak_pss = 0.0
        loads = []
        while proc.poll() is None:
            rss, pss = memory_mb(tree(proc.pid))
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            loads.append(os.getloadavg()[0])
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - start
        err.seek(0)
        output = err.read().decode("utf-8", "replace")
    done = re.search(r"ingested into \S+: (.*) \(([\d.]+) docs/s\)", output)
    if proc.returncode != 0 or done is None:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{output[-2000:]}")
    return Run(wall, float(done.group(2)), peak_rss, peak_pss, tuple(loads), done.group(1))


# --- databases -------------------------------------------------------------------------------------

def postgres_base() -> str | None:
    import psycopg

    for url in (os.environ.get("NEWSEVENTS_BENCH_POSTGRES"),) + POSTGRES_CANDIDATES:
        if not url:
            continue
        try:
            psycopg.connect(url, connect_timeout=3).close()
        except psycopg.Error:
            continue
        return url
    return None


@contextmanager
def fresh_database(backend: str, folder: Path, postgres: str | None) -> Iterator[str]:
    """The URL of a new empty database: a SQLite file in ``folder`` or a PostgreSQL schema (dropped after)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'ingest-{uuid.uuid4().hex[:8]}.db'}"
        return
    import psycopg

    schema = f"bench_ingest_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{postgres}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(postgres, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def stored(url: str) -> tuple[int, int]:
    from newsevents.store import open_store

    with open_store(url) as store:
        counts = store.counts()
    return counts.documents, counts.events


# --- the report ------------------------------------------------------------------------------------

def section(results: dict[str, list[Run]], counts: dict[str, set], *, articles: int, runs: int) -> str:
    base_rate = articles / statistics.median(r.wall_s for r in results[BASELINE])
    loads = [load for chosen in results.values() for r in chosen for load in r.loads]
    lines = [
        "## Ingest", "",
        f"`python bench/bench_ingest.py` on {dt.date.today()} — `newsevents ingest` of ECB+ ({articles} real articles) "
        f"into a fresh database per run, each run a fresh process timed end to end (model loading, and for Ray "
        f"starting a local Ray instance and its actors, included); median of {runs} runs per row, rows interleaved "
        f"round by round. {platform.machine()}, {os.cpu_count()} cores shared with other engineers: 1-minute load "
        f"average during the runs {statistics.mean(loads):.1f} on average (from {min(loads):.1f} to {max(loads):.1f}), "
        "our own run included.", "",
        "| run | median s | min–max s | articles/s | vs local SQLite | loop docs/s | peak RSS MB (tree) "
        "| peak PSS MB (tree) | load | documents, events |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, chosen in results.items():
        wall = statistics.median(r.wall_s for r in chosen)
        spread = f"{min(r.wall_s for r in chosen):.1f}–{max(r.wall_s for r in chosen):.1f}"
        load = statistics.median(statistics.mean(r.loads) for r in chosen)
        stored_counts = "; ".join(f"{d}, {e}" for d, e in sorted(counts[name]))
        lines.append(
            f"| {name} | {wall:.1f} | {spread} | {articles / wall:.1f} | {articles / wall / base_rate:.2f} | "
            f"{statistics.median(r.loop_rate for r in chosen):.1f} | {max(r.peak_rss_mb for r in chosen):.0f} | "
            f"{max(r.peak_pss_mb for r in chosen):.0f} | {load:.1f} | {stored_counts} |")
    lines += [
        "",
        "*articles/s* is end to end (articles ÷ median wall time); *vs local SQLite* is that rate over the local "
        "SQLite run's. *loop docs/s* is the rate the command itself prints: for the local engine it includes loading "
        "the model (lazily, on the first document), for Ray it starts after Ray and the actors are up. Peak memory "
        "is the largest sum over the whole process tree seen in 0.25 s samples, over all runs of the row; RSS counts "
        "the model's shared pages once per process, PSS splits them. *documents, events* are what each run stored "
        "(one pair: every run of the row stored the same). *load* is the median over the row's runs of the mean "
        "1-minute load average during the run.", "",
    ]
    return "\n".join(lines)


def write_section(out: Path, text: str) -> None:
    old = out.read_text(encoding="utf-8") if out.exists() else "# Performance\n"
    pattern = re.compile(r"^## Ingest\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(lambda _: text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    out.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    corpus = args.data / "dev" / "ecbplus" / "ecbplus.jsonl"
    if not corpus.exists():
        raise SystemExit(f"{corpus} not found: run with ../shared beside the project, or pass --data.")
    postgres = postgres_base()
    configs = [c for c in CONFIGS if c.backend == "sqlite" or postgres is not None]
    if postgres is None:
        print("PostgreSQL is not reachable at 127.0.0.1:5432: its rows are left out", file=sys.stderr)
    articles = sum(1 for _ in corpus.open(encoding="utf-8"))
    exe = [sys.executable, "-m", "newsevents", "ingest", str(corpus)]
    results: dict[str, list[Run]] = {c.name: [] for c in configs}
    counts: dict[str, set] = {c.name: set() for c in configs}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        run_once(exe + ["--db", f"sqlite:///{folder}/warm.db", "--limit", "20"])  # warm caches, untimed
        for round_ in range(args.runs):
            for config in configs:
                with fresh_database(config.backend, Path(folder), postgres) as url:
                    run = run_once(exe + ["--db", url, *config.options])
                    counts[config.name].add(stored(url))
                results[config.name].append(run)
                print(f"round {round_ + 1}, {config.name}: {run.wall_s:.1f} s, {articles / run.wall_s:.1f} articles/s, "
                      f"RSS {run.peak_rss_mb:.0f} MB, PSS {run.peak_pss_mb:.0f} MB, "
                      f"load {statistics.mean(run.loads):.1f}; {run.summary}", file=sys.stderr)
    text = section(results, counts, articles=articles, runs=args.runs)
    write_section(args.out, text)
    print(text)


if __name__ == "__main__":
    main()
