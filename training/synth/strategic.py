"""Template families for ACLED's Strategic developments sub-event types."""

from __future__ import annotations

from synth import lexicon as lx
from synth.acled import NONSTATE, TOWNS_OBJ, _g
from synth.grammar import Custom, Spec

NOT_ATTEMPTED = ("asserted", "planned", "hypothetical", "negated")
UNOPPOSED = (" without a fight", " unopposed", " after the other side withdrew", " under the handover agreement",
             " as agreed in the peace deal", " without firing a shot")
DISRUPTERS = lx.STATE_FORCES + ("+security forces", "+intelligence officers")
DISRUPT_TAILS = (" {where}", ", {source} said", " {when}", "")
DISRUPT_MODS = ("asserted", "attempted", "hypothetical", "negated")


def agreements() -> tuple[Spec, ...]:
    parties = ("the government and {rebels}", "+the belligerents", "+both sides", "+the two sides", "+rival factions",
               "the army and the separatists", "+the two countries", "+community leaders", "+clan elders",
               "+representatives of {rebels} and the government", "+the junta and armed groups")
    agreement = Spec("Agreement", (
        _g("sign", parties, ("sign/signed/signed", "agree/agreed/agreed to", "reach/reached/reached", "conclude/concluded/concluded"),
           ("a ceasefire agreement", "a peace deal", "a truce", "a memorandum of understanding", "a power-sharing deal",
            "a ceasefire", "a prisoner exchange", "a humanitarian pause", "a deal to reopen the road to {town}",
            "a local peace accord {where}", "an evacuation agreement for {town}"),
           (" in {town}", " after weeks of talks", " mediated by the African Union", " brokered by {country}", ""),
           modalities=("asserted", "attempted", "planned", "hypothetical", "negated")),
        _g("swap", parties, ("exchange/exchanged/exchanged", "swap/swapped/swapped", "release/released/released"),
           ("+prisoners", "+{count} prisoners", "+detainees", "+the bodies of fallen fighters", "+hostages under a deal"),
           (" under a deal brokered by {country}", " as part of the agreement", ""), modalities=NOT_ATTEMPTED),
    ), (
        Custom("truce_custom", (
            "A ceasefire brokered by mediators took effect {when} in {town}.",
            "{count} detainees were freed as part of a prisoner swap between the government and {rebels}.",
            "The two sides agreed to let civilians leave the besieged town through a humanitarian corridor.",
            "{rebels} surrendered to the army under an amnesty deal {when}.",
            "The hostages were released {when} following talks mediated by religious leaders.",
            "Elders from the two communities signed a pact ending months of clashes over grazing land.",
        )),
    ))
    arrests = Spec("Arrests", (
        _g("arrest", lx.STATE_FORCES + ("the authorities", "+prosecutors", "+intelligence agents", "the security service"),
           ("arrest/arrested/arrested", "detain/detained/detained", "round/rounded/rounded up", "take/took/taken into custody",
            "apprehend/apprehended/apprehended", "jail/jailed/jailed"),
           ("opposition leader {person}", "+{count} suspects", "a prominent journalist", "+opposition activists",
            "the former prime minister", "+members of an opposition party", "+{count} people suspected of taking part in the riots",
            "a senior rebel commander", "+dozens of protest organisers", "the head of the security service", "{person}",
            "+{count} people accused of looting", "a former minister on corruption charges"),
           (" {where}", ", {source} said", " on charges of terrorism", " in connection with the unrest", ""),
           modalities=("asserted", "attempted", "planned", "hypothetical", "negated")),
    ), (
        Custom("arrest_custom", (
            "{count} people have been detained in connection with the unrest, the interior ministry said.",
            "Police said they had arrested a suspect in the killing of the local official.",
            "More than {num} people were taken into custody across the country {when}.",
            "The former security chief was detained on suspicion of high treason.",
            "Authorities raided the homes of several activists and detained them overnight.",
        )),
    ))
    return agreement, arrests


