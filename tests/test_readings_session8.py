"""Figures read in session 8: what a length of time said after a value is. Our own
sentences, each case both ways."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop
from scoring.facts import extract_facts

FIRST = (
    "At Larkspur Books our search p99 had crept up to 1.2 seconds over two months, and "
    "shoppers on big catalogues gave up. I traced it to a ratings lookup on every result, "
    "cached it for five minutes, and we got p99 to 300 ms."
)
SECOND = (
    "Larkspur Books customers complained search was slow on big catalogues. Our p99 was "
    "1,200 ms. I found a ratings lookup run for every result, cached it, and p99 dropped to "
    "0.3 seconds."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_period_said_after_a_value_is_not_a_second_reading(swap: bool) -> None:
    a, b = (SECOND, FIRST) if swap else (FIRST, SECOND)
    result = analyze_loop([AnswerInput(1, "dive-deep", a), AnswerInput(2, "ownership", b)])
    assert result.reused
    assert not result.contradictions, [c.detail for c in result.contradictions]


@pytest.mark.parametrize(
    "said", ["Returns fell to 3% across six weeks.", "Latency crept up to 900 ms over two months."]
)
def test_the_period_is_read_as_timing(said: str) -> None:
    periods = [f for f in extract_facts(said).figures if f.value >= 7 * 86400]
    assert periods and all(f.role == "timing" for f in periods)
