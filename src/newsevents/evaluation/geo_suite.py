"""The ``geo`` suite: place recognition and resolution on GeoVirus (Gritta et al.).

GeoVirus: 229 WikiNews articles on disease outbreaks with 2,170 gold place mentions (character offsets,
Wikipedia coordinates). Both systems use the same mention finder; they differ in the geocoder:
ours (context-aware ``gazetteer``) and the ``naive`` baseline (largest population for the name).

Metrics (standard for geoparsing, Gritta et al. 2018/2019):
- recognition precision/recall/F1: a predicted mention matches a gold one when their spans overlap (one to one);
- over matched mentions: accuracy within 161 km (100 miles), mean and median error in km, and AUC: the area
  under the curve of sorted log(1 + error km), by the trapezoidal rule, divided by log(20039) * (n - 1)
  (20,039 km is half the Earth's circumference; 0 is perfect, lower is better);
- end to end (``_e2e``): the same over every gold mention, a missed one counting as 20,039 km off;
- ``acc161_town``: acc161 over the matched mentions resolved to a town (``town_share`` of them). Countries and
  regions are scored against Wikipedia's coordinates for them, which often differ from the centroid we use
  (United States: 342 km), so a correct country can count as a miss; the town figure is free of that.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsevents.errors import DataError
from newsevents.evaluation.base import Anchor, SuiteReport, Table, checksum_files
from newsevents.model import PlaceMention
from newsevents.nlp import load_nlp
from newsevents.places.geoparse import Geoparser, make_geoparser
from newsevents.places.resolve import haversine_km, make_geocoder
from newsevents.settings import Settings

NAME = "geo"
ACC_KM = 161.0
MAX_ERROR_KM = 20039.0
RELATIVE_PATH = Path("dev") / "geovirus" / "GeoVirus.xml"
SYSTEMS = ("ours", "naive")


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    mentions: tuple[GoldMention, ...]


def find_data(data_dir: Path) -> Path:
    """GeoVirus.xml under ``data_dir`` (the shared data root, or the folder holding the file)."""
    for path in (data_dir / RELATIVE_PATH, data_dir / "geovirus" / "GeoVirus.xml", data_dir / "GeoVirus.xml"):
        if path.is_file():
            return path
    raise DataError(f"GeoVirus.xml not found under {data_dir}.",
                    hint=f"Point the evaluation at the shared data folder (it holds {RELATIVE_PATH}).")


def _gold_mention(text: str, node: ET.Element) -> GoldMention:
    """One gold location; GeoVirus' offsets are one past Python's (1-based), fixed by checking the text."""
    name = node.findtext("name") or ""
    start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
    for shift in (0, -1, 1):
        if text[start + shift:end + shift] == name:
            start, end = start + shift, end + shift
            break
    else:
        found = text.find(name, max(0, start - 20))
        start, end = (found, found + len(name)) if found >= 0 else (start, end)
    return GoldMention(start, end, name, float(node.findtext("lat") or 0), float(node.findtext("lon") or 0))


def read_geovirus(path: Path) -> list[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataError(f"Cannot read {path}: {exc}.", hint="Restore the file from the shared data.") from exc
    articles = []
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        mentions = tuple(_gold_mention(text, loc) for loc in node.iter("location"))
        articles.append(GoldArticle(text, mentions))
    return articles


def match_mentions(gold: Sequence[GoldMention], predicted: Sequence[PlaceMention]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs whose spans overlap, largest overlap first."""
    pairs = []
    for g, gm in enumerate(gold):
        for p, pm in enumerate(predicted):
            overlap = min(gm.end, pm.end) - max(gm.start, pm.start)
            if overlap > 0:
                pairs.append((overlap, g, p))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched = []
    for _, g, p in sorted(pairs, reverse=True):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            matched.append((g, p))
    return matched


def auc(errors: Sequence[float]) -> float:
    """Gritta et al.'s AUC: trapezoid area under sorted log(1 + error km), over log(20039) * (n - 1)."""
    if len(errors) < 2:
        return float(math.log1p(errors[0]) / math.log(MAX_ERROR_KM)) if errors else 0.0
    curve = np.log1p(np.sort(np.asarray(errors, dtype=float)))
    return float(np.trapezoid(curve) / (math.log(MAX_ERROR_KM) * (len(errors) - 1)))


