"""Quotes on the debrief are cut by the width the list has, not at a constant:
at 120 columns whole sentences show; at 80 they are shortened, with an ellipsis;
Enter shows all."""

from __future__ import annotations

from debrief_fixture import finished_loop
from snapshot import screen_text

from tui.app import MockloopApp
from tui.screens.answer_view import AnswerScreen
from tui.screens.debrief import DebriefScreen


def quote_lines(screen: DebriefScreen) -> list[str]:
    """What each evidence line says in full, by the analysis (not by the screen)."""
    lines = []
    for result in screen.analysis.answers:
        for ev in result.vote_evidence:
            if ev.quote:
                mark = "+" if ev.positive else "-"
                lines.append(" ".join(f'{mark} {ev.note}: "{ev.quote}"'.split()))
    return lines


async def test_a_wide_terminal_shows_a_quote_whole_and_a_narrow_one_cuts_it(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        shown = screen_text(app)
        on_screen = [q for q in quote_lines(screen) if q[:40] in shown]
        # A quote longer than the old 66-character cut but within 120 columns: whole.
        first = next(q for q in on_screen if 66 < len(q) < 105)
        assert first in shown
        # A longer one: cut at the width, far past 66 characters.
        long = next(q for q in on_screen if len(q) > 120)
        assert long[:100] in shown
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = screen_text(app)
        # Shortened with an ellipsis (around the words credited: test_quote_keeps_credit).
        head = first.split('"')[0]
        row = next(line for line in narrow.splitlines() if head in line)
        assert first not in narrow and "…" in row
        await pilot.press("down", "enter")  # the whole answer, on Enter
        await pilot.pause()
        assert isinstance(app.screen, AnswerScreen)
