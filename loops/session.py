"""A loop in progress: its settings, its plan, every answer, and the draft.

The session is the single source of truth: the UI keeps nothing that is not
here, so a session file read back after a crash puts the candidate at the
same question with the same draft. Where the candidate is in the loop is
derived from the answers, never stored separately, so the two cannot
disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from loops.bank import FollowUp
from loops.planner import LoopPlan, PlannedQuestion, RoundPlan
from scoring.wording import plural, word_count

TIMINGS = ("strict", "relaxed", "untimed")
MODES = ("typed", "spoken")
ORIGINS = ("loop", "retry", "drill", "import")
"""What a saved session is: a full loop, or practice between loops (a question
retried, a story drilled at several lengths) or a real interview imported."""
DEFAULT_MAIN_SECONDS = 150
DEFAULT_FOLLOW_UP_SECONDS = 90


def said_nothing(text: str, beats: Mapping[str, float] | None = None) -> bool:
    """The one rule for a skipped answer: nothing typed (whitespace is nothing) and,
    spoken, no STAR beat marked (a spoken answer's text is only an optional note).

    Ctrl+S twice on an empty editor saves such an answer, so the loop moves on and
    a crash-resume knows the question was passed; it is kept in the file, but it is
    not an answer: it gets no follow-ups, is not counted as saved, tells no story
    and cannot be retried. Every place that asks "was anything said?" asks this.
    """
    return not text.strip() and not beats


def count_answers(answers: Iterable[AnswerRecord]) -> tuple[int, int]:
    """(answers given, questions skipped) among ``answers``: a skip is saved as an
    answer record but is never counted as an answer (see ``said_nothing``)."""
    skipped = given = 0
    for a in answers:
        if a.skipped:
            skipped += 1
        else:
            given += 1
    return given, skipped


def say_answers(answers: Iterable[AnswerRecord], verb: str = "") -> str:
    """How many answers, said one way everywhere: "6 answers saved, 4 skipped" with
    ``verb`` "saved"; the skips are named only when there are some."""
    given, skipped = count_answers(answers)
    out = plural(given, "answer") + (f" {verb}" if verb else "")
    return f"{out}, {skipped} skipped" if skipped else out


def speaking_seconds(answers: Iterable[AnswerRecord]) -> float:
    """The clock time of the answers given: a skipped question (nothing said) is no
    speaking, whatever its clock read when the skip key was pressed."""
    return sum(a.seconds for a in answers if not a.skipped)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class LoopSettings:
    level: str
    rounds: int
    timing: str = "relaxed"
    seed: int | None = None
    main_seconds: int = DEFAULT_MAIN_SECONDS
    follow_up_seconds: int = DEFAULT_FOLLOW_UP_SECONDS
    coach: bool = False
    mode: str = "typed"
    """typed | spoken: spoken answers are said aloud, with STAR beats marked by key."""
    self_vote: bool = False
    """Before the debrief, the candidate votes each principle they were asked, to see
    their own judgement beside the interviewers'."""


@dataclass(frozen=True)
class Step:
    """One thing the candidate is asked: a main question or one follow-up."""

    round: RoundPlan
    question_index: int
    question: PlannedQuestion
    follow_up_index: int | None
    """None for the main question, else the index into the asked follow-ups."""
    prompt: str
    target_seconds: int

    @property
    def kind(self) -> str:
        return "main" if self.follow_up_index is None else "follow-up"

    @property
    def key(self) -> tuple[int, int, int]:
        return (
            self.round.index,
            self.question_index,
            -1 if self.follow_up_index is None else self.follow_up_index,
        )


@dataclass
class AnswerRecord:
    round: int
    question_index: int
    question_id: str
    principle: str
    kind: str
    """main | follow-up"""
    prompt: str
    text: str
    seconds: float
    target_seconds: int
    follow_up_index: int | None = None
    follow_up_kind: str | None = None
    started_at: str = ""
    submitted_at: str = ""
    auto_submitted: bool = False
    """Strict timing ran out and the answer was saved as it stood."""
    follow_ups: list[FollowUp] = field(default_factory=list)
    """On a main answer: the follow-ups the interviewer chose to ask next."""
    beats: dict[str, float] = field(default_factory=dict)
    """Spoken answers: seconds spent in each STAR beat, as the candidate marked them."""
    self_vote: str | None = None
    """On a main answer: the candidate's own vote for its principle (one of
    scoring.model.VOTES), given before they saw the interviewers'."""

    @property
    def words(self) -> int:
        return word_count(self.text)

    @property
    def skipped(self) -> bool:
        """Passed over with nothing said (see ``said_nothing``)."""
        return said_nothing(self.text, self.beats)

    @property
    def overtime(self) -> bool:
        return self.seconds > self.target_seconds


@dataclass
class Draft:
    """What is in the editor now, saved every few seconds while typing."""

    round: int
    question_index: int
    follow_up_index: int | None
    text: str
    elapsed: float
    saved_at: str = ""
    marks: list[tuple[str, float]] = field(default_factory=list)
    """Spoken answers: (STAR beat, seconds into the answer) as the candidate marked them,
    kept with the draft so a crash loses none of them."""

    @property
    def key(self) -> tuple[int, int, int]:
        return (
            self.round,
            self.question_index,
            -1 if self.follow_up_index is None else self.follow_up_index,
        )


def new_session_id() -> str:
    import secrets

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{secrets.token_hex(2)}"


@dataclass(frozen=True)
class Origin:
    """Where a session comes from.

    Practice and imports are saved as sessions so that they get everything a
    loop has (saving as typed, the lock, crash-resume, the debrief, history)
    from one place; ``kind`` tells the views and the story wear what they are.
    """

    kind: str = "loop"
    source: str = ""
    """retry: the id of the session whose question is retried; import: the file read."""
    round: int | None = None
    """retry: the round of the question retried."""
    question_index: int | None = None
    """retry: the question's index within that round."""
    story: str = ""
    """drill: the slug of the banked story told."""

    @property
    def follow_ups(self) -> bool:
        """A story drill is the story alone, told to the clock: no interviewer follows up."""
        return self.kind != "drill"

    @property
    def practice(self) -> bool:
        """Not a full loop: left out of the loop counts on home and in history."""
        return self.kind != "loop"


@dataclass
class Session:
    id: str
    settings: LoopSettings
    plan: LoopPlan
    answers: list[AnswerRecord] = field(default_factory=list)
    draft: Draft | None = None
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    origin: Origin = field(default_factory=Origin)
    dismissed: list[str] = field(default_factory=list)
    """Keys of the cross-round findings the candidate has the last word on ("not
    the same story", "not a conflict"); the debrief leaves them out of the votes."""
    voting: bool = False
    """Every question is answered and the candidate is giving their own votes
    (``settings.self_vote``), not yet done: resuming the loop goes back to them, not
    to the debrief. Set by the last answer (in its save), cleared by ``end_voting``."""

    # --- where the candidate is -------------------------------------------------

    def _main_answer(self, round_index: int, question_index: int) -> AnswerRecord | None:
        for a in self.answers:
            if a.round == round_index and a.question_index == question_index and a.kind == "main":
                return a
        return None

    def follow_ups_of(self, step: Step) -> int:
        """How many follow-ups are asked of ``step``'s question: 0 until its main answer
        is given (they are chosen from it) and for a skipped one."""
        main = self._main_answer(step.round.index, step.question_index)
        return 0 if main is None or main.skipped else len(main.follow_ups)

    def _answered(self, key: tuple[int, int, int]) -> bool:
        return any(
            (a.round, a.question_index, -1 if a.follow_up_index is None else a.follow_up_index)
            == key
            for a in self.answers
        )

    def steps(self) -> list[Step]:
        """Every step known so far, in order; follow-ups appear once chosen."""
        out: list[Step] = []
        for rnd in self.plan.rounds:
            for qi, q in enumerate(rnd.questions):
                main_seconds = q.seconds or self.settings.main_seconds
                out.append(Step(rnd, qi, q, None, q.prompt, main_seconds))
                main = self._main_answer(rnd.index, qi)
                if main is None:
                    return out
                if main.skipped:
                    # Nothing to follow up on. A file saved before this rule may hold
                    # follow-ups chosen for a skipped question: they are not asked.
                    continue
                for fi, fu in enumerate(main.follow_ups):
                    out.append(Step(rnd, qi, q, fi, fu.text, self.settings.follow_up_seconds))
        return out

    def current_step(self) -> Step | None:
        """The first step not yet answered, or None when the loop is over."""
        for step in self.steps():
            if not self._answered(step.key):
                return step
        return None

    @property
    def finished(self) -> bool:
        return self.current_step() is None

    def round_answers(self, round_index: int) -> list[AnswerRecord]:
        return [a for a in self.answers if a.round == round_index]

    def round_budget_seconds(self, rnd: RoundPlan) -> int:
        """The round's time for its behavioral questions, follow-ups included, at this
        loop's time limits (``RoundPlan.seconds_at``, which the schedule says too)."""
        st = self.settings
        return rnd.seconds_at(st.main_seconds, st.follow_up_seconds, self.origin.follow_ups)

    def budget_seconds(self) -> int:
        """The whole loop's time at its time limits: every round's, added up."""
        return sum(self.round_budget_seconds(rnd) for rnd in self.plan.rounds)

    def round_used_seconds(self, round_index: int) -> float:
        return sum(a.seconds for a in self.round_answers(round_index))

    # --- changes -------------------------------------------------------------------

    def record(
        self,
        step: Step,
        text: str,
        seconds: float,
        *,
        follow_ups: list[FollowUp] | None = None,
        auto_submitted: bool = False,
        started_at: str = "",
        beats: dict[str, float] | None = None,
    ) -> AnswerRecord:
        """Record the answer to ``step``; the draft for it is cleared."""
        if self._answered(step.key):
            raise ValueError(f"step {step.key} is already answered")
        follow_up_kind = None
        if step.follow_up_index is not None:
            main = self._main_answer(step.round.index, step.question_index)
            assert main is not None
            follow_up_kind = main.follow_ups[step.follow_up_index].kind
        answer = AnswerRecord(
            round=step.round.index,
            question_index=step.question_index,
            question_id=step.question.id,
            principle=step.question.principle,
            kind=step.kind,
            prompt=step.prompt,
            text=text,
            seconds=round(seconds, 2),
            target_seconds=step.target_seconds,
            follow_up_index=step.follow_up_index,
            follow_up_kind=follow_up_kind,
            started_at=started_at or now_iso(),
            submitted_at=now_iso(),
            auto_submitted=auto_submitted,
            follow_ups=list(follow_ups or []) if step.kind == "main" else [],
            beats=dict(beats or {}),
        )
        self.answers.append(answer)
        self.draft = None
        if self.settings.self_vote and self.current_step() is None:
            self.voting = True
        self.touch()
        return answer

    def set_draft(
        self, step: Step, text: str, elapsed: float, marks: list[tuple[str, float]] | None = None
    ) -> None:
        self.draft = Draft(
            step.round.index,
            step.question_index,
            step.follow_up_index,
            text,
            round(elapsed, 2),
            now_iso(),
            [(beat, round(at, 2)) for beat, at in marks or []],
        )
        self.touch()

    def draft_for(self, step: Step) -> Draft | None:
        return self.draft if self.draft and self.draft.key == step.key else None

    def touch(self) -> None:
        self.updated_at = now_iso()

    def vote_self(self, round_index: int, question_index: int, vote: str | None) -> None:
        """The candidate's own vote for a question they answered (None takes it back)."""
        main = self._main_answer(round_index, question_index)
        if main is None:
            raise ValueError(f"question {question_index} of round {round_index} is not answered")
        main.self_vote = vote
        self.touch()

    def end_voting(self) -> None:
        """The candidate is done with their own votes (or skipped them): on to the debrief."""
        self.voting = False
        self.touch()

    def toggle_dismissed(self, key: str) -> bool:
        """Dismiss a cross-round finding, or take the dismissal back; True if now dismissed."""
        if key in self.dismissed:
            self.dismissed.remove(key)
            dismissed = False
        else:
            self.dismissed.append(key)
            dismissed = True
        self.touch()
        return dismissed
