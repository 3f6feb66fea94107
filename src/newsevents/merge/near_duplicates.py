"""Near-duplicate articles: syndicated or lightly edited copies linked to their original.

MinHash signatures over word shingles of the normalised text, candidates from an LSH index
(datasketch), then a decision on the estimated resemblance (Jaccard) or, for a copy wrapped in
extra text, the estimated containment of the shorter text in the longer. The original of a group is
the earliest published document, else the first seen; a copy never counts as a second source.

State is plain data (``IndexEntry``: signature bytes, shingle count, dates, links) so a store can keep
it and ``NearDuplicateIndex.restore`` rebuilds the index without the texts.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

METHOD = "minhash-lsh"
NUM_PERM = 128  # 128 permutations: standard error of the Jaccard estimate ~0.04 at J=0.5
SEED = 1  # fixed: signatures stored by one run must be comparable with the next
SCHEME = "affine32"  # datasketch 2.x permutation scheme, named so stored signatures stay comparable
SHINGLE_WORDS = 4  # word 4-grams (see calibration below)

# Calibration (`newsevents eval ecb`, table "near-duplicates": ECB+ articles of >= 100 words, variants we
# construct at run time from each: headline replaced, ~50 words of our own boilerplate added front and
# back, 2 sentences reworded (every 4th word dropped, a clause added), all three at once; negatives:
# every pair of articles about different events). With word 4-grams, articles about different events
# never exceed Jaccard 0.10 / containment 0.19, while copies with a new headline or boilerplate keep
# Jaccard >= 0.57. Between articles about the same event ECB+ holds a continuum: pairs at Jaccard 0.3-0.5
# or containment >= 0.5 that we read were all one wire story (AP) run by several outlets with other
# headlines, trimmed or extended; pairs of independently written reports stayed below containment 0.45.
# The thresholds below link those wire copies and keep independent reports apart. Measured with them:
# constructed copies found 1.000 (new headline), 1.000 (boilerplate), 0.999 (reworded), 0.951 (all three
# at once); 88 links between articles on one event, 0 between articles on different events.
JACCARD_THRESHOLD = 0.4
# A copy wrapped in extra text (page furniture, an added section) or trimmed to its first paragraphs has a
# low Jaccard but most of the shorter text is inside the longer. Only trusted for texts with enough
# shingles (a 10-word quote inside a long article is not a copy of it).
CONTAINMENT_THRESHOLD = 0.5
MIN_SHINGLES_FOR_CONTAINMENT = 40
# LSH candidate threshold, well below the decision thresholds: a containment of 0.5 between texts of
# 1:3 length is a Jaccard of ~0.15; candidates are then checked on their estimated Jaccard.
LSH_THRESHOLD = 0.15

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """``doc_id`` nearly duplicates ``original_id`` (the group's earliest document)."""

    doc_id: str
    original_id: str
    similarity: float  # estimated Jaccard resemblance (or containment when that decided it)
    method: str = METHOD


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One document's state in the index, as plain data (bytes, ints, dates, strings)."""

    doc_id: str
    signature: bytes  # NUM_PERM little-endian uint64 MinHash values
    shingles: int  # how many distinct shingles the text had
    seen: int  # 0, 1, 2... in the order documents were first added
    published: dt.date | None = None
    original_id: str | None = None  # None: this document is an original
    similarity: float = 1.0


def normalise_words(text: str) -> list[str]:
    """The text's words: Unicode-normalised (NFKC), case-folded, punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Distinct word ``size``-grams of the normalised text (the whole text when it is shorter)."""
    words = normalise_words(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature_of(grams: Iterable[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u8")
    if values.size != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, this one has {values.size}")
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values.astype(np.uint64), scheme=SCHEME)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller set inside the larger, from their Jaccard and sizes.

    |A ∩ B| = J · |A ∪ B| and |A ∪ B| = (|A| + |B|) / (1 + J)."""
    if min(size_a, size_b) == 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1.0 + jaccard) * min(size_a, size_b)))


def duplicate_score(jaccard: float, size_a: int, size_b: int) -> float | None:
    """The similarity that makes two texts near-duplicates, or None when they are not."""
    if jaccard >= JACCARD_THRESHOLD:
        return jaccard
    if min(size_a, size_b) >= MIN_SHINGLES_FOR_CONTAINMENT:
        share = containment(jaccard, size_a, size_b)
        if share >= CONTAINMENT_THRESHOLD:
            return share
    return None


@dataclass(slots=True)
class _Entry:
    minhash: MinHash
    shingles: int
    seen: int
    published: dt.date | None
    original_id: str | None = None
    similarity: float = 1.0

    def order(self) -> tuple[dt.date, int]:
        """Earliest published first; unknown dates after known ones; then first seen."""
        return (self.published or dt.date.max, self.seen)


@cache
def lsh_bands() -> tuple[int, int]:
    """datasketch's (bands, rows) for LSH_THRESHOLD, computed once (an integration taking ~40 ms)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class NearDuplicateIndex:
    """Documents seen so far; ``add`` tells whether a new text nearly duplicates one of them."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_bands())
        self._entries: dict[str, _Entry] = {}
        self._next_seen = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def add(self, doc_id: str, text: str, *, published: dt.date | None = None) -> str | None:
        """Index ``doc_id``; the id of its original when it nearly duplicates an earlier document, else None.

        If ``doc_id`` was published before the original it matches, it becomes the group's original
        (the others are re-linked to it) and None is returned. Adding a known id changes nothing."""
        if doc_id in self._entries:
            return self._entries[doc_id].original_id
        grams = shingles(text)
        entry = _Entry(signature_of(grams), len(grams), self._next_seen, published)
        self._next_seen += 1
        matches = self._matches(entry) if grams else {}
        self._entries[doc_id] = entry
        if grams:
            self._lsh.insert(doc_id, entry.minhash)
        if not matches:
            return None
        root_id = min(matches, key=lambda rid: (self._entries[rid].order(), rid))
        if entry.order() < self._entries[root_id].order():
            self._relink(root_id, doc_id)
            return None
        entry.original_id, entry.similarity = root_id, matches[root_id]
        return root_id

    def match(self, text: str, *, published: dt.date | None = None) -> DuplicateLink | None:
        """What ``add`` would link ``text`` to, without adding it (doc_id of the link is "")."""
        grams = shingles(text)
        if not grams:
            return None
        entry = _Entry(signature_of(grams), len(grams), self._next_seen, published)
        matches = self._matches(entry)
        if not matches:
            return None
        root_id = min(matches, key=lambda rid: (self._entries[rid].order(), rid))
        return DuplicateLink("", root_id, round(matches[root_id], 4))

    def _matches(self, entry: _Entry) -> dict[str, float]:
        """The roots of the groups the entry nearly duplicates, with the best score into each group."""
        found: dict[str, float] = {}
        for other_id in self._lsh.query(entry.minhash):
            other = self._entries[other_id]
            score = duplicate_score(entry.minhash.jaccard(other.minhash), entry.shingles, other.shingles)
            if score is None:
                continue
            root = other.original_id or other_id
            found[root] = max(score, found.get(root, 0.0))
        return found

    def _relink(self, old_root: str, new_root: str) -> None:
        new = self._entries[new_root]
        for member_id, member in self._entries.items():
            if member_id == old_root or member.original_id == old_root:
                member.original_id = new_root
                member.similarity = member.minhash.jaccard(new.minhash)

    def original_of(self, doc_id: str) -> str:
        """The original of ``doc_id``'s group (``doc_id`` itself when it is one); KeyError if unknown."""
        return self._entries[doc_id].original_id or doc_id

    def duplicates(self) -> dict[str, str]:
        """Every near-duplicate's id mapped to its original's id (the ``duplicates`` of ``merge_incidents``)."""
        return {doc_id: e.original_id for doc_id, e in self._entries.items() if e.original_id}

    def links(self) -> tuple[DuplicateLink, ...]:
        """The current links, in the order the duplicates were first seen."""
        ordered = sorted(self._entries.items(), key=lambda item: item[1].seen)
        return tuple(DuplicateLink(doc_id, e.original_id, round(e.similarity, 4))
                     for doc_id, e in ordered if e.original_id)

    def snapshot(self) -> tuple[IndexEntry, ...]:
        """The whole state as plain data, in the order documents were first seen."""
        ordered = sorted(self._entries.items(), key=lambda item: item[1].seen)
        return tuple(IndexEntry(doc_id, signature_bytes(e.minhash), e.shingles, e.seen, e.published,
                                e.original_id, e.similarity) for doc_id, e in ordered)

    @classmethod
    def restore(cls, entries: Iterable[IndexEntry]) -> "NearDuplicateIndex":
        """An index in the state ``snapshot`` described (ValueError on a malformed signature)."""
        index = cls()
        for item in sorted(entries, key=lambda e: e.seen):
            entry = _Entry(signature_from_bytes(item.signature), item.shingles, item.seen, item.published,
                           item.original_id, item.similarity)
            index._entries[item.doc_id] = entry
            if item.shingles:
                index._lsh.insert(item.doc_id, entry.minhash)
            index._next_seen = max(index._next_seen, item.seen + 1)
        return index
