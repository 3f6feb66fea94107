"""Quote finding, spans, distances and the assignment used by every scorer."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from newsevents.evaluation.matching import Span, best_assignment, distance_km, find_quote, fold

TEXT = "The ferry \u201cNorthern Star\u201d  was held in port \u2013 the crew\u2019s strike went on.\nIt sailed later."


def test_find_quote_tolerates_quotes_dashes_case_and_spaces() -> None:
    span = find_quote(TEXT, 'the ferry "northern star" was held in port - the crew\'s strike')
    assert span is not None
    assert TEXT[span.start:span.end] == "The ferry \u201cNorthern Star\u201d  was held in port \u2013 the crew\u2019s strike"


def test_find_quote_across_a_line_break() -> None:
    span = find_quote(TEXT, "went on. It sailed")
    assert span is not None and TEXT[span.start:span.end] == "went on.\nIt sailed"


def test_find_quote_missing_or_empty() -> None:
    assert find_quote(TEXT, "the ferry sank") is None
    assert find_quote(TEXT, "   ") is None


@given(prefix=st.text(max_size=30), quote=st.text(min_size=1, max_size=30).filter(lambda q: q.strip()),
       suffix=st.text(max_size=30))
def test_an_inserted_quote_is_always_found(prefix: str, quote: str, suffix: str) -> None:
    text = prefix + quote + suffix
    span = find_quote(text, quote)
    assert span is not None
    assert fold(text[span.start:span.end])[0].strip() == fold(quote)[0].strip()


def test_span_overlap_is_half_open() -> None:
    assert Span(0, 5).overlaps(Span(4, 9))
    assert not Span(0, 5).overlaps(Span(5, 9))


def test_distance_km_known_values() -> None:
    assert distance_km(0.0, 0.0, 0.0, 0.0) == 0.0
    assert abs(distance_km(0.0, 0.0, 0.0, 1.0) - 111.19) < 0.1  # one degree of longitude on the equator


def test_assignment_is_maximal_and_order_independent() -> None:
    weights = [[1, 1, 0], [1, 0, 0], [0, 0, 1]]  # greedy row 0 -> col 0 would leave row 1 unmatched
    pairs = best_assignment(weights)
    assert sorted(pairs) == [(0, 1), (1, 0), (2, 2)]
    for order in itertools.permutations(range(3)):
        permuted = [weights[i] for i in order]
        assert len(best_assignment(permuted)) == 3


def test_assignment_ignores_zero_weights_and_empty_inputs() -> None:
    assert best_assignment([[0, 0], [0, 0]]) == []
    assert best_assignment([]) == []
    assert best_assignment([[]]) == []
