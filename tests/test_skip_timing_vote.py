"""A skipped question in the debrief's Timing tab, its speaking time and the self-vote screen.

The faults, as seen at 80x24: the Timing tab gave a skip a row like any answer
("0 words ... 0:02 / 2:30"), and the debrief's heading and the exports added the
skip's clock to the speaking time; the self-vote screen of a loop whose every
question was skipped was an empty list that Enter did nothing on, with nothing
saying why.
"""

from __future__ import annotations

import dataclasses
import io

from rich.console import Console
from snapshot import screen_text, settled
from test_skip_not_scored import SKIPS, _loop
from textual.widgets import Static

from loops.review.debrief import build_debrief
from loops.review.exports import render
from loops.session import Session
from loops.store import save_session
from loops.timing import fmt_seconds
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.screens.self_vote import SelfVoteScreen

EVERY_QUESTION = {(r, q) for r in range(1, 7) for q in range(4)}
"""More than any loop's questions: every one of them skipped."""


def _text(*renderables: object) -> str:
    console = Console(width=80, record=True, color_system=None, file=io.StringIO())
    for r in renderables:
        console.print(r)
    return console.export_text()


def seconds(session: Session, *, skipped: bool) -> float:
    return sum(a.seconds for a in session.answers if a.skipped == skipped)


async def open_debrief(app: MockloopApp, pilot) -> DebriefScreen:
    """Home's first saved loop, opened: its debrief, settled."""
    await pilot.pause()
    await pilot.press("down", "enter")
    await app.workers.wait_for_complete()
    await settled(pilot)
    assert isinstance(app.screen, DebriefScreen)
    return app.screen


async def test_the_timing_tab_says_skipped_and_the_speaking_time_leaves_skips_out(clock):
    session = _loop(SKIPS)
    save_session(session)
    skipped = [a for a in session.answers if a.skipped]
    assert len(skipped) == len(SKIPS) and all(a.seconds == 2.0 for a in skipped)
    given = seconds(session, skipped=False)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(app, pilot)
        top = screen_text(app)
        await pilot.press("4")  # Timing tab
        await app.workers.wait_for_complete()
        await settled(pilot)
        seen = screen_text(app)
        timing = _text(*(w.content for w in screen.query("#timing-body Static").results(Static)))
    # The heading's speaking time is the answers' own, without the skips' clock.
    assert f"{fmt_seconds(given)} speaking time" in top, top
    assert fmt_seconds(given + seconds(session, skipped=True)) not in top
    # Round 1's second question was skipped: its row, on screen at 80x24, says so.
    first = next(a for a in skipped if a.round == 1)
    row = next(line for line in seen.splitlines() if first.prompt[:30] in line)
    assert "skipped" in row, seen
    assert "0:02 / 2:30" not in timing, timing
    rows = [line for line in timing.splitlines() if line.rstrip().endswith("skipped")]
    assert len(rows) == len(SKIPS), timing
    for line in rows:  # no words, no I/we, no clock: nothing was said
        assert " 0 " not in line and "0/0" not in line and "/ 2:30" not in line, line


def test_the_exports_speaking_time_leaves_skips_out():
    session = _loop(SKIPS)
    data = build_debrief(session).to_json()
    given = seconds(session, skipped=False)
    assert data["session"]["speaking_seconds"] == round(given, 2)
    for fmt in ("md", "html"):
        assert f"{fmt_seconds(given)} speaking time" in render(data, fmt)


async def test_the_self_vote_screen_of_a_loop_all_skipped_says_why_and_goes_on(clock):
    session = _loop(EVERY_QUESTION)
    assert session.answers and all(a.skipped for a in session.answers)
    session.settings = dataclasses.replace(session.settings, self_vote=True)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.vote_then_debrief(session)
        await settled(pilot)
        assert isinstance(app.screen, SelfVoteScreen)
        text = screen_text(app)
        n = len(session.answers)
        said = f"Nothing to vote on: every question of this loop was skipped ({n} of {n})"
        assert said in text, text
        assert "Press Enter (or Ctrl+S) for the debrief." in text, text
        assert "Vote" not in text.splitlines()[-1], text  # no vote keys in the footer
        assert "1 strongly not inclined" not in text, text
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settled(pilot)
        assert isinstance(app.screen, DebriefScreen)
