"""Readings added in session 14, each in our own sentences, both ways.

The size of the candidate's own group, said without a number: the members listed by name
with the candidate among them, where the sentence says they were all of it ('Ines, Bruno
and I, which was the whole desk'); 'there were four of us'; 'I was one of nine
planners in the office'. Two tellings of one story giving the group two sizes is a team
contradiction. A list of names with no such words is only who was there."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop


def _loop(first: str, second: str):  # type: ignore[no-untyped-def]
    return analyze_loop([AnswerInput(1, "ownership", first), AnswerInput(2, "dive-deep", second)])


def _reported(kind: str, first: str, second: str, conflict: bool) -> None:
    """The two tellings are one story, and a contradiction of ``kind`` is shown between
    them exactly when ``conflict``."""
    result = _loop(first, second)
    assert result.reused
    kinds = [c.kind for c in result.contradictions]
    assert (kind in kinds) is conflict, [c.detail for c in result.contradictions]


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
    ],
)
def test_the_size_of_ones_group_said_by_name_or_from_inside(
    first: str, second: str, conflict: bool
) -> None:
    _reported("team", KILN.format(crew=first), KILN.format(crew=second), conflict)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "I was one of eight operators on the night kiln crew.",
            "Our night kiln crew was five people.",
            True,
        ),
        ("Our night kiln crew was five people.", "It was just three of us on the crew.", True),
        ("I was one of five operators on the night kiln crew.", "Our crew was five people.", False),
    ],
)
def test_a_group_named_in_two_words_or_counted_without_the(
    first: str, second: str, conflict: bool
) -> None:
    _reported("team", KILN.format(crew=first), KILN.format(crew=second), conflict)


ROTA = (
    "At Pellworth Buses the drivers' rota was drawn up by hand every Sunday and drivers "
    "swapped shifts by text, so about six buses a week left late. {who} We moved the swaps "
    "into a shared sheet with a lock at Friday noon, I trained the eleven duty managers, and "
    "late departures fell to one a fortnight. {after}"
)


@pytest.mark.parametrize(
    ("first", "second", "kind", "conflict"),
    [
        # The present for the past, as many non-native speakers tell a story.
        ("So I make the decision to move the swaps.", "My manager Olu decide to move the swaps.",
         "agency", True),
        ("So I make the decision to move the swaps.", "I decide to move the swaps.", "agency",
         False),
    ],
)  # fmt: skip
def test_who_decided_said_in_the_present(
    first: str, second: str, kind: str, conflict: bool
) -> None:
    _reported(kind, ROTA.format(who=first, after=""), ROTA.format(who=second, after=""), conflict)


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
    _reported(
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
    ],
)
def test_whose_idea_said_in_passing(first: str, second: str, conflict: bool) -> None:
    _reported(
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
    _reported(kind, ROTA.format(who=first, after=""), ROTA.format(who=second, after=""), conflict)
