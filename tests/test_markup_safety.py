"""Nothing a user typed or a file holds is ever read as Textual/Rich markup.

Square brackets are ordinary characters in answers ("list[int]"), story
titles ("[draft] Checkout"), question files and hand-edited sessions. Read
as markup, "x[/b]" or "[/]" crashes the app (and a saved follow-up that
quotes it crashed every later resume), and "[ok]" silently vanishes. Each
test drives the app through a path where such text reaches the screen and
checks that it is there, exactly as written.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from snapshot import screen_text
from test_bar_raiser import session_before_bar_raiser
from textual.content import Content
from textual.screen import Screen
from textual.visual import visualize
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static, TextArea
from textual.widgets._data_table import default_cell_formatter
from textual.widgets._toast import Toast

from loops import paths
from loops.bank import load_bank
from loops.planner import plan_loop
from loops.problems import FileProblem
from loops.review.debrief import build_debrief
from loops.review.history import History
from loops.review.matching import match_answers
from loops.session import LoopSettings, Session
from loops.settings import load_settings
from loops.store import save_session, session_path
from loops.stories import Story, save_stories
from tui.app import MockloopApp
from tui.screens.answer_view import answer_header, marked
from tui.screens.breaks import BreakScreen
from tui.screens.coach import coach_text
from tui.screens.debrief import (
    DebriefScreen,
    cross_options,
    evidence_options,
    principle_grid,
    timing_table,
)
from tui.screens.history import HistoryScreen
from tui.screens.interview import InterviewScreen
from tui.screens.schedule import ScheduleScreen
from tui.screens.stories import ConfirmScreen, StoryBankScreen

BANK = load_bank()
VISIBLE = ("[ok]", "list[int]")
"""Bracketed words that markup would silently swallow: each must be on screen."""

FIGURES = (
    "I saw our checkout p99 latency climb from 300 ms to 1.4 seconds over a quarter and "
    "nobody owned it x[/b]. "
)
STRONG = FIGURES + (
    "I profiled [ok] list[int] [/] myself, found an N+1 query, and rewrote it as one batched "
    "call. I shipped it behind a flag to 5% of traffic first. p99 went back to 300 ms and cart "
    "abandonment fell 3%. I learned to put a latency budget in every design doc."
)
WEAK = "We helped a lot and things got much better for everyone in the end, I think."


def _shows(app: MockloopApp, *needles: str) -> None:
    shown = screen_text(app)
    for needle in needles:
        assert needle in shown, f"{needle!r} is not on screen:\n{shown}"


def _notified(app: MockloopApp, *needles: str) -> None:
    """A notice holding ``needles`` is on screen, drawn as written."""
    shown = [str(toast.render()) for toast in app.screen.query(Toast)]
    assert any(all(n in toast for n in needles) for toast in shown), shown


def _before_bar_raiser() -> Session:
    """Rounds 1-3 answered; round 1's first answer states figures next to 'x[/b]'."""
    return session_before_bar_raiser(STRONG)


async def test_the_bar_raiser_quotes_brackets_back_and_a_resume_shows_them(clock):
    _before_bar_raiser()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.step.round.is_bar_raiser
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one("#answer", TextArea).insert(STRONG)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.step.kind == "follow-up" and "x[/b]" in screen.step.prompt
        _shows(app, "x[/b]")
        await pilot.press("ctrl+q")
    # The probe was saved: the next start resumes at it, and must show it too.
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        _shows(app, "x[/b]")


def _finished(answer: str = STRONG) -> Session:
    """A finished loop whose every main answer carries brackets."""
    plan = plan_loop(BANK, "sde2", 4, 4)
    session = Session(id="20261120-brackets", settings=LoopSettings("sde2", 4, "relaxed", 4),
                      plan=plan)  # fmt: skip
    while (step := session.current_step()) is not None:
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        text = answer if step.kind == "main" else "I did it myself [/] and list[int] [ok]."
        session.record(step, text, 70.0, follow_ups=fus)
    save_session(session)
    return session


async def test_the_debrief_shows_answers_with_brackets_on_every_tab(clock):
    session = _finished()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        _shows(app, *VISIBLE, "[/]")
        # Enter on the first quote: the answer itself, brackets and all.
        await pilot.press("down", "enter")
        await pilot.pause()
        _shows(app, *VISIBLE)
        await pilot.press("escape")
        for tab in "2345":
            await pilot.press(tab)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        _shows(app, "NEW STORY")
    assert session.answers


