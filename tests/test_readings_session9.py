"""Readings added in session 9, each in our own sentences and each both ways where it is a
comparison: a setting said to be shared with another story; a rate of drops is a reading,
not a change; endings put back to the old way or still in use; a modal inside a clause is
not a lesson; 'failed' before a noun is no outcome; a group the candidate managed."""

from __future__ import annotations

import pytest
from two_tellings import told_twice

from scoring import AnswerInput, analyze_loop
from scoring.document import Document
from scoring.ending import ending
from scoring.facts import Facts, Figure, compare_facts, extract_facts
from scoring.position import PEOPLE, positions
from scoring.similarity import declares_distinct


@pytest.mark.parametrize(
    "opening",
    [
        "On press 2 at the same bottling plant, the label jams were even worse.",
        "This one is from the same hospital, a year later, on the day surgery unit.",
    ],
)
def test_a_setting_said_to_be_shared_marks_another_story(opening: str) -> None:
    assert declares_distinct(opening + " I logged every stop for a month.")


@pytest.mark.parametrize(
    "opening",
    [
        "I stayed at the same company for six years, and this was my second one there.",
        "I was the shift lead on press 2 at a bottling plant.",
    ],
)
def test_staying_somewhere_is_not_another_story(opening: str) -> None:
    assert not declares_distinct(opening + " I logged every stop for a month.")


