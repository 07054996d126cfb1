"""Analyse one answer, or a whole loop, the way the debrief meeting would.

Per answer: flags (from that answer alone) and a vote. A main answer and the
follow-ups after it (same round, same principle) are one telling of one
story, so the vote and the cross-round comparison use the telling: a
follow-up that supplies the missing metric lifts the vote, while the main
answer keeps its own no-metric flag, as an interviewer's notes would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from scoring.aligned import aligned_conflicts
from scoring.document import Document
from scoring.facts import Conflict, Facts, extract_facts, judge_facts
from scoring.flags import Reading, detect, read, too_long, too_short
from scoring.model import (
    VOTE_WORDS,
    VOTES,
    AnswerAnalysis,
    AnswerInput,
    Check,
    Contradiction,
    FlagHit,
    LoopAnalysis,
    Outcome,
    Reuse,
    Signals,
    Statement,
    Vote,
)
from scoring.similarity import (
    APART,
    MAYBE,
    SAME,
    Corpus,
    Shared,
    candidate_pairs,
    declares_distinct,
    near_identical,
    story_evidence,
    story_verdict,
)
from scoring.text import sentence_at, shown_figures
from scoring.votes import star_parts, vote_for
from scoring.wording import plural


def _signals(r: Reading) -> Signals:
    numbers = shown_figures(r.doc.text, r.doc.metrics)
    return Signals(
        i_count=len(r.doc.singular),
        we_count=len(r.doc.plural),
        numbers=numbers,
        word_count=r.words,
        seconds=r.seconds,
        seconds_measured=r.measured,
        star=star_parts(r),
    )


def analyze_answer(
    answer: AnswerInput, index: int = 0, doc: Document | None = None
) -> AnswerAnalysis:
    """Flags, signals and a vote for one answer read on its own (``doc``: its text, read)."""
    r = read(answer, doc)
    flags = detect(r, follow_up=answer.kind == "follow-up")
    vote, score, evidence = vote_for(r, flags)
    return AnswerAnalysis(
        index=index,
        round=answer.round,
        principle=answer.principle,
        kind=answer.kind,
        flags=tuple(_requote(flags, answer.text)),
        vote=vote,
        vote_evidence=tuple(evidence),
        signals=_signals(r),
        score=score,
    )


def _requote(flags: list[FlagHit], original: str) -> list[FlagHit]:
    """Quotes come from the original text (folding kept offsets, not characters)."""
    return [
        FlagHit(f.name, f.start, f.end, original[f.start : f.end], f.message)
        if f.start is not None and f.end is not None
        else f
        for f in flags
    ]


@dataclass(frozen=True)
class Telling:
    """A main answer with its follow-ups: one telling of one story."""

    indexes: tuple[int, ...]
    round: int
    principle: str
    text: str

    @property
    def main(self) -> int:
        return self.indexes[0]


def tellings(answers: Sequence[AnswerInput]) -> list[Telling]:
    """Group answers: a follow-up joins the latest telling of its round and principle."""
    groups: list[list[int]] = []
    open_: dict[tuple[int, str], int] = {}
    for i, a in enumerate(answers):
        key = (a.round, a.principle)
        if a.kind == "follow-up" and key in open_:
            groups[open_[key]].append(i)
            continue
        open_[key] = len(groups)
        groups.append([i])
    return [
        Telling(
            tuple(g),
            answers[g[0]].round,
            answers[g[0]].principle,
            "\n".join(answers[i].text for i in g),
        )
        for g in groups
    ]


def _telling_vote(
    answers: Sequence[AnswerInput], t: Telling, doc: Document, main_doc: Document
) -> tuple[Vote, list[FlagHit]]:
    """The vote for a telling and the flags it rests on: the main answer's flags,
    re-judged with the follow-ups' content.

    ``doc`` is the telling's text read, ``main_doc`` the main answer's.
    """
    main = answers[t.main]
    if len(t.indexes) == 1:
        r = read(main, main_doc)
        flags = detect(r)
        return vote_for(r, flags)[0], flags
    joined = AnswerInput(
        round=main.round,
        principle=main.principle,
        text=t.text,
        question=main.question,
        kind="main",
        seconds=None,
        failure=main.failure or any(answers[i].failure for i in t.indexes),
        told=tuple(dict.fromkeys(b for i in t.indexes for b in answers[i].told)),
    )
    r = read(joined, doc)
    # Length is judged on the main answer alone: follow-ups are not one long monologue.
    flags = [f for f in detect(r) if f.name not in ("too-long", "too-short")]
    main_read = read(main, main_doc)
    flags += [f for f in (too_short(main_read), too_long(main_read)) if f is not None]
    return vote_for(r, flags)[0], flags


_RANK = {v: i for i, v in enumerate(VOTES)}


def _score_vote(score: float) -> Vote:
    if score >= 1.5:
        return "strongly-inclined"
    if score > 0:
        return "inclined"
    if score > -1.5:
        return "not-inclined"
    return "strongly-not-inclined"


_VOTE_SCORE: dict[str, float] = {
    "strongly-inclined": 2.0,
    "inclined": 1.0,
    "not-inclined": -1.0,
    "strongly-not-inclined": -2.0,
}


def _lower(vote: Vote) -> Vote:
    """One step worse: a contradiction costs the telling where it was found."""
    i = min(_RANK[vote] + 1, len(VOTES) - 1)
    result: Vote = VOTES[i]  # type: ignore[assignment]
    return result


def analyze_loop(
    answers: Sequence[AnswerInput], bar_raiser_round: int | None = None, unanswered: int = 0
) -> LoopAnalysis:
    """Every answer's notes, the stories told twice or told differently, and the outcome.

    ``unanswered`` counts the questions asked and skipped, which are not in
    ``answers``: they have no vote, but they weigh in the outcome (``decide``).

    Each answer is read once into a ``Document`` that every detector reads; a
    telling of several answers is read once more, joined.
    """
    read: dict[str, Document] = {}  # a text said twice is read once, for this analysis
    docs = [_document(read, a.text) for a in answers]
    analyses = [analyze_answer(a, i, docs[i]) for i, a in enumerate(answers)]
    groups = tellings(answers)
    telling_docs = _telling_documents(groups, docs, read)
    votes: dict[int, Vote] = {}
    told_later: dict[int, frozenset[str]] = {}
    for t, doc in zip(groups, telling_docs, strict=True):
        if len(t.indexes) == 1:
            votes[t.main] = analyses[t.main].vote
        else:
            votes[t.main], telling_flags = _telling_vote(answers, t, doc, docs[t.main])
            # A beat the main answer left out but a follow-up told ("What do you do
            # differently now?" answered with the lesson) is told: the main's note goes.
            told_later[t.main] = _BEATS - {f.name for f in telling_flags}
    checks: list[Check] = []
    reused, contradictions = compare_tellings(answers, groups, checks, docs, telling_docs)
    # The telling's vote is what the answer object shows for the main answer.
    telling_of = {i: t.main for t in groups for i in t.indexes}
    final = [
        _with_vote(a, votes[telling_of[a.index]], told_later.get(a.index, frozenset()))
        for a in analyses
    ]
    flagged = {i for c in contradictions for i in c.answers}
    outcome = decide(answers, groups, votes, contradictions, flagged, bar_raiser_round, unanswered)
    return LoopAnalysis(tuple(final), tuple(reused), tuple(contradictions), outcome, tuple(checks))


def _document(read: dict[str, Document], text: str) -> Document:
    """``text``'s document from ``read``, made and kept there the first time."""
    doc = read.get(text)
    if doc is None:
        doc = read[text] = Document(text)
    return doc