def group_changes() -> tuple[Spec, ...]:
    change = Spec("Change to group/activity", (
        _g("deploy", lx.STATE_FORCES + ("the government", "the defence ministry", "+foreign allies", "the regional bloc"),
           ("deploy/deployed/deployed", "send/sent/sent", "move/moved/moved", "mobilise/mobilised/mobilised", "dispatch/dispatched/dispatched"),
           ("+additional troops to {town}", "+reinforcements to {town}", "+armoured vehicles to the border", "+reservists",
            "+peacekeepers to {country}", "+special forces to the region", "+thousands of soldiers to {town}"),
           (" {when}", ", {source} said", ""), modalities=("asserted", "planned", "hypothetical", "negated")),
        _g("arrive", ("+foreign troops", "+peacekeepers", "+reinforcements", "+troops from {country}", "a contingent of soldiers",
                      "+police officers from {country}", "+allied forces", "+the first peacekeepers"),
           ("arrive/arrived/arrived in", "land/landed/landed in", "reach/reached/reached", "deploy/deployed/deployed to"),
           ("{town}", "the capital", "the region", "{country}"), (" {when}", " to help restore order", ""), passive=False,
           modalities=("asserted", "planned", "hypothetical", "negated")),
        _g("recruit", NONSTATE + ("the government", "the army", "the junta"),
           ("recruit/recruited/recruited", "launch/launched/launched a campaign to recruit", "announce/announced/announced the creation of",
            "form/formed/formed"),
           ("+thousands of volunteers", "+{num},000 fighters", "a new alliance", "a new armed wing", "a new militia",
            "+child soldiers"), (" {when}", ", {source} said", ""), passive=False,
           modalities=("asserted", "planned", "hypothetical", "negated")),
        _g("group_structure", NONSTATE,
           ("announce/announced/announced", "declare/declared/declared", "pledge/pledged/pledged allegiance to",
            "split/split/split from", "join/joined/joined forces with"),
           ("a merger with {rebels}", "a new leader", "its dissolution", "a boycott of the election", "a new name",
            "Islamic State", "al-Qaeda", "{rebels}", "an end to its unilateral ceasefire", "the suspension of its operations"),
           (" {when}", " in a statement", ""), passive=False, modalities=("asserted", "planned", "hypothetical", "negated")),
    ), (
        Custom("arrival", (
            "Troops from {country} arrived in {town} as part of a regional deployment {when}.",
            "The rebel group said it was suspending its participation in the peace process.",
            "The militia announced that it had disbanded and handed its weapons to the army.",
            "Thousands of fighters have been recruited by {rebels} in recent weeks, {source} said.",
            "The armed group changed its name and appointed a new commander {when}.",
            "A convoy of foreign peacekeepers crossed into {country} {when}.",
            "The rebel group appointed a new commander after its leader was killed.",
        )),
    ))
    disrupted = Spec("Disrupted weapons use", (
        _g("defuse", DISRUPTERS + ("+bomb disposal experts", "+army engineers"),
           ("defuse/defused/defused", "dismantle/dismantled/dismantled", "disarm/disarmed/disarmed", "detonate/detonated/detonated safely",
            "discover/discovered/discovered"),
           ("a bomb planted near a school", "an explosive device", "+two IEDs on the road to {town}", "a car packed with explosives",
            "a landmine field near {town}", "a would-be suicide bomber", "a bomb-making workshop"), DISRUPT_TAILS, modalities=DISRUPT_MODS),
        _g("seize_arms", DISRUPTERS + ("+customs officers",),
           ("seize/seized/seized", "confiscate/confiscated/confiscated", "recover/recovered/recovered", "discover/discovered/discovered",
            "find/found/found"),
           ("a cache of weapons", "+rifles and ammunition", "a truck loaded with explosives", "a shipment of weapons",
            "+weapons smuggled across the border", "an arms depot", "+{count} rocket launchers"), DISRUPT_TAILS, modalities=DISRUPT_MODS),
        _g("intercept", ("+air defences", "the air force", "the army", "+air defence units", "the navy"),
           ("intercept/intercepted/intercepted", "shoot/shot/shot down", "down/downed/downed", "destroy/destroyed/destroyed in flight"),
           ("a drone", "+drones over {town}", "a missile", "+{count} rockets fired at {town}", "a cruise missile",
            "+{count} attack drones"), DISRUPT_TAILS, modalities=DISRUPT_MODS),
        _g("foil", DISRUPTERS, ("foil/foiled/foiled", "thwart/thwarted/thwarted", "prevent/prevented/prevented", "disrupt/disrupted/disrupted"),
           ("a bomb plot", "a planned attack on a church", "a plot to attack a stadium", "a suicide attack on a checkpoint",
            "an attempt to smuggle explosives into {town}"), DISRUPT_TAILS, modalities=DISRUPT_MODS),
    ), (
        Custom("disrupt_custom", (
            "A bomb found near a market in {town} was safely detonated by army engineers.",
            "Air defences downed {count} drones approaching {town} {when}, {source} said.",
            "Police said they had foiled a plot to attack a church by arresting two men carrying explosives.",
            "Troops discovered an arms depot containing rockets and mortar rounds {where}.",
            "The navy intercepted a boat carrying weapons destined for the rebels.",
            "An explosive device went off while insurgents were handling it, killing the bomb-maker.",
            "A suicide bomber's vest failed to go off and he was overpowered by worshippers.",
        )),
    ))
    return change, disrupted


