"""`newsevents eval` end to end on a tiny data directory of our own, with a stand-in pipeline."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.evaluation import runner, seed_suite
from newsevents.evaluation.baselines import KeywordExtractor
from newsevents.model import Document, Result

TEXT = ("Hundreds of nurses rallied outside the health ministry in Kampala on Monday, demanding unpaid "
        "allowances. Riot police later dispersed them with tear gas.")
HTML = (f"<html><head><title>Nurses rally</title></head><body><nav><a href='/'>Home</a> "
        f"<a href='/b'>Shilling steadies after a volatile week</a></nav><article><h1>Nurses rally</h1>"
        f"<p>{TEXT}</p></article><footer>All content copyright of the Lakeside Courier</footer></body></html>")
EXPECTED = {
    "places": {"Kampala": {"country": "UG", "lat": 0.3163, "lon": 32.5822}},
    "required": [{"id": "rally", "evidence": "nurses rallied outside the health ministry",
                  "sub_event_type": ["Peaceful protest", "Protest with intervention"], "location": ["Kampala"]}],
    "forbidden": [{"id": "no-boilerplate-events", "what": "nothing from navigation or footer"}],
}


class Silent:
    """A pipeline stand-in that finds nothing."""

    def process(self, document: Document) -> Result:
        return Result(document=document)


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seed = tmp_path / "data" / "seed"
    seed.mkdir(parents=True)
    (seed / "rally.txt").write_text(TEXT, encoding="utf-8")
    (seed / "rally.html").write_text(HTML, encoding="utf-8")
    (seed / "rally.expected.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    monkeypatch.setattr(seed_suite, "systems_for",
                        lambda settings: {"newsevents": Silent(), "keyword baseline": KeywordExtractor()})
    monkeypatch.setattr(runner, "SUITES", {"seed": runner.SUITES["seed"], "ghost": "newsevents.evaluation.ghost_suite"})
    return tmp_path / "data"


def invoke(*args: str):
    return CliRunner().invoke(app, ["eval", *args])


def test_missing_data_directory_is_one_line(tmp_path: Path) -> None:
    result = invoke("seed", "--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 3
    assert result.output.count("\n") == 1 and "does not exist" in result.output and "--data" in result.output


def test_unknown_suite_and_bad_option_mixes(data_dir: Path) -> None:
    assert invoke("nonsense", "--data", str(data_dir)).exit_code == 3
    assert invoke("seed", "--data", str(data_dir), "--write-docs").exit_code == 3
    assert invoke("seed", "--data", str(data_dir), "--limit", "1", "--update-floors").exit_code == 3
    assert "not available" in invoke("ghost", "--data", str(data_dir)).output


def test_pin_then_check(data_dir: Path, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    unpinned = invoke("seed", "--data", str(data_dir), "--floors", str(floors), "--check")
    assert unpinned.exit_code == 5 and "no floors are pinned" in unpinned.output
    pinned = invoke("seed", "--data", str(data_dir), "--floors", str(floors), "--update-floors")
    assert pinned.exit_code == 0, pinned.output
    stored = json.loads(floors.read_text())["suites"]["seed"]
    assert stored["metrics"]["required_recall_txt"] == {"value": 0.0, "better": "higher"}
    assert stored["metrics"]["forbidden_violations"]["better"] == "lower"
    assert invoke("seed", "--data", str(data_dir), "--floors", str(floors), "--check").exit_code == 0


def test_json_output(data_dir: Path, tmp_path: Path) -> None:
    result = invoke("seed", "--data", str(data_dir), "--floors", str(tmp_path / "f.json"), "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    (suite,) = report["suites"]
    assert suite["suite"] == "seed" and suite["systems"]["newsevents"]["required_recall_txt"] == 0.0
    assert suite["systems"]["keyword baseline"]["events_txt"] >= 1


def test_all_skips_unavailable_suites_and_writes_docs(data_dir: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "quality.md"
    result = invoke("all", "--data", str(data_dir), "--floors", str(tmp_path / "f.json"), "--write-docs",
                    "--docs", str(docs))
    assert result.exit_code == 0, result.output
    assert "suite ghost is not available" in result.output
    text = docs.read_text()
    assert text.startswith("# Quality") and "## seed" in text and "Not available in this run: ghost." in text
    assert "newsevents eval all --write-docs --data" in text
    assert "keyword baseline" in text
    assert "Shilling" not in text  # no page text in the report


def test_a_crashing_suite_does_not_stop_the_others(data_dir: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    boom = types.ModuleType("fake_boom_suite")
    boom.NAME = "boom"

    def run(data_dir, settings, *, limit=None):
        raise RuntimeError("kaput")

    boom.run = run
    monkeypatch.setitem(sys.modules, "fake_boom_suite", boom)
    monkeypatch.setitem(runner.SUITES, "boom", "fake_boom_suite")
    docs = tmp_path / "quality.md"
    result = invoke("all", "--data", str(data_dir), "--floors", str(tmp_path / "f.json"), "--write-docs",
                    "--docs", str(docs))
    assert result.exit_code == 1
    assert "suite boom failed: RuntimeError: kaput" in result.output
    assert "required_recall_txt" in result.output  # the seed suite was still measured and shown
    assert not docs.exists()
