"""Rules added after the third blind set (2026-11-30): each kind both ways.

The sentences are ours, written to the rule's English, not taken from any set.
"""

from __future__ import annotations

import pytest

from scoring.facts import extract_facts, judge_facts


def kinds(first: str, second: str) -> list[str]:
    conflicts, _ = judge_facts(extract_facts(first, 0), extract_facts(second, 1))
    return [c.kind for c in conflicts]


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        (
            "After the trial we rolled it out to 40 more branches.",
            "We shut it down after the trial.",
        ),
        (
            "We completed the migration in March.",
            "The migration never got beyond the first region.",
        ),
        (
            "It went live in time for the audit deadline.",
            "Finance pulled the funding for it in May.",
        ),
        (
            "The council funded it across all 12 libraries.",
            "The board refused to go ahead with it.",
        ),
    ],
)
def test_how_work_ended_said_in_other_words_conflicts(good, bad):
    assert "outcome" in kinds(good, bad)
    assert "outcome" in kinds(bad, good)


def test_retiring_the_old_thing_is_not_a_failure():
    told = "We moved every team to the new queue. Then we shut the old system down."
    assert extract_facts(told).outcome is None or extract_facts(told).outcome.value != "failure"
    assert kinds("We completed the migration in March.", told) == []


def test_a_mixed_ending_is_not_held_against_either_side():
    mixed = "We halted the rollout at 20% for a week, fixed it, and completed the rollout."
    assert "outcome" not in kinds("We completed the rollout on time.", mixed)


def test_a_title_a_rank_below_the_same_title_is_a_role_conflict():
    assert "role" in kinds(
        "That winter I was deputy ward manager on nights.", "As the ward manager I signed it off."
    )
    # A promotion told inside one telling says both ranks: nothing to hold against it.
    both = "I went from assistant buyer to buyer that year, and as buyer I owned the range."
    assert "role" not in kinds(both, "As the buyer for the range I chose the supplier.")
    # Different heads never meet: a senior engineer can also be the tech lead.
    assert "role" not in kinds("I was a senior engineer.", "I was the project manager.")


def test_a_junior_in_one_telling_managing_people_in_the_other_is_a_role_conflict():
    assert "role" in kinds(
        "I was a junior accountant then.", "I had two accountants reporting to me."
    )
    assert "role" in kinds("I was a junior analyst at the time.", "the pricing team I was leading")
    # Said together in one telling, the two do not contradict a telling of one of them.
    both = "As a junior developer I led the release team for a quarter."
    assert "role" not in kinds(both, "I was a junior developer.")


def test_disowning_the_idea_conflicts_with_claiming_it():
    assert "agency" in kinds(
        "Moving support to two tiers was my idea.",
        "I wasn't the one who came up with it; I ran the change.",
    )
    assert "agency" not in kinds(
        "Moving support to two tiers was my idea.", "I proposed two tiers and ran the change."
    )


def test_a_name_between_the_boss_and_the_decision_still_says_who_decided():
    assert "agency" in kinds(
        "I made the call to pause the release.",
        "My manager, Ines, decided to pause the release.",
    )


def test_people_picked_from_a_team_are_not_the_team_size():
    assert kinds("I pulled three people off other work.", "It was my nine-person team.") == []
    # Two sizes of the candidate's own team are a team contradiction (issue 11: team is
    # "which team / how many people").
    assert kinds("I led a team of nine engineers.", "I led a team of four engineers.") == ["team"]


def test_a_quote_keeps_a_figure_whole():
    told = extract_facts("Truck fill went to 88% and we saved around 300 thousand a year.")
    assert told.outcome is not None and "300 thousand" in told.outcome.quote


def test_disowning_something_else_is_not_disowning_the_idea():
    """'It was not my service' says whose service, not whose idea the work was."""
    assert "agency" not in kinds(
        "It was not my service exactly, but I fixed the retries myself.",
        "I proposed a compromise on the retries.",
    )


def test_a_quote_does_not_stop_at_a_decimal_point():
    told = extract_facts("After six weeks our ETA error went from 3.2 min to 2.1 min.")
    assert told.outcome is not None and "3.2 min" in told.outcome.quote
