"""The debrief's Principles tab at 80x24: every word of every vote can be read.

Reported as cut at 80 columns by a stranger playing in tmux; on 2026-12-01 it
wrapped and scrolled in tmux at 80x24 (a 5-round import, and an 8-round one
grading one principle three times). This keeps it so: the longest cells (three
votes of "strongly not inclined", the longest principle name) are read whole by
scrolling with the keyboard, and no line is cut or runs past the edge.
"""

from __future__ import annotations

from snapshot import screen_text, settled

from loops.principles import PRINCIPLES
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.debrief import DebriefScreen

ANSWERS = [
    "We fixed it as a team and it went fine.",
    "I would probably ask my manager what to do.",
    "We were fine and everyone was happy with it.",
] * 3


def _interview(folder) -> None:
    """Nine one-question rounds: three principles, each graded three times, all weak."""
    slugs = ["ownership", "have-backbone", "insist-on-the-highest-standards"]
    path = folder / "many.txt"
    path.write_text(
        "\n".join(
            f"Q [{slugs[i % 3]}]: Tell me about time {i}.\n{text}\n"
            for i, text in enumerate(ANSWERS)
        ),
        encoding="utf-8",
    )
    assert main(["import", str(path), "--no-open"]) == 0


async def test_every_word_of_the_principles_tab_is_reachable_at_80x24(clock, tmp_path, capsys):
    _interview(tmp_path)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("3")
        await settled(pilot)
        grid = app.screen.query_one("#principle-grid")
        pane = grid.parent
        assert pane is not None
        rows: dict[int, str] = {}  # the grid's lines by their row in the whole grid
        for _ in range(30):  # down, a line at a time, to the end of the grid
            lines = screen_text(app).splitlines()
            assert all(len(line) <= 80 for line in lines)
            for y in range(pane.region.y, pane.region.bottom):
                # Without the scrollbar's two columns at the right edge.
                line = lines[y][:78] if y < len(lines) else ""
                rows[y - pane.region.y + round(pane.scroll_y)] = line
            await pilot.press("down")
            await pilot.pause()
    words = " ".join(rows[k] for k in sorted(rows)).split()
    assert "…" not in " ".join(words)
    for p in PRINCIPLES:
        assert set(p.name.split()) <= set(words), p.name
    # The three principles graded three times: each of their nine votes, whole.
    assert words.count("strongly") == 9, words
    assert len(rows) >= grid.virtual_region.height  # every line of the grid was on screen
