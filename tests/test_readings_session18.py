"""Readings added in session 18, each in our own sentences, both ways.

A result followed by where it came from ('three stoppages, down from eleven') is where the
change ended; and a number may stand two words before the plural it counts ('eleven
unplanned conveyor stoppages' counts stoppages)."""

from __future__ import annotations

import pytest
from two_tellings import reported

from scoring.document import Document
from scoring.facts import extract_facts

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
