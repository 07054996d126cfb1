"""Readings added in session 20, each in our own sentences, both ways.

English names one counted thing with more than one noun ('households' and 'homes' cut off
by a storm); and two tellings in other words that share many uncommon words of their own
(the things the story is about) are one story, where a few shared words are a theme."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice, what_became

from scoring.document import Document
from scoring.facts import extract_facts

OUTAGE = (
    "I was the duty engineer for the water company's northern zone when a trunk main burst "
    "under the ring road. {count} lost supply overnight. I rerouted through the old reservoir "
    "link, got bowsers to the two care homes first and had the main clamped by lunchtime."
)


@pytest.mark.parametrize(
    ("second_count", "conflict"),
    [("About 3,100 homes", True), ("About 1,200 homes", False), ("About 3,100 houses", True)],
)
def test_households_and_homes_count_one_thing(second_count: str, conflict: bool) -> None:
    first = OUTAGE.format(count="Some 1,200 households")
    reported("number", first, OUTAGE.format(count=second_count), conflict)


LINEN = (
    "I looked after the linen room at a care home in Derby. Residents' cardigans kept coming "
    "back shrunk or lost, and families were upset, with good reason. I started labelling every "
    "garment with a heat-press tag carrying the room number, split the wash into woollens and "
    "cottons, and set the dryer to low heat for anything knitted. I also asked relatives to "
    "bring clothes to the office rather than straight to the rooms, so nothing went untagged. "
    "Complaints about clothing stopped within a couple of months and the manager made the "
    "tagging part of admission."
)

RETOLD = (
    "Honestly the bit I'm proudest of was small. Families kept telling us Mum's jumper had "
    "vanished or come back the size of a doll's. I went through the laundry myself for a week "
    "and saw knitted things going in the hot dryer with towels, and half the garments had no "
    "tag at all. So every new item got tagged on arrival at reception, knitwear went in its own "
    "wash, and the dryer got a cool setting for it. Relatives noticed; the moaning about "
    "clothing basically ended, and new residents now get their clothes tagged as part of "
    "moving in."
)

ANOTHER = (
    "At the same care home the night rota was a mess: two carers on for thirty residents, and "
    "families rang to complain that call bells went unanswered. I sat with the night staff for "
    "three shifts, moved the medicine round earlier and got the manager to fund a third carer "
    "from ten till two. Unanswered bells after ten minutes went from most nights to almost none."
)


def test_a_retelling_in_other_words_sharing_many_of_its_own_words_is_one_story() -> None:
    assert told_twice(LINEN, RETOLD).reused


def test_two_stories_of_one_care_home_sharing_a_few_words_are_not_one() -> None:
    assert not told_twice(LINEN, ANOTHER).reused


FLEET = (
    "At Brookfield Couriers I was the fleet analyst. Our vans sat idling at the depot every "
    "morning while drivers loaded, and fuel was our third-biggest cost. I pulled the "
    "telematics for a month, showed the idling minutes by driver, and got the depot to load "
    "the vans the night before with the engines off. It saved about £86,400 a year in diesel "
    "and nobody left later than before."
)

FLEET_MOVED = (
    "So this was when I was at {employer}, doing the analysis for the fleet, and the vans "
    "sat idling every morning at loading. The drivers "
    "honestly hated the idea at first, they thought loading the night before meant more work "
    "for them, and the union rep wanted to know whether the tracking would be used to "
    "discipline anyone. That was a fair worry, to be honest, because the previous "
    "operations manager had used speeding alerts to push two people out, and trust was "
    "low across the whole site after a long pay dispute. I promised in writing it "
    "wouldn't, and I went through the idling minutes with the drivers themselves, van by van. "
    "The diesel saving came out at about eighty-six thousand four hundred a year."
)


@pytest.mark.parametrize(
    ("employer", "conflict"), [("Harland Parcels", True), ("Brookfield Couriers", False)]
)
def test_a_sum_said_without_its_currency_ties_a_story_moved_to_another_employer(
    employer: str, conflict: bool
) -> None:
    reported("company", FLEET, FLEET_MOVED.format(employer=employer), conflict)


GRIT = (
    "I was the winter maintenance manager for the county's highways. Every cold night each of "
    "our four depots ran its own gritting routes, and the lorries crossed each other on the "
    "boundary roads. {idea} We went from 31 routes to 24 and used about a fifth less salt "
    "that first winter."
)


@pytest.mark.parametrize(
    ("first_idea", "conflict"),
    [
        (
            "I proposed that we plan it as one network: redraw the gritting routes across the "
            "depot boundaries so no road was salted twice.",
            True,
        ),
        ("I was asked to make it work: redraw the gritting routes across the boundaries.", False),
    ],
)
def test_an_idea_heard_at_a_conference_against_the_candidates_proposal(
    first_idea: str, conflict: bool
) -> None:
    second = GRIT.format(
        idea="Our operations director came back from a roads conference where she'd heard "
        "other counties were redrawing gritting routes across depot boundaries. I took it "
        "from there."
    )
    reported("agency", GRIT.format(idea=first_idea), second, conflict)


QUEUE = (
    "This was the Saturday queue at the council's recycling centre. {who} We counted cars at "
    "the gate for three weekends, found most of the wait came from one skip being swapped at "
    "eleven, and moved the swap to seven in the morning. The longest wait fell from about 50 "
    "minutes to 15."
)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [
        ("Our service manager gave the job to me and one other analyst.", True),
        ("Another analyst and I did the counting for our service manager.", True),
        ("I took it on myself and asked the gate staff to count cars.", False),
    ],
)
def test_me_and_one_other_analyst_is_no_lead_of_analysts(second_who: str, conflict: bool) -> None:
    first = QUEUE.format(who="I led it, with two analysts reporting to me.")
    reported("role", first, QUEUE.format(who=second_who), conflict)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [
        ("The three of us in the team split the counting between us.", True),
        ("The two of us in the team split the counting between us.", False),
    ],
)
def test_the_three_of_us_in_the_team_counts_the_team(second_who: str, conflict: bool) -> None:
    first = QUEUE.format(who="It was just me and one other analyst, Tomasz, on it.")
    reported("team", first, QUEUE.format(who=second_who), conflict)


ARREARS = (
    "Housing association, income officer, rent arrears team. Problem: arrears on new "
    "tenancies high. Called every new tenant in week one to set up payment dates; agreed "
    "plans before the first missed payment. Result: {result}."
)


@pytest.mark.parametrize(("second", "conflict"), [("4%", True), ("6%", False)])
def test_a_notes_arrow_runs_from_before_to_after(second: str, conflict: bool) -> None:
    first = ARREARS.format(result="new-tenancy arrears 9% -> 6% in six months")
    second_result = f"new-tenancy arrears came down to {second}"
    reported("number", first, ARREARS.format(result=second_result), conflict)


REFIT = (
    "At the ferry company each of our three launches went to an outside yard for its refit "
    "every other year, out of service for three weeks each time, at about £90,000 a time. I "
    "proposed doing the hull and engine work ourselves on our own slipway and sending only the "
    "radar out. A refit came down to about £55,000 and nine days, and the board made it the "
    "standard."
)


@pytest.mark.parametrize(
    ("lost", "conflict"),
    [("we lost it for three weeks", False), ("we lost it to a rival yard's bid", True)],
)
def test_losing_a_boat_for_three_weeks_is_no_failure(lost: str, conflict: bool) -> None:
    second = (
        "The launch refits. Every other year each boat went off to an outside yard and "
        f"{lost}, at about ninety thousand pounds a go. So we did the hull and engines at "
        "home and only sent the radar out. A refit went down to about nine days and "
        "fifty-five thousand pounds."
    )
    reported("outcome", REFIT, second, conflict)


TURNOUT = (
    "I was the students' union's elections officer. Turnout in the spring elections had been "
    "12% the year before. {target} I moved voting onto the union app, put voting booths in the "
    "library and the canteen, and asked course reps to remind their lectures. {result}"
)


@pytest.mark.parametrize(("result", "conflict"), [("Turnout was 28%.", False)])
def test_a_target_said_again_after_a_comma_is_still_the_target(result: str, conflict: bool) -> None:
    first = TURNOUT.format(
        target="The trustees set a target of one student in five voting, 20%.",
        result="We beat the target comfortably.",
    )
    reported("number", first, TURNOUT.format(target="", result=result), conflict)


def test_an_ab_tests_lift_and_the_lift_after_the_full_rollout_are_two_results() -> None:
    said = (
        "I was the analyst on the checkout team at an online florist. Customers dropped out at "
        "the delivery-date step, so we showed the next three delivery dates up front. {result}"
    )
    first = said.format(result="In the two-week A/B test, completed orders were up 4%.")
    second = said.format(result="After the full rollout, completed orders were up 9%.")
    result = told_twice(first, second)
    assert result.reused
    assert not result.contradictions


KILN = (
    "At the lime works the second kiln kept tripping, {before}. I lined the trips up against "
    "the stone deliveries and found the high-sulfur face of the quarry behind them, so we "
    "blended it down and raised the bypass. {after}"
)


@pytest.mark.parametrize(("end", "conflict"), [("seven", True), ("four", False)])
def test_a_rate_said_bare_is_the_count_said_before_it(end: str, conflict: bool) -> None:
    first = KILN.format(
        before="about twelve unplanned stops a month",
        after="Within a quarter we were down from twelve a month to four.",
    )
    second = KILN.format(
        before="twelve times a month",
        after=f"By the end of the quarter we were at {end} stops a month.",
    )
    reported("number", first, second, conflict)


def test_fourteen_on_average_is_fourteen_of_the_unit_said_before() -> None:
    said = "Anchorage waiting went from thirty-one hours to around fourteen on average."
    hours = [f.value / 3600 for f in extract_facts(Document(said)).figures if f.family == "time"]
    assert hours == [31, 14]


RECALL = (
    "In 2021 a batch of scooter chargers could overheat, about 1,800 units in the field. "
    "{team} We traced the serial ranges, wrote the dealer instructions and swapped 90% of them "
    "within eight weeks, with no incidents."
)


@pytest.mark.parametrize(
    ("second_team", "conflict"),
    [
        ("I pulled together eleven people from quality and logistics.", True),
        ("I pulled together four people from quality and logistics.", False),
    ],
)
def test_a_team_of_four_of_us_against_the_people_pulled_together(
    second_team: str, conflict: bool
) -> None:
    first = RECALL.format(team="It was a team of four of us.")
    reported("team", first, RECALL.format(team=second_team), conflict)


ROTA = (
    "At the care agency our carers clocked in by ringing a landline from the client's home, "
    "and many clients no longer had one. I found a check-in app that worked with our "
    "scheduling software and ran an eight-week pilot with fifteen carers. {end}"
)


@pytest.mark.parametrize(
    ("end", "became"),
    [
        ("After the pilot we decide to not continue with the app. We went back to calls.", None),
        ("We trialled it for a month. It's now the default for every new carer.", "kept"),
        ("We trialled it for a month. Then the project was shelved over the cost.", "reverted"),
        ("We trialled it for a month. The tablets we bought are sitting idle now.", "reverted"),
        ("We trialled it for a month. The tablets sat idle a week, then went out.", None),
    ],
)
def test_what_became_of_the_change(end: str, became: str | None) -> None:
    assert what_became(ROTA.format(end=end)) == became


@pytest.mark.parametrize(
    ("end", "conflict"),
    [
        ("After the pilot we decide to not continue with the app.", True),
        ("After the pilot we rolled it out to all ninety carers.", False),
    ],
)
def test_deciding_to_not_continue_is_the_change_dropped(end: str, conflict: bool) -> None:
    first = ROTA.format(end="We then rolled it out to all ninety carers.")
    reported("outcome", first, ROTA.format(end=end), conflict)


def test_an_app_that_worked_with_the_software_is_no_result() -> None:
    assert extract_facts(Document(ROTA.format(end="It was hard going."))).outcome is None


def test_forty_something_jams_is_about_forty_not_a_name() -> None:
    said = "We went from forty-something jams a week to around fifteen."
    weekly = [f.value / 52 for f in extract_facts(Document(said)).figures]
    assert weekly == [40, 15]


OUTAGE_NIGHT = (
    "It was the night of the county final, our biggest live stream of the year. {who} Errors "
    "on one CDN jumped to 8% in the south-west, and we moved that region's traffic to our "
    "second CDN. Errors were back under 1% within ten minutes."
)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [
        ("I was, like, fresh out of uni, two months into the job.", True),
        ("I was the senior engineer on call, five years into the job.", False),
    ],
)
def test_fresh_out_of_uni_is_no_senior_engineer(second_who: str, conflict: bool) -> None:
    first = OUTAGE_NIGHT.format(who="As the senior engineer on the live team I ran the incident.")
    reported("role", first, OUTAGE_NIGHT.format(who=second_who), conflict)


def test_a_temperature_that_came_back_down_is_no_problem_returning() -> None:
    said = (
        "The vaccine fridge had been up at twelve degrees over the weekend. I sent each "
        "maker the logger curve, how long it was above eight and how fast it came back down, "
        "and got sign-off on most of the doses."
    )
    assert extract_facts(Document(said)).outcome is None


SHORT_FIRST = (
    "Hotel night manager. Guests complained the lifts were slow at breakfast. I timed them for "
    "a week, found the cleaners held one lift on the top floor, moved their trolley run to "
    "after ten, and complaints stopped."
)
SHORT_RETOLD = (
    "At breakfast our guests queued for the lifts for ages. Housekeeping was keeping one "
    "upstairs for their carts, so I got them to start their rounds after breakfast, and the "
    "complaints went away. Small fix, but it showed me to look at the floor, not the hotel's "
    "reports."
)
SHORT_OTHER = (
    "Hotel night manager. The breakfast room ran out of clean cups every Sunday. I counted "
    "the stock, added a second dishwasher run at six, and the shortages ended."
)


def test_two_short_tellings_sharing_four_words_of_their_own_are_one_story() -> None:
    assert told_twice(SHORT_FIRST, SHORT_RETOLD).reused


def test_two_short_stories_of_one_hotel_are_not() -> None:
    assert not told_twice(SHORT_FIRST, SHORT_OTHER).reused


@pytest.mark.parametrize(
    ("said", "part"),
    [
        ("I checked a sample of 150 night workers' payslips.", True),
        ("We rolled it out in three waves of ten stores.", True),
        ("We sent a batch of 1,100 totes back to the supplier.", False),
    ],
)
def test_a_sample_or_a_wave_is_some_of_the_group(said: str, part: bool) -> None:
    counted = [f for f in extract_facts(Document(said)).figures if f.value >= 10]
    assert [f.part for f in counted] == [part]


def test_seats_nobody_used_are_held_only_against_idle_seats() -> None:
    said = (
        "At the analytics vendor our biggest Nordic customer had a renewal coming and a new "
        "CIO who thought we overcharged. {seats} We cut the licence to fit, moved them to a "
        "three-year term, and they introduced us to their sister company."
    )
    first = said.format(seats="They were paying for about 300 seats.")
    second = said.format(seats="I told the CIO they had 120 seats nobody was using.")
    reported("number", first, second, False)


WIND = (
    "{who} On a busy Saturday the gusts at the top station reached 45 miles an hour against "
    "our limit of 40. The general manager wanted the chair kept running another hour, and it "
    "was stopped anyway; we explained the closure to guests at the base."
)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [
        ("I was a liftie that winter and radioed Dana, our lift ops supervisor.", True),
        ("I was a liftie that winter and radioed Dana, our mountain manager.", False),
    ],
)
def test_a_title_opening_with_as_against_someone_else_holding_it(
    second_who: str, conflict: bool
) -> None:
    first = WIND.format(who="As lift operations supervisor at Whitecap, I ran the lifts.")
    reported("role", first, WIND.format(who=second_who), conflict)


LEASE = (
    "{opening} 2021. A farmer wanted our mast off his land, lease up in six months, two "
    "carriers on it and no backup site nearby. I drove out and listened: our contractors kept "
    "leaving his gates open. New gate, new access rules, then a twenty-year renewal at 12% more."
)


@pytest.mark.parametrize(
    ("second_opening", "conflict"),
    [
        ("Pinecrest Communications, where I was in site acquisition.", True),
        ("Harlow Masts, site acquisition officer.", True),
        ("Northwall Towers, site acquisition officer.", False),
        ("Honestly, the lease team was tiny.", False),
    ],
)
def test_a_terse_telling_opening_on_its_employer_then_the_job(
    second_opening: str, conflict: bool
) -> None:
    first = LEASE.format(opening="At Northwall Towers I handled ground leases.")
    reported("company", first, LEASE.format(opening=second_opening), conflict)


def test_a_terse_opening_on_a_possessive_name_is_the_same_employer() -> None:
    first = LEASE.format(opening="At Marlowe's I handled the ground leases for our masts.")
    reported("company", first, LEASE.format(opening="Marlowe's, site acquisition officer."), False)


@pytest.mark.parametrize(
    "opening",
    ["Ownership, site acquisition officer.", "London, site acquisition officer.",
     "Northern Region, site acquisition officer.", "Yes, site acquisition officer."],
)  # fmt: skip
def test_a_heading_a_town_or_a_yes_before_the_job_is_no_employer(opening: str) -> None:
    first = LEASE.format(opening="At Northwall Towers I handled ground leases.")
    reported("company", first, LEASE.format(opening=opening), False)


@pytest.mark.parametrize(
    ("said", "titles"),
    [
        (
            "As lift operations supervisor at Whitecap, I ran the lifts.",
            ["lift operations supervisor"],
        ),
        ("As my manager said, we had to move the lift schedule.", []),
        ("As the supervisor had asked, I closed the lift.", []),
    ],
)
def test_as_opens_the_candidates_title_not_someone_elses(said: str, titles: list[str]) -> None:
    assert [f.value for f in extract_facts(Document(said)).of("own-title")] == titles
