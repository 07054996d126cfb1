"""Coming back to a debrief tab finds the candidate where they were.

A stranger read down the Stories tab, went to Across rounds, pressed x on a story told
twice, and came back to Stories at its first row: the loop judged again refilled the
list. A story banked did the same. Rounds kept its row but not its scroll.
"""

from __future__ import annotations

from debrief_fixture import finished_loop, open_stories_tab
from textual.widgets import Input, OptionList

from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.screens.stories import StoryFormScreen


def _row(listing: OptionList) -> str:
    assert listing.highlighted is not None
    return str(listing.get_option_at_index(listing.highlighted).prompt)


async def _x_on_the_story_told_twice(app, pilot) -> None:
    await pilot.press("2")
    await pilot.pause()
    cross = app.screen.query_one("#cross-list", OptionList)
    ids = [cross.get_option_at_index(n).id for n in range(cross.option_count)]
    cross.highlighted = ids.index("reuse:0")
    await pilot.press("x")  # not the same story: the loop is judged again
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()  # the Stories tab matched again
    await pilot.pause()


async def test_x_in_across_rounds_keeps_the_place_in_rounds_and_stories(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        stories = screen.query_one("#story-list", OptionList)
        first = stories.highlighted
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert stories.highlighted != first
        story_row = _row(stories)
        assert "Round 3 Deliver Results: NEW STORY" in story_row

        await pilot.press("1")
        await pilot.pause()
        evidence = screen.query_one("#evidence", OptionList)
        await pilot.press(*["down"] * 20)
        await pilot.pause()
        at, scrolled = evidence.highlighted, evidence.scroll_y
        assert scrolled > 0

        await _x_on_the_story_told_twice(app, pilot)
        await pilot.press("5")
        await pilot.pause()
        assert _row(stories) == story_row  # was the first new story, round 1's
        await pilot.press("1")
        await pilot.pause()
        assert evidence.highlighted == at and evidence.scroll_y == scrolled


async def test_a_story_banked_keeps_its_row_highlighted(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        stories = app.screen.query_one("#story-list", OptionList)
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert "Round 3 Deliver Results: NEW STORY" in _row(stories)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryFormScreen)
        form.query_one("#f-title", Input).value = "Printer fleet dashboard"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The row just banked, now matched to its story: not back at round 1's.
        assert _row(stories).startswith(
            'Round 3 Deliver Results: banked story "Printer fleet dashboard"'
        )
