"""The ``dates`` suite: temporal expressions on WikiWars (Mazur and Dale), TIMEX2 inline.

22 Wikipedia articles on wars; ``<DATETIME>`` gives the document time, used as the reference ("publication")
date for both systems: ours (``RuleTimeFinder``) and the baseline (dateparser's ``search_dates`` alone).

Scoring:
- spans: a prediction matches a gold expression when their spans overlap (one to one, greedy in text order);
  span precision/recall/F1 over all outermost gold TIMEX2 (nested ones are parts of their parent);
- values: over matched pairs whose gold has a ``val``, ``value_accuracy`` = share with an equal value;
  end to end, ``value_f1`` from correct values over predictions (precision) and over gold with a value (recall).
- equal values: exact TIMEX strings, with clock times compared to the minute ("T17:00:00" = "T17:00"); sets
  (TIMEX2 ``set="YES"``) compared by their period ("daily" = "every day" = P1D = XXXX-XX-XX); ``mod``, anchors
  and comments are ignored. A range of ours ("1939/1945") is scored as its two ends, split at the connector,
  because TIMEX2 marks "1939-1945" as two expressions.

WikiWars is history, not news: most year-less dates there are placed by the narrative, not by the document time.
So the report also carries a news check (a table, not gated): on the acled-style dev texts, the share of gold
event dates that a DATE/TIME mention in the sentence of the event's evidence covers, publication date given.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsevents.errors import DataError
from newsevents.evaluation.base import Anchor, SuiteReport, Table, checksum_files
from newsevents.model import TimeMention
from newsevents.settings import Settings
from newsevents.temporal import make_time_finder
from newsevents.temporal.finder import TimeFinder

NAME = "dates"
RELATIVE_DIR = Path("dev") / "wikiwars"
NEWS_PATH = Path("dev") / "acled-style" / "dev.jsonl"  # news-style texts: a check of publication-relative dates
SYSTEMS = ("ours", "dateparser")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on first use: TIMEX2 tags, their attributes, and the connector inside a range of ours."""
    return {
        "tag": re.compile(r"<(/?)TIMEX2([^>]*)>"),
        "attribute": re.compile(r'(\w+)="([^"]*)"'),
        "connector": re.compile(r"\s*(?:-|–|—|/)\s*|\s+(?:to|until|till|through|and|or)\s+"),
        "body": re.compile(r"<TEXT>(.*)</TEXT>", re.S),
        "stamp": re.compile(r'<DATETIME>.*?val="(\d{4}-\d{2}-\d{2})', re.S),
    }


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    value: str | None
    is_set: bool


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    reference: dt.date
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    value: str
    is_set: bool


@dataclass(slots=True)
class Counts:
    predicted: int = 0
    gold: int = 0
    gold_valued: int = 0
    predicted_valued: int = 0  # predictions not matched to a gold expression without a value
    matched: int = 0
    matched_valued: int = 0
    correct: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def strip_timex(body: str) -> tuple[str, tuple[GoldTimex, ...]]:
    """Text without tags, and the outermost TIMEX2 spans in it (entities unescaped, offsets kept right)."""
    pieces: list[str] = []
    length, stack, timexes = 0, [], []
    cursor = 0
    patterns = _patterns()
    for tag in patterns["tag"].finditer(body):
        piece = html.unescape(body[cursor:tag.start()])
        pieces.append(piece)
        length += len(piece)
        cursor = tag.end()
        if not tag.group(1):
            stack.append((length, dict(patterns["attribute"].findall(tag.group(2)))))
            continue
        start, attributes = stack.pop()
        if not stack:
            timexes.append(GoldTimex(start, length, attributes.get("val"), attributes.get("set") == "YES"))
    pieces.append(html.unescape(body[cursor:]))
    return "".join(pieces), tuple(sorted(timexes, key=lambda t: t.start))


