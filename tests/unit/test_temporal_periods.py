"""Calendar arithmetic: windows of weeks, months, seasons, parts and ranges."""

from __future__ import annotations

import datetime as dt

from newsevents.temporal.periods import (
    add_months,
    century_period,
    decade_period,
    make_date,
    month_period,
    part_of,
    season_period,
    span_period,
    week_period,
    with_year,
    year_period,
)

D = dt.date


def test_iso_week_runs_monday_to_sunday_and_crosses_years() -> None:
    week = week_period(D(2022, 1, 2))  # a Sunday, still in ISO week 52 of 2021
    assert (week.value, week.start, week.end) == ("2021-W52", D(2021, 12, 27), D(2022, 1, 2))


def test_month_window_knows_leap_years() -> None:
    assert month_period(2024, 2).end == D(2024, 2, 29)
    assert month_period(2023, 2).end == D(2023, 2, 28)


def test_winter_starts_in_december_and_ends_in_february() -> None:
    winter = season_period(2021, "WI")
    assert (winter.value, winter.start, winter.end) == ("2021-WI", D(2021, 12, 1), D(2022, 2, 28))


def test_parts_are_thirds_of_the_period() -> None:
    january = month_period(2022, 1)
    assert (part_of(january, "START").start, part_of(january, "START").end) == (D(2022, 1, 1), D(2022, 1, 10))
    assert part_of(january, "END").start == D(2022, 1, 22)
    assert part_of(january, "END").value == "2022-01"


def test_decades_and_centuries_use_timex_values() -> None:
    assert decade_period(1990).value == "199"
    century = century_period(20)
    assert (century.value, century.start, century.end) == ("19", D(1900, 1, 1), D(1999, 12, 31))


def test_span_is_an_iso_interval_with_the_coarser_precision() -> None:
    span = span_period(month_period(2021, 3), year_period(2021))
    assert (span.value, span.precision) == ("2021-03/2021", "year")
    assert (span.start, span.end) == (D(2021, 3, 1), D(2021, 12, 31))


def test_span_refuses_an_end_before_the_start() -> None:
    assert span_period(year_period(2022), year_period(2021)) is None


def test_impossible_dates_are_none_not_errors() -> None:
    assert make_date(2022, 2, 30) is None
    assert make_date(0, 1, 1) is None
    assert add_months(D(9998, 12, 1), 1) is None
    assert year_period(10000) is None


def test_add_months_clips_to_the_last_day() -> None:
    assert add_months(D(2022, 1, 31), 1) == D(2022, 2, 28)


def test_with_year_moves_days_months_and_seasons() -> None:
    assert with_year(month_period(2009, 3), 1939).value == "1939-03"
    assert with_year(season_period(2009, "SU"), 1943).value == "1943-SU"
    assert with_year(year_period(2009), 1939) is None
