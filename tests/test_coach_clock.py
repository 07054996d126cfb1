"""The clocks stand still while the coach's notes are open.

Reported: the round clock kept running while the coach's notes were open. Not
reproduced: the answer's clock stops when it is submitted, before the notes open,
and the next answer's clock starts only when they close; the round clock adds up
answers' times, so it stands still too. This keeps it so.
"""

from __future__ import annotations

from test_interview import clock_text, first_question

from tui.app import MockloopApp
from tui.screens.coach import CoachScreen


async def test_reading_the_coach_for_ten_minutes_costs_no_time(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed", coach=True)
        await pilot.press(*"I shipped the fix and cut errors by 40 percent.")
        clock.advance(30)
        await pilot.pause(0.35)
        assert "round 16:00 left" in clock_text(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CoachScreen)
        clock.advance(600)
        await pilot.pause(0.35)
        assert "round 16:00 left" in clock_text(screen)
        await pilot.press("enter")
        await pilot.pause(0.35)
        assert screen.step.kind == "follow-up" and screen.stopwatch.elapsed == 0
        assert "round 16:00 left" in clock_text(screen)
        assert [a.seconds for a in screen.session.answers] == [30.0]
