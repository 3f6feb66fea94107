"""Disruptions: harm to daily life (internet, payments, cash, food, fuel, prices, transport,
public-order measures), each with a status: disrupted, restricted or restored.

A domain word alone ("the internet", "bread") is no event: its clause (or, failing that, its
sentence) must also say what happened to it. Cues are checked in a fixed order (restored,
restricted, disrupted) because a clause that says "restored" is about the restoration even if it
also names the outage; a negated restoration ("no convoys have reached") is a disruption.
Price movements are cues for Prices only, so "food prices rose" is one Prices event.
"""

from __future__ import annotations

import re

from newsevents.model import Status

RESTORED = re.compile(
    r"\b(restor\w*|resum\w*|reopen\w*|re-open\w*|back online|back to normal|lift\w*|eased|normali[sz]\w*|"
    r"reconnect\w*|returned to normal|back in service|repaired|working again|available again|"
    r"crossed into|arrived|delivered|reached|got through|allowed in|let in)\b", re.IGNORECASE)
SHORTAGE = re.compile(
    r"\b(shortages?|short of|ran short|run short|running short|scarcity|scarce|ran out|run out|running out|bare|"
    r"empty|sold out|queues?|queu\w*)\b", re.IGNORECASE)
RESTRICTED = re.compile(
    r"\b(restrict\w*|limit\w*|cap(?:ped|s)?|ration\w*|partial\w*|throttl\w*|slowed|scheduled|rolling|"
    r"certain hours|(?:a|per) day|(?:at|during|for) (?:night|nights)|"
    r"impos\w*|declared?|introduc\w*|extended|in force|enforc\w*|banned|bans?|prohibit\w*|maximum|"
    r"only|reduced|curb\w*)\b", re.IGNORECASE)
DISRUPTED = re.compile(
    r"\b(shut\w*|cut\w*|outages?|down|block\w*|suspend\w*|suspension|clos\w*|halt\w*|stopp\w*|cancel\w*|"
    r"grounded|disrupt\w*|fail\w*|unable|impossible|not (?:\w+ )?possible|cannot|can't|could not|"
    r"empty|bare|shortages?|short|ran out|run out|running out|scarce|scarcity|unavailable|blackouts?|offline|"
    r"collaps\w*|crash\w*|paraly[sz]\w*|strand\w*|out of (?:service|order|stock)|no longer|sold out|dry|"
    r"severed|damaged|destroyed|no (?:bread|food|fuel|power|electricity|water|cash|internet|flights|signal)|"
    r"not (?:even )?have|without (?:power|electricity|internet|water|fuel|food|cash|signal)|stopped working)\b",
    re.IGNORECASE)
UNAFFECTED = re.compile(
    r"\b(not (?:been )?(?:affected|disrupted|interrupted)|unaffected|operating normally|as normal|as usual|"
    r"running normally)\b", re.IGNORECASE)
PRICE_UP = re.compile(
    r"\b(soar\w*|rose|risen|rising|rises?|doubl\w*|tripl\w*|hike\w*|jump\w*|surg\w*|spik\w*|increas\w*|"
    r"up \d|inflation|skyrocket\w*|climb\w*)\b", re.IGNORECASE)
PRICE_DOWN = re.compile(r"\b(fell|fallen|falls?|dropp\w*|drops?|declin\w*|eas\w*|cut)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(no|not|never|n't|without|yet to|failed to)\b", re.IGNORECASE)
MEASURES = "Public order measures"
IN_FORCE = re.compile(r"\b(curfews?|state of emergency|martial law|lockdowns?|emergency rule)\b", re.IGNORECASE)
PRICES = "Prices"


def unaffected(clause: str) -> bool:
    """The clause says the service was not affected: no disruption to code."""
    return bool(UNAFFECTED.search(clause))


def status_of(sub_type: str, clause: str, sentence: str | None = None) -> Status | None:
    """The status a clause (else its sentence) gives a disruption; None when it states none
    (then there is no event). A clause saying it was not affected states that nothing broke."""
    if UNAFFECTED.search(clause):
        return None
    for text in (clause, sentence):
        if text:
            found = _status(sub_type, text)
            if found:
                return found
    return None


def _status(sub_type: str, text: str) -> Status | None:
    if sub_type == PRICES:
        if RESTRICTED.search(text):
            return "restricted"  # a price cap or freeze
        if PRICE_UP.search(text):
            return "disrupted"
        return "restored" if PRICE_DOWN.search(text) else None
    if RESTORED.search(text):
        return "disrupted" if NEGATION.search(text) and not re.search(r"\bnot yet\b", text) and sub_type != MEASURES else "restored"
    if SHORTAGE.search(text) and sub_type != MEASURES:
        return "disrupted"  # queues and empty shelves are a shortage, whatever else is limited
    if RESTRICTED.search(text):
        return "restricted"
    if DISRUPTED.search(text):
        return "restricted" if sub_type == MEASURES else "disrupted"
    if sub_type == MEASURES and IN_FORCE.search(text):
        return "restricted"  # a curfew or state of emergency named as in place is itself the measure
    return None
