"""Readings added in session 18, each in our own sentences, both ways.

A result followed by where it came from ('three stoppages, down from eleven') is where the
change ended; a number may stand two words before the plural it counts ('eleven unplanned
conveyor stoppages' counts stoppages), but not across a superlative ('the three most common
faults' are some of them); 'three and a half' takes its unit from the other end of the
change; one change told from one start to two ends, each said end to end, conflicts even
when a figure near the other end is said of something else; 'that wasn't actually my idea'
gives the idea away; a board 'taken down after two months' is a change undone; and 'I was
working with <Name> as <job>' names the employer."""

from __future__ import annotations

import pytest
from two_tellings import reported, what_became

from scoring import AnswerInput, analyze_loop
from scoring.document import Document
from scoring.facts import _part_of, extract_facts

MILL = (
    "At Harrow Paper Mill I was the process engineer for the two winders. {first} Most of "
    "them came from a tension sensor that drifted after every reel change. I logged each "
    "stop for a month, recalibrated the sensor at each change and added a check to the "
    "shift handover. {result}"
)


@pytest.mark.parametrize(
    ("first_result", "second_result", "conflict"),
    [
        (
            "The next quarter we had three stoppages, down from eleven.",
            "The next quarter, stoppages fell from eleven to six.",
            True,
        ),
        (
            "The next quarter we had three stoppages, down from eleven.",
            "The next quarter, stoppages fell from eleven to three.",
            False,
        ),
        (
            "The next quarter we had three stoppages (from eleven).",
            "The next quarter, stoppages fell from eleven to seven.",
            True,
        ),
    ],
)
def test_a_result_said_before_where_it_came_from(
    first_result: str, second_result: str, conflict: bool
) -> None:
    opening = "Last spring we had eleven unplanned winder stoppages in a quarter."
    first = MILL.format(first=opening, result=first_result)
    second = MILL.format(first=opening, result=second_result)
    reported("number", first, second, conflict)


def counted(said: str) -> set[str]:
    return {f.unit for f in extract_facts(Document(said)).figures if f.family == "count"}


@pytest.mark.parametrize(
    ("said", "unit"),
    [
        ("We had eleven unplanned winder stoppages.", "stoppage"),
        ("We had eleven unplanned stoppages.", "stoppage"),
        ("She hired four night shift nurses.", "nurse"),
    ],
)
def test_a_number_counts_the_plural_after_its_modifiers(said: str, unit: str) -> None:
    assert unit in counted(said)


def test_a_modifier_before_a_verb_is_not_skipped() -> None:
    # "eleven unplanned" then "was": no plural noun follows, so nothing is counted as one.
    assert "was" not in counted("Of the reels, eleven were unplanned and one was not.")


def test_some_of_a_group_is_not_the_whole_count() -> None:
    said = "We found 14 recurring faults. I fixed the three most common faults first."
    assert "fault" in counted("We found 14 recurring faults.")
    assert "fault" not in counted("I fixed the three most common faults first.")
    assert len([u for u in counted(said) if u == "fault"]) == 1


BAKERY = (
    "At Lindqvist Bakeries I ran the night shift on the bread line. {said} I moved the mixer "
    "cleaning to the start of the shift and trained two operators to change the moulds. "
    "{result}"
)


@pytest.mark.parametrize(
    ("second_result", "conflict"),
    [
        ("Changeovers went down from forty minutes to twenty-five minutes.", True),
        ("Changeovers went down from forty minutes to eighteen minutes.", False),
    ],
)
def test_three_and_a_half_takes_the_unit_of_the_other_end(
    second_result: str, conflict: bool
) -> None:
    first = BAKERY.format(
        said="A changeover took about forty minutes.",
        result="Changeovers went down from forty minutes to eighteen and a half.",
    )
    second = BAKERY.format(said="A changeover took about forty minutes.", result=second_result)
    reported("number", first, second, conflict)


SCRAP_FIRST = (
    "At Lindqvist Bakeries the scrap rate on the bread line had crept up to 14%, against "
    "about 5% on the cake line. I timed every changeover for two weeks and found the mould "
    "swaps were rushed. I moved the mixer cleaning to the start of the shift and trained two "
    "operators to change the moulds. I ran it on 10% of the shifts first, then on all of "
    "them. Within a month scrap on the bread line went from 14% to 6%, and overtime fell too."
)
SCRAP_SECOND = (
    "Scrap was the number I cared about. At Lindqvist Bakeries, 14% of the loaves on the "
    "bread line were going in the bin, almost three times the cake line. Everyone blamed the "
    "flour. I timed the changeovers myself and saw the mould swaps were rushed. We moved the "
    "mixer cleaning to the start of the shift and trained two operators on the moulds. We "
    "tried it on 10% of shifts for a week, then everywhere. Scrap came down from 14% to "
    "{end}, and the overtime went down with it."
)