def _telling_documents(
    groups: Sequence[Telling], docs: Sequence[Document], read: dict[str, Document] | None = None
) -> list[Document]:
    """Each telling's text read: the answer's own document when it is one answer."""
    read = {} if read is None else read
    return [docs[t.main] if len(t.indexes) == 1 else _document(read, t.text) for t in groups]


def rejudge(
    answers: Sequence[AnswerInput],
    analysis: LoopAnalysis,
    reused: Sequence[Reuse],
    contradictions: Sequence[Contradiction],
    bar_raiser_round: int | None = None,
    checks: Sequence[Check] | None = None,
    unanswered: int = 0,
) -> LoopAnalysis:
    """The same loop decided again with other cross-round findings.

    Checks never count toward the outcome; they are kept as they were unless
    ``checks`` replaces them.

    The session layer adds what only a session knows (the Bar Raiser's probe,
    checked against the answer it quoted) and drops what the candidate said is
    wrong (not the same story, not a conflict). The outcome is decided here,
    by ``decide``, so there is one rule for it however the findings came.
    """
    groups = tellings(answers)
    votes = {t.main: analysis.answers[t.main].vote for t in groups}
    flagged = {i for c in contradictions for i in c.answers}
    outcome = decide(answers, groups, votes, contradictions, flagged, bar_raiser_round, unanswered)
    return replace(
        analysis,
        reused=tuple(reused),
        contradictions=tuple(contradictions),
        checks=tuple(checks if checks is not None else analysis.checks),
        outcome=outcome,
    )


