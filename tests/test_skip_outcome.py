"""Half the questions skipped is a no-hire, however good the answers given.

The fault a helper found: a skipped question has no vote, so a loop of two strong
answers and seven skips read "2 of 2 votes inclined and no Bar Raiser veto" and
was a HIRE. In a real loop a candidate who declines half the questions has given
the panel too little to hire on; the outcome now says so, and why.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from snapshot import screen_text
from test_skip_timing_vote import open_debrief

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.review.analysis import analyze_session
from loops.review.debrief import build_debrief
from loops.session import LoopSettings, Session
from loops.store import save_session
from tui.app import MockloopApp

LABELLED = Path(__file__).parent / "labelled" / "answers.toml"
STRONG = [
    a["text"]
    for a in tomllib.loads(LABELLED.read_text(encoding="utf-8"))["answers"]
    if a["vote"] == "strongly-inclined"
]


def _loop(skipped: int) -> Session:
    """A finished 4-round loop of strong, different stories, its first ``skipped``
    main questions skipped (Ctrl+S twice on an empty editor)."""
    settings = LoopSettings("sde2", 4, "relaxed", 4)
    s = Session("20261120-100000-gate", settings, plan_loop(load_bank(), "sde2", 4, 4))
    told = 0
    while (step := s.current_step()) is not None:
        if skipped:
            s.record(step, "", 2.0)
            skipped -= 1
            continue
        s.record(step, STRONG[told], 90.0, follow_ups=[])
        told += 1
    s.created_at = s.updated_at = "2026-11-20T10:00:00+00:00"
    return s


def _mains(session: Session) -> int:
    return sum(1 for a in session.answers if a.kind == "main")


def test_a_loop_with_most_questions_skipped_is_no_hire_and_says_why():
    full = analyze_session(_loop(0)).outcome
    assert full.decision == "hire", full.reason  # the answers alone would hire
    session = _loop(5)
    out = analyze_session(session).outcome
    assert out.decision == "no-hire"
    assert f"5 of {_mains(session)} questions were skipped" in out.reason, out.reason
    assert out.inclined == out.total  # every answer given was still voted inclined


def test_fewer_than_half_skipped_leaves_the_votes_to_decide():
    session = _loop(2)
    out = analyze_session(session).outcome
    assert out.decision == "hire", out.reason
    assert "skipped" not in out.reason


def test_the_rule_holds_after_the_candidate_dismisses_a_finding():
    # A dismissal decides the loop again (``rejudge``): the skips still weigh.
    session = _loop(5)
    session.dismissed = ["reuse:1-2"]
    assert analyze_session(session).outcome.decision == "no-hire"
    assert build_debrief(session).to_json()["outcome"]["decision"] == "no-hire"


async def test_the_debrief_shows_the_reason(clock):
    session = _loop(6)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_debrief(app, pilot)
        text = screen_text(app)
    said = f"6 of {_mains(session)} questions were skipped: too little was answered to"
    assert said in " ".join(text.split()), text
