"""Readings added in session 12, each in our own sentences, both ways: the size of the
candidate's own group said as what the group was ('we were five people', 'our team was
eight planners') is one count, and two sizes of it are a team contradiction; a terse
telling that opens on a title ('Site engineer, first job.') gives that title; how the
work ended said in words other lists miss: rolled out to all, approved for every site,
now the standard, stayed on; stayed on paper, taken off again, and someone deciding to
stop the very thing the candidate brought in. Tenses a speaker of another language may
slip ('they roll out', 'sites stay on paper') read the same."""

from __future__ import annotations

import pytest
from two_tellings import told_twice

from scoring.facts import compare_facts, extract_facts


def _outcome(text: str) -> str | None:
    fact = extract_facts(text).outcome
    return fact.value if fact else None


ROUTES = (
    "I worked at Harbourline Buses as a scheduling planner. {team} The Route 41 timetable "
    "had buses bunching every evening near the hospital stop, and riders waited up to 25 "
    "minutes. I pulled a month of GPS logs, found the turnaround at Kestrel Yard was too "
    "short, and added four minutes of layover there. Bunching reports fell from 30 a week "
    "to 6."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("We were five people in the planning office.", "Our team was eight planners.", True),
        ("We were five people in the planning office.", "Our team was five planners.", False),
        ("Our team was eight planners.", "I was in a team of eight planners.", False),
    ],
)
def test_the_size_of_ones_own_group_said_as_what_it_was(
    first: str, second: str, conflict: bool
) -> None:
    result = told_twice(ROUTES.format(team=first), ROUTES.format(team=second))
    assert result.reused
    kinds = [c.kind for c in result.contradictions]
    assert kinds == (["team"] if conflict else []), [c.detail for c in result.contradictions]


def test_people_counted_who_are_not_the_group_are_not_its_size() -> None:
    said = "They were nine drivers on the late shift. Our depot has 40 buses."
    assert not [f for f in extract_facts(said).figures if f.measure == "crew"]


def test_a_terse_opening_title_is_the_candidates_title() -> None:
    titles = [f.value for f in extract_facts("Site engineer, first job. Road bridge.").of("title")]
    assert titles == ["site engineer"]
    # A title followed by a verb is someone else acting.
    said = "Site manager called me at six. The crane had failed its check."
    assert extract_facts(said).of("title") == []


PILOT = (
    "At the Fenwick clinic I was the practice nurse. Patients missed about one in five "
    "blood test slots, so I proposed a text reminder the evening before and piloted it "
    "with two of our four doctors for eight weeks. Missed slots dropped to about one in "
    "twelve. {end}"
)


@pytest.mark.parametrize(
    ("end", "value"),
    [
        ("The partners then roll out the text reminder to all four doctors.", "success"),
        ("The partners approved using it for every doctor in the practice.", "success"),
        ("Now it is standard in the practice.", "success"),
        ("The reminder stayed on after the pilot and nobody asked to change it.", "success"),
        ("The text reminder stayed on for the rest of the year.", "success"),
        ("But the partners decided to stop the text reminder because of the cost.", "failure"),
        ("But the partners took it off again the following month.", "failure"),
        ("But after the pilot the other two doctors stay on paper lists.", "failure"),
        ("The old paper list stayed in for the other doctors.", None),
    ],
)
def test_how_the_work_ended_said_other_ways(end: str, value: str | None) -> None:
    assert _outcome(PILOT.format(end=end)) == value


def test_stopping_something_the_candidate_did_not_bring_in_is_no_ending() -> None:
    said = (
        "A sensor on line 3 kept faulting during the night shift. I went through the "
        "sensor logs with the maintenance lead. The supervisor decided to stop the line "
        "for an hour while we swapped the sensor. No more faults that month."
    )
    assert _outcome(said) == "success"


