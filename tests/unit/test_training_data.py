"""The classifier's training data is our own writing and never echoes the development set.

A sentence sharing three or more 6-word runs with a dev text is a near copy; generic newswire
phrases (one shared run) are allowed. Reads ../shared/data at test time; skips without it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
DEV = ROOT.parent / "shared" / "data" / "dev" / "acled-style" / "dev.jsonl"
TRAINING = ROOT / "training" / "data"
MAX_SHARED_RUNS = 2


def shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not DEV.exists(), reason="../shared/data is not beside the repository")
def test_no_training_sentence_is_a_near_copy_of_a_dev_text() -> None:
    dev = set().union(*(shingles(json.loads(line)["text"]) for line in DEV.open(encoding="utf-8")))
    copies = []
    for path in sorted(TRAINING.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            text = json.loads(line)["text"]
            if len(shingles(text) & dev) > MAX_SHARED_RUNS:
                copies.append(text)
    assert not copies, copies[:5]


def test_every_training_row_is_marked_synthetic() -> None:
    rows = [json.loads(line) for path in TRAINING.glob("*.jsonl") for line in path.open(encoding="utf-8")]
    assert rows and all(row.get("synthetic") is True for row in rows)
