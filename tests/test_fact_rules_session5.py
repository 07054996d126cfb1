"""Rules added on 2026-12-01: amounts said the way people say them, and seasons as dates.

Each rule is tested both ways, with our own sentences written to the rule's English.
"""

from __future__ import annotations

import pytest

from scoring.facts import extract_facts, judge_facts


def conflicts(first: str, second: str) -> list[str]:
    found, _ = judge_facts(extract_facts(first, 0), extract_facts(second, 1))
    return [c.kind for c in found]


def checks(first: str, second: str) -> list[str]:
    _, found = judge_facts(extract_facts(first, 0), extract_facts(second, 1))
    return [c.kind for c in found]


def money(text: str) -> list[float]:
    return [f.value for f in extract_facts(text).figures if f.family == "money"]


@pytest.mark.parametrize(
    "said",
    [
        "Over the year we saved about nine hundred K on agency vans.",
        "Over the year we saved about 900K on agency vans.",
        "Over the year we saved about nine hundred grand on agency vans.",
        "Over the year we saved about £900,000 on agency vans.",
    ],
)
def test_thousands_of_money_said_with_k_or_grand_are_the_same_amount(said):
    assert money(said) == [900_000.0]
    assert conflicts("We saved roughly £900,000 on agency vans that year.", said) == []


def test_thousands_of_money_said_with_k_still_conflict_with_a_different_amount():
    found = conflicts(
        "That year we saved about nine hundred K on agency vans.",
        "That year we saved about £300,000 on agency vans.",
    )
    assert found == ["number"]


def test_a_rate_of_something_unsaid_is_not_a_length_of_time():
    figures = extract_facts("By March we were shipping about 1,100 a day.").figures
    assert [(f.family, f.per) for f in figures] == [("rate", "year")]
    assert (
        conflicts(
            "The new line took 1,100 days to build.", "The new line was shipping about 1,100 a day."
        )
        == []
    )


STORY = (
    "{when} the Bolton depot had a chilled-chain incident: the shore-power points were off "
    "after an inspection, so three vans sat at the loading bay with their fridges silent."
)


def test_one_incident_told_in_two_seasons_is_a_date_conflict():
    assert conflicts(STORY.format(when="Last summer"), STORY.format(when="In the winter")) == [
        "date"
    ]


@pytest.mark.parametrize(
    "other", ["Last summer", "That summer", "Over the summer", "In the summer of that year"]
)
def test_one_season_said_another_way_agrees(other):
    assert conflicts(STORY.format(when="Last summer"), STORY.format(when=other)) == []


def test_autumn_and_fall_are_one_season():
    assert conflicts(STORY.format(when="In the fall"), STORY.format(when="Last autumn")) == []


def test_a_season_naming_a_thing_dates_nothing():
    hired = "We took on six summer interns and trained them on the loading bay."
    assert not extract_facts(hired).of("season")
    assert conflicts(hired, STORY.format(when="In the winter")) == []


def test_a_telling_with_two_seasons_for_two_happenings_agrees_with_either():
    both = (
        "I joined the Bolton depot last summer, and in the winter we had the chilled-chain "
        "incident at the loading bay."
    )
    one = "In the winter the Bolton depot had a chilled-chain incident at the loading bay."
    assert "date" not in conflicts(both, one)


def test_a_number_taken_from_a_group_is_not_the_group_size():
    whole = "We ran about 140 vans out of three sites across the region."
    part = "Two of our sites were sending vans down the same streets every evening."
    assert conflicts(whole, part) == []
    assert conflicts(whole, "We ran about 140 vans out of five sites across the region.") == [
        "number"
    ]


@pytest.mark.parametrize(
    ("shipped", "dropped"),
    [
        (
            "After the beta we shipped it to every customer in May.",
            "After the beta we decided not to roll the savings nudge out, and we shut the beta "
            "down in May.",
        ),
        (
            "The kiosk app pilot went well and we released it to all sites.",
            "The kiosk app pilot went well, but the board chose not to launch it.",
        ),
    ],
)
def test_choosing_not_to_ship_is_an_ending_that_conflicts_with_shipping(shipped, dropped):
    assert "outcome" in conflicts(shipped, dropped)


