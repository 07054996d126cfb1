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
