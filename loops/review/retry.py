"""Retry one question of a past loop, and what changed between two attempts.

Most rehearsal happens between loops, one question at a time. A retry is a
session of its own (``Origin`` kind "retry", pointing at the loop and the
question first asked), so it is played, saved and resumed like a loop. Its
plan is one round holding the one question, copied from the loop's plan: the
same prompt and principle, under the same settings (timing, clock targets, mode),
so the interviewer asks and times it as before; and the same follow-ups, those
asked of the earlier answer (its ``AnswerRecord.follow_ups``), which replace the
question's script. The runner asks a retry's script whole instead of choosing from
it by what the new answer lacks: a retry is judged beside the earlier attempt, and
other follow-ups would make the two tellings answer different questions.

Every retry points at the question as first asked in a loop, even a retry of a
retry, so all attempts of a question gather under one ``QuestionRef``.

``compare`` judges two attempts side by side with the engine as it is: the two
tellings go through ``scoring.engine.analyze_loop`` as rounds 1 and 2 of one
small loop, so the flags, the votes, the I/we counts and the figures are the
engine's, and a fact that changed between the tellings is found by the same
contradiction rules as between two rounds of a loop (only when the two are one
story: a different story contradicts nothing).

Whether two attempts are one story is not left to the engine alone. In a loop a
short answer (under ``SHORT_WORDS`` words) on a theme told before is often another
story, so the engine asks much of it; in a retry both attempts answer the same
question, so the odds run the other way. ``one_story`` also takes them as one when
they share specifics (a figure, name or phrase, or several uncommon words) and
nothing says they are two events; the engine's rules stay as they are.

Plain data, no Textual; only ``comparison_for`` and ``retryable_in`` read the saved
sessions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loops.problems import FileProblemError
from loops.review.analysis import PROBE_KIND, answer_input
from loops.review.debrief import build_debrief
from loops.session import AnswerRecord, Origin, Session
from loops.store import load_summaries, session_from_toml
from scoring.engine import analyze_loop, finding
from scoring.facts import Facts, extract_facts, judge_facts
from scoring.model import FLAG_NAMES, VOTES, AnswerInput, Check, Contradiction, Vote
from scoring.similarity import (
    MIN_EVIDENCE,
    declares_distinct,
    shared_specifics,
    specifics,
    two_events,
)
from scoring.wording import said_once

RETRYABLE_KINDS = ("loop", "import")
"""Sessions whose questions can be retried: a loop's, and a real interview's imported.
A drill's tellings are one story at set lengths, not questions."""


class RetryError(ValueError):
    """The question cannot be retried (not in the plan, or never answered)."""


@dataclass(frozen=True)
class QuestionRef:
    """A question as first asked: the loop's session id, its round and its index there."""

    session_id: str
    round: int
    question_index: int

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "round": self.round,
            "question_index": self.question_index,
        }


def question_ref(session: Session, round_index: int, question_index: int) -> QuestionRef:
    """The question a session's (round, question) stands for: a retry's is its source's."""
    o = session.origin
    if o.kind == "retry" and o.round is not None and o.question_index is not None:
        return QuestionRef(o.source, o.round, o.question_index)
    return QuestionRef(session.id, round_index, question_index)


def described(session: Session) -> str:
    """A session whose question is retried, as the candidate knows it: an import is
    an interview they had, not a loop of theirs."""
    if session.origin.kind == "import":
        return f"the interview imported from {Path(session.origin.source).name}"
    return f"{session.origin.kind} {session.id}"


