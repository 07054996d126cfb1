"""Who reported to whom, said with one named person (scoring/position.py
``reporting_lines``): a retelling that puts the candidate above that person in one round
and below them in another contradicts itself about the role. Our own sentences."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop
from scoring.position import ABOVE, BELOW, reporting_lines

ABOVE_TELLING = (
    "I was running the fit-out of a dental clinic in a converted bank. Two weeks in we found "
    "the floor drains had been cut forty millimetres off the drawings. The site foreman, "
    "Imran, reported to me, and he wanted to break the slab out and start again. I checked "
    "the fall with a laser level and showed him a shorter channel would work. We poured it "
    "that Friday and the clinic opened on its date."
)
BELOW_TELLING = (
    "On the dental clinic fit-out in the old bank building, I was the assistant site "
    "manager, reporting to the foreman, Imran. The floor drains turned out to be forty "
    "millimetres off the drawings. I checked the fall with a laser level and suggested a "
    "shorter channel instead of breaking the slab out. We poured it on the Friday and the "
    "clinic opened on time."
)


@pytest.mark.parametrize("swap", [False, True])
def test_above_and_below_one_named_person_is_a_role_contradiction(swap: bool) -> None:
    first, second = (BELOW_TELLING, ABOVE_TELLING) if swap else (ABOVE_TELLING, BELOW_TELLING)
    result = analyze_loop([AnswerInput(1, "ownership", first), AnswerInput(2, "dive-deep", second)])
    assert result.reused
    roles = [c for c in result.contradictions if c.kind == "role"]
    assert roles, [c.detail for c in result.contradictions]
    said = " ".join(s.sentence for s in roles[0].statements)
    assert "reported to me" in said and "reporting to the foreman" in said


def test_the_same_line_told_twice_is_not() -> None:
    again = BELOW_TELLING.replace("the assistant site manager, reporting to the foreman, Imran",
                                  "the site manager, with Imran reporting to me")  # fmt: skip
    result = analyze_loop(
        [AnswerInput(1, "ownership", ABOVE_TELLING), AnswerInput(2, "dive-deep", again)]
    )
    assert result.reused
    assert not [c for c in result.contradictions if c.kind == "role"]


@pytest.mark.parametrize(
    ("said", "lines"),
    [
        ("Dana, our night supervisor, reported to me.", [("Dana", ABOVE)]),
        ("I had Tomasz reporting to me for the cutover.", [("Tomasz", ABOVE)]),
        ("I reported to Elif during the audit.", [("Elif", BELOW)]),
        ("I was reporting to our plant manager, Rahul, at the time.", [("Rahul", BELOW)]),
        # News told, not a reporting line.
        ("Dana reported to me that the freezer alarm had gone off.", []),
        ("I reported to Elif on what the audit found.", []),
    ],
)
def test_reporting_lines_read(said: str, lines: list[tuple[str, str]]) -> None:
    assert [(name, side) for name, side, _, _ in reporting_lines(said)] == lines
