"""The interview's rules, with no UI: a loop can be played by a test or a script.

``LoopRunner`` holds one session and says what is asked now, takes an answer,
chooses the follow-ups the answer calls for (what it lacks; the Bar Raiser's
first question also gets a consistency probe quoting an earlier detail of the
same principle or of the story just told again),
re-briefs the Bar Raiser before their round (back to the weakest principle so
far), and hands the session to ``save`` after every change. The app drives
one (tui/app.py); so does tests/test_runner.py, with no Textual import.

This is session-layer code: it reads the question bank (loops/) and the
engine's judgements (scoring/). Saving is passed in, so the runner does no
file I/O of its own and the app decides how and where writes happen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from loops.bank import Bank, FollowUp
from loops.planner import brief_bar_raiser
from loops.session import AnswerRecord, Session, Step, said_nothing
from loops.timing import beat_seconds

FollowUpPicker = Callable[[Session, Step, str], list[FollowUp]]
"""(session, the main question's step, the answer's text) -> follow-ups to ask."""


class LoopRunner:
    """One loop in play: the next step, each answer recorded and saved."""

    def __init__(
        self,
        session: Session,
        bank: Bank,
        *,
        save: Callable[[Session], None] = lambda _session: None,
        pick_follow_ups: FollowUpPicker | None = None,
    ) -> None:
        self.session = session
        self.bank = bank
        self.save = save
        self.pick_follow_ups: FollowUpPicker = pick_follow_ups or self.listen

    @property
    def step(self) -> Step | None:
        """What is asked now; None once the loop is over."""
        return self.session.current_step()

    @property
    def finished(self) -> bool:
        return self.session.finished

    def begin(self) -> Step | None:
        """The step to ask now, after the Bar Raiser's briefing when their round starts.

        The Bar Raiser reads the earlier notes before their first question and may
        go back to the weakest principle so far, in the place the planner held for it;
        the plan changes only then.
        """
        step = self.step
        if (
            step is not None
            and step.round.is_bar_raiser
            and not self.session.round_answers(step.round.index)
        ):
            from loops.review.analysis import principle_strength

            plan, _revisited = brief_bar_raiser(
                self.session.plan, self.bank, principle_strength(self.session)
            )
            if plan != self.session.plan:  # the held principle settled, revisited or not
                self.session.plan = plan
                self.session.touch()
                self.save(self.session)
                step = self.step
        return step

    def listen(self, session: Session, step: Step, text: str) -> list[FollowUp]:
        """Choose follow-ups by what the answer lacks (loops/followups.py); a retry asks
        the ones asked of the attempt it retries, which its question holds as its script
        (loops/review/retry.py), so the two attempts answer the same questions."""
        from loops.followups import MAX_BAR_RAISER, choose_follow_ups
        from loops.review.analysis import consistency_probe

        if session.origin.kind == "retry":
            return list(step.question.follow_ups)
        question, bar_raiser = step.question, step.round.is_bar_raiser
        chosen = choose_follow_ups(
            question.follow_ups,
            self.bank.generic,
            text,
            question.principle,
            failure=question.failure,
            bar_raiser=bar_raiser,
            seed=session.plan.seed,
        )
        if bar_raiser and step.question_index == 0:
            probe = consistency_probe(session, question.principle, text)
            if probe is not None:
                chosen = [probe, *chosen][:MAX_BAR_RAISER]
        return chosen

    def answer(
        self,
        text: str,
        seconds: float,
        *,
        auto_submitted: bool = False,
        started_at: str = "",
        marks: Sequence[tuple[str, float]] | None = None,
    ) -> AnswerRecord:
        """Record the answer to the current step, with its follow-ups if it is a main
        answer, and save. ``marks`` are spoken-mode beat marks (beat, seconds in)."""
        step = self.step
        if step is None:
            raise ValueError("the loop is over: nothing is being asked")
        beats = beat_seconds(list(marks), seconds) if marks is not None else None
        # A skipped main question gets no follow-ups: there is no answer to ask about.
        asks = (
            step.kind == "main" and self.session.origin.follow_ups and not said_nothing(text, beats)
        )
        follow_ups = self.pick_follow_ups(self.session, step, text) if asks else None
        record = self.session.record(
            step,
            text,
            seconds,
            follow_ups=follow_ups,
            auto_submitted=auto_submitted,
            started_at=started_at,
            beats=beats,
        )
        self.save(self.session)
        return record

    def keep_draft(
        self, text: str, elapsed: float, marks: Sequence[tuple[str, float]] = ()
    ) -> None:
        """What the candidate has typed (or marked) so far for the current step, saved."""
        step = self.step
        if step is None:
            return
        self.session.set_draft(step, text, elapsed, list(marks))
        self.save(self.session)
