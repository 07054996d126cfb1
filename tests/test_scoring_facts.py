"""The fact and similarity layer on its own: what a telling states, and retellings.

The story bank will call these functions directly, so they are tested without
the loop around them.
"""

from __future__ import annotations

from scoring import compare_facts, extract_facts, story_similarity
from scoring.similarity import REUSE_THRESHOLD

LATENCY_A = (
    "At Brightline I was on the search team when p99 latency for autocomplete hit 1.4 seconds "
    "in Q2 2023. I traced it to a cold cache after each deploy and added a warm-up step; p99 "
    "went from 1.4 seconds to 220 ms."
)
LATENCY_B = (
    "The autocomplete slowdown at Brightline: p99 was 2.6 seconds after every deploy because "
    "the cache started cold. I added a warm-up step and got p99 down to 220 ms."
)
LATENCY_SUMMARY = "The Brightline autocomplete cache warm-up: p99 from 1.4 s to 220 ms."
OTHER_STORY = (
    "At Brightline I mentored a new engineer on the payments team. We paired twice a week, "
    "she owned the refund retries and was promoted within a year."
)


def kinds(a: str, b: str) -> set[str]:
    return {c.kind for c in compare_facts(extract_facts(a), extract_facts(b))}


def test_figures_carry_unit_measure_and_role() -> None:
    facts = extract_facts(LATENCY_A)
    p99 = [f for f in facts.figures if f.measure == "p99"]
    assert {round(f.value, 3) for f in p99} == {1.4, 0.22}
    assert {f.role for f in p99} >= {"before", "after"}
    assert all(f.family == "time" for f in p99)


def test_units_are_normalised() -> None:
    a = extract_facts("p99 latency was 1400 ms before the fix.")
    b = extract_facts("p99 latency was 1.4 seconds before the fix.")
    assert compare_facts(a, b) == []


def test_rates_are_normalised_to_a_year() -> None:
    a = "The change saved about $30,000 a month in compute."
    b = "The change saved about $360,000 a year in compute."
    assert kinds(a, b) == set()


def test_different_figures_for_the_same_measure_conflict() -> None:
    conflicts = compare_facts(extract_facts(LATENCY_A), extract_facts(LATENCY_B))
    assert [c.kind for c in conflicts] == ["number"]
    assert "1.4" in conflicts[0].a and "2.6" in conflicts[0].b


def test_leaving_a_fact_out_is_not_a_conflict() -> None:
    assert kinds(LATENCY_A, LATENCY_SUMMARY) == set()


def test_three_more_is_not_four_in_total() -> None:
    a = "After that first review he presented three more designs on his own."
    b = "By the end of the half he had led four design reviews in total."
    assert kinds(a, b) == set()


def test_role_team_company_and_date_conflicts() -> None:
    assert "role" in kinds("As the tech lead I designed it.", "I was one of four engineers.")
    assert "role" in kinds("As an SDE II I built it.", "As a principal engineer I built it.")
    assert "team" in kinds("I was on the payments team.", "I was on the fraud team.")
    assert "company" in kinds("At Tidewater Insurance I led it.", "At Larkspur Bank I led it.")
    assert "date" in kinds("In 2019 we moved it.", "In 2022 we moved it.")
    assert "date" in kinds("In Q2 we moved it.", "In Q4 we moved it.")


def test_august_is_in_q3() -> None:
    assert kinds("In Q3 last year we migrated.", "Early on, in August, we migrated.") == set()
    assert "date" in kinds("In Q3 we migrated.", "In March we migrated.")


def test_outcome_conflict() -> None:
    a = "The rollout failed; we rolled it back and lost two customers."
    b = "The rollout was a success and shipped on time."
    assert kinds(a, b) == {"outcome"}


def test_agency_conflicts_need_the_same_decision() -> None:
    a = "I decided on my own to halt the rollout at 5%."
    b = "My director made the call to halt the rollout at 5%."
    assert kinds(a, b) == {"agency"}
    c = "My director decided to hire two contractors for the data work."
    assert "agency" not in kinds(a, c)


def test_who_started_the_work() -> None:
    a = "Nobody asked me to look at the label printers; I found the bug on my own."
    b = "My manager asked me to look into why label printers failed."
    assert kinds(a, b) == {"agency"}


def test_similarity_separates_retellings_from_other_stories() -> None:
    assert story_similarity(LATENCY_A, LATENCY_B) >= REUSE_THRESHOLD
    assert story_similarity(LATENCY_A, LATENCY_SUMMARY) >= REUSE_THRESHOLD
    assert story_similarity(LATENCY_A, OTHER_STORY) < REUSE_THRESHOLD


def test_similarity_is_symmetric_and_bounded() -> None:
    ab = story_similarity(LATENCY_A, LATENCY_B)
    ba = story_similarity(LATENCY_B, LATENCY_A)
    assert abs(ab - ba) < 1e-9
    assert 0.0 <= ab <= 1.0
    assert story_similarity("", "") == 0.0
