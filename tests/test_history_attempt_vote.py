"""History's list of a loop's questions gives each vote as the debrief counts it.

A stranger's retry list read "Round 1 Dive Deep: 1 attempt: INCLINED" while the debrief
had that vote NOT INCLINED, a contradiction having lowered it: the list judged the
telling alone. One owner of a round's vote: the debrief's, after the loop's
contradictions and the candidate's dismissals.
"""

from __future__ import annotations

from debrief_fixture import finished_loop

from loops.review.debrief import build_debrief
from loops.review.retry import retryable


def _listed(loop) -> dict[tuple[int, int], str | None]:
    return {
        (r.ref.round, r.ref.question_index): r.attempts[0].vote for r in retryable([loop], loop.id)
    }


def test_a_vote_lowered_by_a_contradiction_is_listed_lowered():
    loop = finished_loop()
    d = build_debrief(loop)
    first = d.round_questions(1)[0]
    assert (first.vote, first.counted) == ("inclined", "not-inclined")  # lowered
    listed = _listed(loop)
    assert listed[(1, 0)] == "not-inclined"
    assert listed == {(q.round, q.index): q.counted for q in d.questions if q.main is not None}


def test_a_dismissed_contradiction_gives_the_vote_back_in_the_list_too():
    loop = finished_loop()
    loop.dismissed.append(build_debrief(loop).contradictions[0].key)
    d = build_debrief(loop)
    assert d.round_questions(1)[0].counted == "inclined"
    assert _listed(loop)[(1, 0)] == "inclined"
