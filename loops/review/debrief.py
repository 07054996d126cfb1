"""The debrief of a session: one typed value, built once, rendered many times.

``build_debrief`` groups every answer into its question once (main answer,
follow-ups, the Bar Raiser's probe), takes each question's vote as the
meeting counts it from the outcome (``Outcome.counted``: lowered where a
contradiction touched it, after the probe's contradictions and the
candidate's dismissals), and keeps the findings the candidate dismissed
apart. The debrief screen, ``history``, and through ``Debrief.to_json`` the
Markdown, HTML and JSON exports and ``mockloop debrief`` all read this value
and lower nothing themselves, so they cannot disagree. ``to_json`` holds
plain types only, so a JSON export read back compares equal to it.

The JSON shape (``version`` 2)::

    {"format": "mockloop-debrief", "version": 1,
     "session": {id, level, level_name, rounds, timing, mode, coach, main_seconds,
                 follow_up_seconds, created_at, updated_at, finished, answer_count,
                 skipped_count, speaking_seconds},
    (answer_count counts answers given; skipped_count the questions passed over
    with nothing said, which are still listed under "answers"; speaking_seconds is
    the clock time of the answers given, skips left out; a round's minutes are its
    budget_seconds, the time limits added up, in whole minutes rounded up)
     "outcome": {decision, reason, bar_raiser_round, bar_raiser_vote, inclined, total},
     "rounds": [{index, interviewer, title, kind, shown_kind, bar_raiser, minutes,
                 principles, budget_seconds, used_seconds,
                 "questions": [{index, question_id, principle, principle_name, prompt,
                                failure, answered, skipped, answers: [answer index],
                                main_answer,
                                vote, final_vote, contradicted, lowered_by,
                                self_vote, self_verdict,
                                "vote_evidence": [{answer, quote, note, positive, start, end}],
                                "flags": [{answer, name, message, quote, start, end}]}]}],
     "answers": [{index, round, question_index, principle, kind, follow_up_kind, prompt,
                  text, words, seconds, spoken_seconds, spoken_measured, target_seconds,
                  overtime, auto_submitted, skipped,
                  i_count, we_count, numbers, star, flags, vote, beats,
                  "beat_split": {situation_task, action_share, setup_too_long} | None}],
     "reused": [{key, answers: [i, j], rounds, principles, similarity, shared: [str]}],
     "contradictions": [{key, answers: [i, j], rounds, kind, detail, statements}],
     "checks": [as contradictions: facts to check, never counted against a vote],
     "dismissed": {"reused": [as reused], "contradictions": [as contradictions]},
     "self_check": {votes, agree, over_confident, too_harsh},
     "principles": [{slug, name, probed, rounds, votes: [{round, vote}], vote}]}

An answer's ``seconds`` is its answer clock (for a typed answer, typing time) and
``spoken_seconds`` its length as judged: the clock time when spoken
(``spoken_measured``), else estimated from its words (see
``loops.review.analysis.spoken_length``).

Offsets (``start``/``end``) are character offsets into the text of the answer
named by ``answer`` (an index into ``answers``); a flag raised by something
missing has ``quote``, ``start`` and ``end`` set to None. A question's
``vote`` is its telling's vote (main answer with follow-ups); ``final_vote``
is the one the debrief counts, one step lower when a contradiction touched
the telling (``lowered_by`` lists those contradictions by index).
A skipped question (nothing said) is listed with its saved answer, so answer
numbers stay as saved, but it is not scored: ``skipped`` true, ``answered``
false, ``main_answer``, ``vote`` and ``final_vote`` None, no flags, and its
answer's ``vote`` None and ``flags`` empty; the outcome does not count it.
``self_vote`` is the candidate's own vote, given before the debrief (None
when not given), and ``self_verdict`` how it compares with ``final_vote``:
"agree", "over-confident" (theirs was better) or "too harsh"; ``self_check``
counts them over the loop. The
principle grid lists all 16 principles in ``loops.principles.PRINCIPLES``
order: ``probed`` says a round of the plan grades it, ``rounds`` which
rounds, ``votes`` the counted votes of the tellings given so far, and
``vote`` the debrief's vote for it (the worse of two).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from loops.levels import level_name
from loops.planner import minutes
from loops.principles import BY_SLUG, PRINCIPLES
from loops.review.analysis import analyze_session, dismissed_findings, held_by_reuse
from loops.session import Session, count_answers, speaking_seconds
from loops.timing import beat_split
from scoring.model import (
    VOTE_WORDS,
    VOTES,
    Check,
    Contradiction,
    Evidence,
    LoopAnalysis,
    Outcome,
    Reuse,
    Vote,
)

FORMAT = "mockloop-debrief"
VERSION = 2

DECISION_WORDS = {"hire": "HIRE", "no-hire": "NO HIRE"}
"""The outcome as every screen, report and export says it, one spelling each; the
machine value ("no-hire") stays in JSON."""


def decision_words(decision: str | None) -> str:
    return DECISION_WORDS.get(decision or "", str(decision))


_LOOSE_END = re.compile(
    r"(?<=\S)(?: (?:during|to|of|the|a|and|in|at|for|with|by|from|over))+"
    r"(?=['\"](?:[\s,;:)]|$))",
    re.IGNORECASE,
)
"""Function words ending a quoted clause, just before its closing quotation mark."""


_QUOTED = re.compile(r"(?<![\w])(['\"])(.+?)\1(?=[\s,;:)]|$)")
"""A quoted clause in a finding's detail (the engine quotes with ``repr``)."""

