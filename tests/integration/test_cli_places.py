"""`newsevents places`: JSON Lines per mention; rejected inputs reported on stderr with a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import app

ARTICLE = ("Security forces were deployed in Almaty on Thursday after protests spread across Kazakhstan. "
           "Officials in the Aktobe region said several people had been detained, and flights to Nur-Sultan "
           "were cancelled for a second day.")
FIELDS = {"doc_id", "start", "end", "text", "name", "country", "admin1", "lat", "lon", "geonames_id", "feature",
          "precision", "confidence"}


def run(*args: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(app, ["places", *args])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, records, result.stderr


def test_prints_one_record_per_mention(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, records, _ = run(str(path))
    assert code == 0
    assert all(set(r) == FIELDS for r in records)
    assert [r["text"] for r in records] == ["Almaty", "Kazakhstan", "Aktobe region", "Nur-Sultan"]
    assert all(ARTICLE[r["start"]:r["end"]] == r["text"] for r in records)
    nur_sultan = records[-1]
    assert (nur_sultan["name"], nur_sultan["country"], nur_sultan["precision"]) == ("Astana", "KZ", "town")
    assert records[2]["precision"] == "admin1" and records[1]["feature"] == "country"


def test_rejections_go_to_stderr_and_good_inputs_still_print(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, records, stderr = run(str(empty), str(good))
    assert code != 0
    assert records and {r["country"] for r in records} == {"KZ"}
    assert "empty.txt" in stderr and len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


def test_naive_geocoder_option(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, records, _ = run("--geocoder", "naive", str(path))
    assert code == 0 and records


def test_unknown_geocoder_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, records, stderr = run("--geocoder", "magic", str(path))
    assert code == 3 and not records and "magic" in stderr and "Traceback" not in stderr
