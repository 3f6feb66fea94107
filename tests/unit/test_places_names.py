"""Place-name normalisation and the shapes names take in news text (no data needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsevents.places.names import ParsedName, normalize_name, parse_name, strip_type_words


def test_normalize_folds_case_accents_dots_and_hyphens() -> None:
    assert normalize_name("Alma-Ata") == "alma ata"
    assert normalize_name("U.S.") == "us"
    assert normalize_name("Aqtöbe") == "aqtobe"
    assert normalize_name("  São   Paulo ") == "sao paulo"
    assert normalize_name("People’s Republic") == "people's republic"


def test_parse_type_words() -> None:
    assert parse_name("the Aktobe region") == ParsedName(key="aktobe", admin_type="region")
    assert parse_name("Sinaloa state") == ParsedName(key="sinaloa", admin_type="state")
    assert parse_name("Punjab Province") == ParsedName(key="punjab", admin_type="province")
    assert parse_name("Donetsk oblast") == ParsedName(key="donetsk", admin_type="oblast")
    assert parse_name("State of Mexico") == ParsedName(key="mexico", admin_type="state")


def test_parse_compass_prefix_only_when_written_lowercase() -> None:
    assert parse_name("northern Kazakhstan") == ParsedName(key="kazakhstan", direction="northern")
    assert parse_name("North Korea") == ParsedName(key="north korea")
    assert parse_name("West Midlands").direction is None


def test_parse_strips_article_and_possessive() -> None:
    assert parse_name("the Netherlands").key == "netherlands"
    assert parse_name("Kenya's").key == "kenya"


def test_strip_type_words_keeps_meaningful_names() -> None:
    assert strip_type_words("almaty oblysy") == "almaty"
    assert strip_type_words("anhui sheng") == "anhui"
    assert strip_type_words("northern territory") == "northern territory"  # "northern" alone is no name


@given(st.text(max_size=60))
def test_normalize_and_parse_never_raise(text: str) -> None:
    key = normalize_name(text)
    assert key == key.strip()
    assert "  " not in key
    assert isinstance(parse_name(text).key, str)
