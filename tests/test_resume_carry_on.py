"""The intro's words and its footer say the same thing Enter does.

A stranger at 80x24 resumed a loop left mid-answer: the screen said "Press Enter to
carry on." and the footer under it "⏎ Start". A resumed question's footer now reads
"Carry on"; a question met for the first time still reads "Start".
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_store import answer_some, make_session, with_draft

from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen


def footer(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


async def test_a_resumed_answer_says_carry_on_in_its_words_and_its_footer(clock):
    s = make_session("20261130-090000-aaaa")
    answer_some(s, 1)
    with_draft(s, "I cut errors by 30%", 12.0)
    save_session(s)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Resume, highlighted on arrival
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.phase == "intro"
        text = screen_text(app)
        assert "Press Enter to carry on." in text
        assert "⏎ Carry on" in footer(text) and "Start" not in footer(text), footer(text)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.phase == "answering"
        assert screen.query_one("#answer").text == "I cut errors by 30%"


async def test_a_first_question_still_says_start(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # begin round 1: its intro
        await settled(pilot)
        text = screen_text(app)
        assert "Press Enter when you're ready" in text
        assert "⏎ Start" in footer(text) and "Carry on" not in footer(text), footer(text)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.phase == "answering"