def start_retry(
    original: Session, round_index: int, question_index: int, session_id: str
) -> Session:
    """A new session that asks one question of ``original`` again, as it was asked.

    The plan is one round (numbered 1, as a session's rounds must be) with the
    question copied from ``original``'s plan, its follow-ups the ones asked of the
    answer retried (the runner asks a retry's all, in order); the settings are ``original``'s,
    so the clock and the mode are the same. Raises ``RetryError`` when the
    question is not in the plan or was never answered (nothing to compare); its
    message counts questions from 1, as the candidate reads them.
    """
    rnd = next((r for r in original.plan.rounds if r.index == round_index), None)
    if rnd is None:
        numbers = [r.index for r in original.plan.rounds]
        rounds = (
            f"rounds 1 to {len(numbers)}"
            if numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 1
            else "round " + ", ".join(map(str, numbers))
        )
        raise RetryError(f"{described(original)} has {rounds}; there is no round {round_index}")
    if not 0 <= question_index < len(rnd.questions):
        raise RetryError(
            f"round {round_index} of {described(original)} has questions 1 to "
            f"{len(rnd.questions)}, not {question_index + 1}"
        )
    if not any(
        a.round == round_index
        and a.question_index == question_index
        and a.kind == "main"
        and not a.skipped  # skipped: nothing said to retry against
        for a in original.answers
    ):
        raise RetryError(
            f"question {question_index + 1} of round {round_index} in {described(original)} "
            "was never answered: there is nothing to retry against"
        )
    if original.origin.kind not in (*RETRYABLE_KINDS, "retry"):
        raise RetryError(f"{original.id} is a {original.origin.kind}: it has no question to retry")
    main = next(
        a
        for a in original.answers
        if a.round == round_index and a.question_index == question_index and a.kind == "main"
    )
    # The follow-ups asked then, without a Bar Raiser's probe: it quoted another round.
    asked = tuple(f for f in main.follow_ups if f.kind != PROBE_KIND)
    question = dataclasses.replace(rnd.questions[question_index], follow_ups=asked)
    one_round = dataclasses.replace(
        rnd, index=1, principles=(question.principle,), questions=(question,)
    )
    ref = question_ref(original, round_index, question_index)
    return Session(
        id=session_id,
        # Your own vote first is for a loop's debrief; the comparison does not show it.
        settings=dataclasses.replace(original.settings, self_vote=False),
        plan=dataclasses.replace(original.plan, rounds=(one_round,)),
        origin=Origin(
            "retry", source=ref.session_id, round=ref.round, question_index=ref.question_index
        ),
    )


@dataclass(frozen=True)
class Attempt:
    """One telling of a question: in the loop that first asked it, or in a retry."""

    session: Session
    round: int
    question_index: int

    @classmethod
    def of_retry(cls, session: Session) -> Attempt:
        """A retry session's attempt: its one question."""
        return cls(session, 1, 0)

    @property
    def ref(self) -> QuestionRef:
        return question_ref(self.session, self.round, self.question_index)

    @property
    def is_retry(self) -> bool:
        return self.session.origin.kind == "retry"

    @property
    def when(self) -> str:
        """When it was told: its main answer's time, else the session's."""
        main = next((a for a in self.answers if a.kind == "main"), None)
        stamp = (main.submitted_at if main else "") or self.session.created_at
        return stamp or self.session.updated_at

    @property
    def answers(self) -> list[AnswerRecord]:
        """The main answer and its follow-ups, without a Bar Raiser's consistency probe
        (it asks about another round's story, so it is no part of this telling)."""
        return [
            a
            for a in self.session.answers
            if a.round == self.round
            and a.question_index == self.question_index
            and a.follow_up_kind != PROBE_KIND
        ]

    @property
    def failure(self) -> bool:
        rnd = next((r for r in self.session.plan.rounds if r.index == self.round), None)
        if rnd is None or not 0 <= self.question_index < len(rnd.questions):
            return False
        return rnd.questions[self.question_index].failure


def attempts_of(sessions: Iterable[Session], ref: QuestionRef) -> list[Attempt]:
    """Every answered attempt of ``ref``: the loop's own and each retry's, oldest first;
    a skipped one is left out."""
    found: list[Attempt] = []
    for s in sessions:
        if s.origin.kind == "retry":
            if question_ref(s, 1, 0) == ref:
                found.append(Attempt.of_retry(s))
        elif s.id == ref.session_id:
            found.append(Attempt(s, ref.round, ref.question_index))
    # A skipped question (nothing said) is not an attempt, in the loop or in a retry.
    answered = [a for a in found if any(x.kind == "main" and not x.skipped for x in a.answers)]
    # The loop's own telling first, then the retries as they were told.
    return sorted(answered, key=lambda a: (a.is_retry, a.when, a.session.id))


