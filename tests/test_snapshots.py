"""The screens that matter, at 80x24, as the candidate reads them."""

from __future__ import annotations

from snapshot import assert_snapshot, settled
from textual.widgets import Input, Select

from tui.app import MockloopApp


async def to_schedule(pilot, seed: int = 5, rounds: int = 5) -> None:
    await pilot.press("n")
    await pilot.pause()
    pilot.app.screen.query_one("#rounds", Select).value = rounds
    pilot.app.screen.query_one("#seed", Input).value = str(seed)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_home_setup_and_schedule(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await settled(pilot)
        assert_snapshot(app, "home")
        await pilot.press("n")
        await pilot.pause()
        await settled(pilot)
        assert_snapshot(app, "setup")
        await pilot.press("escape")
        await to_schedule(pilot)
        await settled(pilot)
        assert_snapshot(app, "schedule-hidden")
        await pilot.press("p")
        await pilot.pause()
        await settled(pilot)
        assert_snapshot(app, "schedule-revealed")


async def test_round_screens(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_schedule(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await settled(pilot)
        assert_snapshot(app, "round-intro")
        await pilot.press("enter")
        await pilot.press(*"I saw the error rate climb, so I paged myself in.")
        clock.advance(95)
        await pilot.pause(0.3)
        await settled(pilot)
        assert_snapshot(app, "round-answering-wrap-up")
        clock.advance(60)
        await pilot.pause(0.3)
        await settled(pilot)
        assert_snapshot(app, "round-answering-overtime")


async def test_help(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        await settled(pilot)
        assert_snapshot(app, "help")
