"""Score a saved mockloop session with the same engine `mockloop analyze` uses,
and give the Bar Raiser what it needs: the weakest principle so far, and a
concrete detail from an earlier round to probe.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections import OrderedDict
from typing import TypeVar

from loops.bank import FollowUp
from loops.session import AnswerRecord, Session
from loops.timing import fmt_seconds
from scoring.engine import analyze_loop, rejudge, statement, tellings
from scoring.facts import Facts, compare_facts, extract_facts
from scoring.flags import TOO_LONG_SECONDS, TOO_SHORT_SECONDS, WORDS_PER_MINUTE
from scoring.model import (
    AnswerAnalysis,
    AnswerInput,
    Contradiction,
    LoopAnalysis,
    Outcome,
    Reuse,
    Signals,
)
from scoring.similarity import Corpus, declares_distinct, same_story
from scoring.text import fold
from scoring.wording import plural

PROBE_KIND = "consistency"

_F = TypeVar("_F", bound=Contradiction)


_ASKED_BEAT = {"reflection": "reflection", "counterfactual": "reflection"}
"""Follow-up kinds whose question asks for a beat: an answer to 'What would you do
differently?' or 'How do you decide now?' tells the lesson whatever words it uses ('I
would have cut the schema work on day one', 'I stop when the risk is cosmetic')."""
_DECLINED = re.compile(
    r"^\W*(?:no\b|nope\b|not really\b|probably not\b|nothing\b|not much\b|I don't think so\b|"
    r"I wouldn't\b|I would not\b|I'm not sure\b|I don't know\b|not sure\b)",
    re.IGNORECASE,
)
"""An answer that turns the question down ('Probably not, it worked out.') tells no beat."""


def _told(a: AnswerRecord, spoken: bool) -> tuple[str, ...]:
    """The beats an answer tells by what it answers: a spoken answer's marked beats, and
    the beat a follow-up asked for when the answer takes the question on (a few words
    or more, not a refusal)."""
    told = list(a.beats) if spoken else []
    beat = _ASKED_BEAT.get(a.follow_up_kind or "") if a.kind == "follow-up" else None
    if beat and len(a.text.split()) >= 6 and not _DECLINED.match(a.text):
        told.append(beat)
    return tuple(dict.fromkeys(told))


def answer_input(a: AnswerRecord, failure: bool = False, spoken: bool = False) -> AnswerInput:
    """One saved answer as the engine's plain input.

    Only a spoken answer's clock time is its length: a typed answer's clock
    counts typing, so its length is left to be estimated from its words. A
    spoken answer's marked beats go with it as told, and a follow-up's answer tells
    the beat its question asked for (``_told``).
    """
    return AnswerInput(
        round=a.round,
        principle=a.principle,
        text=a.text,
        question=a.prompt,
        kind=a.kind,
        seconds=a.seconds if spoken else None,
        failure=failure,
        told=_told(a, spoken),
    )


def answers_from_session(session: Session) -> list[AnswerInput]:
    """The session's answers in the order given, as the engine's plain input."""
    failure = {
        (r.index, qi): q.failure for r in session.plan.rounds for qi, q in enumerate(r.questions)
    }
    spoken = session.settings.mode == "spoken"
    return [
        answer_input(a, failure.get((a.round, a.question_index), False), spoken)
        for a in session.answers
    ]


def given(session: Session) -> list[int]:
    """The indexes of the answers given: a skipped question (``said_nothing``) is no
    answer, so the engine never reads it (no flag for the result it lacks, no vote)."""
    return [i for i, a in enumerate(session.answers) if not a.skipped]


def skipped_questions(session: Session) -> int:
    """How many questions the candidate skipped: main answers left empty. They are
    not read, but the outcome weighs them (``scoring.engine.decide``); a skipped
    follow-up is a probe declined, not a question, and does not count."""
    return sum(1 for a in session.answers if a.skipped and a.kind == "main")


def _skipped_result(index: int, a: AnswerRecord) -> AnswerAnalysis:
    """What the analysis holds for a skipped answer, so its list stays one entry per
    saved answer (the numbers the candidate sees): no flags, no evidence, nothing
    counted. Its ``vote`` is only there because the engine's type needs one; no view
    shows it or counts it (``outcome.counted`` has none for it, and the debrief's
    question says skipped)."""
    return AnswerAnalysis(
        index=index,
        round=a.round,
        principle=a.principle,
        kind=a.kind,
        flags=(),
        vote="not-inclined",
        vote_evidence=(),
        signals=Signals(0, 0, (), 0, 0.0, False, ()),
        score=0.0,
    )