def test_a_unit_test_failing_is_not_how_the_work_ended():
    told = "The test failed twice in CI, I fixed the flaky fixture, and we shipped it to all users."
    outcome = extract_facts(told).outcome
    assert outcome is None or outcome.value == "success"


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        (
            "I proposed a four-day week for the grounds crew and modelled the rota myself.",
            "Our director decided we should try a four-day week for the grounds crew, and I "
            "modelled the rota.",
        ),
        (
            "I wrote a proposal to put parcel lockers at forty petrol stations.",
            "Our regional director, Imogen, came back from a conference keen on lockers. She "
            "asked me to run the parcel locker pilot at forty petrol stations.",
        ),
    ],
)
def test_whose_idea_said_through_who_decided_or_who_asked(mine, theirs):
    assert "agency" in conflicts(mine, theirs)


def test_she_asked_me_is_not_the_boss_when_no_boss_is_named():
    told = "A customer rang about her order. She asked me to check the depot, and I did."
    assert not [f for f in extract_facts(told).of("started") if f.value == "manager"]


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (
            "In the call centre I was a frontline agent, taking calls like everyone.",
            "When I was team leader for twelve agents at the call centre, one caller stood out.",
        ),
        (
            "This was during my summer internship on the pricing team.",
            "I was the senior analyst on pricing, and I had an intern that summer helping me.",
        ),
    ],
)
def test_a_junior_place_against_leading_people_is_a_role_conflict(low, high):
    assert "role" in conflicts(low, high)
    assert "role" in conflicts(high, low)


def test_the_ward_or_unit_a_nurse_worked_on_is_their_team():
    assert conflicts(
        "I was a charge nurse on the cardiac step-down unit when the new alert went live.",
        "I was charge nurse on the paediatric ward when the new alert went live.",
    ) == ["team"]
    assert (
        conflicts(
            "I was a charge nurse on the cardiac step-down unit when the new alert went live.",
            "As charge nurse on the cardiac step-down unit, I saw the new alert go live.",
        )
        == []
    )


def test_a_holiday_dates_an_event_as_its_month_does():
    first = "Over Christmas 2019 our check-in queue hit forty minutes at the hotel."
    assert [f.value for f in extract_facts(first).of("month")] == ["december"]
    agreeing = "In December 2019 our check-in queue hit forty minutes at the hotel."
    assert "date" not in conflicts(first, agreeing) + checks(first, agreeing)


def test_sat_at_is_how_things_stood_not_the_result():
    before = "Crash-free sessions sat at 99.1% when I took over the app."
    after = "Over six weeks we got the crash rate down to 0.15 percent."
    assert [f.role for f in extract_facts(before).figures] == [None]
    assert "number" not in conflicts(before, after)


def test_the_two_ends_of_one_change_measure_one_thing():
    first = "Checkout p99 went from about 800 milliseconds to 200 milliseconds."
    second = "Checkout latency came down from roughly 1.5 seconds to 200 milliseconds at p99."
    assert conflicts(first, second) == ["number"]
    assert conflicts(first, "Checkout p99 came down from 0.8 s to 200 ms.") == []


def test_the_size_of_ones_own_crew_is_one_count_whatever_they_are_called():
    assert conflicts(
        "On nights I ran my crew of twelve pickers through the new scanners.",
        "On nights I had twenty-five people to move onto the new scanners.",
    ) == ["team"]
    assert (
        conflicts(
            "On nights I ran my crew of twelve pickers through the new scanners.",
            "On nights I had twelve people to move onto the new scanners.",
        )
        == []
    )


def test_taking_an_amount_off_is_a_change_not_the_level():
    level = "We were getting about 1,200 tickets a week about the thermostat."
    change = "With the fix we took about five hundred tickets a week off the queue."
    assert [f.role for f in extract_facts(change).figures] == ["delta"]
    assert "number" not in conflicts(level, change)


def test_the_first_few_of_a_group_are_not_its_size():
    assert "number" not in conflicts(
        "I sat with her on the first ten donor calls of the appeal.",
        "The appeal raised its money from a hundred and twenty donors.",
    )


@pytest.mark.parametrize(
    ("won", "lost"),
    [
        (
            "After three months their director signed, a three-year contract.",
            "In the last week their CFO went with a cheaper rival, so we lost it.",
        ),
        (
            "The next autumn the district adopted the reading scheme in all eleven of its schools.",
            "The district bought a commercial package and the reading scheme quietly stopped.",
        ),
        (
            "We cut over on a Tuesday night with three minutes of read-only time.",
            "The mismatches never went away, so we rolled back to MySQL for another year.",
        ),
    ],
)
def test_endings_of_deals_and_programmes_said_plainly(won, lost):
    assert "outcome" in conflicts(won, lost)


