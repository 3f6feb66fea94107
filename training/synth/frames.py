"""Modality frames: one core (subject, verb, object) rendered as an asserted, attempted, planned,
hypothetical or negated sentence. Tokens in <angle brackets> come from the core; {slots} are filled
from the lexicon afterwards."""

from __future__ import annotations

import re

from synth.grammar import (
    MODALITIES,
    MODALITY_WEIGHTS,
    Custom,
    Filler,
    Group,
    Row,
    Verb,
    agree_past,
    be_past,
    be_present,
    capitalise,
    fix_be,
    have,
    np_text,
    present,
)

# (name, template, needs_passive)
FRAMES: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "asserted": (
        ("active", "<S> <V.past> <O> <X><T>.", False),
        ("active_src_end", "<S> <V.past> <O> <X><T>, {source} said.", False),
        ("active_src_start", "According to {source}, <S> <V.past> <O> <X><T>.", False),
        ("reported_that", "{source} said <S> had <V.pp> <O> <X>.", False),
        ("perfect", "<S> <have_s> <V.pp> <O> <X>, {source} said.", False),
        ("passive", "<O> <be_o> <V.pp> by <S> <X><T>.", True),
        ("passive_agentless", "<O> <be_o> <V.pp> <X>, {source} said.", True),
        ("headline", "<S> <V.pres> <O> in {town}", False),
        ("fronted", "In {town}, <S> <V.past> <O> {when}<T>.", False),
        ("ongoing", "<S> <be_s> <V.ing> <O> <X> as {continuing}.", False),
        ("quote", "\"<S> <V.past> <O>,\" {witness} told reporters {when}.", False),
        ("time_first", "{when_cap}, <S> <V.past> <O><T>.", False),
    ),
    "attempted": (
        ("tried", "<S> tried to <V.base> <O> <X> but {fail}.", False),
        ("tried_plain", "<S> tried to <V.base> <O> <X>.", False),
        ("tried_src", "{source} said <S> had tried to <V.base> <O> <X>.", False),
        ("attempted_plain", "<S> attempted to <V.base> <O> <X>.", False),
        ("prevented", "<S> <be_s> prevented from <V.ing> <O> <X>, {source} said.", False),
        ("attempted", "<S> attempted to <V.base> <O> <X>, {source} said.", False),
        ("failed_attempt", "An attempt by <S> to <V.base> <O> <X> failed.", False),
        ("unsuccessful", "<S> made an unsuccessful attempt to <V.base> <O> <X>.", False),
        ("sought", "<S> sought to <V.base> <O> but {fail}, {source} said.", False),
        ("failed_to", "<S> failed to <V.base> <O> <X> after {obstacle}.", False),
    ),
    "planned": (
        ("plan", "<S> <plan_s> to <V.base> <O> {future}.", False),
        ("will", "<S> will <V.base> <O> {future}, {source} said.", False),
        ("announce", "<S> <have_s> announced plans to <V.base> <O> {future}.", False),
        ("expected", "<S> <be_s_now> expected to <V.base> <O> {future}.", False),
        ("preparing", "<S> <be_s_now> preparing to <V.base> <O> {future}, {source} said.", False),
        ("said_would", "{source} said <S> would <V.base> <O> {future}.", False),
        ("due_to", "<S> <be_s_now> due to <V.base> <O> {future}.", False),
        ("threatened_plan", "<S> threatened to <V.base> <O> {future}.", False),
        ("intend", "<S> <plan_s> to <V.base> <O> {future}, according to {source}.", False),
        ("set_to", "<S> <be_s_now> set to <V.base> <O> {future}.", False),
    ),
    "hypothetical": (
        ("could_warn", "<S> could <V.base> <O> {future}, {official} warned.", False),
        ("warned_might", "{official} warned that <S> might <V.base> <O>.", False),
        ("if", "If <S> <V.pres> <O>, {consequence}.", False),
        ("fears", "There are fears that <S> may <V.base> <O> {future}.", False),
        ("would_if", "<S> would <V.base> <O> if {condition}, {source} said.", False),
        ("risk", "<O> <be_o_now> at risk of being <V.pp> by <S>, {official} said.", True),
        ("possibility", "{official} did not rule out the possibility that <S> would <V.base> <O>.", False),
        ("threatened", "<S> threatened to <V.base> <O> if {condition}.", False),
        ("could_adv", "<S> could {adv} <V.base> <O>, {official} said.", False),
        ("might_adv", "{source} said they feared that <S> might {adv} <V.base> <O>.", False),
        ("scenario", "Analysts say <S> could eventually <V.base> <O>, although there is no sign of it yet.", False),
    ),
    "negated": (
        ("did_not", "<S> did not <V.base> <O> <X>, {source} said.", False),
        ("denied", "{official} denied that <S> had <V.pp> <O> <X>.", False),
        ("rejected_reports", "{source} rejected reports that <S> had <V.pp> <O> <X>.", False),
        ("have_not", "<S> <have_s> not <V.pp> <O>, contrary to earlier reports.", False),
        ("no_truth", "There was no truth to claims that <S> <V.past> <O> <X>, {source} said.", False),
        ("passive_not", "<O> <be_o> not <V.pp> <X>, {source} insisted.", True),
        ("never", "<S> never <V.past> <O>, {source} said.", False),
        ("denied_when", "{official} denied {when} that <S> had <V.pp> <O>.", False),
        ("no_evidence", "There is no evidence that <S> <V.past> <O> <X>, {source} said.", False),
        ("false_claims", "{official} dismissed as false the claims that <S> <V.past> <O>.", False),
    ),
}