@pytest.mark.parametrize(("end", "conflict"), [("9%", True), ("6%", False)])
def test_one_change_told_end_to_end_from_one_start(end: str, conflict: bool) -> None:
    # "From 14% to 6%" against "from 14% to 9%": the 10% of shifts the trial ran on is
    # another thing, not the second telling's end said in the first.
    reported("number", SCRAP_FIRST, SCRAP_SECOND.format(end=end), conflict)


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("That wasn't actually my idea: Leona, our planner, saw it at another bakery.", True),
        ("That was actually my idea, and Leona, our planner, helped me test it.", False),
    ],
)
def test_not_actually_my_idea_gives_the_idea_away(second: str, conflict: bool) -> None:
    first = BAKERY.format(
        said="I came up with the idea of cleaning the mixer first.", result="It saved an hour."
    )
    reported("agency", first, BAKERY.format(said=second, result="It saved an hour."), conflict)


@pytest.mark.parametrize(
    ("end", "reading"),
    [
        ("But after about two months the rota board was taken down.", "reverted"),
        ("The board was taken down after three weeks, when nobody kept it current.", "reverted"),
        # The old thing removed is the change going in, not coming out.
        ("After two weeks the old paper rota was taken down for good.", None),
    ],
)
def test_taken_down_soon_after_is_a_change_undone(end: str, reading: str | None) -> None:
    said = BAKERY.format(said="I put up a rota board by the ovens.", result=end)
    assert what_became(said) == reading


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("When I was working with Pellham Ovens as shift manager, bread was our big line.", True),
        ("When I was working with Lindqvist Bakeries as shift manager, bread was our line.", False),
    ],
)
def test_working_with_a_name_as_a_job_is_the_employer(second: str, conflict: bool) -> None:
    first = BAKERY.format(said="", result="Changeovers fell to twenty minutes.")
    reported("company", first, second + " " + first.split(". ", 1)[1], conflict)


DEPOT = (
    "At Corran Buses I was the depot planner. {first} I paired each late run with the "
    "driver roster and found the early shifts started before the buses were fuelled. I moved "
    "fuelling to the evening shift and added a checklist at the gate. {result}"
)


@pytest.mark.parametrize(
    ("first", "result", "conflict"),
    [
        # "Had climbed to about forty a month" is where things stood, not a result.
        (
            "Late departures had climbed to about forty a month.",
            "Late departures were down to about five a month.",
            False,
        ),
        # Said "twenty-odd" and ended "six or seven": a range in the change's own unit.
        (
            "We had about twenty late departures a month.",
            "We went from twenty-odd late departures a month to six or seven.",
            True,
        ),
        (
            "We had about twenty late departures a month.",
            "We went from twenty-odd late departures a month to twelve or thirteen.",
            False,
        ),
        # "Down to one a month" is a count where a rate follows.
        (
            "We had nine late departures a month.",
            "Late departures went down to three a month.",
            True,
        ),
    ],
)
def test_a_change_in_late_departures(first: str, result: str, conflict: bool) -> None:
    told = {
        "Late departures had climbed to about forty a month.": (
            "Late departures were down to about five a month."
        ),
        "We had about twenty late departures a month.": (
            "Late departures went from about twenty a month to thirteen within two months."
        ),
        "We had nine late departures a month.": "Late departures went down to one a month.",
    }
    one = DEPOT.format(first=first, result=told[first])
    other = DEPOT.format(first=first, result=result)
    reported("number", one, other, conflict)


def test_a_tolerance_is_no_reading() -> None:
    said = "The oven was twelve degrees cold. We set a pass band of plus or minus five degrees."
    figures = extract_facts(Document(said)).figures
    five = next(f for f in figures if f.value == 5)
    twelve = next(f for f in figures if f.value == 12)
    assert five.role == "spread"
    assert twelve.role is None


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        (
            "My manager, Ruth, walked me round the yard and pointed at the old wash bay and "
            "said, why can't we fuel them there? I did the rest.",
            True,
        ),
        # A passenger asking is not whose idea it was.
        (
            "A passenger pointed at the old wash bay and said, why can't we wait in there? I "
            "thought of fuelling there instead.",
            False,
        ),
    ],
)
def test_a_boss_asking_why_not_is_the_bosss_idea(second: str, conflict: bool) -> None:
    first = DEPOT.format(
        first="I proposed fuelling in the old wash bay.", result="Late runs fell to two a month."
    )
    other = DEPOT.format(first=second, result="Late runs fell to two a month.")
    reported("agency", first, other, conflict)


