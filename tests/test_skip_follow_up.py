"""Skipping a follow-up passes that follow-up alone.

A stranger at 80x24: on a follow-up, Ctrl+S on an empty answer said "Press Ctrl+S
again to skip this question", which reads as passing the whole question, its other
follow-ups included; and with coach mode on, the skip opened the coach's notes on
an answer of 0 words. A skipped follow-up now says so, and goes straight to the
question's next follow-up (the next question after the last one).
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_app_loop import _type
from test_interview import first_question
from textual.widgets import Static

from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen

VAGUE = (
    "Our team noticed the nightly build kept failing, so we got together and we rewrote "
    "the pipeline. We split the work and we tested it. It went well."
)


def shown(screen: InterviewScreen) -> tuple[str, str]:
    header = str(screen.query_one("#round-header", Static).content).splitlines()[-1]
    return header, str(screen.query_one("#prompt", Static).content)


async def _skip(pilot) -> None:
    await pilot.press("ctrl+s")
    await settled(pilot)
    await pilot.press("ctrl+s")
    await settled(pilot)


async def test_skipping_each_follow_up_goes_to_the_next_then_the_next_question(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await first_question(pilot, "relaxed")
        await _type(pilot, VAGUE)
        await pilot.press("ctrl+s")
        await settled(pilot)
        asked = [f.text for f in screen.session.answers[-1].follow_ups]
        assert len(asked) >= 2, asked
        for n, text in enumerate(asked, start=1):
            header, prompt = shown(screen)
            assert header.endswith(f"follow-up {n}") or f"follow-up {n} " in header, header
            assert text in prompt, prompt
            await pilot.press("ctrl+s")  # empty: the notice asks to press again
            await settled(pilot)
            notice = " ".join(screen_text(app).split())
            assert "skip this follow-up." in notice, notice
            assert "skip this question" not in notice, notice
            await pilot.press("ctrl+s")  # skipped: this follow-up only
            await settled(pilot)
        header, prompt = shown(screen)
        assert header.startswith("Question 2 of") and "main question" in header, header
        second = screen.session.plan.rounds[0].questions[1].prompt
        assert second in prompt, prompt


async def test_with_coach_mode_a_skipped_follow_up_opens_no_notes(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed", coach=True)
        await _type(pilot, VAGUE)
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.press("enter")  # close the coach's notes on the main answer
        await settled(pilot)
        first, second = screen.session.answers[-1].follow_ups[:2]
        assert first.text in shown(screen)[1]
        await _skip(pilot)
        assert app.screen is screen, type(app.screen).__name__
        assert second.text in shown(screen)[1]
