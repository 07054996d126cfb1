"""Ctrl+Q mid-answer says on the way out that the answer was kept.

A stranger pressed Ctrl+Q in the middle of an answer: the draft was saved, and
home offered it back next time, but the terminal said nothing, so they could not
know on the way out that the answer was not lost.
"""

from __future__ import annotations

from test_interview import first_question

from loops.store import load_summaries
from tui.app import MockloopApp


def said_on_exit(capsys) -> str:
    """What the terminal shows once the screen is gone (App.exit's message, which
    Textual prints on stderr), as one line."""
    return " ".join(capsys.readouterr().err.split())


async def test_quitting_mid_answer_says_the_answer_is_saved_and_how_to_resume(clock, capsys):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_question(pilot, "relaxed")
        await pilot.press(*"I owned the rollout")
        await pilot.press("ctrl+q")
        await pilot.pause()
    said = said_on_exit(capsys)
    assert "Your answer so far is saved" in said and "choose Resume" in said, said
    [summary] = load_summaries().summaries
    assert summary.draft_saved


async def test_quitting_with_nothing_typed_or_from_home_says_nothing(clock, capsys):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_question(pilot, "relaxed")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert said_on_exit(capsys) == ""
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert said_on_exit(capsys) == ""