def test_a_line_wrapped_mid_sentence_is_read_as_one_clause() -> None:
    wrapped = (
        "My manager, Ruth, walked me round the back of the depot one day and pointed at the\n"
        "old wash bay that had been empty for years and said, why can't we fuel them\n"
        "there? So I worked out the pipework."
    )
    facts = extract_facts(Document(wrapped)).facts
    assert any(f.kind == "started" and f.value == "manager" for f in facts)
    # A short line (a list) is not joined to the next.
    listed = "Problem: late buses\nfix: fuel at night"
    assert "\n" in Document(listed).text


def test_what_had_climbed_to_a_figure_is_no_result() -> None:
    said = "Complaints had climbed to about forty a month before we changed the oven."
    forty = next(f for f in extract_facts(Document(said)).figures if f.value == 480)
    assert forty.role != "after"


def test_a_long_hedge_keeps_a_saving_a_change() -> None:
    said = "We saved approximately eighty-five thousand pounds per year on fuel."
    saved = next(f for f in extract_facts(Document(said)).figures if f.family == "money")
    assert saved.role == "delta"


def test_a_goal_after_a_colon_said_with_its_verb_is_a_target() -> None:
    said = "My goal was clear: increase bookings from these clinics by 20 percent within a year."
    twenty = next(f for f in extract_facts(Document(said)).figures if f.value == 20)
    assert twenty.role == "target"
    # A result after a colon is no target: "the goal was simple: we cut it by 20 percent".
    result = "The goal was simple. In the end: bookings rose by 23 percent within a year."
    assert all(f.role != "target" for f in extract_facts(Document(result)).figures)


def test_two_changes_apart_at_both_ends_are_two_stories() -> None:
    # One line, one team, one measure: two fixes, each moving it between its own values.
    first = (
        "Um, so I ran the claims line at Westmere Insurance, about fifteen handlers, and "
        "first-contact resolution was sitting at around 64 percent, with a lot of repeat "
        "calls about excess payments. I got the handlers the authority to split the excess "
        "into two payments on the call, with a weekly review of every split I published to "
        "finance. First-contact resolution for my team went from 64 to 77 percent."
    )
    second = (
        "So, this was the same claims line at Westmere Insurance, same team, first-contact "
        "resolution again, but a totally different call type: courtesy car bookings. The "
        "handler emailed the hire firm and the customer called back two or three times. I "
        "worked with an analyst on a booking screen the handlers could use while the "
        "customer was still on the call. First-contact resolution on that call type went "
        "from something like 35 percent to 90 percent."
    )
    result = analyze_loop(
        [AnswerInput(1, "earn-trust", first), AnswerInput(2, "invent-and-simplify", second)]
    )
    assert not result.reused
    assert not result.contradictions


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("Every Friday I sat with each of my nine people and listened to their calls.", True),
        ("Every Friday I sat with each of my twelve people and listened to their calls.", False),
        # Some of them, not all: no size of the team.
        ("Every Friday I sat with two of my people and listened to their calls.", False),
    ],
)
def test_each_of_my_people_is_the_whole_team(second: str, conflict: bool) -> None:
    first = (
        "I was team manager on the disputes line, and my team was 12 agents. {said} First "
        "contact resolution went from 61 to 74 percent in about four months."
    )
    reported(
        "team",
        first.format(said="I ran a weekly case review."),
        first.replace("and my team was 12 agents", "with the disputes team").format(said=second),
        conflict,
    )


@pytest.mark.parametrize(
    ("end", "reading"),
    [
        ("Today when you ring the helpline you still get the option of a callback.", "kept"),
        ("Honestly it only lasted until the spring, when the budget went.", "reverted"),
        ("The new rota didn't stick once the winter rush came.", "reverted"),
        # Today the candidate still thinks something: no word on the change.
        ("Today I still think about how close we came to missing it.", None),
    ],
)
def test_what_is_there_today_and_what_did_not_last(end: str, reading: str | None) -> None:
    said = (
        "On the bank's card line, customers waited up to half an hour on Monday mornings. "
        "I proposed a callback option and built the business case with IT. We launched it "
        "within a month and abandoned calls dropped. " + end
    )
    assert what_became(said) == reading


