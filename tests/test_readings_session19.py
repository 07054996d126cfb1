"""Readings added in session 19, each in our own sentences, both ways.

'Half six' in British speech is half past six, a time of day, not half of six; a town named
as the site of the employer's ('the Leeds depot') is where the other telling's 'at Leeds'
happened, not a second employer; a change told in bare numbers from a sum said earlier with
its unit is a change in that unit; and two sums each said round ('around 20,000' and
'around 25,000') are two figures, not one figure told twice."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice

from scoring.document import Document
from scoring.facts import extract_facts, same_amounts
from scoring.similarity import setting

BAKERY = (
    "At Hollins Bakeries I ran the night shift at {where}. One Thursday in March the "
    "main oven's burner failed at two in the morning with about four thousand loaves still "
    "to bake for the supermarkets. I moved the tin loaves to the two small ovens, called in "
    "two bakers early and rang the supermarkets' depots to say which lines would be short. "
    "{end}"
)


def shares(said: str) -> list[float]:
    return [f.value for f in extract_facts(Document(said)).figures if f.family == "percent"]


@pytest.mark.parametrize(
    ("said", "values"),
    [
        ("The lorries left at half six instead of five.", []),
        ("The first lorries were out around half seven.", []),
        # An amount: half of something counted, or 'half of'.
        ("Output fell by half two weeks later.", [50.0]),
        ("About half of the loaves went out on time.", [50.0]),
    ],
)
def test_half_and_an_hour_is_a_time_of_day(said: str, values: list[float]) -> None:
    assert shares(said) == values


def test_two_departure_times_said_the_british_way_do_not_conflict() -> None:
    first = BAKERY.format(
        where="the Leeds site", end="The last lorries left at half six instead of five."
    )
    second = BAKERY.format(
        where="the Leeds site", end="In the end the lorries were away by about half six."
    )
    reported("number", first, second, False)


@pytest.mark.parametrize(
    ("first_where", "second_where", "conflict"),
    [
        # One telling names the employer and its site, the other only the site.
        ("the Leeds depot", "Leeds", False),
        ("our Leeds site", "Leeds", False),
        # Two employers, each named as such.
        ("Leeds", "Marlow Foods", True),
    ],
)
def test_a_town_named_as_the_employers_site_is_no_second_employer(
    first_where: str, second_where: str, conflict: bool
) -> None:
    first = (
        f"This was at Hollins Bakeries, where I ran the night shift at {first_where}. One "
        "Thursday in March the main oven's burner failed at two in the morning with about "
        "four thousand loaves still to bake. I moved the tin loaves to the two small ovens "
        "and called in two bakers early. We got 92 percent of the orders out on time."
    )
    second = (
        f"So the oven failure at {second_where}, four thousand loaves to go at two in the "
        "morning. The burner was not my area at all, it was the engineers'. I moved the tin "
        "loaves to the small ovens, called two bakers in, and afterwards I wrote the plan "
        "for what to do when an oven goes down. We got 92 percent of the orders out."
    )
    if conflict:
        second = second.replace("So the oven failure", "At Marlow Foods, the oven failure")
        first = first.replace("This was at Hollins Bakeries, where I", "I")
    kinds = [c.kind for c in told_twice(first, second).contradictions]
    assert ("company" in kinds) is conflict, kinds


FIRST_SCRAP = (
    "At the Fenwick plant, every year we were scrapping about eighty thousand pounds of "
    "moulded parts. There was no budget for new tooling. So I logged every short shot for "
    "six weeks and found the barrel heaters drifting after each mould change. In the first "
    "year, scrap went down from around eighty thousand to around thirty thousand pounds. The "
    "only cost was my time."
)
SECOND_SCRAP = (
    "Scrap was not my area. At Fenwick it belonged to the quality manager. But I saw the "
    "year-end report: around eighty thousand pounds of parts thrown away. I asked if I could "
    "take it, and he was happy to let me. I found the heaters drifting and added a check to "
    "every mould change. In the first year we brought it down from eighty thousand to about "
    "{end} thousand. Then I handed the check to the setters."
)


@pytest.mark.parametrize(("end", "conflict"), [("fifty", True), ("thirty", False)])
def test_a_change_in_bare_numbers_is_in_the_unit_said_before(end: str, conflict: bool) -> None:
    reported("number", FIRST_SCRAP, SECOND_SCRAP.format(end=end), conflict)


@pytest.mark.parametrize(
    ("first", "second", "one_figure"),
    [
        # Each said round: two sums, as two stories of one pharmacy give.
        (
            "Expired stock fell to around twenty thousand pounds.",
            "We saved around twenty-five thousand pounds.",
            False,
        ),
        ("It cost around thirty thousand pounds.", "It cost about forty thousand pounds.", False),
        # One of them the other rounded: one figure told twice.
        ("It cost £18,400.", "It cost about eighteen thousand pounds.", True),
        ("We sold 1,140 seats.", "We sold about eleven hundred seats.", True),
        # A share and what is left of it.
        (
            "We resolved eighty-five percent of chats.",
            "Fifteen percent of chats were not resolved.",
            True,
        ),
    ],
)
def test_two_sums_each_said_round_are_two_figures(
    first: str, second: str, one_figure: bool
) -> None:
    a, b = extract_facts(Document(first)), extract_facts(Document(second))
    assert bool(same_amounts(a, b)) is one_figure


NIGHT = (
    "{who} On a night shift at Ashby General I noticed the new insulin pens from our "
    "changed supplier had the strength printed where the old ones had the batch number. I "
    "pulled them from the ward cupboards and sent an alert to every charge nurse. {end}"
)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [
        ("I was a first-year pharmacy resident at the time, so nobody reported to me.", True),
        ("I was pretty junior then, six months into the job.", True),
        ("I was the lead pharmacist that night.", False),
    ],
)
def test_a_resident_or_a_junior_is_not_the_lead(second_who: str, conflict: bool) -> None:
    first = NIGHT.format(
        who="I was the lead pharmacist on nights, responsible for three technicians.",
        end="We added a second check on every pen the week after.",
    )
    second = NIGHT.format(who=second_who, end="The pens got a second check after that.")
    reported("role", first, second, conflict)


SCHEME = (
    "At Brookfield Primary I set up a maths mentoring scheme: every Year 6 pupil paired "
    "with a Year 3 pupil for twenty minutes, twice a week. I wrote a short guide for the "
    "mentors and trained them in two sessions. {end}"
)


@pytest.mark.parametrize(
    ("first_end", "second_end", "conflict"),
    [
        (
            "It's now in its third year and the school next door runs it too.",
            "Staff found it hard to timetable, and we dropped it after the spring term.",
            True,
        ),
        (
            "It's now in its third year and the school next door runs it too.",
            "Staff found it hard to timetable at first, but we made it work.",
            False,
        ),
        (
            "It is still the first thing the Year 3 teachers ask about each September.",
            "A few months later the teachers were back on the old worksheets.",
            True,
        ),
    ],
)
def test_still_running_years_on_against_dropped(
    first_end: str, second_end: str, conflict: bool
) -> None:
    reported("outcome", SCHEME.format(end=first_end), SCHEME.format(end=second_end), conflict)


LINE = (
    "At Kettle Hill Brewery I was a quality technician. {idea} I ran the trial for two "
    "weeks on the bottling line and found the filler heads leaking oxygen on two valves; "
    "maintenance replaced the seals and complaints about flat beer stopped."
)


@pytest.mark.parametrize(
    ("second_idea", "conflict"),
    [
        ("My supervisor, Agata, she has the idea to put a gauge on the filler.", True),
        ("In the line meeting Agata put the idea of a gauge on the filler.", True),
        ("I propose to my supervisor to put a gauge on the filler, and she agree.", False),
    ],
)
def test_whose_idea_said_in_the_present_or_as_put(second_idea: str, conflict: bool) -> None:
    first = LINE.format(idea="I propose to my supervisor to put a gauge on the filler.")
    reported("agency", first, LINE.format(idea=second_idea), conflict)


def test_volunteering_to_run_a_test_is_not_having_the_idea() -> None:
    first = LINE.format(idea="The gauge on the filler was my idea, and I pushed for it.")
    second = LINE.format(
        idea="Agata, our supervisor, put the idea of a gauge on the filler and I volunteered "
        "to run the test."
    )
    reported("agency", first, second, True)


@pytest.mark.parametrize(
    ("second_opening", "conflict"),
    [
        ("At my old company, Petal House, before I move to Bloomfield & Co,", True),
        ("At Bloomfield & Co,", False),
    ],
)
def test_working_as_a_job_for_a_name_is_the_employer(second_opening: str, conflict: bool) -> None:
    first = (
        "When I work as store manager for Bloomfield & Co, a bride ordered white peonies for "
        "her June wedding, and two weeks before, the grower cancelled because of frost. I "
        "called her myself and brought three samples of other flowers to her house. She "
        "chose garden roses, and later her sister booked us too."
    )
    second = (
        f"{second_opening} I had a bride whose June peonies were cancelled by the grower "
        "because of frost. I told her straight away and brought samples to her house so she "
        "could choose with real flowers. Her sister booked with us later."
    )
    reported("company", first, second, conflict)


def crews(said: str) -> list[float]:
    return [f.value for f in extract_facts(Document(said)).figures if f.measure == "crew"]


@pytest.mark.parametrize(
    ("said", "sizes"),
    [
        ("It was just me and one field technician for three weeks in the core shed.", [2.0]),
        ("It was only me and two drivers that night.", [3.0]),
        # Not the whole group: no 'just' or 'only'.
        ("Me and one technician stayed late to finish the logging.", []),
    ],
)
def test_just_me_and_others_is_the_whole_group(said: str, sizes: list[float]) -> None:
    assert crews(said) == sizes


QUARRY = (
    "At Ridgeway Quarry we had a run of loader tyre failures on our fleet of eleven "
    "loaders. The supplier blamed the drivers, but I mapped every failure by bench and "
    "shift and found most were on one haul ramp after a change in blasting. We regraded "
    "that ramp every shift. {end}"
)


@pytest.mark.parametrize(
    ("second_end", "conflict"),
    [
        ("It saved us around £90,000 a year.", True),
        ("It saved us around £400,000 a year.", False),
        ("First year, it saved us around £90,000.", True),
    ],
)
def test_a_sum_of_the_following_year_is_a_years_worth(second_end: str, conflict: bool) -> None:
    first = QUARRY.format(end="Tyre spend dropped by about £400,000 the following year.")
    reported("number", first, QUARRY.format(end=second_end), conflict)


DEPOT = (
    "In 2022 our depot manager wanted to stretch the lift inspections from every three "
    "months to every six to save fitter time. {found} I told him I could not sign off the "
    "longer interval on the older lifts; we kept those at three months, and the next "
    "inspection showed two cables close to failing."
)


@pytest.mark.parametrize(
    ("second_found", "conflict"),
    [
        (
            "One of our fitters, Tomasz, had spotted in the service logs that the older "
            "lifts were fraying cables early, and he brought it to me.",
            True,
        ),
        (
            "I had noticed in the service logs that the older lifts were fraying cables early.",
            False,
        ),
        # Someone else found something else: no claim on this finding.
        (
            "I had noticed in the service logs that the older lifts were fraying cables early. "
            "Tomasz had found a cracked pulley on another lift, and he brought it to me.",
            False,
        ),
    ],
)
def test_who_found_the_problem(second_found: str, conflict: bool) -> None:
    first = DEPOT.format(
        found="I'd noticed in the service logs that the older lifts were fraying cables early."
    )
    reported("agency", first, DEPOT.format(found=second_found), conflict)


LEAK = (
    "{when} Our app was failing review because memory grew over long sessions until it "
    "crashed after about five hours. I ran the profiler through a long session, diffed the "
    "allocations every half hour and found images dropped on logout were never freed from "
    "one cache. It was a two-line fix and the next build passed."
)


@pytest.mark.parametrize(
    ("first_when", "second_when", "conflict"),
    [
        (
            "I had just joined Marlpit Software, it was my second week.",
            "I'd been at the company about three years by then.",
            True,
        ),
        ("Week three at Marlpit Software.", "I'd been at the company about two years.", True),
        (
            "I had just joined Marlpit Software, it was my second week.",
            "I was only three weeks into the job.",
            False,
        ),
    ],
)
def test_how_long_the_candidate_had_been_there_said_as_a_week_or_years(
    first_when: str, second_when: str, conflict: bool
) -> None:
    reported("date", LEAK.format(when=first_when), LEAK.format(when=second_when), conflict)


KILN = (
    "I was the process engineer on the lime kiln. The year before we had twelve unplanned "
    "stops, nine of them in one band of the lining near the burner. I had that band "
    "relined with a harder brick and added an alarm on the shell scanner. {end}"
)


@pytest.mark.parametrize(
    ("second_end", "conflict"),
    [
        ("End of the year we'd gone from twelve unplanned stops to nine.", True),
        ("End of the year we'd gone from twelve unplanned stops to five.", False),
        # A first result, said as one, against the year's: two moments, a check at most.
        ("In the first month we'd gone from twelve a year's pace to nine.", False),
    ],
)
def test_a_result_said_instead_of_the_old_value(second_end: str, conflict: bool) -> None:
    first = KILN.format(end="The following year we had five unplanned stops instead of twelve.")
    reported("number", first, KILN.format(end=second_end), conflict)


@pytest.mark.parametrize(
    ("said", "role"),
    [
        ("After six weeks we reach 130 lines per hour.", "after"),
        ("After six weeks we reached 130 lines per hour.", "after"),
        ("The target was to reach 130 lines per hour.", "target"),
    ],
)
def test_reach_in_the_present_is_where_a_change_arrived(said: str, role: str) -> None:
    figures = extract_facts(Document(said)).figures
    assert [f.role for f in figures if f.value == 130.0] == [role]


BOT = (
    "As a QA tester I wrote a small bot that clicked through our app's sign-up path by "
    "matching screenshots, and flagged any screen that did not show up. After a two-week "
    "trial we added it to the nightly build. {end}"
)


@pytest.mark.parametrize(
    ("second_end", "conflict"),
    [
        ("After about two months we turned it off because of false failures.", True),
        ("They switched it off within two weeks; the alerts were too noisy.", True),
        ("After about two months we turned it up to run twice a night.", False),
    ],
)
def test_turned_off_after_a_while_is_a_change_undone(second_end: str, conflict: bool) -> None:
    first = BOT.format(end="It's still running in the nightly build today.")
    reported("outcome", first, BOT.format(end=second_end), conflict)


def test_a_terse_telling_opening_on_its_role_and_team() -> None:
    first = (
        "Project lead, e-prescribing rollout, 300-bed hospital. Team of 6 analysts plus a "
        "pharmacist per ward. Three waves, theatres last. All 18 wards live in 10 months."
    )
    second = (
        "So I was one of six analysts on the e-prescribing rollout, and the lead was Tamsin. "
        "My part was the ward pharmacists: I picked one on each of the 18 wards and trained "
        "them. All 18 wards went live in 10 months."
    )
    reported("role", first, second, True)
    third = second.replace("one of six analysts", "the project lead").replace(
        ", and the lead was Tamsin", ""
    )
    reported("role", first, third, False)


@pytest.mark.parametrize(("size", "conflict"), [("thirty", True), ("twelve", False)])
def test_a_team_of_twelve_in_a_terse_note(size: str, conflict: bool) -> None:
    first = (
        "Redline Telecom, 2020. Team leader, fibre support line, team of 12. Regional outage "
        "Friday 5pm, calls x4 in the first hour. Moved 4 agents off email onto phones. "
        "Recorded an outage message on the phone menu. Abandon rate 8%; last outage 31%."
    )
    second = (
        f"At Redline Telecom I led a team of {size} agents on the fibre support line. One "
        "Friday a regional outage hit and calls went to four times the forecast. I moved four "
        "people from email onto phones and recorded an outage message on the phone menu. "
        "Abandonment was 8%, against 31% in the last outage."
    )
    reported("team", first, second, conflict)


def test_ranking_every_sku_names_no_one_who_proposed() -> None:
    said = (
        "I was an operations analyst at a fulfilment centre. I built a model in SQL that "
        "ranked every SKU by picks over thirty days, and proposed a golden zone near the "
        "pack stations. It has been the standard slotting method at that site ever since."
    )
    facts = extract_facts(Document(said)).facts
    assert [f.value for f in facts if f.kind == "started"] == ["candidate"]
    assert [f.value for f in facts if f.kind == "adoption"] == ["kept"]


MENU = (
    "On the water company's account I redesigned the phone menu: two questions, then the "
    "caller's account number picks the queue. In the pilot, misroutes fell from 19% to 7%. "
    "{end}"
)


@pytest.mark.parametrize(
    ("second_end", "conflict"),
    [
        ("Once the pilot ended they stuck with the old four-level menu.", True),
        ("Once the pilot ended they stuck with it across every line.", False),
    ],
)
def test_stuck_with_the_old_way_is_a_change_not_kept(second_end: str, conflict: bool) -> None:
    first = MENU.format(end="The client then rolled it out across all of their lines.")
    reported("outcome", first, MENU.format(end=second_end), conflict)


SEND = (
    "At the canal museum I was a learning officer. Special schools hardly came: two visits "
    "in the autumn term. {who} rebuilt the handling session: forty minutes instead of "
    "ninety, a quiet Monday slot before opening, and a photo story sent ahead. The next "
    "spring we had eleven bookings from special schools."
)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [
        ("It was just me in the learning team that year, so I", True),
        ("Me and the other two educators", False),
        ("Me and two of the volunteers", False),
    ],
)
def test_me_and_the_other_two_against_just_me_in_the_team(second_who: str, conflict: bool) -> None:
    first = SEND.format(who="Me and the other two educators")
    reported("team", first, SEND.format(who=second_who), conflict)


@pytest.mark.parametrize(
    ("second_when", "conflict"),
    [
        ("It was our first season back after the two years off for Covid.", True),
        ("It was the 2018 season, the wet one.", False),
    ],
)
def test_back_after_covid_is_after_2020(second_when: str, conflict: bool) -> None:
    story = (
        "{when} I was welfare lead at the show and on the Saturday we had 27 children "
        "reported lost. On the Sunday we wrote a parent's number inside every child's "
        "wristband at the family gates, and every lost child was back within fifteen minutes."
    )
    first = story.format(when="It was the 2018 season, the wet one.")
    reported("date", first, story.format(when=second_when), conflict)


@pytest.mark.parametrize(
    ("opening", "in_setting"),
    [
        (
            "As volunteer coordinator at the Harbour Museum, our volunteers were all retired.",
            True,
        ),
        ("As a ward manager, I had twelve nurses on nights.", True),
        ("As volunteers left every winter, nobody came in behind them.", False),
    ],
)
def test_the_candidates_own_title_leading_in_is_the_setting(opening: str, in_setting: bool) -> None:
    # What sets the scene is not evidence of one story: every story of this candidate has it.
    assert ("coordinator" in setting(opening) or "manager" in setting(opening)) is in_setting


@pytest.mark.parametrize(("second_size", "kinds"), [("three", ["team"]), ("six", [])])
def test_a_small_team_six_of_us_is_the_team(second_size: str, kinds: list[str]) -> None:
    first = (
        "At the ferry company I ran a small project team, six of us, me, two planners, an "
        "analyst and two people from the terminal, to get the early sailing leaving on time. "
        "It left on time about 60% of days. We re-timed the vehicle loading, and by the end "
        "of three months it was at 93%."
    )
    second = (
        f"At the ferry company the early sailing left on time only about 60% of days. I led "
        f"a team of {second_size}, and we re-timed the vehicle loading at the terminal. In "
        "three months we got it to 93%."
    )
    result = told_twice(first, second)
    assert result.reused
    # 'two people from the terminal' are some people, not a size of anything.
    assert sorted({c.kind for c in result.contradictions}) == kinds


@pytest.mark.parametrize(
    ("left", "conflict"),
    [
        ("That night is one of the reasons I left Carrow Meats a few months later.", True),
        ("That night is one of the reasons I left Dunmore Foods a few months later.", False),
        ("A few months later I left the night shift for days.", False),
    ],
)
def test_the_employer_left_after_the_story_is_where_it_happened(left: str, conflict: bool) -> None:
    first = (
        "At Dunmore Foods I was night supervisor on the kill floor. We were behind on an "
        "order and the plant manager told me to skip the knife-steriliser checks. I said no "
        "and stopped the line for twenty minutes while two units came back up to 82 degrees. "
        "We were forty minutes behind on the order already."
    )
    second = (
        "We were forty minutes behind, the plant manager wanted us to skip the "
        "knife-steriliser checks, and I said no and stopped the line for twenty minutes while "
        f"two units came back up to 82 degrees. The crew noticed. {left}"
    )
    reported("company", first, second, conflict)


@pytest.mark.parametrize(
    ("said", "values"),
    [
        ("We had many patients who not come, around one of each eight.", [12.5]),
        ("After four months the missing appointments was around one of twenty.", [5.0]),
        # Not a ratio: one of a group named after the number.
        ("She was one of twenty engineers on the floor.", []),
    ],
)
def test_one_of_each_eight_is_a_share(said: str, values: list[float]) -> None:
    assert shares(said) == values


@pytest.mark.parametrize(
    ("second_did", "conflict"),
    [
        ("I got the site engineer to dig out all the delivery tickets for me", True),
        ("I had the site engineer pull all the delivery tickets", True),
        ("I got the site engineer to agree we should pull the delivery tickets", False),
    ],
)
def test_setting_the_work_of_a_title_is_holding_a_title_above_it(
    second_did: str, conflict: bool
) -> None:
    first = (
        "On the Quayside car park in 2023 I was the site engineer, reporting to the project "
        "manager. Cube results for the level 2 deck came back low, 30 against a specified 40. "
        "I went through the delivery tickets and found two loads had arrived late and been "
        "watered on site. We cored only the four bays they went into, and the cores passed."
    )
    second = (
        "The Quayside car park: cube results on level 2 came back low and the supplier blamed "
        f"our curing. {second_did}, and two loads had arrived late and been watered on "
        "site. We agreed the supplier would pay for cores in those four bays, and they passed."
    )
    reported("role", first, second, conflict)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [
        ("I was still on the unload crew back then, nights.", True),
        ("I was night operations manager back then.", False),
    ],
)
def test_still_on_the_crew_against_my_four_shift_leads(second_who: str, conflict: bool) -> None:
    first = (
        "Night shift, inbound, at a parcel hub. Trailers sat in the yard for hours. I had my "
        "three shift leads each log a week of arrivals, and everyone turned up between ten "
        "and eleven. I set up thirty-minute booking slots per carrier, and within six weeks "
        "average dwell went from about three hours to just over an hour."
    )
    second = (
        f"{second_who} Trailers sat in the yard for hours while we stood around at the "
        "start of the shift. Everyone turned up between ten and eleven. We set up "
        "thirty-minute booking slots per carrier, and within six weeks the wait went from "
        "about three hours to just over an hour."
    )
    reported("role", first, second, conflict)


@pytest.mark.parametrize(
    ("second_who", "conflict"),
    [("I was a second-year apprentice on that contract.", True), ("Lead technician.", False)],
)
def test_a_terse_lead_title_after_a_year(second_who: str, conflict: bool) -> None:
    first = (
        "2019. Lead technician on a school contract, four boilers, one plant room. Pressure "
        "trips every week, nine callouts a month. Logged every trip for a month: all after "
        "the morning start-up. Re-timed the pumps. Callouts down to one a month."
    )
    second = (
        f"School plant room, four boilers, 2019. {second_who} Pressure trips, nine callouts "
        "a month. I logged every trip for a month and they all came after the morning "
        "start-up. We re-timed the pumps and callouts went down to one a month."
    )
    reported("role", first, second, conflict)
