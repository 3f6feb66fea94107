"""Template families for ACLED's Protests and Riots sub-event types."""

from __future__ import annotations

from synth import lexicon as lx
from synth.acled import NOMINAL, _g
from synth.grammar import Custom, Spec

GRIEVANCES = (
    "against rising fuel prices", "over unpaid salaries", "against the new tax law", "against the election results",
    "to demand the release of detained activists", "over power cuts", "against police brutality",
    "against a hike in gas prices", "over the cost of living", "against corruption", "to demand clean water",
    "against a proposed mining project", "in support of the striking workers", "against the government's pension reform",
    "over land evictions", "against the closure of a hospital", "to demand justice for a murdered activist",
    "against the president's bid for another term", "over the killing of a young man by police", "against the curfew",
)
SITES = (
    "outside parliament", "in front of the governor's office", "in the main square of {town}", "{where}",
    "outside the presidential palace", "near the central bank", "at the university campus in {town}",
    "along the main avenue of {town}", "outside the courthouse in {town}", "{where} {when}",
)


def _with_sites(verb_objs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{g} {s}" for g in verb_objs for s in SITES[:4]) + SITES


def protests() -> tuple[Spec, ...]:
    peaceful = Spec("Peaceful protest", (
        _g("protest_verbs", lx.PROTESTERS,
           ("protest/protested/protested", "rally/rallied/rallied", "march/marched/marched", "gather/gathered/gathered",
            "demonstrate/demonstrated/demonstrated", "stage/staged/staged a sit-in", "hold/held/held a demonstration",
            "take/took/taken to the streets", "go/went/gone on strike", "stage/staged/staged a walkout",
            "hold/held/held a candlelight vigil", "picket/picketed/picketed", "hold/held/held a hunger strike",
            "stage/staged/staged a car convoy"),
           _with_sites(GRIEVANCES), (", chanting slogans", ", waving flags", " peacefully", ", and the rally ended without incident",
                                     " without incident", ", carrying placards", ", {source} said", ""), passive=False),
        _g("block", lx.PROTESTERS, ("block/blocked/blocked", "occupy/occupied/occupied", "barricade/barricaded/barricaded"),
           ("the main highway into {town}", "a road {where}", "the entrance to a mine", "a bridge in {town}",
            "the offices of the regional administration"), tuple(" in protest " + g for g in GRIEVANCES[:6]) + ("",), passive=False),
        _g("protest_noun", ("a protest", "a peaceful demonstration", "a rally", "a march", "a sit-in", "+protests",
                            "a vigil", "a strike", "+demonstrations", "a large rally", "a women's march", "a student protest"),
           ("take/took/taken place", "draw/drew/drawn", "spread/spread/spread to", "pass/passed/passed off peacefully in"),
           ("{where}", "+thousands of people {where}", "{town}", "+hundreds of people"), tuple(" " + g for g in GRIEVANCES[:8]) + ("",),
           passive=False, modalities=NOMINAL),
    ), (
        Custom("planned_protest", (
            "Organisers called on supporters to rally {where} {future}.",
            "Opposition parties have called a nationwide strike for {future}.",
            "A march is planned for {future} in {town} " + GRIEVANCES[0] + ".",
            "Unions announced a general strike starting {future}.",
            "Activists plan to gather outside parliament {future} to protest the new law.",
            "Teachers said they would walk out {future} unless their pay demands were met.",
        ), modality="planned"),
        Custom("crowd", (
            "Thousands of people filled the streets of {town} {when} " + GRIEVANCES[3] + ".",
            "Hundreds of farmers drove tractors into {town} to protest against cheap imports.",
            "Protests over the price hike spread from {town} to several other cities {when}.",
            "Residents of {town} held a sit-in outside the water utility's office for a third day.",
            "Demonstrators marched to the presidential palace carrying portraits of detained relatives.",
            "Workers at the oil field downed tools and gathered at the company gates {when}.",
            "Residents took to the streets of {town} to denounce the price increases.",
        )),
        Custom("no_protest", (
            "There were no demonstrations in {town} {when}, {source} said.", "The planned rally in {town} did not take place, {source} said.",
        ), modality="negated", weight=0.3),
    ))
    intervention = Spec("Protest with intervention", (
        _g("disperse", ("+police", "+riot police", "+security forces", "+soldiers", "+anti-riot units", "the national guard"),
           ("disperse/dispersed/dispersed", "break/broke/broken up", "fire/fired/fired tear gas at", "use/used/used water cannon on",
            "block/blocked/blocked", "push/pushed/pushed back", "charge/charged/charged", "detain/detained/detained",
            "arrest/arrested/arrested", "beat/beat/beaten back", "fire/fired/fired rubber bullets at"),
           ("+protesters {where}", "a demonstration", "a rally by opposition supporters", "+students marching " + GRIEVANCES[0],
            "+demonstrators who had gathered outside parliament", "a sit-in", "+dozens of protesters", "a march in {town}",
            "+striking workers", "+women protesting " + GRIEVANCES[6]),
           (" using tear gas and batons", ", detaining {count} people", ", witnesses said", " with rubber bullets", ""),
           modalities=("asserted", "attempted", "hypothetical", "negated")),
    ), (
        Custom("intervention_custom", (
            "Tear gas was fired to disperse a crowd of {protesters} {where}.",
            "{count} protesters were arrested as police broke up a march in {town} {when}.",
            "Riot officers with batons and a water cannon truck pushed the demonstrators out of the square.",
            "A peaceful rally {where} ended when security forces moved in and detained the organisers.",
            "Officers in riot gear prevented the marchers from reaching the ministry, arresting several of them.",
            "Demonstrators were dragged into police vans after refusing to leave the square in {town}.",
        )),
    ))
    excessive = Spec("Excessive force against protesters", (
        _g("live_fire", lx.STATE_FORCES,
           ("open/opened/opened fire on", "shoot/shot/shot dead", "kill/killed/killed", "fire/fired/fired live ammunition at",
            "fire/fired/fired live rounds into", "beat/beat/beaten to death", "gun/gunned/gunned down"),
           ("+protesters", "+unarmed demonstrators", "+peaceful protesters", "a crowd of demonstrators",
            "a man filming the protest", "+people at a peaceful sit-in",
            "+students protesting " + GRIEVANCES[2], "+people marching " + GRIEVANCES[1], "+mourners at a protest funeral",
            "a young protester"), (", killing {count}", ", leaving {count} dead", ", wounding dozens", " {where}", ""),
           modalities=("asserted", "hypothetical", "negated")),
    ), (
        Custom("excessive_custom", (
            "{count} protesters were killed when troops shot into a demonstration {where}.",
            "Rights groups said at least {num} demonstrators died after police used live ammunition {where}.",
            "A protester died after being hit in the head by a tear gas canister fired at close range, doctors said.",
            "Soldiers shot into a crowd of marchers " + GRIEVANCES[0] + ", killing {numword} people.",
            "Security forces killed {count} people as they crushed protests in {town} {when}.",
        )),
    ))
    return peaceful, intervention, excessive


def riots() -> tuple[Spec, ...]:
    violent = Spec("Violent demonstration", (
        _g("riot_target", lx.RIOTERS,
           ("set/set/set/setting fire to", "torch/torched/torched", "ransack/ransacked/ransacked", "storm/stormed/stormed",
            "vandalise/vandalised/vandalised", "smash/smashed/smashed the windows of", "attack/attacked/attacked",
            "throw/threw/thrown stones at", "hurl/hurled/hurled petrol bombs at", "break/broke/broken into"),
           ("a police station {where}", "+government buildings in {town}", "the mayor's office", "the parliament building",
            "the governor's office", "+police cars", "+riot police", "city hall", "the ruling party's headquarters",
            "the regional administration building in {town}", "+security forces", "a bus", "+shops", "+banks and shops"),
           (" during protests " + GRIEVANCES[0], " as anger " + GRIEVANCES[8] + " boiled over", ", {source} said", ""),
           modalities=("asserted", "attempted", "planned", "hypothetical", "negated")),
        _g("riot_clash", lx.RIOTERS, ("clash/clashed/clashed with", "fight/fought/fought running battles with", "pelt/pelted/pelted"),
           ("+police", "+riot police", "+security forces", "+police {where}"),
           (" during protests " + GRIEVANCES[2], ", throwing stones and burning tyres", ""), passive=False),
        _g("riot_noun", ("+riots", "+violent protests", "+unrest", "+street battles", "+rioting"),
           ("break/broke/broken out", "erupt/erupted/erupted", "rock/rocked/rocked", "spread/spread/spread to"),
           ("{where}", "{town}", "+several cities", "the capital"), (" after " + GRIEVANCES[10], ""), passive=False, modalities=NOMINAL),
    ), (
        Custom("turned_violent", (
            "Protests turned violent {where} as demonstrators smashed shop windows and hurled petrol bombs at police.",
            "Rioters burned tyres and blocked roads in {town} {when}, {source} said.",
            "Crowds of youths set cars alight and attacked the police headquarters in {town}.",
            "A demonstration " + GRIEVANCES[0] + " descended into rioting, with protesters throwing rocks at officers.",
            "Protesters forced their way into the administration building and set it on fire.",
        )),
    ))
    mob = Spec("Mob violence", (
        _g("lynch", lx.MOBS,
           ("lynch/lynched/lynched", "beat/beat/beaten to death", "attack/attacked/attacked", "burn/burned/burned alive", "torture/tortured/tortured",
            "hack/hacked/hacked to death",
            "stone/stoned/stoned", "assault/assaulted/assaulted", "set/set/set/setting upon", "chase/chased/chased and beat"),
           ("a man accused of theft", "a suspected thief", "+two men accused of witchcraft", "a police officer",
            "a motorcyclist who had hit a child", "+members of a rival community", "a man suspected of blasphemy",
            "a suspected kidnapper", "+migrants", "+traders from another region", "a tax collector", "a woman", "a young man",
            "a suspected child abductor"),
           (" {where}", ", {source} said", " {when}", ""), modalities=("asserted", "attempted", "hypothetical", "negated")),
    ), (
        Custom("mob_custom", (
            "Residents took the law into their own hands and killed a suspected robber {where}.",
            "An angry crowd dragged two men from a police car and beat them {where}, {source} said.",
            "Villagers armed with machetes attacked families from a neighbouring community after a land dispute.",
            "A mob torched the homes of a religious minority in {town} after rumours of blasphemy.",
            "Clashes between rival groups of residents with sticks and stones left {count} injured in {town}.",
        )),
    ))
    return violent, mob
