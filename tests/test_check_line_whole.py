"""Across rounds: a check is read whole, and every finding names its principles.

A stranger at 80x24 read "CHECK (story) rounds 1 and 3, not counted against a vote:
maybe one story told twice: ... if it is one story, tell another in one o…": the
advice the check exists to give was cut at 150 characters, in its row and again over
its comparison, with room to spare below. The lines also named principles by slug
("round 1 (customer-obsession)") where every other tab says "Customer Obsession".
"""

from __future__ import annotations

import debrief_fixture
from snapshot import screen_text
from test_debrief_screen import across_rounds, open_debrief
from test_story_check import ANXIETY, CLASH

from tui.app import MockloopApp

ADVICE = "if it is one story, tell another in one of these rounds"


async def test_a_check_says_what_to_do_in_its_row_and_over_its_comparison(clock, monkeypatch):
    monkeypatch.setattr(debrief_fixture, "STORY", ANXIETY)
    monkeypatch.setattr(debrief_fixture, "RETOLD", CLASH)
    debrief_fixture.finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        _cross, rows = await across_rounds(pilot, screen)
        [check] = [row for row in rows if row.startswith("CHECK")]
        assert check.endswith(ADVICE)
        assert "round 1 (Customer Obsession) and round 3 (Bias for Action)" in check
        shown = " ".join(screen_text(app).replace("▊", " ").replace("▎", " ").split())
        assert ADVICE in shown
        await pilot.press("enter")
        await pilot.pause()
        title = " ".join(screen_text(app).split("╭")[0].split())
        assert title.endswith(ADVICE)
        assert "Round 1 (Customer Obsession)" in screen_text(app)
        assert "customer-obsession" not in screen_text(app)


async def test_a_reused_story_names_its_principles(clock):
    debrief_fixture.finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        _cross, rows = await across_rounds(pilot, screen)
        reused = rows[0]
        said = "REUSED round 1 (Customer Obsession) and round 3 (Bias for Action)"
        assert reused.startswith(said)