POOLS: dict[str, tuple[str, ...]] = {
    "fail": (
        "<be_s> pushed back", "<be_s> repelled", "the attempt failed", "<be_s> forced to retreat",
        "<be_s> turned back", "did not succeed", "<be_s> stopped before reaching the target",
    ),
    "obstacle": (
        "meeting strong resistance", "heavy rain slowed them down", "a tip-off", "a roadblock stopped them",
    ),
    "continuing": (
        "night fell", "aid agencies appealed for access", "residents fled", "the talks stalled",
        "reinforcements arrived",
    ),
    "witness": ("a witness", "one resident", "a shopkeeper", "a local farmer", "a survivor", "an aid worker"),
    "when_cap": ("On Monday", "On Saturday", "Late on Friday", "Overnight", "Early on Sunday", "On {day} {month}", "Last week"),
    "adv": ("quickly", "soon", "easily", "eventually", "well", "still"),
    "consequence": (
        "the talks would collapse", "the crisis would deepen", "thousands could be displaced",
        "the government will have to respond", "the region could slide into wider conflict",
        "aid deliveries would stop",
    ),
    "condition": (
        "talks collapsed", "their demands were not met", "the deadline passed", "the ceasefire broke down",
        "the government refused to negotiate", "foreign troops stayed",
    ),
}


# Frames that mention an event core without reporting a real, current event: label "none".
NONE_FRAMES: tuple[tuple[str, str], ...] = (
    ("urged_not", "{official} urged <S> not to <V.base> <O>."),
    ("anniversary", "{country} marked the anniversary of the day in {old_year} when <S> <V.past> <O>."),
    ("film", "The film recounts how <S> <V.past> <O> during the war of the {decade}."),
    ("simulated", "The exercise simulated a scenario in which <S> <V.past> <O>."),
    ("game", "In the video game, players can <V.base> <O>."),
    ("novel", "In the novel, <S> <V.past> <O> in a fictional country."),
    ("memorial", "A memorial now stands where <S> <V.past> <O> in {old_year}."),
    ("question", "Would <S> ever <V.base> <O>? Few experts think so."),
)
OLD_YEARS = ("1944", "1956", "1968", "1976", "1982", "1989", "1991", "1994", "1999", "2004")


def _adjunct(filler: Filler, placed: bool) -> str:
    """Where and/or when; only 'when' if the core already names a place."""
    roll = filler.rng.random()
    if placed:
        return "{when}" if roll < 0.6 else ""
    if roll < 0.35:
        return "{where} {when}"
    if roll < 0.55:
        return "{when} {where}"
    if roll < 0.75:
        return "{where}"
    return "{when}" if roll < 0.92 else ""


