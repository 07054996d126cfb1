"""A skipped question's notice goes when the question does.

A stranger at 80x24 in tmux: after Ctrl+S twice on an empty answer, the notice
"The answer is empty. Press Ctrl+S again to skip this question." stayed for its
5 s over the next question, covering its clock line and word count.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_app_loop import start_loop
from textual.widgets import Static

from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen

PROMPT = "Not submitted: the answer is empty."
"""The notice's first words: on one line of its toast at 80 columns."""


def shown(app) -> str:
    return screen_text(app)


async def first_question(app, pilot) -> InterviewScreen:
    await start_loop(pilot)
    await pilot.press("enter", "enter")  # begin round 1; leave its intro
    await settled(pilot)
    screen = app.screen
    assert isinstance(screen, InterviewScreen) and screen.phase == "answering"
    return screen


async def test_the_skip_notice_is_gone_when_the_next_question_shows(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await first_question(app, pilot)
        second = screen.session.plan.rounds[0].questions[1].prompt
        await pilot.press("ctrl+s")  # empty: the notice asks to press again
        await settled(pilot)
        assert PROMPT in shown(app)
        await pilot.press("ctrl+s")  # skipped
        await settled(pilot)
        assert second in str(screen.query_one("#prompt", Static).content)
        text = shown(app)
        assert PROMPT not in text, text
        assert "0 words" in text.splitlines()[-2], text  # the clock line is whole again


async def test_two_quick_presses_leave_no_skip_notice(clock):
    """Ctrl+S twice back to back. (Pilot waits between keys, so this does not
    reproduce a notice still queued when the second press lands; tui/notices.py
    queues the withdrawal behind it for that.)"""
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await first_question(app, pilot)
        await pilot.press("ctrl+s", "ctrl+s")
        await settled(pilot)
        assert PROMPT not in shown(app)
        assert not [n for n in app._notifications if PROMPT in n.message]


async def test_typing_an_answer_after_the_notice_also_clears_it(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await first_question(app, pilot)
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.press(*"I owned it.", "ctrl+s")  # answered: follow-up next
        await settled(pilot)
        assert PROMPT not in shown(app)
