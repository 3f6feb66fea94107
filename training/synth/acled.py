"""Template families for ACLED's violent sub-event types (semantics from the ACLED codebook)."""

from __future__ import annotations

from synth import lexicon as lx
from synth.grammar import Custom, Group, Spec, verbs

NOMINAL = ("asserted", "hypothetical", "negated")
NO_PLAN = ("asserted", "attempted", "hypothetical", "negated")

KILL = (
    ", killing {count} {victims}", ", killing {numword} people", ", wounding {count} others",
    ", leaving {count} dead", ", according to {source}", " and wounded {count} {victims}",
    ", local officials said", ", killing {num} and injuring {num}", "",
)
COMBAT = (
    ", leaving {count} {fighters} dead", ", killing {num} soldiers", ", according to {source}",
    " for several hours", ", with casualties on both sides", ", killing {count} {fighters}", "",
)
ARMED = lx.STATE_FORCES + lx.REBELS + lx.MILITIAS
NONSTATE = lx.REBELS + lx.MILITIAS
TOWNS_OBJ = (
    "the town of {town}", "{town}", "+several villages near {town}", "the strategic town of {town}",
    "a key border crossing near {town}", "the district capital {town}", "+areas around {town}",
    "the airport in {town}", "the main road into {town}", "the city of {town}", "+two villages in {country}",
)


def _g(name: str, subjects: tuple[str, ...], verb_specs: tuple[str, ...], objects: tuple[str, ...] = ("",),
       tails: tuple[str, ...] = ("",), passive: bool = True, modalities: tuple[str, ...] | None = None,
       weight: float = 1.0) -> Group:
    mods = modalities or ("asserted", "attempted", "planned", "hypothetical", "negated")
    return Group(name, subjects, verbs(*verb_specs), objects, tails, passive and objects != ("",), mods, None, weight)