async def test_the_story_bank_shows_titles_with_brackets(clock):
    save_stories(
        [
            Story(id="ok", title="[ok] list[int]", principles=("ownership",)),
            Story(id="slash", title="Ends x[/b] [/]", principles=("dive-deep",)),
        ]
    )
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, StoryBankScreen)
        _shows(app, *VISIBLE, "Ends x[/b] [/]", "[ownership]")
        await pilot.press("down", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        _shows(app, "Ends x[/b] [/]")


def _question_file(prompt: str) -> str:
    return f"""\
version = 1

[[questions]]
id = "my-brackets"
principle = "ownership"
prompt = "{prompt}"
follow_ups = [
  {{ kind = "measurement", text = "How did you measure list[int]? [/]" }},
  {{ kind = "individual", text = "What did you do yourself [ok]?" }},
  {{ kind = "reflection", text = "What would you do differently x[/b]?" }},
]
"""


async def test_a_user_question_with_brackets_is_asked_as_written(clock):
    prompt = "Tell me about a time you owned a [ok] list[int] bug nobody else would x[/b]."
    folder = paths.user_questions_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(_question_file(prompt))
    # A broken file whose bad value holds brackets: named in a notice, not a crash.
    (folder / "broken.toml").write_text(
        _question_file("Tell me about a time.").replace('"ownership"', '"[/]own[b]"')
    )
    bank = load_bank(folder)
    defaults = load_settings().settings
    seed = next(
        s
        for s in range(500)
        if plan_loop(bank, defaults.level, defaults.rounds, s).rounds[0].questions[0].prompt
        == prompt
    )
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#seed").value = str(seed)
        await pilot.press("ctrl+s")
        await pilot.pause()
        _notified(app, "broken.toml:5", "'[/]own[b]'")
        await pilot.press("enter")  # the schedule: begin round 1
        await pilot.pause()
        await pilot.press("enter")  # the intro: first question
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        _shows(app, *VISIBLE, "x[/b]")
        app.screen.query_one("#answer", TextArea).insert(STRONG)
        await pilot.press("ctrl+s")
        await pilot.pause()
        _shows(app, "Follow-up:")


async def test_a_session_file_with_brackets_is_named_and_skipped(clock):
    good = _finished("I fixed it myself and cut failures by 80%.")
    text = session_path(good.id).read_text().replace(good.id, "20261121-odd")
    # A hand-edited level and a hand-edited version: both named, with what they hold.
    session_path("20261121-odd").write_text(text.replace('level = "sde2"', 'level = "[ok]"'))
    session_path("20261121-bad").write_text(
        text.replace(good.id, "20261121-bad").replace("version = 1", 'version = "[/]"', 1)
    )
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        _shows(app, "20261121-bad.toml:1:", "'[/]'", "20261121-odd.toml:7:", "'[ok]'")


async def test_a_hand_edited_interviewer_with_brackets_is_shown(clock):
    """Names in a session file are the user's to edit: the round, its break and
    the debrief show them as written."""
    session = _before_bar_raiser()
    rounds = [
        dataclasses.replace(r, interviewer=f"[ok] list[int] {r.index}") for r in session.plan.rounds
    ]
    session.plan = dataclasses.replace(session.plan, rounds=rounds)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        _shows(app, "[ok] list[int] 4")
        await app.push_screen(BreakScreen(session, *session.plan.rounds[:2]))
        await pilot.pause()
        _shows(app, "with [ok] list[int] 2.")


# --- any text at all ----------------------------------------------------------------

BRACKETY = st.text(alphabet="[]/=@#:$\\ abiokl", min_size=1, max_size=14)
"""Short strings heavy in what markup reads: tags, closers, actions, variables, escapes."""


ROW_KEYS = itertools.count()
"""History rows need keys unique across examples: the table keeps every row added."""


def _hostile_session(t: str, answers: int) -> Session:
    """A loop whose names, prompts and first ``answers`` answers all carry ``t``."""
    plan = plan_loop(BANK, "sde2", 4, 4)
    rounds = [
        dataclasses.replace(
            r,
            interviewer=f"Ann {t}",
            title=f"Lead {t}",
            questions=tuple(
                dataclasses.replace(q, prompt=f"Tell me about a time {t}") for q in r.questions
            ),
        )
        for r in plan.rounds
    ]
    session = Session(
        id="20261123-any", settings=LoopSettings("sde2", 4, "relaxed", 4),
        plan=dataclasses.replace(plan, rounds=rounds),
    )  # fmt: skip
    for _ in range(answers):
        step = session.current_step()
        assert step is not None
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        text = f"I did {t} myself and cut p99 from 1.4 s to 300 ms for {t}."
        session.record(step, text, 70.0, follow_ups=fus)
    return session


def _flat(text: str) -> str:
    """Spacing as the screen collapses it (answers are clipped on whitespace)."""
    return " ".join(text.split())


def _drawn(widget: Widget, obj: object) -> str:
    """What ``widget`` draws for ``obj`` with its default settings (markup on for a str),
    as plain text; raises MarkupError where the screen would crash."""
    if isinstance(obj, str | Text | Content):
        return visualize(widget, obj, markup=True).__str__()
    console = Console(width=160, file=io.StringIO(), record=True, color_system=None)
    console.print(obj)
    return console.export_text()


@pytest.fixture
async def screens(clock):
    """One app with each screen that shows user text pushed once: each example
    refills them through their own methods, so 30 examples take seconds."""
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        done = _hostile_session("x", 3)
        pushed = {
            "interview": InterviewScreen(app.runner_for(_hostile_session("x", 0)), clock),
            "schedule": ScheduleScreen(done),
            "bank": StoryBankScreen(),
            "history": HistoryScreen(),
            "debrief": DebriefScreen(done),
        }
        for screen in pushed.values():
            await app.push_screen(screen)
            await pilot.pause()
        await app.workers.wait_for_complete()
        yield pilot, pushed


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(t=BRACKETY)
async def test_any_bracketed_text_is_drawn_as_written_on_every_screen(screens, t):
    pilot, pushed = screens
    app = pilot.app
    fresh, done = _hostile_session(t, 0), _hostile_session(t, 3)

    def static(screen: Screen[None], selector: str) -> str:
        widget = screen.query_one(selector, Static)
        return _drawn(widget, widget.content)

    interview = pushed["interview"]
    interview.runner, interview.step = app.runner_for(fresh), fresh.current_step()
    interview.show_intro()
    assert f"Ann {t}, Lead {t}" in static(interview, "#round-header")
    assert f"with Ann {t}, Lead {t}" not in static(interview, "#intro-text")
    assert f"I'm Ann {t}, Lead {t}." in static(interview, "#intro-text")
    interview.start_step()
    assert static(interview, "#prompt") == f"Question: Tell me about a time {t}"

    schedule = pushed["schedule"]
    schedule.session = fresh
    for reveal in (False, True):
        schedule.watch_reveal(reveal)
        assert f"Ann {t}" in static(schedule, "#schedule")

    bank = pushed["bank"]
    bank.stories = [Story(id="s", title=f"Story {t}", principles=("ownership",))]
    bank.problems = [FileProblem(Path("stories.toml"), 3, "title", t)]
    bank.refresh_bank()
    menu = bank.query_one("#story-list", OptionList)
    assert _drawn(menu, menu.get_option_at_index(0).prompt) == f"Story {t}  [ownership]"
    assert f"title: {t}" in static(bank, "#story-problems")

    history = pushed["history"]
    row = {"id": f"any-{next(ROW_KEYS)}", "date": t, "level": t, "rounds": 4,
           "outcome": None, "answers": 3, "inclined_share": None, "we_heavy_share": None,
           "avg_seconds": None, "contradictions": 0, "reused": 0, "finished": False,
           "created_at": ""}  # fmt: skip
    history.show(History(rows=[row], problems=[]))
    table = history.query_one(DataTable)
    cells = [_drawn(table, default_cell_formatter(c)) for c in table.get_row(row["id"])]
    assert cells[:2] == [t, t]

    debrief = pushed["debrief"]
    d = build_debrief(done)
    drawn = [_drawn(menu, o.prompt) for o in (*evidence_options(d), *cross_options(d))]
    assert f"Round 1: Ann {t} (Coding)" in drawn
    _drawn(debrief, principle_grid(d))
    assert _flat(f"Q: Tell me about a time {t}") in _flat(
        _drawn(debrief, timing_table(done, 1, d.analysis))
    )
    stories = [Story(id="s", title=f"Story {t}", summary=done.answers[0].text)]
    for args in ((stories, match_answers(done, stories), []), ([], [], bank.problems)):
        debrief.show_stories(*args)
        listing = debrief.query_one("#story-list", OptionList)
        drawn = [_drawn(listing, o.prompt) for o in listing.options]
    assert drawn == [f"Story bank unreadable: stories.toml:3: title: {t}"]
    answer, result = done.answers[0], d.analysis.answers[0]
    assert answer.text in _drawn(debrief, marked(answer.text, [(0, 4)]))
    assert f"Tell me about a time {t}" in _drawn(debrief, answer_header(answer, result))
    _drawn(debrief, coach_text(answer, False))

    app.notify(f"Saved {t}")
    toasts: list[str] = []
    for _ in range(100):  # the notice is posted, then its toast mounted: later on a busy box
        await pilot.pause(0.02)
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        if toasts:
            break
    assert any(f"Saved {t}" in toast for toast in toasts), toasts
    app.clear_notifications()


def test_the_history_command_prints_a_bracketed_folder_as_written(monkeypatch, tmp_path):
    from tui.debrief_cmd import run_history

    monkeypatch.setenv("MOCKLOOP_HOME", str(tmp_path / "x[/b] [ok]"))
    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    assert run_history(False, console) == 0
    assert "x[/b] [ok]" in console.export_text()


def test_the_analyze_report_prints_shared_details_with_brackets_as_written():
    from debrief_fixture import finished_loop

    from loops.review.analysis import analyze_session
    from tui.analyze_cmd import render

    result = analyze_session(finished_loop())
    assert result.reused
    reused = [dataclasses.replace(r, evidence=("x[/b] [ok]", "list[int]")) for r in result.reused]
    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    render(dataclasses.replace(result, reused=tuple(reused)), console)
    assert "x[/b] [ok]; list[int]" in console.export_text()
