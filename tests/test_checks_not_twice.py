"""A check never repeats a contradiction.

The debrief lists contradictions and, apart, checks ("check these agree"). When the
beat-by-beat reading (``scoring.aligned``) makes a contradiction of two statements the
slot readers only marked as a check, the debrief used to show both: the same two quotes
twice, once as a verdict and once as a doubt. Run over every labelled loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from loops.review.answers import load_answers_file
from scoring import analyze_loop

LOOPS = sorted((Path(__file__).parent / "labelled").glob("blind*_loops/*.toml"))


def _quoted(finding) -> tuple[tuple[int, int, int], ...]:  # type: ignore[no-untyped-def]
    return tuple((s.answer, s.start, s.end) for s in finding.statements)


@pytest.mark.parametrize("path", LOOPS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_check_quotes_what_a_contradiction_already_quotes(path: Path) -> None:
    loaded = load_answers_file(path)
    answers, bar_raiser = (
        loaded if isinstance(loaded, tuple) else (loaded.answers, loaded.bar_raiser_round)
    )
    result = analyze_loop(answers, bar_raiser_round=bar_raiser)
    shown = {_quoted(c) for c in result.contradictions}
    assert not [c.detail for c in result.checks if _quoted(c) in shown]
