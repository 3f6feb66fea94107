"""A small trained sentence classifier: event sub-type (or "none"), modality and Disruptions status.

Three linear heads (multinomial logistic regression, temperature-scaled) share one sparse feature
space: TF-IDF over word 1-2-grams plus TF-IDF over character 2-5-grams within word boundaries.

The artefact is two plain files written by ``scripts/train_event_classifier.py`` and shipped in the
package (``newsevents/data/models/event_classifier/``): ``meta.json`` (settings, class names,
vocabularies, training report) and ``weights.npz`` (numeric arrays, read with
``allow_pickle=False``). Loading executes no code from the artefact, so a tampered file can give
wrong scores but cannot run anything.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from newsevents.errors import ConfigError
from newsevents.settings import Settings

ARTEFACT_DIR = "event_classifier"
META_FILE = "meta.json"
WEIGHTS_FILE = "weights.npz"
FORMAT_VERSION = 1
HEADS = ("labels", "modality", "status")
TOP_LABELS = 5
NONE_LABEL = "none"
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Prediction:
    """Scores for one sentence, best first. ``labels``: the top five sub-types (or "none")."""

    labels: tuple[tuple[str, float], ...]
    modality: tuple[tuple[str, float], ...]
    status: tuple[tuple[str, float], ...]

    @property
    def label(self) -> str:
        return self.labels[0][0]


class SentenceClassifier(Protocol):
    def predict(self, sentences: Sequence[str]) -> list[Prediction]: ...


def normalise_text(text: str) -> str:
    """What the vectorizers see: lower case, every digit replaced by 0 (counts generalise)."""
    return _DIGITS.sub("0", text.lower())


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    word_max_features: int = 40_000
    char_max_features: int = 60_000
    min_df: int = 2

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        return cls(
            word_ngrams=tuple(data["word_ngrams"]), char_ngrams=tuple(data["char_ngrams"]),  # type: ignore[arg-type]
            word_max_features=int(data["word_max_features"]), char_max_features=int(data["char_max_features"]),
            min_df=int(data["min_df"]),
        )


def make_vectorizers(config: FeatureConfig) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    """Unfitted word and character vectorizers (training and loading build them the same way)."""
    common: dict[str, Any] = {
        "preprocessor": normalise_text, "sublinear_tf": True, "min_df": config.min_df, "dtype": np.float32,
    }
    words = TfidfVectorizer(analyzer="word", ngram_range=config.word_ngrams,
                            max_features=config.word_max_features, **common)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=config.char_ngrams,
                            max_features=config.char_max_features, **common)
    return words, chars


def featurize(vectorizers: Sequence[TfidfVectorizer], sentences: Sequence[str]) -> sp.csr_matrix:
    return sp.hstack([v.transform(sentences) for v in vectorizers], format="csr")


@dataclass(frozen=True, slots=True)
class LinearHead:
    """Softmax over ``features @ coef.T + intercept``, divided by a calibrated temperature."""

    classes: tuple[str, ...]
    coef: np.ndarray  # (n_classes, n_features), float32
    intercept: np.ndarray  # (n_classes,)
    temperature: float = 1.0

    def logits(self, features: sp.csr_matrix) -> np.ndarray:
        return np.asarray(features @ self.coef.T) + self.intercept

    def probabilities(self, features: sp.csr_matrix) -> np.ndarray:
        return softmax(self.logits(features) / self.temperature)


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def _ranked(classes: tuple[str, ...], row: np.ndarray, top: int) -> tuple[tuple[str, float], ...]:
    order = np.argsort(-row, kind="stable")[:top]
    return tuple((classes[i], float(row[i])) for i in order)


class LinearSentenceClassifier:
    """The shipped implementation of ``SentenceClassifier``."""

    def __init__(self, vectorizers: Sequence[TfidfVectorizer], heads: dict[str, LinearHead],
                 info: dict[str, Any] | None = None) -> None:
        missing = [h for h in HEADS if h not in heads]
        if missing:
            raise ConfigError(f"The event classifier lacks the heads {missing}.",
                              hint="Rebuild it with: python scripts/train_event_classifier.py")
        self._vectorizers = tuple(vectorizers)
        self._heads = dict(heads)
        self.info = dict(info or {})

    @property
    def heads(self) -> dict[str, LinearHead]:
        return dict(self._heads)

    @property
    def vectorizers(self) -> tuple[TfidfVectorizer, ...]:
        return self._vectorizers

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        if not sentences:
            return []
        features = featurize(self._vectorizers, list(sentences))
        probs = {name: head.probabilities(features) for name, head in self._heads.items()}
        return [
            Prediction(
                labels=_ranked(self._heads["labels"].classes, probs["labels"][i], TOP_LABELS),
                modality=_ranked(self._heads["modality"].classes, probs["modality"][i], len(self._heads["modality"].classes)),
                status=_ranked(self._heads["status"].classes, probs["status"][i], len(self._heads["status"].classes)),
            )
            for i in range(len(sentences))
        ]


# ---- artefact files -------------------------------------------------------------------------

def save_classifier(directory: Path, *, config: FeatureConfig, vectorizers: Sequence[TfidfVectorizer],
                    heads: dict[str, LinearHead], info: dict[str, Any]) -> None:
    """Write ``meta.json`` and ``weights.npz`` (deterministic bytes for the same model)."""
    directory.mkdir(parents=True, exist_ok=True)
    vocabularies = [sorted(v.vocabulary_, key=v.vocabulary_.__getitem__) for v in vectorizers]
    meta = {
        "format_version": FORMAT_VERSION, "features": asdict(config), "vocabularies": vocabularies,
        "heads": {name: {"classes": list(h.classes), "temperature": h.temperature} for name, h in heads.items()},
        "info": info,
    }
    (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    arrays: dict[str, np.ndarray] = {f"idf_{i}": v.idf_.astype(np.float32) for i, v in enumerate(vectorizers)}
    for name, head in heads.items():
        arrays[f"{name}_coef"] = head.coef.astype(np.float16)
        arrays[f"{name}_intercept"] = head.intercept.astype(np.float32)
    _write_npz(directory / WEIGHTS_FILE, arrays)


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """np.savez_compressed stamps zip entries with the current time; write with a fixed date instead."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.save(buffer, arrays[name], allow_pickle=False)
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(2020, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, buffer.getvalue())


