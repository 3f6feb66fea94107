"""Template families for the project's Disruptions sub-types, each with a status:
disrupted (cut, closed, out of stock, price spike), restricted (limits, rationing, curfews, caps)
or restored (back, reopened, resumed, lifted)."""

from __future__ import annotations

from synth.grammar import Custom, Group, Spec, verbs

MODS = ("asserted", "planned", "hypothetical", "negated")
AUTHORITIES = ("the authorities", "the government", "+officials", "the interior ministry", "the regional administration",
               "the central bank", "the state operator", "+local authorities", "the emergency committee")
TAILS = (" {where}", " {when}", " across the country", " in several regions", ", {source} said", " for a third day", "")


def _d(name: str, status: str, subjects: tuple[str, ...], verb_specs: tuple[str, ...], objects: tuple[str, ...] = ("",),
       passive: bool = True, modalities: tuple[str, ...] = MODS, weight: float = 1.0) -> Group:
    return Group(f"{name}_{status}", subjects, verbs(*verb_specs), objects, TAILS, passive and objects != ("",),
                 modalities, status, weight)


def _service(name: str, services: tuple[str, ...], down: tuple[str, ...], cut: tuple[str, ...], limit: tuple[str, ...],
             back: tuple[str, ...], restore: tuple[str, ...]) -> tuple[Group, ...]:
    """Services going down by themselves, being cut by authorities, limited, coming back, being restored."""
    groups = [
        _d(f"{name}_down", "disrupted", services, down, passive=False),
        _d(f"{name}_cut", "disrupted", AUTHORITIES, cut, services),
        _d(f"{name}_back", "restored", services, back, passive=False),
        _d(f"{name}_restore", "restored", AUTHORITIES, restore, services),
    ]
    if limit:
        groups.append(_d(f"{name}_limit", "restricted", AUTHORITIES, limit, services))
    return tuple(groups)


