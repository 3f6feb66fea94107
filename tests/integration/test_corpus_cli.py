"""`newsevents ingest`, `rejections`, `export` and `db` end to end (real reader, fake pipeline)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_support import BACKENDS, db_url, fake_process, write_corpus  # noqa: F401
from typer.testing import CliRunner

from newsevents.cli import app


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr("newsevents.cli.ingest.make_process", lambda settings: fake_process)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus.jsonl", 24, duplicates=3)


@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_twice_adds_nothing_the_second_time(db_url, corpus):
    first = run("ingest", str(corpus), "--db", db_url)
    assert first.exit_code == 0, first.stderr
    assert "read 27, new 24, duplicate 3, rejected 0, events 24" in first.stderr
    second = run("ingest", str(corpus), "--db", db_url)
    assert "read 27, new 0, duplicate 27, rejected 0, events 0" in second.stderr
    assert run("db", "upgrade", "--db", db_url).exit_code == 0
    info = run("db", "info", "--check", "--db", db_url)
    assert info.exit_code == 0 and "documents: 24" in info.stdout and "integrity: ok" in info.stdout


def test_rejected_inputs_are_listed_by_the_rejections_command(tmp_path, corpus):
    db = str(tmp_path / "news.db")
    (tmp_path / "blank.txt").write_text("   \n")
    broken = tmp_path / "broken.jsonl"
    text = "A rally in Lyon drew a crowd of students and teachers. " * 2
    broken.write_text(json.dumps({"id": 1, "text": text}) + "\n{oops\n")
    result = run("ingest", str(tmp_path / "blank.txt"), str(broken), "--db", db)
    assert result.exit_code == 0 and "new 1" in result.stderr and "rejected 2" in result.stderr
    assert "newsevents rejections" in result.stderr
    listed = run("rejections", "--db", db)
    lines = listed.stdout.splitlines()
    assert len(lines) == 2 and {line.split("\t")[1] for line in lines} == {"empty", "jsonl"}
    as_json = [json.loads(line) for line in run("rejections", "--db", db, "--json").stdout.splitlines()]
    assert {r["source"] for r in as_json} == {str(tmp_path / "blank.txt"), f"{broken}#L2"}


def test_a_limit_stops_the_run_early(tmp_path, corpus):
    result = run("ingest", str(corpus), "--db", str(tmp_path / "news.db"), "--limit", "5")
    assert "read 5, new 5" in result.stderr


def test_export_writes_each_format_with_filters(tmp_path, corpus):
    db = str(tmp_path / "news.db")
    run("ingest", str(corpus), "--db", db)
    out = run("export", "--db", db, "--format", "csv", "--country", "Kazakhstan")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and {r["country"] for r in rows} == {"Kazakhstan"} and {r["iso"] for r in rows} == {"398"}
    assert "exported" in out.stderr

    geojson = tmp_path / "events.geojson"
    assert run("export", "--db", db, "-f", "geojson", "-o", str(geojson), "--event-type", "Battles").exit_code == 0
    features = json.loads(geojson.read_text())["features"]
    assert features and {f["properties"]["event_type"] for f in features} == {"Battles"}

    jsonl = run("export", "--db", db, "--since", "2022-01-09", "--until", "2022-01-09",
                "--sub-event-type", "Arrests").stdout.splitlines()
    assert jsonl and {(json.loads(line)["date"], json.loads(line)["sub_event_type"]) for line in jsonl} == {
        ("2022-01-09", "Arrests")}

    parquet = tmp_path / "events.parquet"
    assert run("export", "--db", db, "-f", "parquet", "-o", str(parquet), "--min-confidence", "0.5").exit_code == 0
    assert parquet.stat().st_size > 0


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "last week"], "--since 'last week' is not a date"),
    (["--country", "Atlantis"], "--country 'Atlantis' is not a country"),
    (["--event-type", "Picnic"], "--event-type 'Picnic' is not in the taxonomy"),
    (["--format", "parquet"], "Give --out FILE.parquet"),
])
def test_bad_export_options_are_one_line_errors(tmp_path, args, message):
    result = run("export", "--db", str(tmp_path / "news.db"), *args)
    assert result.exit_code == 3 and message in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", [["ingest", "x.txt"], ["rejections"], ["export"], ["db", "info"]])
def test_an_unreachable_database_is_one_line_and_a_non_zero_exit(command):
    result = run(*command, "--db", "postgresql://postgres@127.0.0.1:1/test")
    assert result.exit_code == 3
    assert result.stderr.startswith("newsevents: error: cannot connect to postgresql://postgres@127.0.0.1:1/test")
    assert "sqlite:///path" in result.stderr and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


def test_the_database_comes_from_the_environment_when_not_given(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_DB", str(tmp_path / "env.db"))
    assert run("ingest", str(corpus)).exit_code == 0
    assert (tmp_path / "env.db").is_file()
    assert "documents: 24" in run("db", "info").stdout