def battles() -> tuple[Spec, ...]:
    clash = Spec("Armed clash", (
        _g("clash_with", ARMED, ("clash/clashed/clashed with", "exchange/exchanged/exchanged fire with",
                                 "fight/fought/fought", "battle/battled/battled", "engage/engaged/engaged in a gun battle with",
                                 "trade/traded/traded gunfire with"),
           ("{rebels}", "{state}", "{militia}", "+rival fighters", "+government troops", "+rebels"), COMBAT, passive=False),
        _g("assault_military", NONSTATE, ("attack/attacked/attacked", "ambush/ambushed/ambushed", "raid/raided/raided",
                                          "assault/assaulted/assaulted", "overrun/overran/overrun/overrunning"),
           ("an army base", "a military post", "a police checkpoint", "an army convoy", "a military patrol",
            "a gendarmerie station", "+army positions", "a border post", "+government troops", "a police station"),
           COMBAT),
        _g("offensive", lx.STATE_FORCES, ("attack/attacked/attacked", "raid/raided/raided", "ambush/ambushed/ambushed",
                                          "launch/launched/launched an offensive against", "engage/engaged/engaged"),
           ("+rebel positions", "a militant camp", "a rebel stronghold", "+insurgents hiding in a forest", "+fighters of {rebels}",
            "an insurgent hideout"), COMBAT),
        _g("fighting_noun", ("heavy fighting", "+clashes", "a gun battle", "fierce fighting", "an exchange of fire",
                             "a firefight", "+skirmishes", "+armed clashes", "+battles"),
           ("erupt/erupted/erupted", "break/broke/broken out", "rage/raged/raged", "flare/flared/flared up"),
           ("between {state} and {rebels} {where}", "between rival armed groups {where}", "between {militia} and {rebels}",
            "on the front line near {town}"), COMBAT, passive=False, modalities=NOMINAL),
    ), (
        Custom("no_clashes", (
            "There were no reports of fighting {where} {when}.", "There was no fighting in {town} {when}, {source} said.",
            "The front line near {town} was quiet, with no exchanges of fire reported.",
        ), modality="negated", weight=0.4),
        Custom("casualties", (
            "{count} {fighters} were killed in fighting between {state} and {rebels} {where} {when}.",
            "{num} soldiers and {num} militants died in clashes {where}, {source} said.",
            "The army said it killed {count} insurgents in a battle {where} {when}.",
            "Soldiers repelled an attack by {rebels} on their base {where}, killing {num} of the attackers.",
            "Fighting between two rival militias {where} left {count} dead {when}.",
            "{state} and {rebels} fought for control of the road to {town} {when}.",
            "Gunfire was heard for hours as {rebels} fought {state} {where}.",
        )),
    ))
    regain = Spec("Government regains territory", (
        _g("recapture", lx.STATE_FORCES, ("recapture/recaptured/recaptured", "retake/retook/retaken", "regain/regained/regained control of",
                                          "liberate/liberated/liberated", "take/took/taken back", "reclaim/reclaimed/reclaimed",
                                          "win/won/won back/winning", "take/took/taken control of", "take/took/taken full control of",
                                          "secure/secured/secured", "enter/entered/entered", "clear/cleared/cleared"),
           TOWNS_OBJ, (" from {rebels}", ", driving out {rebels}", " after days of fighting", " after a week-long offensive",
                       " from the militants", ", the defence ministry said", "")),
        _g("back_in_hands", ("{town}", "the town", "the border district", "the strategic hill", "the provincial capital"),
           ("return/returned/returned to government control", "fall/fell/fallen back into government hands",
            "come/came/come back under army control"),
           tails=(" after {rebels} were driven out", " after fierce fighting", " on {when}", ""), passive=False, modalities=NOMINAL),
    ), (
        Custom("announce", (
            "The army announced that {town} was back under government control after {rebels} withdrew under fire.",
            "{rebels} were driven out of {town} by {state} after three days of fighting.",
            "Government forces raised the national flag over {town} after pushing {rebels} out of the town.",
            "The military said troops had cleared {town} of insurgents and restored state authority there.",
            "Troops entered {town} {when} after dislodging {rebels} who had held it since {month}.",
        )),
    ))
    overtake = Spec("Non-state actor overtakes territory", (
        _g("seize", NONSTATE, ("seize/seized/seized", "capture/captured/captured", "take/took/taken control of",
                               "overrun/overran/overrun/overrunning", "gain/gained/gained control of", "occupy/occupied/occupied"),
           TOWNS_OBJ + ("an army base near {town}", "+government buildings in {town}", "the police headquarters in {town}"),
           (" after government forces fled", " after heavy fighting with {state}", ", raising their flag over the town hall",
            " from {state}", ", residents said", " after a two-day battle", "")),
        _g("fell_to", ("{town}", "the town", "the district capital", "the border town", "a military base near {town}"),
           ("fall/fell/fallen to", "come/came/come under the control of"),
           ("{rebels}", "{militia}", "+the insurgents", "+the rebels"), (" after heavy fighting", " {when}", ""),
           passive=False, modalities=NOMINAL),
    ), (
        Custom("control", (
            "{rebels} now control {town} after routing {state} {when}, residents said.",
            "Insurgents hoisted their flag in {town} after seizing it from the army {when}.",
            "The militia said it had taken over the district headquarters in {town} following clashes with troops.",
            "{town} has been in the hands of {rebels} since {when}, after soldiers abandoned their posts under attack.",
        )),
    ))
    return clash, regain, overtake


