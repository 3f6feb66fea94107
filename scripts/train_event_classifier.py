"""Build newsevents' sentence classifier from the synthetic training data (deterministic).

    python scripts/train_event_classifier.py            # data + validation report + artefact
    python scripts/train_event_classifier.py --no-validation

Steps: compose the template sentences (training/synth, fixed seed) and write them to
training/data/generated.jsonl; read training/data/handwritten.jsonl; train on everything except
the held-out template families and half of the hand-written sentences, and measure on those;
fit one temperature per head on the held-out sentences; retrain on all data; write the artefact
to src/newsevents/data/models/event_classifier/. See training/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
DATA = TRAINING / "data"
if str(TRAINING) not in sys.path:
    sys.path.insert(0, str(TRAINING))
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from newsevents.events.classifier import (
    HEADS,
    NONE_LABEL,
    FeatureConfig,
    LinearHead,
    LinearSentenceClassifier,
    default_model_dir,
    featurize,
    make_vectorizers,
    save_classifier,
    softmax,
)
from newsevents.taxonomy import DISRUPTION_SUBTYPES, STATUSES, SUB_TO_TYPE

SEED = 13
# Inverse regularisation of the three heads, chosen on the held-out template families and the
# held-out hand-written half with C in (1, 4, 10, 30): sub-type accuracy 0.69/0.74/0.75/0.75 on the
# families; 10 and 30 tied within a point on every head, 10 kept (smaller weights).
C_BY_HEAD = {"labels": 10.0, "modality": 10.0, "status": 10.0}
MAX_ITER = 3000
# Weights with |w| below this are stored as zero (keeps the artefact small). Measured against no
# pruning: held-out family accuracy 0.747 vs 0.746, hand-written 0.747 vs 0.741 (one sentence).
PRUNE_BELOW = 0.05
TEMPERATURES = np.geomspace(0.25, 8.0, 61)
MODALITY_CLASSES = ("asserted", "attempted", "planned", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str
    modality: str | None
    status: str | None
    family: str
    frame: str
    source: str  # template | handwritten


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def to_example(row: dict[str, Any]) -> Example:
    if row["label"] != NONE_LABEL and row["label"] not in SUB_TO_TYPE:
        raise ValueError(f"label {row['label']!r} is not in the taxonomy")
    return Example(row["text"], row["label"], row.get("modality"), row.get("status"),
                   row.get("family", ""), row.get("frame", ""), row.get("source", "template"))


def generated_examples(seed: int) -> tuple[list[dict[str, Any]], Any]:
    """The composed template rows (as JSON dicts) and the held-out family split."""
    from synth.generate import all_specs, choose_split, generate_rows

    rows = generate_rows(seed)
    return [r.to_json() for r in rows], choose_split(all_specs(), seed)


# ---- training -------------------------------------------------------------------------------

def _fit_head(features: Any, targets: Sequence[str], classes: Sequence[str], c: float) -> LinearHead:
    model = LogisticRegression(C=c, max_iter=MAX_ITER, tol=1e-5)
    with threadpool_limits(1):  # one BLAS thread: same sums in the same order on every run, and faster here
        model.fit(features, list(targets))
    order = [list(model.classes_).index(name) for name in classes if name in model.classes_]
    coef = model.coef_[order].astype(np.float32)
    coef[np.abs(coef) < PRUNE_BELOW] = 0.0
    return LinearHead(tuple(model.classes_[order]), coef, model.intercept_[order].astype(np.float32))


def label_classes() -> tuple[str, ...]:
    return (*SUB_TO_TYPE.keys(), NONE_LABEL)


def train(examples: Sequence[Example], config: FeatureConfig) -> LinearSentenceClassifier:
    """Fit the vectorizers on all texts, then one head per task on the rows that carry its target."""
    texts = [e.text for e in examples]
    vectorizers = make_vectorizers(config)
    for vectorizer in vectorizers:
        vectorizer.fit(texts)
    features = featurize(vectorizers, texts)
    events = [i for i, e in enumerate(examples) if e.label != NONE_LABEL and e.modality]
    disrupt = [i for i, e in enumerate(examples) if e.status and SUB_TO_TYPE.get(e.label) == "Disruptions"]
    heads = {
        "labels": _fit_head(features, [e.label for e in examples], label_classes(), C_BY_HEAD["labels"]),
        "modality": _fit_head(features[events], [examples[i].modality for i in events], MODALITY_CLASSES,
                              C_BY_HEAD["modality"]),
        "status": _fit_head(features[disrupt], [examples[i].status for i in disrupt], STATUSES, C_BY_HEAD["status"]),
    }
    return LinearSentenceClassifier(vectorizers, heads)


def _targets(examples: Sequence[Example], head: str) -> tuple[list[int], list[str]]:
    if head == "labels":
        return list(range(len(examples))), [e.label for e in examples]
    if head == "modality":
        keep = [i for i, e in enumerate(examples) if e.label != NONE_LABEL and e.modality]
        return keep, [examples[i].modality or "" for i in keep]
    keep = [i for i, e in enumerate(examples) if e.status and e.label in DISRUPTION_SUBTYPES]
    return keep, [examples[i].status or "" for i in keep]


def fit_temperatures(model: LinearSentenceClassifier, examples: Sequence[Example]) -> dict[str, float]:
    """Per head, the temperature minimising the negative log-likelihood on held-out rows."""
    features = featurize(model.vectorizers, [e.text for e in examples])
    temps: dict[str, float] = {}
    for name, head in model.heads.items():
        keep, gold = _targets(examples, name)
        index = {c: i for i, c in enumerate(head.classes)}
        rows = [(k, index[g]) for k, g in zip(keep, gold) if g in index]
        if not rows:
            temps[name] = 1.0
            continue
        logits = head.logits(features[[k for k, _ in rows]])
        gold_idx = np.array([g for _, g in rows])
        nll = [-np.log(softmax(logits / t)[np.arange(len(rows)), gold_idx] + 1e-12).mean() for t in TEMPERATURES]
        temps[name] = round(float(TEMPERATURES[int(np.argmin(nll))]), 4)
    return temps


def with_temperatures(model: LinearSentenceClassifier, temps: dict[str, float]) -> LinearSentenceClassifier:
    heads = {n: LinearHead(h.classes, h.coef, h.intercept, temps.get(n, 1.0)) for n, h in model.heads.items()}
    return LinearSentenceClassifier(model.vectorizers, heads, model.info)


# ---- measurement ----------------------------------------------------------------------------

def evaluate(model: LinearSentenceClassifier, examples: Sequence[Example]) -> dict[str, Any]:
    """Accuracy and macro-F1 of the label head; accuracy of modality (event rows) and status."""
    if not examples:
        return {"n": 0}
    predictions = model.predict([e.text for e in examples])
    gold = [e.label for e in examples]
    guess = [p.labels[0][0] for p in predictions]
    report: dict[str, Any] = {
        "n": len(examples),
        "label_accuracy": round(accuracy_score(gold, guess), 4),
        "label_macro_f1": round(f1_score(gold, guess, average="macro", zero_division=0), 4),
        "label_top2": round(float(np.mean([g in [x for x, _ in p.labels[:2]] for g, p in zip(gold, predictions)])), 4),
    }
    for head in ("modality", "status"):
        keep, targets = _targets(examples, head)
        if keep:
            got = [getattr(predictions[i], head)[0][0] for i in keep]
            report[f"{head}_accuracy"] = round(accuracy_score(targets, got), 4)
            report[f"{head}_n"] = len(keep)
    return report


def split_handwritten(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """Alternate hand-written sentences of each label between training and validation."""
    seen: dict[str, int] = {}
    train_part, held = [], []
    for example in examples:
        n = seen.get(example.label, 0)
        seen[example.label] = n + 1
        (held if n % 2 else train_part).append(example)
    return train_part, held


def validate(templates: list[Example], split: Any, hand: list[Example], config: FeatureConfig) -> tuple[dict[str, Any], dict[str, float]]:
    hand_train, hand_held = split_handwritten(hand)
    held_rows = [e for e in templates if e.family in split.families or e.frame in split.frames]
    train_rows = [e for e in templates if not (e.family in split.families or e.frame in split.frames)]
    model = train(train_rows + hand_train, config)
    temps = fit_temperatures(model, held_rows + hand_held)
    report = {
        "held_out_families": sorted(split.families), "held_out_frames": sorted(split.frames),
        "train_rows": len(train_rows) + len(hand_train),
        "held_out_template_families": evaluate(model, held_rows),
        "held_out_handwritten": evaluate(model, hand_held),
        "temperatures": temps,
    }
    return report, temps


def digest(rows: Iterable[dict[str, Any]]) -> str:
    sha = hashlib.sha256()
    for row in rows:
        sha.update(json.dumps(row, sort_keys=True).encode("utf-8"))
    return sha.hexdigest()[:16]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=default_model_dir())
    parser.add_argument("--no-validation", action="store_true", help="skip the held-out measurement (temperatures 1.0)")
    args = parser.parse_args(argv)

    generated, split = generated_examples(args.seed)
    write_jsonl(DATA / "generated.jsonl", generated)
    hand_rows = read_jsonl(DATA / "handwritten.jsonl")
    templates, hand = [to_example(r) for r in generated], [to_example(r) for r in hand_rows]
    config = FeatureConfig()
    report: dict[str, Any] = {}
    temps = {name: 1.0 for name in HEADS}
    if not args.no_validation:
        report, temps = validate(templates, split, hand, config)
        print(json.dumps({k: v for k, v in report.items() if not k.startswith("held_out_f")}, indent=2))
    model = with_temperatures(train(templates + hand, config), temps)
    info = {
        "seed": args.seed, "rows": len(templates) + len(hand), "data_digest": digest(generated + hand_rows),
        "validation": report, "note": "synthetic training data written for newsevents; see training/README.md",
    }
    save_classifier(args.out, config=config, vectorizers=model.vectorizers, heads=model.heads, info=info)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
