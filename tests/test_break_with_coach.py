"""The break between rounds tells the truth about scoring with the coach on.

A stranger with coach mode on read, after a round in which every answer had been
given a vote ("Vote on this answer alone: INCLINED"), "Stand up, drink some water,
reset. Nothing is scored until the debrief." With the coach on the break now says the
coach judged each answer alone and the loop is judged at the debrief; with it off it
says what it said.
"""

from __future__ import annotations

from test_app_loop import _type
from textual.widgets import Input, Select, Static

from tui.app import MockloopApp
from tui.screens.breaks import BreakScreen
from tui.screens.coach import CoachScreen
from tui.screens.interview import InterviewScreen

ANSWER = "I shipped the fix myself and cut errors by 40 percent in two weeks."


async def _break_text(clock, coach: str) -> str:
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#coach", Select).value = coach
        app.screen.query_one("#rounds", Select).value = 4
        app.screen.query_one("#seed", Input).value = "11"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", "enter")  # begin round 1; leave its intro
        await pilot.pause()
        while not isinstance(app.screen, BreakScreen):
            if isinstance(app.screen, CoachScreen):
                await pilot.press("enter")
            else:
                assert isinstance(app.screen, InterviewScreen)
                await _type(pilot, ANSWER)
                await pilot.press("ctrl+s")
            await pilot.pause()
        return " ".join(str(s.content) for s in app.screen.query(Static))


async def test_with_the_coach_on_the_break_does_not_say_nothing_is_scored(clock):
    text = await _break_text(clock, "on")
    assert "Nothing is scored" not in text
    assert "The coach's notes judged each answer alone" in text


async def test_with_the_coach_off_nothing_is_scored_until_the_debrief(clock):
    assert "Nothing is scored until the debrief." in await _break_text(clock, "off")
