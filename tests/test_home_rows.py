"""Saved loops can be told apart, deleted (into a trash folder) and opened from history
without surprises.

A candidate who abandons loops ends up with a home screen of identical "Resume"
lines; each line now says how the loop is played and when it was last played,
and `d` moves a loop aside after a yes.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from datetime import datetime

from test_home import finished_session
from test_store import answer_some, make_session
from textual.widgets import OptionList

from loops import lock, paths
from loops.store import save_session
from loops.trash import trash_dir, trash_session
from tui.app import MockloopApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.debrief import DebriefScreen
from tui.screens.history import HistoryScreen
from tui.screens.home import HomeScreen
from tui.screens.interview import InterviewScreen


def unfinished(sid: str, timing: str, mode: str, updated_at: str, answers: int = 1):
    s = make_session(sid)
    s.settings = replace(s.settings, timing=timing, mode=mode)
    answer_some(s, answers)
    s.updated_at = updated_at
    save_session(s)
    return s


def menu_labels(app: MockloopApp) -> list[str]:
    menu = app.screen.query_one("#menu", OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


def trashed() -> list[str]:
    folder = trash_dir(paths.sessions_dir())
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


async def test_two_unfinished_loops_of_one_level_read_differently(clock):
    unfinished("20261130-090000-aaaa", "strict", "typed", "2026-11-30T09:05:00+00:00")
    unfinished("20261130-100000-bbbb", "relaxed", "spoken", "2026-11-30T18:42:00+00:00")
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        first, second = menu_labels(app)[1:3]
    assert first != second
    local = datetime.fromisoformat("2026-11-30T18:42:00+00:00").astimezone()
    assert "relaxed, spoken" in first and local.strftime("%d %b %H:%M") in first
    assert "strict, typed" in second
    assert "1 answer;" in first  # not "1 answers"


async def test_d_asks_then_moves_the_loop_to_the_trash(clock):
    s = unfinished("20261130-090000-aaaa", "strict", "typed", "2026-11-30T09:05:00+00:00")
    path = paths.sessions_dir() / f"{s.id}.toml"
    before = path.read_bytes()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing moves
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and path.exists()
        await pilot.press("d", "enter")  # Enter is no answer either
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and path.exists()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not any(label.startswith("Resume") for label in menu_labels(app))
    assert not path.exists()
    assert trashed() == [path.name]
    moved = trash_dir(paths.sessions_dir()) / path.name
    assert moved.read_bytes() == before  # moved aside, not destroyed
    assert stat.S_IMODE(os.stat(moved.parent).st_mode) == 0o700


def test_a_loop_open_in_another_mockloop_is_not_trashed():
    s = unfinished("20261130-090000-aaaa", "strict", "typed", "2026-11-30T09:05:00+00:00")
    held = lock.acquire(s.id)
    try:
        try:
            trash_session(s.id)
        except lock.LoopLocked:
            pass
        else:
            raise AssertionError("a locked loop was moved")
    finally:
        held.release()
    assert (paths.sessions_dir() / f"{s.id}.toml").exists() and trashed() == []


def test_deleting_the_same_loop_twice_keeps_both_copies():
    s = unfinished("20261130-090000-aaaa", "strict", "typed", "2026-11-30T09:05:00+00:00")
    trash_session(s.id)
    save_session(s)
    trash_session(s.id)
    assert trashed() == [f"{s.id}.2.toml", f"{s.id}.toml"]


async def open_history(app, pilot) -> HistoryScreen:
    await pilot.pause()
    await pilot.press("h")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_history_deletes_a_row_after_a_yes(clock):
    finished_session()
    s = unfinished("20261130-090000-aaaa", "strict", "typed", "2026-11-30T09:05:00+00:00")
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one("#loops")
        assert table.row_count == 2
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen and table.row_count == 1
    assert trashed() == [f"{s.id}.toml"]  # newest first: the unfinished loop was on top


async def test_enter_on_an_unfinished_loop_in_history_asks_before_resuming(clock):
    unfinished("20261130-090000-aaaa", "strict", "typed", "2026-11-30T09:05:00+00:00", 2)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "unfinished" in str(app.screen.query_one("#confirm-text").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_esc_from_a_debrief_opened_in_history_goes_back_to_history(clock):
    finished_session()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
