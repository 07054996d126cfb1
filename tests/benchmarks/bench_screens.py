"""Screen-open times in the real app, driven in-process with Pilot.

- Debrief: a 6-round loop with follow-ups, from the moment the candidate
  chooses it (the SessionChosen message home posts on Enter) until the
  debrief screen is mounted and the app is idle (painted, keys answered).
- Baseline: the same measure for a screen holding one Static, pushed the
  same way (a message to the app, which pushes it): what Pilot's wait for
  idle and Textual's push cost for any screen, the floor under the debrief.
- History: 200 saved loops, from the key press until the worker has filled
  the table and the app is idle; once with a warm history cache (the normal
  case: each debrief caches its loop) and once cold (no cache at all).

Run from the repository root: python tests/benchmarks/bench_screens.py
A benchmark reports; it does not assert. Targets (issue 5): debrief under
200 ms, history with 200 loops under 500 ms.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from textual.binding import BindingType

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "benchmarks")]


async def debrief_open(runs: int) -> list[float]:
    from bench_debrief import build_loop

    from loops.store import save_session
    from tui.app import MockloopApp
    from tui.messages import SessionChosen
    from tui.screens.debrief import DebriefScreen

    session = build_loop(7, 6)
    save_session(session)
    times = []
    app = MockloopApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            start = time.perf_counter()
            app.screen.post_message(SessionChosen(session))
            while not isinstance(app.screen, DebriefScreen):
                await asyncio.sleep(0.001)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return times


async def baseline_open(runs: int) -> list[float]:
    """Push a one-Static screen exactly as the debrief is pushed, timed the same way."""
    from textual.app import ComposeResult
    from textual.binding import Binding
    from textual.message import Message
    from textual.screen import Screen
    from textual.widgets import Static

    from tui.app import MockloopApp

    class OneStatic(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Home")]

        def compose(self) -> ComposeResult:
            yield Static("One Static")

    class Chosen(Message):
        """Stands in for SessionChosen: bubbles from the screen to the app."""

    class BaselineApp(MockloopApp):
        CSS_PATH = str(ROOT / "tui" / "app.tcss")  # relative paths follow the subclass

        def on_chosen(self, message: Chosen) -> None:
            self.push_screen(OneStatic())

    times = []
    app = BaselineApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            start = time.perf_counter()
            app.screen.post_message(Chosen())
            while not isinstance(app.screen, OneStatic):
                await asyncio.sleep(0.001)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return times


async def history_open(runs: int, warm: bool) -> list[float]:
    from scoring.history import cache_path, load_history
    from tui.app import MockloopApp
    from tui.screens.history import HistoryScreen

    if warm:
        load_history()
    times = []
    for _ in range(runs):
        if not warm:
            cache_path().unlink(missing_ok=True)
        app = MockloopApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("h")
            while not (isinstance(app.screen, HistoryScreen) and app.screen.history):
                await asyncio.sleep(0.001)
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def fmt(times: list[float]) -> str:
    return (
        f"median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {len(times)} runs)"
    )


def main() -> None:
    from bench_debrief import build_loop

    from loops.store import save_session

    with tempfile.TemporaryDirectory() as home:
        os.environ["MOCKLOOP_HOME"] = home
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, 80x24 headless")
        print("baseline: push a one-Static screen:   ", fmt(asyncio.run(baseline_open(10))))
        print("debrief, 6-round loop with follow-ups:", fmt(asyncio.run(debrief_open(10))))
    with tempfile.TemporaryDirectory() as home:
        os.environ["MOCKLOOP_HOME"] = home
        for seed in range(200):
            save_session(build_loop(seed, 4 + seed % 3, tag=f"l{seed}"))
        print("history, 200 loops, warm cache:", fmt(asyncio.run(history_open(5, warm=True))))
        print("history, 200 loops, no cache:  ", fmt(asyncio.run(history_open(1, warm=False))))


if __name__ == "__main__":
    main()
