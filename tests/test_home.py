"""Home lists unfinished loops to resume and finished ones to read again."""

from __future__ import annotations

from textual.widgets import OptionList

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.session import LoopSettings, Session
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen

BANK = load_bank()


def finished_session() -> Session:
    s = Session(
        "20261101-090000-done",
        LoopSettings("senior", 4, "relaxed", 3),
        plan_loop(BANK, "senior", 4, 3),
    )
    while (step := s.current_step()) is not None:
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        s.record(
            step, "I fixed the flaky deploy myself and cut failures by 80%.", 50.0, follow_ups=fus
        )
    save_session(s)
    return s


async def test_a_finished_loop_opens_its_debrief_from_home(clock):
    finished_session()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        labels = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert labels[0] == "New loop" and labels[-1] == "Quit"
        assert labels[1].startswith("Debrief: Senior SDE, 4 rounds")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        outcome = str(app.screen.query_one("#outcome").render())
        assert outcome.startswith(("HIRE", "NO HIRE"))  # the decision first
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#menu", OptionList)


async def test_a_finished_loop_under_the_cursor_is_scored_before_enter(clock, scored):
    """Arrowing onto a finished loop scores it in a thread; Enter then opens its
    debrief without scoring it again (the open is quicker by the scoring time)."""
    finished_session()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert scored == []  # "New loop" is highlighted: nothing to score yet
        await pilot.press("down")
        await app.workers.wait_for_complete()
        assert scored == ["20261101-090000-done"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert scored == ["20261101-090000-done"]


async def test_a_loop_whose_file_broke_after_listing_is_named_not_opened(clock):
    """Home lists summaries; the file is read in full on Enter. If it was damaged in
    between (a hand edit, a full disk), the candidate is told which file and where."""
    from loops import paths

    s = finished_session()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        path = paths.sessions_dir() / f"{s.id}.toml"
        path.write_text(path.read_text().replace("version = 1", "version = 9", 1))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, DebriefScreen)
        [note] = [n.message for n in app._notifications]
        assert str(path) in note and "unknown session version 9" in note
        problems = str(app.screen.query_one("#problems").render())
        assert "Skipped 1 unreadable file" in problems
