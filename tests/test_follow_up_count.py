"""The candidate sees how many follow-ups are left in the question.

A stranger at 80x24: the header said "Question 1 of 3, follow-up 1" and nothing
of how many more were coming, so a candidate could not pace the question. It now
says "follow-up 1 of 3", on the header's line, within 80 columns.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from test_app_loop import _type
from test_interview import first_question

from tui.app import MockloopApp

VAGUE = (
    "Our team noticed the nightly build kept failing, so we got together and we rewrote "
    "the pipeline. We split the work and we tested it. It went well."
)


async def test_each_follow_up_says_which_of_how_many(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        assert "Question 1 of" in screen_text(app) and "main question" in screen_text(app)
        await _type(pilot, VAGUE)
        await pilot.press("ctrl+s")
        await settled(pilot)
        asked = screen.session.answers[-1].follow_ups
        total = len(asked)
        assert total >= 2
        for n, follow_up in enumerate(asked, start=1):
            lines = screen_text(app).splitlines()
            header = next(line for line in lines if line.strip().startswith("Question 1 of"))
            assert header.strip().endswith(f", follow-up {n} of {total}"), header
            assert len(header) <= 80
            assert any(follow_up.text[:40] in line for line in lines)
            await _type(pilot, f"Answer {n}: I wrote the retry step myself.")
            await pilot.press("ctrl+s")
            await settled(pilot)
        assert "main question" in screen_text(app)