@dataclass(frozen=True)
class Side:
    """One attempt as the comparison shows it."""

    session_id: str
    when: str
    retry: bool
    vote: Vote
    """The telling's own vote (main answer with its follow-ups), as the engine gives it."""
    flags: tuple[str, ...]
    """Flags raised on any answer of the telling, in the engine's report order."""
    seconds: float
    """The main answer's time."""
    target_seconds: int
    overtime: bool
    cut: bool
    """Strict timing took the main answer as it stood."""
    total_seconds: float
    """Main answer and follow-ups."""
    words: int
    i_count: int
    we_count: int
    """Words and I / we forms of the whole telling (main answer and follow-ups), the
    text the flags and figures are read from: the words were once the main answer's
    alone beside I / we counted over the follow-ups too."""
    figures: tuple[str, ...]
    """The figures given (the engine's metric quantities), each once, in order."""
    answers: tuple[AnswerRecord, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "when": self.when,
            "retry": self.retry,
            "vote": self.vote,
            "flags": list(self.flags),
            "seconds": self.seconds,
            "target_seconds": self.target_seconds,
            "overtime": self.overtime,
            "cut": self.cut,
            "total_seconds": self.total_seconds,
            "words": self.words,
            "i_count": self.i_count,
            "we_count": self.we_count,
            "figures": list(self.figures),
        }


@dataclass(frozen=True)
class Changed:
    """One value told differently in the retry, with every finding that says so (each a
    sentence of the story, or of a follow-up, that gave it)."""

    findings: tuple[Contradiction, ...]

    @property
    def kind(self) -> str:
        return self.findings[0].kind

    @property
    def then_now(self) -> tuple[str, str]:
        """What the earlier attempt said, and what the retry says ("?" when unknown)."""
        first = self.findings[0].statements
        return (first[0].quote, first[1].quote) if first else ("?", "?")


@dataclass(frozen=True)
class Comparison:
    """Two attempts of one question side by side, and what changed."""

    ref: QuestionRef
    principle: str
    prompt: str
    before: Side
    after: Side
    flags_gained: tuple[str, ...]
    flags_lost: tuple[str, ...]
    vote_change: int
    """Steps better (positive) or worse (negative) from ``before`` to ``after``."""
    figures_new: tuple[str, ...]
    figures_dropped: tuple[str, ...]
    same_story: bool
    """The two tellings are one story (the engine's verdict, or ``one_story``'s); only
    then are facts compared."""
    contradictions: tuple[Contradiction, ...]
    """Facts that now disagree with the earlier telling: ``statements[0]`` is before's,
    ``statements[1]`` after's; each statement's ``answer`` indexes ``answer_at``."""
    checks: tuple[Check, ...]
    """Facts that may disagree: worth a look, never a verdict."""

    @property
    def changed(self) -> tuple[Changed, ...]:
        """The contradictions as the comparison lists them: one row for each value that
        changed, however many sentences say it. A story that says "1.4 seconds" twice and
        is retold with "2.6 seconds" twice gives two findings (one a sentence), which read
        as the same row twice: "1.4 seconds" then, "2.6 seconds" now."""
        rows: dict[tuple[str, ...], list[Contradiction]] = {}
        for n, found in enumerate(self.contradictions):
            key = (
                (found.kind, *(s.quote for s in found.statements))
                if found.statements
                else (found.kind, str(n))
            )
            rows.setdefault(key, []).append(found)
        return tuple(Changed(tuple(same)) for same in rows.values())

    def answer_at(self, index: int) -> AnswerRecord:
        """The answer a statement's ``answer`` index names: before's answers, then after's."""
        n = len(self.before.answers)
        return self.before.answers[index] if index < n else self.after.answers[index - n]

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.ref.to_json(),
            "principle": self.principle,
            "prompt": self.prompt,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "flags_gained": list(self.flags_gained),
            "flags_lost": list(self.flags_lost),
            "vote_change": self.vote_change,
            "figures_new": list(self.figures_new),
            "figures_dropped": list(self.figures_dropped),
            "same_story": self.same_story,
            "contradictions": [c.to_json() for c in self.contradictions],
            "checks": [c.to_json() for c in self.checks],
        }


def one_story(before: str, after: str) -> bool:
    """Two attempts at one question that the engine did not join: one story all the same
    when they share specifics of one event (``MIN_EVIDENCE``: a figure, name or phrase,
    or three uncommon words) and neither its facts (``two_events``) nor its words
    (``declares_distinct``) say they are two. A retry sharing nothing stays another story.
    """
    if declares_distinct(before) or declares_distinct(after):
        return False
    a, b = specifics(before), specifics(after)
    return shared_specifics(a, b).weight >= MIN_EVIDENCE and two_events(a, b) is None


