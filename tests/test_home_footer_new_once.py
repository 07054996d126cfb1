"""Home's footer offers "New loop" once.

A first-time user at 80x24 read "⏎ New loop  n New loop" on arrival: Enter on the
highlighted New loop line and n do the same thing, and the footer has no room to
say it twice. n is still a key for it everywhere, shown where Enter does another thing.
"""

from __future__ import annotations

from debrief_fixture import finished_loop
from test_enter_in_footer import footer

from tui.app import MockloopApp
from tui.screens.setup import SetupScreen


async def test_new_loop_is_in_home_footer_once_and_n_still_starts_one(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await footer(pilot)  # a first start: New loop is highlighted
        assert shown.count("New loop") == 1 and "⏎ New loop" in shown, shown
        assert "h History" in shown and "^q Quit" in shown, shown
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_n_is_shown_on_quit_and_works_on_a_loop_line(clock):
    """On a loop's line the footer has no room for n beside d Delete at 80 columns
    (test_home_footer_80); on the Quit line it says n starts a loop."""
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await footer(pilot)
        await pilot.press("down", "down")  # from New loop past the finished loop to Quit
        shown = await footer(pilot)
        assert "⏎ Quit" in shown and "n New loop" in shown, shown
        await pilot.press("up")  # the finished loop
        shown = await footer(pilot)
        assert "⏎ Debrief" in shown and "f1 Help" in shown, shown
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_the_quit_line_says_quit_once_and_ctrl_q_still_quits(clock):
    """A stranger read "⏎ Quit  n New loop ... ^q Quit" on the Quit line: Enter says
    it there, so the footer leaves out ^q on that line only; the key still works."""
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await footer(pilot)
        await pilot.press("down", "down")  # to Quit
        shown = await footer(pilot)
        assert shown.count("Quit") == 1 and "⏎ Quit" in shown, shown
        assert "f1 Help" in shown, shown
        await pilot.press("up")  # the finished loop: ^q is back
        shown = await footer(pilot)
        assert "^q Quit" in shown, shown
        await pilot.press("down")
        await footer(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
