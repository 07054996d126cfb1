"""Results told as a change with its figure are results (found by a stranger in tmux).

"I cut errors by 30 percent" was flagged no-result while "errors fell by 30 percent" was
not; so were "got p99 down to 0.4 seconds" and "kept $210,000 a year in revenue".
"""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_answer

OPENING = (
    "Our checkout service kept timing out under load last spring. I owned the fix: I "
    "profiled the hot path, found a lock in the cache client, and replaced it with a "
    "lock-free read path. "
)
LESSON = " I learned to profile before guessing."


def flags(ending: str) -> list[str]:
    answer = AnswerInput(1, "ownership", OPENING + ending + LESSON, None, "main", None)
    return [f.name for f in analyze_answer(answer).flags]


@pytest.mark.parametrize(
    "ending",
    [
        "I cut errors by 30 percent.",
        "We got p99 down to 0.4 seconds.",
        "I brought the retry queue down to two minutes.",
        "We kept $210,000 a year in revenue.",
        "We took the page weight from 4 MB to 1.2 MB.",
    ],
)
def test_a_change_told_with_its_figure_is_a_result(ending):
    assert "no-result" not in flags(ending)


def test_a_change_only_planned_is_still_no_result():
    assert "no-result" in flags("Next quarter I will cut errors by 30 percent.")


@pytest.mark.parametrize(
    "question",
    ["Would you build it the same way again?", "What would you plan differently from the start?"],
)
def test_answering_a_would_question_in_would_is_not_hypothetical(question):
    answer = AnswerInput(
        2,
        "learn-and-be-curious",
        "Mostly yes, but I would read the carrier labels first and I would test the scanner "
        "on the night shift before rolling it out.",
        question,
        "follow-up",
        None,
    )
    assert "hypothetical" not in [f.name for f in analyze_answer(answer).flags]


def test_a_would_answer_to_a_tell_me_about_a_time_question_is_still_hypothetical():
    answer = AnswerInput(
        1,
        "ownership",
        "I would first talk to the team and I would look at the data. Then I would decide "
        "what to fix and I would tell my manager.",
        "Tell me about a time you took ownership of a problem.",
        "main",
        None,
    )
    assert "hypothetical" in [f.name for f in analyze_answer(answer).flags]


def test_a_lesson_told_in_a_follow_up_clears_the_main_answers_note():
    """Found by a stranger in tmux: the main answer kept 'No lesson or changed habit is
    told' although the follow-up 'What did you learn?' answered with the lesson."""
    from scoring import analyze_loop

    main = (
        "At our payments company I owned the refunds API. I shipped a connection pool change "
        "without a canary and refunds p99 jumped to 5 seconds for 40 minutes. I rolled it back "
        "myself and wrote the postmortem."
    )
    lesson = (
        "I learned that config changes need a canary too. Since then I always write the "
        "rollback step before the change, and I added a canary stage to our pipeline."
    )
    alone = analyze_loop([AnswerInput(1, "ownership", main, None, "main", None)])
    assert "no-reflection" in [f.name for f in alone.answers[0].flags]
    result = analyze_loop(
        [
            AnswerInput(1, "ownership", main, None, "main", None),
            AnswerInput(1, "ownership", lesson, "What did you learn?", "follow-up", None),
        ]
    )
    assert "no-reflection" not in [f.name for f in result.answers[0].flags]
