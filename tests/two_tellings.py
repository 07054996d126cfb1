"""One story told in two rounds, analysed as a two-round loop: what the readings tests ask
of the engine, written once."""

from __future__ import annotations

from scoring import AnswerInput, LoopAnalysis, analyze_loop
from scoring.document import Document
from scoring.ending import adoption


def told_twice(first: str, second: str) -> LoopAnalysis:
    """``first`` told in round 1 (Ownership), ``second`` in round 2 (Dive Deep)."""
    return analyze_loop([AnswerInput(1, "ownership", first), AnswerInput(2, "dive-deep", second)])


def reported(kind: str, first: str, second: str, conflict: bool) -> None:
    """The two tellings are one story, and a contradiction of ``kind`` is shown between
    them exactly when ``conflict``."""
    result = told_twice(first, second)
    assert result.reused
    kinds = [c.kind for c in result.contradictions]
    assert (kind in kinds) is conflict, [c.detail for c in result.contradictions]


def what_became(said: str) -> str | None:
    """What became of the change ``said`` tells of (kept or reverted), if it says."""
    doc = Document(said)
    found = adoption(doc.text, doc.sentences)
    return found[0] if found else None