_BEATS = frozenset({"no-result", "no-reflection", "no-metric"})
"""Notes on a beat the story leaves out: a follow-up can tell it."""


def _with_vote(
    a: AnswerAnalysis, vote: Vote, told_later: frozenset[str] = frozenset()
) -> AnswerAnalysis:
    flags = tuple(f for f in a.flags if f.name not in told_later)
    return AnswerAnalysis(
        a.index, a.round, a.principle, a.kind, flags, vote, a.vote_evidence, a.signals, a.score
    )


def compare_tellings(
    answers: Sequence[AnswerInput],
    groups: Sequence[Telling],
    checks: list[Check] | None = None,
    answer_docs: Sequence[Document] | None = None,
    telling_docs: Sequence[Document] | None = None,
) -> tuple[list[Reuse], list[Contradiction]]:
    """Retellings across rounds, and the conflicting facts within them.

    Facts that may disagree (see ``judge_facts``) are appended to ``checks``.
    ``answer_docs`` and ``telling_docs`` are the answers and tellings read
    already, when the caller has read them.
    """
    if len(groups) < 2:
        return [], []
    if answer_docs is None:
        answer_docs = [Document(a.text) for a in answers]
    if telling_docs is None:
        telling_docs = _telling_documents(groups, answer_docs)
    corpus = Corpus(telling_docs)
    docs = [corpus.document(i, d) for i, d in enumerate(telling_docs)]
    rounds = [t.round for t in groups]
    pairs = candidate_pairs(docs, rounds)
    # The same answer said again is one story even when its words are the loop's own
    # (every telling shares them) or too few to weigh: it never reaches candidate_pairs.
    repeated = near_identical(telling_docs, lambda i, j: rounds[i] != rounds[j])
    # The main answers alone too: the same answer with different follow-ups asked after it
    # is still the same answer said again.
    mains = [answer_docs[g.main] for g in groups]
    for pair, overlap in near_identical(mains, lambda i, j: rounds[i] != rounds[j]).items():
        repeated[pair] = max(overlap, repeated.get(pair, 0.0))
    pairs |= set(repeated)
    facts: dict[int, Facts] = {}

    def facts_of(k: int) -> Facts:
        if k not in facts:
            merged = Facts()
            for idx in groups[k].indexes:
                merged = merged.merged(extract_facts(answer_docs[idx], idx))
            facts[k] = merged
        return facts[k]

    reused: list[Reuse] = []
    contradictions: list[Contradiction] = []
    for i, j in sorted(pairs):
        verdict, score, shared = story_verdict(docs[i], docs[j], corpus.common)
        if (i, j) in repeated:
            verdict, score = SAME, max(score, repeated[(i, j)])
        ti, tj = groups[i], groups[j]
        # "Also at Basketly, ...", "another one from the same team": the later telling
        # says it is not a story told before it. The earlier one's own such words point
        # further back, not at what is told after it.
        if verdict == APART or declares_distinct(telling_docs[j]):
            continue
        if verdict == MAYBE:
            if checks is not None:
                checks += _maybe_one_story(answers, ti, tj, telling_docs[i], shared)
            continue
        reused.append(
            Reuse(
                (ti.main, tj.main),
                (ti.round, tj.round),
                score,
                tuple(story_evidence(telling_docs[i], shared))
                or (("told in nearly the same words",) if (i, j) in repeated else ()),
            )
        )
        found, maybe = judge_facts(facts_of(i), facts_of(j))
        found += aligned_conflicts(
            facts_of(i),
            facts_of(j),
            [(k, answer_docs[k]) for k in ti.indexes],
            [(k, answer_docs[k]) for k in tj.indexes],
            found,
        )
        contradictions += [finding(Contradiction, answers, c) for c in found]
        if checks is not None:
            # A check on the very statements a contradiction already quotes says it twice.
            shown = {(c.a_source, c.a_span, c.b_source, c.b_span) for c in found}
            checks += [
                finding(Check, answers, c)
                for c in maybe
                if (c.a_source, c.a_span, c.b_source, c.b_span) not in shown
            ]
    return reused, contradictions


