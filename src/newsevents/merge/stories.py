"""Document similarity and story clustering: which articles report the same real-world event.

Three views of each document, each a TF-IDF space fitted on the collection being compared:
  content  - content words (English stop words and web tokens such as "http", "www" dropped);
  names    - capitalised name sequences (people, places, organisations), whole and word by word;
  details  - weekday names and numbers (counts, scores, magnitudes, times), the details that differ
             between two events of the same kind;
plus a penalty when both documents name years and share none (an event of 2008 is not one of 2013).
Names come from capitalisation rather than spaCy NER: on ECB+ they separate events as well as spaCy's
entities did (B-cubed F1 within 0.01) at a fraction of the time (no model run over the corpus).

``DocumentSimilarity`` is the signal; ``cluster_stories`` groups documents by average linkage on it.
The incident merger can take the same signal (``DocumentSimilarity.score``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from newsevents.merge.linkage import average_linkage
from newsevents.model import Document

# Weights of the three views and the year penalty. Calibrated on ECB+ (982 articles, 86 events, the
# whole corpus clustered at once; `newsevents eval ecb`): over a grid of content 0.35-0.45, details
# 0.15-0.3, penalty 0.1-0.3 and link threshold 0.175-0.225, B-cubed F1 stayed within 0.90-0.93, so round
# values in the middle were taken rather than the grid's best.
CONTENT_WEIGHT = 0.4
NAMES_WEIGHT = 0.4
DETAILS_WEIGHT = 0.2
YEAR_CONFLICT_PENALTY = 0.2
# Average-linkage threshold on the combined similarity. Lower links more (fewer, larger stories, more
# pairs of different events merged). On ECB+ (the suite's "threshold sweep" table): 0.15 -> B-cubed F1
# 0.902, 11 topics with both events merged; 0.2 -> F1 0.921, ARI 0.902, 5 merged; 0.25 -> F1 0.874,
# 0 merged but stories split (recall 0.785). 0.2 has the best F1/ARI, but 0.25 is the default:
STORY_THRESHOLD = 0.25  # the lowest value that merged no two events of one topic: merging two events is
# worse for an analyst than splitting one story into two clusters (which review can join)

_WEB_WORDS = frozenset({
    "http", "https", "www", "com", "org", "net", "html", "htm", "shtml", "php", "aspx", "asp", "jsp",
    "cms", "ece", "index", "print", "co", "uk",
})
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | _WEB_WORDS)
CONTENT_TOKEN = r"(?u)\b[^\W\d_]{2,}\b"  # words of 2+ letters, no digits
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_NOT_NAMES = frozenset(w.capitalize() for w in (*ENGLISH_STOP_WORDS, *_WEEKDAYS, *_MONTHS, *_WEB_WORDS)) | {
    "Mr", "Mrs", "Ms", "Dr", "It's", "I'm"}
_NAME_RUN = re.compile(r"\b[A-Z][\w'’\-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w'’\-]*)*")
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+|\n+")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def document_text(document: Document) -> str:
    return f"{document.title}\n{document.text}" if document.title else document.text


def name_tokens(text: str) -> list[str]:
    """Capitalised name runs ("Red Sox", "Mark Teixeira" -> red_sox, mark_teixeira, mark, teixeira);
    a lone capitalised word opening a sentence is skipped (it is capitalised for position, not as a name)."""
    tokens: list[str] = []
    for sentence in _SENTENCE.split(text):
        for match in _NAME_RUN.finditer(sentence):
            words = [w.rstrip("'’") for w in match.group().split() if w not in _NOT_NAMES]
            words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
            words = [w.lower() for w in words if w and w.lower() not in ("of", "de")]
            if not words or (match.start() == 0 and len(match.group().split()) == 1):
                continue
            tokens.append("_".join(words))
            if len(words) > 1:
                tokens.extend(w for w in words if len(w) > 2)
    return tokens


def detail_tokens(text: str) -> list[str]:
    """Weekday names and numbers other than years (years are compared apart, see ``years``)."""
    days = [d.lower() for d in _WEEKDAY.findall(text)]
    return days + [n for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n)]


def years(text: str) -> frozenset[str]:
    return frozenset(_YEAR.findall(text))


def content_similarity(texts: Sequence[str]) -> np.ndarray:
    """Cosine of content-word TF-IDF vectors alone (the content view; the baseline of the ecb suite)."""
    return tfidf_cosine(texts, stop_words=STOP_WORDS, token_pattern=CONTENT_TOKEN)


def tfidf_cosine(documents: Sequence[str], **options: object) -> np.ndarray:
    """Pairwise cosine of sublinear TF-IDF vectors; zeros when the collection has no usable term."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, **options)
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # empty vocabulary: no document has a term of this view
        return np.zeros((len(documents), len(documents)))
    return (matrix @ matrix.T).toarray()


@dataclass(frozen=True, slots=True)
class DocumentSimilarity:
    """Pairwise similarity of a collection of documents (ids in canonical order, sorted)."""

    ids: tuple[str, ...]
    matrix: np.ndarray  # symmetric, in [0, 1], 1 on the diagonal
    positions: Mapping[str, int]  # id -> row

    @classmethod
    def fit(cls, documents: Sequence[Document]) -> "DocumentSimilarity":
        """Fit the three views on ``documents`` (duplicate ids keep the first) and combine them."""
        unique = {d.id: d for d in reversed(documents)}
        ordered = [unique[i] for i in sorted(unique)]
        texts = [document_text(d) for d in ordered]
        content = content_similarity(texts)
        names = tfidf_cosine([" ".join(name_tokens(t)) for t in texts], token_pattern=r"\S+", lowercase=False)
        details = tfidf_cosine([" ".join(detail_tokens(t)) for t in texts], token_pattern=r"\S+")
        year_sets = [years(t) for t in texts]
        conflict = np.array([[bool(a and b and not a & b) for b in year_sets] for a in year_sets], float)
        combined = (CONTENT_WEIGHT * content + NAMES_WEIGHT * names + DETAILS_WEIGHT * details
                    - YEAR_CONFLICT_PENALTY * conflict)
        combined = np.clip(combined, 0.0, 1.0)
        np.fill_diagonal(combined, 1.0)
        ids = tuple(d.id for d in ordered)
        return cls(ids, combined, MappingProxyType({doc_id: i for i, doc_id in enumerate(ids)}))

    def score(self, a: str, b: str) -> float:
        """Similarity of two documents of the collection; 0 when either is not in it."""
        i, j = self.positions.get(a), self.positions.get(b)
        if i is None or j is None:
            return 0.0
        return float(self.matrix[i, j])


@dataclass(frozen=True, slots=True)
class Story:
    """Documents that report the same real-world event."""

    id: str  # the first document id of the story (ids sorted)
    doc_ids: tuple[str, ...]


def cluster_stories(documents: Sequence[Document], *, threshold: float = STORY_THRESHOLD,
                    similarity: DocumentSimilarity | None = None) -> list[Story]:
    """Group documents into stories (order-independent: depends only on the set of documents)."""
    sim = similarity or DocumentSimilarity.fit(documents)
    clusters = average_linkage(sim.matrix, threshold)
    return [Story(sim.ids[c[0]], tuple(sim.ids[i] for i in c)) for c in clusters]
