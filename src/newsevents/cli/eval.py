"""`newsevents eval SUITE`: measure, show the figures, check or re-pin the gate, write docs/quality.md."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsevents.cli import app
from newsevents.cli.common import guarded
from newsevents.errors import ConfigError, NewsEventsError
from newsevents.evaluation.gate import DEFAULT_FLOORS, Finding, GateFailure, SuiteFloors, check, load_floors, repin, save_floors
from newsevents.evaluation.report import quality_markdown, summary_table, to_json
from newsevents.evaluation.runner import ALL, SUITES, SuiteRun, resolve_data_dir, run_suites, suite_names
from newsevents.settings import Settings

DEFAULT_DOCS = Path("docs") / "quality.md"
SUMMARY_WIDTH = 120  # columns of the summary when printed to a file or pipe


class SuitesFailed(NewsEventsError):
    """A suite of a multi-suite run failed or crashed (the others were still measured and shown)."""


@app.command("eval")
@guarded
def eval_command(
    suite: Annotated[str, typer.Argument(help=f"One of: {', '.join((*SUITES, ALL))}.")],
    data: Annotated[Path | None, typer.Option("--data", metavar="DIR",
                                              help="The shared data directory (default: ../shared/data).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N items.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
    gate: Annotated[bool, typer.Option("--check", help="Exit 5 when a figure is below its pinned floor.")] = False,
    update_floors: Annotated[bool, typer.Option("--update-floors", help="Raise the pinned floors to the measured figures.")] = False,
    allow_lower: Annotated[bool, typer.Option("--allow-lower", help="With --update-floors: let floors drop (deliberately).")] = False,
    write_docs: Annotated[bool, typer.Option("--write-docs", help="Write docs/quality.md (suite 'all' only).")] = False,
    floors_path: Annotated[Path, typer.Option("--floors", help="The pinned floors file.")] = DEFAULT_FLOORS,
    docs_path: Annotated[Path, typer.Option("--docs", help="Where --write-docs writes.")] = DEFAULT_DOCS,
    extractor: Annotated[str | None, typer.Option("--extractor", help="hybrid | rules (default: the settings default).")] = None,
) -> None:
    """Run evaluation suites over the shared data: ours and the baselines, measured in the same run."""
    names = suite_names(suite)
    _check_options(suite, limit=limit, update_floors=update_floors, allow_lower=allow_lower, write_docs=write_docs)
    data_dir = resolve_data_dir(data)
    settings = Settings() if extractor is None else Settings().with_(extractor=extractor)
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    runs, problems = run_suites(names, data_dir, settings, limit=limit, keep_going=suite == ALL)
    for problem in problems:
        err.print(f"newsevents: {problem.message}", markup=False)
    failed = [p.suite for p in problems if not p.unavailable]
    floors = load_floors(floors_path)
    if update_floors and not failed:
        _update(runs, floors, floors_path, allow_lower=allow_lower, console=err)
    findings = [f for run in runs for f in check(run.report, floors.get(run.report.suite))]
    if as_json:
        typer.echo(json.dumps(to_json(runs, findings), indent=2, ensure_ascii=False))
    else:
        _show(runs, findings, floors)
    if failed:
        raise SuitesFailed(f"{len(failed)} suite(s) failed: {', '.join(failed)} (run each alone to see why).",
                           hint="docs/quality.md and the floors were left unchanged." if write_docs or update_floors else None)
    if write_docs:
        command = "newsevents eval all --write-docs" + (f" --data {data}" if data is not None else "")
        _write_docs(docs_path, quality_markdown(runs, floors, command=command, date=dt.date.today(),
                                                unavailable=[p.suite for p in problems]), console=err)
    if gate and findings:
        raise GateFailure(f"the quality gate failed: {len(findings)} finding(s); first: {findings[0].message}")


def _check_options(suite: str, *, limit: int | None, update_floors: bool, allow_lower: bool, write_docs: bool) -> None:
    if limit is not None and (update_floors or write_docs):
        raise ConfigError("--limit measures part of a data set; floors and docs/quality.md need whole ones.",
                          hint="Drop --limit.")
    if allow_lower and not update_floors:
        raise ConfigError("--allow-lower only makes sense with --update-floors.", hint="Add --update-floors.")
    if write_docs and suite != ALL:
        raise ConfigError("--write-docs writes every suite's section.", hint="Run `newsevents eval all --write-docs`.")


def _update(runs: list[SuiteRun], floors: dict[str, SuiteFloors], path: Path, *, allow_lower: bool,
            console: Console) -> None:
    for run in runs:
        floors[run.report.suite], changes = repin(run.report, floors.get(run.report.suite), allow_lower=allow_lower)
        for c in changes:
            old = "unpinned" if c.old is None else f"{c.old:.4f}"
            if c.loosened:
                console.print(f"[bold red]LOWERED[/bold red] {c.suite}.{c.metric}: {old} -> {c.new:.4f} (--allow-lower)")
            else:
                console.print(f"pinned {c.suite}.{c.metric}: {old} -> {c.new:.4f}")
    save_floors(path, floors)
    console.print(f"wrote {path}")


def _write_docs(path: Path, text: str, *, console: Console) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    console.print(f"wrote {path}")


def _show(runs: list[SuiteRun], findings: list[Finding], floors: dict[str, SuiteFloors]) -> None:
    console = Console()
    if not console.is_terminal:
        console = Console(width=SUMMARY_WIDTH)
    console.print(summary_table(runs, findings, floors))
    for finding in findings:
        console.print(f"[red]gate:[/red] {finding.message}", highlight=False, soft_wrap=True)
    if not findings and runs:
        console.print("[green]gate: every pinned figure holds.[/green]")
