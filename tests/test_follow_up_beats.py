"""A follow-up answered tells the beat its question asked for.

The fault a stranger found: asked "Knowing what you know now, would you have scoped it
that way from day one?" they answered "I would have cut the schema cleanup on day one
and planned the cutover per region", and "How do you decide now when to stop polishing?"
with "I stop when the remaining risk is cosmetic"; the debrief still noted "no-reflection:
No lesson or changed habit is told" on both main answers, though the README says a
follow-up that tells the beat takes the note away. The lesson was there; only its words
were not the ones the note looks for. A follow-up's own kind (the bank's label for what it
asks) now says what it asked, and an answer that takes the question on tells it; one that
turns it down ("Probably not, it worked out.") does not. Also: a question about polishing
work that "still fell short in your eyes" asks about the candidate's bar, not a failure.
"""

from __future__ import annotations

import pytest

from loops.bank import FollowUp, load_bank
from loops.planner import plan_loop
from loops.review.analysis import analyze_session
from loops.session import LoopSettings, Session
from scoring.flags import is_failure_question
from scoring.model import AnswerInput

STORY = (
    "Last spring I owned the move of our invoicing job from a nightly batch to a queue. I "
    "wrote the consumer, ran both paths side by side for two weeks and compared every "
    "invoice. We switched over in June and late invoices went from about 300 a month to 12."
)
LESSON = "I would have run the two paths side by side from the very first day, not week three."
DECLINE = "Probably not, it worked out."


def _loop(follow_up_answer: str) -> Session:
    """A four-round loop: the first question answered with STORY, then one reflection
    follow-up answered with ``follow_up_answer``; the rest skipped."""
    settings = LoopSettings("sde2", 4, "relaxed", 4)
    s = Session("20261202-100000-beat", settings, plan_loop(load_bank(), "sde2", 4, 4))
    asked = FollowUp("reflection", "What would you do differently if you did it again?")
    first = True
    while (step := s.current_step()) is not None:
        if step.kind == "main" and first:
            s.record(step, STORY, 90.0, follow_ups=[asked])
            first = False
        elif step.kind == "follow-up":
            s.record(step, follow_up_answer, 30.0)
        else:
            s.record(step, "", 2.0)
    return s


def _main_flags(session: Session) -> list[str]:
    analysis = analyze_session(session)
    return [f.name for f in analysis.answers[0].flags]


def test_a_lesson_told_in_answer_to_a_reflection_follow_up_takes_the_note_away() -> None:
    assert "no-reflection" not in _main_flags(_loop(LESSON))


def test_a_follow_up_turned_down_leaves_the_note() -> None:
    assert "no-reflection" in _main_flags(_loop(DECLINE))


@pytest.mark.parametrize(
    ("question", "failure"),
    [
        (
            "Describe a time you kept polishing your own work after reviewers had approved "
            "it, because it still fell short in your eyes.",
            False,
        ),
        ("Tell me about a project of yours that fell short of its goal.", True),
    ],
)
def test_falling_short_of_your_own_bar_is_not_a_failure_question(
    question: str, failure: bool
) -> None:
    answer = AnswerInput(1, "insist-on-the-highest-standards", STORY, question=question)
    assert is_failure_question(answer) is failure
