"""The `dates` suite: its scorer on hand-made snippets, and ours against dateparser on WikiWars."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.evaluation.base import SuiteReport
from newsevents.evaluation.dates_suite import (
    GoldTimex,
    Predicted,
    metrics,
    news_check,
    normalise,
    read_dated_events,
    score_document,
    split_range,
    strip_timex,
)
from newsevents.model import TimeMention
from newsevents.temporal import make_time_finder


def test_strip_timex_keeps_offsets_and_outermost_values() -> None:
    body = ('Rain fell on <TIMEX2 val="2020-05-02">2 May <TIMEX2 val="2020">2020</TIMEX2></TIMEX2> &amp; '
            'again <TIMEX2 val="P1D" set="YES">daily</TIMEX2>, <TIMEX2>this period</TIMEX2>.')
    text, timexes = strip_timex(body)
    assert text == "Rain fell on 2 May 2020 & again daily, this period."
    assert [(text[t.start:t.end], t.value, t.is_set) for t in timexes] == [
        ("2 May 2020", "2020-05-02", False), ("daily", "P1D", True), ("this period", None, False)]


def test_values_compare_sensibly() -> None:
    assert normalise("2009-12-19T17:00:00", False) == normalise("2009-12-19T17:00", False)
    assert normalise("XXXX-XX-XX", True) == normalise("P1D", True)
    assert normalise("XXXX-WXX-5", True) == normalise("xxxx-wxx-5", True)
    assert normalise("1939-09", False) != normalise("1939-09-01", False)


def test_a_range_is_scored_as_its_two_ends() -> None:
    text = "from 1915-1917 on"
    mention = TimeMention(5, 14, text[5:14], "1915/1917", "DATE", "year", dt.date(1915, 1, 1), dt.date(1917, 12, 31))
    assert split_range(mention) == [Predicted(5, 9, "1915", False), Predicted(10, 14, "1917", False)]


def test_score_counts_spans_and_values() -> None:
    gold = [GoldTimex(0, 4, "1939", False), GoldTimex(10, 15, "1940-04", False), GoldTimex(20, 25, None, False)]
    predicted = [Predicted(0, 4, "1939", False), Predicted(11, 15, "2009-04", False), Predicted(30, 33, "P1D", False)]
    figures = metrics(score_document(gold, predicted))
    assert figures["span_precision"] == pytest.approx(2 / 3) and figures["span_recall"] == pytest.approx(2 / 3)
    assert figures["value_accuracy"] == pytest.approx(1 / 2)
    assert figures["value_precision"] == pytest.approx(1 / 3) and figures["value_recall"] == pytest.approx(1 / 2)


def test_news_check_looks_for_the_date_in_the_evidence_sentence(tmp_path: Path) -> None:
    record = {"id": "n1", "published": "2022-01-13",
              "text": "The union said on Wednesday that dockers stopped work at the port. Talks resume next week.",
              "events": [{"date": "2022-01-12", "evidence": "dockers stopped work at the port"},
                         {"date": "2022-01-20", "evidence": "Talks resume"}, {"date": None, "evidence": "union"}]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    events = read_dated_events(path)
    assert [e.date for e in events] == ["2022-01-12", "2022-01-20"]
    assert news_check(make_time_finder(None), events) == pytest.approx(1.0)


@pytest.mark.slow
def test_ours_beats_dateparser_on_wikiwars(suite_report: Callable[[str], SuiteReport]) -> None:
    report = suite_report("dates")
    ours, baseline = report.systems["ours"], report.systems["dateparser"]
    assert set(report.gated) == {"span_f1", "value_accuracy", "value_f1"}
    assert report.items > 2000
    for metric in ("span_f1", "value_accuracy", "value_f1"):
        assert ours[metric] > baseline[metric], metric
    news = next(t for t in report.tables if t.title.startswith("News check"))
    covered = {row[0]: float(row[2]) for row in news.rows}
    assert covered["ours"] > covered["dateparser"]
