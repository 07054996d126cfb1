"""A story drill: one banked story told at 30 s, 60 s, 90 s and 2 minutes, and judged.

Why: most rehearsal happens between loops, one story at a time, and a story
has to survive being cut short. A drill is saved as a session (origin kind
"drill", story = the story's slug) with one round of four questions, each
with its own length, so the existing runner and interview screen play it
(the clock, saving as typed, drafts, crash-resume come with them).

After each telling, ``review_drill`` says, from the engine as it is (no new
rule here):
- the STAR beats present (``analyze_answer``'s signals);
- the share of the telling spent on action: the marked seconds of a spoken
  telling, or for a typed one the words of the sentences in which the engine
  finds the candidate's own action;
- what the telling dropped that matters (the result, the figure, the
  candidate's own action) while the bank or a longer telling has it: the
  result and the action as the engine's STAR parts, the figure as its
  quantified outcome (no ``no-metric`` flag);
- any fact that disagrees with the bank (``matching.story_conflicts``) or
  with a shorter telling told before it (``compare_facts``).
The drill ends with the shortest telling that keeps the result and the figure.

``drills(sessions)`` lists the drills (story and when) for the story wear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from loops.planner import LoopPlan, PlannedQuestion, RoundPlan
from loops.review.analysis import answer_input
from loops.review.matching import story_conflicts, story_text
from loops.session import AnswerRecord, LoopSettings, Origin, Session
from loops.stories import Story
from loops.timing import beat_split
from scoring.engine import analyze_answer
from scoring.facts import compare_facts, extract_facts
from scoring.model import AnswerAnalysis, AnswerInput
from scoring.text import sentences
from scoring.wording import word_count

DRILL_SECONDS = (30, 60, 90, 120)
"""The four lengths, shortest first: each telling has to fit the next cut."""
FALLBACK_PRINCIPLE = "deliver-results"
"""A story banked without a principle is drilled for its result."""
MATTERS = ("result", "figure", "own action")
"""What a shorter telling must not lose, in the order it is said."""


def length_label(seconds: int) -> str:
    """'30 s', '90 s', '2 min': how the drill names a length."""
    if seconds >= 120 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


# --- building the drill --------------------------------------------------------


def drill_plan(story: Story, level: str) -> LoopPlan:
    """One round, the story asked four times, each at its own length."""
    principle = story.principles[0] if story.principles else FALLBACK_PRINCIPLE
    questions = tuple(
        PlannedQuestion(
            id=f"drill-{story.id}-{seconds}",
            principle=principle,
            prompt=f'Tell your story "{story.title}" in {length_label(seconds)}.',
            follow_ups=(),
            seconds=seconds,
        )
        for seconds in DRILL_SECONDS
    )
    round_ = RoundPlan(
        index=1,
        kind="behavioral",
        interviewer="Story drill",
        title=story.title,
        principles=(principle,),
        questions=questions,
    )
    return LoopPlan(level=level, seed=0, rounds=(round_,))


def drill_session(story: Story, settings: LoopSettings, session_id: str) -> Session:
    """A new drill of ``story``: strict timing, whatever the loop settings say, because
    the clock enforcing each length is the point; typed or spoken as the candidate chose.
    No coach and no vote of one's own: a drill is judged on its own screen."""
    settings = replace(settings, timing="strict", coach=False, self_vote=False)
    return Session(
        id=session_id,
        settings=settings,
        plan=drill_plan(story, settings.level),
        origin=Origin(kind="drill", story=story.id),
    )


# --- judging it -------------------------------------------------------------------


@dataclass(frozen=True)
class Dropped:
    """Something that matters which this telling left out and others kept."""

    what: str
    """result | figure | own action"""
    in_bank: bool
    """The banked story has it."""
    kept_by: tuple[int, ...] = ()
    """The lengths (seconds) of the longer tellings that have it."""

    @property
    def where(self) -> str:
        """'the bank and the 60 s and 2 min tellings': who has what this telling dropped."""
        lengths = [length_label(s) for s in self.kept_by]
        said = []
        if self.in_bank:
            said.append("the bank")
        if lengths:
            many = len(lengths) > 1
            listed = ", ".join(lengths[:-1]) + " and " + lengths[-1] if many else lengths[0]
            said.append(f"the {listed} telling{'s' if many else ''}")
        return " and ".join(said)