def remote() -> tuple[Spec, ...]:
    chemical = Spec("Chemical weapon", (
        _g("gas_use", ("+government forces", "the regime", "+Islamic State militants", "+militants", "the army", "+unknown attackers"),
           ("use/used/used chlorine gas against", "drop/dropped/dropped chlorine barrels on", "fire/fired/fired shells filled with toxic gas at",
            "attack/attacked/attacked with sarin", "use/used/used a nerve agent against", "use/used/used chemical weapons against",
            "release/released/released a toxic chemical in", "drop/dropped/dropped canisters of irritant gas on"),
           ("{town}", "a rebel-held suburb", "+civilians in {town}", "+residents of a besieged district", "+opposition fighters",
            "+enemy trenches near {town}", "+army positions", "+soldiers in their dugouts"),
           KILL, passive=False),
        _g("gas_noun", ("a chemical attack", "a suspected chlorine gas attack", "a poison gas attack", "a sarin attack",
                        "a chemical weapons attack", "a toxic gas attack"),
           ("kill/killed/killed", "hit/hit/hit/hitting", "strike/struck/struck/striking", "leave/left/left"),
           ("{count} {victims}", "{town}", "a rebel-held town", "+dozens of people struggling to breathe"),
           (" {where}", ", doctors said", ""), modalities=NOMINAL),
    ), (
        Custom("symptoms", (
            "{count} people were treated for symptoms consistent with exposure to a nerve agent after an attack {where}.",
            "Doctors said victims in {town} showed signs of chlorine poisoning after shells released a yellow cloud.",
            "Inspectors concluded that sarin had been used in the attack on {town} {when}.",
            "Residents described choking fumes after helicopters dropped canisters of chlorine on their neighbourhood.",
            "Chemical weapons experts confirmed the use of mustard gas {where}.",
        )),
    ))
    air = Spec("Air/drone strike", (
        _g("aircraft", ("+warplanes", "+fighter jets", "+military aircraft", "a drone", "+drones", "the air force",
                        "+Russian jets", "+coalition aircraft", "+helicopter gunships", "+Israeli aircraft", "+Turkish drones",
                        "+Saudi-led coalition warplanes", "a military helicopter", "+government warplanes", "an armed drone",
                        "a US drone", "+army helicopters"),
           ("bomb/bombed/bombed", "strike/struck/struck/striking", "hit/hit/hit/hitting", "target/targeted/targeted",
            "pound/pounded/pounded", "carry/carried/carried out airstrikes on", "drop/dropped/dropped bombs on",
            "fire/fired/fired missiles at", "attack/attacked/attacked with drones"),
           ("a market {where}", "an electricity substation", "{town}", "an oil refinery", "+rebel positions near {town}", "a hospital in {town}", "a convoy", "a wedding party",
            "+militant hideouts", "a school", "a residential building", "a training camp", "a weapons depot",
            "a vehicle carrying suspected militants", "+villages in {country}", "a fuel depot", "a bridge"),
           KILL),
        _g("strike_noun", ("an airstrike", "an air strike", "a drone strike", "an air raid", "+air strikes", "+drone attacks",
                           "a bombing raid", "a suspected drone strike", "an aerial bombardment", "a strike by a military drone",
                           "+Israeli strikes", "an overnight air raid"),
           ("hit/hit/hit/hitting", "kill/killed/killed", "destroy/destroyed/destroyed", "target/targeted/targeted", "strike/struck/struck/striking"),
           ("a market {where}", "{count} {victims}", "a house in {town}", "a camp for displaced people", "+militant positions",
            "a car on the road to {town}", "+the headquarters of {rebels}"), KILL, modalities=NOMINAL),
    ), (
        Custom("no_strikes", (
            "Residents reported no air raids {where} {when}.", "There were no drone attacks on {town} overnight, {source} said.",
        ), modality="negated", weight=0.3),
        Custom("killed_when", (
            "{count} {victims} were killed when warplanes bombed {town} {when}.",
            "{count} killed in drone strike on {town}",
            "A drone struck a car near {town}, killing {numword} suspected militants, {source} said.",
            "The air force said its jets destroyed a militant training camp {where}.",
            "Residents said helicopters circled over {town} before firing rockets at homes.",
            "An Israeli strike on a house in {town} killed a family of {numword}.",
            "Missiles fired from a drone hit a motorbike carrying two men {where}.",
        )),
    ))
    suicide = Spec("Suicide bomb", (
        _g("bomber", ("a suicide bomber", "a female suicide bomber", "a suicide car bomber", "a suicide attacker",
                      "+suicide bombers", "a bomber wearing an explosives vest", "a teenage suicide bomber", "+two suicide bombers"),
           ("blow/blew/blown himself up at", "detonate/detonated/detonated an explosive vest at", "attack/attacked/attacked",
            "ram/rammed/rammed an explosives-laden car into", "strike/struck/struck/striking", "target/targeted/targeted",
            "blow/blew/blown herself up in"),
           ("a mosque in {town}", "a crowded market", "a checkpoint", "a military base", "a church", "a police station",
            "a wedding", "a funeral", "a political rally", "the entrance of a hotel", "a bus station {where}"),
           KILL, passive=False, modalities=NO_PLAN),
        _g("bombing_noun", ("a suicide bombing", "a suicide attack", "a suicide car bomb", "+twin suicide bombings",
                            "a suicide blast", "a suicide truck bomb"),
           ("kill/killed/killed", "hit/hit/hit/hitting", "tear/tore/torn through", "target/targeted/targeted", "rock/rocked/rocked"),
           ("{count} {victims}", "a mosque {where}", "a busy market in {town}", "an army base", "a police academy"),
           KILL, modalities=NOMINAL),
    ), (
        Custom("vest", (
            "A man wearing a suicide vest detonated his explosives among worshippers {where}, killing {count}.",
            "{count} people died when a suicide attacker rammed an explosives-laden vehicle into a checkpoint {where}.",
            "Police said the attacker blew himself up after being stopped at the gate of the ministry.",
            "Two women strapped with explosives blew themselves up at a market in {town} {when}.",
        )),
    ))
    return chemical, air, suicide