def test_going_live_is_a_milestone_a_later_loss_outweighs():
    told = "We went live in October. At renewal in the spring we lost the client to a rival."
    outcome = extract_facts(told).outcome
    assert outcome is None or outcome.value == "failure"
    assert extract_facts("My manager signed off the plan in May.").outcome is None


def test_a_target_said_with_a_filler_between_commas_is_still_a_target():
    target = "Our goal for the year was, like, to get mobile conversion to 2.4 percent."
    assert [f.role for f in extract_facts(target).figures] == ["target"]
    assert "number" not in conflicts("Mobile conversion was sitting at 2.1%.", target)


def test_a_count_said_without_its_noun_takes_it_from_the_measure_and_the_change():
    first = "Pages dropped from about 60 a week to 18, roughly a 70% cut."
    second = "Pager load went from about sixty pages a week to around thirty-five."
    assert conflicts(first, second) == ["number"]
    agreeing = "Pager load went from about sixty pages a week to around eighteen."
    assert conflicts(first, agreeing) == []


def test_tens_and_one_are_one_number():
    said = "Overrides went from ninety-two percent to sixty-one, as the nurses trusted it more."
    assert [f.value for f in extract_facts(said).figures] == [92, 61]
    assert conflicts(said, "Overrides went from 92% to 61% once the nurses trusted it.") == []


def test_a_number_naming_a_thing_is_not_a_count_the_story_makes():
    old = "The alert fired when a patient met any of seven criteria."
    new = "I proposed the three-criteria rule, and the alert fired far less often."
    assert "number" not in conflicts(old, new)
    # A company's size said the same way is still its size.
    assert conflicts(
        "It was a logistics company of about three thousand people.",
        "It was a forty-person startup at the time.",
    ) == ["company"]


def test_it_was_his_call_is_someone_else_deciding():
    assert conflicts(
        "Killing the recipe feed was my call in the end, as the PM.",
        "Raj, our CEO, wanted to sunset the recipe feed. It was his call in the end.",
    ) == ["agency"]


def test_a_deal_signed_against_a_deal_never_signed():
    assert "outcome" in conflicts(
        "It took nine months, but we signed it in the last quarter, four times the account.",
        "Their procurement team froze new contracts, and the expansion never got signed.",
    )


def test_the_only_designer_against_managing_designers_is_a_role_conflict():
    assert conflicts(
        "I was the sole product designer on the onboarding squad and did every mockup myself.",
        "On the onboarding redesign, I was managing two junior designers, Lena and Tomas.",
    ) == ["role"]


def test_a_department_named_in_lower_case_is_the_candidates_team():
    assert conflicts(
        "I worked for a county council in the benefits eligibility unit.",
        "At the council, when I was in the procurement office, I redesigned the form.",
    ) == ["team"]
    assert not extract_facts("I was in the London office that week.").of("team")


@pytest.mark.parametrize(
    "theirs",
    [
        "The VP of engineering got on the call and decided we would cut over that night.",
        "My lead Ana, as incident commander, called it and we cut over that night.",
    ],
)
def test_the_boss_deciding_a_few_words_after_being_named(theirs):
    assert conflicts("I made the call to cut over that night.", theirs) == ["agency"]
    assert not [
        f
        for f in extract_facts("My manager said I should decide, and I decided.").of("decided")
        if f.value == "manager"
    ]


def test_junior_and_senior_analyst_are_two_levels():
    assert "role" in conflicts(
        "Six months into my first job, as a junior analyst, I found the model's flaw.",
        "I was the senior analyst on the credit-risk team when I found the model's flaw.",
    )


def test_a_share_said_as_so_many_in_ten_is_a_percentage():
    said = "I gave the easy returns, about seven in ten, to the general packers."
    assert [(f.family, f.value) for f in extract_facts(said).figures] == [("percent", 70.0)]
    assert conflicts(said, "About 70% of returns went to the general packers.") == []


def test_where_a_change_arrived_said_in_words():
    figures = extract_facts("Dock-to-stock dropped to roughly a day.").figures
    assert [(f.family, f.value, f.role) for f in figures] == [("time", 86400.0, "after")]


def test_a_value_far_past_a_stated_limit_conflicts_with_it():
    assert conflicts(
        "After the fix, p99 checkout latency was under 300 ms.",
        "After the fix, p99 checkout latency came down to about 900 ms.",
    ) == ["number"]
    assert (
        conflicts(
            "After the fix, p99 checkout latency was under 300 ms.",
            "After the fix, p99 checkout latency came down to about 320 ms.",
        )
        == []
    )


