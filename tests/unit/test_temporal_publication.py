"""Inferring a publication date from the text alone (own example texts)."""

from __future__ import annotations

import datetime as dt

from newsevents.temporal import infer_publication_date

TODAY = dt.date(2025, 6, 1)


def test_weekday_and_date_pick_the_most_recent_matching_year() -> None:
    text = "Rescuers reached the valley. This became known on Tuesday, January 11. Roads remain closed."
    assert infer_publication_date(text, TODAY) == (dt.date(2022, 1, 11), "Tuesday, January 11")


def test_the_inferred_date_is_never_after_today() -> None:
    text = "The port reopened on Saturday, May 31."
    date, _ = infer_publication_date(text, dt.date(2025, 5, 30))
    assert date <= dt.date(2025, 5, 30) and date.isoweekday() == 6 and (date.month, date.day) == (5, 31)


def test_full_date_near_the_top() -> None:
    text = "Flood waters recede\nPublished 11 Jan 2022\n\nWater levels fell across the delta on Monday."
    assert infer_publication_date(text, TODAY) == (dt.date(2022, 1, 11), "11 Jan 2022")


def test_dateline_without_year_takes_the_latest_past_year() -> None:
    text = "LIMA, March 3 (Wire) - Farmers blocked roads in the south to protest fertiliser prices."
    assert infer_publication_date(text, TODAY) == (dt.date(2025, 3, 3), "LIMA, March 3")


def test_future_weekday_dates_are_not_evidence() -> None:
    assert infer_publication_date("The summit will open on Friday, March 3 in the capital.", TODAY) is None


def test_no_evidence_no_guess() -> None:
    assert infer_publication_date("Farmers blocked roads yesterday to protest prices.", TODAY) is None
    assert infer_publication_date("", TODAY) is None
