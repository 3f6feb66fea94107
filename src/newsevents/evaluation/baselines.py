"""Baselines measured in the same run as ours, so every figure has a yardstick beside it.

``KeywordExtractor``: one event per sentence whose first matching trigger phrase decides the sub-type,
dated on the publication day, with no place and no actors. The trigger lists are written from the ACLED
codebook's definitions (not from any evaluation text) and are deliberately plain: a floor, not a rival.
"""

from __future__ import annotations

import re
from functools import cache

from newsevents.model import Document, Event, Evidence, Plover, Result
from newsevents.taxonomy import DISRUPTIONS, PLOVER, event_type_of

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")

# (sub-type, trigger pattern), most specific first: the first one that matches a sentence wins.
_TRIGGERS: tuple[tuple[str, str], ...] = (
    ("Suicide bomb", r"suicide (bomb|attack|vest|car bomb)|suicide bomber"),
    ("Chemical weapon", r"chemical (weapon|attack)|chlorine|sarin|nerve agent|toxic gas"),
    ("Remote explosive/landmine/IED", r"roadside bomb|land ?mine|\bIEDs?\b|improvised explosive|car bomb|explosive device"),
    ("Grenade", r"grenades?"),
    ("Air/drone strike", r"air ?strikes?|drone (strike|attack)s?|warplanes?|fighter jets?|helicopter gunships?"),
    ("Shelling/artillery/missile attack", r"shell(ed|ing)|artillery|mortars?|rockets?|missiles?"),
    ("Sexual violence", r"\brap(e|ed|ing)\b|sexual(ly)? (assault|violence|abuse)"),
    ("Abduction/forced disappearance", r"abduct|kidnap|forcibly disappeared|taken hostage"),
    ("Excessive force against protesters", r"(fired|opened fire|shot) (live (rounds|ammunition) )?(on|at|into) (the )?(protesters|demonstrators|crowd)"),
    ("Protest with intervention", r"dispers(ed|e)|tear ?gas|water cannon|broke up (the |a )?(protest|rally|demonstration)"),
    ("Mob violence", r"\bmob\b|lynch(ed|ing)?|vigilantes?"),
    ("Violent demonstration", r"\briot(s|ed|ers|ing)?\b|threw (stones|rocks|petrol bombs)|torched"),
    ("Peaceful protest", r"protest(ed|ers|s)?|demonstrat(ed|ion|ions|ors)|\brall(y|ied|ies)\b|marched|sit-in|walkout"),
    ("Government regains territory", r"recaptured|retook|regained control|liberated"),
    ("Non-state actor overtakes territory", r"seized control|overran|took control|captured the (town|city|village)"),
    ("Armed clash", r"clash(ed|es)?|traded fire|exchanged fire|gunfight|firefight|fighting|battled?"),
    ("Agreement", r"cease-?fire|peace (deal|agreement|accord)|signed an? (deal|agreement|accord)|truce"),
    ("Disrupted weapons use", r"defused|weapons cache|arms cache|seized (weapons|arms|explosives)"),
    ("Headquarters or base established", r"(set up|established|opened) (a |an |its )?(new )?(military )?(base|headquarters|outpost)"),
    ("Looting/property destruction", r"loot(ed|ing)?|ransack(ed)?|vandali[sz]ed|burn(ed|t) down|demolished"),
    ("Non-violent transfer of territory", r"withdrew from|handed over|pulled out of"),
    ("Change to group/activity", r"merged with|split from|new leader|dissolved|defected"),
    ("Arrests", r"arrest(ed|s)?|detain(ed|s)?|taken into custody"),
    ("Attack", r"killed|shot dead|massacred?|attacked|stabbed|murdered|opened fire"),
    ("Public order measures", r"curfew|state of emergency|martial law|lockdown|banned (all )?gatherings"),
    ("Internet and telecom", r"internet|mobile data|telecom|phone lines?|network outage"),
    ("Payments and banking", r"card payments?|pay (for purchases )?(with|by) (a )?card|banks? (closed|shut)|mobile money|bank transfers?"),
    ("Cash access", r"\bATMs?\b|cash withdrawals?|withdraw(ing)? cash"),
    ("Food and goods supply", r"shortages? of (food|bread|flour|goods)|empty shelves|food shortages?"),
    ("Fuel and energy", r"fuel shortages?|power cuts?|blackouts?|petrol|diesel|electricity"),
    ("Prices", r"prices? (rose|rise|soared|jumped|hikes?)|inflation"),
    ("Transport", r"flights? (were )?(cancelled|suspended)|airport (was )?(closed|shut)|trains? (were )?(cancelled|suspended)|roads? (were )?(closed|blocked)"),
)
_RESTORED = re.compile(r"\b(restored|resumed|reopened|back to normal)\b", re.IGNORECASE)
_RESTRICTED = re.compile(r"\b(restrict\w*|limit\w*|cap(ped)?|rationed)\b", re.IGNORECASE)


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((sub, re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE)) for sub, pattern in _TRIGGERS)


def trigger_subtype(sentence: str) -> str | None:
    """The sub-type of the first trigger phrase list that matches ``sentence``."""
    return next((sub for sub, pattern in _compiled() if pattern.search(sentence)), None)


class KeywordExtractor:
    """A trigger-word baseline with the same ``process(document) -> Result`` shape as the pipeline."""

    name = "keyword baseline"

    def process(self, document: Document) -> Result:
        events = []
        for match in _SENTENCE.finditer(document.text):
            sub = trigger_subtype(match.group())
            if sub is not None:
                events.append(self._event(document, sub, match.start(), match.group().rstrip()))
        return Result(document=document, events=tuple(events))

    @staticmethod
    def _event(document: Document, sub: str, start: int, sentence: str) -> Event:
        lead = len(sentence) - len(sentence.lstrip())
        text = sentence.strip()
        etype = event_type_of(sub)
        plover = PLOVER.get(sub)
        return Event(
            id=f"{document.id}-kw{start}", doc_id=document.id, event_type=etype, sub_event_type=sub,
            modality="asserted", evidence=(Evidence(start + lead, start + lead + len(text), text),),
            confidence=0.5, status=_status(text) if etype == DISRUPTIONS else None,
            plover=Plover(*plover) if plover else None, date=document.published,
            date_precision="day" if document.published else "unknown",
        )


def _status(sentence: str) -> str:
    if _RESTORED.search(sentence):
        return "restored"
    return "restricted" if _RESTRICTED.search(sentence) else "disrupted"