def test_anywhere_from_x_to_y_is_a_range_not_a_change():
    spread = "Parcels waited on cages for anywhere from twenty minutes to three hours."
    assert {f.role for f in extract_facts(spread).figures} == {"spread"}
    changed = "Parcels waited on cages, and the wait went from 18 minutes to 9."
    assert conflicts(changed, spread) == []


def test_a_ratio_said_without_its_article_is_still_a_share():
    said = "Around three in thousand orders that week were charged two times."
    assert [f.value for f in extract_facts(said).figures if f.family == "percent"] == [0.3]
    assert "number" not in conflicts("That week 0.3% of orders were charged twice.", said)


@pytest.mark.parametrize(
    "member",
    [
        "I was the manufacturing engineer on it; the transfer itself was run by our project "
        "manager, Gareth.",
        "I was the manufacturing engineer on the transfer, an individual contributor.",
    ],
)
def test_work_run_by_someone_else_makes_the_candidate_a_member(member):
    manager = "As senior project manager on the transfer I had four planners reporting to me."
    assert "role" in conflicts(manager, member)


def test_working_days_are_days():
    figures = extract_facts("The month-end close took nine working days.").figures
    assert [(f.family, f.value) for f in figures] == [("time", 9 * 86400)]


def test_an_unmeasured_rate_is_compared_where_the_clauses_share_words():
    first = "Held shipments went from around 140 a month to about 35 a month."
    other = "Held shipments came down from about 140 a month to roughly 90 a month."
    assert conflicts(first, other)
    assert not conflicts(first, "Held shipments came down from about 140 a month to 35 a month.")


def test_a_crash_rate_against_crash_free_is_its_complement_even_past_a_bound():
    rate = "Our crash rate was 0.5% of sessions; after the fix we got under 0.1%."
    free = "We were about 99.5% crash-free, and we ended above 99.9% crash-free."
    assert "number" not in conflicts(rate, free)


def test_only_says_a_value_is_low_not_that_it_is_the_result():
    figures = extract_facts("Before the fix the app was only 97.5% crash-free.").figures
    assert [f.role for f in figures] != ["after"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "I was working in the small business lending team at the bank in Bristol.",
            "In my time in the bank's mortgage team in Bristol, a bakery's renewal was stuck.",
        ),
        (
            "I was a process engineer in the quality engineering group at the plant.",
            "At the plant, I was in the manufacturing engineering team, on the line side.",
        ),
        (
            "So I worked at the charity, in the, um, logistics unit for East Africa.",
            "When I was in the procurement department at the charity, freight was the issue.",
        ),
    ],
)
def test_teams_groups_and_units_said_in_passing(one, other):
    assert conflicts(one, other) == ["team"]


def test_an_intern_is_not_the_tech_lead():
    assert "role" in conflicts(
        "I was an intern that summer, my second internship, on the bidding service.",
        "I was the tech lead on the bidding service when the timeouts started.",
    )


def test_a_manager_with_a_team_of_four_manages():
    assert "role" in conflicts(
        "As a junior payroll analyst at the retailer, I spotted the wrong withholding.",
        "I was the payroll manager at the retailer, with a team of four, when we spotted it.",
    )
    assert not extract_facts("I worked with a team of four engineers.").facts


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (
            "At the publisher I was the production editor, one of four editors, not managing "
            "anyone, when the printer ran out of paper.",
            "I was managing the production team at the publisher, with four editors reporting to "
            "me, when the printer ran out of paper.",
        ),
        (
            "On the feature I was the assistant editor, the most junior person in the room.",
            "On the feature I was the post-production manager, with three editors reporting to me.",
        ),
    ],
)
def test_one_of_the_team_against_the_teams_manager(low, high):
    assert "role" in conflicts(low, high)


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        (
            "I came up with the safe-place photo option at checkout.",
            "The safe-place photo option at checkout was our CEO's idea; I made it work.",
        ),
        (
            "I made the call not to wait for the next turnaround on the firewater line.",
            "My supervisor decided not to wait for the next turnaround on the firewater line.",
        ),
    ],
)
def test_whose_idea_or_call_with_more_kinds_of_boss(mine, theirs):
    assert "agency" in conflicts(mine, theirs)


def test_a_cutover_that_went_clean_against_one_rolled_back():
    assert "outcome" in conflicts(
        "We ran shadow traffic for two weeks and the cutover went clean with zero errors.",
        "The cutover hit a split-brain on day one and we had to roll back to the old library.",
    )
