"""A notice never covers the clocks at 80x24.

A stranger in tmux read 'round 0:17 so fa▌': a notice drawn over the right half
of the line above the footer, where the answer clock and the round clock are.
Notices now sit a row higher, over the answer box's lower right, and the clock
line stays whole.
"""

from __future__ import annotations

from snapshot import screen_text
from test_interview import first_question
from textual.widgets._toast import Toast

from tui.app import MockloopApp
from tui.widgets.clock import ClockBar


async def test_a_notice_leaves_the_clock_line_readable(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await first_question(pilot, "untimed")
        clock.advance(17)
        await pilot.pause(0.35)
        app.notify("A notice long enough to wrap onto a second line of the toast, " * 2)
        await pilot.pause(0.35)
        assert screen.query(Toast)  # the notice is up
        bar = screen.query_one(ClockBar)
        clock_line = str(bar.render())
        assert "round 0:17 so far" in clock_line
        lines = screen_text(app).splitlines()
        row = [line for line in lines if "Answer" in line and "elapsed" in line]
        assert row and "round 0:17 so far" in row[-1], "\n".join(lines)
        assert row[-1].rstrip().endswith("words"), row[-1]  # the word count too
        assert lines.index(row[-1]) == bar.region.y