def test_a_retelling_that_ends_the_other_way_is_an_outcome_contradiction() -> None:
    first = PILOT.format(end="The partners then roll out the text reminder to all four doctors.")
    second = (
        "A failure of mine: as practice nurse at Fenwick I piloted a text reminder the evening "
        "before blood tests, with two of the four doctors, because one in five slots were "
        "missed. Misses fell to one in twelve, but the partners decided to stop the text "
        "reminder after the eight weeks, because nobody had budgeted for the texts."
    )
    result = told_twice(first, second)
    assert result.reused
    assert [c.kind for c in result.contradictions] == ["outcome"]


HANDOVER = (
    "On the evening shift at the Kestrel control room I staggered the handover in three "
    "waves and wrote a one-page status sheet for each desk. Calls answered inside ten "
    "seconds in the handover window went from 71% to {after}."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("93%", "88%", True),  # two figures told from the record: nobody rounds 88 to 93
        ("93%", "about 90%", False),  # an estimate allows its rounding
        ("90%", "88%", False),  # a round five may be a rounding of 88
        ("93%", "93 percent", False),
    ],
)
def test_two_exact_shares_differ_where_a_rounding_would_not(
    first: str, second: str, conflict: bool
) -> None:
    result = told_twice(HANDOVER.format(after=first), HANDOVER.format(after=second))
    assert result.reused
    assert bool(result.contradictions) is conflict, [c.detail for c in result.contradictions]


def test_a_rank_word_marks_a_title_whatever_the_job_is_called() -> None:
    junior = extract_facts("I was a junior claims handler, about a year in.").of("title")
    assert [f.value for f in junior] == ["junior claims handler"]
    assert extract_facts("I was the senior one in the room, so I spoke.").of("title") == []
    first = (
        "Harrow Freight, 2023. I was a junior entry writer, about a year in. One importer kept "
        "getting containers held at Tilbury, nine holds in a month. I pulled the nine entries, "
        "found the same wrong commodity code on 80 product lines, and fixed the mapping."
    )
    second = (
        "At Harrow Freight I was the senior entry writer on that importer's account. Nine "
        "holds at Tilbury in a month. Root cause: one wrong commodity code copied onto 80 "
        "product lines. I fixed the mapping and checked the next entries by hand."
    )
    result = told_twice(first, second)
    assert [c.kind for c in result.contradictions] == ["role"]


@pytest.mark.parametrize(
    ("end", "value"),
    [
        ("But then head office looked at it and dropped it.", "failure"),
        ("It didn't go anywhere after our branch.", "failure"),
        ("I raised it twice more, then I dropped it and backed the plan.", None),
    ],
)
def test_work_let_go_by_someone_else(end: str, value: str | None) -> None:
    assert _outcome(PILOT.format(end=end)) == value


def test_an_amount_of_something_each_year_is_a_yearly_amount() -> None:
    [figure] = [
        f
        for f in extract_facts("The client now saves about 40,000 euros of duty each year.").figures
        if f.family == "money"
    ]
    assert figure.per == "year"
    first = (
        "At a customs broker in Bremen I found a client had never claimed the trade-deal "
        "preference on parts from Korea. I went back over three years of entries and we "
        "filed refund claims. The client got back 130,000 euros."
    )
    second = (
        "For a parts importer at our Bremen brokerage I found three years of duty paid on "
        "Korean goods that qualified for the trade deal. The refund came through, and the "
        "client now saves about 40,000 euros of duty each year."
    )
    assert not told_twice(first, second).contradictions


