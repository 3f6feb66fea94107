"""Event types: the ACLED codebook (spelled as ACLED spells it), our Disruptions, and PLOVER."""

from __future__ import annotations

from types import MappingProxyType

ACLED: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
})

DISRUPTIONS = "Disruptions"
DISRUPTION_SUBTYPES: tuple[str, ...] = (
    "Internet and telecom", "Payments and banking", "Cash access", "Food and goods supply",
    "Fuel and energy", "Prices", "Transport", "Public order measures",
)
STATUSES: tuple[str, ...] = ("disrupted", "restricted", "restored")

EVENT_TYPES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {**ACLED, DISRUPTIONS: DISRUPTION_SUBTYPES}
)
SUB_TO_TYPE: MappingProxyType[str, str] = MappingProxyType(
    {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}
)

ACTOR_CATEGORIES: tuple[str, ...] = (
    "State forces", "Rebel group", "Political militia", "Identity militia",
    "Rioters", "Protesters", "Civilians", "External/Other forces",
)

# PLOVER (v1.0 event types and modes) for each sub-type that has a counterpart.
# Disruptions have none except public-order measures (COERCE) and restrictions.
PLOVER: MappingProxyType[str, tuple[str, str | None]] = MappingProxyType({
    "Armed clash": ("FIGHT", "firearms"),
    "Government regains territory": ("FIGHT", "occupy"),
    "Non-state actor overtakes territory": ("FIGHT", "occupy"),
    "Chemical weapon": ("FIGHT", "CBRN"),
    "Air/drone strike": ("FIGHT", "aerial"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("FIGHT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("FIGHT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", "primitive"),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("COERCE", "violence"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "primitive"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("ASSAULT", "destroy"),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
    "Other": ("MOBILIZE", None),
    "Public order measures": ("COERCE", "restrict"),
    "Internet and telecom": ("COERCE", "censor"),
})


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-type belongs to; KeyError for a name not in the taxonomy."""
    return SUB_TO_TYPE[sub_event_type]
