"""The debrief screen: outcome, evidence you can open, stories compared side by side."""

from __future__ import annotations

import io

import pytest
from debrief_fixture import RETOLD, STORY, finished_loop
from rich.console import Console
from snapshot import assert_snapshot, settled
from textual.widgets import OptionList, TabbedContent

import loops.review.analysis as sessions
from tui.app import MockloopApp
from tui.screens.answer_view import MARK, AnswerScreen, CompareScreen
from tui.screens.debrief import DebriefScreen


def marked_words(static) -> list[str]:
    text = static.content
    plain = text.plain
    return [plain[s.start : s.end] for s in text.spans if str(s.style) == MARK]


async def open_debrief(pilot) -> DebriefScreen:
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen)
    return screen


async def across_rounds(pilot, screen: DebriefScreen) -> tuple[OptionList, list[str]]:
    """Open the Across rounds tab (2): its list and each row's text, in order."""
    await pilot.press("2")
    await pilot.pause()
    cross = screen.query_one("#cross-list", OptionList)
    return cross, [str(cross.get_option_at_index(i).prompt) for i in range(cross.option_count)]


async def test_outcome_first_and_the_hiring_meeting_snapshot(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        outcome = str(screen.query_one("#outcome").render())
        assert "NO HIRE" in outcome and "Bar Raiser" in outcome
        await settled(pilot)
        assert_snapshot(app, "debrief-rounds")
        await pilot.press("2")
        await pilot.pause()
        await settled(pilot)
        assert_snapshot(app, "debrief-across-rounds")
        await pilot.press("3")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "grid"
        console = Console(width=80, record=True, color_system=None, file=io.StringIO())
        console.print(screen.query_one("#principle-grid").content)
        grid = console.export_text()
        assert "Frugality" in grid and "not probed" in grid


async def test_a_flag_opens_its_answer_with_the_span_highlighted(clock):
    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        evidence = screen.query_one("#evidence", OptionList)
        ids = [evidence.get_option_at_index(i).id or "" for i in range(evidence.option_count)]
        # A flag with a quoted span: manager-assigned on "My manager asked me".
        target = next(n for n, oid in enumerate(ids) if oid.endswith(":manager-assigned"))
        evidence.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, AnswerScreen)
        index = int(ids[target].split(":")[1])
        assert view.answer == session.answers[index]
        words = marked_words(view.query_one("#marked"))
        assert words and "manager" in words[0].lower()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_contradiction_shows_both_tellings_side_by_side(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        cross, labels = await across_rounds(pilot, screen)
        assert any(label.startswith("REUSED") for label in labels)
        contra = next(n for n, label in enumerate(labels) if label.startswith("CONTRADICTION"))
        cross.highlighted = contra
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CompareScreen)
        assert view.left.text == STORY and view.right.text == RETOLD
        left = " ".join(marked_words(view.query_one("#text-0")))
        right = " ".join(marked_words(view.query_one("#text-1")))
        assert "1.4 seconds" in left and "2.6 seconds" in right


async def test_exports_from_the_screen_are_written_owner_only_and_read_back(clock):
    import json
    import os
    import stat

    from loops import paths
    from loops.review.debrief import debrief_data

    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot)
        await pilot.press("m", "h", "j")
        await pilot.pause()
    folder = paths.data_dir() / "exports"
    files = {p.suffix: p for p in folder.iterdir()}
    assert set(files) == {".md", ".html", ".json"}
    for path in files.values():
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    data = json.loads(files[".json"].read_text())
    assert data == json.loads(json.dumps(debrief_data(session)))
    md, page = files[".md"].read_text(), files[".html"].read_text()
    for c in data["contradictions"]:
        assert c["kind"] in md and c["kind"] in page
    assert "NO HIRE" in md.upper() and "<html" in page.lower()


async def test_history_lists_loops_with_trends_and_opens_a_debrief(clock):
    from tui.screens.history import HistoryScreen

    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert screen.history is not None and len(screen.history.rows) == 1
        table = screen.query_one("#loops")
        assert table.row_count == 1 and table.get_row_at(0)[3] == "NO HIRE"
        assert "Trends over 1 finished loop" in str(screen.query_one("#trends").content)
        await settled(pilot)
        assert_snapshot(app, "history")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)


async def test_opening_a_debrief_caches_its_history_row(clock, monkeypatch):
    """The history never scores a loop whose debrief was opened: the row is cached
    in the background as the debrief opens."""
    from loops.review import history

    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        await app.workers.wait_for_complete()
        session_id = screen.session.id
    monkeypatch.setattr(history, "summarize", lambda *_: pytest.fail("scored again"))
    rows = history.load_history().rows
    assert [r["id"] for r in rows] == [session_id] and rows[0]["outcome"] is not None


async def test_a_loop_under_the_history_cursor_is_scored_before_enter(clock, scored):
    """With the history cached (the usual case), nothing is scored to list the loops;
    the row under the cursor is then scored in a thread, and Enter does not score it
    again."""
    from loops.review import history
    from tui.screens.history import HistoryScreen

    session = finished_loop()
    history.load_history()  # caches the row, as an earlier debrief or history would have
    scored.clear()
    sessions._memo.cache_clear()  # what that history run scored, forgotten
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, HistoryScreen)
        assert scored == [session.id]  # the highlighted row, ahead of Enter
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert scored == [session.id]
