"""Sentence composition: verbs with their forms, slot filling, and modality frames.

A *core group* is one way of saying that an event of some label happened (who / what verb /
to whom). A *frame* turns a core into a sentence with a given modality (asserted, attempted,
planned, hypothetical, negated). A template family is a (label, group) pair or a frame: the
validation split holds out whole families of both kinds.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from synth import lexicon as lx

SLOT = re.compile(r"\{([a-z_0-9]+)\}")
MODALITIES = ("asserted", "attempted", "planned", "hypothetical", "negated")
MODALITY_WEIGHTS = (0.50, 0.12, 0.12, 0.13, 0.13)


@dataclass(frozen=True, slots=True)
class Verb:
    base: str
    past: str
    pp: str
    ing: str
    third: str

    @classmethod
    def parse(cls, spec: str) -> Verb:
        """'open/opened/opened fire on' -> forms of 'open' followed by ' fire on';
        'sexually assault|sexually assaulted|sexually assaulted' gives whole forms."""
        if "|" in spec:
            forms = spec.split("|")
            base, past, pp = forms[0], forms[1], forms[2]
            ing = forms[3] if len(forms) > 3 else _ing_phrase(base, past)
            return cls(base, past, pp, ing, forms[4] if len(forms) > 4 else _third_phrase(base))
        head, _, rest = spec.partition(" ")
        parts = head.split("/")
        base, past, pp = parts[0], parts[1], parts[2]
        ing = parts[3] if len(parts) > 3 else _ing(base, past)
        tail = f" {rest}" if rest else ""
        return cls(base + tail, past + tail, pp + tail, ing + tail, _third(base) + tail)


def _ing_phrase(base: str, past: str) -> str:
    """Inflect the last word of a multi-word base ('sexually assault' -> 'sexually assaulting')."""
    head, _, last = base.rpartition(" ")
    last_past = past.rpartition(" ")[2]
    return (head + " " if head else "") + _ing(last, last_past)


def _third_phrase(base: str) -> str:
    head, _, last = base.rpartition(" ")
    return (head + " " if head else "") + _third(last)


def _ing(base: str, past: str) -> str:
    if past == base + base[-1] + "ed":
        return base + base[-1] + "ing"
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


def _third(base: str) -> str:
    if base == "have":
        return "has"
    if base == "be":
        return "is"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def verbs(*specs: str) -> tuple[Verb, ...]:
    return tuple(Verb.parse(s) for s in specs)


@dataclass(frozen=True, slots=True)
class Group:
    """One way to express events of one label: subjects x verbs x objects (+ optional tails)."""

    name: str
    subjects: tuple[str, ...]
    verbs: tuple[Verb, ...]
    objects: tuple[str, ...] = ("",)
    tails: tuple[str, ...] = ("",)
    passive: bool = True  # objects are patients: "X was <pp> by S" reads well
    modalities: tuple[str, ...] = MODALITIES
    status: str | None = None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Custom:
    """Whole-sentence templates with slots; every template is one modality."""

    name: str
    templates: tuple[str, ...]
    modality: str = "asserted"
    status: str | None = None
    weight: float = 1.0


@dataclass(slots=True)
class Spec:
    label: str
    groups: tuple[Group, ...]
    customs: tuple[Custom, ...] = ()
    count: int = 700


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    label: str
    modality: str | None
    status: str | None
    family: str
    frame: str

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text, "label": self.label, "modality": self.modality, "status": self.status,
            "family": self.family, "frame": self.frame, "source": "template", "synthetic": True,
        }


# ---- slot filling ---------------------------------------------------------------------------

@dataclass(slots=True)
class Filler:
    rng: random.Random
    cache: dict[str, str] = field(default_factory=dict)

    def pick(self, pool: tuple[str, ...]) -> str:
        return pool[self.rng.randrange(len(pool))]

    def slot(self, name: str) -> str:
        if name in self.cache:
            return self.cache[name]
        value = self._value(name)
        if name in ("town", "town2", "country", "source", "official"):
            self.cache[name] = value
        return value

    def _value(self, name: str) -> str:
        rng = self.rng
        if name in ("town", "country"):
            town, country = self.pick(lx.PLACES)
            self.cache["town"], self.cache["country"] = town, country
            return self.cache[name]
        simple: dict[str, Callable[[], str]] = {
            "town2": lambda: self.pick(lx.PLACES)[0],
            "region_word": lambda: self.pick(lx.REGION_WORDS),
            "where": lambda: self.pick(lx.WHERE),
            "when": lambda: self.pick(lx.WHEN),
            "future": lambda: self.pick(FUTURE),
            "day": lambda: str(rng.randint(1, 28)),
            "month": lambda: self.pick(lx.MONTHS),
            "year": lambda: self.pick(lx.YEARS),
            "num": lambda: str(rng.choice((2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 19, 23, 25, 31, 40, 52, 70, 120))),
            "numword": lambda: self.pick(lx.NUMBER_WORDS),
            "count": lambda: self.pick(lx.COUNTS),
            "victims": lambda: self.pick(lx.VICTIMS),
            "fighters": lambda: self.pick(lx.FIGHTERS),
            "source": lambda: self.pick(lx.SOURCES),
            "official": lambda: self.pick(lx.OFFICIALS),
            "state": lambda: self.pick(lx.STATE_FORCES),
            "rebels": lambda: self.pick(lx.REBELS),
            "militia": lambda: self.pick(lx.MILITIAS),
            "unknown": lambda: self.pick(lx.UNKNOWN_ATTACKERS),
            "protesters": lambda: self.pick(lx.PROTESTERS),
            "civilians": lambda: self.pick(lx.CIVILIANS),
            "person": lambda: self.pick(lx.PERSONS),
            "team": lambda: self.pick(lx.TEAMS),
            "mobs": lambda: self.pick(lx.MOBS),
            "rioters": lambda: self.pick(lx.RIOTERS),
        }
        if name not in simple:
            raise KeyError(f"unknown slot {{{name}}}")
        return simple[name]()

    def fill(self, template: str) -> str:
        for _ in range(6):
            new = SLOT.sub(lambda m: self.slot(m.group(1)), template)
            if new == template:
                break
            template = new
        return template


FUTURE: tuple[str, ...] = (
    "on Friday", "next week", "on {day} {month}", "tomorrow", "later this month", "in the coming days",
    "this weekend", "on Monday", "next month", "after Friday prayers", "before the election",
)


# ---- noun phrases ---------------------------------------------------------------------------

def np_text(phrase: str) -> str:
    return phrase.lstrip("+")


def is_plural(phrase: str) -> bool:
    return phrase.startswith("+")


def be_past(phrase: str) -> str:
    return "were" if is_plural(phrase) else "was"


def be_present(phrase: str) -> str:
    return "are" if is_plural(phrase) else "is"


def have(phrase: str) -> str:
    return "have" if is_plural(phrase) else "has"


def present(phrase: str, verb: Verb) -> str:
    if is_plural(phrase):
        return "are" + verb.base[2:] if verb.base.startswith("be ") else verb.base
    return verb.third


def agree_past(phrase: str, past: str) -> str:
    """'was back' -> 'were back' after a plural subject (verb tables give 'be' in the singular)."""
    return "were" + past[3:] if is_plural(phrase) and past.startswith("was ") else past


def fix_be(text: str, phrase: str) -> str:
    return re.sub(r"\bdid not be\b", "were not" if is_plural(phrase) else "was not", text)


def capitalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = text.replace(",,", ",").replace(".,", ",").replace("..", ".")
    return text[:1].upper() + text[1:] if text else text
