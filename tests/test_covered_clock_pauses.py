"""Help or the command palette over an answer does not cost answer time, in any timing.

A stranger opened help (F1) during an answer in relaxed timing and the clock ran on
while they read it; in strict timing the answer could even be taken, as it stood,
behind the help. Ctrl+P's command palette let it run the same way. Both are pushed
by MockloopApp.push_over_answer, which stops the clock until they close; a clock the
candidate paused with F2 stays paused.
"""

from __future__ import annotations

import pytest
from test_interview import clock_text, first_question
from textual.command import CommandPalette

from tui.app import MockloopApp
from tui.screens.help import HelpScreen

COVERS = pytest.mark.parametrize(
    ("key", "cover"), [("f1", HelpScreen), ("ctrl+p", CommandPalette)], ids=["help", "palette"]
)


@COVERS
@pytest.mark.parametrize("timing", ["strict", "relaxed", "untimed"])
async def test_a_covering_screen_pauses_the_answer_clock(clock, key, cover, timing):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, timing)
        first = screen.step
        clock.advance(10)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, cover)
        clock.advance(600)  # ten minutes in help or the palette: past any strict limit
        await pilot.pause(0.35)
        assert screen.step == first and screen.phase == "answering"  # nothing was taken
        assert screen.stopwatch.elapsed == 10
        assert "PAUSED" in clock_text(screen)  # what shows under it
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.stopwatch.running  # goes on by itself
        clock.advance(5)
        await pilot.pause(0.35)
        assert screen.stopwatch.elapsed == 15
        assert "PAUSED" not in clock_text(screen)


@COVERS
async def test_a_covering_screen_leaves_a_paused_clock_paused(clock, key, cover):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        clock.advance(10)
        await pilot.press("f2")  # the candidate's own pause
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, cover)
        await pilot.press("escape")
        await pilot.pause()
        clock.advance(30)
        assert not screen.stopwatch.running and screen.stopwatch.elapsed == 10
