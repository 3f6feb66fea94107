"""Load benchmark of the web app: the event list and the dashboard data endpoints over the ECB+ corpus.

    python bench/bench_web.py [--db sqlite:///ecb.db] [--data ../shared/data] [--seconds 60] [--runs 3]
                              [--out docs/performance.md]

Starts ``newsevents serve`` on 127.0.0.1 (loopback only) over a store holding the seed article and the
ECB+ corpus (built with ``newsevents ingest`` when --db does not exist yet), then loads each endpoint
for --seconds with a fixed number of concurrent connections: ``wrk`` (Debian) when installed, else an
asyncio httpx client. Reports the median over --runs of requests/s and p50/p99 latency, counts errors
(non-2xx and socket errors), and writes them to the ``## Web`` section of docs/performance.md
(only that section is replaced).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENDPOINTS = {"event list": "/api/events?limit=50", "dashboard data": "/api/dashboard",
             "event list, filtered": "/api/events?limit=50&country=US&min_confidence=0.3"}
CONNECTIONS = 16
TARGET_RPS = 200


@dataclass(frozen=True)
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def newsevents(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsevents", *args]


def ensure_store(db: str, data: Path) -> None:
    path = Path(db.removeprefix("sqlite:///"))
    if path.exists():
        return
    sources = [str(data / "seed" / "csto-peacekeepers-kazakhstan.html"), str(data / "dev" / "ecbplus" / "ecbplus.jsonl")]
    print(f"building {db} from the seed article and ECB+ (a few minutes)...", file=sys.stderr)
    subprocess.run(newsevents("ingest", "--db", db, *sources), check=True)


def start_server(db: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen(newsevents("serve", "--db", db, "--port", str(port)), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server did not start: {server.stderr.read()}")
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not start within 120 s")


def _ms(value: str) -> float:
    found = re.match(r"([\d.]+)(us|ms|s|m)", value)
    if found is None:
        raise SystemExit(f"cannot read the latency {value!r} in wrk's output")
    number, unit = found.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(url: str, seconds: int) -> Run:
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    if "Latency Distribution" not in out or "Requests/sec" not in out:
        raise SystemExit(f"wrk gave no figures:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"99%\s+(\S+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(map(int, socket_errors.groups())) if socket_errors else 0
    return Run(rps, p50, p99, errors, requests)


async def _httpx_load(url: str, seconds: int) -> Run:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                response = await client.get(url)
                errors += response.status_code >= 400
            except httpx.HTTPError:
                errors += 1
            latencies.append((time.perf_counter() - start) * 1000)

    began = time.monotonic()
    async with httpx.AsyncClient(timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(CONNECTIONS)))
    elapsed = time.monotonic() - began
    quantiles = statistics.quantiles(latencies, n=100)
    return Run(len(latencies) / elapsed, quantiles[49], quantiles[98], errors, len(latencies))


def load(url: str, seconds: int) -> Run:
    return run_wrk(url, seconds) if shutil.which("wrk") else asyncio.run(_httpx_load(url, seconds))


def section(results: dict[str, list[Run]], seconds: int, runs: int, db: str, counts: str) -> str:
    tool = "wrk (2 threads)" if shutil.which("wrk") else "an asyncio httpx client"
    lines = ["## Web", "",
             f"`python bench/bench_web.py` — `newsevents serve` (one uvicorn process) over {counts}, loaded from "
             f"{tool} with {CONNECTIONS} connections on loopback for {seconds} s per endpoint; median of {runs} runs; "
             f"{os.cpu_count()} cores shared by server and load generator. Target: {TARGET_RPS} requests/s, no errors.",
             "", "| endpoint | path | requests/s | p50 ms | p99 ms | errors | requests |", "|---|---|---|---|---|---|---|"]
    for name, path in ENDPOINTS.items():
        chosen = results[name]
        median = lambda attr: statistics.median(getattr(r, attr) for r in chosen)  # noqa: E731
        lines.append(f"| {name} | `{path}` | {median('rps'):.0f} | {median('p50_ms'):.1f} | {median('p99_ms'):.1f} | "
                     f"{sum(r.errors for r in chosen)} | {sum(r.requests for r in chosen)} |")
    return "\n".join(lines) + "\n"


def write_section(out: Path, text: str) -> None:
    old = out.read_text(encoding="utf-8") if out.exists() else "# Performance\n"
    pattern = re.compile(r"^## Web\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    out.write_text(new, encoding="utf-8")


def store_counts(db: str) -> str:
    from newsevents.store import open_store

    with open_store(db) as store:
        c = store.counts()
    return f"{c.documents} articles, {c.events} events, {c.incidents} incidents"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=f"sqlite:///{ROOT / '.bench' / 'web-ecbplus.db'}")
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    Path(args.db.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    ensure_store(args.db, args.data)
    port = free_port()
    server = start_server(args.db, port)
    counts = store_counts(args.db)
    try:
        results: dict[str, list[Run]] = {name: [] for name in ENDPOINTS}
        for name, path in ENDPOINTS.items():
            load(f"http://127.0.0.1:{port}{path}", 3)  # warm-up: snapshot and caches built
            for i in range(args.runs):
                run = load(f"http://127.0.0.1:{port}{path}", args.seconds)
                results[name].append(run)
                print(f"{name} run {i + 1}: {run.rps:.0f} req/s, p50 {run.p50_ms:.1f} ms, p99 {run.p99_ms:.1f} ms, "
                      f"errors {run.errors}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = section(results, args.seconds, args.runs, args.db, counts)
    write_section(args.out, text)
    print(text)


if __name__ == "__main__":
    main()