def _moved_finding(c: _F, to: dict[int, int]) -> _F:
    """``c`` with its answer indexes moved by ``to`` (a Contradiction or a Check)."""
    return dataclasses.replace(
        c,
        answers=(to[c.answers[0]], to[c.answers[1]]),
        statements=tuple(dataclasses.replace(s, answer=to[s.answer]) for s in c.statements),
    )


def _moved_reuse(r: Reuse, to: dict[int, int]) -> Reuse:
    return dataclasses.replace(r, answers=(to[r.answers[0]], to[r.answers[1]]))


def _in_session(analysis: LoopAnalysis, kept: list[int], session: Session) -> LoopAnalysis:
    """The engine's analysis of the answers given (``kept``, in order) put back in the
    session's numbering: answer ``k`` of the engine is ``kept[k]`` of the session, and
    each skipped answer gets its empty entry (``_skipped_result``)."""
    to = dict(enumerate(kept))
    results = {
        kept[k]: labelled_lengths(dataclasses.replace(r, index=kept[k]))
        for k, r in enumerate(analysis.answers)
    }
    out: Outcome = analysis.outcome
    return LoopAnalysis(
        answers=tuple(
            results.get(i) or _skipped_result(i, a) for i, a in enumerate(session.answers)
        ),
        reused=tuple(_moved_reuse(r, to) for r in analysis.reused),
        contradictions=tuple(_moved_finding(c, to) for c in analysis.contradictions),
        outcome=dataclasses.replace(out, counted={to[k]: v for k, v in out.counted.items()}),
        checks=tuple(_moved_finding(c, to) for c in analysis.checks),
    )


def spoken_length(s: Signals, clock: bool = True, *, brief: bool = False) -> str:
    """How long an answer is as the interviewers judge it, said one way everywhere.

    Three times used to be shown for one typed answer with nothing to tell them
    apart: the too-short flag's "24 seconds (estimated from 59 words...)", the
    answer view's "60s of 150s" and the Timing tab's "0:59 / 2:30". The last two
    are the answer clock (how long the question was on screen: for a typed answer,
    typing); the first is the length the answer would take said aloud, estimated
    from its words, because typing is slower than speech (``answer_input``). A
    spoken answer's length is its clock time. ``clock``: the answer had a clock
    to tell this one from (an answers file has none); ``brief``: beside the word
    count, which it then does not repeat.
    """
    if s.seconds_measured:
        return f"{fmt_seconds(s.seconds)} spoken, as timed"
    if brief:
        return f"about {fmt_seconds(s.seconds)} spoken (from its words)"
    said = (
        f"about {fmt_seconds(s.seconds)} spoken, estimated from "
        f"{plural(s.word_count, 'word')} at {WORDS_PER_MINUTE} a minute"
    )
    return said + (" (not the typing time on the clock)" if clock else "")


def labelled_lengths(result: AnswerAnalysis, clock: bool = True) -> AnswerAnalysis:
    """``result`` with its too-short or too-long note saying its length by
    ``spoken_length``, so it cannot be read as the clock's time."""
    limits = {
        "too-short": f"under {fmt_seconds(TOO_SHORT_SECONDS)}",
        "too-long": f"over {fmt_seconds(TOO_LONG_SECONDS)}",
    }
    if not any(f.name in limits for f in result.flags):
        return result
    length = spoken_length(result.signals, clock)
    flags = tuple(
        dataclasses.replace(f, message=f"{length}; {limits[f.name]}.") if f.name in limits else f
        for f in result.flags
    )
    return dataclasses.replace(result, flags=flags)


def _telling_of(session: Session) -> dict[int, int]:
    """Each given answer's telling, by the session index of its main answer."""
    kept = given(session)
    inputs = answers_from_session(session)
    return {kept[i]: kept[t.main] for t in tellings([inputs[k] for k in kept]) for i in t.indexes}


def bar_raiser_round(session: Session) -> int | None:
    for r in session.plan.rounds:
        if r.is_bar_raiser:
            return r.index
    return None


