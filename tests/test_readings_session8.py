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


KIOSKS = (
    "At Brindle Foods I ran the click-and-collect desk at our biggest store. Saturday queues "
    "reached forty minutes. {first} We moved collection to self-serve lockers by the door "
    "over one weekend, and Saturday waits fell to under ten minutes."
)
LOCKERS = (
    "Our click-and-collect desk at the Brindle Foods flagship had forty-minute Saturday "
    "queues. {second} We put self-serve lockers by the door over a weekend, and the Saturday "
    "wait dropped below ten minutes."
)


def _agency(first: str, second: str) -> list[str]:
    a, b = KIOSKS.format(first=first), LOCKERS.format(second=second)
    out = []
    for x, y in ((a, b), (b, a)):
        result = analyze_loop(
            [AnswerInput(1, "ownership", x), AnswerInput(2, "bias-for-action", y)]
        )
        assert result.reused
        out.append([c.kind for c in result.contradictions if c.kind == "agency"])
    return out[0] + out[1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "It was my idea to move collection to lockers.",
            "Our regional manager, Priya, had decided every store would move collection to "
            "lockers.",
        ),
        (
            "I decided we had to move collection to lockers.",
            "Priya, my store manager, told me to move collection to lockers.",
        ),
    ],
)
def test_my_idea_against_someone_elses_decision_is_an_agency_contradiction(
    first: str, second: str
) -> None:
    assert _agency(first, second) == ["agency", "agency"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Both accounts give the candidate a part: an idea, then a boss's yes.
        (
            "I proposed we move collection to lockers.",
            "I suggested lockers, and our regional manager, Priya, decided to fund the lockers.",
        ),
        # The first telling already names the boss's decision.
        (
            "I proposed we move collection to lockers, and Priya decided to go ahead with the "
            "lockers.",
            "Our regional manager, Priya, decided to move collection to lockers.",
        ),
    ],
)
def test_an_idea_and_a_decision_told_together_are_not(first: str, second: str) -> None:
    assert _agency(first, second) == []


def test_a_team_named_after_the_employers_possessive_is_read() -> None:
    teams = [f.value for f in extract_facts("I was on Corvel's claims triage team then.").facts]
    assert "claims triage" in teams


ROLE_A = (
    "This was at Tessaly Labs. I was regional sales manager for the north, with five account "
    "executives reporting to me. A hospital group was about to drop our lab software over "
    "slow report turnaround. I sat with their head of pathology, mapped the delays, got our "
    "support lead to fix the export job, and they renewed for three years."
)
ROLE_B = (
    "The hospital group renewal at Tessaly Labs. They were unhappy about slow report "
    "turnaround and about to drop us, and the quota was on my own head as a senior account "
    "executive. I mapped the delays with their head of pathology, got support to fix the "
    "export job, and they renewed for three years."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_title_alone_says_the_tier_when_nothing_else_does(swap: bool) -> None:
    a, b = (ROLE_B, ROLE_A) if swap else (ROLE_A, ROLE_B)
    result = analyze_loop([AnswerInput(1, "ownership", a), AnswerInput(2, "earn-trust", b)])
    assert result.reused
    assert "role" in [c.kind for c in result.contradictions]


def test_a_veto_is_told_in_the_meetings_words() -> None:
    weak = "I don't know. We just did what we were told and it was fine I guess."
    answers = [AnswerInput(1, "ownership", ROLE_A), AnswerInput(2, "dive-deep", weak)]
    outcome = analyze_loop(answers, bar_raiser_round=2).outcome
    assert outcome.decision == "no-hire"
    assert "NOT INCLINED: a veto" in outcome.reason
    assert "not-inclined" not in outcome.reason
