"""Does a trigger report that something happened, or only refer to it?

Verbs report ("protesters marched"). A noun reports unless its position says it only refers to
an event already told or to come: under a verb of talking about, judging or causing
("the riots are being investigated", "blamed for the attack", "caused the riots"), inside a noun
phrase about something else ("participation in the riots", "victims of the unrest"), or as a
modifier of another noun ("riot police", "recruitment centre"). A trigger inside "due to ...",
"because of ...", "amid ..." names a cause or backdrop, not a new event.
"""

from __future__ import annotations

from spacy.tokens import Token

REFERENCE_VERBS = frozenset({
    "investigate", "probe", "condemn", "blame", "discuss", "deny", "prevent", "avert", "fear", "warn",
    "plan", "train", "prepare", "recruit", "finance", "fund", "incite", "provoke", "cause", "study",
    "analyse", "analyze", "commemorate", "remember", "describe", "urge", "threaten", "support", "oppose",
    "accuse", "link", "attribute", "participate", "justify", "mourn", "recall", "compare", "document",
    "debate", "criticise", "criticize", "praise", "welcome", "call", "demand", "seek", "want", "expect",
    "predict", "rule", "dismiss", "question", "trigger", "spark", "fuel", "organise", "organize",
    "claim", "carry", "perpetrate", "commit", "suspect", "stop",
})
REFERENCE_PREPS = frozenset({"behind", "after", "before", "since", "following", "for", "without", "against"})
CAUSE_HEADS = frozenset({
    "angry", "anger", "protest", "march", "rally", "demonstrate", "strike", "outrage", "riot", "fury",
    "discontent", "dissatisfaction", "furious", "upset", "frustration", "anger", "grievance", "demonstration",
})
DEPLOY_VERBS = frozenset({
    "deploy", "arrive", "send", "dispatch", "enter", "introduce", "guard", "patrol", "land", "begin", "start",
    "hold", "launch", "take", "assume", "reinforce", "station", "stop", "keep",
})
NON_LETHAL = frozenset({"stun", "smoke", "flash", "tear", "rubber", "water", "sound", "paint"})
CAUSE_MARKERS = frozenset({"due", "because", "amid", "despite", "owing"})
REFERRING_NOUNS = frozenset({
    "participation", "victim", "victims", "aftermath", "anniversary", "investigation", "probe", "cause",
    "causes", "organiser", "organisers", "organizer", "organizers", "wake", "memory", "risk", "threat",
    "fear", "fears", "scenario", "possibility", "report", "reports", "footage", "video", "photos",
})


def in_cause_phrase(token: Token) -> bool:
    """Inside "due to ...", "because of ...", "amid ...", "angry over ...": the reason or backdrop."""
    for ancestor in [token, *token.ancestors][:6]:
        if ancestor.dep_ == "prep" and ancestor.lower_ in {"over", "against", "about"} and (
                ancestor.head.lemma_.lower() in CAUSE_HEADS):
            return True
        if ancestor.dep_ in {"prep", "pcomp"} and ancestor.lower_ in CAUSE_MARKERS:
            return True
        if ancestor.lower_ in {"to", "of"} and ancestor.i > 0 and ancestor.nbor(-1).lower_ in CAUSE_MARKERS:
            return True
    return False


EVENT_HEADS = frozenset({
    "attack", "strike", "raid", "bombing", "blast", "explosion", "assault", "offensive", "shelling", "fire",
    "barrage", "ambush", "operation", "incident", "massacre", "campaign",
})


def modifies_other_noun(token: Token | None, span_end: int) -> bool:
    """A modifier of a noun outside the matched phrase: "riot police", "recruitment centre". A
    modifier of an event noun describes the event itself ("gas attack", "mortar fire")."""
    if token is None or token.dep_ not in {"compound", "amod", "nmod"} or token.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    outside = token.head.i >= span_end or token.head.i < token.i
    return outside and token.head.lemma_.lower() not in EVENT_HEADS


def negative_quantity(token: Token) -> bool:
    """"no arrests", "no one was killed", "nobody was hurt": a statement that nothing happened."""
    if any(c.lower_ == "no" and c.dep_ in {"det", "neg"} for c in token.children):
        return True
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(s.lower_ in {"nobody", "none", "no-one"} or (s.lower_ == "one" and any(
        c.lower_ == "no" for c in s.children)) for s in subjects)


def non_lethal(token: Token) -> bool:
    """"stun grenades", "smoke bombs", "rubber bullets": crowd-control means, not explosives."""
    return any(c.lower_ in NON_LETHAL for c in token.children if c.dep_ in {"compound", "amod"})


def deployed(token: Token) -> bool:
    """Peacekeepers (or troops) named as deployed, arriving or acting, not merely mentioned."""
    if token.pos_ in {"VERB", "AUX"}:
        return True
    verb = token.head if token.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    if verb is not None and verb.lemma_.lower() in DEPLOY_VERBS:
        return True
    return any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in DEPLOY_VERBS | {"introduce"} for c in token.children)


DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})


def definite(token: Token) -> bool:
    return any(c.lower_ in DEFINITE and c.dep_ in {"det", "poss"} for c in token.children)


def reports_occurrence(token: Token, span_end: int, last: Token | None = None, *, disruption: bool = False) -> bool:
    """True when the trigger token states that something happened (see module doc). For a
    disruption a modifier still counts ("bus services were suspended"), and so does "without"
    ("left without electricity")."""
    if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT":
        return True
    if not disruption and (modifies_other_noun(token, span_end) or modifies_other_noun(last, span_end)):
        return False
    if token.i + 1 < len(token.doc) and token.nbor().lower_ == "of" and token.lemma_.lower() == "riot":
        return False  # "a riot of colour"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in REFERENCE_PREPS and not disruption and (
            definite(token) or head.lower_ in {"without", "behind"}):
        return False  # "after the attack", "behind the attack", "without a fight"; not "after a gas attack"
    if token.dep_ == "pobj" and head.dep_ == "prep":
        owner = head.head
        if owner.pos_ in {"NOUN", "PROPN"} and owner.lemma_.lower() in REFERRING_NOUNS and (
                definite(token) or owner.lemma_.lower() not in {"victim", "victims"}):
            return False  # "victims of the riots" refers back; "victims of rape" reports
        return not (owner.pos_ in {"VERB", "AUX"} and owner.lemma_.lower() in REFERENCE_VERBS)
    if token.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        return head.lemma_.lower() not in REFERENCE_VERBS
    return True
