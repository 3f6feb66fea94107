"""Actors of an event: who acted (actor1), on whom (actor2), alongside whom (assoc).

Roles come from the parse around the trigger (subject, passive agent, object, "with"/"against"/
"on" phrases, "arrest of X"); categories from ``actor_kb`` and the event's type; names are
normalised ACLED-style ("Protesters (Kazakhstan)", "Police Forces of Kenya").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pycountry
from spacy.tokens import Token

from newsevents.events import actor_kb as kb
from newsevents.events.clauses import governors
from newsevents.model import Actor

CountryOf = Callable[[str], "str | None"]  # a demonym/place name -> ISO alpha-2, or None

COLLECTIVE_NOUNS = frozenset({
    "group", "groups", "member", "members", "dozen", "dozens", "hundred", "hundreds", "thousand",
    "thousands", "number", "unit", "units", "band", "some", "crowd", "crowds", "team", "detachment",
    "squad", "contingent", "personnel", "tens", "scores", "faction", "wing", "party",
})
ACTOR2_PREPS = frozenset({"with", "against", "on", "at", "of", "upon", "targeting"})
MAX_ACTOR_TOKENS = 10
SYMMETRIC_TYPES = frozenset({"Battles"})  # "soldiers and rebels clashed": the two sides
TITLES = frozenset({  # office holders: named as themselves, ACLED codes them as civilians unless armed
    "head", "leader", "minister", "president", "chairman", "chair", "commander", "spokesman", "spokeswoman",
    "governor", "mayor", "deputy", "speaker", "lawmaker", "senator", "mp", "director", "chief", "editor",
    "candidate", "opposition", "politician", "activist", "blogger", "lawyer", "judge", "prosecutor",
})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "who", "which", "that", "them", "this", "i", "you"})


@cache
def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def kb_key(token: Token) -> str | None:
    """The actor-noun entry for a token (by lemma, form, or naive singular), else for a compound
    modifying it ("Army engineers", "police officers"), if any."""
    for candidate in (token, *(c for c in token.children if c.dep_ == "compound")):
        for key in (candidate.lemma_.lower(), candidate.lower_, candidate.lower_.removesuffix("s")):
            if key in kb.NOUNS:
                return key
    return None


def _kb_head(token: Token) -> Token:
    """Look through collective nouns: "groups of armed militants" -> "militants"."""
    if token.lower_ in COLLECTIVE_NOUNS or token.lemma_.lower() in COLLECTIVE_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _kb_head(objects[0])
    return token


def _np_range(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token``: up to its first relative clause,
    apposition or parenthesis after the head, capped in length."""
    start, end = token.left_edge.i, token.right_edge.i + 1
    for child in token.children:
        if child.i > token.i and (child.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj"}):
            end = min(end, child.left_edge.i)
    doc = token.doc
    while end > token.i + 1 and doc[end - 1].is_punct:
        end -= 1
    if end - start > MAX_ACTOR_TOKENS:
        start = max(start, token.i - MAX_ACTOR_TOKENS + 1)
        end = min(end, token.i + 1)
    return start, end


def _org_match(text: str) -> tuple[str, str, str | None] | None:
    low = text.lower().removeprefix("the ").strip()
    if low in kb.ORGANISATIONS:
        return kb.ORGANISATIONS[low]
    for key, value in kb.ORGANISATIONS.items():
        if len(key) > 3 and key in low:
            return value
    return None


DATELINE_MAX_TOKENS = 8  # "PORT-AU-PRINCE, Haiti —": a dateline's dash comes within the first few tokens


def _after_dateline(token: Token) -> int:
    """The first token after the dateline dash of the token's sentence ("BENI — ADF rebels" -> "ADF"),
    or the sentence start when it opens with no dateline."""
    sentence = token.sent
    for t in sentence[:DATELINE_MAX_TOKENS]:
        if t.text in {"—", "–", "--"}:
            return t.i + 1
    return sentence.start


def _classify(head: Token, text: str) -> tuple[str, str, str | None] | None:
    """(category, name template, KB country) for an actor phrase, or None if it names no actor."""
    org = _org_match(text)
    if org:
        return org[1], org[0], org[2]
    core = _kb_head(head)
    key = kb_key(core)
    lemma = core.lemma_.lower()
    if key is not None:
        category, name = kb.NOUNS[key]
        return category, name, None
    named = [c for c in core.children if c.dep_ == "appos" and c.ent_type_ in {"PERSON", "ORG"}]
    if named:
        start, end = _np_range(named[0])
        return _classify(named[0], core.doc[start:end].text)
    if lemma in TITLES:
        return kb.CIVILIANS, text, None
    if core.ent_type_ == "PERSON":
        start, end = _np_range(core)
        return kb.CIVILIANS, core.doc[start:end].text, None
    if core.ent_type_ in {"ORG", "NORP"}:
        return kb.MILITIA, text, None
    return None


TYPE_CATEGORY = {  # event type -> (role, category a civilian-like actor takes in that role)
    "Protests": ("actor1", kb.PROTESTERS),
    "Riots": ("actor1", kb.RIOTERS),
}


def _category_for(category: str, role: str, event_type: str) -> str:
    if event_type == "Protests" and category == kb.CIVILIANS:
        return kb.PROTESTERS  # the crowd a protest is about, whether acting (actor1) or acted on (actor2)
    if event_type in TYPE_CATEGORY:
        want_role, want = TYPE_CATEGORY[event_type]
        if role == want_role and category in {kb.CIVILIANS, kb.PROTESTERS, kb.RIOTERS}:
            return want
    if event_type == "Violence against civilians" and role == "actor2" and category in {kb.PROTESTERS, kb.RIOTERS}:
        return kb.CIVILIANS
    return category


def _country_in(head: Token, start: int, end: int, country_of: CountryOf) -> str | None:
    doc = head.doc
    for ent in doc.ents:
        if ent.start >= start and ent.end <= end and ent.label_ in {"NORP", "GPE"}:
            code = country_of(ent.text)
            if code:
                return code
    return None


def make_actor(head: Token, role: str, event_type: str, *, country_of: CountryOf,
               default_country: str | None) -> Actor | None:
    if head.lower_ in PRONOUNS or head.pos_ == "PRON" or head.ent_type_ in {"GPE", "LOC", "FAC"}:
        return None
    start, end = _np_range(head)
    if head.i < _after_dateline(head):
        return None  # the dateline's place, not an actor
    start = max(start, _after_dateline(head))
    span = head.doc[start:end]
    found = _classify(head, span.text)
    if found is None:
        return None
    category, template, kb_country = found
    original = category
    category = _category_for(category, role, event_type)
    country = kb_country or _country_in(head, start, end, country_of) or default_country
    name = template.format(country=country_name(country)) if "{country}" in template and country else (
        template.replace(" of {country}", "").replace(" ({country})", ""))
    if category != original and "{country}" in template:  # a civilian-like noun in a protest or riot
        plural = {kb.PROTESTERS: "Protesters", kb.RIOTERS: "Rioters", kb.CIVILIANS: "Civilians"}[category]
        name = f"{plural} ({country_name(country)})" if country else plural
    if category == kb.STATE and country and default_country and country != default_country:
        category = kb.EXTERNAL  # a state's forces acting in another country
    return Actor(text=span.text, role=role, name=name, category=category, country=country,
                 start=span.start_char, end=span.end_char)  # type: ignore[arg-type]


def _subject(trigger: Token) -> tuple[Token | None, bool]:
    """The trigger's acting subject (walking up xcomp/conj chains) and whether it is passive."""
    for token in governors(trigger)[:4]:
        for child in token.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0], False
            if child.dep_ == "nsubj" and child.i != trigger.i:
                return child, False
            if child.dep_ == "nsubjpass" and child.i != trigger.i:
                return child, True
        if token.dep_ in {"ROOT", "ccomp", "advcl", "relcl", "parataxis"}:
            break
    return None, False


