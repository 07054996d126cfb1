"""Enter on a row of the debrief's Stories tab does the row's main action, as the
footer's "Enter Open" promises: a tmux player at 80x24 found it did nothing."""

from __future__ import annotations

from debrief_fixture import finished_loop, open_stories_tab
from textual.widgets import Input, OptionList, Static

from tui.app import MockloopApp
from tui.screens.answer_view import AnswerScreen
from tui.screens.debrief import DebriefScreen
from tui.screens.stories import StoryFormScreen


def _labels(listing: OptionList) -> list[str]:
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_enter_banks_a_new_story_then_opens_the_answer_that_told_it(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        debrief = app.screen
        listing = debrief.query_one("#story-list", OptionList)
        assert "NEW STORY" in _labels(listing)[listing.highlighted or 0]
        footer = " ".join(str(k) for k in debrief.active_bindings)
        assert "enter" in footer
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryFormScreen)  # the draft of the highlighted answer
        form.query_one("#f-title", Input).value = "Printer fleet dashboard"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is debrief
        labels = _labels(listing)
        row = next(n for n, label in enumerate(labels) if "Printer fleet dashboard" in label)
        listing.highlighted = row
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, AnswerScreen)
        shown = " ".join(str(w.render()) for w in view.query(Static))
        assert 'banked story "Printer fleet dashboard"' in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
