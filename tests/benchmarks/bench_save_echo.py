"""Keystroke echo while the disk is slow: how long a typed key takes to reach the editor.

Run from the repository root: ``python tests/benchmarks/bench_save_echo.py``
(``--fsync-seconds`` sets the slow disk, 0.5 by default; ``--seconds`` how
long to type, 12 by default). It reports; it does not assert.

What is measured: the app runs headless (Pilot, 80x24) on a fresh
MOCKLOOP_HOME, to the first question of a relaxed loop. ``os.fsync`` is
replaced by one that sleeps first, as on a slow or busy disk; a save calls
it twice (the file, then its folder). A typist thread posts one key every
100 ms (10 keys a second, a quick typist) the way the terminal driver does,
from outside the UI thread, keeping to its schedule whether or not the
screen keeps up, and each key is timed from its posting to the
moment the editor's text holds it. The autosave runs on its own timer
(every 2 s while the text changes), so some keys land during a save.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def measure(fsync_seconds: float, seconds: float) -> list[float]:
    from textual import events
    from textual.widgets import TextArea

    from tui.app import MockloopApp
    from tui.screens.interview import InterviewScreen

    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(fsync_seconds)
        real_fsync(fd)

    app = MockloopApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.phase == "answering"
        editor = screen.query_one("#answer", TextArea)
        os.fsync = slow_fsync  # the disk turns slow only now: setup is not measured
        keys = int(seconds * 10)

        posted: list[float] = []
        seen: list[float] = []

        def typist() -> None:
            """Keys on a schedule, whether or not the screen keeps up, as fingers do."""
            start = time.perf_counter()
            for n in range(keys):
                time.sleep(max(0.0, start + n * 0.1 - time.perf_counter()))
                posted.append(time.perf_counter())
                app.post_message(events.Key("x", "x"))

        def watcher() -> None:
            """When each key shows in the editor (keys are applied in order)."""
            while len(seen) < keys:
                shown = len(editor.text)
                now = time.perf_counter()
                while len(seen) < shown:
                    seen.append(now)
                time.sleep(0.001)

        threads = [threading.Thread(target=typist), threading.Thread(target=watcher)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            await asyncio.sleep(0.01)
        echoes = [s - p for p, s in zip(posted, seen, strict=True)]
        os.fsync = real_fsync
    return echoes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fsync-seconds", type=float, default=0.5)
    parser.add_argument("--seconds", type=float, default=12.0)
    args = parser.parse_args()
    os.environ["MOCKLOOP_HOME"] = tempfile.mkdtemp(prefix="mockloop-echo-")
    echoes = asyncio.run(measure(args.fsync_seconds, args.seconds))
    ms = [e * 1000 for e in echoes]
    print(
        f"fsync {args.fsync_seconds:.2f} s, {len(ms)} keys: "
        f"echo median {statistics.median(ms):.0f} ms, "
        f"p95 {percentile(ms, 95):.0f} ms, max {max(ms):.0f} ms"
    )


if __name__ == "__main__":
    main()