def _objects(trigger: Token) -> list[Token]:
    verb = trigger if trigger.pos_ in {"VERB", "NOUN"} else trigger.head
    sources = [verb]
    if trigger.dep_ == "nsubj" and trigger.head.lemma_ == "be":  # "the biggest arrest is the arrest of X"
        sources.extend(c for c in trigger.head.children if c.dep_ == "attr")
    out = []
    for child in (c for source in sources for c in source.children):
        if child.dep_ in {"dobj", "obj"}:
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ACTOR2_PREPS:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _preceding_actor(trigger: Token) -> Token | None:
    """When the parse gives no subject: the nearest actor noun before the trigger that heads its phrase."""
    sentence = trigger.sent
    for token in reversed(sentence[: trigger.i - sentence.start]):
        if token.dep_ in {"nsubj", "nsubjpass", "ROOT", "appos"} and (
                kb_key(token) is not None or token.ent_type_ in {"ORG", "NORP", "PERSON"}):
            return token
    return None


def default_actor(trigger: Token, event_type: str, country: str | None) -> Actor | None:
    """Protests and riots have their crowd even when no one is named: "protests began" -> Protesters."""
    category = {"Protests": kb.PROTESTERS, "Riots": kb.RIOTERS}.get(event_type)
    if category is None:
        return None
    plural = "Protesters" if category == kb.PROTESTERS else "Rioters"
    name = f"{plural} ({country_name(country)})" if country else plural
    return Actor(text=plural.lower(), role="actor1", name=name, category=category, country=country)


def actors_of(trigger: Token, event_type: str, *, country_of: CountryOf,
              default_country: str | None) -> tuple[Actor, ...]:
    """actor1 from the subject (or passive agent), actor2 from objects; conjoined phrases become assoc."""
    found: list[Actor] = []
    subject, passive = _subject(trigger)
    if subject is not None and subject.i < _after_dateline(subject):  # the parser took "NAKURU —" as subject
        subject = next((c for c in subject.children if c.dep_ == "appos"), None)
    if subject is None:
        subject = _preceding_actor(trigger)
    if kb_key(trigger) is not None and trigger.pos_ in {"NOUN", "PROPN"}:
        subject = trigger  # "peacekeepers of X deployed ...": the trigger names the actor
    heads: list[tuple[Token, str]] = []
    if subject is not None:
        heads.append((subject, "actor2" if passive else "actor1"))
        partner = "actor2" if event_type in SYMMETRIC_TYPES and not passive else "assoc"
        heads.extend((c, partner) for c in subject.children if c.dep_ == "conj")
    heads.extend((obj, "actor2") for obj in _objects(trigger))
    for head, role in heads:
        actor = make_actor(head, role, event_type, country_of=country_of, default_country=default_country)
        if actor and all(actor.text != a.text for a in found):
            found.append(actor)
    if not any(a.role == "actor1" for a in found):
        fallback = default_actor(trigger, event_type, default_country)
        if fallback:
            found.insert(0, fallback)
    return tuple(found)
