"""Ctrl+S on an empty answer says what happened and what to do.

A stranger at 80x24 pressed Ctrl+S on an empty answer and read "The answer is
empty. Press Ctrl+S again to skip this question.": nothing said whether the empty
answer had been submitted, nor that typing was the way on. The notice now says it
was not submitted, and offers both ways: type the answer, or Ctrl+S to skip.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_skip_notice import first_question

from tui.app import MockloopApp


async def test_ctrl_s_on_an_empty_answer_says_not_submitted_and_what_to_do(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await first_question(app, pilot)
        await pilot.press("ctrl+s")
        await settled(pilot)
        toast = " ".join(
            line.split("▌", 1)[1].strip() for line in screen_text(app).splitlines() if "▌" in line
        )
        toast = " ".join(toast.split())
        assert "Not submitted: the answer is empty." in toast, toast
        assert "Type your answer, or press Ctrl+S again to skip this question." in toast, toast
        assert screen.phase == "answering" and not screen.session.answers  # nothing taken
