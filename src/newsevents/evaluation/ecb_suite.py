"""The ``ecb`` suite: clustering ECB+ articles into stories (one real-world event each).

ECB+ (Cybulska and Vossen, CC BY 3.0): 982 articles in 43 topics, each topic two different events of the
same kind (``story`` "1-ecb" vs "1-ecbplus"). The whole corpus is clustered at once from the texts alone;
``topic`` and ``story`` are read only to score.

Metrics: B-cubed precision/recall/F1 and the adjusted Rand index of article -> story, ``clusters`` (how many
were made; 86 stories exist), ``topics_merged`` (topics whose two events' dominant clusters are one: the
two events were merged) and ``topics_cross_linked`` (topics with any cluster holding articles of both
events, a stricter count). Baselines in the same run: content TF-IDF cosine alone with the same linkage
and threshold, and "all-in-topic" (an oracle that puts each topic in one cluster: recall 1, the two
events always merged).

A second table measures the near-duplicate detector on the same corpus: variants we construct from each
article (new headline, our boilerplate around it, two sentences reworded, all three) must be linked to it;
articles about different events must never be linked; links between articles about the same event are
counted (ECB+ holds wire copies run by several outlets).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from newsevents.errors import DataError
from newsevents.evaluation.base import SuiteReport, Table, checksum_files, require
from newsevents.merge.linkage import average_linkage
from newsevents.merge.near_duplicates import NearDuplicateIndex, normalise_words
from newsevents.merge.stories import STORY_THRESHOLD, DocumentSimilarity, cluster_stories, content_similarity
from newsevents.model import Document
from newsevents.settings import Settings

NAME = "ecb"
DATA = Path("dev") / "ecbplus" / "ecbplus.jsonl"
GATED = ("bcubed_f1", "ari")
OURS = "newsevents stories"
TFIDF = "tf-idf cosine baseline"
ORACLE = "all-in-topic (oracle topics)"
SWEEP = (0.15, 0.175, STORY_THRESHOLD, 0.225, 0.25, 0.3)
MIN_WORDS_FOR_VARIANTS = 100  # constructed copies of very short articles are no longer copies

# Our own text, for the constructed near-duplicates (never text from the data).
_HEADLINE = "Officials give an update as the situation continues to develop"
_BOILER_BEFORE = ("Skip to main content. Menu. Home. World. Politics. Business. Sign up for our morning "
                  "briefing and get the stories that matter delivered to your inbox.")
_BOILER_AFTER = ("Share this story. Comments are closed. Read more: the week in pictures, our most popular "
                 "stories, and the latest from our reporters around the country. All rights reserved.")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    story: str
    topic: int
    text: str


def load_articles(path: Path, limit: int | None = None) -> list[Article]:
    require(path)
    articles = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                row = json.loads(line)
                articles.append(Article(str(row["id"]), str(row["story"]), int(row["topic"]), str(row["text"])))
            except (ValueError, KeyError, TypeError) as exc:
                raise DataError(f"{path}:{number} is not an ECB+ record ({exc}).",
                                hint="Restore the file from the shared data.") from exc
    return articles[:limit] if limit is not None else articles


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin) of a clustering against gold classes."""
    clusters: dict[str, set[int]] = defaultdict(set)
    classes: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold)):
        clusters[p].add(i)
        classes[g].add(i)
    precision = recall = 0.0
    for i, (p, g) in enumerate(zip(predicted, gold)):
        common = len(clusters[p] & classes[g])
        precision += common / len(clusters[p])
        recall += common / len(classes[g])
    n = max(len(gold), 1)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def merged_topics(predicted: Sequence[str], articles: Sequence[Article]) -> tuple[list[int], list[int]]:
    """Topics whose two events share their dominant cluster, and topics with any cluster holding both."""
    by_story: dict[str, Counter[str]] = defaultdict(Counter)
    for label, article in zip(predicted, articles):
        by_story[article.story][label] += 1
    stories_of: dict[int, set[str]] = defaultdict(set)
    for article in articles:
        stories_of[article.topic].add(article.story)
    merged, crossed = [], []
    for topic, stories in sorted(stories_of.items()):
        if len(stories) != 2:
            continue
        a, b = (by_story[s] for s in sorted(stories))
        if a.most_common(1)[0][0] == b.most_common(1)[0][0]:
            merged.append(topic)
        if set(a) & set(b):
            crossed.append(topic)
    return merged, crossed


