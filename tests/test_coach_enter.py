"""Enter after the coach panel leaves the answer as it is.

A stranger at 80x24 with coach mode on pressed Enter to close the coach's notes,
then Enter again, as on a round's intro: the next question's editor, open at
once, took blank lines into the answer. Blank lines before an answer's first word
are no longer taken; Enter still breaks lines in an answer being written.
"""

from __future__ import annotations

from test_app_loop import _type
from textual.widgets import Input, Select

from tui.app import MockloopApp
from tui.screens.coach import CoachScreen
from tui.screens.interview import InterviewScreen


async def test_enter_after_the_coach_panel_adds_no_blank_lines(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#coach", Select).value = "on"
        app.screen.query_one("#seed", Input).value = "11"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", "enter")  # begin round 1; leave its intro
        await pilot.pause()
        interview = app.screen
        assert isinstance(interview, InterviewScreen) and interview.phase == "answering"
        await _type(pilot, "I shipped the fix and cut errors by 40 percent.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CoachScreen)
        await pilot.press("enter")  # carry on: the follow-up's editor opens
        await pilot.pause()
        assert app.screen is interview
        editor = interview.query_one("#answer")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert editor.text == ""
        interview.save_draft_now()
        assert interview.session.draft is None or interview.session.draft.text == ""
        await pilot.press(*"We", "enter", *"I")  # inside an answer, Enter is a new line
        assert editor.text == "We\nI"