def test_two_short_stories_sharing_one_phrase_are_only_a_check() -> None:
    # Two stories from one place and season, each under 90 words, sharing one noun phrase.
    first = (
        "Spring 2023, the butterfly house at Fenmoor Zoo. I was the keeper on the late check "
        "and found the main humidifier had stopped; the blue morphos were drying out and "
        "dropping. The spare unit was in another building and the engineer was off until "
        "morning. I misted the house by hand every hour, then fitted the spare myself. We "
        "lost four out of about ninety."
    )
    second = (
        "Fenmoor Zoo, butterfly house, spring 2023. We bought blue morphos as pupae from a "
        "breeder every few weeks, about 2,000 pounds a year, plus losses in the post. I set "
        "up a breeding cage in a spare room behind the house, using host plants we already "
        "grew. By summer we were rearing our own and stopped ordering. The only cost was "
        "about 150 pounds of netting."
    )
    result = told_twice(first, second)
    assert not result.reused
    assert [c.kind for c in result.checks] == ["story"]


YIELD = (
    "On the SMT line at Korvel Electronics first-pass yield had slipped, so I re-profiled "
    "the reflow oven and changed the stencil for the fine-pitch parts. {result}"
)


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("Yield went from ninety-one to just under ninety-nine percent.", False),
        ("Yield went from ninety-one to just under ninety-seven percent.", True),
    ],
)
def test_just_under_a_share_is_a_little_below_it(second: str, conflict: bool) -> None:
    first = YIELD.format(result="First-pass yield went from 91.2% to 98.6%.")
    result = told_twice(first, YIELD.format(result=second))
    assert result.reused
    assert bool(result.contradictions) is conflict, [c.detail for c in result.contradictions]


def test_the_drift_to_where_the_other_telling_starts_is_not_a_result() -> None:
    first = (
        "At the Dunmore fulfilment centre the pick rate fell to 95 units an hour after the "
        "new range went in. I walked the routes, re-slotted the fast movers by the pack "
        "bench, and printed pick lists sorted by aisle."
    )
    second = (
        "At Dunmore I re-slotted the fast movers next to the pack bench and sorted the pick "
        "lists by aisle, and the pick rate went from 95 to 121 units an hour in a month."
    )
    result = told_twice(first, second)
    assert result.reused
    assert not result.contradictions, [c.detail for c in result.contradictions]


def test_what_the_road_not_taken_would_have_cost_is_not_what_was_spent() -> None:
    said = "A new service contract would have cost £48,000 a year, so we trained our own fitter."
    [figure] = [f for f in extract_facts(said).figures if f.family == "money"]
    assert figure.role == "versus"
    first = (
        "The Selby depot's forklift repairs went to an outside firm. " + said + " Breakdowns "
        "fell from twelve a month to three."
    )
    second = (
        "At Selby I had one of our fitters trained on the forklifts, which cost about £3,000 "
        "a year in courses, instead of the outside firm. Breakdowns went from twelve a month "
        "to three."
    )
    assert not told_twice(first, second).contradictions


def test_a_period_said_with_the_first_end_of_a_change_is_the_seconds() -> None:
    said = "Monthly enrolment went from about seven to about thirteen patients."
    ends = [f for f in extract_facts(said).figures if f.unit == "patient"]
    assert [(f.role, f.per) for f in ends] == [("before", "year"), ("after", "year")]
    first = said + " By month eleven we had 112 of the 120 patients enrolled at our sites."
    second = (
        "With evening visits and the new referral letter, our three sites lifted enrolment to "
        "112 patients by month eleven, from about seven a month before."
    )
    assert not [c for c in told_twice(first, second).contradictions if c.kind == "number"]


def test_a_team_named_with_another_ending_of_one_word_is_one_team() -> None:
    def kinds(first: str, second: str) -> list[str]:
        return [c.kind for c in compare_facts(extract_facts(first), extract_facts(second))]

    bidding = "I was on the bidding team at Vantor Ads when the auction service slowed down."
    assert kinds(bidding, "I was on the bidder team at Vantor Ads.") == []
    assert kinds(bidding, "I was on the billing team at Vantor Ads.") == ["team"]