def _facts_compared(
    inputs: Sequence[AnswerInput], n: int
) -> tuple[tuple[Contradiction, ...], tuple[Check, ...]]:
    """The engine's contradiction rules between the first ``n`` answers (one telling)
    and the rest (the other), for two attempts ``one_story`` joined."""
    told = [Facts(), Facts()]
    for k, a in enumerate(inputs):
        told[k >= n] = told[k >= n].merged(extract_facts(a.text, k))
    found, maybe = judge_facts(told[0], told[1])
    return (
        tuple(finding(Contradiction, inputs, c) for c in found),
        tuple(finding(Check, inputs, c) for c in maybe),
    )


def compare(before: Attempt, after: Attempt) -> Comparison:
    """What changed from ``before`` to ``after``, judged by the engine as it is."""
    told_before, told_after = before.answers, after.answers
    if not any(a.kind == "main" for a in told_before) or not any(
        a.kind == "main" for a in told_after
    ):
        raise RetryError("both attempts need a main answer to be compared")
    inputs = [
        dataclasses.replace(
            answer_input(a, attempt.failure, attempt.session.settings.mode == "spoken"),
            round=number,
        )
        for number, attempt, told in ((1, before, told_before), (2, after, told_after))
        for a in told
    ]
    analysis = analyze_loop(inputs, None)
    n = len(told_before)
    same, contradictions, checks = bool(analysis.reused), analysis.contradictions, analysis.checks
    if not same and one_story(
        "\n".join(a.text for a in told_before), "\n".join(a.text for a in told_after)
    ):
        same = True
        contradictions, checks = _facts_compared(inputs, n)

    def side(attempt: Attempt, told: list[AnswerRecord], offset: int) -> Side:
        results = analysis.answers[offset : offset + len(told)]
        main_at = next(k for k, a in enumerate(told) if a.kind == "main")
        main, result = told[main_at], results[main_at]
        raised = {name for r in results for name in r.flag_names}
        return Side(
            session_id=attempt.session.id,
            when=attempt.when,
            retry=attempt.is_retry,
            vote=result.vote,
            flags=tuple(f for f in FLAG_NAMES if f in raised),
            seconds=main.seconds,
            target_seconds=main.target_seconds,
            overtime=main.overtime,
            cut=main.auto_submitted,
            total_seconds=round(sum(a.seconds for a in told), 2),
            words=sum(a.words for a in told),
            i_count=sum(r.signals.i_count for r in results),
            we_count=sum(r.signals.we_count for r in results),
            figures=said_once(q for r in results for q in r.signals.numbers),
            answers=tuple(told),
        )

    first, second = side(before, told_before, 0), side(after, told_after, n)
    rank = {v: k for k, v in enumerate(VOTES)}
    main = next(a for a in told_after if a.kind == "main")
    return Comparison(
        ref=after.ref,
        principle=main.principle,
        prompt=main.prompt,
        before=first,
        after=second,
        flags_gained=tuple(f for f in second.flags if f not in first.flags),
        flags_lost=tuple(f for f in first.flags if f not in second.flags),
        vote_change=rank[first.vote] - rank[second.vote],
        figures_new=tuple(f for f in second.figures if f not in first.figures),
        figures_dropped=tuple(f for f in first.figures if f not in second.figures),
        same_story=same,
        contradictions=contradictions,
        checks=checks,
    )


def compare_with_earlier(sessions: Sequence[Session], retry: Session) -> Comparison | None:
    """``retry`` against the attempt told just before it (the loop's own, for a first
    retry); None when ``retry`` is unanswered or its loop is gone."""
    latest = Attempt.of_retry(retry)
    attempts = attempts_of([*(s for s in sessions if s.id != retry.id), retry], latest.ref)
    at = next((k for k, a in enumerate(attempts) if a.session.id == retry.id), None)
    if at is None or at == 0:
        return None
    return compare(attempts[at - 1], attempts[at])


