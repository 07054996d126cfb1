"""Help (F1) opens fast and keeps every word of tui/help.md.

A stranger at 80x24 in tmux waited 1 to 2 s for F1. Textual's Markdown widget
made a widget of every block and every cell of the keys table (about 190), and
laying them out was most of the wait; measured in tmux at 80x24 on this 2-core
box, F1 took 0.42 to 0.88 s before and 0.09 to 0.21 s after (the benchmark is
tests/benchmarks/bench_help.py). The help is now one Static of Rich renderables,
drawn once per width.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

from snapshot import screen_text, settled
from textual.containers import VerticalScroll

from tui.app import MockloopApp
from tui.screens.help import HelpScreen

WORD = re.compile(r"[A-Za-z0-9]+")


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in WORD.findall(text))


async def read_all(pilot) -> str:
    """Every line the help shows, scrolled through from top to bottom at 80x24."""
    app = pilot.app
    scroll = app.screen.query_one("#help", VerticalScroll)
    pages = []
    for y in range(0, scroll.virtual_size.height, 8):
        scroll.scroll_to(y=y, animate=False)
        await pilot.pause()
        pages.append(screen_text(app))
    return "\n".join(pages)


async def test_help_shows_every_word_of_help_md_at_80x24(clock):
    source = (resources.files("tui") / "help.md").read_text(encoding="utf-8")
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await settled(pilot)
        assert isinstance(app.screen, HelpScreen)
        seen = words(await read_all(pilot))
        missing = words(source) - seen
        assert not missing, f"help.md words not shown: {dict(missing)}"
        # The keys table keeps a row's cells side by side.
        app.screen.query_one("#help", VerticalScroll).scroll_home(animate=False)
        await pilot.pause()
        top = screen_text(app)
        assert re.search(r"Anywhere\s+│ F1 or \?\s+│ This help", top), top


async def test_help_is_drawn_by_a_few_widgets_not_one_per_cell(clock):
    """What made F1 slow: one widget per Markdown block and table cell (190)."""
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await settled(pilot)
        assert isinstance(app.screen, HelpScreen)
        drawn = list(app.screen.query("#help *"))
        assert len(drawn) <= 3, f"{len(drawn)} widgets in help"