@dataclass(frozen=True)
class DrillTelling:
    """One telling of the drill, judged on its own and against the bank and the others."""

    answer: int
    """Index of the answer in the session."""
    target_seconds: int
    seconds: float
    words: int
    text: str
    auto_submitted: bool
    beats: tuple[str, ...]
    """STAR beats present, in order (situation, task, action, result, reflection)."""
    action_share: float | None
    """Share of the telling spent on the candidate's action (0 to 1); None if empty."""
    keeps: tuple[str, ...]
    """Which of MATTERS the telling has."""
    dropped: tuple[Dropped, ...]
    conflicts: tuple[str, ...]
    """Facts that disagree with the bank or a shorter telling, each said in full."""
    disagrees_with_bank: bool = False
    disagrees_with: tuple[int, ...] = ()
    """The lengths (seconds) of the other tellings, shorter or longer, whose facts
    disagree with this one's: what decides whether it can be recommended."""

    @property
    def label(self) -> str:
        return length_label(self.target_seconds)

    @property
    def keeps_result_and_figure(self) -> bool:
        return "result" in self.keeps and "figure" in self.keeps


@dataclass(frozen=True)
class DrillReview:
    """A drill as judged so far: every telling given, and the shortest one that holds."""

    story: str
    title: str
    banked: bool
    """False when the story is no longer in the bank: nothing to compare with there."""
    tellings: tuple[DrillTelling, ...]
    finished: bool
    spoken: bool = False
    """Told aloud: the text is only the candidate's note, so a figure counts when the
    note holds it (the beats count as marked)."""

    def _trusted(self, telling: DrillTelling) -> bool:
        """Its facts agree with the bank, and with every longer telling that itself agrees
        with the bank: a telling whose figure is wrong is not the one to keep telling.
        (A longer telling the bank contradicts does not disqualify a shorter one.)"""
        if telling.disagrees_with_bank:
            return False
        by_length = {t.target_seconds: t for t in self.tellings}
        return not any(
            s > telling.target_seconds and not by_length[s].disagrees_with_bank
            for s in telling.disagrees_with
            if s in by_length
        )

    @property
    def shortest(self) -> DrillTelling | None:
        """The shortest telling that still keeps the result and the figure, and whose
        facts agree with the bank and the longer tellings."""
        return next(
            (t for t in self.tellings if t.keeps_result_and_figure and self._trusted(t)), None
        )

    @property
    def passed_over(self) -> tuple[DrillTelling, ...]:
        """Tellings shorter than ``shortest`` (all, if none holds) that keep the result
        and the figure but whose facts disagree: said, so the verdict is not a puzzle."""
        best = self.shortest
        limit = best.target_seconds if best is not None else None
        return tuple(
            t
            for t in self.tellings
            if t.keeps_result_and_figure
            and not self._trusted(t)
            and (limit is None or t.target_seconds < limit)
        )


def _keeps(analysis: AnswerAnalysis) -> tuple[str, ...]:
    star = analysis.signals.star
    has = {
        "result": "result" in star,
        "figure": "no-metric" not in analysis.flag_names,
        "own action": "action" in star,
    }
    return tuple(k for k in MATTERS if has[k])


def _action_share(answer: AnswerRecord, spoken: bool) -> float | None:
    """Spoken: the marked action time over the telling's time. Typed: the words of the
    sentences where the engine finds the candidate's own action, over all words."""
    if spoken:
        return beat_split(answer.beats, answer.seconds).action_share if answer.seconds else None
    total = word_count(answer.text)
    if not total:
        return None
    acting = 0
    for s in sentences(answer.text):
        one = analyze_answer(AnswerInput(answer.round, answer.principle, s.text))
        if "action" in one.signals.star:
            acting += word_count(s.text)
    return round(acting / total, 3)


