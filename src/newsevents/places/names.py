"""Place-name normalisation and the shapes a place name takes in news text.

``normalize_name`` gives the key every gazetteer name is indexed under (and every query is looked up with):
case-folded, accents stripped, dots dropped, hyphens as spaces. ``parse_name`` peels off what is not part of
the name itself: a leading "the", a possessive, an administrative type word ("the Aktobe region", "Sinaloa
state", "X oblast") and a compass prefix ("northern Kazakhstan").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words that say the name is a first-level region. Lower-case; matched as the last (or first, "State of X")
# word of the mention.
ADMIN_TYPE_WORDS: frozenset[str] = frozenset({
    "region", "province", "state", "oblast", "oblys", "oblysy", "governorate", "prefecture", "territory",
    "department", "departement", "district", "county", "krai", "kray", "republic", "canton", "emirate",
    "voivodeship", "wilaya", "vilayet", "velayat", "muhafazah", "estado", "provincia", "regione",
    "division", "municipality", "autonomous region", "autonomous republic", "autonomous okrug", "okrug",
})

# Compass prefixes that make a name broader, not a different place ("northern Kazakhstan").
DIRECTION_WORDS: frozenset[str] = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "north eastern", "north western", "south eastern", "south western", "upstate",
})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def normalize_name(name: str) -> str:
    """The index key of a name: 'Alma-Ata' -> 'alma ata', 'U.S.' -> 'us', 'Aqtöbe' -> 'aqtobe'."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace(".", "").replace("-", " ").replace(",", " ")
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A mention's name split into the name proper and what surrounds it."""

    key: str  # normalised name proper
    admin_type: str | None = None  # "region", "state", ... when the mention says it is a region
    direction: str | None = None  # "northern", ... when the mention is a part of the named place


def parse_name(name: str) -> ParsedName:
    """Split a mention into the normalised name and its type word or compass prefix (if any)."""
    key = normalize_name(name)
    if key.startswith("the "):
        key = key[4:]
    key = _POSSESSIVE.sub("", key).strip()
    admin_type = direction = None
    words = key.split(" ")
    if len(words) >= 2:
        for size in (2, 1):
            tail = " ".join(words[-size:])
            if len(words) > size and tail in ADMIN_TYPE_WORDS:
                admin_type, words = tail, words[:-size]
                break
        else:
            if len(words) >= 3 and words[0] in ADMIN_TYPE_WORDS and words[1] == "of":
                admin_type, words = words[0], words[2:]
    if len(words) >= 2 and words[0] in DIRECTION_WORDS and _lowercase_word(name, words[0]):
        direction, words = words[0], words[1:]
    return ParsedName(key=" ".join(words), admin_type=admin_type, direction=direction)


def _lowercase_word(name: str, word: str) -> bool:
    """Whether ``word`` is written in lower case in ``name`` ("northern Kazakhstan", not "North Korea")."""
    return any(w == word for w in name.split())


def strip_type_words(key: str) -> str:
    """A normalised region name without its type words: 'almaty oblysy' -> 'almaty'."""
    words = [w for w in key.split(" ") if w not in ADMIN_TYPE_WORDS and w not in _NAME_TYPE_NOISE]
    stripped = " ".join(words)
    if len(stripped) < 3 or stripped in DIRECTION_WORDS:
        return key
    return stripped


# Type words that occur inside official (often transliterated) region names in GeoNames and ISO 3166-2.
_NAME_TYPE_NOISE: frozenset[str] = frozenset({
    "sheng", "shi", "zizhiqu", "qalasy", "oblast'", "oblasti", "oblasty", "kraj", "avtonomnyy",
    "respublika", "gubernija", "ili", "vilayeti", "muhafazat", "area", "uygur", "huizu", "zhuangzu",
    "departamento", "regiao", "distrito", "prefecture", "ken", "do", "daerah", "wilayah", "khoueng",
})
