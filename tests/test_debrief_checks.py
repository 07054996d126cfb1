"""The debrief's across-rounds tab: checks are listed apart from contradictions.

A check is a pair of facts that may disagree (near values, or a role one telling
leaves unsaid); it is shown so the candidate can look, but it is not a
contradiction and lowers no vote. Opening either kind marks each side's own
sentence, taken from the finding, not parsed back out of its detail text.
"""

from __future__ import annotations

import debrief_fixture
from test_debrief_screen import across_rounds, marked_words, open_debrief

from tui.app import MockloopApp
from tui.screens.answer_view import CompareScreen

# The retelling agrees on the baseline and says the result only roughly, about 350 ms
# against 300 ms: worth a check, not a contradiction.
ROUGH = debrief_fixture.RETOLD.replace("2.6", "1.4").replace(
    "p99 dropped from 1.4 seconds to 300 ms", "Once the fix was out p99 sat at about 350 ms"
)


async def test_a_check_is_listed_apart_and_opens_both_sentences(clock, monkeypatch):
    monkeypatch.setattr(debrief_fixture, "RETOLD", ROUGH)
    debrief_fixture.finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        outcome = str(screen.query_one("#outcome").render())
        assert "contradiction" not in outcome
        cross, labels = await across_rounds(pilot, screen)
        assert not any(label.startswith("CONTRADICTION") for label in labels)
        check = next(n for n, label in enumerate(labels) if label.startswith("CHECK"))
        assert "not counted against a vote" in labels[check]
        cross.highlighted = check
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CompareScreen)
        assert view.right.text == ROUGH
        left = " ".join(marked_words(view.query_one("#text-0")))
        right = " ".join(marked_words(view.query_one("#text-1")))
        assert left == "p99 went from 1.4 seconds to 300 ms and cart abandonment fell 3%"
        assert right == "Once the fix was out p99 sat at about 350 ms and abandonment fell 3%"