def explosives() -> tuple[Spec, ...]:
    shelling = Spec("Shelling/artillery/missile attack", (
        _g("artillery", ("+government forces", "+rebels", "+Russian forces", "+Ukrainian forces", "+artillery units",
                         "+Houthi forces", "+militants", "the army", "+separatist forces", "+Israeli forces", "+Hezbollah"),
           ("shell/shelled/shelled", "fire/fired/fired rockets at", "fire/fired/fired mortars at", "launch/launched/launched a missile strike on",
            "bombard/bombarded/bombarded", "fire/fired/fired ballistic missiles at", "pound/pounded/pounded with artillery",
            "fire/fired/fired artillery at", "launch/launched/launched rockets at"),
           ("+residential areas of {town}", "+the outskirts of {town}", "+villages along the front line", "a hospital in {town}",
            "+army positions", "an airport", "{town}", "the centre of {town}", "a power plant", "+border villages",
            "+energy facilities", "a gas pipeline", "+fuel storage tanks"),
           KILL),
        _g("projectile", ("a rocket", "+rockets", "a mortar shell", "+mortar rounds", "an artillery shell", "a missile",
                          "+artillery fire", "a ballistic missile", "a cruise missile", "+shells", "+Grad rockets", "a Katyusha rocket"),
           ("hit/hit/hit/hitting", "land/landed/landed in", "slam/slammed/slammed into", "kill/killed/killed", "strike/struck/struck/striking",
            "destroy/destroyed/destroyed"),
           ("a residential area {where}", "a school in {town}", "{count} {victims}", "an apartment block in {town}", "a crowded market",
            "the grounds of a hospital"), KILL, passive=False, modalities=NOMINAL),
    ), (
        Custom("under_fire", (
            "Heavy shelling {where} killed {count} {victims} {when}.",
            "{town} came under artillery fire {when}, {source} said.",
            "A missile attack on {town} damaged apartment blocks and killed {count} people.",
            "{count} rockets were fired at {town} from across the border {when}.",
            "Shells rained down on the eastern districts of {town} throughout the night.",
            "The city was hit by a barrage of rockets fired from positions held by {rebels}.",
        )),
    ))
    ied = Spec("Remote explosive/landmine/IED", (
        _g("device", ("a roadside bomb", "an improvised explosive device", "an IED", "a landmine", "a car bomb",
                      "a bomb planted under a vehicle", "a remotely detonated bomb", "a motorcycle bomb", "a bomb hidden in a bag",
                      "an explosive device", "a sticky bomb", "a parcel bomb", "a land mine"),
           ("hit/hit/hit/hitting", "kill/killed/killed", "tear/tore/torn through", "target/targeted/targeted", "destroy/destroyed/destroyed",
            "strike/struck/struck/striking", "wound/wounded/wounded"),
           ("a military convoy {where}", "a police vehicle", "a bus carrying {victims}", "+{count} soldiers", "a minibus {where}",
            "an army truck", "a market in {town}"), KILL, passive=False, modalities=NOMINAL),
        _g("device_explode", ("a roadside bomb", "an IED", "a car bomb", "a bomb", "an explosive device", "a landmine"),
           ("explode/exploded/exploded", "go/went/gone off", "detonate/detonated/detonated"),
           ("near a military convoy {where}", "{where} {when}", "outside a police station in {town}", "in a busy street {where}",
            "as a patrol passed {where}"), KILL, passive=False, modalities=NOMINAL),
        _g("planters", lx.REBELS + lx.UNKNOWN_ATTACKERS,
           ("detonate/detonated/detonated a roadside bomb near", "plant/planted/planted a bomb that hit",
            "remotely detonate|remotely detonated|remotely detonated|remotely detonating|remotely detonates", "blow/blew/blown up",
            "lay/laid/laid landmines on"),
           ("a military convoy", "a police patrol", "an army vehicle {where}", "the road to {town}", "a bus"), KILL,
           modalities=NO_PLAN),
    ), (
        Custom("no_blast", (
            "Police said no device had exploded {where} {when}.", "Despite the rumours, no bomb went off {where}.",
        ), modality="negated", weight=0.3),
        Custom("struck_mine", (
            "{count} soldiers were killed when their vehicle struck a landmine {where}.",
            "A child was wounded after stepping on a mine near {town}, {source} said.",
            "A bomb attached to a car exploded in central {town}, killing its driver.",
            "An explosion ripped through a military truck on the road to {town} {when}.",
            "Two deminers were injured when an anti-tank mine went off {where}.",
        )),
    ))
    grenade = Spec("Grenade", (
        _g("throw", lx.UNKNOWN_ATTACKERS + ("a man", "+suspected militants", "an attacker", "+youths on a motorbike"),
           ("throw/threw/thrown a grenade at", "hurl/hurled/hurled a grenade into", "lob/lobbed/lobbed a hand grenade into",
            "toss/tossed/tossed a grenade at", "throw/threw/thrown grenades into", "attack/attacked/attacked with grenades"),
           ("a bar {where}", "a police post", "a crowd of {victims}", "a house in {town}", "a bus", "a church", "a security patrol",
            "a restaurant", "a checkpoint"), KILL, passive=False, modalities=NO_PLAN),
        _g("grenade_noun", ("a grenade", "a hand grenade", "a grenade attack", "+grenades", "a grenade blast"),
           ("explode/exploded/exploded", "go/went/gone off", "wound/wounded/wounded", "kill/killed/killed"),
           ("in a crowded market {where}", "inside a nightclub", "{count} {victims}", "outside a police station in {town}"),
           KILL, passive=False, modalities=NOMINAL),
    ), (
        Custom("grenade_custom", (
            "{count} people were hurt when a grenade tossed by a passing motorcyclist exploded outside a café {where}.",
            "A grenade thrown from a passing motorbike exploded near a police station in {town}.",
            "Attackers lobbed grenades at a rally {where} before fleeing.",
        )),
    ))
    return shelling, ied, grenade


