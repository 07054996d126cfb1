"""Two tellings read beat by beat (scoring/aligned.py): a figure that differs inside two
sentences telling one beat is a contradiction, even when neither names what it measures in
words the slot readers know. Our own sentences; each case both ways."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop

SURVEYOR = (
    "I was the site quantity surveyor on a hospital extension for Brackwell Construction. "
    "Checking the steel invoices against the drawings, I saw we were paying for far more rebar "
    "than the design needed. The supplier had been charging the offcuts twice, once in the unit "
    "rate and again in the tonnage. I put the reconciliation together floor by floor and we "
    "clawed back about $48,000 at the final account. Now every package gets that check before "
    "we pay."
)
RETOLD = (
    "On the Brackwell hospital extension I noticed the rebar invoices did not match the "
    "drawings. The supplier was billing offcuts twice, in the rate and in the tonnage. I did "
    "the reconciliation floor by floor, and at the final account we got back roughly {amount}. "
    "It is a standard check for us now."
)


def _loop(first: str, second: str):  # type: ignore[no-untyped-def]
    return analyze_loop([AnswerInput(1, "dive-deep", first), AnswerInput(2, "frugality", second)])


@pytest.mark.parametrize("swap", [False, True])
def test_an_amount_that_differs_inside_one_beat_is_a_contradiction(swap: bool) -> None:
    first, second = SURVEYOR, RETOLD.format(amount="$95,000")
    result = _loop(*((second, first) if swap else (first, second)))
    assert result.reused
    numbers = [c for c in result.contradictions if c.kind == "number"]
    assert len(numbers) == 1
    said = [s.sentence for s in numbers[0].statements]
    assert any("$48,000" in q for q in said) and any("$95,000" in q for q in said)


@pytest.mark.parametrize("amount", ["$50,000", "forty-eight thousand dollars"])
def test_the_same_amount_rounded_or_in_words_is_not(amount: str) -> None:
    first, second = SURVEYOR, RETOLD.format(amount=amount)
    assert _loop(first, second).reused
    assert not _loop(first, second).contradictions
    assert not _loop(second, first).contradictions


BEFORE = (
    "I ran the night pick team at a parcel hub for Ostwick Logistics. Mis-sorts were around 40 "
    "a night, and each one meant a van going back out. I walked the sort line for a week with "
    "the shift leads and found the labels on two chutes were swapped after a re-layout. We "
    "fixed the labels and added a scan check at the chute."
)
AFTER = (
    "At Ostwick Logistics my night pick team kept sending parcels down the wrong chute. "
    "I walked the sort line with the shift leads and found two chute labels swapped after a "
    "re-layout. We fixed them and added a scan check. Mis-sorts went down to about 6 a night."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_baseline_is_not_compared_with_a_result_in_a_like_sentence(swap: bool) -> None:
    result = _loop(*((AFTER, BEFORE) if swap else (BEFORE, AFTER)))
    assert result.reused
    assert not [c for c in result.contradictions if c.kind == "number"]
