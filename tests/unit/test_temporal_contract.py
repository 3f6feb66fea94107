"""The TimeFinder contract, run against every implementation (ours and the dateparser baseline)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.model import TimeMention
from newsevents.temporal import TimeFinder, make_time_finder

P = dt.date(2022, 1, 11)
TEXT = ("Talks ended on January 10, 2022 without a deal.\n"
        "Delegates had arrived on 5 January 2022 and will meet again in March.")


@pytest.fixture(scope="module", params=["rules", "dateparser"])
def finder(request: pytest.FixtureRequest) -> TimeFinder:
    return make_time_finder(None, kind=request.param)


def test_returns_time_mentions_in_text_order(finder: TimeFinder) -> None:
    mentions = finder.find(TEXT, P)
    assert mentions and all(isinstance(m, TimeMention) for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_offsets_slice_the_text(finder: TimeFinder) -> None:
    for mention in finder.find(TEXT, P):
        assert TEXT[mention.start:mention.end] == mention.text


def test_windows_are_ordered_and_typed(finder: TimeFinder) -> None:
    for mention in finder.find(TEXT, P):
        assert mention.type in ("DATE", "TIME", "DURATION", "SET")
        assert mention.precision in ("day", "week", "month", "year", "unknown")
        if mention.window_start is not None:
            assert mention.window_end is not None and mention.window_start <= mention.window_end


def test_finds_an_explicit_date(finder: TimeFinder) -> None:
    values = {m.value for m in finder.find(TEXT, P)}
    assert "2022-01-10" in values


def test_empty_text_has_no_mentions(finder: TimeFinder) -> None:
    assert finder.find("", P) == []


def test_accepts_a_missing_publication_date(finder: TimeFinder) -> None:
    assert any(m.value == "2022-01-10" for m in finder.find(TEXT, None))


def test_has_a_name(finder: TimeFinder) -> None:
    assert finder.name in ("rules", "dateparser")


def test_unknown_finder_is_a_config_error() -> None:
    from newsevents.errors import ConfigError

    with pytest.raises(ConfigError):
        make_time_finder(None, kind="oracle")