def civilians() -> tuple[Spec, ...]:
    sexual = Spec("Sexual violence", (
        _g("rape", ("+soldiers", "+militiamen", "+armed men", "+gunmen", "+fighters", "+police officers", "+members of {rebels}",
                    "+men in uniform", "+guards"),
           ("rape/raped/raped", "sexually assault|sexually assaulted|sexually assaulted", "gang-rape|gang-raped|gang-raped",
            "sexually abuse|sexually abused|sexually abused"),
           ("+women", "+several women", "a girl", "+two teenage girls", "+displaced women", "a woman", "+women and girls",
            "+female detainees", "a schoolgirl"),
           (" during a raid on {town}", " at a checkpoint", " at a camp for displaced people", " {where}", ""),
           modalities=("asserted", "attempted", "hypothetical", "negated")),
    ), (
        Custom("sexual_reports", (
            "{count} women were raped during an attack by {rebels} {where}, {source} said.",
            "Survivors said they were sexually abused by {state} while fleeing {town}.",
            "UN investigators documented cases of sexual violence by {militia} in villages near {town}.",
            "A doctor in {town} said she had treated {num} survivors of rape after the militia entered the village.",
            "Women detained at a checkpoint {where} were subjected to sexual violence by guards, a rights group said.",
        )),
    ))
    attack = Spec("Attack", (
        _g("kill_civilians", lx.UNKNOWN_ATTACKERS + lx.MILITIAS + lx.REBELS + ("+armed robbers", "+gang members", "+security guards"),
           ("kill/killed/killed", "shoot/shot/shot dead", "attack/attacked/attacked", "open/opened/opened fire on",
            "massacre/massacred/massacred", "behead/beheaded/beheaded", "hack/hacked/hacked to death", "stab/stabbed/stabbed",
            "raid/raided/raided", "torture/tortured/tortured", "beat/beat/beaten", "execute/executed/executed"),
           lx.CIVILIANS + ("+villagers in {town}", "+worshippers at a mosque", "+passengers on a bus", "a village chief",
                           "+displaced people in a camp", "+{count} farmers", "+mourners at a funeral"), KILL),
        _g("state_abuse", ("+soldiers", "+police", "+security forces", "+troops", "+militia allied to the army"),
           ("summarily execute|summarily executed|summarily executed", "shoot/shot/shot dead", "kill/killed/killed", "beat/beat/beaten",
            "torture/tortured/tortured"),
           ("+unarmed civilians", "+{count} villagers", "a street vendor", "+men rounded up in a market", "a teenage boy"),
           KILL, modalities=("asserted", "hypothetical", "negated")),
        _g("raid_village", lx.UNKNOWN_ATTACKERS + lx.MILITIAS, ("storm/stormed/stormed", "raid/raided/raided", "attack/attacked/attacked"),
           ("a village {where}", "+farming communities near {town}", "a camp for displaced people", "a church service",
            "a school"), KILL),
    ), (
        Custom("bodies", (
            "{count} civilians were killed when {unknown} stormed a village {where} {when}.",
            "Gunmen on motorcycles rode into the village and shot at anyone they found, {source} said.",
            "The bodies of {count} villagers were found after armed men raided the settlement {when}.",
            "Militants killed {numword} farmers working in their fields near {town}.",
            "Unknown assailants gunned down a journalist near his house in {town}.",
            "Attackers set upon passengers after stopping the bus {where}, killing {num}.",
        )),
    ))
    abduction = Spec("Abduction/forced disappearance", (
        _g("kidnap", lx.UNKNOWN_ATTACKERS + lx.REBELS + ("+bandits", "+armed bandits", "+kidnappers", "+pirates"),
           ("kidnap/kidnapped/kidnapped", "abduct/abducted/abducted", "take/took/taken hostage", "snatch/snatched/snatched",
            "carry/carried/carried off", "seize/seized/seized and took away"),
           ("+schoolgirls", "+students from a boarding school", "a priest", "an aid worker", "+passengers from a bus",
            "a local official", "+{count} villagers", "a businessman", "+two foreign engineers", "+{count} people {where}",
            "a doctor", "+worshippers from a church", "{person}"), (" {where}", ", demanding a ransom", " {when}", "")),
        _g("disappear", ("+security agents", "+men in plain clothes", "+intelligence officers", "+masked men in an unmarked car"),
           ("take/took/taken away", "pick/picked/picked up", "forcibly disappear|forcibly disappeared|forcibly disappeared"),
           ("an opposition activist", "a journalist", "{person}", "+two student leaders", "a human rights lawyer"),
           (", and his whereabouts remain unknown", ", relatives said", ""), modalities=("asserted", "hypothetical", "negated")),
    ), (
        Custom("missing", (
            "An activist has been missing since being taken away by men in plain clothes {when}, relatives said.",
            "The whereabouts of the journalist, who was picked up by security agents {when}, remain unknown.",
            "{count} students were abducted from their dormitory {where} {when}.",
            "Kidnappers demanded a ransom for the release of {numword} travellers seized on the highway near {town}.",
            "Gunmen stopped a minibus {where} and led the passengers into the forest.",
        )),
    ))
    return sexual, attack, abduction

