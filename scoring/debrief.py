"""Everything the debrief shows, as plain JSON-ready data.

The debrief screen, the Markdown and HTML exports and ``mockloop debrief
--format json`` all read the one dictionary built here, so what a candidate
exports is exactly what they saw. Only plain types go in (str, int, float,
bool, None, list, dict), so ``json.dumps`` needs no help and a JSON export
read back compares equal to the data.

The shape (``version`` 1)::

    {"format": "mockloop-debrief", "version": 1,
     "session": {id, level, level_name, rounds, timing, mode, coach, main_seconds,
                 follow_up_seconds, created_at, updated_at, finished, answer_count,
                 speaking_seconds},
     "outcome": {decision, reason, bar_raiser_round, bar_raiser_vote, inclined, total},
     "rounds": [{index, interviewer, title, kind, shown_kind, bar_raiser, minutes,
                 principles, budget_seconds, used_seconds,
                 "questions": [{index, question_id, principle, principle_name, prompt,
                                failure, answered, answers: [answer index], main_answer,
                                vote, final_vote, contradicted,
                                "vote_evidence": [{answer, quote, note, positive, start, end}],
                                "flags": [{answer, name, message, quote, start, end}]}]}],
     "answers": [{index, round, question_index, principle, kind, follow_up_kind, prompt,
                  text, words, seconds, target_seconds, overtime, auto_submitted,
                  i_count, we_count, numbers, star, flags, vote, beats,
                  "beat_split": {situation_task, action_share, setup_too_long} | None}],
     "reused": [{answers: [i, j], rounds, principles, similarity, shared: [str]}],
     "contradictions": [{answers: [i, j], rounds, kind, detail}],
     "principles": [{slug, name, probed, rounds, votes: [{round, vote}], vote}]}

Offsets (``start``/``end``) are character offsets into the text of the answer
named by ``answer`` (an index into ``answers``); a flag raised by something
missing has ``quote``, ``start`` and ``end`` set to None. A question's
``vote`` is its telling's vote (main answer with follow-ups); ``final_vote``
is the one the debrief counts, one step lower when a contradiction touched
the telling. The principle grid lists all 16 principles in
``loops.principles.PRINCIPLES`` order: ``probed`` says a round of the plan
grades it, ``rounds`` which rounds, ``votes`` the votes of the tellings
given so far, and ``vote`` the debrief's vote for it (the worse of two).
"""

from __future__ import annotations

from typing import Any

from loops.levels import level_name
from loops.principles import BY_SLUG, PRINCIPLES
from loops.session import Session
from loops.timing import beat_split
from scoring.model import VOTES, LoopAnalysis
from scoring.sessions import analyze_session

FORMAT = "mockloop-debrief"
VERSION = 1


def _lower(vote: str) -> str:
    """One step worse, as the debrief counts a telling a contradiction touched."""
    return VOTES[min(VOTES.index(vote) + 1, len(VOTES) - 1)]


def _principle_name(slug: str) -> str:
    p = BY_SLUG.get(slug)
    return p.name if p else slug


def _session_facts(session: Session) -> dict[str, Any]:
    st = session.settings
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
        "answer_count": len(session.answers),
        "speaking_seconds": round(sum(a.seconds for a in session.answers), 2),
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
                "target_seconds": a.target_seconds,
                "overtime": a.overtime,
                "auto_submitted": a.auto_submitted,
                "i_count": sig.i_count,
                "we_count": sig.we_count,
                "numbers": list(sig.numbers),
                "star": list(sig.star),
                "flags": list(result.flag_names),
                "vote": result.vote,
                "beats": dict(a.beats),
                "beat_split": split,
            }
        )
    return out


def _rounds(session: Session, analysis: LoopAnalysis) -> list[dict[str, Any]]:
    touched = {i for c in analysis.contradictions for i in c.answers}
    out: list[dict[str, Any]] = []
    for rnd in session.plan.rounds:
        questions: list[dict[str, Any]] = []
        for qi, q in enumerate(rnd.questions):
            mine = [
                i
                for i, a in enumerate(session.answers)
                if a.round == rnd.index and a.question_index == qi
            ]
            main = next((i for i in mine if session.answers[i].kind == "main"), None)
            vote = analysis.answers[main].vote if main is not None else None
            contradicted = bool(touched & set(mine))
            final = _lower(vote) if vote is not None and contradicted else vote
            evidence = (
                [
                    {
                        "answer": main,
                        "quote": ev.quote,
                        "note": ev.note,
                        "positive": ev.positive,
                        "start": ev.start,
                        "end": ev.end,
                    }
                    for ev in analysis.answers[main].vote_evidence
                ]
                if main is not None
                else []
            )
            flags = [
                {
                    "answer": i,
                    "name": f.name,
                    "message": f.message,
                    "quote": f.quote,
                    "start": f.start,
                    "end": f.end,
                }
                for i in mine
                for f in analysis.answers[i].flags
            ]
            questions.append(
                {
                    "index": qi,
                    "question_id": q.id,
                    "principle": q.principle,
                    "principle_name": _principle_name(q.principle),
                    "prompt": q.prompt,
                    "failure": q.failure,
                    "answered": main is not None,
                    "answers": mine,
                    "main_answer": main,
                    "vote": vote,
                    "final_vote": final,
                    "contradicted": contradicted,
                    "vote_evidence": evidence,
                    "flags": flags,
                }
            )
        out.append(
            {
                "index": rnd.index,
                "interviewer": rnd.interviewer,
                "title": rnd.title,
                "kind": rnd.kind,
                "shown_kind": rnd.shown_kind,
                "bar_raiser": rnd.is_bar_raiser,
                "minutes": rnd.minutes,
                "principles": list(rnd.principles),
                "budget_seconds": session.round_budget_seconds(rnd),
                "used_seconds": round(session.round_used_seconds(rnd.index), 2),
                "questions": questions,
            }
        )
    return out


def _principle_grid(rounds: list[dict[str, Any]], analysis: LoopAnalysis) -> list[dict[str, Any]]:
    grid: list[dict[str, Any]] = []
    for p in PRINCIPLES:
        graded = [r["index"] for r in rounds if p.slug in r["principles"]]
        votes = [
            {"round": r["index"], "vote": q["vote"]}
            for r in rounds
            for q in r["questions"]
            if q["principle"] == p.slug and q["vote"] is not None
        ]
        grid.append(
            {
                "slug": p.slug,
                "name": p.name,
                "probed": bool(graded),
                "rounds": graded,
                "votes": votes,
                "vote": analysis.outcome.principles.get(p.slug),
            }
        )
    return grid


def debrief_data(session: Session, analysis: LoopAnalysis | None = None) -> dict[str, Any]:
    """Everything the debrief screen shows for ``session``, as plain JSON-ready data.

    Pass ``analysis`` when the caller already has ``analyze_session(session)``.
    """
    if analysis is None:
        analysis = analyze_session(session)
    out = analysis.outcome
    answers = session.answers
    rounds = _rounds(session, analysis)
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
        "rounds": rounds,
        "answers": _answers(session, analysis),
        "reused": [
            {
                "answers": list(r.answers),
                "rounds": list(r.rounds),
                "principles": [answers[r.answers[0]].principle, answers[r.answers[1]].principle],
                "similarity": round(r.similarity, 3),
                "shared": list(r.evidence),
            }
            for r in analysis.reused
        ],
        "contradictions": [
            {
                "answers": list(c.answers),
                "rounds": list(c.rounds),
                "kind": c.kind,
                "detail": c.detail,
            }
            for c in analysis.contradictions
        ],
        "principles": _principle_grid(rounds, analysis),
    }
