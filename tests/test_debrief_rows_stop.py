"""The debrief's Rounds list stops at its ends instead of wrapping around.

A stranger at 80x24 moved down the Rounds tab past its last row: the cursor jumped
back to the top, onto the second row (the first is a round's heading), and Up on
that row jumped to the bottom. Down on the last row and Up on the first now stay
where they are, as the history table does.
"""

from __future__ import annotations

from debrief_fixture import finished_loop
from textual.widgets import OptionList

from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen


async def test_moving_past_either_end_of_the_rounds_list_stays_put(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # the finished loop's debrief
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        rounds = app.screen.query_one("#evidence", OptionList)
        first = rounds.highlighted
        assert first is not None and rounds.get_option_at_index(0).disabled  # a heading
        await pilot.press("up")
        await pilot.pause()
        assert rounds.highlighted == first
        assert rounds.scroll_y == 0  # the round's heading above it shows
        await pilot.press("end")
        await pilot.pause()
        last = rounds.highlighted
        assert last is not None and last > first
        await pilot.press("down", "down")
        await pilot.pause()
        assert rounds.highlighted == last
        assert rounds.scroll_y == rounds.max_scroll_y  # still at the bottom
        await pilot.press("up")
        await pilot.pause()
        assert rounds.highlighted is not None and first < rounds.highlighted < last


async def test_across_rounds_stops_at_its_ends_too(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter", "2")
        await pilot.pause()
        cross = app.screen.query_one("#cross-list", OptionList)
        await pilot.press("end")
        await pilot.pause()
        last = cross.highlighted
        await pilot.press("down")
        await pilot.pause()
        assert cross.highlighted == last
