"""The side-by-side comparison says how to scroll it when it scrolls.

A stranger at 80x24 opened a contradiction from the Across rounds tab: both
tellings ran past the bottom of their boxes and the footer said only "esc Back".
The arrow keys scrolled the focused side and Tab moved to the other, unsaid. The
footer now says "↑↓ Scroll" and "tab Other side" while either side is longer than
its box (a two-minute answer is, at 80 columns), and nothing of the kind when both
fit (the demo loop's short tellings).
"""

from __future__ import annotations

from dataclasses import replace

from debrief_fixture import finished_loop
from snapshot import screen_text, settled
from textual.containers import VerticalScroll

from tui.app import MockloopApp
from tui.screens.answer_view import CompareScreen


async def open_pair(pilot, times: int) -> CompareScreen:
    """A reused story's two tellings, each said ``times`` over, side by side."""
    session = finished_loop()
    left, right = (
        replace(session.answers[i], text=" ".join([session.answers[i].text] * times))
        for i in (0, 8)
    )
    await pilot.pause()
    pilot.app.push_screen(CompareScreen("Same story in rounds 1 and 3", left, right, [], []))
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def test_at_80x24_the_footer_says_how_to_scroll_the_sides(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_pair(pilot, 3)
        left = screen.query_one("#side-0", VerticalScroll)
        right = screen.query_one("#side-1", VerticalScroll)
        assert left.max_scroll_y > 0  # the telling is longer than its box
        footer = screen_text(app).splitlines()[-1]
        assert "↑↓ Scroll" in footer and "tab Other side" in footer, footer
        assert "esc Back" in footer, footer
        await pilot.press("down", "down")
        await pilot.pause()
        assert left.scroll_y == 2 and right.scroll_y == 0
        await pilot.press("tab", "down")
        await pilot.pause()
        assert right.has_focus and right.scroll_y == min(1, right.max_scroll_y)
        await pilot.press("tab", "up")
        await pilot.pause()
        assert left.has_focus and left.scroll_y == 1


async def test_when_both_sides_fit_no_scroll_hint(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_pair(pilot, 1)
        assert all(s.max_scroll_y == 0 for s in screen.query(VerticalScroll))
        footer = screen_text(app).splitlines()[-1]
        assert "Scroll" not in footer and "Other side" not in footer, footer