def test_the_same_story_shows_its_shared_amounts_as_said() -> None:
    # Amounts said in other words ('£600,000' and 'six hundred thousand pounds') are shown
    # with their units and periods, not as the clause around them ('had climbed to about
    # forty a').
    first = (
        "At Tamsford Water the works was spilling storm water about twenty times a year, and "
        "complaints from the parish had climbed to about forty a month. The consultant wanted "
        "a new storm tank at about £600,000. I proposed converting the old sludge thickening "
        "tank instead, and it came to about £85,000. Spills dropped to four the next year."
    )
    second = (
        "This is Tamsford, 2019. We spilled storm water twenty times a year and the parish "
        "sent us forty complaints a month. The consultant's answer was a brand-new tank, six "
        "hundred thousand pounds. I looked at the old sludge thickening tank and converted "
        "it for eighty-five thousand pounds, and spills fell to four the following year."
    )
    result = analyze_loop([AnswerInput(1, "frugality", first), AnswerInput(2, "ownership", second)])
    assert result.reused
    evidence = result.reused[0].evidence
    assert "£600,000" in evidence and "£85,000" in evidence
    assert any(e.startswith("forty") and e.endswith("a month") for e in evidence), evidence
    little = ("a", "an", "and", "in", "to", "of", "the", "only")
    assert not any(e.split()[-1].lower() in little for e in evidence), evidence


@pytest.mark.parametrize(
    ("said", "part"),
    [
        ("I piloted it with three handlers for two months.", True),
        ("We trialled it with four nurses on nights.", True),
        ("I had three handlers on the desk that winter.", False),
    ],
)
def test_a_pilot_with_a_few_is_some_of_the_team(said: str, part: bool) -> None:
    counted = [f for f in extract_facts(Document(said)).figures if f.family == "count"]
    assert counted and _part_of(counted[0]) is part


def test_quid_is_money() -> None:
    said = "Five checks before you release anything over five hundred quid."
    money = [f for f in extract_facts(Document(said)).figures if f.family == "money"]
    assert [f.value for f in money] == [500.0]


RETURNS = (
    "At Vesta Home, the furniture retailer, {said} I noticed that 0.5 percent of customers "
    "made about 12 percent of all returns by value, and the sofas came back worn. I asked "
    "to check those accounts' returns more strictly instead of blocking them. In the first "
    "two months we rejected returns worth 64,000 pounds, and very few of them complained."
)


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("I was already two years in the returns team by then.", True),
        ("I'd been in the job about a month.", False),
        # When the story happened is not said: nothing to hold against it.
        ("I worked in the returns team.", False),
    ],
)
def test_how_long_the_candidate_had_been_there(second: str, conflict: bool) -> None:
    first = RETURNS.format(said="I was there only three weeks when")
    reported("date", first, RETURNS.format(said=second), conflict)


def test_a_class_or_a_time_ago_is_no_tenure() -> None:
    said = "I was a Year 5 teacher then, and I was two years ago in Lyon for a course."
    assert not [f for f in extract_facts(Document(said)).facts if f.kind == "tenure"]


@pytest.mark.parametrize(("month", "conflict"), [("October", True), ("March", False)])
def test_it_was_a_month_dates_the_story(month: str, conflict: bool) -> None:
    story = (
        "I was costume supervisor at the Lantern Theatre when our budget for The Seagull was "
        "cut by forty percent three weeks before tech. I went through our stock, borrowed "
        "period coats from a bigger company and re-dyed what we had. {when} We came in under "
        "the new budget, at about £2,300."
    )
    first = story.format(
        when="It was March, the run-up to opening night, and I lived in the wardrobe room."
    )
    second = story.format(when=f"That was in {month}, the run-up to opening night.")
    reported("date", first, second, conflict)


PORT = (
    "At Solent Cruise Terminal I ran guest services on turnaround days. {said} I split the "
    "disembarkation by deck and put two extra agents on the luggage hall. The queue that "
    "used to last until ten was gone by eight. Complaints at the desk went from about 180 "
    "to about {end} per cruise."
)


@pytest.mark.parametrize(("end", "conflict"), [("60", True), ("45", False), ("40", False)])
def test_hedged_ends_of_one_change_a_third_apart(end: str, conflict: bool) -> None:
    # "About 40" and "about 60" from one stated start are not one value rounded.
    first = PORT.format(said="Every turnaround was chaos.", end="40")
    second = PORT.format(said="Turnarounds were a mess.", end=end)
    reported("number", first, second, conflict)


@pytest.mark.parametrize(("end", "conflict"), [("about 300", True), ("about 200", False)])
def test_a_hedge_covers_rounding_not_a_value_far_off(end: str, conflict: bool) -> None:
    story = (
        "At Kestrel Pay I owned checkout latency. The card form called three services one "
        "after another, so I made the calls run side by side and cached the merchant config. "
        "Morning-peak p99 went from 800 milliseconds to {end} milliseconds."
    )
    reported("number", story.format(end="180"), story.format(end=end), conflict)