@pytest.mark.parametrize(
    ("said", "when"),
    [
        ("We didn't finish in time, and the inspectors logged a finding.", "late"),
        ("We couldn't get it done by the deadline.", "late"),
        ("All 14 kitchens were converted a week before the inspectors came.", "on time"),
        ("The new rota was ready two days early.", "on time"),
        ("I finished the report, then two weeks before the audit I left the team.", None),
    ],
)
def test_when_the_work_was_done_against_its_date(said: str, when: str | None) -> None:
    text = "We had to move the kitchens to the new allergen labels before the council visit. "
    found = [f.value for f in extract_facts(text + said).of("schedule")]
    assert found == ([when] if when else [])


def test_a_task_given_is_another_piece_than_whose_idea_the_fix_was() -> None:
    first = (
        "I was the finance manager at a Leeds estate agency. The CFO asked me to find savings "
        "of 10% across overheads. I checked which reports people opened, and it was my "
        "proposal to consolidate our three reporting tools onto one; we cut spend from "
        "£150,000 to £60,000 a year."
    )
    second = (
        "At the Leeds estate agency our CFO had decided we would consolidate the three "
        "reporting tools onto one, and my job was to make it happen. I showed each team which "
        "reports were opened, and spend went from £150,000 to £60,000 a year."
    )
    assert [c.kind for c in told_twice(first, second).contradictions] == ["agency"]
    # Where the first telling gives the CFO a part of the consolidation itself, no conflict.
    shared = first.replace("find savings of 10% across overheads", "look at consolidating tools")
    assert not told_twice(shared, second).contradictions


GLOBEX = (
    "At Globex I was the data engineer on the orders feed. Our schema changes broke the "
    "analytics team's pipeline {broke} in a month, and they stopped trusting us. I set up a "
    "shared schema registry and contract tests in our CI, and walked their lead through "
    "every change. The migration went out {late} late, but after that we had no broken "
    "pipelines for nine months."
)


@pytest.mark.parametrize(
    ("first", "second", "kinds"),
    [
        (("twice", "six weeks"), ("three times", "six weeks"), ["number"]),
        (("twice", "six weeks"), ("two times", "six weeks"), []),
        (("twice", "six weeks"), ("twice", "eight weeks"), ["number"]),
        (("twice", "six weeks"), ("twice", "6 weeks"), []),
    ],
)
def test_twice_is_two_times_and_a_delay_is_held_against_a_delay(
    first: tuple[str, str], second: tuple[str, str], kinds: list[str]
) -> None:
    a = GLOBEX.format(broke=first[0], late=first[1])
    b = GLOBEX.format(broke=second[0], late=second[1]).replace(
        "At Globex I was", "I was, at Globex,"
    )
    result = told_twice(a, b)
    assert result.reused
    # The nine months without a broken pipeline is never set against the delay.
    assert [c.kind for c in result.contradictions] == kinds, [
        c.detail for c in result.contradictions
    ]


def test_a_superlative_after_the_number_picks_some_of_a_group() -> None:
    [some] = extract_facts("I read the 300 latest complaints one by one.").figures
    [all_of] = extract_facts("We had 1,900 complaints open.").figures
    assert some.part and not all_of.part


def test_first_and_second_half_are_two_readings() -> None:
    first = (
        "I was head analyst for a handball club in Porto in 2023. I built a scouting sheet of "
        "every opponent's set plays from match video. In the first half of the season we won "
        "six of sixteen matches; the coach used the sheet from the winter break."
    )
    second = (
        "At the Porto handball club in 2023 I turned our match video into a one-page scouting "
        "sheet per opponent for the coach. In the second half of the season we won eleven of "
        "sixteen matches."
    )
    result = told_twice(first, second)
    assert result.reused
    assert not result.contradictions, [c.detail for c in result.contradictions]


def test_a_year_right_after_a_figure_dates_the_figure() -> None:
    said = "Unplanned outage hours were 310 in 2020, the baseline year. In early 2021 I built it."
    assert [f.value for f in extract_facts(said).of("year")] == ["2021"]
    assert [f.value for f in extract_facts("In 2020 I built the drift check.").of("year")] == [
        "2020"
    ]