def read_document(path: Path) -> GoldDocument:
    raw = path.read_text(encoding="utf-8")
    body, stamp = _patterns()["body"].search(raw), _patterns()["stamp"].search(raw)
    if body is None or stamp is None:
        raise DataError(f"{path} is not a WikiWars key file (no <TEXT> or <DATETIME>).",
                        hint="Point --data at the shared data directory holding dev/wikiwars/*.key.xml.")
    text, timexes = strip_timex(body.group(1))
    return GoldDocument(path.name.split(".")[0], text, dt.date.fromisoformat(stamp.group(1)), timexes)


def corpus_files(data_dir: Path) -> list[Path]:
    files = sorted((data_dir / RELATIVE_DIR).glob("*.key.xml"))
    if not files:
        raise DataError(f"No WikiWars files (*.key.xml) under {data_dir / RELATIVE_DIR}.",
                        hint="Point --data at the shared data directory (../shared/data from the project root).")
    return files


def split_range(mention: TimeMention) -> list[Predicted]:
    """A range of ours ("3-5 January", value a/b) as its two ends; anything else as itself."""
    is_set = mention.type == "SET"
    if "/" not in mention.value:
        return [Predicted(mention.start, mention.end, mention.value, is_set)]
    first_value, last_value = mention.value.split("/", 1)
    gap = _patterns()["connector"].search(mention.text)
    if gap is None:
        return [Predicted(mention.start, mention.end, first_value, is_set)]
    return [Predicted(mention.start, mention.start + gap.start(), first_value, is_set),
            Predicted(mention.start + gap.end(), mention.end, last_value, is_set)]


def set_key(value: str) -> str:
    """The period of a set: P1D / XXXX-XX-XX -> D, XXXX-WXX-5 -> W5, ...TNI -> NI."""
    if "T" in value and not value.startswith("P"):
        return value.split("T", 1)[1]
    if value.startswith("P"):
        return re.sub(r"^PT?1?", "", value)
    return {"XXXX-XX-XX": "D", "XXXX-WXX": "W", "XXXX-XX": "M", "XXXX": "Y"}.get(value, value.replace("XXXX-WXX-", "W"))


def normalise(value: str, is_set: bool) -> str:
    value = value.strip().upper()
    if is_set:
        return "SET:" + set_key(value)
    return re.sub(r"(T\d\d:\d\d):\d\d(\.\d+)?$", r"\1", value)


def score_document(gold: Sequence[GoldTimex], predicted: Sequence[Predicted]) -> Counts:
    counts = Counts(predicted=len(predicted), gold=len(gold), gold_valued=sum(g.value is not None for g in gold))
    used: set[int] = set()
    unvalued_matches = 0
    for g in gold:
        best = max((i for i, p in enumerate(predicted) if i not in used and p.start < g.end and g.start < p.end),
                   key=lambda i: min(predicted[i].end, g.end) - max(predicted[i].start, g.start), default=None)
        if best is None:
            continue
        used.add(best)
        counts.matched += 1
        if g.value is None:
            unvalued_matches += 1
            continue
        counts.matched_valued += 1
        p = predicted[best]
        counts.correct += normalise(p.value, p.is_set) == normalise(g.value, g.is_set)
    counts.predicted_valued = len(predicted) - unvalued_matches
    return counts


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def metrics(counts: Counts) -> dict[str, float]:
    span_p, span_r = ratio(counts.matched, counts.predicted), ratio(counts.matched, counts.gold)
    value_p, value_r = ratio(counts.correct, counts.predicted_valued), ratio(counts.correct, counts.gold_valued)
    return {
        "span_precision": span_p, "span_recall": span_r, "span_f1": f1(span_p, span_r),
        "value_accuracy": ratio(counts.correct, counts.matched_valued),
        "value_precision": value_p, "value_recall": value_r, "value_f1": f1(value_p, value_r),
    }


def evaluate(finder: TimeFinder, documents: Sequence[GoldDocument]) -> tuple[Counts, float]:
    total, started = Counts(), time.perf_counter()
    for document in documents:
        mentions = finder.find(document.text, document.reference)
        predicted = [piece for mention in mentions for piece in split_range(mention)]
        total.add(score_document(document.timexes, predicted))
    return total, time.perf_counter() - started


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A news-style text's gold event: its date (YYYY-MM-DD, YYYY-MM or YYYY) and where its evidence is."""

    text: str
    published: dt.date
    date: str
    evidence_start: int
    evidence_end: int