CELLS = (
    "I was the radio planner for the harbour cluster at a regional carrier. On ferry days "
    "the drop rate was 4.2 percent, and the port authority was unhappy. I pulled the handover "
    "logs and found two neighbour cells missing from the list, fixed the lists and re-tilted "
    "the two harbour masts. {ending}"
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_rate_of_drops_is_a_reading_a_change_can_start_from(swap: bool) -> None:
    first = CELLS.format(ending="On the next ferry day the drop rate was 1.1 percent.")
    second = CELLS.format(ending="By the next ferry day we were at just under three percent.")
    result = told_twice(*((second, first) if swap else (first, second)))
    assert result.reused
    assert [c.kind for c in result.contradictions] == ["number"]


def test_the_rate_of_drops_is_not_read_as_a_change() -> None:
    said = "On ferry days the drop rate was 4.2 percent."
    (figure,) = extract_facts(said).figures
    assert figure.role != "delta"


def _ending(text: str) -> str | None:
    said = (
        "I was the product manager for sign-up at a language app. The form had six steps. " + text
    )
    found = ending(said, Document(said).sentences)
    return found[0] if found else None


@pytest.mark.parametrize(
    "told",
    [
        "We shipped the two-step form. A month later we reverted everyone to the old "
        "six-step form, and the short one was never brought back.",
        "We shipped it. Nobody had a fix the payment provider would accept, so we switched all "
        "users back to the old flow.",
    ],
)
def test_put_back_to_the_old_way_is_a_failure(told: str) -> None:
    assert _ending(told) == "failure"


@pytest.mark.parametrize(
    "told",
    [
        "We shipped the two-step form in May, and that's still basically the form they use today.",
        "We shipped the two-step form in May. The team still use it.",
    ],
)
def test_still_in_use_is_a_success(told: str) -> None:
    assert _ending(told) == "success"


def test_failed_before_a_noun_is_no_outcome() -> None:
    said = (
        "I was the product manager for sign-up at a language app. After launch, support "
        "flagged that failed card payments had doubled on one provider, so I dug into it."
    )
    outcome = extract_facts(said).outcome
    assert outcome is None or "failed card" not in outcome.quote


@pytest.mark.parametrize(
    "said",
    [
        "At the time I was managing the platform group, four engineers.",
        "I asked one of the three planners I managed to rebuild the forecast.",
    ],
)
def test_a_group_or_the_people_the_candidate_managed(said: str) -> None:
    assert {t for t, _, _ in positions(said)} == {PEOPLE}


REWORK = (
    "I was site engineer on a five-storey timber frame. Fixings kept landing in the wrong place "
    "and we were cutting them out after the boards went up. I brought in a pre-board check with "
    "the framing foreman and the electrician, with a photo of each bay against the drawing. "
    "{result}"
)


@pytest.mark.parametrize(
    "early",
    [
        "In the first month, rework items on the bays were down about a third.",
        "At first, rework items on the bays were down about a third.",
    ],
)
def test_an_early_result_is_not_held_against_the_final_one(early: str) -> None:
    first = REWORK.format(result=early)
    second = REWORK.format(result="By handover, rework items on the bays were down 45 percent.")
    for a, b in ((first, second), (second, first)):
        result = told_twice(a, b)
        assert result.reused
        assert not result.contradictions


def test_two_final_results_that_differ_still_contradict() -> None:
    first = REWORK.format(result="By handover, rework items on the bays were down about a third.")
    second = REWORK.format(result="By handover, rework items on the bays were down 45 percent.")
    assert [c.kind for c in told_twice(first, second).contradictions] == ["number"]


IDEA = (
    "I was the HR partner for the science faculty. Hiring a lecturer took 97 days and the "
    "departments blamed us. I mapped the last forty hires and found the panels waited weeks "
    "for a date. {who} pre-booking panel dates when the post was advertised, and time to hire "
    "fell to about 60 days."
)


def test_a_word_taken_back_is_not_a_claim() -> None:
    mine = IDEA.format(who="I proposed")
    theirs = IDEA.format(who="The heads of department were the ones who proposed, well, agreed to,")
    for a, b in ((mine, theirs), (theirs, mine)):
        assert not [c for c in told_twice(a, b).contradictions if c.kind == "agency"]


def test_a_claim_not_taken_back_still_counts() -> None:
    mine = IDEA.format(who="I proposed")
    theirs = IDEA.format(who="The dean proposed")
    assert [c.kind for c in told_twice(mine, theirs).contradictions] == ["agency"]


ETA = (
    "I was on the tracking team at a freight broker, and shippers kept asking where their "
    "trucks were. {sized} I built a correction from live GPS and each depot's dwell times, "
    "tried it on a tenth of shippers, then rolled it out. The average ETA error dropped to "
    "1.3 hours."
)


@pytest.mark.parametrize(
    "window",
    ["Over six weeks of loads our average ETA error was 2.9 hours.",
     "Across eight weeks of shipments, the average ETA error was 2.9 hours."],
)  # fmt: skip
def test_the_window_a_figure_was_read_over_is_not_a_reading(window: str) -> None:
    first = ETA.format(sized=window)
    second = ETA.format(sized="Against 30,000 arrival scans, the average ETA error was 2.9 hours.")
    for a, b in ((first, second), (second, first)):
        result = told_twice(a, b)
        assert result.reused
        assert not result.contradictions


def test_a_window_is_read_as_timing() -> None:
    figures = extract_facts("Over six weeks of loads our average error was 2.9 hours.").figures
    weeks = [f for f in figures if f.value == 6 * 7 * 24 * 3600]
    assert weeks and weeks[0].role == "timing"
    (hours,) = [f for f in figures if f.value == 2.9 * 3600]
    assert hours.when is None  # not a result said to come later


def _time(value: float, quote: str, start: int) -> Figure:
    return Figure(
        value, "time", "s", "p99", frozenset({"p99"}), None, None, frozenset({"search"}),
        False, quote, start, start + len(quote),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("other", "conflicts"),
    [(_time(2.0, "p99 was 2 seconds", 40), 1), (_time(14 * 86400, "two weeks", 40), 0)],
)
def test_times_twenty_times_apart_are_two_things(other: Figure, conflicts: int) -> None:
    """1.2 s of latency against 2 s is one slot told two ways; against two weeks it is two
    different things that happen to share the words around them."""
    mine = Facts(figures=(_time(1.2, "p99 crept up to 1.2 seconds", 10),))
    theirs = Facts(figures=(other,))
    assert len([c for c in compare_facts(mine, theirs) if c.kind == "number"]) == conflicts


FLOW = (
    "Cards kept getting declined abroad for customers on holiday. {team} I read two hundred "
    "of the support tickets, found the travel notice in the app was never read by the rules, "
    "wired it in with the phone's location as a signal, and foreign false declines fell by "
    "about 40 percent the next quarter."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_team_named_apart_is_read(swap: bool) -> None:
    first = FLOW.format(team="At Penwick I was on the fraud team.")
    second = FLOW.format(team="At Penwick our team, card authorisation, owned the decline rules.")
    result = told_twice(*((second, first) if swap else (first, second)))
    assert result.reused
    assert [c.kind for c in result.contradictions] == ["team"]
    said = " | ".join(s.sentence for s in result.contradictions[0].statements)
    assert "fraud team" in said and "our team, card authorisation," in said


def test_the_same_team_named_apart_is_not() -> None:
    first = FLOW.format(team="At Penwick I was on the card authorisation team.")
    second = FLOW.format(team="At Penwick our team, card authorisation, owned the decline rules.")
    assert not told_twice(first, second).contradictions
    assert not told_twice(second, first).contradictions


def test_no_outcome_names_the_figures_the_answer_does_give() -> None:
    """The answer view lists 'numbers: 20 minutes' just above the flag: the flag must not say
    there is no number."""
    said = (
        "Last spring I pushed a config change that broke sign-in for 20 minutes. I posted in "
        "the incident channel at once, said it was my change, rolled it back and wrote the "
        "review."
    )
    result = analyze_loop([AnswerInput(1, "earn-trust", said)])
    (flag,) = [f for f in result.answers[0].flags if f.name == "no-metric"]
    assert '"20 minutes"' in flag.message and "no number" not in flag.message
    assert "20 minutes" in result.answers[0].signals.numbers


def test_no_outcome_without_figures_says_there_are_none() -> None:
    said = "I pushed a config change that broke sign-in. I owned it and rolled it back at once."
    result = analyze_loop([AnswerInput(1, "earn-trust", said)])
    (flag,) = [f for f in result.answers[0].flags if f.name == "no-metric"]
    assert "no number" in flag.message
