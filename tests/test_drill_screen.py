"""The story drill played by keys: from the bank, four lengths under a strict clock, what
each telling dropped said at once, and the drill's end; and `mockloop drill`."""

from __future__ import annotations

import pytest
from story_fixture import STORIES
from test_drill import CHANGED_FIGURE, KEEPS_ALL, LONG, NO_RESULT
from textual.widgets import OptionList, Static

from loops.store import load_sessions
from loops.stories import save_stories
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.drill import DrillScreen, DrillStartScreen, TellingScreen
from tui.screens.interview import InterviewScreen
from tui.screens.stories import StoryBankScreen

STORY = STORIES[0]


def _text(screen, selector: str) -> str:
    return "\n".join(str(w.render()) for w in screen.query(selector).results(Static))


async def _tell(pilot, text: str, *, typed: bool = False) -> None:
    editor = pilot.app.screen.query_one("#answer")
    if typed:
        await pilot.press(*text)
    else:
        editor.insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_drill_from_the_bank_says_the_30_s_telling_dropped_the_result(clock):
    save_stories(STORIES)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, StoryBankScreen)
        await pilot.press("t")  # the highlighted story: the first, checkout latency
        await pilot.pause()
        assert isinstance(app.screen, DrillStartScreen)
        await pilot.press("enter")  # the settings' mode: typed
        await pilot.pause()
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        assert STORY.title in _text(interview, "#intro-text")
        await pilot.press("enter")
        await pilot.pause()
        assert "Telling 1 of 4: 30 s" in _text(interview, "#round-header")
        await _tell(pilot, NO_RESULT, typed=True)
        told = app.screen
        assert isinstance(told, TellingScreen)
        said = _text(told, "#telling")
        assert "DROPPED the result: the bank has it" in said
        assert "DROPPED the figure" in said
        assert "STAR beats: action (missing: situation, task, result" in said
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is interview
        assert "Telling 2 of 4: 60 s" in _text(interview, "#round-header")
        # The clock enforces the length: 10 s past zero the telling is taken as it is.
        interview.query_one("#answer").insert(KEEPS_ALL)
        clock.advance(71)
        await pilot.pause(0.4)
        told = app.screen
        assert isinstance(told, TellingScreen)
        assert "time up: taken as it stood" in _text(told, "#telling")
        await pilot.press("enter")
        await pilot.pause()
        await _tell(pilot, CHANGED_FIGURE)
        assert "DISAGREES" in _text(app.screen, "#telling")
        assert "500 ms" in _text(app.screen, "#telling")
        await pilot.press("enter")
        await pilot.pause()
        await _tell(pilot, LONG)
        end = app.screen
        assert isinstance(end, DrillScreen)
        assert "shortest telling that keeps the result and the figure: 60 s" in _text(
            end, "#verdict"
        )
    [session] = load_sessions().sessions
    assert session.origin.kind == "drill" and session.origin.story == STORY.id
    assert [a.target_seconds for a in session.answers] == [30, 60, 90, 120]
    assert session.answers[1].auto_submitted