def probe_contradictions(session: Session) -> list[Contradiction]:
    """Check each consistency probe's answer against the earlier answer it quoted.

    The probe asks for the same events from another angle, so the two are
    the same story by construction: compare their facts directly.
    """
    out: list[Contradiction] = []
    for j, answer in enumerate(session.answers):
        if answer.follow_up_kind != PROBE_KIND or answer.follow_up_index is None:
            continue
        main = next(
            (
                b
                for b in session.answers
                if b.round == answer.round
                and b.question_index == answer.question_index
                and b.kind == "main"
            ),
            None,
        )
        if main is None:
            continue
        ref = main.follow_ups[answer.follow_up_index].ref
        if ref is None or not 0 <= ref < len(session.answers):
            continue
        earlier = session.answers[ref]
        # Each answer of the earlier telling keeps its own index, so spans are its own.
        said = Facts()
        for k, b in enumerate(session.answers):
            if (
                b.round == earlier.round
                and b.question_index == earlier.question_index
                and b.follow_up_kind != PROBE_KIND
            ):
                said = said.merged(extract_facts(b.text, k))
        for c in compare_facts(said, extract_facts(answer.text, j)):
            a = session.answers[c.a_source]
            out.append(
                Contradiction(
                    (c.a_source, j),
                    (a.round, answer.round),
                    c.kind,
                    c.detail(f"round {a.round}", f"round {answer.round} (Bar Raiser probe)"),
                    (
                        statement(a.text, c.a_source, a.round, c.a_span),
                        statement(answer.text, j, answer.round, c.b_span),
                    ),
                )
            )
    return out


AnalysisKey = tuple[object, ...]


def analysis_key(session: Session) -> AnalysisKey:
    """Everything ``analyze_session`` reads from a session, as one hashable value.

    Two sessions with equal keys get the same analysis: the answers as the
    engine sees them, the Bar Raiser's round, the findings the candidate
    dismissed, and what the consistency probes need (which question each
    answer belongs to and what each probe quoted).
    """
    return (
        tuple(answers_from_session(session)),
        bar_raiser_round(session),
        tuple(session.dismissed),
        tuple(
            (
                a.question_index,
                a.follow_up_kind,
                a.follow_up_index,
                tuple(f.ref for f in a.follow_ups),
            )
            for a in session.answers
        ),
    )


class _Memo:
    """The last few analyses by key, shared with the thread that fills it ahead of time.

    A key being analysed is marked in flight, so a second caller (the debrief
    opening while the prefetch thread is still scoring the same loop) waits for
    that result instead of scoring the loop a second time beside it.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[AnalysisKey, LoopAnalysis] = OrderedDict()
        self._running: dict[AnalysisKey, threading.Event] = {}
        self._lock = threading.Lock()

    def claim(self, key: AnalysisKey) -> tuple[LoopAnalysis | None, threading.Event | None]:
        """(the analysis, None) if known; (None, None) if the caller must make it (and
        ``done`` it); (None, event) if another thread is making it: wait for the event."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found, None
            running = self._running.get(key)
            if running is None:
                self._running[key] = threading.Event()
            return None, running

    def done(self, key: AnalysisKey, analysis: LoopAnalysis | None) -> None:
        with self._lock:
            if analysis is not None:
                self._items[key] = analysis
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            running = self._running.pop(key, None)
        if running is not None:
            running.set()

    def cache_clear(self) -> None:
        with self._lock:
            self._items.clear()


_memo = _Memo(16)


def analyze_session(session: Session) -> LoopAnalysis:
    """The loop's analysis, remembered for the last few sessions analysed.

    The app analyses a loop ahead of time, in a thread, while the candidate
    looks at it in a list (tui/app.py ``prefetch_analysis``); opening its
    debrief then finds the result here, or waits for the thread to finish it,
    instead of scoring the loop again. The key covers every input, so an edited
    or longer session is scored anew.
    """
    key = analysis_key(session)
    found, running = _memo.claim(key)
    if found is not None:
        return found
    if running is not None:
        running.wait()
        return analyze_session(session)  # made by the other thread (or, if it failed, here)
    analysis: LoopAnalysis | None = None
    try:
        analysis = _analyze_session(session)
    finally:
        _memo.done(key, analysis)
    return analysis