def read_classifier(directory: Path) -> LinearSentenceClassifier:
    """Build the classifier from its two files; ConfigError when they are missing or malformed."""
    meta_path, weights_path = directory / META_FILE, directory / WEIGHTS_FILE
    if not meta_path.is_file() or not weights_path.is_file():
        raise ConfigError(f"The event classifier artefact is missing in {directory}.",
                          hint="Build it with: python scripts/train_event_classifier.py")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        with np.load(weights_path, allow_pickle=False) as weights:
            arrays = {name: weights[name] for name in weights.files}
        return _assemble(meta, arrays)
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"The event classifier artefact in {directory} is unreadable ({exc}).",
                          hint="Rebuild it with: python scripts/train_event_classifier.py") from exc


def _assemble(meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> LinearSentenceClassifier:
    if meta.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"format version {meta.get('format_version')!r}, expected {FORMAT_VERSION}")
    vectorizers = make_vectorizers(FeatureConfig.from_dict(meta["features"]))
    for i, (vectorizer, terms) in enumerate(zip(vectorizers, meta["vocabularies"], strict=True)):
        vectorizer.set_params(vocabulary={term: j for j, term in enumerate(terms)}, max_features=None, min_df=1)
        vectorizer.idf_ = arrays[f"idf_{i}"].astype(np.float64)
    heads = {
        name: LinearHead(
            classes=tuple(spec["classes"]),
            coef=arrays[f"{name}_coef"].astype(np.float32),
            intercept=arrays[f"{name}_intercept"].astype(np.float32),
            temperature=float(spec["temperature"]),
        )
        for name, spec in meta["heads"].items()
    }
    return LinearSentenceClassifier(vectorizers, heads, meta.get("info"))


def default_model_dir() -> Path:
    """The artefact shipped inside the package."""
    return Path(str(resources.files("newsevents") / "data" / "models" / ARTEFACT_DIR))


@cache
def load_classifier_from(directory: Path) -> LinearSentenceClassifier:
    """The classifier stored in ``directory`` (cached per process and path)."""
    return read_classifier(directory)


def load_classifier(settings: Settings) -> SentenceClassifier:
    """The shipped classifier. ``settings`` is accepted for a future ``classifier_path`` option."""
    del settings
    return load_classifier_from(default_model_dir())
