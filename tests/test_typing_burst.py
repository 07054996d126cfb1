"""Keys typed one by one in a burst into a long answer: no freeze, no false notice.

A stranger pasted a 6,800-character answer in a terminal without bracketed paste
(tmux paste-buffer without -p): the keys came one by one, each re-wrapped the whole
paragraph, the screen froze for about 35 s, and then said "Clock paused for 30 s
while mockloop was suspended" though nothing had been suspended. A burst of keys
now goes in as one edit, and a gap in which mockloop was working is not called a
suspension. Real clocks here: the gap has to be a real one.
"""

from __future__ import annotations

from test_interview import first_question
from textual import events
from textual.widgets import TextArea

from tui.app import MockloopApp

PARAGRAPH = (
    "Reconciliation time went from four days to under six hours, and their support "
    "tickets to us fell from about 40 a month to 6. "
) * 50  # about 6,000 characters, one paragraph
BURST = "The CSV export was never built, which saved three engineer-weeks. " * 16


async def test_a_burst_of_keys_into_a_long_answer_lands_whole_without_a_suspended_notice():
    app = MockloopApp()  # real clocks
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await first_question(pilot, "relaxed")
        editor = screen.query_one("#answer", TextArea)
        editor.insert(PARAGRAPH)
        await pilot.pause()
        for character in BURST:  # as the terminal driver posts them, all at once
            app.post_message(events.Key(character, character))
        await pilot.pause(1.0)  # the clock ticks four times a second
        assert editor.text == PARAGRAPH + BURST
        await pilot.pause(0.5)
        notes = [str(n.message) for n in app._notifications]
        assert not any("suspended" in note for note in notes), notes
        await pilot.press("backspace", "!")  # keys that are not characters keep their order
        assert editor.text == PARAGRAPH + BURST[:-1] + "!"
