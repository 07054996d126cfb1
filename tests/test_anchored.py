"""A change read from its fixed point (scoring/aligned.py, ``anchored_conflicts``): both
tellings start a change from one value and end it at two different ones, in sentences that
do not tell the same beat. Our own sentences; each case both ways."""

from __future__ import annotations

import pytest
from two_tellings import told_twice

WARD = (
    "I was a senior staff nurse on a 30-bed stroke ward, and pressure injuries were my worry: "
    "we logged nine of them in the spring quarter, mostly on nights. Nobody owned turning, it "
    "was just assumed. I wrote a two-hourly turning chart, got the mattresses audited, and added "
    "a skin check to the handover sheet. I did the first fortnight of nights myself so it stuck. "
    "{ending}"
)
RETOLD = (
    "The thing I'm proudest of on the stroke ward is the turning chart. Nine pressure injuries "
    "in one quarter, and everyone said it was the patients, they're frail, that's how it goes. "
    "I didn't buy it, so I looked at the nights and saw nobody was actually turning anyone on a "
    "schedule. After the chart and the handover skin check, we were down to {after} pressure "
    "injuries the next quarter."
)


def _both_ways(first: str, second: str):  # type: ignore[no-untyped-def]
    return told_twice(first, second), told_twice(second, first)


@pytest.mark.parametrize("swap", [False, True])
def test_one_start_and_two_ends_is_a_contradiction(swap: bool) -> None:
    first = WARD.format(ending="The next quarter we had three.")
    second = RETOLD.format(after="five")
    result = told_twice(*((second, first) if swap else (first, second)))
    assert result.reused
    numbers = [c for c in result.contradictions if c.kind == "number"]
    assert len(numbers) == 1
    said = " | ".join(s.sentence for s in numbers[0].statements)
    assert "three" in said and "five" in said


@pytest.mark.parametrize("after", ["three", "3"])
def test_the_same_end_said_either_way_is_not(after: str) -> None:
    first = WARD.format(ending="The next quarter we had three.")
    for result in _both_ways(first, RETOLD.format(after=after)):
        assert result.reused
        assert not result.contradictions


def test_a_first_result_and_a_later_one_are_not() -> None:
    """One telling gives the quarter after and the end of the year; the other only the
    year's end: both are true."""
    first = WARD.format(
        ending="The next quarter we had five, and by the end of the year we were down to two."
    )
    second = RETOLD.format(after="two")
    for result in _both_ways(first, second):
        assert result.reused
        assert not result.contradictions


RATE = (
    "I ran the returns desk for an online shoe retailer. The wrong-size rate on exchanges was "
    "2.4 percent, which meant a second parcel and an angry customer. I compared the size guide "
    "with the brands' own charts and found three brands were a half size off. We put a "
    "brand-specific note on the product page. {ending}"
)
RATE_RETOLD = (
    "Customers kept getting the wrong size on exchanges, 2.4 percent of them, and that was "
    "costing us a second delivery each time. The size guide was the problem: three of our "
    "brands ran small by half a size. Once the product pages carried a note per brand, it "
    "{after}"
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_rate_from_one_start_to_two_ends_is_a_contradiction(swap: bool) -> None:
    first = RATE.format(ending="Within a month it was 0.9 percent.")
    second = RATE_RETOLD.format(after="fell to 1.6 percent.")
    result = told_twice(*((second, first) if swap else (first, second)))
    assert result.reused
    assert [c.kind for c in result.contradictions] == ["number"]


def test_a_change_counted_in_steps_is_not() -> None:
    """'Down by a point and a half' and later '0.5 percent': a telling that counts the change
    in steps may end in more than one place."""
    first = RATE.format(ending="Within a month it was 0.9 percent.")
    second = RATE_RETOLD.format(
        after="dropped by 1.5 percentage points in a month, and by the summer it was 0.5 percent."
    )
    for result in _both_ways(first, second):
        assert not result.contradictions


def test_a_rate_and_its_complement_fix_no_start() -> None:
    """'2.4 percent wrong' and '97.6 percent right' are one value, but which way each end
    moves is read differently: nothing is said."""
    first = RATE.format(ending="Within a month it was 0.9 percent.")
    second = RATE_RETOLD.format(after="went from 97.6 percent right first time to 99.1 percent.")
    for result in _both_ways(first, second):
        assert not [c for c in result.contradictions if c.kind == "number"]


@pytest.mark.parametrize("swap", [False, True])
def test_a_start_said_again_is_read_from_where_it_was_first_said(swap: bool) -> None:
    """'Nine pressure injuries', then 'all nine', 'seven of the nine': the start is said three
    times and counted over, and the end is still the one result the telling gives."""
    first = WARD.format(ending="The next quarter we had three.")
    second = RETOLD.format(after="five").replace(
        "I didn't buy it,",
        "I went through all nine reports, and seven of the nine were between midnight and six,",
    )
    result = told_twice(*((second, first) if swap else (first, second)))
    assert result.reused
    numbers = [c for c in result.contradictions if c.kind == "number"]
    assert len(numbers) == 1
    said = " | ".join(s.sentence for s in numbers[0].statements)
    assert "three" in said and "five" in said
