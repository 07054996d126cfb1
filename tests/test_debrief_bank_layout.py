"""Banking a story from the debrief's Stories tab leaves the list as it was.

A stranger's report: after a then Ctrl+S the list shrank to about 7 rows with
blank lines below. The story form loads the story bank's CSS, whose rule for the
bank's own #story-list (at most 8 rows) then held for the debrief's list too.
"""

from __future__ import annotations

from debrief_fixture import finished_loop, open_stories_tab
from test_bank_from_debrief import open_new_story
from textual.widgets import OptionList

from loops.stories import load_stories
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen


async def test_the_stories_list_keeps_its_size_and_focus_after_banking(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        listing = app.screen.query_one("#story-list", OptionList)
        before = listing.region.height
        assert before > 10  # the tab's whole height at 80x24
        await pilot.press("escape")  # back home, to open it as a person would
        await pilot.pause()
        await open_new_story(app, pilot)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert len(load_stories()[0]) == 1
        listing = app.screen.query_one("#story-list", OptionList)
        assert listing.region.height == before
        assert app.focused is listing
