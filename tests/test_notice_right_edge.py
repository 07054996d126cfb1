"""A notice reaches the right edge at 80x24, with nothing of the screen under it
showing through.

A stranger in tmux saw a stray "s" at the right edge of the empty-answer notice:
Textual's toast rack keeps a 2-column scrollbar gutter, so the toast stopped two
columns short and the "s" of the clock line's "0 words" (and a piece of the editor's
border) showed beside it.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_skip_notice import PROMPT, first_question

from tui.app import MockloopApp
from tui.screens.interview import SKIP_PROMPT

TOAST_EDGE = "▌"
"""The toast's left border, as drawn in a text snapshot."""


async def test_the_empty_answer_notice_covers_to_the_right_edge(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await first_question(app, pilot)
        await pilot.press("ctrl+s")  # an empty answer: the notice asks to press again
        await settled(pilot)
        lines = screen_text(app).splitlines()
        assert any(PROMPT in line for line in lines), "\n".join(lines)
        toast = [line for line in lines if TOAST_EDGE in line and "^p palette" not in line]
        assert toast, "\n".join(lines)
        left = toast[0].index(TOAST_EDGE)
        assert 80 - left == 40, toast  # half the screen, up to the last column
        for line in toast:
            inside = line[left + 1 :]
            # Only the notice's words: no "s" of "0 words", no editor border "▁" or "▎".
            assert set(inside) - set(" ") <= set(SKIP_PROMPT), line
