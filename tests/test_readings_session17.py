"""Readings added in session 17, each in our own sentences, both ways.

The size of the candidate's group said with no noun after it ('a team of four: two
developers, an analyst and a tester'), with where or when in between ('my team on that
shift was fourteen people'), or as the candidate and the others ('me and the two other
nurses on my team'); whose idea it was, said with the pronoun first ('that was her idea');
a role said with when in between ('I was at that time one of the junior engineers') or as
a named colleague leading ('Marek was leading it'); and what became of a change, said as
adopted 'for all', or as staying only in the pilot while the rest kept the old way."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice, what_became

from scoring.document import Document
from scoring.ending import KEPT, REVERTED
from scoring.facts import extract_facts
from scoring.similarity import specifics

LAB = (
    "At Fernhill Pathology we replaced the sample-tracking system, which lost about forty "
    "tubes a month between reception and the analysers. {said} We put a barcode on every rack, "
    "added a scan at each bench, and ran the old and new systems side by side for three weeks. "
    "Lost tubes fell to two a month, and the lab manager stopped the weekly hunt for missing "
    "samples."
)


@pytest.mark.parametrize(
    ("kind", "first", "second", "conflict"),
    [
        # The size of the team, said bare, with a place between, or as me and the others.
        (
            "team",
            "I led a team of four: two developers, an analyst and a tester.",
            "I had a team of nine people for it.",
            True,
        ),
        (
            "team",
            "I led a team of four: two developers, an analyst and a tester.",
            "I had a team of four people for it.",
            False,
        ),
        (
            "team",
            "I had a team of six technicians.",
            "My team on that shift was eleven people.",
            True,
        ),
        (
            "team",
            "I had a team of six technicians.",
            "My team on that shift was six people.",
            False,
        ),
        (
            "team",
            "I had a team of five technicians.",
            "Me and the two other technicians on my team did the scanning.",
            True,
        ),
        # Without 'the', the candidate and two others may be a few of a larger team.
        (
            "team",
            "I had a team of five technicians.",
            "Me and two other technicians on my team did the scanning.",
            False,
        ),
        # Whose idea, said with the pronoun first.
        (
            "agency",
            "The barcode idea was mine; I had seen it at my last lab.",
            "That was her idea, not mine: our lab manager, Ruth, had seen it at a conference.",
            True,
        ),
        (
            "agency",
            "The barcode idea was mine; I had seen it at my last lab.",
            "It was my idea, and Ruth backed it.",
            False,
        ),
        # The role, with when said between, or a named colleague leading.
        (
            "role",
            "I was the lead engineer on it.",
            "I was at that time one of the junior engineers on it.",
            True,
        ),
        (
            "role",
            "I was the lead engineer on it.",
            "Marek Novak was leading it, and my part was the scanning.",
            True,
        ),
        (
            "role",
            "I was one of the junior engineers on it.",
            "I was in that time one of the junior engineers on it.",
            False,
        ),
        (
            "role",
            "I was the senior developer on the lab systems team.",
            "I was a junior web producer then, eight months in.",
            True,
        ),
    ],
)
def test_one_lab_story_told_twice(kind: str, first: str, second: str, conflict: bool) -> None:
    reported(kind, LAB.format(said=first), LAB.format(said=second), conflict)


def test_we_were_leading_it_is_no_one_elses_lead() -> None:
    said = Document(LAB.format(said="I was the lead engineer, and we were leading the project."))
    roles = {f.value for f in extract_facts(said).facts if f.kind == "role"}
    assert "member" not in roles


def became(end: str) -> str | None:
    return what_became(LAB.format(said="I proposed the change.") + " " + end)


@pytest.mark.parametrize(
    ("end", "reading"),
    [
        ("After the pilot the change was adopted for all the labs.", KEPT),
        ("The change stayed only in the two pilot labs.", REVERTED),
        ("The director decided to keep the old system for the rest of the network.", REVERTED),
        ("Next quarter we rolled the same racks and bench scanners out to both other labs.", KEPT),
        ("We launched it in all four of our labs by June.", KEPT),
        ("Honestly, it never went beyond that.", REVERTED),
        ("The wider rollout to the other three labs was shelved when funding slipped.", REVERTED),
        # Keeping the old analysers while the new tracking spread is not a reversal.
        ("We kept the old analysers, which still work well.", None),
    ],
)
def test_what_became_of_the_change(end: str, reading: str | None) -> None:
    assert became(end) == reading


@pytest.mark.parametrize(
    ("said", "share"),
    [
        ("Only four orders in a hundred were late.", 4.0),
        ("Roughly one delivery in twelve was still late.", 100 / 12),
        ("Three trucks in every five were late.", 60.0),
    ],
)
def test_a_ratio_with_its_noun_between_is_a_share(said: str, share: float) -> None:
    (figure,) = extract_facts(said).figures
    assert figure.family == "percent"
    assert figure.value == pytest.approx(share)


def test_two_numbers_with_their_own_nouns_are_no_ratio() -> None:
    figures = extract_facts("We had two people in ten teams.").figures
    assert [f.family for f in figures] == ["count", "count"]


ROUNDS = (
    "At Larchfield Grocers I ran the evening delivery shift. Frozen orders kept arriving "
    "thawed because vans left in the order the tickets printed. I re-sorted loading by "
    "postcode and put the freezer bags in last. {result}"
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # Lateness and on time are one measure, each the other's complement.
        (
            "By March about 4% of orders were late.",
            "By March on-time was around 96 percent.",
            False,
        ),
        (
            "By March about 4% of orders were late.",
            "By March only four orders in a hundred were late.",
            False,
        ),
        (
            "By March about 4% of orders were late.",
            "By March one delivery in twelve was still late.",
            True,
        ),
    ],
)
def test_late_and_on_time_are_one_measure(first: str, second: str, conflict: bool) -> None:
    reported("number", ROUNDS.format(result=first), ROUNDS.format(result=second), conflict)


CLOSURE = (
    "At Grey Fell ski area I was the lift operations lead. One January morning the forecast said "
    "gusts of sixty on the upper ridge by early afternoon, and I decided to close the ridge chair "
    "at half eleven rather than wait for the wind to arrive. We swept the summit, got everyone "
    "down and handed out 400 food vouchers to guests who were annoyed."
)
CLOSURE_FOR_PATROL = (
    "Earning trust with ski patrol is the one I would pick. Patrol {habit} heard about lift "
    "closures on the radio, after the fact, and they hated being the last to know. So this time, "
    "when the forecast showed big gusts coming for the upper ridge in the early afternoon, I "
    "walked up to the patrol hut myself before anything was announced, told them the plan and "
    "asked what they needed. They did the summit sweep with us, the guests took the 400 food "
    "vouchers with good grace, and patrol has asked to be told first ever since."
)


def test_this_time_against_a_habit_is_no_earlier_event() -> None:
    assert told_twice(CLOSURE, CLOSURE_FOR_PATROL.format(habit="usually")).reused
    # Without the habit, 'this time' points back to an earlier closure: another event.
    assert not told_twice(CLOSURE, CLOSURE_FOR_PATROL.format(habit="had")).reused


TRAINING = (
    "At Saltire Air I ran cabin-crew training. Recurrent training took two full days and "
    "crews dreaded it. {idea} We moved theory to short videos at home and kept the classroom "
    "for drills. Training dropped to a day and a half, and the door drill went from 14 "
    "seconds to 9."
)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "I suggested we flip it.",
            "Our head of training, Priya, came back from a course with the idea of flipping it.",
            True,
        ),
        (
            "I came up with the idea of flipped training.",
            "Priya came back from a conference where she had seen flipped training elsewhere.",
            True,
        ),
        # A doubled consonant: 'planning' and 'plan' name one thing, claimed by both.
        (
            "It was my idea to start planning drills by crew.",
            "Our head of training, Priya, had the idea to plan them.",
            True,
        ),
        (
            "I suggested we flip it.",
            "I came back from a conference with the idea of flipping it.",
            False,
        ),
    ],
)
def test_an_idea_brought_back_from_elsewhere(first: str, second: str, conflict: bool) -> None:
    reported("agency", TRAINING.format(idea=first), TRAINING.format(idea=second), conflict)


@pytest.mark.parametrize(
    ("said", "role"),
    [
        # A meeting about the budget says when, not a limit.
        ("By the budget meeting the scrap rate was down to eleven percent.", "after"),
        ("The budget was eleven percent of sales.", "target"),
        ("By December our average was three and a half hours.", "after"),
    ],
)
def test_when_a_figure_was_read(said: str, role: str) -> None:
    (figure,) = extract_facts(said).figures
    assert figure.role == role


@pytest.mark.parametrize(
    ("said", "months"),
    [
        (
            "Every shipment needed a temperature record, deadline 1 March. We went live early.",
            set(),
        ),
        ("It was due by the end of June, and we made it.", set()),
        ("Went live 14 February, two weeks early.", {"February"}),
        ("In March the line broke twice.", {"March"}),
    ],
)
def test_a_month_said_as_a_deadline_is_not_the_month_of_the_event(
    said: str, months: set[str]
) -> None:
    """Two tellings dated to different months are two events unless much else matches;
    the month work was due by is not when the story happened."""
    assert set(specifics(said).months) == months


BACKLOG = (
    "{opening} Returns backlog hit 14k units after Black Friday. Not my KPI, but I took it: "
    "borrowed six pickers, set up two extra grading stations, cleared it in nine days."
)


@pytest.mark.parametrize(
    ("opening", "conflict"),
    [
        ("Warehouse ops, night shift, returns team.", True),
        ("Warehouse ops, night shift, outbound team.", False),
        # A filler opening a sentence names nobody's team.
        ("So, um, the returns team.", False),
    ],
)
def test_a_team_named_in_a_notes_style_opening(opening: str, conflict: bool) -> None:
    reported(
        "team",
        BACKLOG.format(opening=opening),
        BACKLOG.format(opening="I was a shift manager on the outbound team at the time."),
        conflict,
    )


def test_a_target_set_after_a_colon_is_a_target() -> None:
    said = "I agreed the target with the district: 95 percent on time before the winter break."
    (figure,) = extract_facts(said).figures
    assert figure.role == "target"


def test_a_long_sentence_is_not_read_as_later_from_the_text_before_it() -> None:
    """'Eventually' two sentences back does not make this sentence's figure a later one."""
    said = (
        "Eventually we rebuilt the whole pricing service. So the first release fixed the cache "
        "stampede, staggering the refresh and serving the old rates until the new ones were "
        "ready for every market we had, and after that first release p99 came down to about "
        "450 milliseconds."
    )
    (figure,) = [f for f in extract_facts(said).figures if f.family == "time"]
    assert figure.when is None
