"""A key pressed while mockloop starts acts on the home list once it is there.

A stranger started mockloop and pressed Enter at once, to resume the loop they had
left: nothing happened. Typed before the terminal was in raw mode, Enter arrives as
Ctrl+J, which home did not take; typed a moment later, before home had filled its
list, it met an Enter with no line to act on (here the app even stopped on an
error). Either way the key now acts on the line highlighted on arrival.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store import answer_some, make_session
from textual import events

import tui.app
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen
from tui.screens.setup import SetupScreen


class KeyAtStart(MockloopApp):
    """The app with a key posted as the terminal driver posts one read at start-up:
    before the home screen has composed or filled its list."""

    CSS_PATH = str(Path(tui.app.__file__).with_name("app.tcss"))  # relative to a subclass

    def __init__(self, key: str, character: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.early = events.Key(key, character)

    def on_mount(self) -> None:
        self.post_message(self.early)


def unfinished_loop() -> None:
    s = make_session("20261130-090000-aaaa")
    answer_some(s, 1)
    save_session(s)


@pytest.mark.parametrize(
    ("key", "character"),
    [("enter", "\r"), ("ctrl+j", "\n")],  # Return in raw mode; Return before it
)
async def test_enter_at_start_resumes_the_loop_highlighted_on_arrival(clock, key, character):
    unfinished_loop()
    app = KeyAtStart(key, character, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.session.id == "20261130-090000-aaaa"


async def test_enter_at_start_with_no_loop_opens_a_new_one(clock):
    app = KeyAtStart("enter", "\r", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
