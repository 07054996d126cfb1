"""Banking a story from the debrief opens the story form on the draft, so the title
(the answer's first words) and the figures (sentence fragments) are checked first."""

from __future__ import annotations

from debrief_fixture import finished_loop, open_stories_tab
from textual.widgets import Input, OptionList

from loops.stories import load_stories
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.screens.stories import StoryFormScreen


async def open_new_story(app, pilot) -> StoryFormScreen:
    await open_stories_tab(app, pilot)
    listing = app.screen.query_one("#story-list", OptionList)
    labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    listing.highlighted = next(n for n, label in enumerate(labels) if "NEW STORY" in label)
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, StoryFormScreen)
    return app.screen


async def test_the_draft_is_edited_before_it_is_banked(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_new_story(app, pilot)
        title = form.query_one("#f-title", Input)
        assert title.value  # drafted from the answer
        assert load_stories()[0] == []  # nothing banked before Ctrl+S
        title.value = "Printer fleet dashboard"
        form.query_one("#f-figures", Input).value = "40% fewer tickets"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    [story] = load_stories()[0]
    assert story.title == "Printer fleet dashboard" and story.figures == ("40% fewer tickets",)
    assert story.id == "printer-fleet-dashboard"  # follows the title as edited


async def test_esc_on_the_draft_banks_nothing(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_story(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    assert load_stories()[0] == []
