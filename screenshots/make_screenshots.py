"""Write the README's SVG screenshots by driving the real app.

Run from the repository root:  python screenshots/make_screenshots.py
It uses a throwaway MOCKLOOP_HOME and a fake clock, so the pictures are
the same on every machine and nothing of yours is shown.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
SIZE = (100, 30)

ANSWERS = [
    "In my second year on the payments team I noticed refunds to one card network were "
    "failing silently about 2% of the time. Nobody had a ticket for it. I pulled a week of "
    "logs, found the retry path dropped a header, wrote the fix and a canary check, and the "
    "failure rate went to zero within a day. I now add a canary for every retry path I touch.",
    "I measured it against the previous 30 days: 1,840 failed refunds before, none after.",
    "I wrote the fix and the alarm myself; my lead reviewed it and the on-call rotated it out.",
]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def main() -> None:
    from textual.widgets import Input, Select

    from tui.app import MockloopApp
    from tui.screens.interview import InterviewScreen
    from tui.screens.retry import RetryScreen

    clock = FakeClock()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.save_screenshot("home.svg", str(OUT))
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#seed", Input).value = "7"
        app.screen.query_one("#rounds", Select).value = 5
        await pilot.pause()
        app.save_screenshot("setup.svg", str(OUT))
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.save_screenshot("schedule.svg", str(OUT))
        await pilot.press("p")
        await pilot.pause()
        app.save_screenshot("schedule-revealed.svg", str(OUT))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen.query_one("#answer")
        editor.insert(ANSWERS[0])
        clock.now += 100
        await pilot.pause(0.4)
        app.save_screenshot("round.svg", str(OUT))
        await pilot.press("ctrl+s")
        await pilot.pause()
        for text in ANSWERS[1:]:
            app.screen.query_one("#answer").insert(text)
            clock.now += 40
            await pilot.press("ctrl+s")
            await pilot.pause()
        app.save_screenshot("follow-up.svg", str(OUT))
    # A finished loop in which one story was told twice with a changed figure
    # (the same demo loop the debrief tests use).
    from debrief_fixture import STORY, finished_loop

    RETRIED = STORY.replace("1.4 seconds", "2.6 seconds")

    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # the finished loop, under "New loop"
        await pilot.pause()
        app.save_screenshot("debrief.svg", str(OUT))
        await pilot.press("2")
        await pilot.pause()
        app.save_screenshot("debrief-across-rounds.svg", str(OUT))
        await pilot.press("down", "enter")  # the first contradiction, side by side
        await pilot.pause()
        app.save_screenshot("contradiction.svg", str(OUT))
        await pilot.press("escape", "escape")  # back home
        await pilot.pause()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("history.svg", str(OUT))
        # A question retried with its figure changed: the comparison with the first attempt.
        await pilot.press("escape", "down", "enter")  # the loop's debrief again
        await pilot.pause()
        await pilot.press("r")  # retry its first question
        await pilot.pause()
        await pilot.press("enter")  # past the interviewer's introduction
        await pilot.pause()
        app.screen.query_one("#answer").insert(RETRIED)
        clock.now += 95
        while not isinstance(app.screen, RetryScreen):
            await pilot.press("ctrl+s")
            await pilot.pause()
            if isinstance(app.screen, InterviewScreen) and app.screen.phase == "answering":
                app.screen.query_one("#answer").insert(ANSWERS[2])
                clock.now += 30
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("retry.svg", str(OUT))
    await drill_shots(clock)
    for name in sorted(OUT.glob("*.svg")):
        print(f"wrote {name.relative_to(OUT.parent)}")


DRILL = [
    "At Northwind checkout was slow at peak. I traced the p99 to one fraud-check call per "
    "cart item and batched them into a single request.",
    "Checkout was slow at peak. I traced the p99 to one fraud-check call per cart item and "
    "batched them into one request behind a flag. Checkout p99 fell from 1.4 s to 300 ms.",
    "Checkout was slow at peak. I traced the p99 to one fraud-check call per cart item and "
    "batched them into one request behind a flag. Checkout p99 fell from 1.4 s to 500 ms, "
    "and abandoned carts dropped 8%.",
    "Checkout was slow at peak on the Payments team at Northwind in 2023. I owned it. I "
    "traced the p99 to one fraud-check call per cart item, batched them into a single "
    "request behind a feature flag, and rolled it out. Checkout p99 fell from 1.4 s to "
    "300 ms; abandoned carts dropped 8%. I now profile before I guess.",
]


async def drill_shots(clock: FakeClock) -> None:
    """A banked story drilled at four lengths: the 30 s telling drops the result and the
    figure, the 90 s one changes a figure, and the drill ends on the 60 s telling."""
    from story_fixture import STORIES

    from loops.stories import save_stories
    from tui.app import MockloopApp

    save_stories(STORIES[:1])
    app = MockloopApp(clock=clock, drill=(STORIES[0], "typed"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for n, text in enumerate(DRILL):
            app.screen.query_one("#answer").insert(text)
            clock.now += 20 + 15 * n
            await pilot.press("ctrl+s")
            await pilot.pause()
            if n == 0:
                app.save_screenshot("drill.svg", str(OUT))
            if n < len(DRILL) - 1:
                await pilot.press("enter")
                await pilot.pause()
        app.save_screenshot("drill-end.svg", str(OUT))


if __name__ == "__main__":
    sys.path.insert(0, str(OUT.parent))
    sys.path.insert(0, str(OUT.parent / "tests"))
    with tempfile.TemporaryDirectory() as home:
        os.environ["MOCKLOOP_HOME"] = home
        asyncio.run(main())
