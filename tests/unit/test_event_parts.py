"""Event-coding parts that need no parse: disruption status, counts, sub-type rules, time windows.
Every sentence here is our own writing."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.events.counts import CountReader, parse_number
from newsevents.events.disruptions import status_of
from newsevents.events.matching import parse_phrase
from newsevents.events.refine import Context, refine
from newsevents.events.timing import event_when, precision_of
from newsevents.model import TimeMention


@pytest.mark.parametrize(("sub_type", "clause", "status"), [
    ("Internet and telecom", "Mobile internet was restored in the capital on Monday", "restored"),
    ("Internet and telecom", "Mobile internet was cut across the province", "disrupted"),
    ("Cash access", "banks limited cash withdrawals to 100 dollars a day", "restricted"),
    ("Food and goods supply", "No aid convoys have reached the town for a month", "disrupted"),
    ("Prices", "bread prices doubled overnight", "disrupted"),
    ("Prices", "the government capped the price of flour", "restricted"),
    ("Public order measures", "a night curfew was lifted on Friday", "restored"),
    ("Public order measures", "authorities imposed a curfew", "restricted"),
])
def test_status_is_read_from_the_clause(sub_type: str, clause: str, status: str) -> None:
    assert status_of(sub_type, clause) == status


def test_a_domain_word_without_a_status_is_no_disruption() -> None:
    assert status_of("Internet and telecom", "She posted the video on the internet") is None
    assert status_of("Food and goods supply", "Farmers sold bread and milk at the market") is None


def test_price_words_are_cues_for_prices_only() -> None:
    assert status_of("Food and goods supply", "food prices rose sharply") is None
    assert status_of("Prices", "food prices rose sharply") == "disrupted"


@pytest.mark.parametrize(("sentence", "field", "value"), [
    ("Gunmen killed 12 villagers and wounded five others.", "fatalities", 12),
    ("Gunmen killed 12 villagers and wounded five others.", "injured", 5),
    ("At least 1,200 people were arrested during the week.", "arrested", 1200),
    ("The blast left three dead and dozens injured.", "fatalities", 3),
    ("Police said some 2,000 protesters gathered in the square.", "participants", 2000),
])
def test_counts(sentence: str, field: str, value: int) -> None:
    assert getattr(CountReader().read(sentence), field) == value


def test_years_and_distances_are_not_counts() -> None:
    counts = CountReader().read("In 2019 a bomb exploded 20 km from the town.")
    assert counts.fatalities is None and counts.injured is None


def test_parse_number_reads_words_and_digits() -> None:
    assert parse_number("twelve") == 12
    assert parse_number("3,500") == 3500
    assert parse_number("several") is None


@pytest.mark.parametrize(("sub_type", "sentence", "expected"), [
    ("Peaceful protest", "Police fired tear gas to disperse the marchers.", "Protest with intervention"),
    ("Peaceful protest", "Soldiers opened fire on the crowd, killing four protesters.", "Excessive force against protesters"),
    ("Peaceful protest", "Demonstrators threw stones and torched two cars.", "Violent demonstration"),
    ("Peaceful protest", "Farmers marched to the ministry with banners.", "Peaceful protest"),
    ("Non-state actor overtakes territory", "Rebels took the town without a fight.", "Non-violent transfer of territory"),
    ("Remote explosive/landmine/IED", "Engineers defused a roadside bomb.", "Disrupted weapons use"),
    ("Attack", "A suicide attacker killed six at a market.", "Suicide bomb"),
])
def test_acled_rules_move_the_sub_type(sub_type: str, sentence: str, expected: str) -> None:
    assert refine(sub_type, Context(sentence=sentence, clause=sentence, before="", after=sentence)) == expected


def test_an_attack_on_soldiers_is_a_clash_and_on_villagers_an_attack() -> None:
    on_soldiers = Context(sentence="x", clause="x", before="Gunmen ", after="attacked an army patrol")
    on_villagers = Context(sentence="x", clause="x", before="Gunmen ", after="attacked villagers near the army camp")
    assert refine("Attack", on_soldiers) == "Armed clash"
    assert refine("Attack", on_villagers) == "Attack"


def test_territory_taken_by_state_forces_is_regained() -> None:
    ctx = Context(sentence="Soldiers took back the port.", clause="Soldiers took back the port",
                  before="Soldiers ", after="took back the port")
    assert refine("Non-state actor overtakes territory", ctx) == "Government regains territory"


def test_phrase_notation() -> None:
    phrase = parse_phrase("Grenade", "hand? grenade|grenades * thrown")
    assert [w.optional for w in phrase.words] == [True, False, False, False]
    assert phrase.words[2].gap and phrase.weight == 2
    assert parse_phrase("Peaceful protest", "sit-in").words[0].forms == (("sit", "in"),)


def _mention(start: int, end: int, day: dt.date, precision: str = "day", end_day: dt.date | None = None) -> TimeMention:
    return TimeMention(start=start, end=end, text="x" * (end - start), value=day.isoformat(), type="DATE",
                       precision=precision, window_start=day, window_end=end_day or day)  # type: ignore[arg-type]


def test_an_event_takes_its_own_clause_date() -> None:
    when = event_when(clause=(0, 50), sentence=(0, 60), trigger=10, times=[_mention(20, 30, dt.date(2023, 3, 4))],
                      published=dt.date(2023, 3, 6), modality="asserted", present=False)
    assert (when.date, when.date_end, when.precision) == (dt.date(2023, 3, 4), None, "day")


def test_an_undated_event_gets_a_window_not_the_publication_day() -> None:
    published = dt.date(2023, 3, 10)
    anchor = _mention(0, 5, dt.date(2023, 3, 2))
    past = event_when(clause=(100, 150), sentence=(100, 160), trigger=110, times=[anchor], published=published,
                      modality="asserted", present=False)
    assert (past.date, past.date_end) == (dt.date(2023, 3, 2), published)
    assert past.precision == "week" or past.precision == "month"
    now = event_when(clause=(100, 150), sentence=(100, 160), trigger=110, times=[anchor], published=published,
                     modality="asserted", present=True)
    assert (now.date, now.date_end, now.precision) == (dt.date(2023, 3, 4), published, "week")


def test_a_planned_event_without_a_date_is_undated() -> None:
    when = event_when(clause=(0, 10), sentence=(0, 10), trigger=0, times=[], published=dt.date(2023, 1, 1),
                      modality="planned", present=False)
    assert when.date is None and when.precision == "unknown"


@pytest.mark.parametrize(("days", "precision"), [(1, "day"), (7, "week"), (20, "month"), (200, "year"), (900, "unknown")])
def test_precision_follows_window_width(days: int, precision: str) -> None:
    start = dt.date(2020, 1, 1)
    assert precision_of(start, start + dt.timedelta(days=days - 1)) == precision


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Jets bombed the market, killing at least nine people and wounding 30.", (9, 30, None, None)),
    ("A crowd beat a man to death near the bus station.", (1, None, None, None)),
    ("Police arrested a student on Monday.", (None, None, None, None)),
    ("Soldiers opened fire, killing 30 protesters.", (30, None, None, None)),
])
def test_counts_belong_to_their_own_outcome(sentence: str, expected: tuple) -> None:
    counts = CountReader().read(sentence)
    assert (counts.fatalities, counts.injured, counts.arrested, counts.participants) == expected


@pytest.mark.parametrize(("sub_type", "clause", "status"), [
    ("Fuel and energy", "long queues formed at filling stations as petrol ran short", "disrupted"),
    ("Fuel and energy", "households face scheduled power cuts of up to ten hours a day", "restricted"),
    ("Internet and telecom", "mobile data was suspended during certain hours", "restricted"),
])
def test_shortages_disrupt_and_rationing_restricts(sub_type: str, clause: str, status: str) -> None:
    assert status_of(sub_type, clause) == status