def _analyze_session(session: Session) -> LoopAnalysis:
    """The engine's analysis, then judged once with everything only a session knows.

    The Bar Raiser's probe answers are checked against the answers they quoted,
    and the candidate's dismissals are taken out (a story they say is not the
    same takes the contradictions found between its two tellings with it).
    The outcome is decided after both, so every view of the loop reads one
    verdict.
    """
    kept = given(session)
    inputs = answers_from_session(session)
    answers = [inputs[i] for i in kept]
    br = bar_raiser_round(session)
    skips = skipped_questions(session)
    engine = analyze_loop(answers, br, skips)  # numbered as ``answers``: the skips left out
    analysis = _in_session(engine, kept, session)
    found = {(d.answers, d.kind) for d in analysis.contradictions}
    extra = [c for c in probe_contradictions(session) if (c.answers, c.kind) not in found]
    dismissed = set(session.dismissed)
    if not extra and not dismissed:
        return analysis
    telling_of = _telling_of(session)
    apart = {
        frozenset(r.answers) for r in analysis.reused if r.key in dismissed
    }  # pairs of tellings the candidate says are different stories
    reused = [r for r in analysis.reused if r.key not in dismissed]
    contradictions = [
        c
        for c in analysis.contradictions
        if c.key not in dismissed and frozenset(telling_of[i] for i in c.answers) not in apart
    ]
    contradictions += [c for c in extra if c.key not in dismissed]
    checks = [
        c for c in analysis.checks if frozenset(telling_of[i] for i in c.answers) not in apart
    ]
    # Decided again by the engine, in its own numbering, then put back in the session's.
    back = {i: k for k, i in enumerate(kept)}
    judged = rejudge(
        answers,
        engine,
        [_moved_reuse(r, back) for r in reused],
        [_moved_finding(c, back) for c in contradictions],
        br,
        [_moved_finding(c, back) for c in checks],
        skips,
    )
    return _in_session(judged, kept, session)


def dismissed_findings(
    session: Session, analysis: LoopAnalysis
) -> tuple[list[Reuse], list[Contradiction]]:
    """The findings the candidate dismissed, to show apart (and to take back).

    They are the engine's findings for the loop that ``analysis`` (the
    session's, with dismissals applied) no longer holds.
    """
    if not session.dismissed:
        return [], []
    plain = dataclasses.replace(session, dismissed=[])
    full = analyze_session(plain)
    shown_r = {r.key for r in analysis.reused}
    shown_c = {c.key for c in analysis.contradictions}
    return (
        [r for r in full.reused if r.key not in shown_r],
        [c for c in full.contradictions if c.key not in shown_c],
    )


def held_by_reuse(session: Session, contradictions: list[Contradiction]) -> dict[str, Reuse]:
    """For each of ``contradictions`` out of the votes because a dismissed reuse took it
    with it, that reuse (by the contradiction's key).

    Saying two tellings are different stories drops the conflicts between them
    (see _analyze_session), so such a conflict is dismissed whether or not its own
    key is: x on it alone can neither restore it nor dismiss it more, and the
    screen must say so instead of toggling a key that changes nothing.
    """
    dismissed = set(session.dismissed)
    if not dismissed or not contradictions:
        return {}
    full = analyze_session(dataclasses.replace(session, dismissed=[]))
    apart = {frozenset(r.answers): r for r in full.reused if r.key in dismissed}
    if not apart:
        return {}
    telling_of = _telling_of(session)
    out = {}
    for c in contradictions:
        reuse = apart.get(frozenset(telling_of[i] for i in c.answers))
        if reuse is not None:
            out[c.key] = reuse
    return out


def principle_strength(session: Session) -> dict[str, float]:
    """How well each principle went in the rounds before the Bar Raiser (lower is weaker).

    A principle graded twice counts at its weaker telling, as a debrief would. A
    skipped question is not scored: a principle only skipped has no strength (and
    nothing said for the Bar Raiser to quote).
    """
    br = bar_raiser_round(session)
    earlier = [a for a in session.answers if a.round != br and not a.skipped]
    if not earlier:
        return {}
    sub = dataclasses.replace(session, answers=earlier)
    analysis = analyze_loop(answers_from_session(sub), None)
    strength: dict[str, float] = {}
    for a, result in zip(earlier, analysis.answers, strict=True):
        if a.kind == "main":
            strength[a.principle] = min(strength.get(a.principle, result.score), result.score)
    return strength