def score(predicted: Sequence[str], articles: Sequence[Article]) -> dict[str, float]:
    gold = [a.story for a in articles]
    precision, recall, f1 = bcubed(predicted, gold)
    merged, crossed = merged_topics(predicted, articles)
    return {"bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4), "bcubed_f1": round(f1, 4),
            "ari": round(float(adjusted_rand_score(gold, predicted)), 4), "clusters": float(len(set(predicted))),
            "topics_merged": float(len(merged)), "topics_cross_linked": float(len(crossed))}


def ours(documents: Sequence[Document], similarity: DocumentSimilarity | None = None,
         threshold: float = STORY_THRESHOLD) -> dict[str, str]:
    stories = cluster_stories(documents, similarity=similarity, threshold=threshold)
    return {doc_id: story.id for story in stories for doc_id in story.doc_ids}


def threshold_sweep(documents: Sequence[Document], articles: Sequence[Article]) -> Table:
    """Ours at other link thresholds: the trade-off between splitting stories and merging events."""
    similarity = DocumentSimilarity.fit(documents)
    rows = []
    for threshold in SWEEP:
        labels = ours(documents, similarity, threshold)
        m = score([labels[a.id] for a in articles], articles)
        rows.append((f"{threshold:.3f}" + (" (default)" if threshold == STORY_THRESHOLD else ""),
                     *(f"{m[k]:.3f}" for k in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "ari")),
                     *(f"{m[k]:.0f}" for k in ("clusters", "topics_merged", "topics_cross_linked"))))
    return Table("threshold sweep (ours)", ("threshold", "B3 P", "B3 R", "B3 F1", "ARI", "clusters",
                                            "topics merged", "topics cross-linked"), tuple(rows))


def tfidf_baseline(documents: Sequence[Document]) -> dict[str, str]:
    """Content-word TF-IDF cosine alone, the same average linkage and threshold as ours."""
    ordered = sorted(documents, key=lambda d: d.id)
    similarity = content_similarity([d.text for d in ordered])
    np.fill_diagonal(similarity, 1.0)
    clusters = average_linkage(similarity, STORY_THRESHOLD)
    return {ordered[i].id: ordered[c[0]].id for c in clusters for i in c}


def oracle_topics(articles: Sequence[Article]) -> dict[str, str]:
    return {a.id: f"topic-{a.topic}" for a in articles}


def _reword(sentence: str) -> str:
    """A light edit: every fourth word dropped and an attribution clause added."""
    words = sentence.split()
    return " ".join(w for i, w in enumerate(words) if i % 4 != 3) + ", officials said."


def variants(text: str) -> dict[str, str]:
    """Near-duplicates we make from an article: new headline, boilerplate, two sentences reworded, all."""
    lines = text.split("\n")
    body = "\n".join(lines[1:]) if len(lines) > 1 else text
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    edited = {1, len(sentences) - 1} if len(sentences) > 2 else {0}
    reworded = " ".join(_reword(s) if i in edited else s for i, s in enumerate(sentences))
    body_sentences = [s for s in _SENTENCE_END.split(body) if s.strip()]
    body_edited = {1, len(body_sentences) - 1} if len(body_sentences) > 2 else {0}
    everything = " ".join(_reword(s) if i in body_edited else s for i, s in enumerate(body_sentences))
    return {
        "new headline": f"{_HEADLINE}\n{body}",
        "boilerplate added": f"{_BOILER_BEFORE}\n{text}\n{_BOILER_AFTER}",
        "2 sentences reworded": reworded,
        "all three": f"{_BOILER_BEFORE}\n{_HEADLINE}\n{everything}\n{_BOILER_AFTER}",
    }