_TRAILING = frozenset({
    "during", "to", "of", "the", "a", "an", "and", "in", "at", "for", "with", "by", "from",
    "over", "on", "onto", "into", "as", "about", "than", "our", "my", "their", "his",
    "her", "its", "your", "we", "i", "that", "which", "who", "but", "or", "so", "then",
    "because", "when", "while", "after", "before", "under", "per",
})  # fmt: skip
"""Function words a quote does not end on ('led a team of 5 engineers on')."""

_NAME_WORD = re.compile(r"[A-Z][\w&'\-]*")


def _whole_clause(quote: str, sentence: str, core: str) -> str:
    """``quote`` cut to whole words of ``sentence``: no leading piece of a proper name
    the quote began inside ('Retail our team was 8 people' from "At Acme Retail our
    team was 8 people" reads 'our team was 8 people'), and no closing function word.
    The stated value itself (``core``) is never cut."""
    at = sentence.find(quote)
    words = quote.split(" ")
    keep = quote.find(core) if core else -1
    if keep < 0:
        keep = len(quote)
    if at >= 0:
        before = sentence[:at].rstrip().rsplit(None, 1)
        begun_inside = at > 0 and not sentence[at - 1].isspace()
        prev_name = bool(before) and bool(_NAME_WORD.fullmatch(before[-1].strip("\"'(")))
        if begun_inside and words and len(words[0]) <= keep:
            keep -= len(words[0]) + 1
            words = words[1:]
        elif prev_name:
            while len(words) > 1 and _NAME_WORD.fullmatch(words[0]) and len(words[0]) < keep:
                keep -= len(words[0]) + 1
                words = words[1:]
    end = len(words)
    used = sum(len(w) + 1 for w in words)
    while end > 1 and words[end - 1].lower() in _TRAILING:
        used -= len(words[end - 1]) + 1
        if used <= keep + len(core):
            break
        end -= 1
    return " ".join(words[:end])


def _statement_parts(statement: Any) -> tuple[str, str]:
    if isinstance(statement, dict):
        return statement["sentence"], statement["quote"]
    return statement.sentence, statement.quote


def shown_detail(detail: str, statements: Iterable[Any] = ()) -> str:
    """A contradiction's or check's detail as every view shows it (the debrief, the
    retry, the exports): each quoted clause without the function words it was clipped
    on ("'had crept up to 1.4 seconds during'" reads "'had crept up to 1.4
    seconds'"), and, where the finding gives each side's sentence (``statements``, the
    engine's objects or their JSON), starting on a whole word of it, not inside a name
    ("'Retail our team was 8 people'" reads "'our team was 8 people'"). Display only:
    the engine's quote, which its rules and a dismissal's key read, stays as it is."""
    sides = [_statement_parts(s) for s in statements]
    if sides:
        found = iter(range(len(sides)))

        def trim(m: re.Match[str]) -> str:
            k = next(found, None)
            mark, quote = m.group(1), m.group(2)
            if k is None or sides[k][0].find(quote) < 0:
                return _LOOSE_END.sub("", m.group(0))
            return mark + _whole_clause(quote, sides[k][0], sides[k][1]) + mark

        return _QUOTED.sub(trim, detail)
    return _LOOSE_END.sub("", detail)


SIMILARITY_PLACES = 2
"""How many decimals a similarity is given in: on screen, in the exports and in JSON."""


