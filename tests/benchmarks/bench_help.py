"""How long F1 takes to show help, in the real app driven in-process with Pilot.

From the key press until the help screen is on top and the app is idle
(painted, keys answered), at 80x24 headless, three ways:
- now: HelpScreen as shipped (help.md drawn by Rich in one Static);
- markdown-widget: the same screen with Textual's Markdown widget, as before
  (a widget per block and per table cell, about 190);
- floor: the same screen holding one word, what any modal screen costs.

Run from the repository root: python tests/benchmarks/bench_help.py
A benchmark reports; it does not assert. In a real tmux at 80x24 (keys sent
with send-keys, the pane polled until the help's footer showed) F1 took 0.42
to 0.88 s before and 0.09 to 0.21 s after, on a 2-core box; here, medians of
556 to 768 ms before, 155 to 173 ms after, against 131 to 175 ms for the floor.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def _markdown_widget_compose(self: object) -> Iterator[object]:
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Markdown

    text = (resources.files("tui") / "help.md").read_text(encoding="utf-8")
    with VerticalScroll(id="help"):
        yield Markdown(text)
    yield Footer()


def _floor_compose(self: object) -> Iterator[object]:
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Static

    with VerticalScroll(id="help"):
        yield Static("help")
    yield Footer()


async def help_open(runs: int, how: str) -> list[float]:
    from conftest import FakeClock

    from tui.app import MockloopApp
    from tui.screens import help as help_screen

    shipped = help_screen.HelpScreen.compose
    if how == "markdown-widget":
        help_screen.HelpScreen.compose = _markdown_widget_compose  # type: ignore[assignment]
    elif how == "floor":
        help_screen.HelpScreen.compose = _floor_compose  # type: ignore[assignment]
    times: list[float] = []
    try:
        app = MockloopApp(clock=FakeClock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for _ in range(runs):
                start = time.perf_counter()
                await pilot.press("f1")
                while not isinstance(app.screen, help_screen.HelpScreen):
                    await asyncio.sleep(0.001)
                await pilot.pause()
                times.append(time.perf_counter() - start)
                await pilot.press("escape")
                await pilot.pause()
    finally:
        help_screen.HelpScreen.compose = shipped  # type: ignore[method-assign]
    return times


def fmt(times: list[float]) -> str:
    return (
        f"median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, "
        f"first {times[0] * 1000:.0f}, {len(times)} runs)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["MOCKLOOP_HOME"] = home
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, 80x24 headless")
        for how in ("now", "markdown-widget", "floor"):
            print(f"F1 to help, {how + ':':16}", fmt(asyncio.run(help_open(10, how))))


if __name__ == "__main__":
    main()
