"""What a person reads: the answer clock named and written one way, a skip called a
skip, answers counted from #1, and no vote asked for a question passed over.

The faults, as seen at 80x24: the answer view said "70s of 150s" (unlabelled,
rounded) where the Timing tab said "1:09 / 2:30" under "Time / target"; the debrief
called a skipped question "not answered"; the Markdown and HTML exports numbered
answers from #0; the self-vote screen asked for a vote on a skipped question.
"""

from __future__ import annotations

import dataclasses
import io

from debrief_fixture import finished_loop
from rich.console import Console
from snapshot import screen_text
from test_skip_not_scored import SKIPS, _loop
from textual.widgets import OptionList, Static

from loops.review.debrief import build_debrief
from loops.review.exports import render
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.answer_view import AnswerScreen
from tui.screens.debrief import DebriefScreen, principle_grid
from tui.screens.self_vote import SelfVoteScreen

CLOCK = 69.7
"""Rounded it reads 70s; on the Timing tab's clock, cut to the second, 1:09."""


def _text(*renderables: object) -> str:
    console = Console(width=80, record=True, color_system=None, file=io.StringIO())
    for r in renderables:
        console.print(r)
    return console.export_text()


async def _open_debrief(app: MockloopApp, pilot) -> DebriefScreen:
    await pilot.pause()
    await pilot.press("down", "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, DebriefScreen)
    return app.screen


async def test_the_answer_view_and_the_timing_tab_show_the_same_labelled_clock(clock):
    session = finished_loop()
    session.answers[0] = dataclasses.replace(session.answers[0], seconds=CLOCK)
    save_session(session)
    target = session.answers[0].target_seconds
    assert target == 150
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_debrief(app, pilot)
        await pilot.press("4")  # Timing tab
        await app.workers.wait_for_complete()
        await pilot.pause()
        timing = _text(*(w.content for w in screen.query("#timing-body Static").results(Static)))
        await pilot.press("1", "enter")  # Rounds tab; the answer behind round 1's first vote
        await pilot.pause()
        assert isinstance(app.screen, AnswerScreen)
        assert app.screen.answer.seconds == CLOCK
        view = screen_text(app)
    assert "Clock / target" in timing, timing
    assert "1:09 / 2:30" in timing, timing
    assert "clock 1:09 of 2:30" in view, view
    assert "70s" not in view and "of 150s" not in view


async def test_the_debrief_says_skipped_for_a_skipped_question(clock):
    session = _loop(SKIPS)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_debrief(app, pilot)
        evidence = screen.query_one("#evidence", OptionList)
        lines = [str(evidence.get_option_at_index(k).prompt) for k in range(evidence.option_count)]
        skipped = [q for q in screen.debrief.questions if q.skipped]
        assert len(skipped) == len(SKIPS)
        for q in skipped:
            assert f"  {q.principle_name}: skipped" in lines, lines
        assert not any(line.endswith(": not answered") for line in lines), lines
        grid = _text(principle_grid(screen.debrief))
    for q in skipped:
        row = next(line for line in grid.splitlines() if line.strip().startswith(q.principle_name))
        assert row.rstrip().endswith("skipped"), row


def test_markdown_and_html_count_answers_from_one_and_json_keeps_its_indexes():
    data = build_debrief(finished_loop()).to_json()
    first = data["rounds"][0]["questions"][0]
    assert first["answers"][0] == 0  # a position in the JSON's answers array
    md, page = render(data, "md"), render(data, "html")
    assert "#### #1 Q: " in md and "<h4>#1 Q: " in page
    assert "#0" not in md and "#0" not in page
    last = len(data["answers"])
    assert f"#### #{last} " in md and f"#### #{last + 1} " not in md
    reuse = data["reused"][0]
    i, j = reuse["answers"]
    said = f"answer #{i + 1}) and round 3 (Bias for Action, answer #{j + 1}) tell"
    assert said in page and said in md  # principles by name; "#1" read as typed


async def test_the_self_vote_screen_leaves_out_skipped_questions(clock):
    session = _loop(SKIPS)
    session.settings = dataclasses.replace(session.settings, self_vote=True)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.vote_then_debrief(session)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SelfVoteScreen)
        listing = screen.query_one("#self-votes", OptionList)
        given = [a for a in session.answers if a.kind == "main" and not a.skipped]
        assert listing.option_count == len(given)
        assert all(not a.skipped for a in screen.asked)
        text = screen_text(app)
        said = f"Not listed: {len(SKIPS)} skipped questions, nothing said to vote on."
        assert said in text, text
        # Voting every row votes only the questions answered.
        for _ in screen.asked:
            await pilot.press("3")
        await pilot.pause()
    voted = [a for a in session.answers if a.kind == "main" and a.self_vote]
    assert len(voted) == len(given)
    assert not any(a.self_vote for a in session.answers if a.skipped)
