"""Rounds under the clock, driven by keys with a fake monotonic clock."""

from __future__ import annotations

from textual.widgets import Input, Select, TextArea

from loops import paths
from loops.settings import load_settings
from loops.store import load_sessions
from tui.app import MockloopApp
from tui.screens.coach import CoachScreen
from tui.screens.interview import InterviewScreen
from tui.widgets.clock import ClockBar


async def first_question(pilot, timing: str, coach: bool = False) -> InterviewScreen:
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#timing", Select).value = timing
    screen.query_one("#coach", Select).value = "on" if coach else "off"
    screen.query_one("#seed", Input).value = "21"
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("enter", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen) and screen.phase == "answering"
    return screen


def clock_text(screen: InterviewScreen) -> str:
    return str(screen.query_one(ClockBar).render())


async def test_strict_timing_takes_the_answer_and_moves_on(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "strict")
        first = screen.step
        await pilot.press(*"I owned")
        clock.advance(150 + 5)
        await pilot.pause(0.35)
        assert "TIME UP" in clock_text(screen) and screen.step == first
        clock.advance(6)  # past the 10 s grace
        await pilot.pause(0.35)
        assert screen.step != first and screen.step.kind == "follow-up"
    [session] = load_sessions().sessions
    [answer] = session.answers
    assert answer.text == "I owned" and answer.auto_submitted
    assert answer.seconds == 161