def similarity_value(similarity: float) -> float:
    """A similarity as mockloop gives it, rounded once from the engine's value: what
    the JSON holds and every view prints (``similarity_text``). Rounded to three places
    for the JSON and again to two for the exports, 0.5449 read 0.54 on the screen and
    0.55 in the Markdown."""
    return round(similarity, SIMILARITY_PLACES)


def similarity_text(similarity: float) -> str:
    """A similarity as every view says it: "0.54". Given ``similarity_value``'s value,
    it says the same (rounding it again changes nothing)."""
    return f"{similarity_value(similarity):.{SIMILARITY_PLACES}f}"


def outcome_beside(
    reason: str, inclined: int, total: int, skipped: int, bar_raiser_vote: str | None
) -> tuple[list[str], str | None]:
    """What the outcome says beside the engine's reason, each fact once, as the debrief
    screen and the exports say it: the counts (how many votes are inclined, left out
    where the reason says it, as in "Only 3 of 9 votes are inclined."; the skipped
    questions) and the Bar Raiser's vote in words (None where the reason says it: "voted
    STRONGLY NOT INCLINED: a veto"). The Markdown export once said "7 of 9 votes
    inclined" twice, once in the reason and once on a line of its own."""
    counts = []
    if f"{inclined} of {total} votes" not in reason:
        counts.append(f"{inclined} of {total} votes inclined")
    if skipped:
        counts.append(f"{skipped} skipped, not counted")
    said = VOTE_WORDS.get(bar_raiser_vote, bar_raiser_vote) if bar_raiser_vote else None
    return counts, None if said is None or said in reason else said


@dataclass(frozen=True)
class QuestionVerdict:
    """One planned question as the meeting reads it."""

    round: int
    index: int
    question_id: str
    principle: str
    prompt: str
    failure: bool
    answers: tuple[int, ...]
    """Every answer saved for it, in order: main, follow-ups, the probe's answer (a
    skip is saved as a main answer with nothing said)."""
    main: int | None
    """The main answer given; None when the question was not reached or was skipped."""
    vote: Vote | None
    """The telling's own vote (main answer with its follow-ups)."""
    counted: Vote | None
    """The vote the meeting counts: ``vote``, lowered where a contradiction touched it."""
    lowered_by: tuple[int, ...]
    """Indexes into ``Debrief.contradictions`` that touched this question's answers."""
    self_vote: Vote | None = None
    """The candidate's own vote for it, given before the debrief; None if not given."""
    skipped: bool = False
    """Passed over with nothing said (``loops.session.said_nothing``): not scored, no
    vote, no flags, not counted in the outcome."""

    @property
    def self_verdict(self) -> str | None:
        """How the candidate's own vote compares with ``counted``: see ``judge_self``."""
        if self.self_vote is None or self.counted is None:
            return None
        return judge_self(self.self_vote, self.counted)

    @property
    def principle_name(self) -> str:
        return _principle_name(self.principle)


SELF_VERDICTS = ("agree", "over-confident", "too harsh")


def judge_self(own: str, counted: str) -> str:
    """The candidate's vote against the one the meeting counts: the same ("agree"),
    better ("over-confident") or worse ("too harsh")."""
    gap = VOTES.index(counted) - VOTES.index(own)  # VOTES is best first
    return "agree" if gap == 0 else "over-confident" if gap > 0 else "too harsh"


@dataclass(frozen=True)
class SelfCheck:
    """How often the candidate's own votes agreed with the meeting's."""

    votes: int = 0
    agree: int = 0
    over: int = 0
    """Their vote was better than the meeting's."""
    harsh: int = 0
    """Their vote was worse than the meeting's."""

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> SelfCheck:
        """From (own vote, counted vote) pairs."""
        seen = [judge_self(own, counted) for own, counted in pairs]
        return cls(
            len(seen), seen.count("agree"), seen.count("over-confident"), seen.count("too harsh")
        )

    def __add__(self, other: SelfCheck) -> SelfCheck:
        return SelfCheck(
            self.votes + other.votes,
            self.agree + other.agree,
            self.over + other.over,
            self.harsh + other.harsh,
        )

    def sentence(self) -> str:
        """'3 of 5 agree with the meeting, 1 over-confident, 1 too harsh': one line at 80."""
        if not self.votes:
            return "none given yet"
        return (
            f"{self.agree} of {self.votes} agree with the meeting, "
            f"{self.over} over-confident, {self.harsh} too harsh"
        )


