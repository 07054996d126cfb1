"""Quitting never loses an answer: not on a full disk, not after a crash.

A full disk is simulated by making every write into the sessions folder
fail with ENOSPC (the tests run as root here, for whom a read-only folder is
still writable); writes anywhere else still work, as with a full home
partition and a roomy /tmp.
"""

from __future__ import annotations

import errno
import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_interview import first_question
from textual.widgets import Input, TextArea

from loops import paths, store
from loops.store import load_sessions, session_from_toml
from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen
from tui.screens.unsaved import UnsavedScreen


@pytest.fixture
def disk_full(monkeypatch) -> dict[str, bool]:
    """Turn the sessions folder's disk full (``state["full"] = True``) and back."""
    state = {"full": False}
    real = store.atomic_write

    def write(path: Path, text: str, *, private_dir: bool = True) -> None:
        if state["full"] and path.parent == paths.sessions_dir():
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, text, private_dir=private_dir)

    monkeypatch.setattr(store, "atomic_write", write)
    return state


async def type_and_quit(pilot, disk_full) -> InterviewScreen:
    """Answer a little with the disk fine, a little more once it is full, then Ctrl+Q."""
    screen = await first_question(pilot, "relaxed")
    await pilot.press(*"saved")
    screen.save_draft_now()
    pilot.app.writer.flush()  # that save is on disk before the disk fills
    disk_full["full"] = True
    await pilot.press(*" unsaved")
    await pilot.press("ctrl+q")
    await pilot.pause()
    return screen


async def test_quit_on_a_full_disk_warns_and_keeps_the_app_open(clock, disk_full):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await type_and_quit(pilot, disk_full)
        assert app.is_running
        assert isinstance(app.screen, UnsavedScreen)
        shown = str(app.screen.query_one("#unsaved-text").render())
        assert "No space left on device" in shown and "lose" in shown
        await pilot.press("escape")  # back to the answer, nothing lost
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#answer", TextArea).text == "saved unsaved"
    [on_disk] = load_sessions().sessions
    assert on_disk.draft is not None and on_disk.draft.text == "saved"


async def test_the_loop_can_be_written_to_another_path_then_quit(clock, disk_full, tmp_path):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_and_quit(pilot, disk_full)
        path_box = app.screen.query_one("#unsaved-path", Input)
        bad = tmp_path / "no-such-folder" / "x" / "copy.toml"
        path_box.value = str(bad)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, UnsavedScreen)  # told, not quit
        assert "Could not write" in str(app.screen.query_one("#unsaved-status").render())
        path_box.value = str(tmp_path)  # a folder: the file is named after the loop
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running
    [copy] = tmp_path.glob("*.toml")
    saved = session_from_toml(copy)  # a whole session file, resumable once copied back
    assert saved.draft is not None and saved.draft.text == "saved unsaved"


async def test_retry_saves_once_the_disk_has_room(clock, disk_full):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_and_quit(pilot, disk_full)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen) and app.is_running  # still full
        assert "Still cannot save" in str(app.screen.query_one("#unsaved-status").render())
        disk_full["full"] = False
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not app.is_running
    [on_disk] = load_sessions().sessions
    assert on_disk.draft is not None and on_disk.draft.text == "saved unsaved"


async def test_losing_the_answer_takes_its_own_key(clock, disk_full):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_and_quit(pilot, disk_full)
        await pilot.press("ctrl+q")  # a second Ctrl+Q is not consent
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, UnsavedScreen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not app.is_running
    [on_disk] = load_sessions().sessions
    assert on_disk.draft is not None and on_disk.draft.text == "saved"


def test_a_crash_in_the_app_makes_mockloop_exit_1(monkeypatch, capsys):
    from textual.app import App

    from tui import cli

    def crash(self) -> None:
        raise RuntimeError("a bug in the app")

    monkeypatch.setattr(MockloopApp, "on_mount", crash)
    monkeypatch.setattr(MockloopApp, "run", functools.partialmethod(App.run, headless=True))
    assert cli.main([]) == 1
    assert "a bug in the app" in capsys.readouterr().err


def test_a_clean_quit_exits_0(monkeypatch):
    from textual.app import App

    from tui import cli

    monkeypatch.setattr(MockloopApp, "on_mount", lambda self: self.call_after_refresh(self.exit))
    monkeypatch.setattr(MockloopApp, "run", functools.partialmethod(App.run, headless=True))
    assert cli.main([]) == 0


QUIT_DURING_WARM_UP = """
import sys, time, pathlib
import scoring.engine
from tui.app import MockloopApp

marker = pathlib.Path(sys.argv[1])

def slow_scoring(*args, **kwargs):
    marker.write_text("warm-up started")
    time.sleep(4)
    marker.write_text("warm-up finished")

scoring.engine.analyze_loop = slow_scoring


def quit_once_warming(app) -> None:
    if marker.exists():
        app.exit()


MockloopApp.on_ready = lambda app: app.set_interval(0.05, lambda: quit_once_warming(app))
MockloopApp().run(headless=True)
"""


def test_quitting_does_not_wait_for_the_warm_up(tmp_path, mockloop_home):
    """The debrief warm-up after the first paint must not hold the process at exit."""
    marker = tmp_path / "warm-up"
    done = subprocess.run(
        [sys.executable, "-c", QUIT_DURING_WARM_UP, str(marker)],
        cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "MOCKLOOP_HOME": str(mockloop_home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert marker.read_text() == "warm-up started"  # quit while it ran, not after it
