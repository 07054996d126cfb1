"""The debrief's footer at 80x24: Quit and Help stay in it, Enter only where it opens.

A stranger playing a fresh clone in tmux at 80x24 found the debrief's footer
without "^q Quit" and "f1 Help": every debrief key was in it, and the app's
two were pushed off the edge. The tab keys left the footer (each tab's label
starts with its key); x, a and r are shown on the tab they act on and still
answer on the others. On an Across rounds tab with nothing found, the footer
offered Enter, which opened nothing.
"""

from __future__ import annotations

from debrief_fixture import OTHERS, finished_loop
from snapshot import screen_text, settled
from textual.widgets import OptionList, Tabs

from loops.session import Session
from tui.app import MockloopApp
from tui.screens.answer_view import AnswerScreen, CompareScreen
from tui.screens.debrief import DebriefScreen


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def open_debrief(app, pilot, session: Session) -> DebriefScreen:
    await pilot.pause()
    screen = DebriefScreen(session)
    await app.push_screen(screen)
    await app.workers.wait_for_complete()
    await settled(pilot)
    return screen


async def show_tab(pilot, key: str) -> str:
    """Press a tab's key; the footer once the tab (and its worker) has settled."""
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await settled(pilot)
    return footer_line(pilot.app)


async def test_quit_and_help_stay_in_the_footer_on_every_debrief_tab(clock):
    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(app, pilot, session)
        own = {"1": "r Retry", "2": "x Not so", "5": "a Bank"}
        for key in "12345":
            shown = await show_tab(pilot, key)
            assert "^q Quit" in shown and "f1 Help" in shown, (key, shown)
            assert "esc Back" in shown and "mhj Export" in shown, (key, shown)
            for tab, label in own.items():
                assert (label in shown) == (tab == key), (key, shown)
        # The tab keys are on the tabs themselves.
        tabs = str(app.screen.query_one(Tabs).active_tab.label)  # type: ignore[union-attr]
        assert tabs.startswith("5 ")
        text = screen_text(app)
        for label in ("1 Rounds", "2 Across rounds", "3 Principles", "4 Timing", "5 Stories"):
            assert label in text


async def test_x_a_and_r_still_answer_off_their_tab(clock):
    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(app, pilot, session)
        await show_tab(pilot, "3")
        await pilot.press("x", "a", "r")
        await pilot.pause()
        said = " | ".join(notices(app))
        assert "Open Across rounds (2)" in said, said
        assert "Open the Stories tab (5)" in said, said
        assert "Open Rounds (1)" in said, said
        await show_tab(pilot, "2")  # and on its own tab, x does its work
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert session.dismissed, "x on a finding dismissed nothing"


def _loop_with_nothing_across_rounds() -> Session:
    """The fixture's loop, with the retold story replaced by two unrelated answers."""
    import debrief_fixture

    story, retold = debrief_fixture.STORY, debrief_fixture.RETOLD
    debrief_fixture.STORY, debrief_fixture.RETOLD = OTHERS[18], OTHERS[19]
    try:
        return finished_loop()
    finally:
        debrief_fixture.STORY, debrief_fixture.RETOLD = story, retold


async def test_an_empty_across_rounds_tab_offers_no_enter(clock):
    session = _loop_with_nothing_across_rounds()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(app, pilot, session)
        assert "⏎ Open" in footer_line(app)  # Rounds: Enter opens the vote's answer
        shown = await show_tab(pilot, "2")
        assert "No story was told twice" in screen_text(app)
        assert "⏎" not in shown and "x Not so" not in shown, shown  # nothing to act on
        assert "^q Quit" in shown, shown
        await pilot.press("enter", "x")
        await pilot.pause()
        assert app.screen is screen
        assert "nothing to dismiss" in " ".join(notices(app))
        shown = await show_tab(pilot, "1")
        assert "⏎ Open" in shown, shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AnswerScreen)


async def test_across_rounds_with_findings_offers_enter(clock):
    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(app, pilot, session)
        shown = await show_tab(pilot, "2")
        assert "⏎ Open" in shown and "x Not so" in shown, shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_a_banks_only_a_new_story_and_the_footer_says_so(clock):
    """On the Stories tab, "a Bank" is shown on a NEW STORY, not on a banked one."""
    from debrief_fixture import STORY

    from loops.review.matching import story_from_answer
    from loops.stories import bank_add

    session = finished_loop()
    bank_add(story_from_answer(STORY, session.answers[0].principle))
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(app, pilot, session)
        shown = await show_tab(pilot, "5")
        listing = screen.query_one("#story-list", OptionList)
        ids = [listing.get_option_at_index(n).id or "" for n in range(listing.option_count)]
        assert "a Bank" in shown and ids[listing.highlighted or 0].startswith("new:"), shown
        listing.highlighted = next(n for n, oid in enumerate(ids) if oid.startswith("match:"))
        await settled(pilot)
        shown = footer_line(app)
        assert "a Bank" not in shown and "⏎ Open" in shown, shown
        await pilot.press("a")  # still answers: the answer is banked already
        await pilot.pause()
        assert "That answer already matches a banked story." in notices(app)