def session_self_check(session: Session, analysis: LoopAnalysis) -> SelfCheck:
    """The candidate's own votes against the counted votes of ``analysis``."""
    counted = analysis.outcome.counted
    return SelfCheck.of(
        (a.self_vote, counted.get(i, analysis.answers[i].vote))
        for i, a in enumerate(session.answers)
        if a.kind == "main" and a.self_vote is not None and not a.skipped
    )


@dataclass(frozen=True)
class PrincipleVerdict:
    """One row of the principle grid: every principle, probed or not."""

    slug: str
    name: str
    rounds: tuple[int, ...]
    """The rounds whose interviewer grades it."""
    votes: tuple[tuple[int, Vote], ...]
    """(round, counted vote) for each telling given so far."""
    vote: Vote | None
    """The meeting's vote for it: the worse of its counted votes."""


@dataclass(frozen=True)
class Debrief:
    """Everything the hiring meeting says about one session."""

    session: Session
    analysis: LoopAnalysis
    """Per answer notes (flags, evidence, signals), the findings shown, the outcome."""
    questions: tuple[QuestionVerdict, ...]
    principles: tuple[PrincipleVerdict, ...]
    dismissed_reused: tuple[Reuse, ...]
    dismissed_contradictions: tuple[Contradiction, ...]
    held: dict[str, Reuse] = field(default_factory=dict)
    """Dismissed contradictions (by key) that a dismissed reuse took with it: they
    come back only with that reuse."""

    @property
    def outcome(self) -> Outcome:
        return self.analysis.outcome

    @property
    def reused(self) -> tuple[Reuse, ...]:
        return self.analysis.reused

    @property
    def contradictions(self) -> tuple[Contradiction, ...]:
        return self.analysis.contradictions

    @property
    def checks(self) -> tuple[Check, ...]:
        """Facts that may disagree: shown apart, never counted against a vote."""
        return self.analysis.checks

    @property
    def self_check(self) -> SelfCheck:
        """The candidate's own votes against the meeting's, question by question."""
        return SelfCheck.of(
            (q.self_vote, q.counted)
            for q in self.questions
            if q.self_vote is not None and q.counted is not None
        )

    @property
    def skipped_questions(self) -> int:
        """Questions passed over with nothing said: no vote, so not in the outcome's count."""
        return sum(1 for q in self.questions if q.skipped)

    def round_questions(self, round_index: int) -> list[QuestionVerdict]:
        return [q for q in self.questions if q.round == round_index]

    def evidence(self, q: QuestionVerdict) -> list[tuple[int, int, Evidence]]:
        """The evidence behind ``q``'s vote, as every view lists it: each answer of the
        telling in turn (main, follow-ups, a probe's answer), each piece as
        ``(answer, its place in that answer's list, the evidence)``; none for a question
        not answered. The Rounds tab shows the first two of this list and the exports
        and JSON all of it: a follow-up's quantified result shown on screen was missing
        from the exports, which listed the main answer's evidence only."""
        if q.main is None:
            return []
        return [
            (i, n, ev)
            for i in q.answers
            for n, ev in enumerate(self.analysis.answers[i].vote_evidence)
        ]

    def retold_in(self, reuse: Reuse) -> tuple[int, int]:
        """For each telling of ``reuse``, the answer that carries the story: the one of
        its question's answers (main, follow-ups, a probe) that says the most of the
        shared specifics, the main answer on a tie.

        A reuse is named by its two main answers (its key), but a story is often told
        again in a follow-up ("what did you personally do?") after a main answer about
        something else: shown the two mains, the candidate saw nothing shared."""
        marks = reuse_marks(reuse)
        answers = self.session.answers

        def carrier(main: int) -> int:
            m = answers[main]
            mine = [
                i
                for i, a in enumerate(answers)
                if a.round == m.round and a.question_index == m.question_index and not a.skipped
            ]
            said = {i: sum(1 for w in marks if find_spans(answers[i].text, [w])) for i in mine}
            return max(mine, key=lambda i: (said[i], i == main), default=main)

        return carrier(reuse.answers[0]), carrier(reuse.answers[1])

    def to_json(self) -> dict[str, Any]:
        """The export format (see the module docstring), plain types only."""
        return _to_json(self)