def _maybe_one_story(
    answers: Sequence[AnswerInput], ti: Telling, tj: Telling, doc: Document, shared: Shared
) -> list[Check]:
    """A pair that may be one story (``story_verdict`` said MAYBE) as one check: the
    candidate knows whether it is, the words it rests on are shown, and nothing is
    counted against a vote. Its facts are not compared: if these are two stories, their
    different figures and endings are no contradiction."""
    a, b = answers[ti.main], answers[tj.main]
    # Names and phrases as the telling said them ('ridge chair'), not as their stems.
    named = story_evidence(doc, shared, limit=3) if shared.names or shared.phrases else []
    if named:
        detail = (
            f"maybe one story told twice: both mention {', '.join(named)}, as stories from one "
            "workplace often do, but they share no figure of one event; if it is one story, "
            "tell another in one of these rounds"
        )
    else:
        words = story_evidence(doc, shared, limit=1)
        said = words[0].removeprefix("shared terms: ") if words else "the same theme"
        detail = (
            f"maybe one story told twice: both use the words {said}, but they share no "
            "figure, name or phrase; if it is one story, tell another in one of these rounds"
        )
    return [Check((ti.main, tj.main), (a.round, b.round), "story", detail)]


_Finding = TypeVar("_Finding", bound=Contradiction)


def finding(cls: type[_Finding], answers: Sequence[AnswerInput], c: Conflict) -> _Finding:
    """A conflict between two answers, with each side's sentence and span to quote."""
    a, b = answers[c.a_source], answers[c.b_source]
    return cls(
        (c.a_source, c.b_source),
        (a.round, b.round),
        c.kind,
        c.detail(f"round {a.round}", f"round {b.round}"),
        (
            statement(a.text, c.a_source, a.round, c.a_span),
            statement(b.text, c.b_source, b.round, c.b_span),
        ),
    )


def statement(text: str, index: int, round_: int, span: tuple[int, int]) -> Statement:
    """What answer ``index`` (its ``text``) said at ``span``: the quote and its sentence."""
    start, end = span
    sentence = sentence_at(text, start).text.strip() or text[start:end]
    return Statement(index, round_, sentence, start, end, text[start:end])


def decide(
    answers: Sequence[AnswerInput],
    groups: Sequence[Telling],
    votes: dict[int, Vote],
    contradictions: Sequence[Contradiction],
    flagged: set[int],
    bar_raiser_round: int | None,
    unanswered: int = 0,
) -> Outcome:
    """Hire only with no Bar Raiser veto, mostly inclined votes, and most questions answered.

    A skipped question has no vote, so the votes alone would hire a loop of two
    good answers and seven skips; in a real loop a candidate who declines half
    the questions gives the panel too little to hire on. ``unanswered`` counts
    those skips: half or more of the questions skipped is a no-hire.

    A contradiction lowers the vote of every telling it touches by one step
    (interviewers read each other's notes); a principle probed twice keeps
    its worse vote. The Bar Raiser's vote is the mean of their round's votes.
    """
    if not groups:
        return Outcome("no-hire", "No answers to judge.", None, None, {}, 0, 0)
    br_round = bar_raiser_round if bar_raiser_round is not None else max(t.round for t in groups)
    per_telling: list[tuple[Telling, Vote]] = []
    for t in groups:
        vote = votes[t.main]
        if flagged & set(t.indexes):
            vote = _lower(vote)
        per_telling.append((t, vote))
    principles: dict[str, Vote] = {}
    for t, vote in per_telling:
        old = principles.get(t.principle)
        if old is None or _RANK[vote] > _RANK[old]:
            principles[t.principle] = vote
    br_votes = [v for t, v in per_telling if t.round == br_round]
    br_vote: Vote | None = None
    if br_votes:
        br_vote = _score_vote(sum(_VOTE_SCORE[v] for v in br_votes) / len(br_votes))
    inclined = sum(1 for _, v in per_telling if _RANK[v] <= 1)
    total = len(per_telling)
    veto = br_vote is not None and _RANK[br_vote] >= 2
    mostly = inclined * 2 > total
    decision: Literal["hire", "no-hire"]
    if veto and br_vote is not None:
        said = VOTE_WORDS[br_vote]
        decision, reason = "no-hire", f"The Bar Raiser (round {br_round}) voted {said}: a veto."
    elif unanswered * 2 >= total + unanswered:
        asked = total + unanswered
        decision = "no-hire"
        reason = f"{unanswered} of {asked} questions were skipped: too little was answered to hire."
    elif not mostly:
        decision, reason = "no-hire", f"Only {inclined} of {total} votes are inclined."
    else:
        decision, reason = "hire", f"{inclined} of {total} votes inclined and no Bar Raiser veto."
    if contradictions:
        reason += (
            f" {plural(len(contradictions), 'contradiction')} across rounds lowered the votes"
            " involved."
        )
    counted = {t.main: vote for t, vote in per_telling}
    return Outcome(decision, reason, br_round, br_vote, principles, inclined, total, counted)
