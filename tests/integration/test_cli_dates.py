"""`newsevents dates` end to end on files we write (own texts)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import app

ARTICLE = ("Hundreds of farmers blocked the northern highway on Wednesday to protest the price of fertiliser. "
           "Police said the blockade, which began on January 2, would be cleared by next week.")
UNDATED = ("Ferry services across the strait were suspended. This became known on Tuesday, January 11. "
           "Operators blamed strong winds and said crossings would resume when the storm passed.")

runner = CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_prints_one_json_line_per_expression(tmp_path: Path) -> None:
    path = write(tmp_path, "farmers.txt", ARTICLE)
    result = runner.invoke(app, ["dates", str(path), "--published", "2022-01-13"])
    assert result.exit_code == 0, result.output
    records = lines(result.stdout)
    assert [(r["text"], r["value"]) for r in records] == [
        ("Wednesday", "2022-01-12"), ("January 2", "2022-01-02"), ("next week", "2022-W03")]
    first = records[0]
    assert set(first) == {"doc_id", "start", "end", "text", "value", "type", "precision", "window_start", "window_end"}
    assert ARTICLE[first["start"]:first["end"]] == "Wednesday"
    assert (first["window_start"], first["window_end"]) == ("2022-01-12", "2022-01-12")


def test_infers_publication_from_the_text(tmp_path: Path) -> None:
    path = write(tmp_path, "ferry.txt", UNDATED)
    result = runner.invoke(app, ["dates", str(path), "--today", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[0]["value"] == "2022-01-11"


def test_without_any_date_relative_expressions_stay_unresolved(tmp_path: Path) -> None:
    path = write(tmp_path, "farmers.txt", ARTICLE)
    result = runner.invoke(app, ["dates", str(path)])
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[0]["value"] == "XXXX-WXX-3" and lines(result.stdout)[0]["window_start"] is None


def test_document_date_wins_over_the_option(tmp_path: Path) -> None:
    record = {"id": "farm-1", "text": ARTICLE, "published": "2022-01-20"}
    path = write(tmp_path, "batch.jsonl", json.dumps(record) + "\n")
    result = runner.invoke(app, ["dates", str(path), "--published", "2022-01-13"])
    assert result.exit_code == 0, result.output
    first = lines(result.stdout)[0]
    assert (first["doc_id"], first["value"]) == ("farm-1", "2022-01-19")


def test_rejections_go_to_stderr_and_good_inputs_still_print(tmp_path: Path) -> None:
    good = write(tmp_path, "farmers.txt", ARTICLE)
    empty = write(tmp_path, "empty.txt", "")
    result = runner.invoke(app, ["dates", str(empty), str(good), "--published", "2022-01-13"])
    assert result.exit_code == 2
    assert len(lines(result.stdout)) == 3
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("newsevents: rejected") and "empty.txt" in errors[0]


def test_bad_option_value_is_a_one_line_config_error(tmp_path: Path) -> None:
    path = write(tmp_path, "farmers.txt", ARTICLE)
    result = runner.invoke(app, ["dates", str(path), "--published", "13/01/2022"])
    assert result.exit_code == 3
    assert result.stderr.strip().startswith("newsevents: error: --published") and "\n" not in result.stderr.strip()
    assert "Traceback" not in result.output
