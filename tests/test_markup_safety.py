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

from snapshot import screen_text
from textual.widgets import TextArea
from textual.widgets._toast import Toast

from loops import paths
from loops.bank import load_bank
from loops.planner import plan_loop
from loops.session import LoopSettings, Session
from loops.settings import load_settings
from loops.store import save_session, session_path
from loops.stories import Story, save_stories
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.screens.interview import InterviewScreen
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
    plan = plan_loop(BANK, "sde2", 4, 8)
    session = Session(id="20261122-br", settings=LoopSettings("sde2", 4, "relaxed", 8), plan=plan)
    first = True
    while (step := session.current_step()) is not None and not step.round.is_bar_raiser:
        text = STRONG if first else WEAK
        first = False
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        session.record(step, text, 60.0, follow_ups=fus)
    save_session(session)
    return session


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
    # Readable, but with a hand-edited level; and unreadable, with a bad version.
    session_path("20261121-odd").write_text(text.replace('level = "sde2"', 'level = "[ok]"'))
    session_path("20261121-bad").write_text(
        text.replace(good.id, "20261121-bad").replace("version = 1", 'version = "[/]"', 1)
    )
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        _shows(app, "20261121-bad.toml", "'[/]'", "Debrief: [ok],")


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
