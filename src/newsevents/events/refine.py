"""Moving an event to the neighbouring sub-type its sentence calls for (ACLED's coding rules).

- A protest met with tear gas, dispersal or arrests is a "Protest with intervention"; one where
  forces kill or shoot protesters is "Excessive force against protesters"; one where protesters
  throw stones or burn things is a riot ("Violent demonstration").
- Arrests made at a protest are part of the protest event, not a separate one.
- An attack on soldiers, police or a base is a battle ("Armed clash"), not violence against civilians.
- A bombing described as a suicide attack is a "Suicide bomb".
- Territory taken "without a fight" or handed over is a "Non-violent transfer of territory"; territory
  taken by state forces is "Government regains territory", by anyone else "Non-state actor overtakes".
- An explosive defused, found or detonated safely is "Disrupted weapons use".
- An attack carried out with drones, missiles, rockets or artillery is the matching remote-violence type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INTERVENTION = re.compile(
    r"\b(dispers\w*|tear ?gas|water ?cannons?|rubber bullets?|batons?|truncheons?|detain\w*|arrest\w*|"
    r"broke up|broken up|rounded up|beat\w*|charged)\b", re.IGNORECASE)
EXCESSIVE = re.compile(
    r"\b(opened fire|fired (?:live )?(?:rounds|bullets|ammunition)?\s*(?:on|at|into)|live (?:ammunition|rounds|fire)|"
    r"shot dead|killed|killing|shot and killed)\b", re.IGNORECASE)
PROTESTER_VIOLENCE = re.compile(
    r"\b(threw|throwing|hurled|hurling)\s+(stones|rocks|petrol|molotov|bottles)|\b(torched|set fire|set ablaze|"
    r"vandali[sz]ed|smashed|ransacked|burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles|buildings))\b", re.IGNORECASE)
FORCES = re.compile(
    r"\b(soldiers?|troops|army|military|police(?:men)?|officers?|gendarmes?|security forces|checkpoints?|"
    r"barracks|bases?|outposts?|patrols?|convoys?)\b", re.IGNORECASE)
SUICIDE = re.compile(r"\bsuicide\b|\bblew (?:himself|herself|themselves) up\b", re.IGNORECASE)


NON_VIOLENT = re.compile(
    r"\b(without (?:a fight|resistance|a shot|firing a shot|fighting|bloodshed)|unopposed|peacefully|"
    r"handed (?:it |them )?over|hand(?:ed|ing)? (?:it |them )?over|handover|withdr[ae]w\w*|pull(?:ed)? out)\b", re.IGNORECASE)
STATE_ACTOR = re.compile(
    r"\b(soldiers?|troops|army|military|government forces|armed forces|security forces|police|marines|"
    r"national guard)\b", re.IGNORECASE)
DISARMED = re.compile(
    r"\b(defus\w*|safely detonated|controlled (?:explosion|detonation)|found|discovered|seized|"
    r"dismantl\w*|neutrali[sz]ed|deactivated|recovered|prematurely|while (?:assembling|making|planting)|"
    r"being (?:assembled|made))\b", re.IGNORECASE)
INSTRUMENTS = (
    (re.compile(r"\bwith\b[^.]{0,40}\b(drones?|air ?strikes?|warplanes?)\b", re.IGNORECASE), "Air/drone strike"),
    (re.compile(r"\bwith\b[^.]{0,40}\b(missiles?|rockets?|artillery|mortars?|shells?)\b", re.IGNORECASE),
     "Shelling/artillery/missile attack"),
    (re.compile(r"\bwith\b[^.]{0,40}\bgrenades?\b", re.IGNORECASE), "Grenade"),
)


@dataclass(frozen=True, slots=True)
class Context:
    sentence: str  # the whole sentence
    clause: str  # the event's own clause
    before: str = ""  # the clause's text before the trigger (where the actor usually is)
    after: str = ""  # the clause's text from the trigger on (where the target usually is)


def refine(sub_type: str, ctx: Context) -> str:
    """The sub-type after ACLED's rules for the sentence the event sits in."""
    if sub_type in {"Peaceful protest", "Protest with intervention"}:
        if PROTESTER_VIOLENCE.search(ctx.sentence):
            return "Violent demonstration"
        if EXCESSIVE.search(ctx.sentence) and FORCES.search(ctx.sentence):
            return "Excessive force against protesters"
        if INTERVENTION.search(ctx.sentence):
            return "Protest with intervention"
        return "Peaceful protest"
    if sub_type in {"Remote explosive/landmine/IED", "Attack"} and SUICIDE.search(ctx.sentence):
        return "Suicide bomb"
    if sub_type == "Attack":
        return _attack(ctx)
    if sub_type in {"Non-state actor overtakes territory", "Government regains territory"}:
        return _territory(sub_type, ctx)
    if sub_type == "Remote explosive/landmine/IED" and DISARMED.search(ctx.clause):
        return "Disrupted weapons use"
    return sub_type


def _attack(ctx: Context) -> str:
    for pattern, sub_type in INSTRUMENTS:
        if pattern.search(ctx.clause):
            return sub_type
    if FORCES.search(ctx.after) and not re.search(
            r"\b(civilians?|villagers?|residents?|worshippers?|passengers?|students?|children|travell?ers?|"
            r"commuters?|farmers?|traders?|pilgrims?|motorists?|families|women)\b", ctx.after, re.IGNORECASE):
        return "Armed clash"
    return "Attack"


def _territory(sub_type: str, ctx: Context) -> str:
    if NON_VIOLENT.search(ctx.sentence):
        return "Non-violent transfer of territory"
    if STATE_ACTOR.search(ctx.before):
        return "Government regains territory"
    if ctx.before.strip() and sub_type == "Government regains territory":
        return "Non-state actor overtakes territory"
    return sub_type