def near_duplicate_figures(articles: Sequence[Article]) -> tuple[dict[str, float], Table]:
    """Index every article (file order = first seen), then probe with constructed copies.

    A copy counts as found when it is linked to its article's group or to another copy of the same wire
    story (the earliest-seen group it matches wins, which may be a sibling group of the same story)."""
    index = NearDuplicateIndex()
    for article in articles:
        index.add(article.id, article.text)
    story = {a.id: a.story for a in articles}
    links = index.duplicates()
    cross = sum(story[d] != story[o] for d, o in links.items())
    found: Counter[str] = Counter()
    tried = 0
    for article in articles:
        if len(normalise_words(article.text)) < MIN_WORDS_FOR_VARIANTS:
            continue
        tried += 1
        for kind, text in variants(article.text).items():
            link = index.match(text)
            found[kind] += bool(link and story[link.original_id] == article.story)
    recall = {kind: found[kind] / tried if tried else 0.0 for kind in variants("a b. c d. e f.")}
    metrics = {"near_dup_links_same_event": float(len(links) - cross), "near_dup_links_other_event": float(cross),
               **{f"near_dup_recall_{k.replace(' ', '_')}": round(v, 4) for k, v in recall.items()}}
    rows = tuple((kind, str(tried), str(found[kind]), f"{recall[kind]:.3f}") for kind in recall)
    rows += (("links between articles on the same event", "", str(len(links) - cross), ""),
             ("links between articles on different events", "", str(cross), ""))
    table = Table("near-duplicates (constructed copies of articles >= 100 words; links in the corpus)",
                  ("variant", "articles", "linked to a copy of the same story", "recall"), rows)
    return metrics, table


def run(data_dir: Path, settings: Settings, *, limit: int | None = None) -> SuiteReport:
    path = data_dir / DATA
    articles = load_articles(path, limit)
    if not articles:
        raise DataError(f"{path} holds no articles.", hint="Restore the file from the shared data.")
    documents = [Document(id=a.id, text=a.text, source=f"{path}#{a.id}") for a in articles]
    labels = {OURS: ours(documents), TFIDF: tfidf_baseline(documents), ORACLE: oracle_topics(articles)}
    results = {name: score([found[a.id] for a in articles], articles) for name, found in labels.items()}
    merged, crossed = merged_topics([labels[OURS][a.id] for a in articles], articles)
    dup_metrics, dup_table = near_duplicate_figures(articles)
    summary = Table("story clustering", ("system", "B3 P", "B3 R", "B3 F1", "ARI", "clusters", "topics merged"),
                    tuple((name, *(f"{m[k]:.3f}" for k in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "ari")),
                           f"{m['clusters']:.0f}", f"{m['topics_merged']:.0f}") for name, m in results.items()))
    return SuiteReport(
        suite=NAME, ours=OURS, systems={**results, OURS: {**results[OURS], **dup_metrics}},
        data_checksum=checksum_files(path), items=len(articles),
        tables=(summary, threshold_sweep(documents, articles), dup_table),
        notes=(f"Topics whose two events we merged (dominant cluster shared): {merged or 'none'}; "
               f"with any shared cluster: {crossed or 'none'}.",
               "Ours and the tf-idf baseline use the same average linkage at similarity "
               f"{STORY_THRESHOLD}; the weights and threshold were calibrated on this corpus (see stories.py).",
               "In ECB+ every article of a topic's second event starts with its URL (and mostly a date line), none "
               "of the first event's do; web tokens (http, www, com...) are stop words so the layout is no label. "
               "Measured once with the URL lines removed: F1 0.920, ARI 0.901, 5 topics merged (unchanged)."),
        gated=GATED,
    )

