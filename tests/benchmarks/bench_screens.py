"""Screen-open times in the real app, driven in-process with Pilot.

- Debrief: a 6-round loop with follow-ups, from the moment the candidate
  chooses it (Enter on its line at home, or the SessionChosen message home
  posts on Enter) until the debrief screen is mounted and the app is idle
  (painted, keys answered); four cases, by what the app already knows of the
  loop (see ``debrief_open``).
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
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from textual.binding import BindingType
    from textual.message import Message
    from textual.pilot import Pilot
    from textual.screen import Screen

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "benchmarks"), str(ROOT / "tests")]


async def timed_push(pilot: Pilot[None], message: Message, screen: type[Screen[None]]) -> float:
    """Seconds from posting ``message`` on the current screen until ``screen`` is on top
    and the app is idle; then back with Escape. The debrief and the baseline share it,
    so both are measured the same way."""
    app = pilot.app
    start = time.perf_counter()
    app.screen.post_message(message)
    while not isinstance(app.screen, screen):
        await asyncio.sleep(0.001)
    await pilot.pause()
    seconds = time.perf_counter() - start
    await pilot.press("escape")
    await pilot.pause()
    return seconds


def _forget_scores() -> None:
    """Empty every scoring cache and the session memo: a loop never seen before."""
    from bench_scoring import _forget

    from loops.review import analysis as sessions

    _forget()
    sessions._memo.cache_clear()


async def debrief_open(runs: int, mode: str) -> list[float]:
    """Time from choosing a finished 6-round loop to its debrief painted and idle.

    ``mode`` says what the app knows of the loop beforehand:
    - "never-scored": nothing (every scoring cache empty): the worst case;
    - "after-loop": the loop just ended; the app scored the answers before the
      last one in the background as they came in (what the interview does);
    - "from-home": the candidate arrowed onto the loop in the home list and read
      its line for 0.3 s before Enter (the home screen scores it meanwhile);
    - "reopened": its debrief was open a moment ago.
    """
    import copy

    from bench_debrief import build_loop

    from loops.review.analysis import analyze_session
    from loops.store import save_session
    from tui.app import MockloopApp
    from tui.messages import SessionChosen
    from tui.screens.debrief import DebriefScreen

    session = build_loop(7, 6)
    save_session(session)
    times = []
    gc.collect()  # not the previous case's apps: a fresh process would not carry them
    app = MockloopApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the start-up warm-up
        for _ in range(runs):
            if mode != "reopened":
                _forget_scores()
            if mode == "after-loop":
                earlier = copy.deepcopy(session)
                earlier.answers.pop()
                analyze_session(earlier)
            if mode == "from-home":
                await pilot.press("down")  # from "New loop" onto the loop's line
                await asyncio.sleep(0.3)
            # What Enter on the line posts (pilot.press would add its own wait for idle).
            times.append(await timed_push(pilot, SessionChosen(session), DebriefScreen))
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
            times.append(await timed_push(pilot, Chosen(), OneStatic))
    return times


async def history_open(runs: int, warm: bool) -> list[float]:
    from loops.review.history import cache_path, load_history
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
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, "
        f"first {times[0] * 1000:.0f}, {len(times)} runs)"
    )


def main() -> None:
    from bench_debrief import build_loop

    from loops.store import save_session

    with tempfile.TemporaryDirectory() as home:
        os.environ["MOCKLOOP_HOME"] = home
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, 80x24 headless")
        from story_fixture import STORIES

        from loops.stories import save_stories

        save_stories(STORIES)  # a candidate who plans stories: the debrief matches them
        print("baseline: push a one-Static screen:   ", fmt(asyncio.run(baseline_open(10))))
        print("debrief, 6-round loop with follow-ups (51 answers, 7,215 words), 6 stories banked:")
        for mode in ("never-scored", "after-loop", "from-home", "reopened"):
            print(f"  {mode + ':':14}", fmt(asyncio.run(debrief_open(10, mode))))
    with tempfile.TemporaryDirectory() as home:
        os.environ["MOCKLOOP_HOME"] = home
        for seed in range(200):
            save_session(build_loop(seed, 4 + seed % 3, tag=f"l{seed}"))
        print("history, 200 loops, warm cache:", fmt(asyncio.run(history_open(5, warm=True))))
        print("history, 200 loops, no cache:  ", fmt(asyncio.run(history_open(1, warm=False))))


if __name__ == "__main__":
    main()
