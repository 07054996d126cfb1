"""The command palette opened during an answer stops its clock, as help does.

Help (F1) over an answer stopped the answer clock, but Ctrl+P's command palette let
it run: a candidate looking for a command lost answer time, and in strict timing the
answer could be taken, as it stood, behind the palette.
"""

from __future__ import annotations

import pytest
from test_interview import clock_text, first_question
from textual.command import CommandPalette

from tui.app import MockloopApp


@pytest.mark.parametrize("timing", ["strict", "relaxed", "untimed"])
async def test_the_palette_pauses_the_answer_clock(clock, timing):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, timing)
        first = screen.step
        clock.advance(10)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        clock.advance(600)  # looks for a command for ten minutes
        await pilot.pause(0.35)
        assert screen.step == first and screen.phase == "answering"  # nothing was taken
        assert screen.stopwatch.elapsed == 10
        assert "PAUSED" in clock_text(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.stopwatch.running
        clock.advance(5)
        await pilot.pause(0.35)
        assert screen.stopwatch.elapsed == 15
        assert "PAUSED" not in clock_text(screen)


async def test_the_palette_leaves_a_paused_clock_paused(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        clock.advance(10)
        await pilot.press("f2")  # the candidate's own pause
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        clock.advance(30)
        assert not screen.stopwatch.running and screen.stopwatch.elapsed == 10
