"""Play whole loops through the real app, as a candidate would, with Pilot."""

from __future__ import annotations

import tomllib

from textual import events

from loops import paths
from loops.store import load_sessions
from tui.app import MockloopApp
from tui.screens.breaks import BreakScreen
from tui.screens.debrief import DebriefScreen
from tui.screens.interview import InterviewScreen
from tui.screens.schedule import ScheduleScreen


async def _type(pilot, text: str) -> None:
    """Type the first word key by key, paste the rest (as a terminal paste arrives).

    Pilot needs ~60 ms a key, so typing every answer in full would take minutes.
    """
    first, _, rest = text.partition(" ")
    await pilot.press(*first)
    if rest:
        pilot.app.post_message(events.Paste(" " + rest))
        await pilot.pause()


async def start_loop(pilot, rounds: int = 4, seed: int = 11) -> None:
    """Home -> setup -> schedule, choosing the round count and a seed."""
    await pilot.press("n")
    await pilot.pause()
    app = pilot.app
    from textual.widgets import Input, Select

    app.screen.query_one("#rounds", Select).value = rounds
    app.screen.query_one("#seed", Input).value = str(seed)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ScheduleScreen)


async def test_play_a_whole_four_round_loop_and_read_the_file_back(clock):
    app = MockloopApp(clock=clock)
    typed: list[tuple[str, str, float]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot, rounds=4)
        await pilot.press("enter")  # begin round 1
        await pilot.pause()
        n = 0
        while isinstance(app.screen, InterviewScreen | BreakScreen):
            screen = app.screen
            if not isinstance(screen, InterviewScreen):
                await pilot.press("enter")  # leave the break
                await pilot.pause()
                continue
            if screen.phase == "intro":
                await pilot.press("enter")
                await pilot.pause()
                continue
            step = screen.step
            n += 1
            text = f"Answer {n}: I fixed the thing in round {step.round.index}."
            await _type(pilot, text)
            clock.advance(30 + n)
            typed.append((step.prompt, text, 30 + n))
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    session = load_sessions().sessions[0]
    assert session.finished
    files = list(paths.sessions_dir().glob("*.toml"))
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text())
    answers = data["answers"]
    assert [(a["prompt"], a["text"], a["seconds"]) for a in answers] == typed
    # Every round asked a main question per principle, each with follow-ups.
    rounds = {a["round"] for a in answers}
    assert rounds == {1, 2, 3, 4}
    mains = [a for a in answers if a["kind"] == "main"]
    assert len(mains) == sum(len(r["questions"]) for r in data["plan"]["rounds"])
    assert all(a["follow_ups"] for a in mains)
    assert len(answers) > len(mains)
