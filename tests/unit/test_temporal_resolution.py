"""How the rule finder resolves expressions relative to publication and to the narrative.

Texts are our own. Publication date P is Tuesday 11 January 2022 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.model import TimeMention
from newsevents.temporal import RuleTimeFinder

P = dt.date(2022, 1, 11)  # a Tuesday
D = dt.date


@pytest.fixture(scope="module")
def finder() -> RuleTimeFinder:
    return RuleTimeFinder()


def only(finder: RuleTimeFinder, text: str, phrase: str, published: dt.date | None = P, **kwargs) -> TimeMention:
    """The mention whose text is ``phrase``."""
    found = [m for m in finder.find(text, published, **kwargs) if m.text == phrase]
    assert found, f"{phrase!r} not found in {[m.text for m in finder.find(text, published, **kwargs)]}"
    return found[0]


@pytest.mark.parametrize(("text", "phrase", "value", "window"), [
    ("The march took place on January 2, 2022.", "January 2, 2022", "2022-01-02", (D(2022, 1, 2), D(2022, 1, 2))),
    ("Talks opened on 11 Jan 2022 in the capital.", "11 Jan 2022", "2022-01-11", (D(2022, 1, 11), D(2022, 1, 11))),
    ("The ministry said on Wednesday the road was shut.", "Wednesday", "2022-01-05", (D(2022, 1, 5), D(2022, 1, 5))),
    ("Officials met on Tuesday to discuss the budget.", "Tuesday", "2022-01-11", (P, P)),
    ("The leaders will meet next Wednesday in the capital.", "next Wednesday", "2022-01-12", (D(2022, 1, 12),) * 2),
    ("A strike was called yesterday by the union.", "yesterday", "2022-01-10", (D(2022, 1, 10),) * 2),
    ("Shots were heard last night near the port.", "last night", "2022-01-10TNI", (D(2022, 1, 10),) * 2),
    ("Prices rose last week after the decision.", "last week", "2022-W01", (D(2022, 1, 3), D(2022, 1, 9))),
    ("The protest began this week in the north.", "this week", "2022-W02", (D(2022, 1, 10), D(2022, 1, 16))),
    ("Inflation slowed last month, the bank said.", "last month", "2021-12", (D(2021, 12, 1), D(2021, 12, 31))),
    ("Fighting broke out earlier this month.", "earlier this month", "2022-01", (D(2022, 1, 1), P)),
    ("The mayor resigned two days ago.", "two days ago", "2022-01-09", (D(2022, 1, 9),) * 2),
    ("Crowds gathered over the weekend in the square.", "the weekend", "2022-W01-WE", (D(2022, 1, 8), D(2022, 1, 9))),
    ("The election was held in 2019.", "2019", "2019", (D(2019, 1, 1), D(2019, 12, 31))),
    ("Riots spread in early January across the region.", "early January", "2022-01", (D(2022, 1, 1), D(2022, 1, 10))),
    ("Rainfall was low in the 1990s.", "the 1990s", "199", (D(1990, 1, 1), D(1999, 12, 31))),
    ("Trade grew in the summer of 2020.", "the summer of 2020", "2020-SU", (D(2020, 6, 1), D(2020, 8, 31))),
    ("Output fell in the third quarter of 2021.", "the third quarter of 2021", "2021-Q3",
     (D(2021, 7, 1), D(2021, 9, 30))),
])
def test_resolves_against_publication(finder: RuleTimeFinder, text: str, phrase: str, value: str,
                                      window: tuple[dt.date, dt.date]) -> None:
    mention = only(finder, text, phrase)
    assert (mention.value, (mention.window_start, mention.window_end)) == (value, window)


def test_year_less_date_prefers_the_past(finder: RuleTimeFinder) -> None:
    assert only(finder, "The bridge reopened on March 3.", "March 3").value == "2021-03-03"


def test_year_less_date_in_future_tense_looks_ahead(finder: RuleTimeFinder) -> None:
    assert only(finder, "The bridge will reopen on March 3.", "March 3").value == "2022-03-03"


def test_tense_hint_overrides_cues(finder: RuleTimeFinder) -> None:
    assert only(finder, "The bridge reopens on March 3.", "March 3", tense_future=True).value == "2022-03-03"


def test_weekday_with_date_picks_a_year_where_they_agree(finder: RuleTimeFinder) -> None:
    mention = only(finder, "The vote is on Friday, March 3.", "Friday, March 3", published=D(2023, 1, 10))
    assert mention.value == "2023-03-03"


def test_future_weekday_is_on_or_after_publication(finder: RuleTimeFinder) -> None:
    assert only(finder, "Unions will strike on Friday.", "Friday").value == "2022-01-14"


def test_since_stretches_the_window_to_publication(finder: RuleTimeFinder) -> None:
    mention = only(finder, "Roads have been closed since Wednesday.", "Wednesday")
    assert (mention.value, mention.window_start, mention.window_end) == ("2022-01-05", D(2022, 1, 5), P)


def test_day_range_is_one_mention_with_an_interval_value(finder: RuleTimeFinder) -> None:
    mention = only(finder, "Talks ran from 3 to 5 January.", "3 to 5 January")
    assert mention.value == "2022-01-03/2022-01-05"
    assert (mention.window_start, mention.window_end) == (D(2022, 1, 3), D(2022, 1, 5))


def test_month_range_takes_its_year_from_the_end(finder: RuleTimeFinder) -> None:
    mention = only(finder, "Rains fell between March and May 2020.", "March and May 2020")
    assert (mention.window_start, mention.window_end) == (D(2020, 3, 1), D(2020, 5, 31))


def test_duration_has_no_window(finder: RuleTimeFinder) -> None:
    mention = only(finder, "The siege lasted for three days.", "three days")
    assert (mention.type, mention.value, mention.window_start) == ("DURATION", "P3D", None)


def test_trailing_duration_ends_at_publication(finder: RuleTimeFinder) -> None:
    mention = only(finder, "Ten people died in the past three days.", "the past three days")
    assert (mention.type, mention.window_start, mention.window_end) == ("DURATION", D(2022, 1, 8), P)


def test_sets_and_clock_times(finder: RuleTimeFinder) -> None:
    assert only(finder, "Markets open every Friday.", "every Friday").type == "SET"
    mention = only(finder, "Police arrived on Monday at 3 p.m.", "Monday at 3 p.m.")
    assert (mention.type, mention.value) == ("TIME", "2022-01-10T15:00")


def test_narrative_day_follows_the_last_date(finder: RuleTimeFinder) -> None:
    text = "The march began on January 2. The next day, police fired tear gas. Two days later, talks began."
    assert only(finder, text, "The next day").value == "2022-01-03"
    assert only(finder, text, "Two days later").value == "2022-01-05"


def test_year_less_month_follows_a_written_year_in_the_paragraph(finder: RuleTimeFinder) -> None:
    text = "In March 2015, the army moved north. In April, it withdrew."
    assert only(finder, text, "April").value == "2015-04"


def test_counts_names_and_verbs_are_not_dates(finder: RuleTimeFinder) -> None:
    text = "About 1500 soldiers and 2000 people marched. Officials may march to the hall. Theresa May spoke."
    assert finder.find(text, P) == []


def test_without_publication_relative_expressions_stay_unresolved(finder: RuleTimeFinder) -> None:
    mentions = {m.text: m for m in finder.find("On Wednesday, a week after January 11, it rained.", None)}
    assert mentions["Wednesday"].value == "XXXX-WXX-3" and mentions["Wednesday"].window_start is None
    assert mentions["January 11"].value == "XXXX-01-11"


def test_present_reference(finder: RuleTimeFinder) -> None:
    mention = only(finder, "The city is now calm.", "now")
    assert (mention.value, mention.precision, mention.window_start) == ("PRESENT_REF", "unknown", None)


def test_overnight_is_the_night_before_publication(finder: RuleTimeFinder) -> None:
    mention = only(finder, "Drones struck the depot overnight.", "overnight")
    assert (mention.type, mention.value, mention.window_start) == ("TIME", "2022-01-10TNI", D(2022, 1, 10))


def test_of_that_year_takes_the_narrative_year(finder: RuleTimeFinder) -> None:
    text = "The treaty was signed in 2015. On 3 May of that year, troops left."
    assert only(finder, text, "3 May of that year").value == "2015-05-03"


def test_a_spacy_doc_gives_the_sentences(finder: RuleTimeFinder) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "The talks will resume. Delegates left on Friday."
    mention = only(finder, text, "Friday", doc=nlp(text))
    assert mention.value == "2022-01-07"  # the future cue is in the other sentence
    with pytest.raises(ValueError):
        finder.find(text, P, doc=nlp("Another text."))
