"""Readings added in session 11, each in our own sentences, both ways where it compares:
a verb inside a hyphenated compound ('the suggested-fixes list') claims nothing; a value
the telling itself names as where a change started is not its result, however else it
is said ('had crept up to 3.1 s' ... 'fell from 3.1 s'); tail latency is p99; a clause
after the candidate's title ('I was a senior officer, leading the team') is what they
did; a telling that opens 'also at <place>' or 'with the same client' is another story
there; a standing size of the place ('we have 60 trucks') is weak evidence of one event."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop
from scoring.agency import claims
from scoring.facts import extract_facts
from scoring.position import positions
from scoring.similarity import declares_distinct, specifics


def _loop(first: str, second: str):  # type: ignore[no-untyped-def]
    return analyze_loop([AnswerInput(1, "ownership", first), AnswerInput(2, "dive-deep", second)])


def test_a_verb_inside_a_compound_word_is_no_claim() -> None:
    text = "Our manager, Dana, owned the suggested-fixes list for the help centre."
    assert claims(text) == []
    assert [c[:2] for c in claims("Our manager, Dana, suggested fixes for the help centre.")]


CHECKOUT = (
    "I was on the payments team at a ticketing site. During the spring sale our p99 for the "
    "seat map had crept up to about 3.1 seconds. I traced it to one query per seat row, "
    "batched the lookups and cached the venue layout. {result} I now compare a metric's "
    "growth with its cause's growth."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_drift_to_the_starting_value_is_not_the_result(swap: bool) -> None:
    first = CHECKOUT.format(result="p99 fell from 3.1 seconds to about 400 ms.")
    second = (
        "At the ticketing site the seat map was slow in the spring sale, p99 around 3.1 "
        "seconds. I batched the per-row queries and cached the venue layout, and p99 came "
        "down to about 700 milliseconds."
    )
    result = _loop(*((second, first) if swap else (first, second)))
    assert result.reused
    details = [c.detail for c in result.contradictions]
    assert len(details) == 1, details  # 400 ms against 700 ms, and nothing else
    assert "400 ms" in details[0] and "3.1" not in details[0].split("'")[1 if swap else 0]


def test_tail_latency_is_read_as_p99() -> None:
    [figure] = [f for f in extract_facts("Tail latency went to about 650 ms.").figures]
    assert figure.measure == "p99"


def test_a_clause_after_the_title_says_the_candidate_led_the_team() -> None:
    said = "In 2021 I was a senior housing officer at the council, leading the lettings team."
    tiers = {tier for tier, _, _ in positions(said)}
    assert "manager of people" in tiers
    # Not a clause of the candidate's: "I met the officer, leading..." is not read.
    assert not positions("The audit found the depot, leading the region in delays.")
    first = said + (
        " Void homes took 9 weeks to re-let because repairs, gas checks and keys were booked "
        "one after another. I wrote a 41-point handover checklist so contractors booked them "
        "side by side, and the re-let time came down to 4 weeks within two quarters."
    )
    second = (
        "I led the lettings team at the council. Void homes sat empty for 9 weeks between "
        "tenants, since repairs, gas checks and keys were done in turn. My 41-point handover "
        "checklist let contractors book them side by side, and re-let time fell to 4 weeks."
    )
    result = _loop(first, second)
    assert result.reused and not [c for c in result.contradictions if c.kind == "role"]


@pytest.mark.parametrize(
    "opening",
    [
        "So also at Harlow Foods, on the same line, there was the label problem.",
        "With the same client, the furniture retailer, a year later we had a new issue.",
        "For the same customer we later rebuilt their invoice export.",
    ],
)
def test_an_opening_that_points_at_the_last_story_declares_another(opening: str) -> None:
    assert declares_distinct(opening + " I fixed it in a week.")


@pytest.mark.parametrize(
    "text",
    [
        "I worked with the same team for three years and we shipped the app.",
        "I also at that point asked the client for their data.",
    ],
)
def test_same_or_also_elsewhere_in_a_retelling_declares_nothing(text: str) -> None:
    assert not declares_distinct(text)


@pytest.mark.parametrize(
    "said", ["we have 60 trucks", "across our 14 stores", "a fleet of 60 trucks", "a 32-bed ward"]
)
def test_a_standing_size_of_the_place_is_weak_evidence(said: str) -> None:
    found = specifics(f"I was the planner there, {said}, and the rota was my job.")
    assert not found.figures and found.spans


def test_a_count_of_an_event_is_still_a_figure() -> None:
    found = specifics("That night we rerouted 60 trucks around the closed bridge.")
    assert found.figures
