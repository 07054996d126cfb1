"""Esc in a story drill goes back, as everywhere else in the app.

A stranger at 80x24 in tmux drilled a story from the bank and could not get out:
Esc on the drill's intro did nothing, and Esc after a telling started the next
length's clock. Now Esc on the intro goes back to the bank (a drill with nothing
told is not kept), and after a telling it leaves the drill with its tellings
saved; home offers to resume it, on an intro that waits for Enter.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from story_fixture import STORIES
from test_drill import NO_RESULT

from loops.store import load_sessions
from loops.stories import save_stories
from tui.app import MockloopApp
from tui.screens.drill import DrillStartScreen, TellingScreen
from tui.screens.home import HomeScreen
from tui.screens.interview import InterviewScreen
from tui.screens.stories import StoryBankScreen


async def _drill_from_the_bank(pilot) -> InterviewScreen:
    await pilot.press("b")
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DrillStartScreen)
    await pilot.press("enter")
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen) and screen.phase == "intro"
    return screen


async def test_esc_on_a_drills_intro_goes_back_to_the_bank_keeping_nothing(clock):
    save_stories(STORIES)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _drill_from_the_bank(pilot)
        assert "esc Back" in screen_text(app).splitlines()[-1]
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, StoryBankScreen)
        assert "Drill cancelled" in screen_text(app)
    assert load_sessions().sessions == []


async def test_esc_after_a_telling_leaves_the_drill_and_home_resumes_it_waiting(clock):
    save_stories(STORIES)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        interview = await _drill_from_the_bank(pilot)
        await pilot.press("enter")
        interview.query_one("#answer").insert(NO_RESULT)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, TellingScreen)
        assert "esc Leave drill" in screen_text(app).splitlines()[-1]
        clock.advance(30)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, StoryBankScreen)  # not the 60 s telling's clock
        assert "Drill left after 1 telling" in screen_text(app)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Resume drill" in screen_text(app)
        await pilot.press("enter")  # the drill is the highlighted line
        await settled(pilot)
        again = app.screen
        assert isinstance(again, InterviewScreen) and again.phase == "intro"
        said = " ".join(screen_text(app).split())
        assert "1 of 4 lengths told" in said and "start the 60 s telling" in said
        await pilot.press("escape")  # and back home from there too
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
    [session] = load_sessions().sessions
    assert len(session.answers) == 1 and not session.finished
