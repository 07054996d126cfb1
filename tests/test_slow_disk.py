"""A slow disk never freezes typing, and quitting still waits for the last save.

Saves run on a writer thread. The disk is made slow by an ``os.fsync`` that
blocks until the test lets it go, so "a save is under way" is a fact the
test controls, not a timing it hopes for.
"""

from __future__ import annotations

import os
import threading
import time

from test_interview import first_question
from textual.widgets import TextArea

from loops import store
from loops.store import load_sessions
from tui.app import MockloopApp


async def test_keys_typed_during_a_slow_save_show_before_it_returns(clock, monkeypatch):
    under_way, let_go, returned = threading.Event(), threading.Event(), threading.Event()
    real_fsync, real_write = os.fsync, store.atomic_write

    def stuck_fsync(fd: int) -> None:
        under_way.set()
        let_go.wait(timeout=3)  # bounded, so the test ends even if the save blocks the UI
        real_fsync(fd)

    def write(*args, **kwargs) -> None:
        real_write(*args, **kwargs)
        returned.set()

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        await pilot.press(*"before")
        monkeypatch.setattr(os, "fsync", stuck_fsync)
        monkeypatch.setattr(store, "atomic_write", write)
        screen.save_draft_now()
        assert under_way.wait(timeout=5)
        await pilot.press(*" during")
        editor = screen.query_one("#answer", TextArea)
        assert editor.text == "before during"
        assert not returned.is_set(), "the keys waited for the save"
        let_go.set()
        app.writer.flush()
        assert returned.is_set()
        screen.save_draft_now()
        app.writer.flush()
        [saved] = load_sessions().sessions  # the saves landed in order: the last one wins
        assert saved.draft is not None and saved.draft.text == "before during"


async def test_quit_waits_for_the_last_save_on_a_slow_disk(clock, monkeypatch):
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(0.3)
        real_fsync(fd)

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_question(pilot, "relaxed")
        monkeypatch.setattr(os, "fsync", slow_fsync)
        await pilot.press(*"last words")
        await pilot.press("ctrl+q")
        await pilot.pause()
    [saved] = load_sessions().sessions
    assert saved.draft is not None and saved.draft.text == "last words"