def _sentence(text: str, start: int, end: int, limit: int = 24) -> str:
    """The sentence around a span, clipped to ``limit`` words around it.

    A clipped sentence ends at the last clause break (a comma or semicolon) after the
    detail, else with an ellipsis, and starts with one when its opening is left out:
    cut at a word count alone, "... 99% overnight, and I did not believe it" was
    quoted back to the candidate as "... 99% overnight, and I did not"."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [k for k in (text.find(". ", end), text.find("\n", end)) if k != -1]
    right = min(right_candidates) if right_candidates else len(text)
    words = text[left + 1 : right].split()
    if len(words) <= limit:
        return " ".join(words).strip(" .,;")
    # Keep the words around the detail itself.
    before = len(text[left + 1 : start].split())
    through = len(text[left + 1 : end].split())  # the words up to the detail's end
    # The sentence's own opening when the detail falls within the limit from it: a quote
    # that starts where the candidate started reads as theirs.
    lo = 0 if through <= limit else max(0, min(before - limit // 3, len(words) - limit))
    kept = words[lo : lo + limit]
    head = "…" if lo else ""
    if lo + limit >= len(words):
        return head + " ".join(kept).strip(" .,;")
    breaks = [k for k in range(max(0, through - lo - 1), len(kept)) if kept[k][-1] in ",;"]
    if breaks:
        return head + " ".join(kept[: breaks[-1] + 1]).strip(" .,;")
    return head + " ".join(kept).strip(" .,;") + "…"


def _same_story_as(session: Session, told: str, earlier: list[int]) -> set[int]:
    """Of the ``earlier`` answers, those whose telling (a question's main answer and its
    follow-ups, as the debrief groups them) is the story ``told`` tells again, by the
    engine's own judge of one story."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i in earlier:
        a = session.answers[i]
        if a.follow_up_kind != PROBE_KIND:
            groups.setdefault((a.round, a.question_index), []).append(i)
    if not told.strip() or not groups or declares_distinct(told):
        return set()
    members = list(groups.values())
    texts = [told, *("\n".join(session.answers[i].text for i in m) for m in members)]
    corpus = Corpus(texts)
    mine = corpus.document(0, told)
    return {
        i
        for k, m in enumerate(members, start=1)
        if same_story(mine, corpus.document(k, texts[k]), corpus.common)[0]
        for i in m
    }


def consistency_probe(session: Session, principle: str, told: str) -> FollowUp | None:
    """A Bar Raiser follow-up that quotes a concrete earlier detail and re-asks it.

    The detail belongs to the question just asked: it was told for the same
    principle (the Bar Raiser goes back to the weakest one), or in the story the
    candidate has just told again (``told``, the answer to ``principle``'s
    question), the retelling first. A detail of any other story made the probe a
    non sequitur ("Earlier you told ... 300 ms" after a question on frugality,
    answered with another story); with none that belongs, there is no probe, and
    the Bar Raiser's other follow-ups (the question's script, or the bank's lines
    written for any story) are asked.

    Figures are the best details to re-ask (a retelling that changes a number
    is the commonest inconsistency), then teams, dates and who decided.
    """
    br = bar_raiser_round(session)
    interviewers = {r.index: r.interviewer for r in session.plan.rounds}
    earlier = [i for i, a in enumerate(session.answers) if a.round != br and a.text.strip()]
    retold = _same_story_as(session, told, earlier)
    best: tuple[int, int, int, str, str] | None = None  # (belongs, rank, index, quote, angle)
    angles = {"team": "team", "year": "date", "quarter": "date", "month": "date",
              "decided": "agency"}  # fmt: skip
    ranks = {"number": 0, "team": 1, "date": 2, "agency": 3}
    for i in earlier:
        a = session.answers[i]
        if i in retold:
            belongs = 0
        elif a.principle == principle and a.follow_up_kind != PROBE_KIND:
            belongs = 1
        else:
            continue
        text = fold(a.text)
        facts = extract_facts(a.text, i)
        spans = [(f.start, f.end, "number") for f in facts.figures if f.measure and not f.hedged]
        spans += [(f.start, f.end, angles[f.kind]) for f in facts.facts if f.kind in angles]
        for start, end, angle in spans:
            cand = (belongs, ranks[angle], i, _sentence(text, start, end), angle)
            if best is None or cand[:3] < best[:3]:
                best = cand
    if best is None:
        return None
    _belongs, _rank, index, quote, angle = best
    who = interviewers.get(session.answers[index].round, "one of my colleagues")
    asks = {
        "number": "Walk me through how that figure was measured: what was it before, what "
        "was it after, and who checked it?",
        "team": "Tell me about the same work from that team's side: who was on it, and what "
        "did each of them do?",
        "date": "Put that on a timeline for me: when did it start, when did it ship, and what "
        "happened in between?",
        "agency": "Who made that call in the end, and how did the decision get made?",
    }
    text = f'Earlier you told {who} "{quote}". {asks[angle]}'
    return FollowUp(kind=PROBE_KIND, text=text, ref=index)
