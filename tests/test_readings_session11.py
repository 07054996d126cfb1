"""Readings added in session 11, each in our own sentences, both ways where it compares:
a verb inside a hyphenated compound ('the suggested-fixes list') claims nothing; a value
the telling itself names as where a change started is not its result, however else it
is said ('had crept up to 3.1 s' ... 'fell from 3.1 s'); tail latency is p99; a clause
after the candidate's title ('I was a senior officer, leading the team') is what they
did; a telling that opens 'also at <place>' or 'with the same client' is another story
there; a standing size of the place ('we have 60 trucks') is weak evidence of one event."""

from __future__ import annotations

import pytest
from two_tellings import told_twice

from scoring import AnswerInput
from scoring.agency import claims
from scoring.facts import extract_facts
from scoring.position import positions
from scoring.similarity import declares_distinct, specifics


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
    result = told_twice(*((second, first) if swap else (first, second)))
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
    result = told_twice(first, second)
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


def test_a_season_with_a_word_before_it_dates_the_story() -> None:
    said = "It was that heatwave summer, and the vans were ovens by eight."
    assert [f.value for f in extract_facts(said).facts if f.kind == "season"] == ["summer"]


LOCKERS = (
    "I run a branch library, and people queued an hour for our twelve public computers. I "
    "found twenty laptops the council was about to scrap, wiped them and wrote two-week "
    "loan rules, and we lent them like books for a six-month pilot. {ending}"
)


@pytest.mark.parametrize(
    "said",
    [
        "After the pilot the board decided to keep the service and to extend it to four more "
        "branches.",
        "The board decided to keep the laptops on loan, and we rolled the scheme out to all "
        "the other branches.",
    ],
)
def test_kept_and_spread_by_a_decision_is_a_success_against_a_closed_pilot(said: str) -> None:
    kept = LOCKERS.format(ending=said)
    closed = LOCKERS.format(ending="After the pilot the board decided not to continue it.")
    result = told_twice(kept, closed)
    assert result.reused and [c.kind for c in result.contradictions] == ["outcome"]


def test_keeping_the_old_system_is_no_success() -> None:
    kept_old = LOCKERS.format(ending="In the end the board decided to keep the old system.")
    closed = LOCKERS.format(ending="After the pilot the board decided not to continue it.")
    assert not [c for c in told_twice(kept_old, closed).contradictions if c.kind == "outcome"]


def test_some_of_my_planners_are_the_candidates_people() -> None:
    tiers = {t for t, _, _ in positions("I asked two of my planners to run it on one track.")}
    assert tiers == {"manager of people"}
    assert not positions("One of my fellow planners ran it on the other track.")


def test_one_percent_is_a_number() -> None:
    figures = extract_facts("Scrap went from about two percent to about one percent.").figures
    assert [(f.value, f.role) for f in figures] == [(2, "before"), (1, "after")]
    assert not extract_facts("No one wanted the night shift.").figures


RETRY = (
    "{opening} I noticed on a finance dashboard that failed card payments were being retried "
    "far less than before. Retries belonged to the payments team, who were mid-migration. I "
    "traced it to a config flag lost in the move, wrote up 212 affected orders and paired "
    "with their engineer on the fix; recovered payments went back to 31 percent a week."
)


def test_an_earlier_telling_that_points_back_still_pairs_with_a_later_retelling() -> None:
    first = RETRY.format(opening="Also at Basketly, a few months after that work,")
    second = RETRY.format(opening="The one I think of is the payment retry problem at Basketly.")
    assert told_twice(first, second).reused
    assert not told_twice(second, first).reused  # the later one says it is another story


def test_the_head_of_a_hyphenated_compound_makes_a_phrase_too() -> None:
    from scoring.similarity import terms

    assert "match engin" in terms("I built a rent-matching engine for the landlords.")
    assert "match engin" in terms("I designed a matching engine for the landlords.")


def test_a_number_with_its_scale_word_is_one_figure_and_a_vague_plural_is_none() -> None:
    said = specifics("The bill went from about 19 thousand dollars to about 8 thousand.")
    assert said.figures == {"#1.9e+04 dollar", "#8000"}
    assert not specifics("Then thousands of clients reconnect within a minute.").figures
    assert not specifics("We answered hundreds of tickets that week.").figures


CHECKS = (
    "I was a maintenance engineer at a bottling plant with eleven filling lines, and "
    "unplanned downtime ran at about 9 percent. {who} I wrote the check sheets, trained the "
    "34 operators over a month and put a fault board at each line. Within six months unplanned "
    "downtime was 5 percent, and the boards fed our first planned-maintenance budget."
)


def test_a_job_of_making_it_happen_is_the_whole_work_handed_down() -> None:
    mine = CHECKS.format(who="I proposed moving from weekly checks to a daily operator check.")
    theirs = CHECKS.format(
        who="Our plant manager wanted daily operator checks and gave me the job of making it "
        "happen."
    )
    result = told_twice(mine, theirs)
    assert result.reused and [c.kind for c in result.contradictions] == ["agency"]
    both = CHECKS.format(
        who="Our plant manager gave me the job of making it happen, and I proposed the "
        "daily operator check."
    )
    assert not [c for c in told_twice(both, theirs).contradictions if c.kind == "agency"]


MISLOADS = (
    "I was shift supervisor at a parcel depot, {when}, and about 1.2 percent of parcels went "
    "on the wrong van. I switched on the van-door scan for two routes, timed it at eight "
    "seconds a cage and showed the depot manager; we turned it on everywhere and moved routes "
    "L14 and L41 apart. Within two weeks misloads were about 0.3 percent."
)


@pytest.mark.parametrize(
    ("first", "second", "checked"),
    [
        # North of the equator this is a contradiction (test_readings_session13); told at a
        # depot in Brisbane, where summer is December, the season is only checked.
        ("in the build-up to Black Friday in Brisbane", "that heatwave summer", True),
        ("in March", "that spring", False),
        ("in March", "and the following summer we did it again", False),
    ],
)
def test_a_month_outside_the_season_is_a_check(first: str, second: str, checked: bool) -> None:
    result = told_twice(MISLOADS.format(when=first), MISLOADS.format(when=second))
    assert result.reused and not result.contradictions
    assert bool([c for c in result.checks if c.kind == "date"]) == checked


@pytest.mark.parametrize(
    ("ending", "told"),
    [
        ("Every mock ran on time with no clash.", True),
        ("The open day went ahead without a hitch.", True),
        ("I wanted every mock to run on time.", False),
    ],
)
def test_an_event_that_came_off_as_planned_is_a_result(ending: str, told: bool) -> None:
    from scoring import analyze_answer

    text = (
        "Two exam papers were booked into one slot for sixty students, a week before the "
        "mocks. I rebuilt the timetable with the biology lead and found three invigilators. "
        + ending
    )
    flags = {f.name for f in analyze_answer(AnswerInput(1, "ownership", text), 0).flags}
    assert ("no-result" not in flags) == told