def error_metrics(errors: Sequence[float], suffix: str = "") -> dict[str, float]:
    if not errors:
        return {f"acc161{suffix}": 0.0, f"mean_error_km{suffix}": 0.0, f"median_error_km{suffix}": 0.0,
                f"auc{suffix}": 0.0}
    return {
        f"acc161{suffix}": sum(e <= ACC_KM for e in errors) / len(errors),
        f"mean_error_km{suffix}": statistics.fmean(errors),
        f"median_error_km{suffix}": statistics.median(errors),
        f"auc{suffix}": auc(errors),
    }


def score(articles: Sequence[GoldArticle], predictions: Sequence[Sequence[PlaceMention]]) -> dict[str, float]:
    """Recognition and resolution metrics of one system's predictions (one list per article)."""
    matched_errors: list[float] = []
    town_errors: list[float] = []
    e2e_errors: list[float] = []
    n_gold = n_pred = 0
    for article, predicted in zip(articles, predictions):
        n_gold += len(article.mentions)
        n_pred += len(predicted)
        pairs = dict(match_mentions(article.mentions, predicted))
        for g, gold in enumerate(article.mentions):
            if g in pairs:
                place = predicted[pairs[g]].place
                error = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
                matched_errors.append(error)
                e2e_errors.append(error)
                if place.feature == "city":
                    town_errors.append(error)
            else:
                e2e_errors.append(MAX_ERROR_KM)
    precision = len(matched_errors) / n_pred if n_pred else 0.0
    recall = len(matched_errors) / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"recognition_precision": precision, "recognition_recall": recall, "recognition_f1": f1,
            "matched": float(len(matched_errors)), **error_metrics(matched_errors), **error_metrics(e2e_errors, "_e2e"),
            "acc161_town": error_metrics(town_errors)["acc161"],
            "town_share": len(town_errors) / max(1, len(matched_errors))}


def _predict(articles: Sequence[GoldArticle], parsers: dict[str, Geoparser],
             settings: Settings) -> dict[str, list[list[PlaceMention]]]:
    nlp = load_nlp(settings.spacy_model)
    predictions: dict[str, list[list[PlaceMention]]] = {name: [] for name in parsers}
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        for name, parser in parsers.items():
            predictions[name].append(parser.find(article.text, doc))
    return predictions


def run(data_dir: Path, settings: Settings, *, limit: int | None = None) -> SuiteReport:
    path = find_data(data_dir)
    articles = read_geovirus(path)[:limit]
    parsers = {"ours": make_geoparser(settings, make_geocoder("gazetteer", settings)),
               "naive": make_geoparser(settings, make_geocoder("naive", settings))}
    predictions = _predict(articles, parsers, settings)
    systems = {name: score(articles, predictions[name]) for name in SYSTEMS}
    metrics = ("recognition_precision", "recognition_recall", "recognition_f1", "acc161", "median_error_km",
               "auc", "acc161_e2e", "auc_e2e")
    table = Table(
        title="GeoVirus: recognition and resolution (acc161 and AUC over matched mentions; _e2e over all gold)",
        headers=("system", *metrics),
        rows=tuple((name, *(f"{systems[name][m]:.3f}" for m in metrics)) for name in SYSTEMS),
    )
    return SuiteReport(
        suite=NAME, ours="ours", systems=systems, data_checksum=checksum_files(path),
        items=sum(len(a.mentions) for a in articles), anchors=ANCHORS, tables=(table,),
        notes=("Both systems share the mention finder (spaCy NER + gazetteer phrase match); "
               "naive resolves each name to its most populous gazetteer entry.",
               "Mordecai 3's figures exclude the places its NER missed: compare them with our matched acc161."),
        gated=("recognition_f1", "acc161"),
    )


ANCHORS = (
    Anchor("Mordecai 3", "acc161", 0.83, "Halterman 2023, LGL (over places its NER found)"),
    Anchor("Mordecai 3", "acc161", 0.87, "Halterman 2023, TR-News (over places its NER found)"),
    Anchor("Mordecai 3", "acc161", 0.94, "Halterman 2023, GeoWebNews (over places its NER found)"),
)