def build_debrief(session: Session, analysis: LoopAnalysis | None = None) -> Debrief:
    """The debrief of ``session``; pass ``analysis`` if the caller has
    ``analyze_session(session)`` already."""
    if analysis is None:
        analysis = analyze_session(session)
    touched: dict[int, list[int]] = {}
    for n, c in enumerate(analysis.contradictions):
        for i in c.answers:
            touched.setdefault(i, []).append(n)
    counted = analysis.outcome.counted
    questions: list[QuestionVerdict] = []
    for rnd in session.plan.rounds:
        for qi, q in enumerate(rnd.questions):
            mine = tuple(
                i
                for i, a in enumerate(session.answers)
                if a.round == rnd.index and a.question_index == qi
            )
            main = next((i for i in mine if session.answers[i].kind == "main"), None)
            skipped = main is not None and session.answers[main].skipped
            if skipped:
                main = None  # nothing said: no vote, no flags (see analysis.given)
            vote = analysis.answers[main].vote if main is not None else None
            questions.append(
                QuestionVerdict(
                    round=rnd.index,
                    index=qi,
                    question_id=q.id,
                    principle=q.principle,
                    prompt=q.prompt,
                    failure=q.failure,
                    answers=mine,
                    main=main,
                    vote=vote,
                    counted=counted.get(main, vote) if main is not None else None,
                    lowered_by=tuple(sorted({n for i in mine for n in touched.get(i, [])})),
                    self_vote=_own_vote(session, main),
                    skipped=skipped,
                )
            )
    grid = tuple(
        PrincipleVerdict(
            slug=p.slug,
            name=p.name,
            rounds=tuple(r.index for r in session.plan.rounds if p.slug in r.principles),
            votes=tuple(
                (q.round, q.counted)
                for q in questions
                if q.principle == p.slug and q.counted is not None
            ),
            vote=analysis.outcome.principles.get(p.slug),
        )
        for p in PRINCIPLES
    )
    gone_r, gone_c = dismissed_findings(session, analysis)
    held = held_by_reuse(session, gone_c)
    return Debrief(session, analysis, tuple(questions), grid, tuple(gone_r), tuple(gone_c), held)


SHARED_TERMS = "shared terms: "
"""How ``story_evidence`` lists shared words when nothing stronger was shared."""