def read_dated_events(path: Path) -> list[DatedEvent]:
    """Gold events with a date and an evidence quote found in their text (acled-style dev set), each with the span
    of the evidence's sentence."""
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for event in record.get("events", ()):
            text = record["text"]
            start = text.find(event.get("evidence") or "\0")
            if event.get("date") and start >= 0:
                first, last = sentence_around(text, start, start + len(event["evidence"]))
                events.append(DatedEvent(text, dt.date.fromisoformat(record["published"]), event["date"], first, last))
    return events


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The evidence widened to its sentence(s): reports often put the date outside the quoted clause."""
    first = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    last = text.find(". ", end)
    return first, len(text) if last < 0 else last + 1


def dates_event(event: DatedEvent, mention: TimeMention) -> bool:
    """The mention lies in the evidence's sentence and its window holds the event's date (or its value starts
    with it)."""
    inside = mention.start < event.evidence_end and event.evidence_start < mention.end
    if mention.type not in ("DATE", "TIME") or not inside:
        return False
    if mention.value.startswith(event.date):
        return True
    first_day = dt.date.fromisoformat((event.date + "-01-01")[:10])
    return mention.window_start is not None and mention.window_end is not None and (
        mention.window_start <= first_day <= mention.window_end)


def news_check(finder: TimeFinder, events: Sequence[DatedEvent]) -> float:
    """Share of gold events whose date a time mention in their evidence covers, publication date given."""
    cache: dict[tuple[str, dt.date], list[TimeMention]] = {}
    hits = 0
    for event in events:
        key = (event.text, event.published)
        if key not in cache:
            cache[key] = finder.find(event.text, event.published)
        hits += any(dates_event(event, mention) for mention in cache[key])
    return ratio(hits, len(events))


def news_table(data_dir: Path, settings: Settings) -> tuple[Table, ...]:
    path = data_dir / NEWS_PATH
    if not path.is_file():
        return ()
    events = read_dated_events(path)
    rows = tuple((name, str(len(events)), f"{news_check(make_time_finder(settings, kind=kind), events):.3f}")
                 for name, kind in zip(SYSTEMS, ("rules", "dateparser"), strict=True))
    title = "News check (acled-style dev, not gated): gold event dates covered by a mention in the evidence's sentence"
    return (Table(title, ("system", "events", "covered"), rows),)


def run(data_dir: Path, settings: Settings, *, limit: int | None = None) -> SuiteReport:
    files = corpus_files(data_dir)[:limit]
    documents = [read_document(path) for path in files]
    words = sum(len(d.text.split()) for d in documents)
    systems, timings = {}, []
    for name, kind in zip(SYSTEMS, ("rules", "dateparser"), strict=True):
        counts, seconds = evaluate(make_time_finder(settings, kind=kind), documents)
        systems[name] = metrics(counts)
        timings.append((name, f"{seconds:.2f}", f"{1000 * seconds / max(words, 1) * 350:.1f}"))
    return SuiteReport(
        suite=NAME, ours="ours", systems=systems, data_checksum=checksum_files(*files),
        items=sum(len(d.timexes) for d in documents),
        anchors=(Anchor("HeidelTime", "value_f1", 0.78,
                        "TempEval-3 (UzZaman et al. 2013), task A value F1 of HeidelTime on the TempEval-3 test set: "
                        "news, TIMEX3; a different corpus and annotation scheme than WikiWars (TIMEX2)"),),
        tables=(Table("Speed (this run)", ("system", "seconds", "ms per 350 words"), tuple(timings)),
                *news_table(data_dir, settings)),
        notes=(f"{len(documents)} WikiWars documents, {words} words; document time used as publication date.",
               "WikiWars is history: year-less dates follow the narrative there, while ours is tuned for news "
               "(publication-relative); figures on news may differ.",
               "Ranges of ours are scored as their two ends; sets by their period; mod/anchor attributes ignored."),
        gated=("span_f1", "value_accuracy", "value_f1"),
    )
