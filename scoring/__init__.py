"""mockloop's scoring engine: what each interviewer would write about a loop.

Runs without the UI (nothing here imports textual or rich) and with the
standard library only.

Public API::

    AnswerInput(round, principle, text, question=None, kind="main",
                seconds=None, failure=False)
    analyze_answer(answer, index=0) -> AnswerAnalysis
    analyze_loop(answers, bar_raiser_round=None) -> LoopAnalysis
    LoopAnalysis.to_json() -> dict
    extract_facts(text, source=0) -> Facts; compare_facts(a, b) -> [Conflict]
    story_similarity(a, b, others=()) -> float   (same story at >= REUSE_THRESHOLD)

The JSON object (``mockloop analyze --json``)::

    {"answers": [{"index", "round", "principle", "kind", "flags": [name, ...],
                  "evidence": {flag: {"start", "end", "quote", "message"} | {"message"}},
                  "vote", "vote_evidence": [{"start", "end", "quote", "note", "positive"}],
                  "signals": {"i_count", "we_count", "numbers", "word_count",
                              "estimated_seconds", "seconds_measured", "star"}}],
     "reused": [{"answers": [i, j], "rounds": [r1, r2], "similarity", "evidence": [str]}],
     "contradictions": [{"answers": [i, j], "rounds": [r1, r2], "kind", "detail",
                         "statements": [{"answer", "round", "sentence", "start", "end",
                                         "quote"}, {...}]}],
     "outcome": {"decision": "hire" | "no-hire", "reason", "bar_raiser_round",
                 "bar_raiser_vote", "principles": {slug: vote},
                 "inclined_votes", "total_votes"},
     "checks": [as contradictions]}

In ``analyze_loop`` an answer's ``vote`` is its telling's vote (the main answer
with its follow-ups, which may supply what the main answer lacked), so a main
answer and its follow-ups show the same vote; ``flags``, ``evidence`` and
``signals`` are always the answer's own. A follow-up gets only the flags raised
by what it says (a follow-up is not expected to carry a result or a lesson).
``reused`` and ``contradictions`` pair answers from different rounds only:
reused names the main answers; contradictions name the answers where each
conflicting fact was said. ``kind`` is one of number, role, team, company,
date, outcome, agency. ``statements`` quotes each side whole: ``start``/``end``
are offsets of the stated value in that answer's text, ``sentence`` the
sentence around it. ``checks`` are facts that may disagree (a role one telling
leaves unsaid, values near each other, a month of another event): shown apart,
never counted against a vote.
"""

from __future__ import annotations

from scoring.engine import analyze_answer, analyze_loop, tellings
from scoring.facts import Conflict, Facts, Figure, compare_facts, extract_facts
from scoring.model import (
    FLAG_NAMES,
    VOTES,
    AnswerAnalysis,
    AnswerInput,
    Contradiction,
    Evidence,
    FlagHit,
    LoopAnalysis,
    Outcome,
    Reuse,
    Signals,
)
from scoring.similarity import REUSE_THRESHOLD, story_similarity

__all__ = [
    "FLAG_NAMES",
    "REUSE_THRESHOLD",
    "VOTES",
    "AnswerAnalysis",
    "AnswerInput",
    "Conflict",
    "Contradiction",
    "Evidence",
    "Facts",
    "Figure",
    "FlagHit",
    "LoopAnalysis",
    "Outcome",
    "Reuse",
    "Signals",
    "analyze_answer",
    "analyze_loop",
    "compare_facts",
    "extract_facts",
    "story_similarity",
    "tellings",
]
