"""Ctrl+P offers mockloop's own commands, those of the screen it was opened on.

The palette held only Textual's (theme, quit, screenshot); a user who forgot
a key found nothing there. At 80 columns it is also where every debrief key
the footer cannot show is listed.
"""

from __future__ import annotations

from debrief_fixture import finished_loop
from test_interview import first_question
from textual.command import CommandPalette
from textual.widgets import OptionList

from loops import paths
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.screens.setup import SetupScreen


async def palette(pilot, query: str = "") -> list[str]:
    """Open the palette, type ``query``, and read the commands it offers."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    if query:
        await pilot.press(*query)
    await pilot.pause(0.3)  # the palette searches in a worker, then shows its hits
    results = pilot.app.screen.query_one(OptionList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def test_home_offers_new_loop_history_stories_and_help(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        offered = "\n".join(await palette(pilot))
        for title in ("New loop", "History of every loop", "Story bank", "Help"):
            assert title in offered
        assert "Resume" not in offered  # nothing to resume yet
        assert "Export" not in offered  # a debrief's command, not home's
        await pilot.press("escape")
        await pilot.pause()
        offered = await palette(pilot, "new loop")
        assert offered and "New loop" in offered[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_the_debrief_exports_json_from_the_palette(clock):
    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        offered = "\n".join(await palette(pilot))
        for title in ("Export JSON", "Export HTML", "Tab: across rounds", "Dismiss or restore"):
            assert title in offered
        assert "New loop" not in offered
        await pilot.press("escape")
        await pilot.pause()
        offered = await palette(pilot, "json")
        assert "Export JSON" in offered[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    assert (paths.data_dir() / "exports" / f"{session.id}.json").exists()


async def test_pause_is_offered_only_when_the_clock_can_pause(clock):
    for timing, pausable in (("strict", False), ("relaxed", True)):
        app = MockloopApp(clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await first_question(pilot, timing)
            offered = "\n".join(await palette(pilot))
            assert "Submit the answer" in offered
            assert ("Pause or resume the clock" in offered) is pausable
