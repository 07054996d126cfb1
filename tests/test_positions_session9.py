"""Where the candidate stood, said in more of English's shapes (scoring/position.py):
'nobody reporting to me' is no team; a title set apart after the frame ('I was pretty new
then, a junior analyst'); 'I was only a picker'; 'lead of a team of'; 'one of my four
accountants'; a terse telling that opens on 'Head of maths at ...'. A financial controller
is not read as working alone. Our own sentences; tellings compared both ways."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop
from scoring.position import INDIVIDUAL, PEOPLE, positions


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("Back then I was a solo engineer, nobody reporting to me.", INDIVIDUAL),
        ("I had no one reporting to me at the time.", INDIVIDUAL),
        ("I was pretty new then, a junior analyst in the pricing group.", INDIVIDUAL),
        ("I was only a porter too, same grade as him.", INDIVIDUAL),
        ("I was lead of a team of nine packers on the late shift.", PEOPLE),
        ("I was leading the four site engineers on that job.", PEOPLE),
        ("I asked one of my three accountants to rebuild the schedule.", PEOPLE),
        ("Head of science at a sixth-form college, six teachers in the department.", PEOPLE),
    ],
)
def test_the_candidates_tier_is_read(said: str, tier: str) -> None:
    assert {t for t, _, _ in positions(said)} == {tier}


@pytest.mark.parametrize(
    ("said", "tiers"),
    [
        ("Nobody was reporting to me, but I ran the stand-up.", {INDIVIDUAL}),
        ("As controller I signed the accounts off.", set()),  # a financial one: unsaid
        ("As an air traffic controller I worked the approach sector.", {INDIVIDUAL}),
        ("My two fellow nurses and I split the bays.", set()),
    ],
)
def test_no_team_is_read_where_none_is_said(said: str, tiers: set[str]) -> None:
    assert {t for t, _, _ in positions(said)} == tiers


STORE = (
    "We had a run of short deliveries from the frozen supplier, about one pallet in ten. "
    "{role} I matched every delivery note against the scanner logs for a month and found the "
    "supplier's night loader was counting layers, not cases. I sent them the evidence with "
    "photos, they changed the loading sheet, and short deliveries stopped within three weeks."
)


def _roles(first: str, second: str) -> list[str]:
    result = analyze_loop([AnswerInput(1, "dive-deep", first), AnswerInput(2, "ownership", second)])
    assert result.reused
    return [c.kind for c in result.contradictions if c.kind == "role"]


@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "I was a solo planner at the depot, nobody reporting to me.",
            "I managed a team of four planners at the depot.",
        ),
        ("I was lead of a team of twelve packers.", "I was only a packer then, like the rest."),
    ],
)
def test_a_manager_against_no_reports_is_a_role_contradiction(
    one: str, other: str, swap: bool
) -> None:
    first, second = STORE.format(role=one), STORE.format(role=other)
    if swap:
        first, second = second, first
    assert _roles(first, second) == ["role"]


def test_the_same_standing_told_twice_is_not() -> None:
    first = STORE.format(role="I was a solo planner at the depot, nobody reporting to me.")
    second = STORE.format(role="I was just a planner at the depot back then.")
    assert _roles(first, second) == []
    assert _roles(second, first) == []
