"""Trigger phrases for each sub-event type, written from the ACLED codebook's definitions.

A phrase is a sequence of words; each word is matched against the token's lower-cased lemma
(or its lower-cased form); ``a|b`` means either, a trailing ``?`` makes a word optional and ``*``
stands for any one optional token. The first word listed in a phrase is the trigger's head.
Sub-types here are defaults: ``refine.py`` moves an event to a neighbouring sub-type when the
clause says so (a protest met with tear gas is a "Protest with intervention").
"""

from __future__ import annotations

from types import MappingProxyType

TRIGGERS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    # --- Battles
    "Armed clash": (
        "clash|clashes", "fight|fighting|firefight|gunfight|gunbattle|skirmish|skirmishes",
        "battle|battles", "exchange * fire", "trade|traded fire", "exchange|exchanged fire|gunfire",
        "engage|engaged in battle|battles|fighting|combat", "ambush|ambushed", "shootout|shoot-out",
        "attack * military|army|police|checkpoint|base|outpost|barracks|convoy|patrol",
        "storm|stormed * military|army|police base|barracks|station|outpost",
        "storm|stormed|enter|entered|penetrate|penetrated|overrun * military unit|base|barracks|garrison|airbase",
    ),
    "Government regains territory": (
        "recapture|recaptured|retake|retook|retaken", "take|took|taken|win|won back", "regain|regained control",
        "reclaim|reclaimed control", "liberate|liberated", "win|won back",
    ),
    "Non-state actor overtakes territory": (
        "seize|seized|take|took|taken|capture|captured control", "overrun|overran",
        "fall|fell|fallen to * rebels|insurgents|militants|jihadists|fighters|forces|troops|militia|militias", "capture|captured town|city|village|district|base|territory",
        "seize|seized town|city|village|district|base|territory", "take|took|taken over",
    ),
    # --- Explosions/Remote violence
    "Air/drone strike": (
        "airstrike|airstrikes|air-strike", "air strike|strikes|raid|raids|attack",
        "drone strike|strikes|attack|attacks", "bomb|bombed|bombing from * air",
        "air force * bomb|bombed|strike|struck|hit|target|targeted", "warplane|warplanes|jet|jets|helicopter|helicopters|aircraft|bomber|bombers * bomb|bombed|strike|struck|hit|fire|fired|pound|pounded|target|targeted|attack|attacked",
        "aerial bombardment|bombing|attack", "drone hit|hits|struck|strike", "drone|drones",
    ),
    "Shelling/artillery/missile attack": (
        "shell|shelled|shelling", "artillery", "artillery|rocket|mortar|tank fire|barrage|shells|strike|strikes|attack|attacks|rounds", "mortar|mortars", "rocket|rockets", "missile|missiles",
        "bombard|bombarded|bombardment",
    ),
    "Remote explosive/landmine/IED": (
        "ied|ieds", "roadside bomb", "car bomb", "landmine|landmines|mine", "explosive device",
        "bomb explode|exploded|went|blast", "bomb|bombs|device|explosives * explode|exploded|detonated|blew", "blast|explosion|explosions", "detonate|detonated", "booby trap", "bomb|bombs",
    ),
    "Suicide bomb": ("suicide bomber|bombers|bombing|attack|attacker|blast|vest", "blow|blew himself|herself|themselves up"),
    "Grenade": ("grenade|grenades", "hand grenade"),
    "Chemical weapon": ("chemical attack|weapon|weapons|agent|agents|substance|substances|munitions|ammunition|shells", "toxic gas|substance|substances|agent", "chlorine|sarin|mustard gas|attack|agent", "sarin|chlorine", "nerve agent|gas"),
    # --- Violence against civilians
    "Attack": (
        "kill|killed|murder|murdered|massacre|massacred|slaughter|slaughtered|execute|executed",
        "shoot|shot dead", "gun|gunned down", "stab|stabbed|hack|hacked|behead|beheaded|lynch|lynched",
        "attack|attacked|assault|assaulted", "raid|raided village|villages|home|homes|market",
        "burn|burned|burnt alive",
    ),
    "Abduction/forced disappearance": (
        "abduct|abducted|abduction|kidnap|kidnapped|kidnapping", "disappear|disappeared forcibly?",
        "forced disappearance", "take|taken|took hostage", "seize|seized * hostage|hostages", "snatch|snatched", "take|taken|took|drag|dragged away", "taken|dragged from * by",
    ),
    "Sexual violence": ("rape|raped|rapes|raping", "sexual assault|violence|abuse", "sexually assault|assaulted|abused"),
    # --- Protests
    "Peaceful protest": (
        "protest|protests|protested|protesting", "demonstrate|demonstrated|demonstration|demonstrations",
        "rally|rallied|rallies", "march|marched|marches", "sit-in|sit-ins", "picket|picketed",
        "striking workers|teachers|doctors|nurses|drivers|staff|miners", "on strike", "general strike", "strike action", "call|called|calling * strike", "walkout|walk-out|go-slow",
        "vigil|vigils", "gather|gathered outside|in|at", "boycott|boycotted", "hunger strike",
        "take|took to * street|streets", "stage|staged|hold|held * sit-in|protest|demonstration|rally|march|strike|strikes|walkout",
    ),
    "Protest with intervention": ("disperse|dispersed|dispersal * protest|protesters|demonstrators|crowd|gathering|rally",
        "clear|cleared|break|broke up * protest|protesters|demonstrators|crowd|gathering|rally|sit-in|camp",
        "disperse|dispersed|dispersal|clear|cleared * marchers|march|crowds|mourners|strikers|sit-in",),
    "Excessive force against protesters": (
        "fire|fired|open|opened fire on|at|into * protesters|demonstrators|crowd|crowds|marchers|march|rally|mourners",
        "kill|killed protesters|demonstrators",
        "fire|fired|shoot|shot * on|at|into * protesters|demonstrators|crowd|crowds|marchers|mourners",
    ),
    # --- Riots
    "Violent demonstration": (
        "riot|riots|rioting|rioted", "unrest", "clash * with police",
        "throw|threw stones|rocks|petrol|molotov", "torch|torched", "hurl|hurled stones|rocks",
        "storm|stormed * building|office|offices|parliament|headquarters|residence|palace|compound|court|courthouse|station",
        "break|broke into * building|office|offices|parliament|headquarters|residence|palace|compound",
        "burn|burned|burnt|torch|torched|set * tyres|tires|barricades",
        "throw|threw|thrown|hurl|hurled|pelt|pelted * stones|rocks|bricks|bottles|petrol|molotov|fireworks|projectiles|firebombs",
        "escalate|escalated into riots|violence|clashes",
    ),
    "Mob violence": ("mob|mobs", "lynch mob", "vigilante|vigilantes", "beat|beaten * to death", "stone|stoned to death", "burn|burned|burnt * to death", "crowd|mob * beat|lynched|stoned|burned|attacked"),
    # --- Strategic developments
    "Arrests": (
        "arrest|arrested|arrests", "detain|detained|detention", "apprehend|apprehended", "round|rounded up",
        "take|taken|took into custody", "charge|charged with treason|terrorism|murder", "jail|jailed",
    ),
    "Agreement": (
        "ceasefire|cease-fire|truce|armistice", "peace deal|agreement|accord|treaty", "sign|signed * agreement|deal|accord|pact|declaration|memorandum|ceasefire|truce", "exchange|exchanged|swap|swapped * prisoners|detainees|hostages|captives|bodies",
        "agree|agreed to|on", "release|released * prisoners|hostages|detainees", "prisoner swap|exchange",
    ),
    "Looting/property destruction": (
        "loot|looted|looting|looters", "ransack|ransacked", "pillage|pillaged", "vandalise|vandalised|vandalize|vandalized",
        "set fire|ablaze", "burn|burned|burnt down", "raze|razed", "destroy|destroyed|destroying * shop|shops|home|homes|house|houses|building|buildings|bank|banks|office|offices",
        "demolish|demolished",
    ),
    "Disrupted weapons use": (
        "defuse|defused", "seize|seized|confiscate|confiscated * weapon|weapons|arms|ammunition|explosives|rifles|cache",
        "weapons|arms cache", "intercept|intercepted * drone|drones|missile|missiles|rocket|rockets",
        "shoot|shot down * drone|drones|missile|missiles|rocket|rockets", "foil|foiled|thwart|thwarted * attack|plot",
        "bomb disposal", "dismantle|dismantled bomb|device",
    ),
    "Headquarters or base established": (
        "establish|established|set|install|installed|build|built|open|opened * base|camp|headquarters|outpost|position|positions|post|posts",
        "base|camp * establish|established",
    ),
    "Non-violent transfer of territory": (
        "withdraw|withdrew|withdrawn from", "pull|pulled out of|back", "hand|handed|handing over * town|city|territory|control|area|positions|base|bases|airport|headquarters|posts", "hand|handed|handing it|them over",
        "retreat|retreated", "evacuate|evacuated * town|city|positions|base",
    ),
    "Change to group/activity": (
        "recruit|recruited|recruiting", "recruitment drive|campaign", "merge|merged|merger", "split|splinter", "new leader|commander",
        "deploy|deployed|deployment * troops|soldiers|forces|peacekeepers", "dispatch|dispatched|send|sent * troops|soldiers|forces|peacekeepers",
        "peacekeeper|peacekeepers|peacekeeping", "mobilise|mobilised|mobilize|mobilized|mobilisation|mobilization", "break|breaking|broke away", "cut|cutting ties", "rename|renamed|rebrand|rebranded", "sign|signed up", "contingent|troops|soldiers|officers * arrive|arrived|land|landed",
        "launch|launched * campaign|operation|offensive",
    ),
    "Other": ("special operation|operations", "mass grave|graves", "burial site|sites", "find|found|recover|recovered|discover|discovered|exhume|exhumed|unearth|unearthed * bodies|remains|graves|corpses", "coup|putsch", "seize|seized|take|took|taken|grab|grabbed power"),
    # --- Disruptions
    "Internet and telecom": (
        "internet|broadband|wifi|wi-fi", "mobile network|networks|data|internet|service", "connectivity",
        "telecom|telecommunications|telephone|phone lines|lines|network|networks|service|services",
        "social media|messaging", "blackout * internet", "shutdown * internet",
    ),
    "Payments and banking": (
        "card|cards payment|payments|transaction|transactions", "pay * with * card|cards", "payment|payments system|systems",
        "bank|banks close|closed|shut|suspend|suspended", "banking|bank services|system", "transfer|transfers money|funds",
        "mobile money", "pos terminal|terminals", "credit|debit|bank|payment|visa|mastercard|mir * card|cards", "bank|banks|branch|branches * close|closed|shut|reopen|reopened|suspend|suspended|frozen", "remittance|remittances", "banking network|networks|system|systems|services",
    ),
    "Cash access": ("atm|atms", "cash machine|machines|dispenser|dispensers", "cash|banknotes", "withdraw|withdrawing|withdrawal|withdrawals * cash|money|amounts|funds|savings|deposits", "cash withdrawal|withdrawals|limit|limits|shortage|shortages", "cash en masse"),
    "Food and goods supply": (
        "shelf|shelves", "shop|shops|store|stores|supermarket|supermarkets|market|markets * empty|bare|out", "food|bread|flour|rice|sugar|milk|medicine|medicines", "supplies|goods|groceries", "food shortage|shortages|supply|supplies",
        "bread|flour|rice shortage|shortages", "shortage|shortages of food|bread|medicine|medicines|goods|water",
        "panic buying", "buy|buying food * future", "supermarket|supermarkets|market|markets close|closed|empty",
        "aid truck|trucks|convoy|convoys", "food|goods|supplies enter|entered|reach|reached|cross|crossed",
    ),
    "Fuel and energy": (
        "fuel|petrol|gasoline|diesel shortage|shortages|queue|queues|rationing|supply|supplies",
        "power cut|cuts|outage|outages|blackout|blackouts|supply", "electricity|power|gas supply|supplies|cut|cuts|outage|outages",
        "blackout|blackouts", "load-shedding|loadshedding", "electricity", "power * restored|cut|cuts|back|returned|outage", "petrol|diesel|gasoline|fuel|kerosene", "power grid|station|stations|plant|plants|line|lines", "fuel station|stations|pumps", "gas pipeline|pipelines|supply",
    ),
    "Prices": (
        "price|prices rise|rose|risen|soar|soared|jump|jumped|surge|surged|spike|spiked|double|doubled|hike|hikes|increase|increased",
        "rise|rises|hike|hikes|increase|increases|surge|spike in * price|prices|cost|costs|fares|tariffs",
        "inflation", "price|prices * up", "raise|raised|hike|hiked|increase|increased * price|prices|fares|tariffs", "price|prices * rise|rose|risen|soar|soared|jump|jumped|double|doubled|triple|tripled|fall|fell|fallen|drop|dropped", "price cap|caps|ceiling|freeze", "maximum * price|prices", "cost|costs of * rise|rose|soar|soared",
    ),
    "Transport": (
        "flight|flights cancel|cancelled|canceled|suspend|suspended|ground|grounded",
        "airport|airports close|closed|shut|reopen|reopened", "road|roads|highway|highways|border|borders|crossing|crossings|port|ports block|blocked|close|closed|shut|reopen|reopened",
        "train|trains|rail|railway|bus|buses|ferry|ferries|metro|subway|traffic suspend|suspended|halt|halted|stop|stopped|cancel|cancelled|resume|resumed",
        "public transport|transportation", "bridge|bridges|airspace|traffic|flight|flights|train|trains|bus|buses|ferry|ferries|rail|railway|port|ports|airport|airports",
    ),
    "Public order measures": (
        "curfew|curfews", "state of emergency", "martial law", "lockdown", "ban|banned|prohibit|prohibited|outlaw|outlawed * gathering|gatherings|protest|protests|rallies|demonstrations|assemblies",
        "set|erect|erected|establish|established|mount|mounted * checkpoint|checkpoints|roadblock|roadblocks", "counter-terrorism operation|regime", "emergency rule",
    ),
})