def _drill_answers(session: Session) -> list[tuple[int, AnswerRecord]]:
    return [(i, a) for i, a in enumerate(session.answers) if a.kind == "main"]


def review_drill(session: Session, story: Story | None) -> DrillReview:
    """The drill's tellings so far, each judged; ``story`` is the banked story (None if
    it has left the bank since)."""
    spoken = session.settings.mode == "spoken"
    told = sorted(_drill_answers(session), key=lambda ia: (ia[1].target_seconds, ia[0]))
    analyses = [analyze_answer(answer_input(a, spoken=spoken)) for _, a in told]
    keeps = [_keeps(x) for x in analyses]
    bank_keeps: tuple[str, ...] = ()
    if story is not None:
        bank = analyze_answer(AnswerInput(1, FALLBACK_PRINCIPLE, story_text(story)))
        bank_keeps = _keeps(bank)
        if story.figures and "figure" not in bank_keeps:
            bank_keeps = (*bank_keeps, "figure")
    facts = [extract_facts(a.text, i) for i, a in told]
    # Which pairs of tellings disagree (symmetric): the shorter of two is judged
    # against the longer too when the drill picks the telling to keep.
    clash = {
        (n, m): bool(compare_facts(facts[n], facts[m]))
        for n in range(len(told))
        for m in range(len(told))
        if m < n
    }
    out: list[DrillTelling] = []
    for n, ((index, answer), analysis) in enumerate(zip(told, analyses, strict=True)):
        dropped: list[Dropped] = []
        for what in MATTERS:
            if what in keeps[n]:
                continue
            longer = tuple(
                told[m][1].target_seconds for m in range(n + 1, len(told)) if what in keeps[m]
            )
            if what in bank_keeps or longer:
                dropped.append(Dropped(what, what in bank_keeps, longer))
        this = f"the {length_label(answer.target_seconds)} telling"
        against_bank = story_conflicts(answer.text, story, this) if story else []
        conflicts = [c.detail for c in against_bank]
        others = tuple(
            told[m][1].target_seconds
            for m in range(len(told))
            if m != n and clash[(max(n, m), min(n, m))]
        )
        for m in range(n):
            earlier = f"the {length_label(told[m][1].target_seconds)} telling"
            conflicts += [c.detail(this, earlier) for c in compare_facts(facts[n], facts[m])]
        out.append(
            DrillTelling(
                answer=index,
                target_seconds=answer.target_seconds,
                seconds=answer.seconds,
                words=word_count(answer.text),
                text=answer.text,
                auto_submitted=answer.auto_submitted,
                beats=analysis.signals.star,
                action_share=_action_share(answer, spoken),
                keeps=keeps[n],
                dropped=tuple(dropped),
                conflicts=tuple(dict.fromkeys(conflicts)),
                disagrees_with_bank=bool(against_bank),
                disagrees_with=others,
            )
        )
    return DrillReview(
        story=session.origin.story,
        title=session.plan.rounds[0].title if session.plan.rounds else session.origin.story,
        banked=story is not None,
        tellings=tuple(out),
        finished=session.finished,
        spoken=spoken,
    )


# --- drills for the story wear ------------------------------------------------------


@dataclass(frozen=True)
class Drill:
    """One drill of a banked story: which story, and when."""

    session_id: str
    story: str
    """The slug of the banked story drilled."""
    when: str
    """When it was last told (ISO 8601, UTC); when it started if nothing was told yet."""
    tellings: int
    """How many of its lengths were told: typed, or spoken with a beat marked (a spoken
    telling's text is only an optional note)."""
    finished: bool


def drills(sessions: Iterable[Session]) -> list[Drill]:
    """Every drill among ``sessions``, oldest first: what the story wear counts."""
    out = []
    for s in sessions:
        if s.origin.kind != "drill":
            continue
        told = [a for a in s.answers if a.kind == "main" and not a.skipped]
        when = max((a.submitted_at for a in told), default="") or s.created_at
        out.append(Drill(s.id, s.origin.story, when, len(told), s.finished))
    return sorted(out, key=lambda d: (d.when, d.session_id))
