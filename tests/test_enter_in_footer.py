"""Where Enter on a line does something, the footer says what, at 80x24.

A stranger playing in tmux found the story bank's footer showing "e Edit" but
not Enter, though Enter opened the story: the focused list took Enter with its
own binding, which the footer does not show. Home, history and the self-vote
list had the same fault.
"""

from __future__ import annotations

import dataclasses

from debrief_fixture import finished_loop
from snapshot import screen_text, settled
from story_fixture import STORIES
from textual.widgets import Input, OptionList

from loops.store import save_session
from loops.stories import bank_add
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.screens.self_vote import SelfVoteScreen
from tui.screens.setup import SetupScreen
from tui.screens.stories import StoryBankScreen, StoryFormScreen


async def footer(pilot) -> str:
    """The footer's line as drawn (the screen's last line offering the palette), once
    the footer has been drawn again after the last key (up to 3 s on a loaded box)."""
    await settled(pilot)
    for _ in range(60):
        await pilot.pause(0.05)
        lines = screen_text(pilot.app).splitlines()
        drawn = [line for line in lines if "^p palette" in line]
        if drawn:
            return drawn[-1]
    raise AssertionError("no footer drawn:\n" + "\n".join(lines))


async def test_the_story_bank_footer_says_enter_edits_the_story(clock):
    bank_add(STORIES[0])
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await settled(pilot)
        assert isinstance(app.screen, StoryBankScreen)
        shown = await footer(pilot)
        assert "⏎ Edit" in shown, shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StoryFormScreen)
        assert app.screen.query_one("#f-title", Input).value == STORIES[0].title


async def test_an_empty_story_bank_offers_no_enter(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await settled(pilot)
        assert isinstance(app.screen, StoryBankScreen)
        shown = await footer(pilot)
        assert "⏎" not in shown and "a Add" in shown, shown


async def test_home_footer_says_what_enter_does_on_the_highlighted_line(clock):
    finished_loop()
    unfinished = finished_loop()
    unfinished.id = "20261120-110000-half"
    unfinished.answers.pop()
    save_session(unfinished)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        said = [await footer(pilot)]  # on the unfinished loop, highlighted on arrival
        for _ in range(3):  # the finished one, Quit, New loop (the list wraps)
            await pilot.press("down")
            said.append(await footer(pilot))
        resume, debrief, quit_, new = said
        assert "⏎ Resume" in resume and "d Delete" in resume, resume
        assert "⏎ Debrief" in debrief and "d Delete" in debrief, debrief
        assert "⏎ Quit" in quit_ and "d Delete" not in quit_, quit_
        assert "⏎ New loop" in new, new
        await pilot.press("d")  # d off a loop's line is not shown, and says why it did nothing
        await pilot.pause()
        assert "Highlight a loop to delete it." in [str(n.message) for n in app._notifications]
        await pilot.press("enter")  # on New loop
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")  # back home: the unfinished loop is highlighted again
        await settled(pilot)
        await pilot.press("down")  # onto the finished one
        shown = await footer(pilot)
        assert "⏎ Debrief" in shown, shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)


async def test_history_footer_says_enter_opens_the_loop(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await settled(pilot)
        await pilot.pause()
        shown = await footer(pilot)
        assert "⏎ Open" in shown, shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)


async def test_self_vote_footer_says_enter_moves_on(clock):
    session = finished_loop()
    session.settings = dataclasses.replace(session.settings, self_vote=True)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = SelfVoteScreen(session)
        await app.push_screen(screen)
        await settled(pilot)
        shown = await footer(pilot)
        assert "⏎ Next" in shown, shown
        listing = screen.query_one("#self-votes", OptionList)
        await pilot.press("enter")
        await pilot.pause()
        assert listing.highlighted == 1  # Enter moved on to the next principle
