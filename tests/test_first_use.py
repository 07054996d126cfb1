"""What a new user trips over (issue 13): messages and commands that misled or broke.

The CLI is driven through ``main`` (and once through a real pipe), the way a
person types the commands; each test fails on the bug it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TextArea
from textual.widgets._footer import FooterKey

from loops.problems import FileProblemError, read_toml
from loops.settings import load_settings
from loops.store import load_sessions
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.coach import CoachScreen
from tui.screens.help import HelpScreen
from tui.screens.interview import InterviewScreen

BAD_ARRAY = "[[questions]\nid = 'x'\n"


def test_a_toml_error_keeps_its_whole_position(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_ARRAY, encoding="utf-8")
    with pytest.raises(FileProblemError) as caught:
        read_toml(bad)
    (problem,) = caught.value.problems
    assert problem.line == 1
    text = str(problem)
    assert text == (
        f"{bad}:1: not valid TOML: Expected ']]' at the end of an array declaration (column 12)"
    )
    assert "(," not in text and text.count("(") == text.count(")")


def test_a_toml_error_at_the_end_names_the_last_line(tmp_path):
    bad = tmp_path / "end.toml"
    bad.write_text("a = 1\nb = ", encoding="utf-8")
    with pytest.raises(FileProblemError) as caught:
        read_toml(bad)
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert str(problem).endswith("not valid TOML: Invalid value (at the end of the file)")


@pytest.mark.parametrize(
    "argv",
    [["check-bank"], ["analyze"], ["debrief"], ["stories", "import"]],
)
def test_every_command_shows_the_toml_error_whole(tmp_path, capsys, argv):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_ARRAY, encoding="utf-8")
    assert main([*argv, str(bad)]) != 0
    err = capsys.readouterr().err
    assert "bad.toml:1: not valid TOML: Expected ']]' at the end of an array declaration" in err
    assert "(column 12)" in err and "(, column" not in err


# --- the interview screen ------------------------------------------------------


async def start_loop(
    pilot, *, mode="typed", timing="relaxed", coach=False, rounds=None
) -> InterviewScreen:
    """Home, setup as a person fills it in, the schedule, the intro: the first question."""
    await pilot.press("n")
    await pilot.pause()
    setup = pilot.app.screen
    setup.query_one("#mode", Select).value = mode
    setup.query_one("#timing", Select).value = timing
    setup.query_one("#coach", Select).value = "on" if coach else "off"
    setup.query_one("#seed", Input).value = "21"
    if rounds is not None:
        setup.query_one("#rounds", Select).value = rounds
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("enter", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen) and screen.phase == "answering"
    return screen


def footer_keys(app) -> dict[str, str]:
    """What the footer offers now: key shown -> its description."""
    return {k.key_display: k.description for k in app.screen.query(FooterKey)}


def beat_line(screen: InterviewScreen) -> str:
    return str(screen.query_one("#beats", Static).render())


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_after_the_coach_panel_spoken_keys_mark_beats_not_the_note(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_loop(pilot, mode="spoken", coach=True)
        await pilot.press("s")
        clock.advance(60)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CoachScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.step.kind == "follow-up"
        await pilot.press("s", "a")
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).text == ""
        assert "Now: action." in beat_line(screen)
        assert footer_keys(app).get("s") == "Situation"
        screen.save_draft_now()
    [session] = load_sessions().sessions
    assert session.draft is not None and session.draft.text == ""
    assert [beat for beat, _ in session.draft.marks] == ["situation", "action"]


async def test_the_current_beat_ticks_and_finished_beats_are_rounded(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_loop(pilot, mode="spoken")
        await pilot.press("s")
        clock.advance(90)
        # The beat line ticks on its own, twice a second; a busy box may run late, so
        # wait for a tick (up to five seconds) rather than for a fixed 0.6 s.
        for _ in range(50):
            await pilot.pause(0.1)
            if "S 1:30" in beat_line(screen):
                break
        assert "S 1:30" in beat_line(screen)
        clock.advance(2.99)
        await pilot.press("t")
        clock.advance(0.4)
        await pilot.press("l")
        await pilot.pause()
        line = beat_line(screen)
        assert "S 1:33" in line and "T 0:00" in line
        assert "Now: lesson." in line and "reflection" not in line.split("\n")[0]


async def test_the_spoken_coach_counts_the_marked_beats_as_told(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot, mode="spoken", coach=True)
        for key, seconds in (("s", 15), ("t", 10), ("a", 70), ("r", 15), ("l", 10)):
            await pilot.press(key)
            clock.advance(seconds)
        await pilot.press("n", *"payments retry fix", "escape", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CoachScreen)
        shown = str(app.screen.query_one("#coach-panel Static").render())
    assert "Coach:" in shown
    assert "no-result" not in shown and "no-reflection" not in shown


LONG_TYPED = (
    "At a payments company I was an SDE II on the checkout team. Our retry job doubled "
    "charges for about 41 customers a week, and support tickets kept climbing. I traced "
    "it to a missing idempotency key, wrote the fix, added a test that replays the "
    "failure, and rolled it out behind a flag over two days. Duplicate charges fell to "
    "zero and tickets dropped by 80% within a month. I learned to add a replay test "
    "before I touch any payment path, and I still do that on every change I review. "
    "I also wrote a short design note on idempotency for the team and walked the two "
    "newest engineers through it, so the next retry job we built had the key from day one."
)


async def test_a_typed_answer_is_not_too_short_for_being_typed_fast(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_loop(pilot, coach=True)
        screen.query_one("#answer", TextArea).insert(LONG_TYPED)
        clock.advance(4)  # pasted in, submitted four seconds later
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = str(app.screen.query_one("#coach-panel Static").render())
        assert "too-short" not in shown and "(measured)" not in shown


async def test_strict_timing_hides_f2_and_says_why_when_pressed(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_loop(pilot, timing="strict")
        assert "f2" not in {k.lower() for k in footer_keys(app)}
        await pilot.press("f2")
        await pilot.pause()
        assert any("No pause in strict timing" in n for n in notices(app))
        assert screen.stopwatch.running
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot, timing="relaxed")
        assert "f2" in {k.lower() for k in footer_keys(app)}


async def test_tab_leaves_the_editor_so_question_mark_opens_help(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_loop(pilot)
        editor = screen.query_one("#answer", TextArea)
        await pilot.press(*"I led", "tab")
        await pilot.pause()
        assert not editor.has_focus
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "tab", *" it")
        await pilot.pause()
        assert app.screen is screen and editor.text == "I led it"
        await pilot.press("f1")  # F1 is help from inside the editor too
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_typing_while_paused_says_it_is_paused(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_loop(pilot, timing="relaxed")
        await pilot.press(*"I", "f2", *"x")
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).text == "I"
        assert any("Paused" in n and "F2" in n for n in notices(app))


def test_marked_beats_count_as_told_in_the_engine():
    from scoring import AnswerInput, analyze_answer

    note = AnswerInput(1, "ownership", "payments retry fix", seconds=120.0)
    assert {"no-result", "no-reflection"} <= set(analyze_answer(note).flag_names)
    told = AnswerInput(1, "ownership", note.text, seconds=120.0, told=("result", "reflection"))
    result = analyze_answer(told)
    assert not {"no-result", "no-reflection"} & set(result.flag_names)
    assert {"result", "reflection"} <= set(result.signals.star)


# --- the story form --------------------------------------------------------------


async def test_the_story_form_error_is_in_view_and_the_bad_field_focused(clock):
    from snapshot import screen_text

    from tui.screens.stories import StoryFormScreen

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryFormScreen)
        await pilot.press(*"Cheaper builds", "tab", *"frugal")
        # Down to the summary, as a person fills the form in, then save from there.
        await pilot.press(*["tab"] * 6, *"Cut CI spend by 40%.", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Unknown principle frugal" in screen_text(app)
        assert form.focused is form.query_one("#f-principles", Input)


# --- the debrief's Stories tab -----------------------------------------------------


async def test_a_on_a_freshly_opened_stories_tab_banks_the_first_new_story(clock):
    from debrief_fixture import finished_loop, open_stories_tab

    from loops.stories import load_stories

    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        await pilot.press("a")  # the story form opens on the draft
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any("Open the Stories tab" in n for n in notices(app))
    stories, problems = load_stories()
    assert not problems and len(stories) == 1


# --- a closed stdout ---------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["plan", "--json"], ["history", "--json"], ["history"], ["stories", "list"]],
)
def test_a_reader_that_closes_the_pipe_gets_no_traceback(argv):
    """``mockloop history --json | head``: head closes the pipe before mockloop writes."""
    import os
    import subprocess
    import sys

    from debrief_fixture import finished_loop

    finished_loop()  # something for history to print
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=60)
    assert err == "" and code in (0, 141)


def test_check_bank_points_to_a_file_that_exists_for_a_bad_slug(tmp_path, capsys):
    mine = tmp_path / "mine.toml"
    mine.write_text(
        "[[questions]]\n"
        'id = "cheap-build"\n'
        'principle = "frugal"\n'
        'prompt = "Tell me about a time you did more with less."\n',
        encoding="utf-8",
    )
    assert main(["check-bank", str(mine)]) == 2
    err = capsys.readouterr().err
    assert "'frugal' is not a principle slug (did you mean 'frugality'?)" in err
    assert "domain.md" not in err
    pointed = Path(err.split("the built-in bank uses all 16: ")[1].split()[0])
    assert pointed.is_file() and 'principle = "frugality"' in pointed.read_text("utf-8")


# --- setup remembers -------------------------------------------------------------------


async def test_setup_opens_on_the_choices_of_the_last_loop(clock):
    from loops import paths

    paths.config_dir().mkdir(parents=True)
    (paths.config_dir() / "settings.toml").write_text("main_seconds = 120\n")
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot, mode="spoken", timing="strict", coach=True, rounds=4)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        setup = app.screen
        chosen = {
            key: setup.query_one(f"#{key}", Select).value
            for key in ("rounds", "timing", "mode", "coach")
        }
    assert chosen == {"rounds": 4, "timing": "strict", "mode": "spoken", "coach": "on"}
    settings = load_settings().settings
    assert settings.main_seconds == 120  # a hand-set key is kept


def test_a_settings_file_with_problems_is_not_rewritten():
    from loops import paths
    from loops.settings import remember_choices

    paths.config_dir().mkdir(parents=True)
    path = paths.config_dir() / "settings.toml"
    path.write_text('timing = "fast"\n')
    assert remember_choices({"timing": "strict"}) is False
    assert path.read_text() == 'timing = "fast"\n'


# --- counts in English ----------------------------------------------------------------


async def test_one_word_is_one_word_not_one_words(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_loop(pilot)
        await pilot.press(*"Hello")
        await pilot.pause()
        assert str(screen.query_one("#words", Static).render()) == "1 word"
        await pilot.press(*" there")
        await pilot.pause()
        assert str(screen.query_one("#words", Static).render()) == "2 words"


def test_flag_messages_count_in_english():
    from scoring import AnswerInput, analyze_answer

    we = analyze_answer(AnswerInput(1, "ownership", "We shipped it.", seconds=100))
    [message] = [f.message for f in we.flags if f.name == "we-heavy"]
    assert message.startswith("'we' forms 1 time against 'I' forms 0 times:")
    short = analyze_answer(AnswerInput(1, "ownership", "Done."))
    [too_short] = [f.message for f in short.flags if f.name == "too-short"]
    assert "estimated from 1 word at" in too_short
