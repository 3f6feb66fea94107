"""Benchmark: `newsevents extract` over ECB+ (982 real articles), against spaCy's parse alone.

Each run is a fresh process (so model loading and the gazetteer's warm load count, as they do for
a user), timed end to end; peak RSS is the child's maximum resident set. We report medians of
--runs runs, and the ratio of our median time to the baseline's, measured in the same session.

    python bench/bench_extract.py [--data ../shared/data] [--runs 3] [--out docs/performance.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import tempfile
import statistics
import subprocess
import sys
import time
from pathlib import Path

SPACY_ONLY = """
import json, sys
from newsevents.nlp import load_nlp
nlp = load_nlp()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process (its own rusage, via wait4)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{err.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def measure(name: str, command: list[str], runs: int) -> dict[str, float]:
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak = run_once(command)
        walls.append(wall)
        peaks.append(peak)
        print(f"  {name}: {wall:.1f} s", file=sys.stderr)
    return {"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls), "peak_rss_mb": max(peaks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("docs/performance.md"))
    args = parser.parse_args()
    corpus = args.data / "dev" / "ecbplus" / "ecbplus.jsonl"
    if not corpus.exists():
        raise SystemExit(f"{corpus} not found: run from the project root with ../shared beside it, or pass --data.")
    articles = sum(1 for _ in corpus.open(encoding="utf-8"))
    words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
    exe = [sys.executable, "-m", "newsevents"]
    run_once(exe + ["extract", str(corpus), "--format", "jsonl"])  # warm the gazetteer cache once, untimed
    results = {
        "spaCy parse alone (baseline)": measure("spacy", [sys.executable, "-c", SPACY_ONLY, str(corpus)], args.runs),
        "newsevents extract (hybrid)": measure("extract", exe + ["extract", str(corpus), "--format", "jsonl"], args.runs),
        "newsevents extract (rules only)": measure(
            "rules", exe + ["extract", str(corpus), "--format", "jsonl", "--extractor", "rules"], args.runs),
    }
    write_report(args.out, results, articles=articles, words=words, runs=args.runs)
    print(args.out.read_text())


def write_report(out: Path, results: dict[str, dict[str, float]], *, articles: int, words: int, runs: int) -> None:
    base = results["spaCy parse alone (baseline)"]["median_s"]
    lines = [
        "# Performance", "",
        f"Measured by `python bench/bench_extract.py` on {dt.date.today()} ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}). Do not edit by hand: rerun the benchmark.", "",
        f"## extract over ECB+ ({articles} real articles, {words / articles:.0f} words each on average)", "",
        f"Each figure is the median of {runs} runs, each a fresh process (model and gazetteer loading included).", "",
        "| run | median s | articles/s | ratio to baseline | peak RSS MB |",
        "|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(f"| {name} | {r['median_s']:.1f} | {articles / r['median_s']:.1f} | "
                     f"{r['median_s'] / base:.2f} | {r['peak_rss_mb']:.0f} |")
    lines += ["", "Targets (issue): at least 10 articles/s and at most 1.5 GB peak RSS on this 2-core machine.", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    marker = "\n## "
    kept = [part for part in previous.split(marker)[1:] if not part.startswith("extract over ECB+")]
    out.write_text("\n".join(lines) + "".join(marker + part for part in kept), encoding="utf-8")


if __name__ == "__main__":
    main()