@dataclass(frozen=True)
class AttemptVote:
    """One point of a question's trend."""

    session_id: str
    when: str
    retry: bool
    vote: Vote | None
    """The vote as its session's debrief counts it (the loop's own attempt: after the
    loop's contradictions and the candidate's dismissals; a retry: its telling's vote);
    None when not scored (a question never retried, listed among every loop's)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "when": self.when,
            "retry": self.retry,
            "vote": self.vote,
        }


@dataclass(frozen=True)
class Retryable:
    """A question of a past loop that can be asked again, with every attempt of it."""

    ref: QuestionRef
    principle: str
    prompt: str
    loop_date: str
    attempts: tuple[AttemptVote, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.ref.to_json(),
            "principle": self.principle,
            "prompt": self.prompt,
            "loop_date": self.loop_date,
            "attempts": [a.to_json() for a in self.attempts],
        }


def telling_vote(attempt: Attempt) -> Vote:
    """An attempt's vote judged on its own, as ``compare`` judges each side."""
    spoken = attempt.session.settings.mode == "spoken"
    inputs = [answer_input(a, attempt.failure, spoken) for a in attempt.answers]
    analysis = analyze_loop(inputs, None)
    main_at = next(k for k, a in enumerate(attempt.answers) if a.kind == "main")
    return analysis.answers[main_at].vote


class _CountedVotes:
    """A loop's votes as its debrief counts them, the debrief built once when first
    asked: one owner of a round's vote, so history's list of attempts never says
    INCLINED where the debrief, a contradiction having lowered it, says NOT INCLINED."""

    def __init__(self, loop: Session) -> None:
        self.loop = loop
        self.votes: dict[tuple[int, int], Vote | None] | None = None

    def of(self, ref: QuestionRef) -> Vote | None:
        if self.votes is None:
            d = build_debrief(self.loop)
            self.votes = {(q.round, q.index): q.counted for q in d.questions}
        return self.votes.get((ref.round, ref.question_index))


def retryable(sessions: Sequence[Session], loop_id: str | None = None) -> list[Retryable]:
    """Every answered main question of every loop (or of ``loop_id`` only), newest loop
    first, each with its attempts oldest first.

    Of every loop, only questions retried at least once are scored (a few
    milliseconds each): scoring every question of every loop would take seconds with
    many loops. Of one loop (``loop_id``, history's list of its questions) every
    question is, so a question tried once shows its one vote ("1 attempt, not
    retried yet" left it out of a list of votes per attempt).
    """
    retries = [s for s in sessions if s.origin.kind == "retry"]
    loops = sorted(
        (
            s
            for s in sessions
            if s.origin.kind in RETRYABLE_KINDS and (loop_id is None or s.id == loop_id)
        ),
        key=lambda s: (s.created_at, s.id),
        reverse=True,
    )
    out: list[Retryable] = []
    for loop in loops:
        counted = _CountedVotes(loop)
        for rnd in loop.plan.rounds:
            for qi, q in enumerate(rnd.questions):
                ref = QuestionRef(loop.id, rnd.index, qi)
                attempts = attempts_of([loop, *retries], ref)
                if not attempts or attempts[0].session.id != loop.id:
                    continue  # never answered in the loop
                scored = len(attempts) > 1 or loop_id is not None
                out.append(
                    Retryable(
                        ref,
                        q.principle,
                        q.prompt,
                        (loop.created_at or loop.updated_at)[:10],
                        tuple(
                            AttemptVote(
                                a.session.id,
                                a.when,
                                a.is_retry,
                                (counted.of(ref) if not a.is_retry else telling_vote(a))
                                if scored
                                else None,
                            )
                            for a in attempts
                        ),
                    )
                )
    return out


def _attempt_sessions(folder: Path | None, loop_id: str | None) -> list[Session]:
    """The saved sessions that can hold attempts of ``loop_id``'s questions (of every
    loop's, with None): the loop and every retry, found through home's summary index so
    that no other session file is parsed (each takes tens of milliseconds; comparing a
    retry beside 30 saved loops took 0.7 to 1 s when every file was read). Unreadable
    files are skipped here: home and history name them."""
    chosen = [
        s.path
        for s in load_summaries(folder).summaries
        if s.kind == "retry" or (s.id == loop_id if loop_id else s.kind in RETRYABLE_KINDS)
    ]
    sessions: list[Session] = []
    for path in chosen:
        try:
            sessions.append(session_from_toml(path))
        except FileProblemError:
            continue
    return sessions


def comparison_for(retry: Session, folder: Path | None = None) -> Comparison | None:
    """``retry`` against the attempt just before it, read from the saved sessions in
    ``folder`` (the sessions folder by default)."""
    return compare_with_earlier(_attempt_sessions(folder, retry.origin.source), retry)


def retryable_in(folder: Path | None = None, loop_id: str | None = None) -> list[Retryable]:
    """``retryable`` over the saved sessions in ``folder``."""
    return retryable(_attempt_sessions(folder, loop_id), loop_id)
