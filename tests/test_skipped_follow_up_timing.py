"""A skipped follow-up in the debrief's Timing tab: its own row, saying skipped.

Reported by a stranger as missing or shown like an answer; it did not reproduce on
this code (the row says skipped, as a skipped main question's does). This keeps it so:
Ctrl+S twice on an empty follow-up, played through the interview screen.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_app_loop import start_loop
from test_skip_timing_vote import _text
from textual.widgets import Static, TextArea

from tui.app import MockloopApp
from tui.screens.breaks import BreakScreen
from tui.screens.debrief import DebriefScreen
from tui.screens.interview import InterviewScreen


async def test_a_skipped_follow_up_says_skipped_in_the_timing_tab(clock):
    app = MockloopApp(clock=clock)
    skipped = ""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot, rounds=4)
        await pilot.press("enter")
        await pilot.pause()
        n = 0
        while isinstance(app.screen, InterviewScreen | BreakScreen):
            screen = app.screen
            if not isinstance(screen, InterviewScreen) or screen.phase != "answering":
                await pilot.press("enter")
                await pilot.pause()
                continue
            step = screen.step
            assert step is not None
            clock.advance(30)
            if not skipped and step.follow_up_index is not None:
                skipped = step.prompt
                await pilot.press("ctrl+s", "ctrl+s")  # empty: skipped
                await pilot.pause()
                continue
            n += 1
            screen.query_one("#answer", TextArea).text = f"Answer {n}: I fixed it, 20% faster."
            await pilot.press("ctrl+s")
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        assert [a.kind for a in screen.session.answers if a.skipped] == ["follow-up"]
        await app.workers.wait_for_complete()
        await pilot.press("4")
        await settled(pilot)
        seen = screen_text(app)
        timing = _text(*(w.content for w in screen.query("#timing-body Static").results(Static)))
    row = next(line for line in seen.splitlines() if skipped[:30] in line)
    assert "then:" in row and row.rstrip().endswith("skipped"), seen
    rows = [line for line in timing.splitlines() if line.rstrip().endswith("skipped")]
    assert len(rows) == 1 and " 0 " not in rows[0] and "/ 1:30" not in rows[0], timing
