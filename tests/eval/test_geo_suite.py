"""The `geo` suite: its metrics on made-up data (fast) and a full GeoVirus run, ours against naive (slow)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.evaluation import geo_suite
from newsevents.evaluation.geo_suite import GoldArticle, GoldMention, auc, error_metrics, match_mentions, score
from newsevents.model import Place, PlaceMention
from newsevents.settings import Settings

DATA = Path(__file__).parents[2].parent / "shared" / "data"


def mention(start: int, end: int, lat: float, lon: float) -> PlaceMention:
    place = Place(name="X", country="KE", lat=lat, lon=lon, precision="town", feature="city")
    return PlaceMention(start, end, "x" * (end - start), place, 1.0)


def test_auc_follows_gritta() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([20039.0, 20039.0]) == pytest.approx(math.log(20040) / math.log(20039))
    # trapezoid over the sorted log errors: (log1p(0)/2 + log1p(100) + log1p(1000)/2) / 2 / log(20039)
    expected = (math.log1p(100) + math.log1p(1000) / 2) / (2 * math.log(20039))
    assert auc([1000.0, 0.0, 100.0]) == pytest.approx(expected)


def test_error_metrics() -> None:
    metrics = error_metrics([10.0, 100.0, 200.0, 5000.0])
    assert metrics["acc161"] == 0.5
    assert metrics["median_error_km"] == 150.0
    assert metrics["mean_error_km"] == pytest.approx(1327.5)


def test_spans_match_one_to_one_by_overlap() -> None:
    gold = [GoldMention(0, 5, "Paris", 0, 0), GoldMention(10, 15, "Texas", 0, 0)]
    predicted = [mention(0, 5, 0, 0), mention(1, 4, 0, 0), mention(20, 25, 0, 0)]
    assert match_mentions(gold, predicted) == [(0, 0)]


def test_score_recognition_and_resolution() -> None:
    gold = (GoldMention(0, 6, "Nakuru", -0.28, 36.07), GoldMention(20, 26, "Kisumu", -0.1, 34.75))
    article = GoldArticle("x" * 40, gold)
    predicted = [mention(0, 6, -0.28, 36.07), mention(30, 35, 0.0, 0.0)]
    metrics = score([article], [predicted])
    assert (metrics["recognition_precision"], metrics["recognition_recall"]) == (0.5, 0.5)
    assert metrics["acc161"] == 1.0 and metrics["acc161_e2e"] == 0.5
    assert metrics["median_error_km_e2e"] == pytest.approx(20039.0 / 2)


def test_missing_data_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        geo_suite.run(tmp_path, Settings())


@pytest.mark.skipif(not (DATA / geo_suite.RELATIVE_PATH).is_file(), reason=f"GeoVirus not found under {DATA}")
def test_reads_geovirus_offsets() -> None:
    articles = geo_suite.read_geovirus(DATA / geo_suite.RELATIVE_PATH)
    assert len(articles) == 229
    mentions = [(a.text, m) for a in articles for m in a.mentions]
    assert len(mentions) == 2170
    assert sum(text[m.start:m.end] == m.name for text, m in mentions) >= 2160


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / geo_suite.RELATIVE_PATH).is_file(), reason=f"GeoVirus not found under {DATA}")
def test_ours_beats_naive_on_geovirus() -> None:
    report = geo_suite.run(DATA, Settings())
    ours, naive = report.systems["ours"], report.systems["naive"]
    assert report.suite == "geo" and report.items == 2170 and report.gated == ("recognition_f1", "acc161")
    assert ours["recognition_f1"] == naive["recognition_f1"]  # same mention finder
    assert ours["recognition_f1"] > 0.85
    assert ours["acc161"] > naive["acc161"]
    assert ours["acc161_town"] > naive["acc161_town"]
    assert ours["auc"] < naive["auc"]
