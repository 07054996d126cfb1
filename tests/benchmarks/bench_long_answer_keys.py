"""Per-key cost of typing at the end of a long answer.

Run from the repository root: ``python tests/benchmarks/bench_long_answer_keys.py``
(``--chars`` sets the answer's length, 6,000 by default, one paragraph; ``--keys``
how many keys, 400 by default). It reports; it does not assert.

What is measured: the app runs headless (Pilot, 80x24) on a fresh MOCKLOOP_HOME,
to the first question of a relaxed loop, with the answer already ``--chars``
long. Two ways keys come in:

- typed: one key, then wait until the editor holds it, then the next (a person
  typing; each key's echo time is reported);
- burst: every key posted at once, as a terminal without bracketed paste sends a
  paste (tmux paste-buffer without -p), timed until the editor holds them all.

Before bursts were inserted as one edit, each key re-wrapped the whole paragraph:
about 15 ms a key at 6,000 characters, so 6,800 pasted keys froze the screen for
35 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SENTENCE = (
    "Reconciliation time went from four days to under six hours, and their support "
    "tickets to us fell from about 40 a month to 6. "
)


async def measure(chars: int, keys: int) -> tuple[list[float], float]:
    from textual import events
    from textual.widgets import TextArea

    from tui.app import MockloopApp
    from tui.screens.interview import InterviewScreen

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
        editor.insert((SENTENCE * (chars // len(SENTENCE) + 1))[:chars])
        await pilot.pause()

        typed: list[float] = []
        for _ in range(keys):
            want = len(editor.document.text) + 1
            start = time.perf_counter()
            app.post_message(events.Key("x", "x"))
            while len(editor.document.text) < want:
                await asyncio.sleep(0)
            typed.append(time.perf_counter() - start)

        want = len(editor.document.text) + keys
        start = time.perf_counter()
        for _ in range(keys):
            app.post_message(events.Key("x", "x"))
        while len(editor.document.text) < want:
            await asyncio.sleep(0.001)
        burst = time.perf_counter() - start
    return typed, burst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=6000)
    parser.add_argument("--keys", type=int, default=400)
    args = parser.parse_args()
    os.environ["MOCKLOOP_HOME"] = tempfile.mkdtemp(prefix="mockloop-keys-")
    typed, burst = asyncio.run(measure(args.chars, args.keys))
    ms = sorted(t * 1000 for t in typed)
    print(
        f"answer of {args.chars} characters, {args.keys} keys: "
        f"typed one at a time: median {statistics.median(ms):.2f} ms a key, "
        f"max {ms[-1]:.1f} ms; "
        f"burst: {burst * 1000 / args.keys:.2f} ms a key ({burst:.2f} s in all)"
    )


if __name__ == "__main__":
    main()
