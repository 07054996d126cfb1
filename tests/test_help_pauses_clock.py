"""Reading help during an answer does not cost answer time, in any timing.

A stranger opened help (F1) during an answer in relaxed timing and the clock ran on
while they read it; in strict timing the answer could even be taken, as it stood,
behind the help.
"""

from __future__ import annotations

import pytest
from test_interview import clock_text, first_question

from tui.app import MockloopApp
from tui.screens.help import HelpScreen


@pytest.mark.parametrize("timing", ["strict", "relaxed", "untimed"])
async def test_help_pauses_the_answer_clock(clock, timing):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, timing)
        first = screen.step
        clock.advance(10)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        clock.advance(600)  # reads help for ten minutes: past any strict limit
        await pilot.pause(0.35)
        assert screen.step == first and screen.phase == "answering"  # nothing was taken
        assert screen.stopwatch.elapsed == 10
        assert "PAUSED" in clock_text(screen)  # what shows under the help
        await pilot.press("escape")
        await pilot.pause()
        assert screen.stopwatch.running  # back from help: the clock goes on by itself
        clock.advance(5)
        await pilot.pause(0.35)
        assert screen.stopwatch.elapsed == 15
        assert "PAUSED" not in clock_text(screen)


async def test_help_leaves_a_paused_clock_paused(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        clock.advance(10)
        await pilot.press("f2")  # the candidate's own pause
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        clock.advance(30)
        assert not screen.stopwatch.running and screen.stopwatch.elapsed == 10
