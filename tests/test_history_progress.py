"""History with no cache: progress while it scores, rows as they come, keys working.

Scoring 200 loops from cold took 14 to 50 s behind one "Reading saved loops"
line. These tests hold the scoring of one loop back, look at the screen in
the middle of a cold load, then let it finish.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace

import pytest
from test_store import make_session
from textual.widgets import DataTable, Static

import loops.review.history as history
import tui.screens.history as history_screen
from loops.review.history import HistoryCache, HistoryLoad, _engine_fingerprint, load_history
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.history import HistoryScreen
from tui.screens.home import HomeScreen

LOOPS = 6


def saved_loops(n: int = LOOPS, finished: bool = True) -> list[str]:
    ids = []
    for k in range(n):
        s = make_session(f"20261101-0000{k:02}-loop", seed=k)
        while (step := s.current_step()) is not None:
            fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
            s.record(step, f"I owned loop {k}; we cut errors by {k + 1}%.", 60.0, follow_ups=fus)
            if not finished:
                break
        s.created_at = s.updated_at = f"2026-11-{k + 1:02}T10:00:00+00:00"
        save_session(s)
        ids.append(s.id)
    return ids


@pytest.fixture
def gated(monkeypatch):
    """summarize() waits at its third call until the test opens the gate; counts calls."""
    gate = threading.Event()
    calls: list[str] = []
    real = history.summarize

    def slow(session, analysis=None):
        calls.append(session.id)
        if len(calls) == 3:
            assert gate.wait(30)
        return real(session, analysis)

    monkeypatch.setattr(history, "summarize", slow)
    monkeypatch.setattr(history_screen, "PROGRESS_SECONDS", 0.0)
    return gate, calls


async def wait_for(pilot, condition, what: str) -> None:
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def note(screen) -> str:
    return str(screen.query_one("#trends", Static).render())


async def test_a_cold_history_shows_progress_and_rows_as_they_come(clock, gated):
    gate, calls = gated
    ids = saved_loops()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#loops", DataTable)
        await wait_for(pilot, lambda: "Scoring 2 of 6 loops" in note(screen), "progress")
        assert table.row_count == 2 and screen.history is None
        # Keys work while the third loop is being scored.
        await pilot.press("down")
        assert table.cursor_row == 1
        kept = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.history is not None and table.row_count == LOOPS
        shown = [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(LOOPS)]
        assert shown == ids[::-1]  # newest first, once all are in
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == kept
        assert "Scoring" not in note(screen) and "Trends over 6" in note(screen)
    assert len(calls) == LOOPS


async def test_leaving_a_cold_history_keeps_what_was_scored(clock, gated):
    gate, calls = gated
    saved_loops()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = app.screen
        await wait_for(pilot, lambda: "Scoring 2 of 6" in note(screen), "progress")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        gate.set()
        # The cancelled worker's thread finishes the loop it was scoring, then saves.
        await wait_for(pilot, lambda: len(HistoryCache.load().entries) == 3, "the saved cache")
    assert len(calls) == 3  # it stopped after the loop it was scoring
    calls.clear()
    assert len(load_history().rows) == LOOPS
    assert len(calls) == LOOPS - 3  # the three scored before leaving were kept


def test_unfinished_loops_are_cached_too(monkeypatch):
    saved_loops(3, finished=False)
    calls: list[str] = []
    real = history.summarize
    monkeypatch.setattr(history, "summarize", lambda s, a=None: calls.append(s.id) or real(s, a))
    first = load_history().rows
    assert len(calls) == 3 and all(not r["finished"] for r in first)
    calls.clear()
    assert load_history().rows == first and calls == []


def test_the_cache_follows_the_engine_by_content_not_by_file_times(tmp_path, monkeypatch):
    engine = tmp_path / "scoring"
    shutil.copytree(history._engine_folders()[0], engine)
    monkeypatch.setattr(history, "_engine_folders", lambda: [engine])
    before = _engine_fingerprint()
    for path in engine.glob("*.py"):
        path.touch()  # a reinstall or a checkout: new times, same code
    assert _engine_fingerprint() == before
    (engine / "flags.py").write_text((engine / "flags.py").read_text() + "\n# changed\n")
    assert _engine_fingerprint() != before


def test_history_load_takes_cached_rows_at_once_and_scores_the_rest_newest_first():
    ids = saved_loops(4)
    load_history()
    newer = make_session("20261130-000000-newest", seed=9)
    newer = replace(newer, created_at="2026-11-30T10:00:00+00:00")
    save_session(newer)
    loading = HistoryLoad()
    assert [r["id"] for r in loading.rows] == ids and loading.done == 4 and loading.total == 5
    assert [p.stem for p, _ in loading.pending] == [newer.id]
    assert loading.finish().rows[0]["id"] == newer.id
