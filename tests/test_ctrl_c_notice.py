"""Ctrl+C says how to quit, in words, wherever it is pressed.

A stranger pressed Ctrl+C on a break screen and in the answer editor and read
"Do you want to quit? / Press [b]ctrl+q[/b] to quit the app": Textual's own notice
is markup, and every notice of ours is shown as written.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_interview import first_question
from textual.widgets import TextArea

from tui.app import MockloopApp
from tui.screens.setup import SetupScreen


async def ctrl_c(pilot) -> str:
    await pilot.press("ctrl+c")
    await settled(pilot)
    for _ in range(40):  # the toast is drawn a frame or two after the notice
        text = screen_text(pilot.app)
        if "Ctrl+C" in text or "[b]" in text:
            break
        await pilot.pause(0.05)
    pilot.app.clear_notifications()
    return text


def reads_right(text: str) -> None:
    """The toast's lines (right of its "▌" edge) read as one sentence."""
    toast = " ".join(line.split("▌", 1)[1].strip() for line in text.splitlines() if "▌" in line)
    assert "[b]" not in toast and "[/b]" not in toast, text
    assert "Ctrl+C does not quit mockloop" in toast, text
    assert "Press Ctrl+Q to quit; an answer you are typing is saved first." in toast, text


async def test_ctrl_c_on_home_setup_and_in_the_editor_says_ctrl_q_in_words(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(pilot)
        reads_right(await ctrl_c(pilot))
        await pilot.press("n")
        await settled(pilot)
        assert isinstance(app.screen, SetupScreen)
        reads_right(await ctrl_c(pilot))
        await pilot.press("escape")
        await settled(pilot)
        screen = await first_question(pilot, "relaxed")
        await pilot.press(*"I owned the")
        reads_right(await ctrl_c(pilot))
        assert app.screen is screen and screen.query_one("#answer", TextArea).text == "I owned the"