def reuse_marks(reuse: Reuse) -> list[str]:
    """The shared specifics of a reuse as words to find in its tellings (a list of
    shared terms is split into its terms; "told in nearly the same words" marks none)."""
    out: list[str] = []
    for said in reuse.evidence:
        if said.startswith(SHARED_TERMS):
            out += [t for t in said.removeprefix(SHARED_TERMS).split(", ") if t]
        elif said != "told in nearly the same words":
            out.append(said)
    return out


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Where each needle appears in ``text`` (case- and spacing-insensitive)."""
    spans = []
    for needle in needles:
        words = needle.strip(" .,;'\"").split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return spans


def _own_vote(session: Session, main: int | None) -> Vote | None:
    vote = session.answers[main].self_vote if main is not None else None
    return cast(Vote, vote) if vote in VOTES else None


def _principle_name(slug: str) -> str:
    p = BY_SLUG.get(slug)
    return p.name if p else slug


def _session_facts(session: Session) -> dict[str, Any]:
    st = session.settings
    given, skipped = count_answers(session.answers)
    return {
        "id": session.id,
        "level": st.level,
        "level_name": level_name(st.level),
        "rounds": len(session.plan.rounds),
        "timing": st.timing,
        "mode": st.mode,
        "coach": st.coach,
        "main_seconds": st.main_seconds,
        "follow_up_seconds": st.follow_up_seconds,
        "created_at": session.created_at,
        "updated_at": session.updated_at,
        "finished": session.finished,
        "answer_count": given,
        "skipped_count": skipped,
        "speaking_seconds": round(speaking_seconds(session.answers), 2),
    }


def _answers(session: Session, analysis: LoopAnalysis) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, (a, result) in enumerate(zip(session.answers, analysis.answers, strict=True)):
        split = None
        if a.beats:
            bs = beat_split(a.beats, a.seconds)
            split = {
                "situation_task": bs.situation_task,
                "action_share": bs.action_share,
                "setup_too_long": bs.setup_too_long,
            }
        sig = result.signals
        out.append(
            {
                "index": i,
                "round": a.round,
                "question_index": a.question_index,
                "principle": a.principle,
                "kind": a.kind,
                "follow_up_kind": a.follow_up_kind,
                "prompt": a.prompt,
                "text": a.text,
                "words": a.words,
                "seconds": a.seconds,
                "spoken_seconds": round(sig.seconds, 1),
                "spoken_measured": sig.seconds_measured,
                "target_seconds": a.target_seconds,
                "overtime": a.overtime,
                "auto_submitted": a.auto_submitted,
                "i_count": sig.i_count,
                "we_count": sig.we_count,
                "numbers": list(sig.numbers),
                "star": list(sig.star),
                "skipped": a.skipped,
                "flags": list(result.flag_names),
                "vote": None if a.skipped else result.vote,
                "beats": dict(a.beats),
                "beat_split": split,
            }
        )
    return out


def _reuse_json(session: Session, r: Reuse) -> dict[str, Any]:
    answers = session.answers
    return {
        "key": r.key,
        "answers": list(r.answers),
        "rounds": list(r.rounds),
        "principles": [answers[r.answers[0]].principle, answers[r.answers[1]].principle],
        "similarity": similarity_value(r.similarity),
        "shared": list(r.evidence),
    }


def _contradiction_json(c: Contradiction) -> dict[str, Any]:
    return {"key": c.key, **c.to_json()}


def _question_json(d: Debrief, q: QuestionVerdict) -> dict[str, Any]:
    analysis = d.analysis
    evidence = [
        {
            "answer": i,
            "quote": ev.quote,
            "note": ev.note,
            "positive": ev.positive,
            "start": ev.start,
            "end": ev.end,
        }
        for i, _n, ev in d.evidence(q)
    ]
    flags = [
        {
            "answer": i,
            "name": f.name,
            "message": f.message,
            "quote": f.quote,
            "start": f.start,
            "end": f.end,
        }
        for i in q.answers
        for f in analysis.answers[i].flags
    ]
    return {
        "index": q.index,
        "question_id": q.question_id,
        "principle": q.principle,
        "principle_name": q.principle_name,
        "prompt": q.prompt,
        "failure": q.failure,
        "answered": q.main is not None,
        "skipped": q.skipped,
        "answers": list(q.answers),
        "main_answer": q.main,
        "vote": q.vote,
        "final_vote": q.counted,
        "contradicted": bool(q.lowered_by),
        "lowered_by": list(q.lowered_by),
        "self_vote": q.self_vote,
        "self_verdict": q.self_verdict,
        "vote_evidence": evidence,
        "flags": flags,
    }


def _to_json(d: Debrief) -> dict[str, Any]:
    session, out = d.session, d.outcome
    return {
        "format": FORMAT,
        "version": VERSION,
        "session": _session_facts(session),
        "outcome": {
            "decision": out.decision,
            "reason": out.reason,
            "bar_raiser_round": out.bar_raiser_round,
            "bar_raiser_vote": out.bar_raiser_vote,
            "inclined": out.inclined,
            "total": out.total,
        },
        "rounds": [
            {
                "index": rnd.index,
                "interviewer": rnd.interviewer,
                "title": rnd.title,
                "kind": rnd.kind,
                "shown_kind": rnd.shown_kind,
                "bar_raiser": rnd.is_bar_raiser,
                "minutes": minutes(session.round_budget_seconds(rnd)),
                "principles": list(rnd.principles),
                "budget_seconds": session.round_budget_seconds(rnd),
                "used_seconds": round(session.round_used_seconds(rnd.index), 2),
                "questions": [_question_json(d, q) for q in d.round_questions(rnd.index)],
            }
            for rnd in session.plan.rounds
        ],
        "answers": _answers(session, d.analysis),
        "reused": [_reuse_json(session, r) for r in d.reused],
        "contradictions": [_contradiction_json(c) for c in d.contradictions],
        "checks": [_contradiction_json(c) for c in d.checks],
        "dismissed": {
            "reused": [_reuse_json(session, r) for r in d.dismissed_reused],
            "contradictions": [_contradiction_json(c) for c in d.dismissed_contradictions],
        },
        "self_check": {
            "votes": d.self_check.votes,
            "agree": d.self_check.agree,
            "over_confident": d.self_check.over,
            "too_harsh": d.self_check.harsh,
        },
        "principles": [
            {
                "slug": p.slug,
                "name": p.name,
                "probed": bool(p.rounds),
                "rounds": list(p.rounds),
                "votes": [{"round": r, "vote": v} for r, v in p.votes],
                "vote": p.vote,
            }
            for p in d.principles
        ],
    }


def debrief_data(session: Session, analysis: LoopAnalysis | None = None) -> dict[str, Any]:
    """``build_debrief(session, analysis).to_json()``: what every export renders."""
    return build_debrief(session, analysis).to_json()
