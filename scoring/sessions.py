"""Score a saved mockloop session with the same engine `mockloop analyze` uses."""

from __future__ import annotations

from loops.session import Session
from scoring.engine import analyze_loop
from scoring.model import AnswerInput, LoopAnalysis


def answers_from_session(session: Session) -> list[AnswerInput]:
    """The session's answers in the order given, as the engine's plain input."""
    failure = {
        (r.index, qi): q.failure for r in session.plan.rounds for qi, q in enumerate(r.questions)
    }
    return [
        AnswerInput(
            round=a.round,
            principle=a.principle,
            text=a.text,
            question=a.prompt,
            kind=a.kind,
            seconds=a.seconds,
            failure=failure.get((a.round, a.question_index), False),
        )
        for a in session.answers
    ]


def bar_raiser_round(session: Session) -> int | None:
    for r in session.plan.rounds:
        if r.is_bar_raiser:
            return r.index
    return None


def analyze_session(session: Session) -> LoopAnalysis:
    return analyze_loop(answers_from_session(session), bar_raiser_round(session))
