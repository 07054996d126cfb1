"""A loop looked at and backed out of, with nothing answered, is not left to resume.

The stranger's report: New loop -> Ctrl+S -> Esc -> Esc, repeated, left one
"Resume: SDE I, round 1/4, 0 answers" on home (and a file) each time, and Esc
on such a loop's intro did nothing. A planned loop is now written when its
first round begins, and Esc on a loop's intro goes home, moving a loop with
nothing answered to the trash; a loop with a draft stays, to resume.
"""

from __future__ import annotations

from test_app_loop import start_loop
from textual.widgets import OptionList, Static

from loops import paths
from loops.trash import trash_dir
from tui.app import MockloopApp
from tui.screens.home import HomeScreen
from tui.screens.interview import InterviewScreen


def _home_prompts(app: MockloopApp) -> list[str]:
    menu = app.screen.query_one("#menu", OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


def _saved_loops() -> list[str]:
    return sorted(p.name for p in paths.sessions_dir().glob("*.toml"))


async def test_backing_out_of_the_plan_twice_leaves_nothing_to_resume(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(2):
            await start_loop(pilot)  # New loop -> Ctrl+S: the schedule
            await pilot.press("escape", "escape")  # schedule -> setup -> home
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()
        assert not [p for p in _home_prompts(app) if p.startswith("Resume")], _home_prompts(app)
    app.writer.flush()
    assert _saved_loops() == []


async def test_esc_on_the_first_intro_goes_home_and_keeps_no_empty_loop(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot)
        await pilot.press("enter")  # begin round 1: its intro
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) and app.screen.phase == "intro"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not [p for p in _home_prompts(app) if p.startswith("Resume")], _home_prompts(app)
    app.writer.flush()
    assert _saved_loops() == []
    assert len(list(trash_dir().glob("*.toml"))) == 1  # moved aside, not destroyed


async def test_an_empty_loop_left_from_before_is_put_away_by_esc_on_its_intro(clock):
    """Loops saved empty by the old behaviour: opening one and pressing Esc clears it."""
    from loops.bank import load_bank
    from loops.planner import plan_loop
    from loops.session import LoopSettings, Session, new_session_id
    from loops.store import save_session

    settings = LoopSettings(level="sde1", rounds=4, seed=11)
    plan = plan_loop(load_bank(paths.user_questions_dir()), "sde1", 4, 11)
    save_session(Session(id=new_session_id(), settings=settings, plan=plan))
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [p for p in _home_prompts(app) if p.startswith("Resume")]
        await pilot.press("r")  # resume the latest loop: its intro
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) and app.screen.phase == "intro"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not [p for p in _home_prompts(app) if p.startswith("Resume")], _home_prompts(app)
    assert _saved_loops() == []


async def test_esc_on_the_intro_of_a_loop_with_a_draft_keeps_the_draft(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot)
        await pilot.press("enter", "enter")  # begin round 1, then its first question
        await pilot.pause()
        await pilot.press(*"zebraquartz")
        await pilot.press("ctrl+q")  # quitting saves the draft
        await pilot.pause()
    saved = _saved_loops()
    assert len(saved) == 1
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert "Welcome back" in str(screen.query_one("#intro-text", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [p for p in _home_prompts(app) if p.startswith("Resume")]
    app.writer.flush()
    assert _saved_loops() == saved
    assert "zebraquartz" in (paths.sessions_dir() / saved[0]).read_text()
