"""Readings added in session 14, each in our own sentences, both ways.

The size of the candidate's own group, said without a number: the members listed by name
with the candidate among them, where the sentence says they were all of it ('Ines, Bruno
and I, which was the whole desk'); 'there were four of us'; 'I was one of nine
planners in the office'. Two tellings of one story giving the group two sizes is a team
contradiction. A list of names with no such words is only who was there."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice

from scoring.facts import changes_apart, stated_figures

KILN = (
    "At Corbridge Ceramics the tunnel kiln kept cracking about one plate in twelve on the "
    "night firing. {crew} I logged the car positions against the thermocouple readings for "
    "two weeks and found the cracks all came from the third car, which sat by a failed "
    "burner. We swapped the burner, moved the cooling fan, and within a month cracked "
    "plates were down to one in a hundred, which saved the glaze line about 400 plates a "
    "week."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "Our kiln crew was six people.",
            "Ines, Bruno and I, which was the whole crew, split the nights.",
            True,
        ),
        (
            "There were five of us on the kiln crew.",
            "The whole crew, which was Ines, Bruno, Tomasz and me, split the nights.",
            True,
        ),
        (
            "I was one of nine operators in the kiln crew.",
            "It was just the four of us on nights.",
            True,
        ),
        # The same group, counted by name and by number: no conflict.
        (
            "There were three of us on the kiln crew.",
            "Ines, Bruno and I, which was the whole crew, split the nights.",
            False,
        ),
        # Names with nothing saying they were the whole group: a few of a larger crew.
        (
            "Our kiln crew was six people.",
            "Ines, Bruno and I stayed late to split the nights.",
            False,
        ),
        # A group named in two words, or counted without 'the'.
        (
            "I was one of eight operators on the night kiln crew.",
            "Our night kiln crew was five people.",
            True,
        ),
        ("Our night kiln crew was five people.", "It was just three of us on the crew.", True),
        ("I was one of five operators on the night kiln crew.", "Our crew was five people.", False),
    ],
)
def test_the_size_of_ones_group_said_by_name_or_from_inside(
    first: str, second: str, conflict: bool
) -> None:
    reported("team", KILN.format(crew=first), KILN.format(crew=second), conflict)


ROTA = (
    "At Pellworth Buses the drivers' rota was drawn up by hand every Sunday and drivers "
    "swapped shifts by text, so about six buses a week left late. {who} We moved the swaps "
    "into a shared sheet with a lock at Friday noon, I trained the eleven duty managers, and "
    "late departures fell to one a fortnight. {after}"
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "The sheet is running depot-wide now.",
            "Even so, the trial was cancelled at the end of the six months.",
            True,
        ),
        ("The sheet is running depot-wide now.", "It is in use across every depot.", False),
    ],
)
def test_a_change_in_use_everywhere_against_one_ended(
    first: str, second: str, conflict: bool
) -> None:
    reported(
        "outcome", ROTA.format(who="", after=first), ROTA.format(who="", after=second), conflict
    )


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # A title's full stop ends no clause: Mr. Adeyemi is who made the call.
        ("So I decide: we move the swaps.", "Mr. Adeyemi, our depot manager, made the call.", True),
        ("It was my idea to move the swaps.", "Olu came to me with his idea of the swaps.", True),
        ("It was my idea to move the swaps.", "Olu brought the idea of the swaps back.", True),
        # 'Like it was mine' compares; it claims nothing, so Olu's idea is not taken back.
        (
            "It was my idea to move the swaps.",
            "Olu came to me with his idea of the swaps, and I defended it like it was mine.",
            True,
        ),
        ("It was my idea to move the swaps.", "The idea of the swaps was mine.", False),
        # The present for the past, as many non-native speakers tell a story.
        (
            "So I make the decision to move the swaps.",
            "My manager Olu decide to move the swaps.",
            True,
        ),
        ("So I make the decision to move the swaps.", "I decide to move the swaps.", False),
    ],
)
def test_who_decided_and_whose_idea_said_in_passing(
    first: str, second: str, conflict: bool
) -> None:
    reported(
        "agency", ROTA.format(who=first, after=""), ROTA.format(who=second, after=""), conflict
    )


@pytest.mark.parametrize(
    ("first", "second", "kind", "conflict"),
    [
        ("It was in March 2021.", "A few months before anyone had heard of Covid.", "date", True),
        ("It was in March 2019.", "A few months before anyone had heard of Covid.", "date", False),
        (
            "The sheet is running depot-wide now.",
            "By spring the managers were back on the old paper rota.",
            "outcome",
            True,
        ),
    ],
)
def test_a_date_bounded_by_covid_and_a_return_to_the_old_way(
    first: str, second: str, kind: str, conflict: bool
) -> None:
    reported(kind, ROTA.format(who=first, after=""), ROTA.format(who=second, after=""), conflict)


NORTH = (
    "Right, so, Brackwater Quarry, two pits, North and South, and I was a senior mine "
    "planner there. This is 2019, in North Pit. Haul cycle time was the number everyone "
    "watched, and North Pit's average cycle was about thirty-one minutes. Everybody was "
    "tweaking shift changes and operator behaviour, shaving seconds, but I kept looking at "
    "the main ramp, which had a ten percent grade and a tight switchback where loaded "
    "trucks crawled. You can't just fix a ramp, it's cut into the wall, but we had a "
    "pushback planned for the next year anyway. So I argued we design the pushback around "
    "the haul road: eight percent grade, no switchback, wide enough for two-way traffic. "
    "It cost about four million tonnes of extra waste, a hard sell, and the geotechs were "
    "nervous about the east wall, so we went back and forth on berm widths for weeks. I "
    "modelled it over the life of the pit, which is what got it over the line. When the "
    "new ramp opened, North Pit cycle time dropped from thirty-one to about twenty-seven "
    "minutes."
)
SOUTH = (
    "Okay, frugality. Still Brackwater Quarry, but this is South Pit, in 2021, and I was "
    "still a senior mine planner. Cycle time again, because at a quarry it's always cycle "
    "time. South Pit's average cycle was sitting around {before} minutes, mostly because "
    "the waste dumps were outside the pit and some were a long drive out. The request on "
    "my desk was for four more haul trucks at several million dollars each. Before signing "
    "that, I looked at where the trucks actually went: dispatch sent waste to the big north "
    "dump by default, though an in-pit backfill area in the mined-out eastern end, much "
    "closer, had been approved and was barely used, because nobody wanted to chase the "
    "sign-off for each lift. So I chased it, got a standing approval for the first three "
    "lifts, and changed the dump allocation so the backfill fills first. That took South "
    "Pit's cycle time from about {before} minutes to about {after}, and we cut the truck "
    "request to one, and later to none. Fuel went down too. Nothing bought."
)


def test_two_changes_of_one_measure_apart_at_both_ends_are_two_stories() -> None:
    """One planner, one quarry, one metric, two pits and two years: the cycle moved from
    31 to 27 minutes in one and from 38 to 33 in the other. Not one story retold."""
    second = SOUTH.format(before="thirty-eight", after="thirty-three")
    assert not told_twice(NORTH, second).reused


def test_reuse_evidence_quotes_a_number_said_in_words_whole() -> None:
    """'Twenty-two minutes' is shown as said, never as 'twenty' or 'two minutes'."""
    story = (
        "At Fenwick Home Supplies I was the assistant store manager. Customers collecting "
        "online orders waited about twenty-two minutes at the service desk, because staff "
        "walked to the back room for every order. I moved the pickup shelving by the front "
        "door, sorted by surname, and the wait fell to about {after} minutes."
    )
    result = told_twice(story.format(after="four"), story.format(after="five"))
    assert result.reused
    evidence = result.reused[0].evidence
    assert not any(e.strip().lower() in ("twenty", "two minutes") for e in evidence), evidence


@pytest.mark.parametrize(
    ("before", "after", "apart"),
    [
        ("thirty-eight", "thirty-three", True),  # both ends elsewhere: another change
        ("thirty-one", "nineteen", False),  # the start agrees: one change, a slipped end
        ("thirty-one", "twenty-seven", False),  # the same change told twice
    ],
)
def test_changes_apart_at_both_ends(before: str, after: str, apart: bool) -> None:
    second = SOUTH.format(before=before, after=after)
    assert changes_apart(stated_figures(NORTH), stated_figures(second)) is apart


DISPUTES = (
    "{where} Agents kept disputing their commission checks, about five disputes a month. I "
    "pulled every disputed check from the last six months, 31 of them, and recalculated each "
    "by hand: 22 were our error, all from the annual cap logic. I fixed the calculation, "
    "wrote a test for each split plan, and we paid back about 14,000 dollars. {after}"
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "Larkspur Realty. I ran the back-office systems.",
            "At my previous brokerage, before I joined Larkspur, I ran the back office.",
            True,
        ),
        # Joining the employer after the story, in both tellings: no conflict.
        (
            "At my previous brokerage, before I joined Larkspur, I ran the back office.",
            "This was at Quillby Homes, before I joined Larkspur.",
            False,
        ),
    ],
)
def test_a_story_set_before_joining_the_employer_the_other_names(
    first: str, second: str, conflict: bool
) -> None:
    reported(
        "company",
        DISPUTES.format(where=first, after=""),
        DISPUTES.format(where=second, after=""),
        conflict,
    )


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "It is still what the agents see today.",
            "The office went back to printed statements the next spring.",
            True,
        ),
        (
            "It is still what the agents see today.",
            "It became the standard for every office.",
            False,
        ),
    ],
)
def test_still_what_is_used_against_back_to_the_printed_way(
    first: str, second: str, conflict: bool
) -> None:
    reported(
        "outcome",
        DISPUTES.format(where="", after=first),
        DISPUTES.format(where="", after=second),
        conflict,
    )


CRUISE = (
    "On the Aegean cruise the Mykonos call was cancelled for wind at seven in the morning, "
    "and I was the guest services manager. {crowd} I opened two pop-up desks, one in the "
    "theatre for excursions and one in the card room for independent tours, and asked the "
    "excursions office to refund tickets on the spot. By noon the queue was gone, and only "
    "12 complaints were escalated from that cruise."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # The team, against the crowd in the queue: two different counts of people.
        (
            "Within an hour the queue at the desk was long, and I had eight agents on the desk.",
            "By eight, the 600 or so people in the atrium were split into three shorter lines.",
            False,
        ),
        (
            "Within an hour the queue at the desk was long, and I had eight agents on the desk.",
            "Within an hour the queue at the desk was long, and I had my three agents there.",
            True,
        ),
    ],
)
def test_the_team_is_not_counted_against_a_crowd(first: str, second: str, conflict: bool) -> None:
    result = told_twice(CRUISE.format(crowd=first), CRUISE.format(crowd=second))
    assert result.reused
    assert bool(result.contradictions) is conflict, [c.detail for c in result.contradictions]


BILLING = (
    "Our nightly billing batch made bills for about 85,000 accounts, and nobody owned it "
    "after the contractor who built it left. {problem} I read the code and the job logs, "
    "wrote down what each step did, and added checks at the end of every run that text whoever "
    "is on call, with a runbook link. {ending}"
)


@pytest.mark.parametrize(
    ("problem", "ending", "conflict"),
    [
        # How often the problem struck is not how the story ended.
        (
            "It failed silently around six times a month.",
            "Over the next quarter the silent failures went to zero.",
            False,
        ),
        (
            "Bills were sometimes late.",
            "It failed: the board scrapped the checks a month later and went back to the old way.",
            True,
        ),
    ],
)
def test_a_failure_said_with_how_often_it_struck_is_the_problem(
    problem: str, ending: str, conflict: bool
) -> None:
    first = BILLING.format(
        problem="Bills were sometimes late.",
        ending="Over the next quarter the silent failures went to zero, and it worked.",
    )
    reported("outcome", first, BILLING.format(problem=problem, ending=ending), conflict)