def territory() -> tuple[Spec, ...]:
    base = Spec("Headquarters or base established", (
        _g("set_up", lx.REBELS + lx.STATE_FORCES + ("+foreign troops", "+peacekeepers", "the mercenaries"),
           ("set/set/set/setting up", "establish/established/established", "open/opened/opened", "build/built/built",
            "install/installed/installed"),
           ("a base in {town}", "a new headquarters in {town}", "a camp near {town}", "a military outpost", "a command centre",
            "a forward operating base", "a training camp {where}", "+checkpoints and a base", "a regional headquarters"),
           (" {when}", ", {source} said", ""), modalities=("asserted", "planned", "hypothetical", "negated")),
    ), (
        Custom("hq_custom", (
            "{rebels} have turned a school in {town} into their headquarters, residents said.",
            "The militia has established its base in an abandoned factory on the edge of {town}.",
            "Foreign troops moved into a former airbase near {town} and set up their command there.",
            "Insurgents built a camp in the forest {where} and have used it as a base for months.",
        )),
    ))
    looting = Spec("Looting/property destruction", (
        _g("loot", lx.REBELS + lx.MILITIAS + lx.UNKNOWN_ATTACKERS + ("+looters", "+soldiers", "+armed men"),
           ("loot/looted/looted", "torch/torched/torched", "burn/burned/burned down", "destroy/destroyed/destroyed",
            "ransack/ransacked/ransacked", "raze/razed/razed", "pillage/pillaged/pillaged", "plunder/plundered/plundered",
            "set/set/set/setting fire to", "vandalise/vandalised/vandalised", "blow/blew/blown up",
            "demolish/demolished/demolished"),
           ("+shops in {town}", "a warehouse", "a bank", "+market stalls", "a school building", "+classrooms",
            "+polling stations", "+aid stores", "a hospital", "+homes in {town}",
            "+houses", "a village {where}", "+granaries", "+cell phone towers", "a church", "+government offices",
            "a health centre", "+dozens of homes"), (" {where}", ", {source} said", " {when}", ""),
           modalities=("asserted", "attempted", "hypothetical", "negated")),
    ), (
        Custom("looted_custom", (
            "Looters emptied supermarkets and electronics stores in {town} {when}.",
            "{count} homes were burned in {town} after fighters swept through the area.",
            "Shops and warehouses were looted in the commercial district of {town} overnight.",
            "Armed men made off with livestock and grain from villages near {town}.",
            "Several shops were looted and cars burned during the night, {source} said.",
        )),
    ))
    transfer = Spec("Non-violent transfer of territory", (
        _g("withdraw", lx.STATE_FORCES + lx.REBELS,
           ("withdraw/withdrew/withdrawn from", "pull/pulled/pulled out of", "retreat/retreated/retreated from",
            "hand/handed/handed over", "cede/ceded/ceded control of", "vacate/vacated/vacated", "leave/left/left"),
           TOWNS_OBJ + ("+positions around {town}", "the base near {town}"),
           (" without a fight", " under a negotiated deal", ", allowing {rebels} to move in unopposed", " as part of a ceasefire",
            " without any fighting", ""), passive=False, modalities=("asserted", "planned", "hypothetical", "negated")),
        _g("unopposed", lx.STATE_FORCES + lx.REBELS, ("take/took/taken control of", "enter/entered/entered", "move/moved/moved into"),
           tuple(f"{place}{how}" for place in TOWNS_OBJ for how in UNOPPOSED), passive=False,
           modalities=("asserted", "planned", "negated")),
    ), (
        Custom("handover", (
            "{rebels} entered {town} unopposed after the army withdrew {when}.",
            "Control of the border post was transferred to {rebels} without fighting.",
            "Government troops handed over their positions in {town} to peacekeepers.",
            "The militia pulled out of {town} under the terms of the agreement, and police took over security.",
        )),
    ))
    other = Spec("Other", (
        _g("coup", ("+army officers", "a group of soldiers", "the military", "+mutinous soldiers", "a military junta"),
           ("seize/seized/seized power in", "announce/announced/announced", "depose/deposed/deposed", "dissolve/dissolved/dissolved"),
           ("{country}", "the dissolution of the government", "the suspension of the constitution", "the president",
            "parliament", "the closure of all borders"), (" in a televised statement", " {when}", ""), passive=False,
           modalities=("asserted", "planned", "hypothetical", "negated")),
        _g("graves", ("+investigators", "+residents", "+forensic teams", "+police", "+farmers", "+search teams"),
           ("discover/discovered/discovered", "find/found/found", "uncover/uncovered/uncovered", "exhume/exhumed/exhumed"),
           ("a mass grave containing {num} bodies near {town}", "+the bodies of {count} people", "+several bodies dumped by a roadside",
            "a mass grave {where}", "+the remains of {num} people"), (" {when}", ", {source} said", ""),
           modalities=("asserted", "hypothetical", "negated")),
    ), (
        Custom("other_custom", (
            "Soldiers appeared on state television to announce they had taken power and dissolved the government.",
            "The bodies of {count} men with gunshot wounds were found dumped in a ditch outside {town}.",
            "The presidential guard detained the president in an apparent coup {when}.",
            "{count} inmates escaped from the central prison in {town} during the chaos.",
        )),
    ))
    return base, looting, transfer, other
