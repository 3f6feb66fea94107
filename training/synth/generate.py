"""Compose the synthetic training set and its validation split (held-out template families)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from synth import acled, demonstrations, disruptions, lexicon, negatives, strategic
from synth.frames import FRAMES, render_custom, render_group, render_none_core
from synth.grammar import Custom, Filler, Group, Row, Spec

CUSTOM_SHARE = 0.3  # share of a label's rows drawn from its whole-sentence templates (when it has groups)
NONE_CORE_ROWS = 1500  # "none" rows that embed an event core in history, fiction, drills or appeals
DATELINE_SHARE = 0.12  # rows given a wire-style dateline ("GAO — ...")
FRAGMENT_SHARE = 0.08  # rows cut to a clause (no attribution, no capital, no full stop), like evidence spans
NO_CORE_LABELS = frozenset({"none", "Agreement", "Other", "Change to group/activity"})


def all_specs() -> tuple[Spec, ...]:
    return (
        *acled.battles(), *acled.remote(), *acled.explosives(), *acled.civilians(),
        *demonstrations.protests(), *demonstrations.riots(),
        *strategic.agreements(), *strategic.group_changes(), *strategic.territory(),
        *disruptions.specs(), negatives.spec(),
    )


@dataclass(frozen=True, slots=True)
class Split:
    families: frozenset[str]
    frames: frozenset[str]

    def holds_out(self, row: Row) -> bool:
        return row.family in self.families or row.frame in self.frames


def choose_split(specs: tuple[Spec, ...], seed: int) -> Split:
    """Hold out one family of every label that has at least three, and one frame per modality."""
    rng = random.Random(seed * 7 + 1)
    families: set[str] = set()
    for spec in specs:
        names = [g.name for g in spec.groups] + [c.name for c in spec.customs]
        if len(names) >= 3:
            families.add(f"{spec.label}|{rng.choice(names)}")
    frames = {f"{modality}:{rng.choice([f[0] for f in FRAMES[modality]])}" for modality in FRAMES}
    return Split(frozenset(families), frozenset(frames))


def _units(spec: Spec) -> tuple[list[Group | Custom], list[float]]:
    units: list[Group | Custom] = [*spec.groups, *spec.customs]
    group_total = sum(g.weight for g in spec.groups) or 1.0
    custom_total = sum(c.weight for c in spec.customs) or 1.0
    custom_share = CUSTOM_SHARE if spec.groups else 1.0
    weights = [(1 - custom_share) * g.weight / group_total for g in spec.groups]
    weights += [custom_share * c.weight / custom_total for c in spec.customs]
    return units, weights


def rows_for(spec: Spec, rng: random.Random) -> list[Row]:
    units, weights = _units(spec)
    seen: set[str] = set()
    rows: list[Row] = []
    for _ in range(spec.count * 3):
        if len(rows) >= spec.count:
            break
        unit = rng.choices(units, weights=weights)[0]
        filler = Filler(rng)
        row = render_group(spec.label, unit, filler) if isinstance(unit, Group) else render_custom(spec.label, unit, filler)
        if row is not None and row.text not in seen:
            seen.add(row.text)
            rows.append(row)
    return rows


def none_core_rows(specs: tuple[Spec, ...], rng: random.Random) -> list[Row]:
    groups = [g for s in specs if s.label not in NO_CORE_LABELS for g in s.groups if g.status is None]
    rows, seen = [], set()
    for _ in range(NONE_CORE_ROWS * 2):
        if len(rows) >= NONE_CORE_ROWS:
            break
        row = render_none_core(rng.choice(groups), Filler(rng))
        if row.text not in seen:
            seen.add(row.text)
            rows.append(row)
    return rows


DATELINES = ("{TOWN} — ", "{TOWN} ({agency}) — ", "{Town}, {Country} — ", "{TOWN}, {month} {day} — ")
ATTRIBUTION = re.compile(r"^(according to [^,]+, |in [A-Z][^,]+, )|(, [^,]+ (said|says|told reporters[^,]*|warned|insisted))\.$", re.IGNORECASE)


def augment(row: Row, rng: random.Random) -> Row:
    """Surface variation seen in real input: datelines, and clause-like evidence spans."""
    text, roll = row.text, rng.random()
    if roll < DATELINE_SHARE:
        filler = Filler(rng)
        town, country = filler.pick(lexicon.PLACES)
        dateline = rng.choice(DATELINES).format(TOWN=town.upper(), Town=town, Country=country, agency=rng.choice(AGENCIES),
                                                month=rng.choice(lexicon.MONTHS), day=rng.randint(1, 28))
        text = dateline + text
    elif roll < DATELINE_SHARE + FRAGMENT_SHARE:
        text = ATTRIBUTION.sub("", text).rstrip(".")
        text = text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
    return replace(row, text=text)


AGENCIES = ("AP", "AFP", "Reuters", "dpa", "Xinhua", "Anadolu")


def generate_rows(seed: int) -> list[Row]:
    rng = random.Random(seed)
    specs = all_specs()
    rows = [row for spec in specs for row in rows_for(spec, rng)] + none_core_rows(specs, rng)
    augmented, seen = [], set()
    for row in rows:
        row = augment(row, rng)
        if row.text not in seen:
            seen.add(row.text)
            augmented.append(row)
    return augmented