async def test_relaxed_timing_shows_and_records_overtime(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        await pilot.press(*"Long")
        clock.advance(200)
        await pilot.pause(0.35)
        assert "OVERTIME +0:50" in clock_text(screen)
        assert screen.step.kind == "main"  # nobody moved the candidate on
        await pilot.press("ctrl+s")
        await pilot.pause()
    [answer] = load_sessions().sessions[0].answers
    assert answer.seconds == 200 and answer.overtime and not answer.auto_submitted


async def test_pause_is_refused_in_strict_and_stops_the_clock_in_relaxed(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "strict")
        await pilot.press("f2")
        clock.advance(10)
        await pilot.pause(0.35)
        assert screen.stopwatch.running and screen.stopwatch.elapsed == 10
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        clock.advance(10)
        await pilot.press("f2")
        clock.advance(300)
        await pilot.pause(0.35)
        assert "PAUSED" in clock_text(screen) and screen.stopwatch.elapsed == 10
        await pilot.press("f2")
        clock.advance(5)
        await pilot.pause(0.35)
        assert screen.stopwatch.elapsed == 15 and "2:15 left" in clock_text(screen)


async def test_untimed_shows_a_stopwatch(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "untimed")
        clock.advance(400)
        await pilot.pause(0.35)
        assert "6:40 elapsed" in clock_text(screen)


async def test_a_we_heavy_answer_draws_the_personal_contribution_follow_up(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        editor = screen.query_one("#answer", TextArea)
        editor.insert(
            "We saw our checkout errors climb, so we got the team together and we rebuilt "
            "the retry logic. We shipped it in two weeks and our errors fell by 40%. We "
            "learned to watch our dashboards more closely, and we now review them weekly."
        )
        clock.advance(60)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.writer.flush()
        main = load_sessions().sessions[0].answers[0]
        assert main.follow_ups[0].kind == "individual"
        assert screen.step.prompt == main.follow_ups[0].text


async def test_coach_mode_shows_flags_and_vote_after_each_answer(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed", coach=True)
        screen.query_one("#answer", TextArea).insert("We helped a lot and it was much better.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CoachScreen)
        shown = str(app.screen.query_one("#coach-panel Static").render())
        assert "we-heavy" in shown and "Vote on this answer alone" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.step.kind == "follow-up"


def test_settings_file_sets_targets_and_bad_keys_are_named():
    paths.config_dir().mkdir(parents=True)
    path = paths.config_dir() / "settings.toml"
    path.write_text('main_seconds = 120\ntiming = "strict"\ncolour = "blue"\nrounds = 9\n')
    loaded = load_settings()
    assert loaded.settings.main_seconds == 120 and loaded.settings.timing == "strict"
    assert loaded.settings.rounds == 5
    assert [(p.line, p.field) for p in loaded.problems] == [(3, "colour"), (4, "rounds")]


async def test_setup_uses_the_settings_file(clock):
    paths.config_dir().mkdir(parents=True)
    (paths.config_dir() / "settings.toml").write_text("main_seconds = 120\n")
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        assert screen.step.target_seconds == 120
        assert "2:00 left" in clock_text(screen)


async def test_spoken_answers_record_the_seconds_of_each_beat(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#mode", Select).value = "spoken"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.spoken
        for key, seconds in (("s", 20), ("t", 15), ("a", 70), ("r", 10), ("l", 5)):
            await pilot.press(key)
            clock.advance(seconds)
        await pilot.pause(0.3)
        beats = str(screen.query_one("#beats").render())
        assert "Now: lesson" in beats
        # Each beat is labelled by its key: the lesson is L, not a second R.
        labels = beats.split(".  ")[1].splitlines()[0].split("  ")
        assert [label.split()[0] for label in labels] == ["S", "T", "A", "R", "L"]
        await pilot.press("n", *"payments", "escape")  # a one-line note
        await pilot.press("ctrl+s")
        await pilot.pause()
    [answer] = load_sessions().sessions[0].answers
    assert answer.beats == {
        "situation": 20,
        "task": 15,
        "action": 70,
        "result": 10,
        "reflection": 5,
    }
    assert answer.seconds == 120 and answer.text == "payments"


async def test_beat_marks_survive_a_crash_before_the_answer_is_submitted(clock):
    """Each beat key is written to disk at once; resuming restores the marks, so the
    split comes out as if the candidate had never left."""

    async def spoken_loop(pilot) -> InterviewScreen:
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#mode", Select).value = "spoken"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        return pilot.app.screen

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await spoken_loop(pilot)
        for key, seconds in (("s", 20), ("t", 15), ("a", 0)):
            await pilot.press(key)
            clock.advance(seconds)
        await pilot.pause()
        pilot.app.writer.flush()  # written by a thread, as soon as each key is pressed
        # No submit, no quit: what is on disk now is what a kill -9 would leave.
        [saved] = load_sessions().sessions
    assert saved.draft is not None
    assert [beat for beat, _ in saved.draft.marks] == ["situation", "task", "action"]
    assert [at for _, at in saved.draft.marks] == [0, 20, 35]

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")  # resume
        await pilot.pause()
        await pilot.press("enter")  # past the intro, back to the same question
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.phase == "answering"
        assert "Now: action" in str(screen.query_one("#beats").render())
        clock.advance(35)
        await pilot.press("r")
        clock.advance(10)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [answer] = load_sessions().sessions[0].answers
    assert answer.beats == {"situation": 20, "task": 15, "action": 35, "result": 10}


async def test_an_answer_keeps_its_time_on_disk_with_nothing_typed(clock):
    """The autosave writes the clock's time every few seconds while it runs, so a
    crash mid-answer resumes the clock near where it stopped, not at the last key."""
    from tui.screens import interview

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        screen.query_one("#answer", TextArea).load_text("")
        screen.save_draft_now()
        clock.advance(interview.ELAPSED_SAVE_SECONDS + 3)
        screen.autosave()  # what the 2-second timer calls
        app.writer.flush()  # saves are written by a thread
        [saved] = load_sessions().sessions
        assert saved.draft is not None and saved.draft.elapsed == 8
        clock.advance(1)
        screen.autosave()  # under 5 s since the last write, nothing typed: no write
        app.writer.flush()
        [saved] = load_sessions().sessions
        assert saved.draft.elapsed == 8


def test_the_debrief_reports_the_spoken_beat_split():
    from rich.console import Console

    from loops.bank import load_bank
    from loops.planner import plan_loop
    from loops.session import LoopSettings, Session
    from tui.screens.debrief import timing_table

    session = Session(
        "s", LoopSettings("sde2", 4, mode="spoken"), plan_loop(load_bank(), "sde2", 4, 2)
    )
    step = session.current_step()
    session.record(step, "", 120.0, beats={"situation": 40, "task": 20, "action": 48, "result": 12})
    console = Console(width=100, record=True, color_system=None)
    console.print(timing_table(session, 1))
    out = " ".join(console.export_text().split())
    assert "situation+task 1:00 (target under 0:50, too long)" in out
    assert "action 40% of the time (target about 70%)" in out


async def test_untimed_counts_the_round_up_too(clock):
    """Untimed practice is a stopwatch: the answer clock and the round clock count up
    (the round clock used to count down, as if a limit applied)."""
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "untimed")
        clock.advance(30)
        await pilot.pause(0.35)
        text = clock_text(screen)
        assert "0:30 elapsed" in text and "round 0:30 so far" in text
        assert "left" not in text


def test_the_round_clock_says_left_over_or_so_far():
    from loops.timing import round_clock

    assert round_clock("relaxed", 900, 300) == "round 10:00 left"
    assert round_clock("strict", 900, 960) == "round over by 1:00"
    assert round_clock("untimed", 900, 960) == "round 16:00 so far"
