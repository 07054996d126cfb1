"""Two coach flags a careful interviewer would not raise, each as a rule of English.

manager-assigned: a manager telling the candidate something is not handing them work.
Feedback received ('my tech lead told me in a review that my docs were unclear'), a
question ('asked me why the build kept failing') or comments ('gave me blunt feedback')
started nothing the candidate was told to do; an instruction does ('told me to', 'asked
me whether I could take over', 'told me that I should own', 'the migration was now
mine', 'suggested I look at').

no-reflection: a habit kept from the story until now is the change it made ('I still
write docs that way', 'since that review I always...', 'I always write the decision
first now'); 'I still had to', 'I still thought he was wrong', 'I still don't know' and
'I still remember' tell none. Each answer is ours."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop

_REST = (
    " I went through my last three pieces of work and marked where people got lost. I "
    "rewrote them with a one-paragraph summary and a decision table, and the next review "
    "took 25 minutes instead of an hour. I learned to lead with the decision."
)


def _flags(text: str, principle: str = "ownership") -> set[str]:
    result = analyze_loop([AnswerInput(1, principle, text)])
    return {f.name for f in result.answers[0].flags}


@pytest.mark.parametrize(
    "opening",
    [
        "My tech lead told me in a review that my design docs were unclear.",
        "My manager told me in our one-to-one that my ticket notes were hard to follow.",
        "My lead told me my handover notes were confusing.",
        "My tech lead gave me blunt feedback after the demo: my slides buried the result.",
        "My manager asked me why the nightly build kept failing.",
        "I was told by my lead that my runbooks were out of date.",
    ],
)
def test_feedback_or_a_question_from_a_manager_is_not_work_handed_down(opening: str) -> None:
    assert "manager-assigned" not in _flags(opening + _REST)


@pytest.mark.parametrize(
    "opening",
    [
        "My manager told me to rewrite the onboarding docs.",
        "My manager told me that I should own the on-call rotation for the quarter.",
        "My lead asked me whether I could take over the payments migration.",
        "I was told by my manager that the migration was now mine.",
        "My manager gave me the search project when the previous owner left.",
        "My manager suggested I look at our release process.",
    ],
)
def test_an_instruction_from_a_manager_is_still_work_handed_down(opening: str) -> None:
    assert "manager-assigned" in _flags(opening + _REST)


_STORY = (
    "My tech lead told me in a review that my design docs were unclear: people skimmed "
    "them and asked the same questions in every meeting. I went back through my last "
    "three docs and marked where readers got lost. I rewrote the template with a "
    "one-paragraph summary and a decision table at the top, and review meetings on my "
    "docs went from an hour to about 25 minutes. "
)


@pytest.mark.parametrize(
    "ending",
    [
        "I still write docs that way.",
        "I still use that template for every design doc.",
        "Since that review, I always put the decision at the top.",
        "Since that review, every doc I write starts with the decision.",
        "I always write the decision first now.",
        "From that day on I kept the summary to one paragraph.",
    ],
)
def test_a_habit_kept_since_is_reflection(ending: str) -> None:
    assert "no-reflection" not in _flags(_STORY + ending, "dive-deep")


@pytest.mark.parametrize(
    "ending",
    [
        "I still had to present the old design at the next meeting.",
        "I still thought the tables were too long.",
        "I still don't know why nobody said it earlier.",
        "I still remember that meeting.",
        "After that meeting, I went back to my desk and shipped the doc.",
    ],
)
def test_still_in_the_story_is_no_reflection(ending: str) -> None:
    assert "no-reflection" in _flags(_STORY + ending, "dive-deep")
