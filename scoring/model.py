"""The plain data the scoring engine reads and writes.

Everything here is a frozen dataclass so results can be cached, compared in
tests and handed to the UI without fear of mutation. ``to_json`` methods
produce the ``mockloop analyze --json`` contract; the UI reads the dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

STAR_BEATS: tuple[str, ...] = ("situation", "task", "action", "result", "reflection")
"""STAR and the reflection after it, in the order they are usually told."""

FLAG_NAMES: tuple[str, ...] = (
    "we-heavy",
    "no-metric",
    "hypothetical",
    "passive-voice",
    "manager-assigned",
    "escalated-away",
    "effort-only",
    "vague",
    "no-result",
    "no-reflection",
    "too-short",
    "too-long",
    "no-commit",
    "spun-failure",
)
"""Every flag the engine can raise, in report order."""

VOTES: tuple[str, ...] = ("strongly-inclined", "inclined", "not-inclined", "strongly-not-inclined")
"""Debrief votes, best first."""

Vote = Literal["strongly-inclined", "inclined", "not-inclined", "strongly-not-inclined"]

VOTE_WORDS: dict[str, str] = {
    "strongly-inclined": "STRONGLY INCLINED",
    "inclined": "INCLINED",
    "not-inclined": "NOT INCLINED",
    "strongly-not-inclined": "STRONGLY NOT INCLINED",
}
"""Each vote as the debrief meeting says it (screens, reports and exports)."""

KINDS: tuple[str, ...] = ("main", "follow-up")


@dataclass(frozen=True)
class AnswerInput:
    """One spoken answer, as the loop recorded it.

    ``failure`` says the question asked for a failure, which is what turns on
    the spun-failure check for principles other than learn-and-be-curious.
    ``seconds`` is measured speaking time; leave it None for a typed answer,
    whose length is estimated from its words (typing is slower than speech).
    ``told`` holds the STAR beats a spoken answer marked by key as it said them
    (``"result"``, ``"reflection"``...): the text is then only a note, and a
    marked beat counts as told.
    """

    round: int
    principle: str
    text: str
    question: str | None = None
    kind: str = "main"
    seconds: float | None = None
    failure: bool = False
    told: tuple[str, ...] = ()


@dataclass(frozen=True)
class FlagHit:
    """One red flag with the evidence an interviewer would cite.

    A flag raised by something said carries the span (``start``/``end`` are
    character offsets into the answer text, ``quote`` the text between); a
    flag raised by something missing carries only ``message``.
    """

    name: str
    start: int | None
    end: int | None
    quote: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        if self.start is not None and self.end is not None:
            return {
                "start": self.start,
                "end": self.end,
                "quote": self.quote,
                "message": self.message,
            }
        return {"message": self.message}


@dataclass(frozen=True)
class Evidence:
    """A quoted span used to justify a vote (positive or negative)."""

    start: int
    end: int
    quote: str
    note: str
    positive: bool
    focus: tuple[int, int] | None = None
    """The words the note rests on (offsets in the answer, within ``start``..``end``):
    the quote is their whole sentence, and a quote shortened to fit a line keeps these
    ("I noticed" of a long sentence that opens with its setting). None with no quote."""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "note": self.note,
            "positive": self.positive,
        }


@dataclass(frozen=True)
class Signals:
    """The counts behind flags and votes, shown so a candidate can check them."""

    i_count: int
    we_count: int
    numbers: tuple[str, ...]
    """The figures given, every mention in order, as a reader says them ('900 ms', '6'):
    not a number that is part of a name (an HTTP status, a model, a version)."""
    word_count: int
    seconds: float
    seconds_measured: bool
    star: tuple[str, ...]
    """STAR parts found, in order: situation, task, action, result, reflection."""

    def to_json(self) -> dict[str, Any]:
        return {
            "i_count": self.i_count,
            "we_count": self.we_count,
            "numbers": list(self.numbers),
            "word_count": self.word_count,
            "estimated_seconds": round(self.seconds, 1),
            "seconds_measured": self.seconds_measured,
            "star": list(self.star),
        }


@dataclass(frozen=True)
class AnswerAnalysis:
    """What one interviewer would note about one answer."""

    index: int
    round: int
    principle: str
    kind: str
    flags: tuple[FlagHit, ...]
    vote: Vote
    vote_evidence: tuple[Evidence, ...]
    signals: Signals
    score: float
    """The number behind the vote, for sorting and for tests; not shown to users."""

    @property
    def flag_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.flags)

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "round": self.round,
            "principle": self.principle,
            "kind": self.kind,
            "flags": list(self.flag_names),
            "evidence": {f.name: f.to_json() for f in self.flags},
            "vote": self.vote,
            "vote_evidence": [e.to_json() for e in self.vote_evidence],
            "signals": self.signals.to_json(),
        }


@dataclass(frozen=True)
class Reuse:
    """Two tellings, in different rounds, of the same story."""

    answers: tuple[int, int]
    rounds: tuple[int, int]
    similarity: float
    evidence: tuple[str, ...]

    @property
    def key(self) -> str:
        """Names this finding in a session's ``dismissed`` list (the candidate's word)."""
        return f"reuse:{self.answers[0]}:{self.answers[1]}"

    def to_json(self) -> dict[str, Any]:
        return {
            "answers": list(self.answers),
            "rounds": list(self.rounds),
            "similarity": round(self.similarity, 3),
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Statement:
    """One side of a contradiction or check: what one answer said, quotable whole.

    ``start``/``end`` are character offsets of the stated value in the answer's
    text; ``sentence`` is the whole sentence holding it.
    """

    answer: int
    round: int
    sentence: str
    start: int
    end: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "round": self.round,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


@dataclass(frozen=True)
class Contradiction:
    """Two tellings of one story whose stated facts disagree.

    ``statements`` holds the two sides (first the answer in ``answers[0]``) so a
    screen quotes them whole instead of parsing ``detail``; it is empty when
    built by code that has no offsets.
    """

    answers: tuple[int, int]
    rounds: tuple[int, int]
    kind: str
    detail: str
    statements: tuple[Statement, ...] = ()

    @property
    def key(self) -> str:
        """Names this finding in a session's ``dismissed`` list (the candidate's word)."""
        return f"{self.kind}:{self.answers[0]}:{self.answers[1]}:{self.detail}"

    def to_json(self) -> dict[str, Any]:
        return {
            "answers": list(self.answers),
            "rounds": list(self.rounds),
            "kind": self.kind,
            "detail": self.detail,
            "statements": [s.to_json() for s in self.statements],
        }


@dataclass(frozen=True)
class Check(Contradiction):
    """Two tellings whose facts may disagree: worth a look, never a verdict.

    The slot is unsure (one telling says the figure is the result, the other
    does not say), the values are near (rounding), or a month or a kind of
    company differs. A check never lowers a vote.
    """


@dataclass(frozen=True)
class Outcome:
    """The debrief's decision and why.

    ``principles`` maps each probed principle to its vote (the worse vote when a
    principle was probed twice); ``bar_raiser_vote`` is None when no round is
    the Bar Raiser's (an empty loop).
    """

    decision: Literal["hire", "no-hire"]
    reason: str
    bar_raiser_round: int | None
    bar_raiser_vote: Vote | None
    principles: dict[str, Vote] = field(default_factory=dict)
    inclined: int = 0
    total: int = 0
    counted: dict[int, Vote] = field(default_factory=dict)
    """Each telling's vote as the meeting counts it, by its main answer's index:
    one step lower where a contradiction touched the telling. The debrief's
    rounds, grid and exports read their votes here, never lower them again."""

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "reason": self.reason,
            "bar_raiser_round": self.bar_raiser_round,
            "bar_raiser_vote": self.bar_raiser_vote,
            "principles": dict(self.principles),
            "inclined_votes": self.inclined,
            "total_votes": self.total,
        }


@dataclass(frozen=True)
class LoopAnalysis:
    """Everything the debrief meeting would read for one loop."""

    answers: tuple[AnswerAnalysis, ...]
    reused: tuple[Reuse, ...]
    contradictions: tuple[Contradiction, ...]
    outcome: Outcome
    checks: tuple[Check, ...] = ()
    """Facts that may disagree across rounds; shown apart, never counted against votes."""

    def to_json(self) -> dict[str, Any]:
        """The ``mockloop analyze --json`` object (see scoring/__init__.py)."""
        return {
            "answers": [a.to_json() for a in self.answers],
            "reused": [r.to_json() for r in self.reused],
            "contradictions": [c.to_json() for c in self.contradictions],
            "outcome": self.outcome.to_json(),
            "checks": [c.to_json() for c in self.checks],
        }