def specs() -> tuple[Spec, ...]:
    internet = Spec("Internet and telecom", _service(
        "net", ("mobile internet", "the internet", "+internet services", "+mobile networks", "+phone lines",
                "+messaging apps", "+social media platforms", "+WhatsApp and Telegram", "+mobile phone services",
                "internet access", "+landline and mobile connections"),
        ("go/went/gone down", "go/went/gone offline", "stop/stopped/stopped working", "go/went/gone dark"),
        ("shut/shut/shut/shutting down", "block/blocked/blocked", "cut/cut/cut/cutting off", "suspend/suspended/suspended",
         "switch/switched/switched off"),
        ("restrict/restricted/restricted", "throttle/throttled/throttled", "limit/limited/limited access to",
         "slow/slowed/slowed down"),
        ("return/returned/returned", "come/came/come back online", "resume/resumed/resumed", "be/was/been back"),
        ("restore/restored/restored", "lift/lifted/lifted the block on", "unblock/unblocked/unblocked", "reconnect/reconnected/reconnected"),
    ), (
        Custom("net_custom", (
            "Residents of {town} have had no internet for {numword} days.",
            "Monitoring groups reported a near-total internet blackout in {country} {when}.",
            "Mobile data was only available for two hours a day in {town}, {source} said.",
            "Connectivity returned to normal levels {when}, according to network monitors.",
            "Phone and internet links to {town} were cut when fighting damaged the main exchange.",
        ), status="disrupted"),
    ))
    payments = Spec("Payments and banking", _service(
        "bank", ("+banks", "+card payments", "+bank transfers", "+online banking", "the payment system",
                 "+point-of-sale terminals", "+money transfer services", "+mobile money services", "+bank branches",
                 "the interbank system"),
        ("stop/stopped/stopped working", "go/went/gone offline", "fail/failed/failed", "shut/shut/shut/shutting"),
        ("close/closed/closed", "suspend/suspended/suspended", "freeze/froze/frozen", "halt/halted/halted", "shut/shut/shut/shutting down"),
        ("limit/limited/limited", "cap/capped/capped", "restrict/restricted/restricted"),
        ("reopen/reopened/reopened", "resume/resumed/resumed operations", "be/was/been working again", "return/returned/returned to normal"),
        ("reopen/reopened/reopened", "restore/restored/restored", "unfreeze/unfroze/unfrozen", "resume/resumed/resumed"),
    ), (
        Custom("bank_custom", (
            "Customers could not pay by card in {town} as terminals stopped accepting payments.",
            "Transfers abroad were limited to {num} dollars a month, the central bank said.",
            "The central bank ordered all commercial banks to stay closed until further notice.",
            "Banks in {town} opened their doors again {when} after a week-long closure.",
        ), status="disrupted"),
    ))
    cash = Spec("Cash access", (
        _d("atm_empty", "disrupted", ("+ATMs", "+cash machines", "+cash points", "+ATMs in {town}"),
           ("run/ran/run out of cash", "stop/stopped/stopped dispensing money", "be/was/been empty", "go/went/gone out of service"), passive=False),
        _d("withdraw_limit", "restricted", AUTHORITIES + ("+banks",),
           ("limit/limited/limited", "cap/capped/capped", "restrict/restricted/restricted", "ration/rationed/rationed"),
           ("+cash withdrawals", "+withdrawals to {num},000 a day", "+ATM withdrawals", "+cash withdrawals at branches")),
        _d("cash_back", "restored", ("+ATMs", "+cash machines", "+cash withdrawals"),
           ("be/was/been working again", "resume/resumed/resumed", "return/returned/returned to normal"), passive=False),
        _d("cash_lift", "restored", AUTHORITIES + ("+banks",), ("lift/lifted/lifted", "scrap/scrapped/scrapped", "ease/eased/eased"),
           ("+limits on cash withdrawals", "the cap on withdrawals", "+restrictions on ATM withdrawals")),
    ), (
        Custom("cash_custom", (
            "Long queues formed outside ATMs in {town} as people rushed to withdraw cash.",
            "People struggled to get cash {where} because most machines were empty.",
            "Residents said they could withdraw no more than {num} dollars at a time.",
        ), status="disrupted"),
    ))
    food = Spec("Food and goods supply", (
        _d("shops_shut", "disrupted", ("+shops", "+supermarkets", "+markets", "+grocery stores", "+food shops", "+bakeries", "+pharmacies"),
           ("close/closed/closed", "run/ran/run out of bread", "run/ran/run out of stock", "stay/stayed/stayed shut", "close/closed/closed their doors"),
           passive=False),
        _d("supply_halt", "disrupted", ("+food deliveries", "+supplies of flour", "+imports of grain", "+deliveries to shops", "+aid convoys"),
           ("stop/stopped/stopped", "be/was/been halted", "dry/dried/dried up", "be/was/been disrupted"), passive=False),
        _d("rationing", "restricted", ("+shops", "+supermarkets", "the government", "+stores", "the authorities"),
           ("limit/limited/limited", "ration/rationed/rationed", "restrict/restricted/restricted"),
           ("+sales of sugar to two kilos per person", "+purchases of bread", "+the sale of flour", "+sales of cooking oil")),
        _d("shops_open", "restored", ("+shops", "+supermarkets", "+markets", "+food deliveries", "+supplies", "+bakeries"),
           ("reopen/reopened/reopened", "resume/resumed/resumed", "return/returned/returned to normal", "be/was/been restocked"), passive=False),
    ), (
        Custom("shortage_custom", (
            "Residents of {town} reported shortages of bread, flour and cooking oil {when}.",
            "Shelves in supermarkets {where} were stripped bare as panic buying spread.",
            "Shops in {town} ran out of basic goods after trucks stopped arriving.",
            "Queues formed outside the few stores still selling food in {town}.",
        ), status="disrupted"),
        Custom("aid_in", (
            "Trucks loaded with flour reached {town} for the first time in weeks.",
            "Food and medicine began arriving in {town} after the road was reopened.",
        ), status="restored", weight=0.6),
    ))
    fuel = Spec("Fuel and energy", (
        _d("fuel_out", "disrupted", ("+petrol stations", "+filling stations", "+gas stations in {town}"),
           ("run/ran/run out of fuel", "close/closed/closed", "stop/stopped/stopped selling petrol"), passive=False),
        _d("power_out", "disrupted", ("+power cuts", "a blackout", "a power outage", "a nationwide blackout"),
           ("hit/hit/hit/hitting", "leave/left/left", "plunge/plunged/plunged"),
           ("{town}", "+millions of homes without electricity", "the capital into darkness", "+large parts of {country}"), passive=False),
        _d("supply_cut", "disrupted", AUTHORITIES + ("+attackers",), ("cut/cut/cut/cutting off", "halt/halted/halted", "suspend/suspended/suspended"),
           ("+gas supplies to {town}", "+electricity to {town}", "+fuel deliveries", "+the power supply")),
        _d("rationed", "restricted", AUTHORITIES + ("+petrol stations",),
           ("ration/rationed/rationed", "limit/limited/limited", "introduce/introduced/introduced"),
           ("+fuel", "+petrol sales to 20 litres per car", "+rolling blackouts", "+electricity to four hours a day",
            "+scheduled power cuts")),
        _d("power_back", "restored", ("+electricity", "+power", "+fuel deliveries", "+gas supplies", "the power supply"),
           ("return/returned/returned", "be/was/been restored", "resume/resumed/resumed", "come/came/come back"), passive=False),
    ), (
        Custom("fuel_custom", (
            "Drivers queued for hours at petrol stations in {town} as fuel ran short.",
            "Much of {town} was without electricity {when} after the main substation was damaged.",
            "The power plant shut down, leaving {count} homes without heating.",
        ), status="disrupted"),
    ))
    prices = Spec("Prices", (
        _d("spike", "disrupted", ("+the price of liquefied gas", "+bread prices", "+fuel prices", "+the price of petrol",
                                  "+food prices", "+the cost of flour", "+prices of basic goods", "+rents", "+the price of sugar"),
           ("double/doubled/doubled", "soar/soared/soared", "jump/jumped/jumped", "surge/surged/surged", "triple/tripled/tripled",
            "rise/rose/risen sharply", "spike/spiked/spiked"), ("",), passive=False),
        _d("cap", "restricted", AUTHORITIES, ("cap/capped/capped", "freeze/froze/frozen", "impose/imposed/imposed", "regulate/regulated/regulated"),
           ("+the price of gas", "+fuel prices", "+prices of bread and flour", "+price controls on basic goods", "+utility tariffs")),
        _d("rollback", "restored", AUTHORITIES, ("reverse/reversed/reversed", "roll/rolled/rolled back", "cancel/cancelled/cancelled",
                                                 "cut/cut/cut/cutting"),
           ("the fuel price increase", "the price hike", "the rise in gas prices", "+prices to their previous level")),
        _d("prices_fall", "restored", ("+prices", "+fuel prices", "+gas prices"), ("return/returned/returned to previous levels",
                                                                              "fall/fell/fallen back", "ease/eased/eased"),
           passive=False, modalities=("asserted", "planned", "hypothetical")),
    ), (
        Custom("price_custom", (
            "The price of liquefied gas rose from {num} to {num} a litre overnight.",
            "Residents of {town} complained that bread now cost three times as much as a month ago.",
            "A sharp increase in fuel prices at the start of the year triggered anger in {town}.",
        ), status="disrupted"),
    ))
    transport = Spec("Transport", _service(
        "transport", ("+flights", "the airport", "+trains", "+rail services", "+bus services", "the main highway",
                      "+roads into {town}", "the border crossing", "the port", "+ferries", "the metro", "+flights to {town}"),
        ("stop/stopped/stopped", "grind/ground/ground to a halt", "be/was/been cancelled", "shut/shut/shut/shutting"),
        ("close/closed/closed", "suspend/suspended/suspended", "cancel/cancelled/cancelled", "shut/shut/shut/shutting", "block/blocked/blocked"),
        ("restrict/restricted/restricted", "limit/limited/limited", "reduce/reduced/reduced"),
        ("resume/resumed/resumed", "reopen/reopened/reopened", "return/returned/returned to normal"),
        ("reopen/reopened/reopened", "resume/resumed/resumed", "restore/restored/restored"),
    ), (
        Custom("transport_custom", (
            "Airlines cancelled all flights to {town} {when}.",
            "Thousands of travellers were stranded at the airport after all departures were suspended.",
            "Trucks were backed up for miles at the closed border crossing near {town}.",
            "Only essential vehicles were allowed on the roads into {town}.",
        ), status="disrupted"),
    ))
    public_order = Spec("Public order measures", (
        _d("impose", "restricted", AUTHORITIES + ("the president", "the military"),
           ("impose/imposed/imposed", "declare/declared/declared", "introduce/introduced/introduced", "extend/extended/extended",
            "announce/announced/announced"),
           ("a curfew in {town}", "a state of emergency", "an overnight curfew from dusk to dawn", "martial law",
            "a ban on public gatherings", "a counter-terrorist operation regime in {town}", "a lockdown of {town}",
            "a state of emergency in {town}", "+restrictions on movement")),
        _d("lockdown", "disrupted", ("+troops", "+police", "the army", "the authorities"),
           ("seal/sealed/sealed off", "lock/locked/locked down", "close/closed/closed off"),
           ("{town}", "the city centre", "+all entrances to {town}", "the district")),
        _d("lift", "restored", AUTHORITIES + ("the president",), ("lift/lifted/lifted", "end/ended/ended", "revoke/revoked/revoked",
                                                                   "relax/relaxed/relaxed"),
           ("the curfew", "the state of emergency", "the ban on gatherings", "+restrictions on movement", "martial law")),
    ), (
        Custom("curfew_custom", (
            "A curfew is in force in {town} from 9 pm to 6 am.",
            "Residents were ordered to stay indoors after dark under the emergency decree.",
            "The state of emergency, declared {when}, bans rallies and allows police to set up checkpoints.",
            "The curfew in {town} was shortened by two hours as calm returned.",
            "Assemblies of more than {num} people are banned until further notice under the order.",
        ), status="restricted"),
    ))
    return internet, payments, cash, food, fuel, prices, transport, public_order
