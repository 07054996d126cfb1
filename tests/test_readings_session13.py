"""Readings added in session 13, each in our own sentences, both ways.

When: a month with its year opening a terse telling ('March 2021.'), holidays with no
fixed month (Easter, New Year), a heatwave, and the start of the Covid pandemic date a
story; two tellings that date one story to times of year apart contradict, and seasons
or weather are only a check where the story is told south of the equator.

What became of the change: rolled out to the other sites, still how it is done, became
the standard; against the pilot ended, back to the old way, never went further. One
telling saying each is an outcome contradiction; a telling saying both says nothing."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice

from scoring.document import as_document
from scoring.ending import adoption
from scoring.seasons import arc, gap

FREEZER = (
    "{when} I was the duty manager at the Castleford cold store when the blast freezer's "
    "compressor tripped at two in the morning with 38 pallets of fish inside. The "
    "engineer's phone was off, so I moved the pallets to the two reserve chambers with "
    "the night crew, logged the core temperatures every thirty minutes and called the "
    "compressor supplier's emergency line myself. Not one pallet went above minus 15 "
    "degrees, and the customer never lost a delivery slot."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("March 2021.", "It was over the Christmas rush.", True),
        ("It was the week before Easter.", "It was in the run-up to Christmas.", True),
        ("Just after New Year, it was freezing outside.", "That was during the heatwave.", True),
        ("It was in the summer of 2021.", "It was a few weeks into the first lockdown.", True),
        # One time of year said two ways: no conflict.
        ("March 2021.", "It was the week before Easter.", False),
        ("It was the Christmas rush.", "It was in December, the busiest month.", False),
        ("It was in the spring of 2020.", "It was the first lockdown.", False),
        # Months next to each other stay apart from a loose season only a month clear.
        ("It was in the summer.", "It was in September.", False),
    ],
)
def test_times_of_year_apart_contradict(first: str, second: str, conflict: bool) -> None:
    reported("date", FREEZER.format(when=first), FREEZER.format(when=second), conflict)


def test_seasons_south_of_the_equator_are_only_checked() -> None:
    south = FREEZER.replace("Castleford", "Melbourne")
    result = told_twice(
        south.format(when="It was the Christmas rush."),
        south.format(when="It was during the heatwave."),
    )
    assert not [c for c in result.contradictions if c.kind == "date"]
    assert [c for c in result.checks if c.kind == "date"]


def test_the_calendar_wraps_at_the_year_end() -> None:
    assert arc(frozenset({12, 1})) == 2
    assert gap(frozenset({12}), frozenset({2})) == 1
    assert gap(frozenset({11, 12}), frozenset({1})) == 0


ROTA = (
    "I run the front desk at the Lindenhof hotel, one of five in the group. Guests waited "
    "up to twenty minutes to check in on Friday evenings, because every arrival came "
    "between five and seven. I proposed sending a pre-arrival form the day before, so keys "
    "were cut before the guest walked in, and I piloted it for six weeks. The Friday wait "
    "fell to about four minutes. {after}"
)


@pytest.mark.parametrize(
    ("after", "value"),
    [
        ("After the pilot we rolled it out to the other four hotels.", "kept"),
        ("It is still how every arrival is handled today.", "kept"),
        ("The group later went back to the old check-in desk routine.", "reverted"),
        ("Head office ended the pilot after the summer.", "reverted"),
        ("Within a month the desk had drifted back to the old way of doing it.", "reverted"),
        # Both: a change reverted once and brought back says nothing.
        ("We went back to the old routine for a week, then rolled it out to all five.", None),
        # A condition or a lesson is not what happened.
        ("If it had failed we would have gone back to the old routine.", None),
        ("The guests liked it.", None),
    ],
)
def test_what_became_of_the_change(after: str, value: str | None) -> None:
    text = ROTA.format(after=after)
    read = adoption(text, as_document(text).sentences)
    assert (read[0] if read else None) == value


def test_kept_against_reverted_is_an_outcome_contradiction() -> None:
    kept = ROTA.format(after="After the pilot we rolled it out to the other four hotels.")
    ended = ROTA.format(after="Head office ended the pilot, and it never went any further.")
    result = told_twice(kept, ended)
    assert [c.kind for c in result.contradictions] == ["outcome"]
    assert not told_twice(kept, kept).contradictions


SORTER = (
    "{where} The baggage sorter at the terminal stopped at dawn with the "
    "first wave of departures checking in. I was the duty manager on the ramp. I split the "
    "hall into four manual chutes by airline, put two loaders on each and had bags tagged "
    "by hand for the first flights. {extra}All fourteen morning flights left with "
    "their bags, and the longest delay was eleven minutes."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # A terse telling opening on an employer whose name says it is one.
        ("Calloway Handling, Manchester.", "Brightwing Aviation, Manchester.", True),
        ("Calloway Handling, Manchester.", "Calloway Handling, Manchester.", False),
        # A place one telling reads as an employer and both tellings name is no conflict.
        (
            "I worked at Birmingham for Skylane Handling.",
            "At Skylane Handling we ran the Birmingham ramp.",
            False,
        ),
    ],
)
def test_employers_said_at_the_opening_and_places_both_name(
    first: str, second: str, conflict: bool
) -> None:
    reported(
        "company",
        SORTER.format(where=first, extra=""),
        SORTER.format(where=second, extra=""),
        conflict,
    )


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "Our team was five people. ",
            "With just the three of us on the ramp, it was hard. ",
            True,
        ),
        ("Our team was five people. ", "All five of us worked the chutes. ", False),
        # 'The two of us' may be two of the team: not its size.
        ("Our team was five people. ", "The two of us walked the belts first. ", False),
    ],
)
def test_just_the_n_of_us_is_the_size_of_the_group(first: str, second: str, conflict: bool) -> None:
    reported(
        "team",
        SORTER.format(where="", extra=first),
        SORTER.format(where="", extra=second),
        conflict,
    )


PUMP = (
    "The booster pump at Tower B failed in the typhoon, and floors twelve to twenty-four had "
    "no water. {who} I found a spare motor at the supplier's warehouse, sent our van for it "
    "and had it fitted on the third morning; meanwhile we ran water tankers for the upper "
    "floors."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "I am the assistant property manager for the tower.",
            "I asked Joel, the assistant property manager under me, to run the tankers.",
            True,
        ),
        (
            "I was the shift supervisor that night.",
            "I called Dana, our shift supervisor, and she agreed.",
            True,
        ),
        (
            "I was the duty engineer that night.",
            "I asked my two duty engineers to check the risers.",
            True,
        ),
        # Another title, or one word only, or both said in one telling: no conflict.
        (
            "I am the assistant property manager for the tower.",
            "I asked Joel, the maintenance supervisor under me, to run the tankers.",
            False,
        ),
        ("I was the manager on call.", "I rang my manager, Deepa, at once.", False),
        (
            "I was the shift supervisor that night.",
            "I was the shift supervisor, and Dana, our shift supervisor on days, agreed.",
            False,
        ),
    ],
)
def test_a_title_the_other_telling_gives_someone_above_or_below(
    first: str, second: str, conflict: bool
) -> None:
    reported("role", PUMP.format(who=first), PUMP.format(who=second), conflict)


DRAIN = (
    "I was site engineer on a 48-house scheme in Milton Keynes. {client} The new foul drain "
    "clashed with a water main nobody had charted, so I stopped the dig on that run, had "
    "the utility trace the main and redesigned the drain to pass under it. The redesign "
    "was approved in two days and we lost no plots."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("Our client was Greenfield Homes.", "It was Ashdown Homes' development.", True),
        ("Our client was Greenfield Homes.", "Greenfield Homes owned the site.", False),
        # A story with two such organisations in one telling names both: no conflict.
        (
            "Our client was Greenfield Homes.",
            "Greenfield Homes bought the land from Ashdown Homes.",
            False,
        ),
        # Organisations of different kinds are not one name said two ways.
        ("Our client was Greenfield Homes.", "Pennant Bank funded the scheme.", False),
    ],
)
def test_one_kind_of_organisation_named_differently(
    first: str, second: str, conflict: bool
) -> None:
    reported("company", DRAIN.format(client=first), DRAIN.format(client=second), conflict)


FORM = (
    "I looked after fourteen buildings for Harbourview Lettings, and repair requests came in "
    "by phone and got lost. {who} We ran it in two buildings for three months, and the time "
    "to close a repair fell from nine days to four."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # The other side's claim is about something else in the story: still a conflict.
        (
            "I decided to pilot a plain web form.",
            "Our director, Paul, decided we should pilot something simple. I chose the two "
            "buildings where the web form would go first.",
            True,
        ),
        # The other side's claim is about the very thing: the telling says both.
        (
            "I decided to pilot a plain web form.",
            "Our director, Paul, decided we should pilot something simple. I decided the "
            "pilot would start in May.",
            False,
        ),
    ],
)
def test_who_decided_the_contested_thing(first: str, second: str, conflict: bool) -> None:
    reported("agency", FORM.format(who=first), FORM.format(who=second), conflict)


@pytest.mark.parametrize(
    "opening",
    [
        "In Patas & Cia, in Belo Horizonte, I am practice manager.",
        "In 2023 I was working as practice manager at Patas & Cia, Belo Horizonte.",
        "Also in 2023, in the busy spring season, in Patas & Cia, Belo Horizonte - I was "
        "practice manager.",
    ],
)
def test_places_stacked_in_the_opening_are_the_setting_not_the_story(opening: str) -> None:
    # Two different stories from one clinic share its name and its city, which the
    # opening stacks: that is where the candidate works, not which story this is.
    records = (
        f"{opening} After we moved our records to VetCloud, vaccine reminders fell from "
        "300 a month to 90. I compared the old export with the new system, found the "
        "migration had dropped the due dates, and re-imported them myself."
    )
    booking = (
        f"{opening} Clients booking online kept picking a vaccine slot for a sick pet, "
        "because it was first in the list. I reordered the list and added one question "
        "about symptoms; wrong bookings fell from twenty a week to three."
    )
    assert not told_twice(records, booking).reused


CHANGEOVER = (
    "I ran the packing line at Dunmore Foods. Changeovers between pack sizes {change} I "
    "made a kit trolley for each size and had the crew prepare it while the last run "
    "finished."
)


@pytest.mark.parametrize(
    ("said", "conflict"),
    [
        ("took about forty minutes, and with the trolleys we halved that.", True),
        ("took about forty minutes, and with the trolleys we cut that to a quarter.", False),
        ("took about forty minutes, and with the trolleys they doubled.", True),
    ],
)
def test_a_change_told_as_a_factor_of_its_start(said: str, conflict: bool) -> None:
    ends = CHANGEOVER.format(
        change="went from about forty minutes to ten minutes with the trolleys."
    )
    reported("number", ends, CHANGEOVER.format(change=said), conflict)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("It was December 2019.", "It was just after the travel restrictions had lifted.", True),
        ("It was in 2022.", "It was just after the travel restrictions had lifted.", False),
        ("It was in 2021.", "It was before Covid, on a normal winter night.", True),
        ("It was in 2018.", "It was before Covid, on a normal winter night.", False),
    ],
)
def test_the_pandemic_as_a_bound_on_the_year(first: str, second: str, conflict: bool) -> None:
    reported("date", FREEZER.format(when=first), FREEZER.format(when=second), conflict)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("I was the watch manager of Blue Watch.", "I was the station manager.", True),
        # One title said two ways: hyphens, a word shortened, a word left out.
        ("I was the front-office manager.", "I was the front office manager.", False),
        ("I was the regional operations manager.", "I was regional ops manager.", False),
        ("I was the night duty manager.", "I was the duty manager.", False),
    ],
)
def test_two_titles_of_one_head_given_to_the_candidate(
    first: str, second: str, conflict: bool
) -> None:
    reported("role", PUMP.format(who=first), PUMP.format(who=second), conflict)


def test_shared_figures_are_shown_without_the_word_after_them() -> None:
    told = (
        "At Loomwell I tested a fit note on 140 dress pages. Returns on them went from 31 "
        "percent to 22 percent, while the control stayed around 31 the whole time, and "
        "finance put the saving at 210 thousand pounds a year."
    )
    again = (
        "On 140 dress pages at Loomwell we showed a fit note. The control stayed around 31 "
        "the whole time and the test group fell to 22 percent, about 210 thousand pounds "
        "a year."
    )
    [reuse] = told_twice(told, again).reused
    assert "31" in reuse.evidence
    assert not [e for e in reuse.evidence if e.split()[-1] in ("the", "to", "was")]
