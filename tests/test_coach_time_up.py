"""Strict timing with the coach on: time runs out mid-sentence.

A stranger's keys ('hello'), typed as the coach's notes opened at time up, went
nowhere without a word, and the clock under the notes read 'TIME UP +0:10
moving on in 0s  PAUSED'. Decided: the answer is saved as it stood and the next
box is not open yet, so the notes say at their top that typing is not taken there
and Enter goes on; a key typed anyway is answered once; the clock says the
answer was saved, not both that it moves on and that it is paused.
"""

from __future__ import annotations

from test_interview import clock_text, first_question
from textual.widgets import Static, TextArea
from textual.widgets._toast import Toast

from tui.app import MockloopApp
from tui.screens.coach import CoachScreen


def _toasts(app) -> list[str]:
    return [" ".join(str(t.render()).split()) for t in app.screen.query(Toast)]


async def test_keys_typed_as_the_coach_opens_at_time_up_are_answered(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await first_question(pilot, "strict", coach=True)
        first = screen.step
        await pilot.press(*"I owned the fix")
        clock.advance(150 + 5)
        await pilot.pause(0.35)
        assert "moving on in 5s" in clock_text(screen)
        clock.advance(5)  # the 10 s grace is up
        await pilot.pause(0.35)
        coach = app.screen
        assert isinstance(coach, CoachScreen)
        top = str(coach.query_one("#coach-time-up", Static).render())
        assert "Typing here is not taken" in top and "Enter" in top, top
        shown = clock_text(screen)
        assert "answer saved" in shown, shown
        assert "moving on" not in shown and "PAUSED" not in shown, shown

        await pilot.press(*"hello")
        await pilot.pause()
        assert app.screen is coach  # still open: the notes are read first
        said = [t for t in _toasts(app) if "Typing is not taken" in t]
        assert len(said) == 1, _toasts(app)  # once, not once a key

        await pilot.press("enter")
        await pilot.pause(0.35)
        assert screen.step != first and screen.phase == "answering"
        assert screen.query_one("#answer", TextArea).text == ""
    answer = screen.session.answers[0]
    assert answer.text == "I owned the fix" and answer.auto_submitted


async def test_the_coach_after_a_submitted_answer_has_no_time_up_note(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_question(pilot, "strict", coach=True)
        await pilot.press(*"I owned the fix", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CoachScreen)
        assert not app.screen.query("#coach-time-up")