def _tokens(group: Group, filler: Filler, subject: str, verb: Verb, obj: str) -> dict[str, str]:
    tail = filler.pick(group.tails) if filler.rng.random() < 0.55 else ""
    return {
        "S": np_text(subject), "O": np_text(obj), "X": _adjunct(filler, _placed(subject, obj, verb)), "T": tail,
        "V.base": verb.base, "V.past": agree_past(subject, verb.past), "V.pp": verb.pp, "V.ing": verb.ing,
        "V.pres": present(subject, verb),
        "be_s": be_past(subject), "be_s_now": be_present(subject), "have_s": have(subject),
        "plan_s": "plan" if subject.startswith("+") else "plans",
        "be_o": be_past(obj), "be_o_now": be_present(obj),
    }


def _placed(subject: str, obj: str, verb: Verb) -> bool:
    return any(mark in part for part in (subject, obj, verb.base) for mark in ("{town}", "{where}", "{country}"))


TOKEN = re.compile(r"<([A-Za-z_.]+)>")


def _substitute(template: str, tokens: dict[str, str]) -> str:
    for _ in range(3):
        template = TOKEN.sub(lambda m: tokens[m.group(1)], template)
    return template


def pick_modality(filler: Filler, allowed: tuple[str, ...]) -> str:
    weights = [w for m, w in zip(MODALITIES, MODALITY_WEIGHTS) if m in allowed]
    return filler.rng.choices([m for m in MODALITIES if m in allowed], weights=weights)[0]


def eligible_frames(group: Group, modality: str) -> tuple[tuple[str, str, bool], ...]:
    usable = group.passive and any(o.strip() for o in group.objects)
    return tuple(f for f in FRAMES[modality] if usable or not f[2])


def render_group(label: str, group: Group, filler: Filler) -> Row | None:
    modality = pick_modality(filler, group.modalities)
    frames = eligible_frames(group, modality)
    if not frames:
        return None
    name, template, _ = frames[filler.rng.randrange(len(frames))]
    subject, verb, obj = filler.pick(group.subjects), filler.pick(group.verbs), filler.pick(group.objects)
    tokens = _tokens(group, filler, subject, verb, obj)
    if ("{source}" in template or "said" in template) and ("{source}" in tokens["T"] or "said" in tokens["T"]):
        tokens["T"] = ""
    pool_filled = re.sub(r"\{(" + "|".join(POOLS) + r")\}", lambda m: filler.pick(POOLS[m.group(1)]), template)
    text = finish(fix_be(filler.fill(_substitute(pool_filled, tokens)), subject))
    frame = f"{modality}:{name}"
    return Row(text, label, modality, group.status, f"{label}|{group.name}", frame)


def render_none_core(group: Group, filler: Filler) -> Row:
    """An event core inside a frame that reports no current event (history, fiction, drills, appeals)."""
    name, template = NONE_FRAMES[filler.rng.randrange(len(NONE_FRAMES))]
    subject, verb, obj = filler.pick(group.subjects), filler.pick(group.verbs), filler.pick(group.objects)
    tokens = _tokens(group, filler, subject, verb, obj)
    template = template.replace("{old_year}", filler.pick(OLD_YEARS))
    template = template.replace("{decade}", filler.pick(("1970s", "1990s", "1940s")))
    text = finish(fix_be(filler.fill(_substitute(template, tokens)), subject))
    return Row(text, "none", None, None, f"none|core_{name}", f"none:{name}")


def render_custom(label: str, custom: Custom, filler: Filler) -> Row:
    template = filler.pick(custom.templates)
    pool_filled = re.sub(r"\{(" + "|".join(POOLS) + r")\}", lambda m: filler.pick(POOLS[m.group(1)]), template)
    text = finish(filler.fill(pool_filled))
    return Row(text, label, custom.modality, custom.status, f"{label}|{custom.name}", f"custom:{custom.name}")


def finish(text: str) -> str:
    text = re.sub(r"(^|[\s\"(])\+", r"\1", text)
    text = capitalise(text)
    return re.sub(r"\"(\w)", lambda m: "\"" + m.group(1).upper(), text, count=1) if text.startswith("\"") else text
