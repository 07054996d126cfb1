"""A story told three times in a short loop is found three times (scoring/similarity.py,
``_one_story_terms``). The words a story's three tellings share are in every telling of a
three-answer loop, so they looked like the candidate's own vocabulary and were weighed
down to nothing: the loop said no story was told twice. Our own sentences."""

from __future__ import annotations

from scoring import AnswerInput, analyze_loop

ONE = (
    "In 2022 at Fernhill the sorter on line two kept jamming at night. I read a week of "
    "sorter logs and found each jam came after a label printer reset. I moved the reset to "
    "shift change and jams fell to one a night."
)
TWO = (
    "In 2022 at Fernhill the night crew asked for an extra operator because the sorter on "
    "line two kept jamming. I read a week of sorter logs instead and found each jam came "
    "after a label printer reset. I moved the reset to shift change, so they never needed "
    "the extra operator."
)
THREE = (
    "In 2022 at Fernhill the sorter on line two kept jamming and I was sure the belts were "
    "worn. My supervisor read a week of sorter logs and found each jam came after a label "
    "printer reset. We moved the reset to shift change and jams fell to one a night."
)
OTHER = (
    "At Fernhill Foods I also ran the summer hiring for the packing hall. We needed forty "
    "temporary packers in three weeks, and the agency kept sending people who left after a "
    "day. I wrote a one-page guide to the shifts, did the first-day walk myself, and paired "
    "each new packer with a regular for a week. Nearly all of them stayed the summer."
)


def test_a_story_told_three_times_is_found_in_every_pair() -> None:
    answers = [
        AnswerInput(1, "dive-deep", ONE),
        AnswerInput(2, "ownership", TWO),
        AnswerInput(3, "bias-for-action", THREE),
    ]
    reused = {tuple(r.answers) for r in analyze_loop(answers).reused}
    assert reused == {(0, 1), (0, 2), (1, 2)}


def test_with_another_story_beside_it_the_other_stays_apart() -> None:
    answers = [
        AnswerInput(1, "dive-deep", ONE),
        AnswerInput(2, "ownership", TWO),
        AnswerInput(3, "earn-trust", OTHER),
        AnswerInput(4, "bias-for-action", THREE),
    ]
    reused = {tuple(r.answers) for r in analyze_loop(answers).reused}
    assert reused == {(0, 1), (0, 3), (1, 3)}