async def test_a_finished_drill_chosen_at_home_opens_the_drill_not_a_debrief(clock):
    save_stories(STORIES)
    app = MockloopApp(clock=clock, drill=(STORY, "typed"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("enter")
        for text in (NO_RESULT, NO_RESULT, NO_RESULT):
            await _tell(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
        await _tell(pilot, NO_RESULT)
        assert isinstance(app.screen, DrillScreen)
        assert "No telling keeps both the result and the figure" in _text(app.screen, "#verdict")


def test_drill_an_unknown_story_exits_2_naming_the_known_ones_by_title_and_slug(capsys):
    save_stories(STORIES)
    assert main(["drill", "check-in"]) == 2
    err = capsys.readouterr().err
    assert "no story 'check-in'" in err
    assert all(f'"{s.title}" ({s.id})' in err for s in STORIES)


@pytest.mark.parametrize(
    "name",
    ["Checkout latency from fraud-check calls", "checkout LATENCY from fraud-check calls",
     "checkout", "Checkout lat", "checkout-latency"],
)  # fmt: skip
def test_drill_takes_the_title_any_case_a_unique_start_or_the_slug(monkeypatch, name):
    save_stories(STORIES)
    started = []
    monkeypatch.setattr(MockloopApp, "run", lambda self: started.append(self._first_drill))
    assert main(["drill", name]) == 0
    [(story, mode)] = started
    assert story.id == STORY.id and mode == "typed"


def test_drill_a_start_shared_by_several_stories_exits_2_listing_them(capsys):
    save_stories(STORIES)  # "Slow refund status page" and "settlement-rewrite"
    assert main(["drill", "s"]) == 2
    err = capsys.readouterr().err
    assert '"Slow refund status page" (refund-status-page)' in err
    assert "(settlement-rewrite)" in err and "checkout-latency" not in err


def test_drill_help(capsys):
    with pytest.raises(SystemExit) as done:
        main(["drill", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "STORY" in out and "30 s" in out and "--mode" in out


async def test_a_finished_drill_in_history_opens_the_drill_not_a_hiring_debrief(clock):
    from test_drill import drilled

    from loops.store import save_session
    from tui.screens.history import HistoryScreen

    save_stories(STORIES)
    save_session(drilled(NO_RESULT, KEEPS_ALL, CHANGED_FIGURE, LONG))
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert "60 s" in _text(app.screen, "#verdict")


async def test_a_drill_left_half_way_is_offered_on_home_in_one_line_and_resumes(clock):
    from test_drill import drilled

    from loops.store import save_session
    from tui.screens.home import HomeScreen

    save_stories(STORIES)
    save_session(drilled(NO_RESULT, KEEPS_ALL))
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        menu = app.screen.query_one(OptionList)
        line = str(menu.get_option_at_index(1).prompt)
        assert line.startswith("Resume drill: 2 of 4 lengths told; typed; ")
        assert len(line) <= 74  # inside the menu's frame at 80 columns: no wrapping
        assert menu.highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "Telling 3 of 4: 90 s" in _text(app.screen, "#round-header")


def test_a_spoken_telling_that_drops_the_figure_is_told_only_the_note_is_read():
    from test_drill import drilled

    from loops.bank import load_bank
    from loops.review.drill import review_drill
    from loops.runner import LoopRunner
    from tui.screens.drill import telling_lines, verdict

    spoken = drilled(mode="spoken")
    LoopRunner(spoken, load_bank()).answer("", 28.0, marks=[("action", 0.0), ("result", 20.0)])
    review = review_drill(spoken, STORY)
    said = str(telling_lines(review.tellings[0], review.spoken))
    assert "DROPPED the figure: the bank has it (spoken: only your note is read" in said
    assert "result" not in [d.what for d in review.tellings[0].dropped]  # marked aloud
    silent = drilled(mode="spoken", sid="20261130-100000-ffff")
    LoopRunner(silent, load_bank()).answer("", 28.0, marks=[("situation", 0.0)])
    said = str(telling_lines(review_drill(silent, STORY).tellings[0], True))
    assert "DROPPED your own action: the bank has it" in said
    assert "mark r and note the number" in str(verdict(review))


async def test_the_drill_end_never_recommends_a_telling_whose_figure_disagrees(clock):
    from test_drill import WRONG_FIGURE

    save_stories(STORIES)
    app = MockloopApp(clock=clock, drill=(STORY, "typed"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for text in (NO_RESULT, WRONG_FIGURE, KEEPS_ALL):
            await _tell(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
        await _tell(pilot, LONG)
        assert isinstance(app.screen, DrillScreen)
        said = _text(app.screen, "#verdict")
        assert "keeps the result and the figure: 90 s" in said
        assert "The 60 s telling keeps both, but its facts disagree" in said


FOUR_LINES = (
    "Checkout was slow at peak.",
    "I traced the p99 to one fraud-check call per cart item and batched them.",
    "Checkout p99 fell from 1.4 s to 300 ms.",
    "I learned to profile before I guess.",
)


async def test_nothing_typed_is_hidden_behind_the_judgement_of_a_telling(clock):
    from snapshot import screen_text

    save_stories(STORIES)
    app = MockloopApp(clock=clock, drill=(STORY, "typed"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await _tell(pilot, "\n".join(FOUR_LINES))
        assert isinstance(app.screen, TellingScreen)
        shown = screen_text(app)
        for line in FOUR_LINES:
            assert line in shown, shown
        # The stopped clock of the interview is not left showing behind the judgement.
        assert "PAUSED" not in shown and "left" not in shown


async def test_the_drill_status_line_counts_lengths_told_not_a_round_clock(clock):
    save_stories(STORIES)
    app = MockloopApp(clock=clock, drill=(STORY, "typed"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        status = str(app.screen.query_one("#clock").render())
        assert "drill: 0 of 4 lengths told" in status and "round" not in status
        await _tell(pilot, NO_RESULT)
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(5)
        # The clock redraws on its next tick; on a loaded machine that can take a while.
        for _ in range(30):
            await pilot.pause(0.1)
            status = str(app.screen.query_one("#clock").render())
            if "0:55" in status:
                break
        assert "drill: 1 of 4 lengths told" in status
        assert "0:55 left" in status and "PAUSED" not in status  # the 60 s clock runs


@pytest.mark.parametrize("mode", ["typed", "spoken"])
async def test_the_drill_start_dialog_names_each_choice_once(clock, mode):
    from loops import paths

    save_stories(STORIES)
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / "settings.toml").write_text(f'mode = "{mode}"\n')
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DrillStartScreen)
        said = _text(app.screen, ".hint")
        assert said.count("typed") == 1 and said.count("spoken") == 1, said
        assert f"or Enter: {mode}" in said


async def test_r_on_home_resumes_an_unfinished_drill(clock):
    from test_drill import drilled

    from loops.store import save_session
    from tui.screens.home import HomeScreen

    save_stories(STORIES)
    save_session(drilled(NO_RESULT, KEEPS_ALL))
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "Telling 3 of 4: 90 s" in _text(app.screen, "#round-header")
